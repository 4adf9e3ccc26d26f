//! The `users` table as the rest of the app sees it (never with the password hash).

use diesel::prelude::*;

use crate::db::schema::users;
use crate::web::auth::User;

#[derive(Insertable)]
#[diesel(table_name = users)]
pub struct NewUser<'a> {
    pub email: &'a str,
    pub password_hash: &'a str,
    pub display_name: &'a str,
    pub locale: &'a str,
    pub time_zone: &'a str,
}

#[derive(AsChangeset)]
#[diesel(table_name = users)]
pub struct ProfileChanges<'a> {
    pub display_name: &'a str,
    pub bio: &'a str,
    pub city: &'a str,
    pub country: &'a str,
    pub locale: &'a str,
    pub time_zone: &'a str,
}

/// The user behind a session, if the session is still valid (same session version, not
/// being deleted).
pub fn session_user(conn: &mut PgConnection, id: i64, version: i32) -> QueryResult<Option<User>> {
    users::table
        .filter(users::id.eq(id))
        .filter(users::session_version.eq(version))
        .filter(users::deletion_requested_at.is_null())
        .select(User::as_select())
        .first(conn)
        .optional()
}

pub fn find(conn: &mut PgConnection, id: i64) -> QueryResult<User> {
    users::table.find(id).select(User::as_select()).first(conn)
}

/// Looks a user up by email, ignoring case; with the password hash for login.
pub fn find_by_email_with_hash(
    conn: &mut PgConnection,
    email: &str,
) -> QueryResult<Option<(User, String)>> {
    users::table
        .filter(
            diesel::dsl::sql::<diesel::sql_types::Bool>("lower(email) = lower(")
                .bind::<diesel::sql_types::Text, _>(email)
                .sql(")"),
        )
        .select((User::as_select(), users::password_hash))
        .first(conn)
        .optional()
}

pub fn email_taken(conn: &mut PgConnection, email: &str, except: Option<i64>) -> QueryResult<bool> {
    let found: Option<i64> = users::table
        .filter(
            diesel::dsl::sql::<diesel::sql_types::Bool>("lower(email) = lower(")
                .bind::<diesel::sql_types::Text, _>(email)
                .sql(")"),
        )
        .select(users::id)
        .first(conn)
        .optional()?;
    Ok(found.is_some_and(|id| Some(id) != except))
}

pub fn password_hash(conn: &mut PgConnection, id: i64) -> QueryResult<String> {
    users::table
        .find(id)
        .select(users::password_hash)
        .first(conn)
}

/// These users (any order; unknown ids are left out), for a feature that shows or
/// writes to them.
pub fn find_all(conn: &mut PgConnection, ids: &[i64]) -> QueryResult<Vec<User>> {
    users::table
        .filter(users::id.eq_any(ids))
        .select(User::as_select())
        .load(conn)
}

/// The display names of these users, in one query.
pub fn display_names(
    conn: &mut PgConnection,
    ids: &[i64],
) -> QueryResult<std::collections::HashMap<i64, String>> {
    let rows: Vec<(i64, String)> = users::table
        .filter(users::id.eq_any(ids))
        .select((users::id, users::display_name))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// The member asked for their account to be deleted (and is in the grace period).
pub fn is_leaving(conn: &mut PgConnection, id: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        users::table
            .find(id)
            .filter(users::deletion_requested_at.is_not_null()),
    ))
    .get_result(conn)
}

/// A member shown on the home page.
#[derive(Queryable, Clone)]
pub struct MemberCard {
    pub id: i64,
    pub display_name: String,
    pub city: String,
    pub country: String,
    pub verified: bool,
}

/// The newest members not being deleted.
pub fn newest_members(conn: &mut PgConnection, limit: i64) -> QueryResult<Vec<MemberCard>> {
    users::table
        .filter(users::deletion_requested_at.is_null())
        .order(users::id.desc())
        .limit(limit)
        .select((
            users::id,
            users::display_name,
            users::city,
            users::country,
            users::email_verified_at.is_not_null(),
        ))
        .load(conn)
}

/// Members not being deleted.
pub fn member_count(conn: &mut PgConnection) -> QueryResult<i64> {
    users::table
        .filter(users::deletion_requested_at.is_null())
        .count()
        .get_result(conn)
}

/// What a member's public profile shows of them.
#[derive(Queryable, Clone, Debug)]
pub struct PublicMember {
    pub id: i64,
    pub display_name: String,
    pub city: String,
    pub country: String,
    pub verified: bool,
    pub member_since: chrono::DateTime<chrono::Utc>,
    pub bio: String,
    pub avatar_key: Option<String>,
    /// Their holiday's last day (read it through `holiday()`).
    pub holiday_until: Option<chrono::NaiveDate>,
}

impl PublicMember {
    /// The holiday's last day while it lasts.
    pub fn holiday(&self) -> Option<chrono::NaiveDate> {
        let today = chrono::Utc::now().date_naive();
        self.holiday_until.filter(|d| *d >= today)
    }
}

/// A member as their public profile shows them; `None` for a member being deleted, as if
/// they were gone already.
pub fn public_member(conn: &mut PgConnection, id: i64) -> QueryResult<Option<PublicMember>> {
    users::table
        .find(id)
        .filter(users::deletion_requested_at.is_null())
        .select((
            users::id,
            users::display_name,
            users::city,
            users::country,
            users::email_verified_at.is_not_null(),
            users::created_at,
            users::bio,
            users::avatar_key,
            users::holiday_until,
        ))
        .first(conn)
        .optional()
}
