//! Orders with buyer protection: checkout, payments (providers), the escrow ledger, the
//! order state machine, disputes, and the emails and timeouts of every step.

pub mod checkout;
pub mod disputes;
pub mod emails;
pub mod error;
pub mod fees;
pub mod for_admin;
pub mod for_profile;
pub mod for_reviews;
pub mod jobs;
pub mod ledger;
pub mod model;
pub mod payment_events;
pub mod payments;
pub mod refunds;
pub mod routes;
pub mod state;
pub mod views;

pub use error::Error;

use diesel::prelude::*;

use crate::db::schema::orders;
use model::{DisputeStatus, Order, OrderStatus};

/// Whether the buyer (or, `as_seller`, the seller) has the next move on this order.
pub fn needs_action(o: &Order, as_seller: bool) -> bool {
    if as_seller {
        // Ship it, or answer the buyer's dispute.
        OrderStatus::SELLER_MOVES.contains(&o.status)
    } else {
        OrderStatus::BUYER_MOVES.contains(&o.status)
    }
}

/// Orders waiting for this user, for the count in the header menu; for admins also the
/// disputes waiting for a decision.
pub fn action_count(conn: &mut PgConnection, user_id: i64, admin: bool) -> QueryResult<i64> {
    use crate::db::schema::disputes;
    let disputes: i64 = if admin {
        disputes::table
            .filter(disputes::status.eq_any(DisputeStatus::WAITING))
            .count()
            .get_result(conn)?
    } else {
        0
    };
    let mine: i64 = orders::table
        .filter(
            orders::seller_id
                .eq(user_id)
                .and(orders::status.eq_any(OrderStatus::SELLER_MOVES))
                .or(orders::buyer_id
                    .eq(user_id)
                    .and(orders::status.eq_any(OrderStatus::BUYER_MOVES))),
        )
        .count()
        .get_result(conn)?;
    Ok(mine + disputes)
}

/// Orders of this user still under way (money held or awaited): an account with any
/// cannot be deleted until they end.
pub fn open_count(conn: &mut PgConnection, user_id: i64) -> QueryResult<i64> {
    orders::table
        .filter(
            orders::buyer_id
                .eq(user_id)
                .or(orders::seller_id.eq(user_id)),
        )
        .filter(orders::status.eq_any(OrderStatus::OPEN))
        .count()
        .get_result(conn)
}

/// The seller's listings that orders point at (they outlive the seller's account).
pub fn listings_in_orders(conn: &mut PgConnection, seller_id: i64) -> QueryResult<Vec<i64>> {
    orders::table
        .filter(orders::seller_id.eq(seller_id))
        .select(orders::listing_id)
        .distinct()
        .load(conn)
}
