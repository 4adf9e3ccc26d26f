//! Payments through a `PaymentProvider` (DESIGN.md): `sandbox` by default, a hosted
//! payment page inside the app with test cards and a bank transfer; `stripe` (Checkout
//! Sessions and a signed webhook) by configuration. Providers only move money outside;
//! what it means for an order is decided here, once per provider event, in one
//! transaction with the order change and the ledger rows. Card numbers never reach the
//! database or the logs: only the brand and the last four digits are kept.

pub mod sandbox;
pub mod signature;
pub mod stripe;

use std::sync::Arc;

use chrono::Utc;
use diesel::prelude::*;
use futures_util::future::BoxFuture;

use super::model::{self, Order, Payment};
use super::{ledger, state};
use crate::config::{Config, PaymentSettings};
use crate::db::schema::{payments, provider_events};
use crate::jobs::queue;
use crate::web::AppError;

/// Job kinds: a refund sent to the provider after it committed here, and the sandbox's
/// delayed callbacks.
pub const REFUND_JOB: &str = "payment_refund";
pub const SANDBOX_EVENT_JOB: &str = "sandbox_event";

/// How the buyer pays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Card,
    BankTransfer,
}

impl Method {
    pub fn parse(s: &str) -> Option<Method> {
        match s {
            "card" => Some(Method::Card),
            "bank_transfer" => Some(Method::BankTransfer),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Method::Card => "card",
            Method::BankTransfer => "bank_transfer",
        }
    }
}

/// A payment the provider opened: where the buyer goes to pay.
#[derive(Clone, Debug)]
pub struct Started {
    pub reference: String,
    /// `checkout` when the provider's own page offers the methods.
    pub method: &'static str,
    pub redirect: String,
    pub virtual_account: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    /// The provider could not be reached or failed; the buyer may try again.
    #[error("payment provider unavailable: {0}")]
    Unavailable(String),
}

/// What a provider reports about a payment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Succeeded {
        brand: String,
        last4: String,
        /// The provider's id of the money taken (for refunds).
        provider_payment: String,
    },
    Processing,
    Failed(String),
}

/// One event from a provider (a webhook, a callback), applied at most once.
#[derive(Clone, Debug)]
pub struct Event {
    pub id: String,
    pub reference: String,
    pub outcome: Outcome,
}

pub trait PaymentProvider: Send + Sync {
    fn name(&self) -> &'static str;

    /// Opens a payment for the order's total.
    fn start<'a>(
        &'a self,
        order: &'a Order,
        method: Method,
        base_url: &'a str,
    ) -> BoxFuture<'a, Result<Started, ProviderError>>;

    /// Gives `amount` of a captured payment back to the buyer. `key` is unique per
    /// refund: retries with the same key refund once.
    fn refund<'a>(
        &'a self,
        payment: &'a Payment,
        amount: i64,
        key: &'a str,
    ) -> BoxFuture<'a, Result<(), ProviderError>>;
}

/// The configured provider.
pub fn provider(cfg: &Config) -> Arc<dyn PaymentProvider> {
    match &cfg.payments {
        PaymentSettings::Sandbox => Arc::new(sandbox::Sandbox),
        PaymentSettings::Stripe {
            secret_key,
            api_base,
            ..
        } => Arc::new(stripe::Stripe::new(secret_key.clone(), api_base.clone())),
    }
}

/// Records a payment the provider opened. Earlier open payments of the order are
/// cancelled: the buyer may have changed delivery, and with it the amount.
pub fn record(
    conn: &mut PgConnection,
    provider: &str,
    o: &Order,
    s: &Started,
) -> QueryResult<Payment> {
    diesel::update(
        payments::table
            .filter(payments::order_id.eq(o.id))
            .filter(payments::status.eq_any(["pending", "processing"])),
    )
    .set((
        payments::status.eq("cancelled"),
        payments::updated_at.eq(Utc::now()),
    ))
    .execute(conn)?;
    diesel::insert_into(payments::table)
        .values((
            payments::order_id.eq(o.id),
            payments::provider.eq(provider),
            payments::method.eq(s.method),
            payments::reference.eq(&s.reference),
            payments::amount_minor.eq(o.total_minor),
            payments::currency.eq(&o.currency),
            payments::virtual_account.eq(&s.virtual_account),
        ))
        .returning(Payment::as_returning())
        .get_result(conn)
}

pub fn by_reference(conn: &mut PgConnection, reference: &str) -> QueryResult<Option<Payment>> {
    payments::table
        .filter(payments::reference.eq(reference))
        .select(Payment::as_select())
        .first(conn)
        .optional()
}

/// The order's payment still open (to send the buyer back to it rather than open another).
pub fn open_for(conn: &mut PgConnection, order_id: i64) -> QueryResult<Option<Payment>> {
    payments::table
        .filter(payments::order_id.eq(order_id))
        .filter(payments::status.eq_any(["pending", "processing"]))
        .order(payments::id.desc())
        .select(Payment::as_select())
        .first(conn)
        .optional()
}

pub fn of_order(conn: &mut PgConnection, order_id: i64) -> QueryResult<Vec<Payment>> {
    payments::table
        .filter(payments::order_id.eq(order_id))
        .order(payments::id)
        .select(Payment::as_select())
        .load(conn)
}

/// Applies a provider's event once: a replay (same provider and event id) changes
/// nothing. Returns the payment it concerned. Run inside a transaction.
pub fn apply(
    conn: &mut PgConnection,
    cfg: &Config,
    provider: &str,
    event: &Event,
) -> Result<Option<Payment>, AppError> {
    let fresh = diesel::insert_into(provider_events::table)
        .values((
            provider_events::provider.eq(provider),
            provider_events::event_id.eq(&event.id),
        ))
        .on_conflict_do_nothing()
        .execute(conn)?;
    let Some(p) = by_reference(conn, &event.reference)? else {
        tracing::warn!(provider, event.id = %event.id, "event for an unknown payment");
        return Ok(None);
    };
    if fresh == 0 {
        return Ok(Some(p));
    }
    apply_outcome(conn, cfg, p, &event.outcome).map(Some)
}

/// What an outcome does to the payment and its order (once per payment state change).
pub fn apply_outcome(
    conn: &mut PgConnection,
    cfg: &Config,
    p: Payment,
    outcome: &Outcome,
) -> Result<Payment, AppError> {
    // The order first: every change to an order (and its payments) takes this lock.
    let o = model::lock(conn, p.order_id)?;
    let p: Payment = payments::table
        .find(p.id)
        .select(Payment::as_select())
        .first(conn)?;
    if p.status == "succeeded" {
        return Ok(p);
    }
    // A replaced payment (or one for an old amount) that still went through: the money
    // goes straight back; the order waits for its current payment.
    let outdated = p.status == "cancelled" || p.amount_minor != o.total_minor;
    if outdated {
        if let Outcome::Succeeded {
            provider_payment, ..
        } = outcome
        {
            diesel::update(payments::table.find(p.id))
                .set((
                    payments::status.eq("succeeded"),
                    payments::provider_payment.eq(provider_payment),
                    payments::updated_at.eq(Utc::now()),
                ))
                .execute(conn)?;
            let p = find(conn, p.id)?;
            give_back(conn, &o, &p)?;
            return Ok(p);
        }
        if p.status == "cancelled" {
            return Ok(p);
        }
    }
    let now = Utc::now();
    match outcome {
        Outcome::Processing => {
            diesel::update(payments::table.find(p.id))
                .set((
                    payments::status.eq("processing"),
                    payments::updated_at.eq(now),
                ))
                .execute(conn)?;
            model::event(conn, o.id, None, "payment_processing", "")?;
        }
        Outcome::Failed(code) => {
            diesel::update(payments::table.find(p.id))
                .set((
                    payments::status.eq("pending"),
                    payments::failure.eq(code),
                    payments::updated_at.eq(now),
                ))
                .execute(conn)?;
            model::event(conn, o.id, None, "payment_failed", code)?;
        }
        Outcome::Succeeded {
            brand,
            last4,
            provider_payment,
        } => {
            diesel::update(payments::table.find(p.id))
                .set((
                    payments::status.eq("succeeded"),
                    payments::card_brand.eq(brand),
                    payments::card_last4.eq(last4),
                    payments::provider_payment.eq(provider_payment),
                    payments::failure.eq(""),
                    payments::updated_at.eq(now),
                ))
                .execute(conn)?;
            if o.status == "pending_payment" || o.status == "expired" || o.status == "cancelled" {
                state::mark_paid(conn, cfg, o.id)?;
                if o.status != "pending_payment" {
                    // mark_paid took the late money in and out again; send it back.
                    let p2 = payments::table
                        .find(p.id)
                        .select(Payment::as_select())
                        .first(conn)?;
                    refund_job(conn, &p2, o.total_minor)?;
                }
            } else {
                // Paid twice (two open payments both completed): this one goes back.
                let p2 = find(conn, p.id)?;
                give_back(conn, &o, &p2)?;
            }
        }
    }
    Ok(payments::table
        .find(p.id)
        .select(Payment::as_select())
        .first(conn)?)
}

/// Money of a payment the order does not need (a duplicate, a replaced payment): in
/// through the ledger and straight back out, with the provider's refund queued.
fn give_back(conn: &mut PgConnection, o: &Order, p: &Payment) -> Result<(), AppError> {
    let mut o2 = o.clone();
    o2.total_minor = p.amount_minor;
    ledger::payment_received(conn, &o2)?;
    ledger::refund(conn, &o2, p.amount_minor)?;
    model::event(conn, o.id, None, "duplicate_payment_refunded", "")?;
    refund_job(conn, p, p.amount_minor)?;
    Ok(())
}

/// Queues the provider-side refund of `amount` of the order's captured payment; the
/// ledger already says the money left escrow.
pub fn refund_later(conn: &mut PgConnection, o: &Order, amount: i64) -> QueryResult<()> {
    let paid: Option<Payment> = payments::table
        .filter(payments::order_id.eq(o.id))
        .filter(payments::status.eq("succeeded"))
        .order(payments::id)
        .select(Payment::as_select())
        .first(conn)
        .optional()?;
    match paid {
        Some(p) => refund_job(conn, &p, amount),
        None => Ok(()),
    }
}

fn refund_job(conn: &mut PgConnection, p: &Payment, amount: i64) -> QueryResult<()> {
    queue::enqueue(
        conn,
        REFUND_JOB,
        serde_json::json!({
            "payment_id": p.id,
            "amount": amount,
            "key": format!("refund-{}", uuid::Uuid::new_v4().simple()),
        }),
        None,
    )
    .map(|_| ())
}

pub fn find(conn: &mut PgConnection, id: i64) -> QueryResult<Payment> {
    payments::table
        .find(id)
        .select(Payment::as_select())
        .first(conn)
}

/// Brand of a card number, from its first digits.
pub fn card_brand(digits: &str) -> &'static str {
    let two: u32 = digits.get(..2).and_then(|s| s.parse().ok()).unwrap_or(0);
    let four: u32 = digits.get(..4).and_then(|s| s.parse().ok()).unwrap_or(0);
    if digits.starts_with('4') {
        "visa"
    } else if (51..=55).contains(&two) || (2221..=2720).contains(&four) {
        "mastercard"
    } else if two == 34 || two == 37 {
        "amex"
    } else {
        "card"
    }
}

/// The Luhn check digit test every card number passes.
pub fn luhn(digits: &str) -> bool {
    let mut sum = 0;
    for (i, c) in digits.chars().rev().enumerate() {
        let Some(mut d) = c.to_digit(10) else {
            return false;
        };
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    !digits.is_empty() && sum % 10 == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_accepts_test_cards_and_refuses_typos() {
        for ok in [
            "4242424242424242",
            "4000000000000002",
            "4000000000009995",
            "5555555555554444",
            "378282246310005",
        ] {
            assert!(luhn(ok), "{ok}");
        }
        for bad in ["4242424242424241", "", "4242x24242424242"] {
            assert!(!luhn(bad), "{bad}");
        }
    }

    #[test]
    fn brands() {
        assert_eq!(card_brand("4242424242424242"), "visa");
        assert_eq!(card_brand("5555555555554444"), "mastercard");
        assert_eq!(card_brand("2223003122003222"), "mastercard");
        assert_eq!(card_brand("378282246310005"), "amex");
        assert_eq!(card_brand("6011111111111117"), "card");
    }
}
