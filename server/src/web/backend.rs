//! The adapter from the app's `Backend` port to the services: picks the
//! actor from the request context and maps service errors to `AppError`.
//! Internal errors are logged here with a correlation id and never sent.

use super::error_page::new_correlation_id;
use crate::services::{Actor, ServiceError, Services};
use app::backend::{Backend, NewSession, RequestCtx};
use app::error::AppError;
use app::model::*;
use domain::{Locale, UserId};

pub struct AppBackend(pub Services);

fn to_app_error(e: ServiceError) -> AppError {
    match e {
        ServiceError::NotSignedIn => AppError::NotSignedIn,
        ServiceError::Forbidden => AppError::Forbidden,
        ServiceError::NotFound => AppError::NotFound,
        ServiceError::InvalidCredentials => AppError::InvalidCredentials,
        ServiceError::Throttled { minutes } => AppError::Throttled { minutes },
        ServiceError::Invalid { field, message_id } => AppError::invalid(field, message_id),
        ServiceError::Conflict(message_id) => AppError::conflict(message_id),
        ServiceError::Internal(detail) => {
            let correlation_id = new_correlation_id();
            tracing::error!(%correlation_id, %detail, "internal error");
            AppError::Internal { correlation_id }
        }
    }
}

fn actor(ctx: &RequestCtx) -> Result<Actor, AppError> {
    ctx.user
        .clone()
        .map(Actor::User)
        .ok_or(AppError::NotSignedIn)
}

#[async_trait::async_trait]
impl Backend for AppBackend {
    async fn sign_in(
        &self,
        ctx: &RequestCtx,
        username: &str,
        password: &str,
    ) -> Result<NewSession, AppError> {
        let started = self
            .0
            .sign_in(username, password, ctx.client_ip.as_deref())
            .await
            .map_err(to_app_error)?;
        Ok(NewSession {
            token: started.token,
            max_age_seconds: crate::store::sessions::ABSOLUTE.num_seconds(),
            user: started.user,
        })
    }

    async fn sign_out(&self, ctx: &RequestCtx) -> Result<(), AppError> {
        match (&ctx.session_token_hash, actor(ctx)) {
            (Some(hash), Ok(actor)) => self.0.sign_out(&actor, hash).await.map_err(to_app_error),
            _ => Ok(()),
        }
    }

    async fn change_password(
        &self,
        ctx: &RequestCtx,
        current: &str,
        new: &str,
    ) -> Result<(), AppError> {
        let user = ctx.user.as_ref().ok_or(AppError::NotSignedIn)?;
        self.0
            .change_own_password(user, ctx.session_token_hash.as_deref(), current, new)
            .await
            .map_err(to_app_error)
    }

    async fn set_preferred_locale(&self, ctx: &RequestCtx, locale: Locale) -> Result<(), AppError> {
        let user = ctx.user.as_ref().ok_or(AppError::NotSignedIn)?;
        self.0
            .set_preferred_locale(user, locale)
            .await
            .map_err(to_app_error)
    }

    async fn list_users(&self, ctx: &RequestCtx) -> Result<Vec<UserSummary>, AppError> {
        self.0.list_users(&actor(ctx)?).await.map_err(to_app_error)
    }

    async fn get_user(&self, ctx: &RequestCtx, id: UserId) -> Result<UserSummary, AppError> {
        self.0
            .get_user(&actor(ctx)?, id)
            .await
            .map_err(to_app_error)
    }

    async fn create_user(&self, ctx: &RequestCtx, new: NewUser) -> Result<UserId, AppError> {
        self.0
            .create_user(&actor(ctx)?, new)
            .await
            .map_err(to_app_error)
    }

    async fn update_user(&self, ctx: &RequestCtx, change: UserChange) -> Result<(), AppError> {
        self.0
            .update_user(&actor(ctx)?, change)
            .await
            .map_err(to_app_error)
    }

    async fn reset_password(
        &self,
        ctx: &RequestCtx,
        id: UserId,
        temporary: &str,
    ) -> Result<(), AppError> {
        self.0
            .reset_password(&actor(ctx)?, id, temporary)
            .await
            .map_err(to_app_error)
    }

    async fn audit_page(&self, ctx: &RequestCtx, page: u32) -> Result<AuditPage, AppError> {
        self.0
            .audit_page(&actor(ctx)?, page)
            .await
            .map_err(to_app_error)
    }

    async fn list_instruments(&self, ctx: &RequestCtx) -> Result<Vec<InstrumentSummary>, AppError> {
        self.0
            .list_instruments(&actor(ctx)?)
            .await
            .map_err(to_app_error)
    }

    async fn get_version(
        &self,
        ctx: &RequestCtx,
        code: &str,
        number: i64,
    ) -> Result<VersionView, AppError> {
        self.0
            .get_version(&actor(ctx)?, code, number)
            .await
            .map_err(to_app_error)
    }
}
