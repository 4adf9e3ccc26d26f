//! The review rules, each opening its own transaction: write (or edit) a review, reply
//! to one, and publish what the window's end makes public.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::input::Draft;
use super::model::{Review, Side};
use super::{ratings, Error};
use crate::config::Config;
use crate::db::schema::reviews;
use crate::orders::for_reviews::{self, Ended};

/// Namespace of the per-order advisory lock (ledger.rs uses 7001).
const ORDER_LOCK: i32 = 7011;

/// What a submitted review did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    /// Saved, hidden from the other party until they write theirs or the window ends.
    Saved,
    /// The other party had written theirs: both are public now.
    Published,
}

/// When the order's review window closes.
pub fn window_end(cfg: &Config, ended: &Ended) -> DateTime<Utc> {
    let window =
        chrono::Duration::from_std(cfg.review_window).unwrap_or(chrono::Duration::days(14));
    ended.ended_at + window
}

/// The order's facts and the author's side, for a party of an ended order whose window
/// is open.
pub fn may_write(
    conn: &mut PgConnection,
    cfg: &Config,
    order_id: i64,
    author_id: i64,
) -> Result<(Ended, Side), Error> {
    let Some((buyer, seller)) = for_reviews::parties(conn, order_id)? else {
        return Err(Error::NotFound);
    };
    let side = if author_id == buyer {
        Side::Buyer
    } else if author_id == seller {
        Side::Seller
    } else {
        return Err(Error::NotFound);
    };
    let ended = for_reviews::ended(conn, order_id)?.ok_or(Error::NotEnded)?;
    if Utc::now() >= window_end(cfg, &ended) {
        return Err(Error::WindowClosed);
    }
    Ok((ended, side))
}

/// Writes the author's review of the order, or changes it while it is not public. When
/// the other party's review is already there, both become public in this transaction.
pub fn write(
    conn: &mut PgConnection,
    cfg: &Config,
    order_id: i64,
    author_id: i64,
    draft: &Draft,
) -> Result<Written, Error> {
    conn.transaction(|conn| {
        // Two parties submitting at once must not both miss the other's review: the
        // second waits here and then sees the first.
        diesel::sql_query("SELECT pg_advisory_xact_lock($1, $2::int)")
            .bind::<diesel::sql_types::Integer, _>(ORDER_LOCK)
            .bind::<diesel::sql_types::BigInt, _>(order_id)
            .execute(conn)?;
        let (ended, side) = may_write(conn, cfg, order_id, author_id)?;
        if (side == Side::Buyer) != draft.aspects.is_some() {
            return Err(Error::Invalid);
        }
        let subject = ended.other_party(author_id).ok_or(Error::NotFound)?;
        let existing = super::model::of_order(conn, order_id)?;
        let mine = existing.iter().find(|r| r.author_id == author_id);
        let aspect = |i: usize| draft.aspects.map(|a| a[i]);
        let now = Utc::now();
        match mine {
            Some(r) if r.published_at.is_some() => return Err(Error::Published),
            Some(r) => {
                diesel::update(reviews::table.find(r.id))
                    .set((
                        reviews::stars.eq(draft.stars),
                        reviews::body.eq(&draft.body),
                        reviews::as_described.eq(aspect(0)),
                        reviews::communication.eq(aspect(1)),
                        reviews::handover.eq(aspect(2)),
                        reviews::updated_at.eq(now),
                    ))
                    .execute(conn)?;
            }
            None => {
                diesel::insert_into(reviews::table)
                    .values((
                        reviews::order_id.eq(order_id),
                        reviews::author_id.eq(author_id),
                        reviews::subject_id.eq(subject),
                        reviews::author_role.eq(side),
                        reviews::listing_id.eq(ended.listing_id),
                        reviews::item_title.eq(&ended.title),
                        reviews::stars.eq(draft.stars),
                        reviews::body.eq(&draft.body),
                        reviews::as_described.eq(aspect(0)),
                        reviews::communication.eq(aspect(1)),
                        reviews::handover.eq(aspect(2)),
                        reviews::window_ends_at.eq(window_end(cfg, &ended)),
                    ))
                    .execute(conn)?;
            }
        }
        let other_wrote = existing.iter().any(|r| r.author_id == subject);
        if !other_wrote {
            return Ok(Written::Saved);
        }
        for r in super::model::of_order(conn, order_id)? {
            publish(conn, &r, now)?;
        }
        Ok(Written::Published)
    })
}

/// Makes one review public and counts it, in the caller's transaction (a removed one is
/// published but counts nowhere until restored).
fn publish(conn: &mut PgConnection, r: &Review, now: DateTime<Utc>) -> QueryResult<()> {
    if r.published_at.is_some() {
        return Ok(());
    }
    diesel::update(reviews::table.find(r.id))
        .set(reviews::published_at.eq(now))
        .execute(conn)?;
    if r.removed_at.is_none() {
        ratings::apply(conn, r.subject_id, r.rated_as(), r.stars, 1)?;
    }
    Ok(())
}

/// Publishes every review whose window has closed (the worker's upkeep): at most `limit`
/// per run, rows another run holds skipped. Returns how many it published.
pub fn publish_due(conn: &mut PgConnection, limit: i64) -> Result<usize, Error> {
    conn.transaction(|conn| {
        let now = Utc::now();
        let due: Vec<Review> = reviews::table
            .filter(reviews::published_at.is_null())
            .filter(reviews::window_ends_at.le(now))
            .order(reviews::window_ends_at)
            .limit(limit)
            .for_update()
            .skip_locked()
            .select(Review::as_select())
            .load(conn)?;
        for r in &due {
            publish(conn, r, now)?;
        }
        Ok(due.len())
    })
}

/// The reviewed member's one public reply to a published review of this order.
pub fn reply(
    conn: &mut PgConnection,
    order_id: i64,
    subject_id: i64,
    text: &str,
) -> Result<(), Error> {
    conn.transaction(|conn| {
        let r: Option<Review> = reviews::table
            .filter(reviews::order_id.eq(order_id))
            .filter(reviews::subject_id.eq(subject_id))
            .for_update()
            .select(Review::as_select())
            .first(conn)
            .optional()?;
        let Some(r) = r else {
            // Not the subject of a review of this order (or no such order): nothing to
            // tell a stranger.
            return match for_reviews::parties(conn, order_id)? {
                Some((b, s)) if b == subject_id || s == subject_id => Err(Error::NoReply),
                _ => Err(Error::NotFound),
            };
        };
        if !r.is_public() || r.reply.is_some() {
            return Err(Error::NoReply);
        }
        diesel::update(reviews::table.find(r.id))
            .set((reviews::reply.eq(text), reviews::replied_at.eq(Utc::now())))
            .execute(conn)?;
        Ok(())
    })
}
