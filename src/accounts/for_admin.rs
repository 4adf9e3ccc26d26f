//! What the admin area needs of accounts: finding members, reading one, changing a role
//! and the account the command line creates. These are steps: they run in the admin
//! rule's transaction, which also writes the audit row.

use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};

use super::fields::{DisplayName, EmailAddress};
use super::model::{self, NewUser};
use super::{tokens, Error};
use crate::config::Config;
use crate::db::schema::users;
use crate::i18n::Locale;
use crate::web::auth::{User, UserRole};

/// How long the command line's set-password link works: long enough to hand it over,
/// short enough that a forgotten one dies (a lost link is replaced by "forgot password").
pub const SET_PASSWORD_TTL: std::time::Duration = std::time::Duration::from_secs(72 * 3600);

/// A password hash no password matches (bcrypt refuses to read it): the account created
/// on the command line has no password until its owner sets one through the link.
const NO_PASSWORD: &str = "!";

/// `%`, `_` and `\` typed by an admin are searched for as themselves.
fn like_pattern(q: &str) -> String {
    let escaped = q
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// Members whose email or name contains `q` (ignoring case) or whose id is `q`, newest
/// first; `limit` rows after `offset`. An empty `q` lists everyone.
pub fn search(conn: &mut PgConnection, q: &str, offset: i64, limit: i64) -> QueryResult<Vec<User>> {
    let mut query = users::table
        .select(User::as_select())
        .order(users::id.desc())
        .offset(offset)
        .limit(limit)
        .into_boxed();
    let q = q.trim();
    if !q.is_empty() {
        let pattern = like_pattern(q);
        let text = diesel::dsl::sql::<Bool>("(email ILIKE ")
            .bind::<Text, _>(pattern.clone())
            .sql(" OR display_name ILIKE ")
            .bind::<Text, _>(pattern)
            .sql(")");
        query = match q.parse::<i64>() {
            Ok(id) => query.filter(users::id.eq(id).or(text)),
            Err(_) => query.filter(text),
        };
    }
    query.load(conn)
}

/// One member, whatever their state.
pub fn find(conn: &mut PgConnection, id: i64) -> QueryResult<Option<User>> {
    model::find(conn, id).optional()
}

/// The member with this address (ignoring case).
pub fn find_by_email(conn: &mut PgConnection, email: &str) -> QueryResult<Option<User>> {
    Ok(model::find_by_email_with_hash(conn, email)?.map(|(user, _)| user))
}

/// Gives the member `role`, with their row locked; answers the role they had, `None`
/// when there is no such member. Run it in the transaction that records why.
pub fn set_role(conn: &mut PgConnection, id: i64, role: UserRole) -> QueryResult<Option<UserRole>> {
    let before: Option<UserRole> = users::table
        .find(id)
        .for_update()
        .select(users::role)
        .first(conn)
        .optional()?;
    if before.is_some() {
        diesel::update(users::table.find(id))
            .set(users::role.eq(role))
            .execute(conn)?;
    }
    Ok(before)
}

/// An account made by an operator: verified (the operator vouches for the address),
/// with `role` and no password, and a one-time link to set one (the reset link's
/// machinery, valid [`SET_PASSWORD_TTL`]). Answers the member and the link.
pub fn create_verified(
    conn: &mut PgConnection,
    email: &EmailAddress,
    name: &DisplayName,
    role: UserRole,
    cfg: &Config,
) -> Result<(User, String), Error> {
    if model::email_taken(conn, email.as_str(), None)? {
        return Err(Error::EmailTaken);
    }
    let locale = Locale::default();
    let id: i64 = diesel::insert_into(users::table)
        .values(&NewUser {
            email: email.as_str(),
            password_hash: NO_PASSWORD,
            display_name: name.as_str(),
            locale: locale.code(),
            time_zone: crate::i18n::zone::for_locale(locale).name(),
        })
        .returning(users::id)
        .get_result(conn)?;
    diesel::update(users::table.find(id))
        .set((
            users::role.eq(role),
            users::email_verified_at.eq(diesel::dsl::now),
        ))
        .execute(conn)?;
    let token = tokens::issue(
        conn,
        id,
        tokens::RESET_PASSWORD,
        email.as_str(),
        SET_PASSWORD_TTL,
    )?;
    let user = model::find(conn, id)?;
    Ok((user, format!("{}/password/reset/{token}", cfg.base_url)))
}
