//! Connecting to SQLite or PostgreSQL through sqlx's `Any` driver, so that
//! one store layer serves both. Migrations are embedded per backend and run
//! at start-up.
//!
//! Several instances may start at once against one database (a fresh
//! PostgreSQL behind a load balancer). First-start work — migrations, the
//! first administrator, the sample library — runs under [`Db::first_start_lock`]
//! so that exactly one instance does it and the others find it done.
//!
//! Portable SQL rules used throughout `store/`: `$1` placeholders (SQLite
//! accepts them too), integers as BIGINT/INTEGER decoded as `i64`, booleans
//! as 0/1 integers, timestamps as fixed-width ISO text (see `time.rs`).

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyPool, Executor, Transaction};
use std::path::PathBuf;
use std::str::FromStr;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("../../migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("../../migrations/postgres");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("unsupported database URL scheme; use sqlite:// or postgres://")]
    UnsupportedUrl,
    #[error("cannot create the database folder {0}: {1}")]
    Folder(String, std::io::Error),
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    pub engine: Engine,
    /// SQLite: the file [`Db::first_start_lock`] locks.
    lock_file: Option<PathBuf>,
}

/// The advisory lock key of first-start work ("mizon" in ASCII).
const FIRST_START_LOCK_KEY: i64 = 0x6d_69_7a_6f_6e;

/// The right to do first-start work; see [`Db::first_start_lock`].
#[must_use = "the lock is held until released"]
pub enum FirstStartLock {
    /// The connection holding the advisory lock.
    Postgres(Option<PoolConnection<Any>>),
    File(std::fs::File),
    None,
}

impl FirstStartLock {
    pub async fn release(mut self) -> Result<(), sqlx::Error> {
        match &mut self {
            FirstStartLock::Postgres(conn) => {
                if let Some(mut conn) = conn.take()
                    && let Err(e) = sqlx::query("SELECT pg_advisory_unlock($1) AS released")
                        .bind(FIRST_START_LOCK_KEY)
                        .execute(&mut *conn)
                        .await
                {
                    // Possibly still locked: close it rather than pool it.
                    drop(conn.detach());
                    return Err(e);
                }
            }
            FirstStartLock::File(file) => file.unlock().map_err(sqlx::Error::Io)?,
            FirstStartLock::None => {}
        }
        Ok(())
    }
}

impl Drop for FirstStartLock {
    /// Not released (first start failed half-way): the connection must not
    /// go back to the pool still holding the lock; closing it frees the lock.
    fn drop(&mut self) {
        if let FirstStartLock::Postgres(conn) = self
            && let Some(conn) = conn.take()
        {
            drop(conn.detach());
        }
    }
}

pub type Tx = Transaction<'static, Any>;

impl Db {
    /// Connects (creating a SQLite file and its folder when missing) and
    /// brings the schema up to date, under the first-start lock.
    pub async fn connect(url: &str) -> Result<Db, DbError> {
        let db = Db::open(url).await?;
        let lock = db.first_start_lock().await?;
        db.migrate().await?;
        lock.release().await?;
        Ok(db)
    }

    /// Connects without touching the schema (the caller takes the lock and
    /// migrates, see `server::startup`).
    pub async fn open(url: &str) -> Result<Db, DbError> {
        sqlx::any::install_default_drivers();
        let (engine, url) = if let Some(path) = url.strip_prefix("sqlite://") {
            let file = path.split('?').next().unwrap_or(path);
            if let Some(parent) = std::path::Path::new(file).parent()
                && !parent.as_os_str().is_empty()
            {
                std::fs::create_dir_all(parent)
                    .map_err(|e| DbError::Folder(parent.display().to_string(), e))?;
            }
            let url = if url.contains("mode=") {
                url.to_owned()
            } else if url.contains('?') {
                format!("{url}&mode=rwc")
            } else {
                format!("{url}?mode=rwc")
            };
            (Engine::Sqlite, url)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            (Engine::Postgres, url.to_owned())
        } else {
            return Err(DbError::UnsupportedUrl);
        };
        let options = AnyConnectOptions::from_str(&url)?;
        let pool = AnyPoolOptions::new()
            .max_connections(match engine {
                Engine::Sqlite => 8,
                Engine::Postgres => 16,
            })
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if engine == Engine::Sqlite {
                        conn.execute(
                            "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; \
                             PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;",
                        )
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        let lock_file = match engine {
            Engine::Sqlite => url
                .strip_prefix("sqlite://")
                .and_then(|rest| rest.split('?').next())
                .filter(|file| !file.is_empty() && !file.contains(":memory:"))
                .map(|file| PathBuf::from(format!("{file}-startup-lock"))),
            Engine::Postgres => None,
        };
        Ok(Db {
            pool,
            engine,
            lock_file,
        })
    }

    /// Brings the schema up to date (call it holding [`Db::first_start_lock`]).
    pub async fn migrate(&self) -> Result<(), DbError> {
        match self.engine {
            Engine::Sqlite => SQLITE_MIGRATIONS.run(&self.pool).await?,
            Engine::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await?,
        }
        Ok(())
    }

    /// Waits until no other instance is doing first-start work, then holds
    /// that right until [`FirstStartLock::release`].
    ///
    /// PostgreSQL: a session-level advisory lock on a connection kept aside
    /// for it (a transaction-level lock would not span the several
    /// transactions of first start). SQLite: an exclusive lock on a file
    /// next to the database (`…-startup-lock`, never removed: removing a
    /// lock file others may wait on is a race); not the database file
    /// itself, since opening and closing it would drop SQLite's own locks.
    pub async fn first_start_lock(&self) -> Result<FirstStartLock, DbError> {
        match self.engine {
            Engine::Postgres => {
                let mut conn = self.pool.acquire().await?;
                sqlx::query("SELECT 1 AS locked FROM pg_advisory_lock($1)")
                    .bind(FIRST_START_LOCK_KEY)
                    .execute(&mut *conn)
                    .await?;
                Ok(FirstStartLock::Postgres(Some(conn)))
            }
            Engine::Sqlite => {
                let Some(path) = self.lock_file.clone() else {
                    return Ok(FirstStartLock::None);
                };
                let file = tokio::task::spawn_blocking(move || {
                    let file = std::fs::OpenOptions::new()
                        .create(true)
                        .truncate(false)
                        .write(true)
                        .open(&path)
                        .map_err(|e| DbError::Folder(path.display().to_string(), e))?;
                    file.lock()
                        .map_err(|e| DbError::Folder(path.display().to_string(), e))?;
                    Ok::<_, DbError>(file)
                })
                .await
                .map_err(|e| DbError::Folder("start-up lock".into(), std::io::Error::other(e)))??;
                Ok(FirstStartLock::File(file))
            }
        }
    }

    /// Starts a write transaction. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`), so two writers queue instead of one failing
    /// half-way with "database is locked".
    pub async fn begin(&self) -> Result<Tx, sqlx::Error> {
        match self.engine {
            Engine::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Engine::Postgres => self.pool.begin().await,
        }
    }

    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map(|_| ())
    }
}
