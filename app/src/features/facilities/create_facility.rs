use crate::error::AppError;
use crate::model::{Facility, NewFacility};
use leptos::prelude::*;

/// Adds a facility (administrators); a plain form comes back to the list.
#[server(endpoint = "create_facility", prefix = "/api")]
pub async fn create_facility(facility: NewFacility) -> Result<Facility, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            let created = services.create_facility(&ctx.actor()?, facility).await?;
            crate::features::auth::redirect_plain_form("/admin/facilities");
            Ok(created)
        }
        .await,
    )
}
