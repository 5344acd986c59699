//! Account administration: list, create, edit roles, deactivate, reset passwords.

mod create_user;
mod get_user;
mod list_users;
mod new_user_page;
mod reset_password;
mod role_picker;
mod update_user;
mod user_page;
mod users_page;

pub use create_user::{CreateUser, create_user};
pub use get_user::{GetUser, get_user};
pub use list_users::{ListUsers, list_users};
pub use new_user_page::NewUserPage;
pub use reset_password::{ResetPassword, reset_password};
pub use update_user::{UpdateUser, update_user};
pub use user_page::UserPage;
pub use users_page::UsersPage;
