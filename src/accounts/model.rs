//! The `users` table as the rest of the app sees it (never with the password hash).

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::db::schema::users;
use crate::i18n::Locale;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = users, check_for_backend(diesel::pg::Pg))]
pub struct User {
    pub id: i64,
    pub email: String,
    pub email_verified_at: Option<DateTime<Utc>>,
    pub display_name: String,
    pub bio: String,
    pub city: String,
    pub country: String,
    pub locale: String,
    pub role: UserRole,
    pub session_version: i32,
    pub pending_email: Option<String>,
    pub deletion_requested_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// IANA name; read it through `zone()`.
    pub time_zone: String,
}

crate::text_enum! {
    /// What a member may do beyond their own things.
    pub enum UserRole {
        Member = "member",
        Moderator = "moderator",
        Admin = "admin",
    }
}

impl UserRole {
    /// Decides disputes, sees the books and every order.
    pub fn is_admin(self) -> bool {
        self == UserRole::Admin
    }
}

impl User {
    pub fn locale(&self) -> Locale {
        Locale::parse(&self.locale).unwrap_or_default()
    }

    /// The zone the member's pages and emails show times in.
    pub fn zone(&self) -> chrono_tz::Tz {
        crate::i18n::zone::of_user(&self.time_zone, self.locale())
    }

    pub fn is_verified(&self) -> bool {
        self.email_verified_at.is_some()
    }
}

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
