//! The signed-in user, fetched once per page load and shared by context.

use crate::error::AppError;
use crate::features::auth::current_user;
use crate::model::SessionUser;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Session(pub Resource<Result<Option<SessionUser>, AppError>>);

pub fn provide_session() -> Session {
    let session = Session(Resource::new(|| (), |_| current_user()));
    provide_context(session);
    session
}

pub fn use_session() -> Session {
    use_context::<Session>().expect("provide_session runs in App")
}

impl Session {
    /// The user, once loaded; `None` while loading or for a visitor.
    pub fn user(&self) -> Option<SessionUser> {
        self.0.get().and_then(|r| r.ok()).flatten()
    }
}
