//! What a member's public profile shows of their orders: numbers anyone can check
//! against what they did, over the last 12 months, each with the count it comes from.
//!
//! The window is the orders **paid** in the last 12 months (an order never paid says
//! nothing about the seller). Definitions, the same ones the profile page explains:
//! - completed sales / purchases: those orders that reached `completed` (a dispute
//!   settled with a partial refund completes too);
//! - on time: sent before the order's ship-by date, out of the orders that were sent or
//!   whose ship-by date has passed (cancelled by the timeout, or still waiting); a pickup
//!   counts as sent when the buyer's code was entered at the handover;
//! - median time to ship: paid to shipped, parcels only (a handover waits for a meeting
//!   the buyer arranges, so it says little about the seller's speed);
//! - cancelled by the seller: the seller called it off, or the timeout did because they
//!   did not ship (the cancellation's timeline event says who), out of every paid order;
//! - disputes: opened by buyers on these orders; a settled one went "for the buyer" when
//!   money went back to them (refund, partial refund, return), "for the seller" when the
//!   money was released; the others are open.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Double, Nullable, Text};

use super::model::CancelledBy;

/// Rates from fewer orders than this say "not enough orders yet" instead of a number.
pub const MIN_SAMPLE: i64 = 3;

/// A member's order numbers over the window (see the module's definitions).
#[derive(QueryableByName, Clone, Debug, Default, PartialEq)]
pub struct Trust {
    /// Paid orders as seller: the sample of the cancellation rate.
    #[diesel(sql_type = BigInt)]
    pub paid_sales: i64,
    #[diesel(sql_type = BigInt)]
    pub completed_sales: i64,
    #[diesel(sql_type = BigInt)]
    pub completed_purchases: i64,
    /// Sent, or past their ship-by date: the sample of the on-time rate.
    #[diesel(sql_type = BigInt)]
    pub due: i64,
    #[diesel(sql_type = BigInt)]
    pub on_time: i64,
    /// Parcels shipped: the sample of the median time to ship.
    #[diesel(sql_type = BigInt)]
    pub shipped: i64,
    #[diesel(sql_type = Nullable<Double>)]
    pub median_ship_secs: Option<f64>,
    #[diesel(sql_type = BigInt)]
    pub seller_cancelled: i64,
    #[diesel(sql_type = BigInt)]
    pub disputes: i64,
    #[diesel(sql_type = BigInt)]
    pub disputes_for_buyer: i64,
    #[diesel(sql_type = BigInt)]
    pub disputes_for_seller: i64,
}

impl Trust {
    /// Disputes not settled yet.
    pub fn disputes_open(&self) -> i64 {
        self.disputes - self.disputes_for_buyer - self.disputes_for_seller
    }

    /// Share sent on time, in whole percent (rounded down); `None` below `MIN_SAMPLE`.
    pub fn on_time_percent(&self) -> Option<i64> {
        percent(self.on_time, self.due, false)
    }

    /// Share cancelled by the seller, in whole percent (rounded up); `None` below
    /// `MIN_SAMPLE`.
    pub fn cancelled_percent(&self) -> Option<i64> {
        percent(self.seller_cancelled, self.paid_sales, true)
    }

    /// Median hours from payment to shipping, rounded; `None` below `MIN_SAMPLE`.
    pub fn median_ship_hours(&self) -> Option<i64> {
        if self.shipped < MIN_SAMPLE {
            return None;
        }
        self.median_ship_secs.map(|s| (s / 3600.0).round() as i64)
    }
}

/// Whole percent, rounded the way that does not flatter the member: a good share
/// (`up == false`) down, so 100 % means every order; a bad share up, so 0 % means none.
fn percent(part: i64, whole: i64, up: bool) -> Option<i64> {
    if whole < MIN_SAMPLE {
        return None;
    }
    let extra = if up { whole - 1 } else { 0 };
    Some((part * 100 + extra) / whole)
}

/// The member's numbers over the orders paid in the last 12 months, in one statement:
/// their orders through the seller and buyer indexes (OR-ed), each cancelled one's
/// cancellation event by `order_events_order_idx`, and at most one dispute per order.
pub fn trust(conn: &mut PgConnection, user_id: i64) -> QueryResult<Trust> {
    diesel::sql_query(
        "WITH o AS ( \
           SELECT o.*, \
             CASE WHEN o.delivery = 'pickup' THEN o.received_at ELSE o.shipped_at END AS sent_at, \
             CASE WHEN o.status = 'cancelled' THEN ( \
               SELECT e.kind FROM order_events e \
               WHERE e.order_id = o.id AND e.kind IN ($2, $3, $4) \
               ORDER BY e.id LIMIT 1) END AS cancelled_as \
           FROM orders o \
           WHERE (o.seller_id = $1 OR o.buyer_id = $1) \
             AND o.paid_at >= now() - interval '12 months') \
         SELECT \
           count(*) FILTER (WHERE o.seller_id = $1) AS paid_sales, \
           count(*) FILTER (WHERE o.seller_id = $1 AND o.status = 'completed') \
             AS completed_sales, \
           count(*) FILTER (WHERE o.buyer_id = $1 AND o.status = 'completed') \
             AS completed_purchases, \
           count(*) FILTER (WHERE o.seller_id = $1 AND (o.sent_at IS NOT NULL \
             OR o.cancelled_as = $3 OR (o.status = 'paid' AND o.ship_by < now()))) AS due, \
           count(*) FILTER (WHERE o.seller_id = $1 AND o.sent_at <= o.ship_by) AS on_time, \
           count(*) FILTER (WHERE o.seller_id = $1 AND o.delivery <> 'pickup' \
             AND o.shipped_at IS NOT NULL) AS shipped, \
           percentile_cont(0.5) WITHIN GROUP \
             (ORDER BY extract(epoch FROM o.shipped_at - o.paid_at)::float8) \
             FILTER (WHERE o.seller_id = $1 AND o.delivery <> 'pickup' \
               AND o.shipped_at IS NOT NULL) AS median_ship_secs, \
           count(*) FILTER (WHERE o.seller_id = $1 AND o.cancelled_as IN ($2, $3)) \
             AS seller_cancelled, \
           count(d.id) FILTER (WHERE o.seller_id = $1) AS disputes, \
           count(d.id) FILTER (WHERE o.seller_id = $1 AND d.status = 'closed' \
             AND o.refunded_minor > 0) AS disputes_for_buyer, \
           count(d.id) FILTER (WHERE o.seller_id = $1 AND d.status = 'closed' \
             AND o.refunded_minor = 0) AS disputes_for_seller \
         FROM o LEFT JOIN disputes d ON d.order_id = o.id",
    )
    .bind::<BigInt, _>(user_id)
    .bind::<Text, _>(CancelledBy::Seller.event_kind())
    .bind::<Text, _>(CancelledBy::Late.event_kind())
    .bind::<Text, _>(CancelledBy::Buyer.event_kind())
    .get_result(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_samples_give_no_rate_and_rates_never_flatter() {
        assert_eq!(percent(2, 2, false), None);
        assert_eq!(percent(0, 3, false), Some(0));
        assert_eq!(percent(2, 3, false), Some(66));
        assert_eq!(percent(3, 3, false), Some(100));
        assert_eq!(percent(199, 200, false), Some(99));
        assert_eq!(percent(1, 200, true), Some(1));
        assert_eq!(percent(0, 200, true), Some(0));
        assert_eq!(percent(1, 3, true), Some(34));
        let t = Trust {
            shipped: 2,
            median_ship_secs: Some(7200.0),
            ..Trust::default()
        };
        assert_eq!(t.median_ship_hours(), None);
        let t = Trust { shipped: 3, ..t };
        assert_eq!(t.median_ship_hours(), Some(2));
    }
}
