//! Single-use email tokens (verification, password reset): the link carries 32 random
//! bytes, the table keeps only their SHA-256, and a token is spent by one conditional
//! update, so it works once and only before it expires.

use chrono::Utc;
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use crate::db::schema::email_tokens;

pub const VERIFY_EMAIL: &str = "verify_email";
pub const RESET_PASSWORD: &str = "reset_password";

fn hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// Issues a token and returns the secret part for the link.
pub fn issue(
    conn: &mut PgConnection,
    user_id: i64,
    purpose: &str,
    email: &str,
    ttl: std::time::Duration,
) -> QueryResult<String> {
    let token = crate::web::token::new_token();
    let expires_at =
        Utc::now() + chrono::Duration::from_std(ttl).unwrap_or_else(|_| chrono::Duration::hours(1));
    diesel::insert_into(email_tokens::table)
        .values((
            email_tokens::user_id.eq(user_id),
            email_tokens::purpose.eq(purpose),
            email_tokens::token_hash.eq(hash(&token)),
            email_tokens::email.eq(email),
            email_tokens::expires_at.eq(expires_at),
        ))
        .execute(conn)?;
    Ok(token)
}

/// What a spent token was for.
#[derive(Debug, Clone)]
pub struct Spent {
    pub user_id: i64,
    pub email: String,
}

/// Spends a token: `None` when it is unknown, used, expired or for another purpose.
pub fn spend(conn: &mut PgConnection, token: &str, purpose: &str) -> QueryResult<Option<Spent>> {
    let row: Option<(i64, String)> = diesel::update(
        email_tokens::table
            .filter(email_tokens::token_hash.eq(hash(token)))
            .filter(email_tokens::purpose.eq(purpose))
            .filter(email_tokens::used_at.is_null())
            .filter(email_tokens::expires_at.gt(diesel::dsl::now)),
    )
    .set(email_tokens::used_at.eq(diesel::dsl::now))
    .returning((email_tokens::user_id, email_tokens::email))
    .get_result(conn)
    .optional()?;
    Ok(row.map(|(user_id, email)| Spent { user_id, email }))
}

/// Whether a token could still be spent (to show the reset form before it is).
pub fn is_live(conn: &mut PgConnection, token: &str, purpose: &str) -> QueryResult<bool> {
    live_owner(conn, token, purpose).map(|o| o.is_some())
}

/// The user a token could still be spent for.
pub fn live_owner(conn: &mut PgConnection, token: &str, purpose: &str) -> QueryResult<Option<i64>> {
    email_tokens::table
        .filter(email_tokens::token_hash.eq(hash(token)))
        .filter(email_tokens::purpose.eq(purpose))
        .filter(email_tokens::used_at.is_null())
        .filter(email_tokens::expires_at.gt(diesel::dsl::now))
        .select(email_tokens::user_id)
        .first(conn)
        .optional()
}

/// Voids every open token of a purpose (a new password makes old reset links useless).
pub fn revoke_all(conn: &mut PgConnection, user_id: i64, purpose: &str) -> QueryResult<usize> {
    diesel::update(
        email_tokens::table
            .filter(email_tokens::user_id.eq(user_id))
            .filter(email_tokens::purpose.eq(purpose))
            .filter(email_tokens::used_at.is_null()),
    )
    .set(email_tokens::used_at.eq(diesel::dsl::now))
    .execute(conn)
}
