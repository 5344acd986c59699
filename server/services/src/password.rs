//! Password hashing with argon2id at one of OWASP's equivalent minimum
//! settings: 12 MiB, three passes, one lane (as strong as 19 MiB with two,
//! and a third less memory per check). Hashes made with other parameters
//! (older accounts: 19 MiB, two passes) verify with their own. Hashing is
//! slow and memory-hungry on purpose, so it runs on the blocking pool,
//! never on the async workers, and behind one process-wide [`Limiter`]
//! sized to the machine's cores: however many sign-ins arrive at once, at
//! most that many buffers exist.
//!
//! Callers check lengths first (`domain::Password::fits`): nothing longer
//! than 1,024 bytes reaches argon2.

use crate::limiter::Limiter;
use crate::{ServiceError, ServiceResult};
use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::OnceLock;
use std::time::Duration;

/// argon2id memory in KiB (12 MiB), passes and lanes: OWASP's minimum.
const MEMORY_KIB: u32 = 12 * 1024;
const PASSES: u32 = 3;
const LANES: u32 = 1;

/// Callers allowed to wait for a turn, per core, and for how long.
const WAITING_PER_CORE: usize = 64;
const MAX_WAIT: Duration = Duration::from_secs(5);

/// The one limiter every password hash and check in this process goes through.
pub fn limiter() -> &'static Limiter {
    static LIMITER: OnceLock<Limiter> = OnceLock::new();
    LIMITER.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Limiter::new(cores, cores * WAITING_PER_CORE, MAX_WAIT)
    })
}

fn argon2() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, PASSES, LANES, None).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

fn busy(_: crate::limiter::Busy) -> ServiceError {
    ServiceError::Busy
}

pub async fn hash(password: String) -> ServiceResult<String> {
    limiter()
        .run(move || hash_blocking(&password))
        .await
        .map_err(busy)?
        .map_err(|e| ServiceError::Internal(e.to_string()))
}

fn hash_blocking(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(argon2()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

/// Verifies against a stored hash (with the parameters stored in it); with
/// `None` (no such account) it verifies against a dummy hash, so that the
/// time taken does not tell whether a username exists. Always false then.
pub async fn verify(password: String, stored: Option<String>) -> ServiceResult<bool> {
    limiter()
        .run(move || {
            let known = stored.is_some();
            let stored = stored.unwrap_or_else(|| dummy_hash().to_owned());
            let ok = PasswordHash::new(&stored)
                .map(|parsed| {
                    argon2()
                        .verify_password(password.as_bytes(), &parsed)
                        .is_ok()
                })
                .unwrap_or(false);
            ok && known
        })
        .await
        .map_err(busy)
}

/// Made on first need (inside a turn of the limiter), not at start-up.
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash_blocking("not a password anyone has").expect("hashing works"))
}

/// A random password for the first administrator or a reset from the command line.
pub fn generate() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rng();
    (0..20)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_only_its_own_password() {
        let h = hash("correct horse battery".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=12288,t=3,p=1$"), "{h}");
        assert!(
            verify("correct horse battery".into(), Some(h.clone()))
                .await
                .unwrap()
        );
        assert!(!verify("wrong horse battery".into(), Some(h)).await.unwrap());
        assert!(
            !verify("not a password anyone has".into(), None)
                .await
                .unwrap()
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn many_parallel_checks_never_run_more_than_the_cores_at_once() {
        let stored = hash("correct horse battery".into()).await.unwrap();
        let checks: Vec<_> = (0..limiter().size() + 6)
            .map(|i| {
                let stored = stored.clone();
                tokio::spawn(async move { verify(format!("guess {i}"), Some(stored)).await })
            })
            .collect();
        for check in checks {
            assert!(!check.await.unwrap().unwrap());
        }
        // Other tests in this process use the same limiter; none may exceed it.
        assert!(limiter().peak() >= 1);
        assert!(limiter().peak() <= limiter().size());
    }

    #[test]
    fn generated_passwords_are_long_and_differ() {
        let (a, b) = (generate(), generate());
        assert_eq!(a.len(), 20);
        assert_ne!(a, b);
    }
}
