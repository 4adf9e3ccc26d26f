//! What moderation needs of reviews: take a review down for breaking the published
//! rules, and put it back when an appeal reverses that. A removed review vanishes from
//! every page and from the ratings; restoring counts it again. Each runs in its own
//! transaction, a savepoint of the moderation action's when called inside one (so the
//! action, its audit row and this commit together).

use chrono::Utc;
use diesel::prelude::*;

use super::model::Review;
use super::{ratings, Error};
use crate::db::schema::reviews;

/// The review as a moderator sees it (also before it is public), for the queue's context.
pub fn find(conn: &mut PgConnection, review_id: i64) -> QueryResult<Option<Review>> {
    reviews::table
        .find(review_id)
        .select(Review::as_select())
        .first(conn)
        .optional()
}

fn lock(conn: &mut PgConnection, review_id: i64) -> Result<Review, Error> {
    reviews::table
        .find(review_id)
        .for_update()
        .select(Review::as_select())
        .first(conn)
        .optional()?
        .ok_or(Error::NotFound)
}

/// Removes the review. `Ok(false)`: it was already removed (nothing changed).
pub fn remove(conn: &mut PgConnection, review_id: i64) -> Result<bool, Error> {
    conn.transaction(|conn| {
        let r = lock(conn, review_id)?;
        if r.removed_at.is_some() {
            return Ok(false);
        }
        diesel::update(reviews::table.find(r.id))
            .set(reviews::removed_at.eq(Utc::now()))
            .execute(conn)?;
        if r.published_at.is_some() {
            ratings::apply(conn, r.subject_id, r.rated_as(), r.stars, -1)?;
        }
        Ok(true)
    })
}

/// Restores a removed review. `Ok(false)`: it was not removed.
pub fn restore(conn: &mut PgConnection, review_id: i64) -> Result<bool, Error> {
    conn.transaction(|conn| {
        let r = lock(conn, review_id)?;
        if r.removed_at.is_none() {
            return Ok(false);
        }
        diesel::update(reviews::table.find(r.id))
            .set(reviews::removed_at.eq(None::<chrono::DateTime<Utc>>))
            .execute(conn)?;
        if r.published_at.is_some() {
            ratings::apply(conn, r.subject_id, r.rated_as(), r.stars, 1)?;
        }
        Ok(true)
    })
}
