//! What the admin area needs of orders: the disputes waiting for a decision (its
//! dashboard), a member's order counts (their admin page) and the order search.

use diesel::prelude::*;

use super::model::{DisputeStatus, Order, OrderStatus};
use crate::db::schema::{disputes, orders};

/// Disputes waiting for an admin: opened, or appealed after a decision.
pub fn disputes_waiting(conn: &mut PgConnection) -> QueryResult<i64> {
    disputes::table
        .filter(disputes::status.eq_any(DisputeStatus::WAITING))
        .count()
        .get_result(conn)
}

/// A member's orders: as the buyer, and as the seller.
pub fn party_counts(conn: &mut PgConnection, user_id: i64) -> QueryResult<(i64, i64)> {
    let bought: i64 = orders::table
        .filter(orders::buyer_id.eq(user_id))
        .count()
        .get_result(conn)?;
    let sold: i64 = orders::table
        .filter(orders::seller_id.eq(user_id))
        .count()
        .get_result(conn)?;
    Ok((bought, sold))
}

/// What an admin searches orders by; the parts combine.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub id: Option<i64>,
    /// The buyer or the seller.
    pub party: Option<i64>,
    pub status: Option<OrderStatus>,
}

/// Orders matching `q`, newest first, `limit` rows after `offset`.
pub fn search(
    conn: &mut PgConnection,
    q: &Query,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<Order>> {
    let mut query = orders::table
        .select(Order::as_select())
        .order(orders::id.desc())
        .offset(offset)
        .limit(limit)
        .into_boxed();
    if let Some(id) = q.id {
        query = query.filter(orders::id.eq(id));
    }
    if let Some(party) = q.party {
        query = query.filter(orders::buyer_id.eq(party).or(orders::seller_id.eq(party)));
    }
    if let Some(status) = q.status {
        query = query.filter(orders::status.eq(status));
    }
    query.load(conn)
}
