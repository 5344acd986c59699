use crate::error::AppError;
use domain::FacilityCode;
use leptos::prelude::*;

/// The codes of the facilities an account works at (administrators).
#[server(endpoint = "user_facilities", prefix = "/api")]
pub async fn user_facilities(username: String) -> Result<Vec<FacilityCode>, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            Ok(services
                .facilities_of_user(&ctx.actor()?, &username)
                .await?)
        }
        .await,
    )
}
