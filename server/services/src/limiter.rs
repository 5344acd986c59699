//! A process-wide cap on CPU- and memory-heavy work (password hashing).
//!
//! Why: an argon2 check holds 12–19 MiB and a core for tens of milliseconds.
//! Started without a cap, 64 parallel sign-ins meant 64 blocking threads
//! each with its own buffer — a black-box probe saw the server grow from
//! 135 MB to 1.3 GB, and to 5 GB under password-change guesses. More checks
//! at once than cores finish no sooner anyway, so at most `size` run at a
//! time; a bounded number more wait a bounded time for a turn, and anything
//! beyond is refused at once ([`Busy`], answered 503) instead of queueing
//! without end.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::Semaphore;

/// The limit was full and the queue too (or the wait ran out).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy;

#[derive(Debug, Default)]
struct Counts {
    /// Callers waiting for a turn.
    waiting: AtomicUsize,
    /// Jobs running now, and the most that ever ran at once (the tests'
    /// evidence that the cap holds).
    running: AtomicUsize,
    peak: AtomicUsize,
}

#[derive(Debug)]
pub struct Limiter {
    permits: Arc<Semaphore>,
    counts: Arc<Counts>,
    size: usize,
    max_waiting: usize,
    max_wait: Duration,
}

/// Decrements a counter when dropped, so that a caller that goes away
/// (its request was cancelled) does not stay counted.
struct Counted<'a>(&'a AtomicUsize);

impl Drop for Counted<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Limiter {
    /// At most `size` jobs at once; at most `max_waiting` callers waiting,
    /// each at most `max_wait`.
    pub fn new(size: usize, max_waiting: usize, max_wait: Duration) -> Self {
        Limiter {
            permits: Arc::new(Semaphore::new(size.max(1))),
            counts: Arc::default(),
            size: size.max(1),
            max_waiting,
            max_wait,
        }
    }

    /// Runs `job` on the blocking pool once a turn is free. The turn goes
    /// with the job onto its thread: even if the caller is cancelled, the
    /// next job starts only when this one has finished.
    pub async fn run<T: Send + 'static>(
        &self,
        job: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, Busy> {
        let permit = match self.permits.clone().try_acquire_owned() {
            Ok(permit) => permit,
            Err(_) => {
                if self.counts.waiting.fetch_add(1, Ordering::SeqCst) >= self.max_waiting {
                    self.counts.waiting.fetch_sub(1, Ordering::SeqCst);
                    return Err(Busy);
                }
                let _queued = Counted(&self.counts.waiting);
                match tokio::time::timeout(self.max_wait, self.permits.clone().acquire_owned())
                    .await
                {
                    Ok(Ok(permit)) => permit,
                    _ => return Err(Busy),
                }
            }
        };
        let counts = self.counts.clone();
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let now = counts.running.fetch_add(1, Ordering::SeqCst) + 1;
            counts.peak.fetch_max(now, Ordering::SeqCst);
            let _running = Counted(&counts.running);
            job()
        })
        .await
        .map_err(|_| Busy)
    }

    /// How many jobs may run at once.
    pub fn size(&self) -> usize {
        self.size
    }

    /// The most jobs that ever ran at once.
    pub fn peak(&self) -> usize {
        self.counts.peak.load(Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicBool;

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn more_jobs_than_turns_never_run_more_than_the_size_at_once() {
        let limiter = Arc::new(Limiter::new(2, 100, Duration::from_secs(30)));
        let overlap = Arc::new(AtomicUsize::new(0));
        let too_many = Arc::new(AtomicBool::new(false));
        let jobs: Vec<_> = (0..2 + 6)
            .map(|_| {
                let (limiter, overlap, too_many) =
                    (limiter.clone(), overlap.clone(), too_many.clone());
                tokio::spawn(async move {
                    limiter
                        .run(move || {
                            // Measured by the jobs themselves, not only by the limiter.
                            if overlap.fetch_add(1, Ordering::SeqCst) >= 2 {
                                too_many.store(true, Ordering::SeqCst);
                            }
                            std::thread::sleep(Duration::from_millis(20));
                            overlap.fetch_sub(1, Ordering::SeqCst);
                        })
                        .await
                })
            })
            .collect();
        for job in jobs {
            assert_eq!(job.await.unwrap(), Ok(()));
        }
        assert!(!too_many.load(Ordering::SeqCst));
        assert_eq!(limiter.peak(), 2);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn callers_beyond_the_queue_are_refused_at_once() {
        let limiter = Arc::new(Limiter::new(1, 1, Duration::from_secs(30)));
        let (release, hold) = std::sync::mpsc::channel::<()>();
        let (started_tx, started) = tokio::sync::oneshot::channel();
        let first = {
            let limiter = limiter.clone();
            tokio::spawn(async move {
                limiter
                    .run(move || {
                        started_tx.send(()).unwrap();
                        hold.recv().unwrap();
                    })
                    .await
            })
        };
        started.await.unwrap();
        let queued = {
            let limiter = limiter.clone();
            tokio::spawn(async move { limiter.run(|| ()).await })
        };
        while limiter.counts.waiting.load(Ordering::SeqCst) == 0 {
            tokio::task::yield_now().await;
        }
        assert_eq!(limiter.run(|| ()).await, Err(Busy));
        release.send(()).unwrap();
        assert_eq!(first.await.unwrap(), Ok(()));
        assert_eq!(queued.await.unwrap(), Ok(()));
    }

    #[tokio::test]
    async fn a_caller_who_waits_too_long_is_refused() {
        let limiter = Limiter::new(1, 10, Duration::from_millis(10));
        let held = limiter.permits.clone().try_acquire_owned().unwrap();
        assert_eq!(limiter.run(|| ()).await, Err(Busy));
        assert_eq!(limiter.counts.waiting.load(Ordering::SeqCst), 0);
        drop(held);
        assert_eq!(limiter.run(|| 7).await, Ok(7));
    }
}
