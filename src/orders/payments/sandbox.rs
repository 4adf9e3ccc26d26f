//! The sandbox provider: a hosted payment page inside the app that behaves like a card
//! processor's, for development, demos and tests. Test cards (any future expiry, any
//! CVC, any name):
//!
//! | number              | result                                        |
//! |---------------------|-----------------------------------------------|
//! | 4242 4242 4242 4242 | paid                                          |
//! | 4000 0000 0000 0002 | declined                                      |
//! | 4000 0000 0000 9995 | declined: insufficient funds                  |
//! | 4000 0000 0000 3220 | processing, paid a moment later by a callback |
//!
//! A bank transfer shows a virtual account number; the bank's confirmation arrives as a
//! callback (in the sandbox, the buyer presses "simulate the transfer"). Callbacks are
//! events applied once, as from a webhook: `/webhooks/sandbox` takes the same events
//! signed with the sandbox secret. The hosted page and the webhook are routes
//! (`orders/routes/sandbox.rs`); this module is the provider and its test cards.

use chrono::{Datelike, Utc};
use futures_util::future::BoxFuture;
use sha2::{Digest, Sha256};

use super::{Event, Method, PaymentOutcome, PaymentProvider, ProviderError, Started};
use crate::jobs::queue;
use crate::orders::model::{Order, Payment};
use crate::web::form::FormErrors;

pub struct Sandbox;

/// The sandbox's processing delay before its callback.
const CALLBACK_DELAY_SECS: i64 = 2;

impl PaymentProvider for Sandbox {
    fn name(&self) -> &'static str {
        "sandbox"
    }

    fn start<'a>(
        &'a self,
        _order: &'a Order,
        method: Method,
        _base_url: &'a str,
        _attempt: usize,
    ) -> BoxFuture<'a, Result<Started, ProviderError>> {
        Box::pin(async move {
            let reference = format!("sbx_{}", uuid::Uuid::new_v4().simple());
            let virtual_account = match method {
                Method::BankTransfer => {
                    use rand::Rng;
                    format!(
                        "8808{:012}",
                        rand::thread_rng().gen_range(0..1_000_000_000_000u64)
                    )
                }
                Method::Card => String::new(),
            };
            Ok(Started {
                redirect: format!("/pay/sandbox/{reference}"),
                reference,
                method: method.code(),
                virtual_account,
            })
        })
    }

    fn refund<'a>(
        &'a self,
        payment: &'a Payment,
        amount: i64,
        key: &'a str,
    ) -> BoxFuture<'a, Result<(), ProviderError>> {
        Box::pin(async move {
            tracing::info!(payment.id = payment.id, amount, key, "sandbox refund");
            Ok(())
        })
    }

    /// The hosted page refuses a cancelled payment already; nothing to tell anyone.
    fn close<'a>(&'a self, payment: &'a Payment) -> BoxFuture<'a, Result<(), ProviderError>> {
        Box::pin(async move {
            tracing::info!(payment.id = payment.id, "sandbox payment closed");
            Ok(())
        })
    }
}

/// The secret sandbox webhooks are signed with, derived from the server secret.
pub fn webhook_secret(server_secret: &[u8]) -> Vec<u8> {
    let mut h = Sha256::new();
    h.update(b"pasar sandbox webhook\0");
    h.update(server_secret);
    h.finalize().to_vec()
}

/// The card form as typed.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct CardInput {
    pub card_number: String,
    pub expiry: String,
    pub cvc: String,
    pub name: String,
}

/// What the sandbox does with a card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Charge {
    Paid { brand: String, last4: String },
    Declined(&'static str),
    Processing { brand: String, last4: String },
}

/// Checks the form like a processor would, then answers by test number. Form errors are
/// keyed by field with message ids.
pub fn charge(input: &CardInput, today: chrono::NaiveDate) -> Result<Charge, FormErrors> {
    let mut errors = FormErrors::default();
    let digits: String = input
        .card_number
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if digits.is_empty() {
        errors.add("card_number", "pay-card-required");
    } else if !(12..=19).contains(&digits.len()) || !super::luhn(&digits) {
        errors.add("card_number", "pay-card-invalid");
    }
    match parse_expiry(&input.expiry) {
        None => errors.add("expiry", "pay-expiry-invalid"),
        Some((year, month)) => {
            if (year, month) < (today.year(), today.month()) {
                errors.add("expiry", "pay-expiry-past");
            }
        }
    }
    let cvc = input.cvc.trim();
    if !(3..=4).contains(&cvc.len()) || !cvc.chars().all(|c| c.is_ascii_digit()) {
        errors.add("cvc", "pay-cvc-invalid");
    }
    if input.name.trim().is_empty() {
        errors.add("name", "pay-name-required");
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let brand = super::card_brand(&digits).to_string();
    let last4 = digits[digits.len() - 4..].to_string();
    Ok(match digits.as_str() {
        "4242424242424242" => Charge::Paid { brand, last4 },
        "4000000000000002" => Charge::Declined("card_declined"),
        "4000000000009995" => Charge::Declined("insufficient_funds"),
        "4000000000003220" => Charge::Processing { brand, last4 },
        // Like a processor's test mode: real-looking numbers are not charged.
        _ => Charge::Declined("test_card_required"),
    })
}

/// `MM/YY`, `MM / YY` or `MM/YYYY`.
fn parse_expiry(s: &str) -> Option<(i32, u32)> {
    let (m, y) = s.split_once('/')?;
    let month: u32 = m.trim().parse().ok()?;
    let y = y.trim();
    let year: i32 = match y.len() {
        2 => 2000 + y.parse::<i32>().ok()?,
        4 => y.parse().ok()?,
        _ => return None,
    };
    (1..=12).contains(&month).then_some((year, month))
}

/// The processor's (or the bank's) callback, a moment later.
pub fn schedule_callback(
    conn: &mut diesel::PgConnection,
    reference: &str,
    outcome: PaymentOutcome,
) -> diesel::QueryResult<()> {
    let (kind, brand, last4) = match outcome {
        PaymentOutcome::Succeeded { brand, last4, .. } => ("succeeded", brand, last4),
        PaymentOutcome::Failed(_) => ("failed", String::new(), String::new()),
        PaymentOutcome::Processing => ("processing", String::new(), String::new()),
    };
    queue::enqueue(
        conn,
        super::SANDBOX_EVENT_JOB,
        serde_json::json!({
            "id": format!("callback_{}", uuid::Uuid::new_v4().simple()),
            "reference": reference,
            "outcome": kind,
            "brand": brand,
            "last4": last4,
        }),
        Some(Utc::now() + chrono::Duration::seconds(CALLBACK_DELAY_SECS)),
    )?;
    Ok(())
}

/// A sandbox event as JSON (what the callback job carries and the webhook receives).
pub fn event_from_json(v: &serde_json::Value) -> Option<Event> {
    let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
    let reference = s("reference")?;
    let outcome = match s("outcome")?.as_str() {
        "succeeded" => PaymentOutcome::Succeeded {
            brand: s("brand").unwrap_or_default(),
            last4: s("last4").unwrap_or_default(),
            provider_payment: reference.clone(),
        },
        "processing" => PaymentOutcome::Processing,
        "failed" => PaymentOutcome::Failed(s("failure").unwrap_or_else(|| "card_declined".into())),
        _ => return None,
    };
    Some(Event {
        id: s("id")?,
        reference,
        outcome,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(n: &str) -> CardInput {
        CardInput {
            card_number: n.into(),
            expiry: "12/30".into(),
            cvc: "123".into(),
            name: "Siti".into(),
        }
    }

    fn today() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
    }

    #[test]
    fn test_cards_answer_as_documented() {
        let paid = charge(&card("4242 4242 4242 4242"), today());
        assert_eq!(
            paid,
            Ok(Charge::Paid {
                brand: "visa".into(),
                last4: "4242".into()
            })
        );
        assert_eq!(
            charge(&card("4000000000000002"), today()),
            Ok(Charge::Declined("card_declined"))
        );
        assert_eq!(
            charge(&card("4000-0000-0000-9995"), today()),
            Ok(Charge::Declined("insufficient_funds"))
        );
        assert!(matches!(
            charge(&card("4000000000003220"), today()),
            Ok(Charge::Processing { .. })
        ));
        assert_eq!(
            charge(&card("5555555555554444"), today()),
            Ok(Charge::Declined("test_card_required"))
        );
    }

    #[test]
    fn bad_forms_name_each_field() {
        let bad = CardInput {
            card_number: "4242 4242 4242 4241".into(),
            expiry: "10/26".into(),
            cvc: "12a".into(),
            name: " ".into(),
        };
        let Err(e) = charge(&bad, today()) else {
            panic!("accepted")
        };
        assert_eq!(e.get("card_number"), Some("pay-card-invalid"));
        assert_eq!(e.get("expiry"), Some("pay-expiry-past"));
        assert_eq!(e.get("cvc"), Some("pay-cvc-invalid"));
        assert_eq!(e.get("name"), Some("pay-name-required"));
        assert_eq!(parse_expiry("13/30"), None);
        assert_eq!(parse_expiry("11 / 2026"), Some((2026, 11)));
    }
}
