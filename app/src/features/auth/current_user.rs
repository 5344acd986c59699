use crate::error::AppError;
use crate::model::SessionUser;
use leptos::prelude::*;

/// The signed-in user, or `None` for a visitor.
#[server(endpoint = "current_user", prefix = "/api")]
pub async fn current_user() -> Result<Option<SessionUser>, AppError> {
    use crate::request::*;
    respond(request().map(|(_, ctx)| ctx.user))
}
