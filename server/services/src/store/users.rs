//! Accounts and their roles.

use super::{Conn, StoreError, parse_column};
use crate::time::now_iso;
use domain::{Locale, Role, Roles, UserId, Username};
use sqlx::Row;
use sqlx::any::AnyRow;

#[derive(Debug, Clone)]
pub struct UserRecord {
    pub id: UserId,
    pub username: Username,
    pub display_name: String,
    pub password_hash: String,
    pub preferred_locale: Option<Locale>,
    pub active: bool,
    pub must_change_password: bool,
    pub revision: i64,
    pub created_at: String,
    pub roles: Roles,
}

const COLUMNS: &str = "id, username, display_name, password_hash, preferred_locale, active, \
                       must_change_password, revision, created_at";

fn from_row(row: &AnyRow) -> Result<UserRecord, sqlx::Error> {
    let locale: Option<String> = row.try_get("preferred_locale")?;
    Ok(UserRecord {
        id: UserId::from_db(row.try_get("id")?),
        username: parse_column(row, "username")?,
        display_name: row.try_get("display_name")?,
        password_hash: row.try_get("password_hash")?,
        preferred_locale: locale
            .map(|l| l.parse())
            .transpose()
            .map_err(|e| super::decode_error("preferred_locale", e))?,
        active: row.try_get::<i64, _>("active")? != 0,
        must_change_password: row.try_get::<i64, _>("must_change_password")? != 0,
        revision: row.try_get("revision")?,
        created_at: row.try_get("created_at")?,
        roles: Roles::default(),
    })
}

fn role_of(row: &AnyRow) -> Result<(UserId, Role), sqlx::Error> {
    Ok((
        UserId::from_db(row.try_get("user_id")?),
        parse_column(row, "role")?,
    ))
}

async fn roles_of(conn: &mut Conn, id: UserId) -> Result<Roles, StoreError> {
    let rows = sqlx::query("SELECT user_id, role FROM user_roles WHERE user_id = $1")
        .bind(id.get())
        .fetch_all(&mut *conn)
        .await?;
    let roles = rows.iter().map(role_of).collect::<Result<Vec<_>, _>>()?;
    Ok(Roles::new(roles.into_iter().map(|(_, role)| role)))
}

pub async fn find_by_username(
    conn: &mut Conn,
    username: &Username,
) -> Result<Option<UserRecord>, StoreError> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM users WHERE username = $1"))
        .bind(username.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    match row {
        Some(row) => {
            let mut user = from_row(&row)?;
            user.roles = roles_of(conn, user.id).await?;
            Ok(Some(user))
        }
        None => Ok(None),
    }
}

pub async fn get(conn: &mut Conn, id: UserId) -> Result<UserRecord, StoreError> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM users WHERE id = $1"))
        .bind(id.get())
        .fetch_one(&mut *conn)
        .await?;
    let mut user = from_row(&row)?;
    user.roles = roles_of(conn, id).await?;
    Ok(user)
}

pub async fn list(conn: &mut Conn) -> Result<Vec<UserRecord>, StoreError> {
    let rows = sqlx::query(&format!("SELECT {COLUMNS} FROM users ORDER BY username"))
        .fetch_all(&mut *conn)
        .await?;
    let role_rows = sqlx::query("SELECT user_id, role FROM user_roles")
        .fetch_all(&mut *conn)
        .await?;
    let roles = role_rows
        .iter()
        .map(role_of)
        .collect::<Result<Vec<_>, _>>()?;
    let mut users = rows.iter().map(from_row).collect::<Result<Vec<_>, _>>()?;
    for user in &mut users {
        user.roles = Roles::new(
            roles
                .iter()
                .filter(|(uid, _)| *uid == user.id)
                .map(|(_, role)| *role),
        );
    }
    Ok(users)
}

pub async fn count(conn: &mut Conn) -> Result<i64, StoreError> {
    Ok(sqlx::query("SELECT COUNT(*) AS n FROM users")
        .fetch_one(&mut *conn)
        .await?
        .try_get("n")?)
}

/// How many active accounts other than `except` hold the administrator role.
pub async fn count_other_active_administrators(
    conn: &mut Conn,
    except: UserId,
) -> Result<i64, StoreError> {
    Ok(sqlx::query(
        "SELECT COUNT(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id \
         WHERE r.role = $1 AND u.active = 1 AND u.id <> $2",
    )
    .bind(Role::Administrator.code())
    .bind(except.get())
    .fetch_one(&mut *conn)
    .await?
    .try_get("n")?)
}

pub struct InsertUser<'a> {
    pub username: &'a Username,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub preferred_locale: Option<Locale>,
    pub must_change_password: bool,
    pub roles: &'a Roles,
}

/// Adds an account; `Duplicate(Username)` when the name is taken.
pub async fn insert(conn: &mut Conn, user: InsertUser<'_>) -> Result<UserId, StoreError> {
    let now = now_iso();
    let id: i64 = sqlx::query(
        "INSERT INTO users (username, display_name, password_hash, preferred_locale, \
         must_change_password, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
    )
    .bind(user.username.as_str())
    .bind(user.display_name)
    .bind(user.password_hash)
    .bind(user.preferred_locale.map(|l| l.code()))
    .bind(i64::from(user.must_change_password))
    .bind(&now)
    .fetch_one(&mut *conn)
    .await?
    .try_get("id")?;
    let id = UserId::from_db(id);
    set_roles(conn, id, user.roles).await?;
    Ok(id)
}

pub async fn set_roles(conn: &mut Conn, id: UserId, roles: &Roles) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM user_roles WHERE user_id = $1")
        .bind(id.get())
        .execute(&mut *conn)
        .await?;
    for role in roles.iter() {
        sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)")
            .bind(id.get())
            .bind(role.code())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Changes name and active state if the row is still at `revision`;
/// `StaleRevision` when someone changed it meanwhile.
pub async fn update_profile(
    conn: &mut Conn,
    id: UserId,
    revision: i64,
    display_name: &str,
    active: bool,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE users SET display_name = $1, active = $2, revision = revision + 1, updated_at = $3 \
         WHERE id = $4 AND revision = $5",
    )
    .bind(display_name)
    .bind(i64::from(active))
    .bind(now_iso())
    .bind(id.get())
    .bind(revision)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 1 {
        Ok(())
    } else {
        Err(StoreError::StaleRevision)
    }
}

pub async fn set_password(
    conn: &mut Conn,
    id: UserId,
    password_hash: &str,
    must_change: bool,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE users SET password_hash = $1, must_change_password = $2, revision = revision + 1, \
         updated_at = $3 WHERE id = $4",
    )
    .bind(password_hash)
    .bind(i64::from(must_change))
    .bind(now_iso())
    .bind(id.get())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn set_preferred_locale(
    conn: &mut Conn,
    id: UserId,
    locale: Locale,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET preferred_locale = $1, updated_at = $2 WHERE id = $3")
        .bind(locale.code())
        .bind(now_iso())
        .bind(id.get())
        .execute(&mut *conn)
        .await?;
    Ok(())
}
