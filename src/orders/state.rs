//! The order life (docs/architecture.md): `pending_payment -> paid -> shipped | received ->
//! completed`, `pending_payment -> expired | cancelled`, `paid -> cancelled`. Every step
//! is one function that locks the order, checks who acts (a stranger gets 404, the wrong
//! party 403) and the current state (409), then writes the new state, the timeline event,
//! the ledger movement, the emails and the follow-up jobs in one transaction that the
//! step opens itself. The steps other rules finish with (`mark_paid`, `complete`, the
//! refunds) run in the transaction of the rule that calls them.
//! Disputes live in `disputes.rs` and use the same checks.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::emails::{self, EmailArg, Parties};
use super::ledger;
use super::model::{self, CancelledBy, Order, OrderStatus, Payment};
use super::Error;
use crate::config::Config;
use crate::db::schema::orders;
use crate::jobs::queue;

/// Job kinds of the order life.
pub const EXPIRE_JOB: &str = "order_expire";
pub const LATE_JOB: &str = "order_late";
pub const REMIND_JOB: &str = "order_remind";
pub const AUTO_CONFIRM_JOB: &str = "order_auto_confirm";

/// Wrong handover codes allowed per order and hour.
pub const HANDOVER_TRIES: i64 = 5;

/// Who asks for a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Initiator {
    User {
        id: i64,
        admin: bool,
    },
    /// A timeout or the payment provider.
    System,
}

/// What the actor is to this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    Buyer,
    Seller,
    Admin,
    System,
}

/// The actor's role; anyone else does not learn that the order exists.
pub fn relation(o: &Order, actor: Initiator) -> Result<Relation, Error> {
    match actor {
        Initiator::System => Ok(Relation::System),
        Initiator::User { id, .. } if id == o.buyer_id => Ok(Relation::Buyer),
        Initiator::User { id, .. } if id == o.seller_id => Ok(Relation::Seller),
        Initiator::User { admin: true, .. } => Ok(Relation::Admin),
        Initiator::User { .. } => Err(Error::NotFound),
    }
}

/// Locks the order and checks the actor's role, then the state.
pub fn lock_for(
    conn: &mut PgConnection,
    id: i64,
    actor: Initiator,
    roles: &[Relation],
    states: &[OrderStatus],
) -> Result<(Order, Relation), Error> {
    let o = model::lock(conn, id).optional()?.ok_or(Error::NotFound)?;
    let r = relation(&o, actor)?;
    if !roles.contains(&r) {
        return Err(Error::Forbidden);
    }
    if !states.contains(&o.status) {
        return Err(Error::WrongState);
    }
    Ok((o, r))
}

impl Initiator {
    /// The acting user; `None` for the system.
    pub fn user_id(self) -> Option<i64> {
        match self {
            Initiator::User { id, .. } => Some(id),
            Initiator::System => None,
        }
    }
}

pub(super) fn after(d: std::time::Duration) -> DateTime<Utc> {
    Utc::now() + chrono::Duration::from_std(d).unwrap_or_else(|_| chrono::Duration::days(3650))
}

pub(super) fn job(
    conn: &mut PgConnection,
    kind: &str,
    order_id: i64,
    at: DateTime<Utc>,
) -> QueryResult<()> {
    queue::enqueue(
        conn,
        kind,
        serde_json::json!({ "order_id": order_id }),
        Some(at),
    )
    .map(|_| ())
}

/// Puts the order's reserved stock back on sale (unpaid, expired or cancelled).
fn release_stock(conn: &mut PgConnection, o: &Order) -> QueryResult<()> {
    crate::listings::for_orders::release(conn, o.listing_id, o.quantity)
}

fn set_status(conn: &mut PgConnection, o: &mut Order, status: OrderStatus) -> QueryResult<()> {
    diesel::update(orders::table.find(o.id))
        .set((orders::status.eq(status), orders::updated_at.eq(Utc::now())))
        .execute(conn)?;
    o.status = status;
    Ok(())
}

// ---- payment ------------------------------------------------------------------------

/// The provider took the money of the order's payment `payment`: escrow holds it, the
/// seller learns they sold. Money arriving for an order that no longer waits for it is
/// given back by the caller (`payment_events::apply_outcome`), never here.
pub fn mark_paid(
    conn: &mut PgConnection,
    cfg: &Config,
    id: i64,
    payment: &Payment,
) -> Result<Order, Error> {
    let mut o = model::lock(conn, id).optional()?.ok_or(Error::NotFound)?;
    if o.status != OrderStatus::PendingPayment {
        return Ok(o); // Applied already.
    }
    let now = Utc::now();
    let ship_by = after(cfg.orders.ship_within);
    let code = if o.is_pickup() {
        handover_code()
    } else {
        String::new()
    };
    diesel::update(orders::table.find(o.id))
        .set((
            orders::status.eq(OrderStatus::Paid),
            orders::paid_at.eq(now),
            orders::ship_by.eq(ship_by),
            orders::handover_code.eq(&code),
            orders::updated_at.eq(now),
        ))
        .execute(conn)?;
    o.status = OrderStatus::Paid;
    o.paid_at = Some(now);
    o.ship_by = Some(ship_by);
    o.handover_code = code;
    ledger::payment_received(conn, &o, payment)?;
    model::event(conn, o.id, None, "paid", "")?;
    let p = emails::parties(conn, &o)?;
    emails::send(conn, cfg, &o, &p.buyer, "order_paid", &[])?;
    let address = if o.is_pickup() {
        String::new()
    } else {
        address_text(&o)
    };
    emails::send(
        conn,
        cfg,
        &o,
        &p.seller,
        "order_sold",
        &[
            ("date", EmailArg::Date(ship_by)),
            ("address", EmailArg::Text(address)),
        ],
    )?;
    job(conn, LATE_JOB, o.id, ship_by + grace(cfg))?;
    Ok(o)
}

fn grace(cfg: &Config) -> chrono::Duration {
    chrono::Duration::from_std(cfg.orders.ship_grace).unwrap_or_else(|_| chrono::Duration::days(2))
}

/// Six digits the buyer shows at the handover.
fn handover_code() -> String {
    use rand::Rng;
    format!("{:06}", rand::thread_rng().gen_range(0..1_000_000))
}

pub fn address_text(o: &Order) -> String {
    o.ship_address.lines().collect::<Vec<_>>().join(", ")
}

/// An unpaid order past its time: the stock goes back on sale and its payment is closed
/// at the provider. While a payment is under way (a bank transfer on its way), the
/// order waits for its outcome and looks again later.
pub fn expire(conn: &mut PgConnection, cfg: &Config, id: i64) -> Result<(), Error> {
    conn.transaction(|conn| {
        let Some(mut o) = model::lock(conn, id).optional()? else {
            return Ok(());
        };
        if o.status != OrderStatus::PendingPayment || o.pay_by > Utc::now() {
            return Ok(());
        }
        if super::payments::processing(conn, o.id)? {
            job(conn, EXPIRE_JOB, o.id, after(cfg.orders.pay_within))?;
            return Ok(());
        }
        super::payments::close_open(conn, o.id)?;
        set_status(conn, &mut o, OrderStatus::Expired)?;
        close(conn, &o)?;
        release_stock(conn, &o)?;
        model::event(conn, o.id, None, "expired", "")?;
        Ok(())
    })
}

/// The buyer gives up before paying.
pub fn abandon(conn: &mut PgConnection, id: i64, actor: Initiator) -> Result<(), Error> {
    conn.transaction(|conn| {
        let (mut o, _) = lock_for(
            conn,
            id,
            actor,
            &[Relation::Buyer],
            &[OrderStatus::PendingPayment],
        )?;
        super::payments::close_open(conn, o.id)?;
        set_status(conn, &mut o, OrderStatus::Cancelled)?;
        close(conn, &o)?;
        release_stock(conn, &o)?;
        model::event(conn, o.id, actor.user_id(), "abandoned", "")?;
        Ok(())
    })
}

fn close(conn: &mut PgConnection, o: &Order) -> QueryResult<()> {
    diesel::update(orders::table.find(o.id))
        .set(orders::closed_at.eq(Utc::now()))
        .execute(conn)
        .map(|_| ())
}

// ---- delivery -----------------------------------------------------------------------

/// The seller sent the parcel.
pub fn ship(
    conn: &mut PgConnection,
    cfg: &Config,
    id: i64,
    actor: Initiator,
    carrier: &str,
    tracking: &str,
) -> Result<(), Error> {
    conn.transaction(|conn| {
        let (mut o, _) = lock_for(conn, id, actor, &[Relation::Seller], &[OrderStatus::Paid])?;
        if o.is_pickup() {
            return Err(Error::WrongState);
        }
        let now = Utc::now();
        let confirm_by = after(cfg.orders.confirm_within);
        diesel::update(orders::table.find(o.id))
            .set((
                orders::status.eq(OrderStatus::Shipped),
                orders::carrier.eq(carrier),
                orders::tracking.eq(tracking),
                orders::shipped_at.eq(now),
                orders::confirm_by.eq(confirm_by),
                orders::updated_at.eq(now),
            ))
            .execute(conn)?;
        o.status = OrderStatus::Shipped;
        o.confirm_by = Some(confirm_by);
        model::event(
            conn,
            o.id,
            actor.user_id(),
            "shipped",
            &format!("{carrier} {tracking}"),
        )?;
        let p = emails::parties(conn, &o)?;
        emails::send(
            conn,
            cfg,
            &o,
            &p.buyer,
            "order_shipped",
            &[
                ("carrier", EmailArg::Text(carrier.into())),
                ("tracking", EmailArg::Text(tracking.into())),
                ("date", EmailArg::Date(confirm_by)),
            ],
        )?;
        schedule_confirmation(conn, o.id, confirm_by)
    })
}

/// What the seller's typed handover code did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handover {
    /// The item is in the buyer's hands.
    Done,
    /// Not the buyer's code: nothing changed but the counted try, which commits (it is
    /// what limits guessing), so this is an outcome and not an error.
    WrongCode,
}

/// The seller typed the buyer's code at the meeting: the item is in the buyer's hands.
pub fn hand_over(
    conn: &mut PgConnection,
    cfg: &Config,
    id: i64,
    actor: Initiator,
    code: &str,
) -> Result<Handover, Error> {
    conn.transaction(|conn| {
        let (mut o, _) = lock_for(conn, id, actor, &[Relation::Seller], &[OrderStatus::Paid])?;
        if !o.is_pickup() {
            return Err(Error::WrongState);
        }
        // Six digits are a million guesses: a few wrong ones lock the handover for an hour,
        // so a seller cannot find the code without meeting the buyer.
        let wrong: i64 = crate::db::schema::order_events::table
            .filter(crate::db::schema::order_events::order_id.eq(o.id))
            .filter(crate::db::schema::order_events::kind.eq("handover_code_wrong"))
            .filter(
                crate::db::schema::order_events::created_at
                    .gt(Utc::now() - chrono::Duration::hours(1)),
            )
            .count()
            .get_result(conn)?;
        if wrong >= HANDOVER_TRIES {
            return Err(Error::TooMany(3600));
        }
        let typed: String = code.chars().filter(|c| c.is_ascii_digit()).collect();
        let same: bool =
            subtle::ConstantTimeEq::ct_eq(typed.as_bytes(), o.handover_code.as_bytes()).into();
        if !same || typed.len() != 6 {
            model::event(conn, o.id, actor.user_id(), "handover_code_wrong", "")?;
            return Ok(Handover::WrongCode);
        }
        let now = Utc::now();
        let confirm_by = after(cfg.orders.confirm_within);
        diesel::update(orders::table.find(o.id))
            .set((
                orders::status.eq(OrderStatus::Received),
                orders::received_at.eq(now),
                orders::confirm_by.eq(confirm_by),
                orders::updated_at.eq(now),
            ))
            .execute(conn)?;
        o.status = OrderStatus::Received;
        o.confirm_by = Some(confirm_by);
        model::event(conn, o.id, actor.user_id(), "handed_over", "")?;
        let p = emails::parties(conn, &o)?;
        emails::send(
            conn,
            cfg,
            &o,
            &p.buyer,
            "order_handed_over",
            &[("date", EmailArg::Date(confirm_by))],
        )?;
        schedule_confirmation(conn, o.id, confirm_by)?;
        Ok(Handover::Done)
    })
}

fn schedule_confirmation(
    conn: &mut PgConnection,
    id: i64,
    confirm_by: DateTime<Utc>,
) -> Result<(), Error> {
    // A reminder two days before (or half-way, for short windows), then the confirmation.
    let left = confirm_by - Utc::now();
    let remind = confirm_by - chrono::Duration::days(2).min(left / 2);
    job(conn, REMIND_JOB, id, remind)?;
    job(conn, AUTO_CONFIRM_JOB, id, confirm_by)?;
    Ok(())
}

/// The buyer reminds themselves to confirm (or open a dispute) before the money goes.
pub fn remind(conn: &mut PgConnection, cfg: &Config, id: i64) -> Result<(), Error> {
    conn.transaction(|conn| {
        let Some(o) = model::find(conn, id).optional()? else {
            return Ok(());
        };
        if !OrderStatus::DELIVERED.contains(&o.status) {
            return Ok(());
        }
        let Some(confirm_by) = o.confirm_by else {
            return Ok(());
        };
        let p = emails::parties(conn, &o)?;
        emails::send(
            conn,
            cfg,
            &o,
            &p.buyer,
            "order_confirm_reminder",
            &[("date", EmailArg::Date(confirm_by))],
        )?;
        Ok(())
    })
}

// ---- the end of a deal ----------------------------------------------------------------

/// The buyer says all is well: the money goes to the seller.
pub fn confirm(
    conn: &mut PgConnection,
    cfg: &Config,
    id: i64,
    actor: Initiator,
) -> Result<(), Error> {
    conn.transaction(|conn| {
        let (o, _) = lock_for(
            conn,
            id,
            actor,
            &[Relation::Buyer],
            &[OrderStatus::Shipped, OrderStatus::Received],
        )?;
        complete(conn, cfg, o, actor, "confirmed")
    })
}

/// Nobody confirmed or disputed in time: confirmed on the buyer's behalf.
pub fn auto_confirm(conn: &mut PgConnection, cfg: &Config, id: i64) -> Result<(), Error> {
    conn.transaction(|conn| {
        let Some(o) = model::lock(conn, id).optional()? else {
            return Ok(());
        };
        let due = o.confirm_by.is_some_and(|at| at <= Utc::now());
        if !OrderStatus::DELIVERED.contains(&o.status) || !due {
            return Ok(());
        }
        complete(conn, cfg, o, Initiator::System, "auto_confirmed")
    })
}

/// Releases what escrow holds for the order (less any refund) to the seller and the
/// fees, and closes the order as completed.
pub(super) fn complete(
    conn: &mut PgConnection,
    cfg: &Config,
    mut o: Order,
    actor: Initiator,
    event: &str,
) -> Result<(), Error> {
    let fee = super::fees::seller_fee(o.proceeds_minor(), cfg.orders.seller_fee_bps);
    let now = Utc::now();
    diesel::update(orders::table.find(o.id))
        .set((
            orders::status.eq(OrderStatus::Completed),
            orders::seller_fee_minor.eq(fee),
            orders::refunded_minor.eq(o.refunded_minor),
            orders::closed_at.eq(now),
            orders::received_at.eq(o.received_at.unwrap_or(now)),
            orders::updated_at.eq(now),
        ))
        .execute(conn)?;
    o.status = OrderStatus::Completed;
    o.seller_fee_minor = fee;
    ledger::release(conn, &o)?;
    model::event(conn, o.id, actor.user_id(), event, "")?;
    let p = emails::parties(conn, &o)?;
    emails::send(conn, cfg, &o, &p.buyer, "order_completed_buyer", &[])?;
    emails::send(
        conn,
        cfg,
        &o,
        &p.seller,
        "order_completed_seller",
        &[("amount", EmailArg::Money(o.proceeds_minor() - fee))],
    )?;
    Ok(())
}

/// Either side calls the deal off before the item leaves: the buyer gets everything
/// back and the stock returns.
pub fn cancel(
    conn: &mut PgConnection,
    cfg: &Config,
    id: i64,
    actor: Initiator,
    reason: &str,
) -> Result<(), Error> {
    conn.transaction(|conn| {
        let (o, role) = lock_for(
            conn,
            id,
            actor,
            &[Relation::Buyer, Relation::Seller],
            &[OrderStatus::Paid],
        )?;
        let by = if role == Relation::Buyer {
            CancelledBy::Buyer
        } else {
            CancelledBy::Seller
        };
        refund_and_cancel(conn, cfg, o, actor, by, reason)
    })
}

/// The seller did not ship within the ship-by date and its grace period.
pub fn cancel_if_late(conn: &mut PgConnection, cfg: &Config, id: i64) -> Result<(), Error> {
    conn.transaction(|conn| {
        let Some(o) = model::lock(conn, id).optional()? else {
            return Ok(());
        };
        let late = o.ship_by.is_some_and(|at| at + grace(cfg) <= Utc::now());
        if o.status != OrderStatus::Paid || !late {
            return Ok(());
        }
        refund_and_cancel(conn, cfg, o, Initiator::System, CancelledBy::Late, "")
    })
}

fn refund_and_cancel(
    conn: &mut PgConnection,
    cfg: &Config,
    mut o: Order,
    actor: Initiator,
    by: CancelledBy,
    reason: &str,
) -> Result<(), Error> {
    let now = Utc::now();
    diesel::update(orders::table.find(o.id))
        .set((
            orders::status.eq(OrderStatus::Cancelled),
            orders::cancel_reason.eq(reason),
            orders::refunded_minor.eq(o.total_minor),
            // Nothing is released, so there is no fee to take.
            orders::seller_fee_minor.eq(0),
            orders::closed_at.eq(now),
            orders::updated_at.eq(now),
        ))
        .execute(conn)?;
    o.status = OrderStatus::Cancelled;
    o.refunded_minor = o.total_minor;
    o.seller_fee_minor = 0;
    super::refunds::refund_order(conn, &o, o.total_minor)?;
    release_stock(conn, &o)?;
    model::event(conn, o.id, actor.user_id(), by.event_kind(), reason)?;
    let p = emails::parties(conn, &o)?;
    let args = [
        ("amount", EmailArg::Money(o.total_minor)),
        (
            "reason",
            if reason.is_empty() {
                EmailArg::Key("cancel-reason-late".into())
            } else {
                EmailArg::Key(format!("cancel-reason-{}", reason.replace('_', "-")))
            },
        ),
    ];
    emails::send(conn, cfg, &o, &p.buyer, "order_cancelled_buyer", &args)?;
    emails::send(conn, cfg, &o, &p.seller, "order_cancelled_seller", &args)?;
    Ok(())
}

/// Full refund of a disputed order (the admin decided so, or the seller took the item
/// back).
pub(super) fn refund_all(
    conn: &mut PgConnection,
    cfg: &Config,
    mut o: Order,
    actor: Initiator,
) -> Result<(), Error> {
    let now = Utc::now();
    diesel::update(orders::table.find(o.id))
        .set((
            orders::status.eq(OrderStatus::Refunded),
            orders::refunded_minor.eq(o.total_minor),
            orders::seller_fee_minor.eq(0),
            orders::closed_at.eq(now),
            orders::updated_at.eq(now),
        ))
        .execute(conn)?;
    o.status = OrderStatus::Refunded;
    o.refunded_minor = o.total_minor;
    o.seller_fee_minor = 0;
    super::refunds::refund_order(conn, &o, o.total_minor)?;
    model::event(conn, o.id, actor.user_id(), "refunded", "")?;
    let p: Parties = emails::parties(conn, &o)?;
    emails::send(
        conn,
        cfg,
        &o,
        &p.buyer,
        "order_refunded",
        &[("amount", EmailArg::Money(o.total_minor))],
    )?;
    Ok(())
}

/// A partial refund, then the rest goes to the seller.
pub(super) fn refund_part_and_complete(
    conn: &mut PgConnection,
    cfg: &Config,
    mut o: Order,
    actor: Initiator,
    amount: i64,
) -> Result<(), Error> {
    let amount = amount.clamp(0, o.item_minor + o.shipping_minor);
    o.refunded_minor = amount;
    super::refunds::refund_order(conn, &o, amount)?;
    model::event(conn, o.id, actor.user_id(), "partially_refunded", "")?;
    let p = emails::parties(conn, &o)?;
    emails::send(
        conn,
        cfg,
        &o,
        &p.buyer,
        "order_refunded",
        &[("amount", EmailArg::Money(amount))],
    )?;
    complete(conn, cfg, o, actor, "completed_after_dispute")
}
