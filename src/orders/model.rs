//! The order tables as the rest of the app reads them.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::db::schema::{dispute_evidence, disputes, order_events, orders, payments};

crate::text_enum! {
    /// Where an order is (docs/architecture.md, "The order life").
    pub enum OrderStatus {
        PendingPayment = "pending_payment",
        Paid = "paid",
        Shipped = "shipped",
        Received = "received",
        Completed = "completed",
        Cancelled = "cancelled",
        Expired = "expired",
        Disputed = "disputed",
        Refunded = "refunded",
    }
}

/// Who called a paid order off: the buyer, the seller, or the timeout because the seller
/// did not ship in time. Recorded as the kind of the cancellation's timeline event,
/// written in the same transaction as the cancellation (`state::refund_and_cancel`);
/// the trust numbers read it there (`for_profile`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CancelledBy {
    Buyer,
    Seller,
    Late,
}

impl CancelledBy {
    /// The order timeline's event of this cancellation.
    pub fn event_kind(self) -> &'static str {
        match self {
            CancelledBy::Buyer => "cancelled_by_buyer",
            CancelledBy::Seller => "cancelled_by_seller",
            CancelledBy::Late => "cancelled_late",
        }
    }
}

impl OrderStatus {
    /// The buyer's money is held in escrow.
    pub const HELD: [OrderStatus; 4] = [
        OrderStatus::Paid,
        OrderStatus::Shipped,
        OrderStatus::Received,
        OrderStatus::Disputed,
    ];
    /// Under way: money held or awaited.
    pub const OPEN: [OrderStatus; 5] = [
        OrderStatus::PendingPayment,
        OrderStatus::Paid,
        OrderStatus::Shipped,
        OrderStatus::Received,
        OrderStatus::Disputed,
    ];
    /// Finished, one way or another.
    pub const DONE: [OrderStatus; 4] = [
        OrderStatus::Completed,
        OrderStatus::Cancelled,
        OrderStatus::Expired,
        OrderStatus::Refunded,
    ];
    /// The seller has the next move: ship it, or answer the buyer's dispute.
    pub const SELLER_MOVES: [OrderStatus; 2] = [OrderStatus::Paid, OrderStatus::Disputed];
    /// The buyer has the next move: pay, or confirm what arrived.
    pub const BUYER_MOVES: [OrderStatus; 3] = [
        OrderStatus::PendingPayment,
        OrderStatus::Shipped,
        OrderStatus::Received,
    ];
    /// On its way to the buyer or in their hands, waiting for their confirmation.
    pub const DELIVERED: [OrderStatus; 2] = [OrderStatus::Shipped, OrderStatus::Received];

    /// The key part of its messages (`order-status-…`, `orders-action-…`).
    pub fn key(self) -> String {
        self.as_str().replace('_', "-")
    }
}

crate::text_enum! {
    /// Where a dispute is: evidence and offers while `Open`, an admin's decision waiting
    /// for its appeal window, an appeal waiting for the final decision, or closed.
    pub enum DisputeStatus {
        Open = "open",
        Decided = "decided",
        Appealed = "appealed",
        Closed = "closed",
    }
}

impl DisputeStatus {
    /// Waiting for an admin.
    pub const WAITING: [DisputeStatus; 2] = [DisputeStatus::Open, DisputeStatus::Appealed];
}

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
    pub status: OrderStatus,
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
    /// The payment that funded the order: refunds go back to it.
    pub payment_id: Option<i64>,
    /// The listing's shipping price at "Buy now", in the order's currency.
    pub quoted_shipping_minor: Option<i64>,
}

impl Order {
    pub fn is_pickup(&self) -> bool {
        self.delivery == "pickup"
    }

    /// What the seller receives before fees: the item and its shipping, less refunds.
    pub fn proceeds_minor(&self) -> i64 {
        (self.item_minor + self.shipping_minor - self.refunded_minor).max(0)
    }

    /// What the seller receives after the Pasar fee.
    pub fn seller_receives_minor(&self) -> i64 {
        self.proceeds_minor() - self.seller_fee_minor
    }

    /// The part of the refunds that came out of the seller's proceeds (a full refund
    /// also returns the buyer's protection fee, which was never the seller's).
    pub fn seller_refund_minor(&self) -> i64 {
        self.refunded_minor
            .min(self.item_minor + self.shipping_minor)
    }

    pub fn holds_money(&self) -> bool {
        OrderStatus::HELD.contains(&self.status)
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
    pub status: PaymentStatus,
    pub amount_minor: i64,
    pub currency: String,
    pub card_brand: String,
    pub card_last4: String,
    pub virtual_account: String,
    pub provider_payment: String,
    pub failure: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// What went back to the buyer of this payment; never more than `amount_minor`.
    pub refunded_minor: i64,
}

impl Payment {
    /// What can still be refunded of this payment.
    pub fn refundable_minor(&self) -> i64 {
        match self.status {
            PaymentStatus::Succeeded | PaymentStatus::GivenBack => {
                (self.amount_minor - self.refunded_minor).max(0)
            }
            _ => 0,
        }
    }
}

crate::text_enum! {
    /// Where a payment is. `GivenBack`: the money arrived for a payment the order did not
    /// need (replaced, outdated, late or twice) and was refunded in full at once, so no
    /// later refund of the order may pick it.
    pub enum PaymentStatus {
        Pending = "pending",
        Processing = "processing",
        Succeeded = "succeeded",
        Failed = "failed",
        Cancelled = "cancelled",
        GivenBack = "given_back",
    }
}

impl PaymentStatus {
    /// Still waiting for the buyer or the provider.
    pub const OPEN: [PaymentStatus; 2] = [PaymentStatus::Pending, PaymentStatus::Processing];

    /// Money arrived for this payment (kept or given back).
    pub fn took_money(self) -> bool {
        matches!(self, PaymentStatus::Succeeded | PaymentStatus::GivenBack)
    }
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = disputes, check_for_backend(diesel::pg::Pg))]
pub struct Dispute {
    pub id: i64,
    pub order_id: i64,
    pub reason: String,
    pub status: DisputeStatus,
    pub order_status: OrderStatus,
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
