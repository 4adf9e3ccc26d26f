//! Account deletion: a request logs the user out everywhere and schedules the purge after
//! a grace period; signing in before then keeps the account.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::db::schema::users;
use crate::jobs::queue;

/// Marks the account for deletion and queues its purge. Returns when it will happen.
pub fn request(
    conn: &mut PgConnection,
    user_id: i64,
    grace: std::time::Duration,
) -> QueryResult<DateTime<Utc>> {
    let due = Utc::now()
        + chrono::Duration::from_std(grace).unwrap_or_else(|_| chrono::Duration::days(14));
    diesel::update(users::table.find(user_id))
        .set((
            users::deletion_requested_at.eq(diesel::dsl::now),
            users::session_version.eq(users::session_version + 1),
            users::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)?;
    queue::enqueue(
        conn,
        queue::PURGE_ACCOUNT,
        serde_json::json!({ "user_id": user_id }),
        Some(due),
    )?;
    Ok(due)
}

/// Keeps an account whose deletion was requested (the user signed in again).
pub fn cancel(conn: &mut PgConnection, user_id: i64) -> QueryResult<bool> {
    let n = diesel::update(
        users::table
            .find(user_id)
            .filter(users::deletion_requested_at.is_not_null()),
    )
    .set(users::deletion_requested_at.eq(None::<DateTime<Utc>>))
    .execute(conn)?;
    Ok(n > 0)
}

/// Deletes the account if its deletion is still requested and the grace period is over.
/// Tokens, sent-mail records and rate counters go with it (foreign keys cascade); later
/// features add their own clean-up here.
pub fn purge_if_due(
    conn: &mut PgConnection,
    user_id: i64,
    grace: std::time::Duration,
) -> QueryResult<bool> {
    let grace = chrono::Duration::from_std(grace).unwrap_or_else(|_| chrono::Duration::days(14));
    conn.transaction(|conn| {
        let row: Option<(Option<DateTime<Utc>>, String)> = users::table
            .find(user_id)
            .select((users::deletion_requested_at, users::email))
            .for_update()
            .first(conn)
            .optional()?;
        // A request that was cancelled, or renewed later, is not due yet.
        let Some((Some(requested), email)) = row else {
            return Ok(false);
        };
        if requested + grace > Utc::now() + chrono::Duration::seconds(5) {
            return Ok(false);
        }
        diesel::sql_query("DELETE FROM rate_limits WHERE key LIKE '%:' || lower($1)")
            .bind::<diesel::sql_types::Text, _>(&email)
            .execute(conn)?;
        diesel::delete(users::table.find(user_id)).execute(conn)?;
        Ok(true)
    })
}
