//! What the reviews feature needs of orders: the facts of an order that is over, so a
//! review can be written about it. Reviews never read the orders table themselves; which
//! states mean "over" stays here, next to the order life.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::model::OrderStatus;
use crate::db::schema::orders;

/// The end states a review may follow: delivered and released (`Completed`, also after
/// a dispute decided for the seller or partly refunded), or fully refunded after a final
/// dispute decision (`Refunded` is reached only that way). Cancelled and expired orders
/// never had an item change hands, so there is nothing to review.
pub const REVIEWABLE: [OrderStatus; 2] = [OrderStatus::Completed, OrderStatus::Refunded];

/// An order that is over, as a review sees it.
#[derive(Clone, Debug)]
pub struct Ended {
    pub order_id: i64,
    pub buyer_id: i64,
    pub seller_id: i64,
    pub listing_id: i64,
    pub title: String,
    pub ended_at: DateTime<Utc>,
}

impl Ended {
    /// The other party of the order, for one of its parties (`None` for anyone else).
    pub fn other_party(&self, user_id: i64) -> Option<i64> {
        if user_id == self.buyer_id {
            Some(self.seller_id)
        } else if user_id == self.seller_id {
            Some(self.buyer_id)
        } else {
            None
        }
    }
}

/// The parties of an order, whatever its state (who may look at its review page).
pub fn parties(conn: &mut PgConnection, order_id: i64) -> QueryResult<Option<(i64, i64)>> {
    orders::table
        .find(order_id)
        .select((orders::buyer_id, orders::seller_id))
        .first(conn)
        .optional()
}

/// The order's facts if it is over (`None` if it is not, or does not exist).
pub fn ended(conn: &mut PgConnection, order_id: i64) -> QueryResult<Option<Ended>> {
    let row = orders::table
        .find(order_id)
        .filter(orders::status.eq_any(REVIEWABLE))
        .select((
            orders::id,
            orders::buyer_id,
            orders::seller_id,
            orders::listing_id,
            orders::title,
            orders::closed_at,
            orders::updated_at,
        ))
        .first::<(
            i64,
            i64,
            i64,
            i64,
            String,
            Option<DateTime<Utc>>,
            DateTime<Utc>,
        )>(conn)
        .optional()?;
    Ok(row.map(
        |(order_id, buyer_id, seller_id, listing_id, title, closed, updated)| Ended {
            order_id,
            buyer_id,
            seller_id,
            listing_id,
            title,
            // Every end step sets `closed_at`; rows from before it existed fall back to
            // their last change.
            ended_at: closed.unwrap_or(updated),
        },
    ))
}
