//! Orders with buyer protection: checkout, payments (providers), the escrow ledger, the
//! order state machine, disputes, and the emails and timeouts of every step.

pub mod checkout;
pub mod disputes;
pub mod emails;
pub mod jobs;
pub mod ledger;
pub mod model;
pub mod payments;
pub mod routes;
pub mod state;
pub mod views;

use diesel::prelude::*;

use crate::db::schema::orders;
use model::Order;

/// Whether the buyer (or, `as_seller`, the seller) has the next move on this order.
pub fn needs_action(o: &Order, as_seller: bool) -> bool {
    if as_seller {
        // Ship it, or answer the buyer's dispute.
        matches!(o.status.as_str(), "paid" | "disputed")
    } else {
        matches!(
            o.status.as_str(),
            "pending_payment" | "shipped" | "received"
        )
    }
}

/// Orders waiting for this user, for the count in the header menu; for admins also the
/// disputes waiting for a decision.
pub fn action_count(conn: &mut PgConnection, user_id: i64, admin: bool) -> QueryResult<i64> {
    use crate::db::schema::disputes;
    let disputes: i64 = if admin {
        disputes::table
            .filter(disputes::status.eq_any(["open", "appealed"]))
            .count()
            .get_result(conn)?
    } else {
        0
    };
    let mine: i64 = orders::table
        .filter(
            orders::seller_id
                .eq(user_id)
                .and(orders::status.eq_any(["paid", "disputed"]))
                .or(orders::buyer_id.eq(user_id).and(orders::status.eq_any([
                    "pending_payment",
                    "shipped",
                    "received",
                ]))),
        )
        .count()
        .get_result(conn)?;
    Ok(mine + disputes)
}
