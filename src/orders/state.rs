//! The order life (docs/architecture.md): `pending_payment -> paid -> shipped | received ->
//! completed`, `pending_payment -> expired | cancelled`, `paid -> cancelled`. Every step
//! is one function that locks the order, checks who acts (a stranger gets 404, the wrong
//! party 403) and the current state (409), then writes the new state, the timeline event,
//! the ledger movement, the emails and the follow-up jobs in the caller's transaction.
//! Disputes live in `disputes.rs` and use the same checks.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::emails::{self, Parties, Val};
use super::ledger;
use super::model::{self, Order, Payment};
use crate::config::Config;
use crate::db::schema::orders;
use crate::jobs::queue;
use crate::web::AppError;

/// Job kinds of the order life.
pub const EXPIRE_JOB: &str = "order_expire";
pub const LATE_JOB: &str = "order_late";
pub const REMIND_JOB: &str = "order_remind";
pub const AUTO_CONFIRM_JOB: &str = "order_auto_confirm";

/// Wrong handover codes allowed per order and hour.
pub const HANDOVER_TRIES: i64 = 5;

/// Who asks for a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Actor {
    User {
        id: i64,
        admin: bool,
    },
    /// A timeout or the payment provider.
    System,
}

/// What the actor is to this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Buyer,
    Seller,
    Admin,
    System,
}

/// The actor's role; anyone else does not learn that the order exists.
pub fn role(o: &Order, actor: Actor) -> Result<Role, AppError> {
    match actor {
        Actor::System => Ok(Role::System),
        Actor::User { id, .. } if id == o.buyer_id => Ok(Role::Buyer),
        Actor::User { id, .. } if id == o.seller_id => Ok(Role::Seller),
        Actor::User { admin: true, .. } => Ok(Role::Admin),
        Actor::User { .. } => Err(AppError::NotFound),
    }
}

/// Locks the order and checks the actor's role, then the state.
pub fn lock_for(
    conn: &mut PgConnection,
    id: i64,
    actor: Actor,
    roles: &[Role],
    states: &[&str],
) -> Result<(Order, Role), AppError> {
    let o = model::lock(conn, id)
        .optional()?
        .ok_or(AppError::NotFound)?;
    let r = role(&o, actor)?;
    if !roles.contains(&r) {
        return Err(AppError::Forbidden);
    }
    if !states.contains(&o.status.as_str()) {
        return Err(AppError::Conflict);
    }
    Ok((o, r))
}

impl Actor {
    /// The acting user; `None` for the system.
    pub fn user_id(self) -> Option<i64> {
        match self {
            Actor::User { id, .. } => Some(id),
            Actor::System => None,
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

/// Puts reserved stock back on sale (an unpaid, expired or cancelled order). A listing
/// the last unit of which was reserved went to `sold`; it comes back to `active`, unless
/// the seller marked it sold.
fn release_stock(conn: &mut PgConnection, o: &Order) -> QueryResult<()> {
    diesel::sql_query(
        "UPDATE listings SET quantity = quantity + $2, \
           status = CASE WHEN status = 'sold' AND NOT sold_by_hand THEN 'active' ELSE status END, \
           updated_at = now() \
         WHERE id = $1",
    )
    .bind::<diesel::sql_types::BigInt, _>(o.listing_id)
    .bind::<diesel::sql_types::Integer, _>(o.quantity)
    .execute(conn)
    .map(|_| ())
}

fn set_status(conn: &mut PgConnection, o: &mut Order, status: &str) -> QueryResult<()> {
    diesel::update(orders::table.find(o.id))
        .set((orders::status.eq(status), orders::updated_at.eq(Utc::now())))
        .execute(conn)?;
    o.status = status.to_string();
    Ok(())
}

// ---- payment ------------------------------------------------------------------------

/// The provider took the money of the order's payment `payment`: escrow holds it, the
/// seller learns they sold. Money arriving for an order that no longer waits for it is
/// given back by the caller (`payments::apply_outcome`), never here.
pub fn mark_paid(
    conn: &mut PgConnection,
    cfg: &Config,
    id: i64,
    payment: &Payment,
) -> Result<Order, AppError> {
    let mut o = model::lock(conn, id)
        .optional()?
        .ok_or(AppError::NotFound)?;
    if o.status != "pending_payment" {
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
            orders::status.eq("paid"),
            orders::paid_at.eq(now),
            orders::ship_by.eq(ship_by),
            orders::handover_code.eq(&code),
            orders::updated_at.eq(now),
        ))
        .execute(conn)?;
    o.status = "paid".into();
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
            ("date", Val::Date(ship_by)),
            ("address", Val::Text(address)),
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
pub fn expire(conn: &mut PgConnection, cfg: &Config, id: i64) -> Result<(), AppError> {
    let Some(mut o) = model::lock(conn, id).optional()? else {
        return Ok(());
    };
    if o.status != "pending_payment" || o.pay_by > Utc::now() {
        return Ok(());
    }
    if super::payments::processing(conn, o.id)? {
        job(conn, EXPIRE_JOB, o.id, after(cfg.orders.pay_within))?;
        return Ok(());
    }
    super::payments::close_open(conn, o.id)?;
    set_status(conn, &mut o, "expired")?;
    close(conn, &o)?;
    release_stock(conn, &o)?;
    model::event(conn, o.id, None, "expired", "")?;
    Ok(())
}

/// The buyer gives up before paying.
pub fn abandon(conn: &mut PgConnection, id: i64, actor: Actor) -> Result<(), AppError> {
    let (mut o, _) = lock_for(conn, id, actor, &[Role::Buyer], &["pending_payment"])?;
    super::payments::close_open(conn, o.id)?;
    set_status(conn, &mut o, "cancelled")?;
    close(conn, &o)?;
    release_stock(conn, &o)?;
    model::event(conn, o.id, actor.user_id(), "abandoned", "")?;
    Ok(())
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
    actor: Actor,
    carrier: &str,
    tracking: &str,
) -> Result<(), AppError> {
    let (mut o, _) = lock_for(conn, id, actor, &[Role::Seller], &["paid"])?;
    if o.is_pickup() {
        return Err(AppError::Conflict);
    }
    let now = Utc::now();
    let confirm_by = after(cfg.orders.confirm_within);
    diesel::update(orders::table.find(o.id))
        .set((
            orders::status.eq("shipped"),
            orders::carrier.eq(carrier),
            orders::tracking.eq(tracking),
            orders::shipped_at.eq(now),
            orders::confirm_by.eq(confirm_by),
            orders::updated_at.eq(now),
        ))
        .execute(conn)?;
    o.status = "shipped".into();
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
            ("carrier", Val::Text(carrier.into())),
            ("tracking", Val::Text(tracking.into())),
            ("date", Val::Date(confirm_by)),
        ],
    )?;
    schedule_confirmation(conn, o.id, confirm_by)
}

/// The seller typed the buyer's code at the meeting: the item is in the buyer's hands.
/// A wrong code changes nothing (`Ok(false)`).
pub fn hand_over(
    conn: &mut PgConnection,
    cfg: &Config,
    id: i64,
    actor: Actor,
    code: &str,
) -> Result<bool, AppError> {
    let (mut o, _) = lock_for(conn, id, actor, &[Role::Seller], &["paid"])?;
    if !o.is_pickup() {
        return Err(AppError::Conflict);
    }
    // Six digits are a million guesses: a few wrong ones lock the handover for an hour,
    // so a seller cannot find the code without meeting the buyer.
    let wrong: i64 = crate::db::schema::order_events::table
        .filter(crate::db::schema::order_events::order_id.eq(o.id))
        .filter(crate::db::schema::order_events::kind.eq("handover_code_wrong"))
        .filter(
            crate::db::schema::order_events::created_at.gt(Utc::now() - chrono::Duration::hours(1)),
        )
        .count()
        .get_result(conn)?;
    if wrong >= HANDOVER_TRIES {
        return Err(AppError::TooMany(3600));
    }
    let typed: String = code.chars().filter(|c| c.is_ascii_digit()).collect();
    let same: bool =
        subtle::ConstantTimeEq::ct_eq(typed.as_bytes(), o.handover_code.as_bytes()).into();
    if !same || typed.len() != 6 {
        model::event(conn, o.id, actor.user_id(), "handover_code_wrong", "")?;
        return Ok(false);
    }
    let now = Utc::now();
    let confirm_by = after(cfg.orders.confirm_within);
    diesel::update(orders::table.find(o.id))
        .set((
            orders::status.eq("received"),
            orders::received_at.eq(now),
            orders::confirm_by.eq(confirm_by),
            orders::updated_at.eq(now),
        ))
        .execute(conn)?;
    o.status = "received".into();
    o.confirm_by = Some(confirm_by);
    model::event(conn, o.id, actor.user_id(), "handed_over", "")?;
    let p = emails::parties(conn, &o)?;
    emails::send(
        conn,
        cfg,
        &o,
        &p.buyer,
        "order_handed_over",
        &[("date", Val::Date(confirm_by))],
    )?;
    schedule_confirmation(conn, o.id, confirm_by)?;
    Ok(true)
}

fn schedule_confirmation(
    conn: &mut PgConnection,
    id: i64,
    confirm_by: DateTime<Utc>,
) -> Result<(), AppError> {
    // A reminder two days before (or half-way, for short windows), then the confirmation.
    let left = confirm_by - Utc::now();
    let remind = confirm_by - chrono::Duration::days(2).min(left / 2);
    job(conn, REMIND_JOB, id, remind)?;
    job(conn, AUTO_CONFIRM_JOB, id, confirm_by)?;
    Ok(())
}

/// The buyer reminds themselves to confirm (or open a dispute) before the money goes.
pub fn remind(conn: &mut PgConnection, cfg: &Config, id: i64) -> Result<(), AppError> {
    let Some(o) = model::find(conn, id).optional()? else {
        return Ok(());
    };
    if !matches!(o.status.as_str(), "shipped" | "received") {
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
        &[("date", Val::Date(confirm_by))],
    )?;
    Ok(())
}

// ---- the end of a deal ----------------------------------------------------------------

/// The buyer says all is well: the money goes to the seller.
pub fn confirm(
    conn: &mut PgConnection,
    cfg: &Config,
    id: i64,
    actor: Actor,
) -> Result<(), AppError> {
    let (o, _) = lock_for(conn, id, actor, &[Role::Buyer], &["shipped", "received"])?;
    complete(conn, cfg, o, actor, "confirmed")
}

/// Nobody confirmed or disputed in time: confirmed on the buyer's behalf.
pub fn auto_confirm(conn: &mut PgConnection, cfg: &Config, id: i64) -> Result<(), AppError> {
    let Some(o) = model::lock(conn, id).optional()? else {
        return Ok(());
    };
    let due = o.confirm_by.is_some_and(|at| at <= Utc::now());
    if !matches!(o.status.as_str(), "shipped" | "received") || !due {
        return Ok(());
    }
    complete(conn, cfg, o, Actor::System, "auto_confirmed")
}

/// Releases what escrow holds for the order (less any refund) to the seller and the
/// fees, and closes the order as completed.
pub(super) fn complete(
    conn: &mut PgConnection,
    cfg: &Config,
    mut o: Order,
    actor: Actor,
    event: &str,
) -> Result<(), AppError> {
    let fee = super::checkout::seller_fee(o.proceeds_minor(), cfg.orders.seller_fee_bps);
    let now = Utc::now();
    diesel::update(orders::table.find(o.id))
        .set((
            orders::status.eq("completed"),
            orders::seller_fee_minor.eq(fee),
            orders::refunded_minor.eq(o.refunded_minor),
            orders::closed_at.eq(now),
            orders::received_at.eq(o.received_at.unwrap_or(now)),
            orders::updated_at.eq(now),
        ))
        .execute(conn)?;
    o.status = "completed".into();
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
        &[("amount", Val::Money(o.proceeds_minor() - fee))],
    )?;
    Ok(())
}

/// Either side calls the deal off before the item leaves: the buyer gets everything
/// back and the stock returns.
pub fn cancel(
    conn: &mut PgConnection,
    cfg: &Config,
    id: i64,
    actor: Actor,
    reason: &str,
) -> Result<(), AppError> {
    let (o, role) = lock_for(conn, id, actor, &[Role::Buyer, Role::Seller], &["paid"])?;
    let kind = if role == Role::Buyer {
        "cancelled_by_buyer"
    } else {
        "cancelled_by_seller"
    };
    refund_and_cancel(conn, cfg, o, actor, kind, reason)
}

/// The seller did not ship within the ship-by date and its grace period.
pub fn cancel_if_late(conn: &mut PgConnection, cfg: &Config, id: i64) -> Result<(), AppError> {
    let Some(o) = model::lock(conn, id).optional()? else {
        return Ok(());
    };
    let late = o.ship_by.is_some_and(|at| at + grace(cfg) <= Utc::now());
    if o.status != "paid" || !late {
        return Ok(());
    }
    refund_and_cancel(conn, cfg, o, Actor::System, "cancelled_late", "")
}

fn refund_and_cancel(
    conn: &mut PgConnection,
    cfg: &Config,
    mut o: Order,
    actor: Actor,
    kind: &str,
    reason: &str,
) -> Result<(), AppError> {
    let now = Utc::now();
    diesel::update(orders::table.find(o.id))
        .set((
            orders::status.eq("cancelled"),
            orders::cancel_reason.eq(reason),
            orders::refunded_minor.eq(o.total_minor),
            // Nothing is released, so there is no fee to take.
            orders::seller_fee_minor.eq(0),
            orders::closed_at.eq(now),
            orders::updated_at.eq(now),
        ))
        .execute(conn)?;
    o.status = "cancelled".into();
    o.refunded_minor = o.total_minor;
    o.seller_fee_minor = 0;
    super::payments::refund_order(conn, &o, o.total_minor)?;
    release_stock(conn, &o)?;
    model::event(conn, o.id, actor.user_id(), kind, reason)?;
    let p = emails::parties(conn, &o)?;
    let args = [
        ("amount", Val::Money(o.total_minor)),
        (
            "reason",
            if reason.is_empty() {
                Val::Key("cancel-reason-late".into())
            } else {
                Val::Key(format!("cancel-reason-{}", reason.replace('_', "-")))
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
    actor: Actor,
) -> Result<(), AppError> {
    let now = Utc::now();
    diesel::update(orders::table.find(o.id))
        .set((
            orders::status.eq("refunded"),
            orders::refunded_minor.eq(o.total_minor),
            orders::seller_fee_minor.eq(0),
            orders::closed_at.eq(now),
            orders::updated_at.eq(now),
        ))
        .execute(conn)?;
    o.status = "refunded".into();
    o.refunded_minor = o.total_minor;
    o.seller_fee_minor = 0;
    super::payments::refund_order(conn, &o, o.total_minor)?;
    model::event(conn, o.id, actor.user_id(), "refunded", "")?;
    let p: Parties = emails::parties(conn, &o)?;
    emails::send(
        conn,
        cfg,
        &o,
        &p.buyer,
        "order_refunded",
        &[("amount", Val::Money(o.total_minor))],
    )?;
    Ok(())
}

/// A partial refund, then the rest goes to the seller.
pub(super) fn refund_part_and_complete(
    conn: &mut PgConnection,
    cfg: &Config,
    mut o: Order,
    actor: Actor,
    amount: i64,
) -> Result<(), AppError> {
    let amount = amount.clamp(0, o.item_minor + o.shipping_minor);
    o.refunded_minor = amount;
    super::payments::refund_order(conn, &o, amount)?;
    model::event(conn, o.id, actor.user_id(), "partially_refunded", "")?;
    let p = emails::parties(conn, &o)?;
    emails::send(
        conn,
        cfg,
        &o,
        &p.buyer,
        "order_refunded",
        &[("amount", Val::Money(amount))],
    )?;
    complete(conn, cfg, o, actor, "completed_after_dispute")
}
