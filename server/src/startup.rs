//! Start-up as a testable seam: `Application::build` connects, migrates,
//! makes sure there is a way in, binds (port 0 picks a free port) and
//! reports the address; `run` serves until Ctrl-C or SIGTERM.
//!
//! Several instances may start together on one fresh database: the
//! first-start work (migrations, the first administrator, the sample
//! library) runs under one lock, so one instance does it and the others
//! wait, then find it done and serve.

use crate::config::ServeArgs;
use crate::web::{self, EdgeSettings};
use leptos::prelude::LeptosOptions;
use services::db::{Db, DbError};
use services::users::CreatedAdministrator;
use services::{ServiceError, Services};
use std::net::SocketAddr;
use tokio::net::TcpListener;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("database: {0}")]
    Db(#[from] DbError),
    #[error("cannot listen on {0}: {1}")]
    Bind(SocketAddr, std::io::Error),
    #[error("{0}")]
    Service(#[from] ServiceError),
    #[error("instrument library: {0}")]
    Library(ServiceError),
}

pub struct Application {
    listener: TcpListener,
    router: axum::Router,
    pub address: SocketAddr,
    pub services: Services,
    /// Set on the very first start: the generated administrator's credentials.
    pub first_administrator: Option<CreatedAdministrator>,
}

impl Application {
    pub async fn build(config: ServeArgs) -> Result<Application, StartupError> {
        let db = Db::open(&config.db.database_url).await?;
        let lock = db.first_start_lock().await?;
        db.migrate().await?;
        let services = Services::new(db);
        let first_administrator = services.ensure_first_administrator().await?;
        services
            .load_sample_instruments()
            .await
            .map_err(StartupError::Library)?;
        lock.release().await.map_err(DbError::from)?;
        let listener = TcpListener::bind(config.addr)
            .await
            .map_err(|e| StartupError::Bind(config.addr, e))?;
        let address = listener
            .local_addr()
            .map_err(|e| StartupError::Bind(config.addr, e))?;
        let leptos_options = LeptosOptions::builder()
            .output_name(web::output_name(&config.site_root))
            .site_root(config.site_root.to_string_lossy().into_owned())
            .site_pkg_dir("pkg")
            .site_addr(address)
            .build();
        let router = web::router(
            services.clone(),
            leptos_options,
            EdgeSettings {
                secure_cookies: config.secure_cookies,
                trust_proxy: config.trust_proxy,
            },
        );
        Ok(Application {
            listener,
            router,
            address,
            services,
            first_administrator,
        })
    }

    pub async fn run(self) -> std::io::Result<()> {
        axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown_signal())
        .await
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
