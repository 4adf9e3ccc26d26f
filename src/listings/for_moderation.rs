//! What moderation needs of listings: a listing's content for the queue, and holding
//! listings out of public view (status `hidden`) and giving them back. Moderation never
//! writes the listings table; the words of `listings.status` stay in this feature.
//!
//! Two holds: `decision` (a decision about this listing) and `account` (its seller is
//! restricted, suspended or banned). A listing under both is kept as `decision`, so the
//! end of the seller's sanction does not reveal a listing hidden for itself. Public
//! lists, search and "Buy now" read only `active` listings, so a held one drops out of
//! all of them at once; open orders never look at the status and go on.

use diesel::prelude::*;
use diesel::sql_types::BigInt;

use super::status::ListingStatus;
use crate::db::schema::listings;

/// The listing as the queue shows it.
#[derive(Clone, Debug, Queryable)]
pub struct Content {
    pub id: i64,
    pub seller_id: i64,
    pub title: String,
    pub description: String,
    pub status: ListingStatus,
}

pub fn content(conn: &mut PgConnection, id: i64) -> QueryResult<Option<Content>> {
    listings::table
        .find(id)
        .select((
            listings::id,
            listings::seller_id,
            listings::title,
            listings::description,
            listings::status,
        ))
        .first(conn)
        .optional()
}

/// The seller of a listing anyone may see (a report names only what the reporter saw).
pub fn public_seller(conn: &mut PgConnection, id: i64) -> QueryResult<Option<i64>> {
    Ok(content(conn, id)?
        .filter(|c| c.status.is_public())
        .map(|c| c.seller_id))
}

/// Hides one listing for a decision about it. False when it was gone already (removed).
pub fn hide(conn: &mut PgConnection, id: i64) -> QueryResult<bool> {
    let n = diesel::sql_query(
        "UPDATE listings SET \
           held_status = CASE WHEN status = 'hidden' THEN held_status ELSE status END, \
           status = 'hidden', hold = 'decision', updated_at = now() \
         WHERE id = $1 AND status <> 'removed'",
    )
    .bind::<BigInt, _>(id)
    .execute(conn)?;
    Ok(n == 1)
}

/// Lifts a decision's hold: back to the status it had, or kept hidden under the
/// seller's sanction when `seller_held` (the seller is still restricted).
pub fn unhide(conn: &mut PgConnection, id: i64, seller_held: bool) -> QueryResult<bool> {
    let sql = if seller_held {
        "UPDATE listings SET hold = 'account' WHERE id = $1 AND hold = 'decision'"
    } else {
        "UPDATE listings SET status = held_status, held_status = NULL, hold = NULL, \
           updated_at = now() WHERE id = $1 AND hold = 'decision'"
    };
    let n = diesel::sql_query(sql).bind::<BigInt, _>(id).execute(conn)?;
    Ok(n == 1)
}

/// Holds every public listing of a sanctioned seller (drafts stay drafts: nobody sees
/// them, and publishing is refused while the sanction lasts).
pub fn hide_all_of(conn: &mut PgConnection, seller_id: i64) -> QueryResult<usize> {
    diesel::sql_query(
        "UPDATE listings SET held_status = status, status = 'hidden', hold = 'account', \
           updated_at = now() \
         WHERE seller_id = $1 AND status IN ('active', 'paused', 'sold')",
    )
    .bind::<BigInt, _>(seller_id)
    .execute(conn)
}

/// Gives back what `hide_all_of` held, when the seller's last sanction ends.
pub fn unhide_all_of(conn: &mut PgConnection, seller_id: i64) -> QueryResult<usize> {
    diesel::sql_query(
        "UPDATE listings SET status = held_status, held_status = NULL, hold = NULL, \
           updated_at = now() \
         WHERE seller_id = $1 AND hold = 'account'",
    )
    .bind::<BigInt, _>(seller_id)
    .execute(conn)
}

/// The listing's status now (for the audit row's before and after).
pub fn status(conn: &mut PgConnection, id: i64) -> QueryResult<Option<ListingStatus>> {
    listings::table
        .find(id)
        .select(listings::status)
        .first(conn)
        .optional()
}

/// The titles of these listings, in one query (the queue's rows).
pub fn titles(
    conn: &mut PgConnection,
    ids: &[i64],
) -> QueryResult<std::collections::HashMap<i64, String>> {
    let rows: Vec<(i64, String)> = listings::table
        .filter(listings::id.eq_any(ids))
        .select((listings::id, listings::title))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}
