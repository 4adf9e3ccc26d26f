//! The order tables as the rest of the app reads them.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::db::schema::{dispute_evidence, disputes, order_events, orders, payments};

/// Every status an order can be in (DESIGN.md, "Order life").
pub const STATUSES: [&str; 9] = [
    "pending_payment",
    "paid",
    "shipped",
    "received",
    "completed",
    "cancelled",
    "expired",
    "disputed",
    "refunded",
];

/// Statuses in which the buyer's money is held in escrow.
pub const HELD: [&str; 4] = ["paid", "shipped", "received", "disputed"];

#[derive(Queryable, Selectable, Identifiable, Clone, Debug)]
#[diesel(table_name = orders, check_for_backend(diesel::pg::Pg))]
pub struct Order {
    pub id: i64,
    pub buyer_id: i64,
    pub seller_id: i64,
    pub listing_id: i64,
    pub idempotency_key: String,
    pub title: String,
    pub quantity: i32,
    pub currency: String,
    pub item_minor: i64,
    pub shipping_minor: i64,
    pub protection_fee_minor: i64,
    pub total_minor: i64,
    pub seller_fee_minor: i64,
    pub refunded_minor: i64,
    pub delivery: String,
    pub ship_address: String,
    pub status: String,
    pub carrier: String,
    pub tracking: String,
    pub handover_code: String,
    pub cancel_reason: String,
    pub pay_by: DateTime<Utc>,
    pub ship_by: Option<DateTime<Utc>>,
    pub confirm_by: Option<DateTime<Utc>>,
    pub paid_at: Option<DateTime<Utc>>,
    pub shipped_at: Option<DateTime<Utc>>,
    pub received_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Order {
    pub fn is_pickup(&self) -> bool {
        self.delivery == "pickup"
    }

    /// What the seller receives before fees: the item and its shipping, less refunds.
    pub fn proceeds_minor(&self) -> i64 {
        (self.item_minor + self.shipping_minor - self.refunded_minor).max(0)
    }

    pub fn holds_money(&self) -> bool {
        HELD.contains(&self.status.as_str())
    }
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = order_events, check_for_backend(diesel::pg::Pg))]
pub struct OrderEvent {
    pub id: i64,
    pub order_id: i64,
    pub actor_id: Option<i64>,
    pub kind: String,
    pub note: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = payments, check_for_backend(diesel::pg::Pg))]
pub struct Payment {
    pub id: i64,
    pub order_id: i64,
    pub provider: String,
    pub method: String,
    pub reference: String,
    pub status: String,
    pub amount_minor: i64,
    pub currency: String,
    pub card_brand: String,
    pub card_last4: String,
    pub virtual_account: String,
    pub provider_payment: String,
    pub failure: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = disputes, check_for_backend(diesel::pg::Pg))]
pub struct Dispute {
    pub id: i64,
    pub order_id: i64,
    pub reason: String,
    pub status: String,
    pub order_status: String,
    pub evidence_until: DateTime<Utc>,
    pub offer_minor: Option<i64>,
    pub return_accepted: bool,
    pub decision: Option<String>,
    pub decision_refund_minor: Option<i64>,
    pub decision_reason: String,
    pub decided_by: Option<i64>,
    pub decided_at: Option<DateTime<Utc>>,
    pub final_at: Option<DateTime<Utc>>,
    pub appealed_by: Option<i64>,
    pub appeal_reason: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = dispute_evidence, check_for_backend(diesel::pg::Pg))]
pub struct Evidence {
    pub id: i64,
    pub dispute_id: i64,
    pub user_id: i64,
    pub body: String,
    pub photo_key: Option<String>,
    pub photo_width: Option<i32>,
    pub created_at: DateTime<Utc>,
}

/// The order for update: every change to an order starts here, so two requests acting
/// on one order run one after the other.
pub fn lock(conn: &mut PgConnection, id: i64) -> QueryResult<Order> {
    orders::table
        .find(id)
        .for_update()
        .select(Order::as_select())
        .first(conn)
}

pub fn find(conn: &mut PgConnection, id: i64) -> QueryResult<Order> {
    orders::table
        .find(id)
        .select(Order::as_select())
        .first(conn)
}

pub fn events(conn: &mut PgConnection, order_id: i64) -> QueryResult<Vec<OrderEvent>> {
    order_events::table
        .filter(order_events::order_id.eq(order_id))
        .order(order_events::id)
        .select(OrderEvent::as_select())
        .load(conn)
}

/// Adds a line to the order's timeline.
pub fn event(
    conn: &mut PgConnection,
    order_id: i64,
    actor_id: Option<i64>,
    kind: &str,
    note: &str,
) -> QueryResult<()> {
    diesel::insert_into(order_events::table)
        .values((
            order_events::order_id.eq(order_id),
            order_events::actor_id.eq(actor_id),
            order_events::kind.eq(kind),
            order_events::note.eq(note),
        ))
        .execute(conn)
        .map(|_| ())
}
