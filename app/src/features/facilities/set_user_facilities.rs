use crate::error::AppError;
use domain::FacilityCode;
use leptos::prelude::*;

/// Says which facilities an account works at, replacing what was said
/// before (administrators). A form with nothing ticked sends no `codes`.
#[server(endpoint = "set_user_facilities", prefix = "/api")]
pub async fn set_user_facilities(
    username: String,
    #[server(default)] codes: Vec<String>,
) -> Result<Vec<FacilityCode>, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            Ok(services
                .set_user_facilities(&ctx.actor()?, &username, &codes)
                .await?)
        }
        .await,
    )
}
