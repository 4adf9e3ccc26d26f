//! The order tables as the rest of the app reads them.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::db::schema::{dispute_evidence, disputes, order_events, orders, payments};

/// Every status an order can be in (docs/architecture.md, "The order life").
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

/// Where a payment is. `GivenBack`: the money arrived for a payment the order did not
/// need (replaced, outdated, late or twice) and was refunded in full at once, so no
/// later refund of the order may pick it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, diesel::AsExpression, diesel::FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum PaymentStatus {
    Pending,
    Processing,
    Succeeded,
    Failed,
    Cancelled,
    GivenBack,
}

impl PaymentStatus {
    /// Still waiting for the buyer or the provider.
    pub const OPEN: [PaymentStatus; 2] = [PaymentStatus::Pending, PaymentStatus::Processing];

    pub fn as_str(self) -> &'static str {
        match self {
            PaymentStatus::Pending => "pending",
            PaymentStatus::Processing => "processing",
            PaymentStatus::Succeeded => "succeeded",
            PaymentStatus::Failed => "failed",
            PaymentStatus::Cancelled => "cancelled",
            PaymentStatus::GivenBack => "given_back",
        }
    }

    pub fn parse(s: &str) -> Option<PaymentStatus> {
        [
            PaymentStatus::Pending,
            PaymentStatus::Processing,
            PaymentStatus::Succeeded,
            PaymentStatus::Failed,
            PaymentStatus::Cancelled,
            PaymentStatus::GivenBack,
        ]
        .into_iter()
        .find(|st| st.as_str() == s)
    }

    /// Money arrived for this payment (kept or given back).
    pub fn took_money(self) -> bool {
        matches!(self, PaymentStatus::Succeeded | PaymentStatus::GivenBack)
    }
}

impl std::fmt::Display for PaymentStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg> for PaymentStatus {
    fn to_sql<'b>(
        &'b self,
        out: &mut diesel::serialize::Output<'b, '_, diesel::pg::Pg>,
    ) -> diesel::serialize::Result {
        <str as diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg>>::to_sql(
            self.as_str(),
            out,
        )
    }
}

impl diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg> for PaymentStatus {
    fn from_sql(bytes: diesel::pg::PgValue<'_>) -> diesel::deserialize::Result<Self> {
        let s = <String as diesel::deserialize::FromSql<
            diesel::sql_types::Text,
            diesel::pg::Pg,
        >>::from_sql(bytes)?;
        PaymentStatus::parse(&s).ok_or_else(|| format!("unknown payment status {s}").into())
    }
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
