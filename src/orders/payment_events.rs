//! What a payment provider's events do (docs/architecture.md): each event is applied
//! once, in the transaction of the order change and the ledger rows it causes. Money
//! arriving for a payment the order does not need goes straight back.

use chrono::Utc;
use diesel::prelude::*;

use super::emails::{self, EmailArg};
use super::model::{self, Order, OrderStatus, Payment, PaymentStatus};
use super::payments::{by_reference, find, Event, PaymentOutcome};
use super::{ledger, refunds, state, Error};
use crate::config::Config;
use crate::db::schema::{orders, payments, provider_events};

/// Applies a provider's event once: a replay (same provider and event id) changes
/// nothing. Returns the payment it concerned. One transaction (a savepoint in the job
/// worker's); `apply_outcome` is its step and runs in it.
pub fn apply(
    conn: &mut PgConnection,
    cfg: &Config,
    provider: &str,
    event: &Event,
) -> Result<Option<Payment>, Error> {
    conn.transaction(|conn| {
        let fresh = diesel::insert_into(provider_events::table)
            .values((
                provider_events::provider.eq(provider),
                provider_events::event_id.eq(&event.id),
            ))
            .on_conflict_do_nothing()
            .execute(conn)?;
        let Some(p) = by_reference(conn, provider, &event.reference)? else {
            tracing::warn!(provider, event.id = %event.id, "event for an unknown payment");
            return Ok(None);
        };
        if fresh == 0 {
            return Ok(Some(p));
        }
        apply_outcome(conn, cfg, p, &event.outcome).map(Some)
    })
}

/// What an outcome does to the payment and its order (once per payment state change).
pub fn apply_outcome(
    conn: &mut PgConnection,
    cfg: &Config,
    p: Payment,
    outcome: &PaymentOutcome,
) -> Result<Payment, Error> {
    // The order first: every change to an order (and its payments) takes this lock.
    let o = model::lock(conn, p.order_id)?;
    let p = find(conn, p.id)?;
    if p.status.took_money() {
        return Ok(p);
    }
    let open = PaymentStatus::OPEN.contains(&p.status);
    let now = Utc::now();
    match outcome {
        PaymentOutcome::Processing if open => {
            diesel::update(payments::table.find(p.id))
                .set((
                    payments::status.eq(PaymentStatus::Processing),
                    payments::updated_at.eq(now),
                ))
                .execute(conn)?;
            model::event(conn, o.id, None, "payment_processing", "")?;
        }
        PaymentOutcome::Failed(code) if open => {
            // The buyer may try the same payment again.
            diesel::update(payments::table.find(p.id))
                .set((
                    payments::status.eq(PaymentStatus::Pending),
                    payments::failure.eq(code),
                    payments::updated_at.eq(now),
                ))
                .execute(conn)?;
            model::event(conn, o.id, None, "payment_failed", code)?;
        }
        PaymentOutcome::Processing | PaymentOutcome::Failed(_) => {}
        PaymentOutcome::Succeeded {
            brand,
            last4,
            provider_payment,
        } => {
            diesel::update(payments::table.find(p.id))
                .set((
                    payments::card_brand.eq(brand),
                    payments::card_last4.eq(last4),
                    payments::provider_payment.eq(provider_payment),
                    payments::failure.eq(""),
                    payments::updated_at.eq(now),
                ))
                .execute(conn)?;
            // Only the order's current payment for its current amount funds it; money
            // for anything else (replaced, outdated, late, twice) goes straight back.
            let funds =
                open && o.status == OrderStatus::PendingPayment && p.amount_minor == o.total_minor;
            if funds {
                diesel::update(payments::table.find(p.id))
                    .set(payments::status.eq(PaymentStatus::Succeeded))
                    .execute(conn)?;
                diesel::update(orders::table.find(o.id))
                    .set(orders::payment_id.eq(p.id))
                    .execute(conn)?;
                let funding = find(conn, p.id)?;
                state::mark_paid(conn, cfg, o.id, &funding)?;
            } else {
                give_back(conn, cfg, &o, p.id)?;
            }
        }
    }
    Ok(find(conn, p.id)?)
}

/// Money of a payment the order does not need: in through the ledger and straight back
/// out, the payment marked given back, the provider's refund queued. The buyer of an
/// order that ended unpaid (expired, abandoned) is told.
fn give_back(
    conn: &mut PgConnection,
    cfg: &Config,
    o: &Order,
    payment_id: i64,
) -> Result<(), Error> {
    diesel::update(payments::table.find(payment_id))
        .set((
            payments::status.eq(PaymentStatus::GivenBack),
            payments::updated_at.eq(Utc::now()),
        ))
        .execute(conn)?;
    let p = find(conn, payment_id)?;
    ledger::payment_received(conn, o, &p)?;
    refunds::refund(conn, o, &p, p.amount_minor)?;
    let never_paid =
        o.payment_id.is_none() && matches!(o.status, OrderStatus::Expired | OrderStatus::Cancelled);
    if never_paid {
        model::event(conn, o.id, None, "late_payment_refunded", "")?;
        let parties = emails::parties(conn, o)?;
        emails::send(
            conn,
            cfg,
            o,
            &parties.buyer,
            "order_refunded",
            &[("amount", EmailArg::Money(p.amount_minor))],
        )?;
    } else {
        model::event(conn, o.id, None, "duplicate_payment_refunded", "")?;
    }
    Ok(())
}
