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
        if has_orders(conn, user_id)? {
            anonymise(conn, user_id)?;
        } else {
            diesel::delete(users::table.find(user_id)).execute(conn)?;
        }
        Ok(true)
    })
}

/// Orders in which the user is buyer or seller, of any status.
fn has_orders(conn: &mut PgConnection, user_id: i64) -> QueryResult<bool> {
    use crate::db::schema::orders;
    diesel::select(diesel::dsl::exists(
        orders::table.filter(
            orders::buyer_id
                .eq(user_id)
                .or(orders::seller_id.eq(user_id)),
        ),
    ))
    .get_result(conn)
}

/// Orders still under way (money held or awaited): an account with any cannot be
/// deleted until they end.
pub fn open_orders(conn: &mut PgConnection, user_id: i64) -> QueryResult<i64> {
    use crate::db::schema::orders;
    orders::table
        .filter(
            orders::buyer_id
                .eq(user_id)
                .or(orders::seller_id.eq(user_id)),
        )
        .filter(orders::status.eq_any([
            "pending_payment",
            "paid",
            "shipped",
            "received",
            "disputed",
        ]))
        .count()
        .get_result(conn)
}

/// The other party's orders and the books keep pointing at the account, so it stays as
/// a row without anything personal: no email, name, address, password or listings.
fn anonymise(conn: &mut PgConnection, user_id: i64) -> QueryResult<()> {
    use crate::db::schema::{addresses, email_tokens, listings};
    diesel::update(users::table.find(user_id))
        .set((
            users::email.eq(format!("deleted-{user_id}@deleted.invalid")),
            users::email_verified_at.eq(None::<DateTime<Utc>>),
            users::password_hash.eq("!"),
            users::display_name.eq("—"),
            users::bio.eq(""),
            users::city.eq(""),
            users::country.eq(""),
            users::pending_email.eq(None::<String>),
            users::holiday_until.eq(None::<chrono::NaiveDate>),
            users::session_version.eq(users::session_version + 1),
            users::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)?;
    diesel::delete(addresses::table.filter(addresses::user_id.eq(user_id))).execute(conn)?;
    diesel::delete(email_tokens::table.filter(email_tokens::user_id.eq(user_id))).execute(conn)?;
    diesel::update(listings::table.filter(listings::seller_id.eq(user_id)))
        .set(listings::status.eq("removed"))
        .execute(conn)?;
    Ok(())
}
