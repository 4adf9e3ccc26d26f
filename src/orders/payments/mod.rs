//! Payments through a `PaymentProvider` (docs/architecture.md): `sandbox` by default, a hosted
//! payment page inside the app with test cards and a bank transfer; `stripe` (Checkout
//! Sessions and a signed webhook) by configuration. Providers only move money outside;
//! what it means for an order is decided here, once per provider event, in one
//! transaction with the order change and the ledger rows. Card numbers never reach the
//! database or the logs: only the brand and the last four digits are kept.

pub mod sandbox;
pub mod signature;
pub mod stripe;

use chrono::Utc;
use diesel::prelude::*;
use futures_util::future::BoxFuture;

use super::model::{self, Order, Payment, PaymentStatus};
use crate::db::schema::payments;
use crate::jobs::queue;

/// Job kinds: a refund sent to the provider after it committed here, a payment closed
/// at the provider (so it can no longer take money), and the sandbox's delayed
/// callbacks.
pub const REFUND_JOB: &str = "payment_refund";
pub const CLOSE_JOB: &str = "payment_close";
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
pub enum PaymentOutcome {
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
    pub outcome: PaymentOutcome,
}

pub trait PaymentProvider: Send + Sync {
    fn name(&self) -> &'static str;

    /// Opens a payment for the order's total. `attempt` counts the order's payments
    /// opened before: the same order, attempt and amount (a double click) open one.
    fn start<'a>(
        &'a self,
        order: &'a Order,
        method: Method,
        base_url: &'a str,
        attempt: usize,
    ) -> BoxFuture<'a, Result<Started, ProviderError>>;

    /// Gives `amount` of a captured payment back to the buyer. `key` is unique per
    /// refund: retries with the same key refund once.
    fn refund<'a>(
        &'a self,
        payment: &'a Payment,
        amount: i64,
        key: &'a str,
    ) -> BoxFuture<'a, Result<(), ProviderError>>;

    /// Closes a payment nobody may use any more (replaced, abandoned, its order
    /// expired), so that it cannot take money. Closing one already closed is fine.
    fn close<'a>(&'a self, payment: &'a Payment) -> BoxFuture<'a, Result<(), ProviderError>>;
}

/// Records a payment the provider opened. Earlier open payments of the order are
/// cancelled (the buyer may have changed delivery, and with it the amount) and closed
/// at the provider. The same reference twice (a provider answering a repeated
/// idempotent request) is one payment.
pub fn record(
    conn: &mut PgConnection,
    provider: &str,
    o: &Order,
    s: &Started,
) -> QueryResult<Payment> {
    conn.transaction(|conn| {
        // The order's lock: two twins recording the same session run one after the other.
        model::lock(conn, o.id)?;
        if let Some(p) = by_reference(conn, provider, &s.reference)? {
            return Ok(p);
        }
        close_open(conn, o.id)?;
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
    })
}

/// Cancels the order's open payments and queues their closing at the provider.
pub fn close_open(conn: &mut PgConnection, order_id: i64) -> QueryResult<()> {
    let closed: Vec<Payment> = diesel::update(
        payments::table
            .filter(payments::order_id.eq(order_id))
            .filter(payments::status.eq_any(PaymentStatus::OPEN)),
    )
    .set((
        payments::status.eq(PaymentStatus::Cancelled),
        payments::updated_at.eq(Utc::now()),
    ))
    .returning(Payment::as_returning())
    .get_results(conn)?;
    for p in closed {
        queue::enqueue(
            conn,
            CLOSE_JOB,
            serde_json::json!({ "payment_id": p.id }),
            None,
        )?;
    }
    Ok(())
}

/// The payment `provider` knows by `reference`: a reference of another provider is
/// none of its business.
pub fn by_reference(
    conn: &mut PgConnection,
    provider: &str,
    reference: &str,
) -> QueryResult<Option<Payment>> {
    payments::table
        .filter(payments::provider.eq(provider))
        .filter(payments::reference.eq(reference))
        .select(Payment::as_select())
        .first(conn)
        .optional()
}

/// The order's payment still open (to send the buyer back to it rather than open another).
pub fn open_for(conn: &mut PgConnection, order_id: i64) -> QueryResult<Option<Payment>> {
    payments::table
        .filter(payments::order_id.eq(order_id))
        .filter(payments::status.eq_any(PaymentStatus::OPEN))
        .order(payments::id.desc())
        .select(Payment::as_select())
        .first(conn)
        .optional()
}

/// Whether a payment of the order is under way at the provider (a bank transfer, a
/// card being checked): the order must not expire under it.
pub fn processing(conn: &mut PgConnection, order_id: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        payments::table
            .filter(payments::order_id.eq(order_id))
            .filter(payments::status.eq(PaymentStatus::Processing)),
    ))
    .get_result(conn)
}

pub fn of_order(conn: &mut PgConnection, order_id: i64) -> QueryResult<Vec<Payment>> {
    payments::table
        .filter(payments::order_id.eq(order_id))
        .order(payments::id)
        .select(Payment::as_select())
        .load(conn)
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
