//! Facilities and who works at which.

use super::{Conn, StoreError, parse_column};
use crate::time::now_iso;
use domain::{FacilityCode, FacilityId, FacilityName, UserId};
use sqlx::Row;
use sqlx::any::AnyRow;

#[derive(Debug, Clone)]
pub struct FacilityRecord {
    pub id: FacilityId,
    pub code: FacilityCode,
    pub name_tg: String,
    pub name_ru: String,
    pub name_en: String,
}

const COLUMNS: &str = "f.id, f.code, f.name_tg, f.name_ru, f.name_en";

fn from_row(row: &AnyRow) -> Result<FacilityRecord, sqlx::Error> {
    Ok(FacilityRecord {
        id: FacilityId::from_db(row.try_get("id")?),
        code: parse_column(row, "code")?,
        name_tg: row.try_get("name_tg")?,
        name_ru: row.try_get("name_ru")?,
        name_en: row.try_get("name_en")?,
    })
}

pub struct NewFacility<'a> {
    pub code: &'a FacilityCode,
    pub tg: &'a FacilityName,
    pub ru: &'a FacilityName,
    pub en: &'a FacilityName,
}

/// Adds a facility; `Duplicate(FacilityCode)` when the code is taken.
pub async fn insert(conn: &mut Conn, new: NewFacility<'_>) -> Result<FacilityId, StoreError> {
    let id: i64 = sqlx::query(
        "INSERT INTO facilities (code, name_tg, name_ru, name_en, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(new.code.as_str())
    .bind(new.tg.as_str())
    .bind(new.ru.as_str())
    .bind(new.en.as_str())
    .bind(now_iso())
    .fetch_one(&mut *conn)
    .await?
    .try_get("id")?;
    Ok(FacilityId::from_db(id))
}

/// Every facility, by code.
pub async fn list(conn: &mut Conn) -> Result<Vec<FacilityRecord>, StoreError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM facilities f ORDER BY f.code"
    ))
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

pub async fn find(
    conn: &mut Conn,
    code: &FacilityCode,
) -> Result<Option<FacilityRecord>, StoreError> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM facilities f WHERE f.code = $1"
    ))
    .bind(code.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.as_ref().map(from_row).transpose()?)
}

/// The facilities `user` works at, by code.
pub async fn of_user(conn: &mut Conn, user: UserId) -> Result<Vec<FacilityRecord>, StoreError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM facilities f JOIN user_facilities uf ON uf.facility_id = f.id \
         WHERE uf.user_id = $1 ORDER BY f.code"
    ))
    .bind(user.get())
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

/// Whether `user` works at `facility`.
pub async fn works_at(
    conn: &mut Conn,
    user: UserId,
    facility: FacilityId,
) -> Result<bool, StoreError> {
    let row =
        sqlx::query("SELECT 1 AS yes FROM user_facilities WHERE user_id = $1 AND facility_id = $2")
            .bind(user.get())
            .bind(facility.get())
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.is_some())
}

/// Replaces the facilities `user` works at (no duplicates in `facilities`).
pub async fn set_for_user(
    conn: &mut Conn,
    user: UserId,
    facilities: &[FacilityId],
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM user_facilities WHERE user_id = $1")
        .bind(user.get())
        .execute(&mut *conn)
        .await?;
    for facility in facilities {
        sqlx::query("INSERT INTO user_facilities (user_id, facility_id) VALUES ($1, $2)")
            .bind(user.get())
            .bind(facility.get())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
