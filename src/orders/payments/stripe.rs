//! The Stripe provider: a payment is a hosted Checkout Session the buyer is redirected
//! to, its result arrives as a signed webhook (`verified_event`), and refunds go through
//! the Refunds API against the session's PaymentIntent. Only ids and amounts are sent;
//! card data stays with Stripe.

use std::time::Duration;

use futures_util::future::BoxFuture;
use serde::Deserialize;
use serde_json::Value;

use super::{signature, Event, Method, PaymentOutcome, PaymentProvider, ProviderError, Started};
use crate::config::Secret;
use crate::orders::model::{Order, Payment};

/// A buyer waits on `start`; past this it is better to tell them to try again.
const TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug)]
pub struct Stripe {
    secret_key: Secret,
    api_base: String,
    /// None only if the TLS backend failed to initialise; every call then reports
    /// the provider unavailable rather than the process panicking at startup.
    http: Option<reqwest::Client>,
}

impl Stripe {
    /// `api_base` is "https://api.stripe.com" in production (tests may point elsewhere).
    pub fn new(secret_key: Secret, api_base: String) -> Stripe {
        let http = match reqwest::Client::builder().timeout(TIMEOUT).build() {
            Ok(c) => Some(c),
            Err(e) => {
                tracing::error!(error = %e, "could not build the Stripe HTTP client");
                None
            }
        };
        Stripe {
            secret_key,
            api_base: api_base.trim_end_matches('/').to_string(),
            http,
        }
    }

    /// POSTs a form to the API and returns the body of a 2xx answer. Error messages
    /// name the status only: Stripe's own messages can echo request parameters.
    async fn post(
        &self,
        path: &str,
        form: &[(&str, String)],
        idempotency_key: Option<String>,
    ) -> Result<Vec<u8>, ProviderError> {
        match self.send(path, form, idempotency_key).await? {
            (status, body) if (200..300).contains(&status) => Ok(body),
            (status, _) => Err(ProviderError::Unavailable(format!(
                "stripe answered {status}"
            ))),
        }
    }

    /// POSTs a form and returns the answer's status and body, whatever the status.
    async fn send(
        &self,
        path: &str,
        form: &[(&str, String)],
        idempotency_key: Option<String>,
    ) -> Result<(u16, Vec<u8>), ProviderError> {
        let http = self
            .http
            .as_ref()
            .ok_or_else(|| ProviderError::Unavailable("no HTTP client".into()))?;
        let key = String::from_utf8_lossy(&self.secret_key.0);
        let mut req = http
            .post(format!("{}{path}", self.api_base))
            .bearer_auth(key)
            .form(form);
        if let Some(k) = idempotency_key {
            req = req.header("Idempotency-Key", k);
        }
        let resp = req.send().await.map_err(|e| {
            tracing::warn!(path, error = %e, "stripe unreachable");
            ProviderError::Unavailable("stripe unreachable".into())
        })?;
        let status = resp.status();
        let body = resp.bytes().await.map_err(|e| {
            tracing::warn!(path, error = %e, "stripe answer cut short");
            ProviderError::Unavailable("stripe answer cut short".into())
        })?;
        if !status.is_success() {
            let code = serde_json::from_slice::<Value>(&body)
                .ok()
                .and_then(|v| v["error"]["code"].as_str().map(str::to_string))
                .unwrap_or_default();
            tracing::warn!(path, status = status.as_u16(), code, "stripe refused");
        }
        Ok((status.as_u16(), body.to_vec()))
    }

    /// Creates a Checkout Session. `key` makes a repeated request (a double click) give
    /// the session of the first instead of a second one.
    async fn create_session(
        &self,
        form: Vec<(&str, String)>,
        key: String,
    ) -> Result<Started, ProviderError> {
        let body = self.post("/v1/checkout/sessions", &form, Some(key)).await?;
        let session: SessionCreated = serde_json::from_slice(&body).map_err(|e| {
            tracing::warn!(error = %e, "unexpected checkout session answer");
            ProviderError::Unavailable("unexpected stripe answer".into())
        })?;
        let redirect = session
            .url
            .filter(|u| !u.is_empty())
            .ok_or_else(|| ProviderError::Unavailable("stripe gave no checkout url".into()))?;
        Ok(Started {
            reference: session.id,
            method: "checkout",
            redirect,
            virtual_account: String::new(),
        })
    }

    /// Expires an open Checkout Session so it can no longer take money. A session that
    /// is not open any more (completed, expired) is answered 400: nothing left to do.
    async fn expire_session(&self, session: &str) -> Result<(), ProviderError> {
        let path = format!("/v1/checkout/sessions/{session}/expire");
        match self.send(&path, &[], None).await? {
            (status, _) if (200..300).contains(&status) => Ok(()),
            (400 | 404, _) => Ok(()),
            (status, _) => Err(ProviderError::Unavailable(format!(
                "stripe answered {status}"
            ))),
        }
    }

    async fn refund_intent(
        &self,
        key: &str,
        intent: &str,
        currency: &str,
        amount: i64,
    ) -> Result<(), ProviderError> {
        let form = [
            ("payment_intent", intent.to_string()),
            ("amount", stripe_amount(currency, amount).to_string()),
        ];
        // `key` names this refund (its job): a job retried after a lost answer must not
        // give the money back twice, while two refunds of the same amount both happen.
        self.post("/v1/refunds", &form, Some(key.to_string()))
            .await
            .map(|_| ())
    }
}

/// An amount in our minor units as Stripe expects it. Stripe treats IDR as a
/// two-decimal currency (amounts must still be whole rupiah, i.e. multiples of 100)
/// while we keep IDR with no minor digits, so IDR is scaled by 100. EUR and USD have
/// two minor digits on both sides and pass as they are.
fn stripe_amount(currency: &str, minor: i64) -> i64 {
    if currency.eq_ignore_ascii_case("IDR") {
        minor.saturating_mul(100)
    } else {
        minor
    }
}

/// Stripe's limits on a session's `expires_at`: 30 minutes to 24 hours after creation
/// (a minute of margin each side for the clocks and the request on its way).
const SESSION_MIN_SECS: i64 = 31 * 60;
const SESSION_MAX_SECS: i64 = 24 * 3600 - 60;

/// When a session opened `now` for an order payable until `pay_by` expires: at the
/// order's own deadline (`PASAR_PAY_WITHIN_MINUTES` after "Buy now"), within Stripe's
/// limits. It depends on `now` only where it must, so that a twin request a moment
/// later asks for the same (the Idempotency-Key needs the same parameters): too close
/// a deadline gets Stripe's minimum on top of it, not on top of `now`; our own expiry
/// of the order closes the session at its deadline anyway.
fn session_expiry(pay_by: i64, now: i64) -> i64 {
    let at = if pay_by >= now + SESSION_MIN_SECS {
        pay_by
    } else if pay_by >= now {
        pay_by + SESSION_MIN_SECS
    } else {
        now + SESSION_MIN_SECS
    };
    // On a whole minute, and never past Stripe's maximum.
    let up = (at + 59) / 60 * 60;
    let max = now + SESSION_MAX_SECS;
    if up > max {
        max / 60 * 60
    } else {
        up
    }
}

/// The Idempotency-Key of a session: the order's attempt and every parameter, so the
/// same request twice is one session, while a new attempt (or a changed amount) is a
/// new one and Stripe never sees one key with different parameters.
fn session_key(attempt: usize, form: &[(&str, String)]) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(attempt.to_string().as_bytes());
    for (k, v) in form {
        h.update(b"\0");
        h.update(k.as_bytes());
        h.update(b"=");
        h.update(v.as_bytes());
    }
    let digest = h.finalize();
    let hex: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    format!("session-{hex}")
}

/// The Checkout Session parameters for an order. It takes the few fields it needs
/// rather than the `Order`, so tests do not depend on every column of the model.
#[allow(clippy::too_many_arguments)]
fn session_form(
    order_id: i64,
    title: &str,
    currency: &str,
    total_minor: i64,
    method: Method,
    base_url: &str,
    expires_at: i64,
) -> Vec<(&'static str, String)> {
    let base = base_url.trim_end_matches('/');
    let id = order_id.to_string();
    let mut form = vec![
        ("mode", "payment".to_string()),
        ("expires_at", expires_at.to_string()),
        ("client_reference_id", id.clone()),
        ("metadata[order_id]", id.clone()),
        ("line_items[0][quantity]", "1".to_string()),
        (
            "line_items[0][price_data][currency]",
            currency.to_ascii_lowercase(),
        ),
        (
            "line_items[0][price_data][unit_amount]",
            stripe_amount(currency, total_minor).to_string(),
        ),
        (
            "line_items[0][price_data][product_data][name]",
            title.to_string(),
        ),
        ("success_url", format!("{base}/orders/{id}?paid=1")),
        ("cancel_url", format!("{base}/orders/{id}")),
    ];
    // Without a restriction Checkout offers whatever the account enables, which is how
    // bank transfers and other asynchronous methods are reached.
    if method == Method::Card {
        form.push(("payment_method_types[0]", "card".to_string()));
    }
    form
}

#[derive(Deserialize)]
struct SessionCreated {
    id: String,
    #[serde(default)]
    url: Option<String>,
}

impl PaymentProvider for Stripe {
    fn name(&self) -> &'static str {
        "stripe"
    }

    fn start<'a>(
        &'a self,
        order: &'a Order,
        method: Method,
        base_url: &'a str,
        attempt: usize,
    ) -> BoxFuture<'a, Result<Started, ProviderError>> {
        let expires_at = session_expiry(order.pay_by.timestamp(), chrono::Utc::now().timestamp());
        let form = session_form(
            order.id,
            &order.title,
            &order.currency,
            order.total_minor,
            method,
            base_url,
            expires_at,
        );
        let key = session_key(attempt, &form);
        Box::pin(self.create_session(form, key))
    }

    fn close<'a>(&'a self, payment: &'a Payment) -> BoxFuture<'a, Result<(), ProviderError>> {
        Box::pin(self.expire_session(&payment.reference))
    }

    fn refund<'a>(
        &'a self,
        payment: &'a Payment,
        amount: i64,
        key: &'a str,
    ) -> BoxFuture<'a, Result<(), ProviderError>> {
        Box::pin(self.refund_intent(key, &payment.provider_payment, &payment.currency, amount))
    }
}

#[derive(Deserialize)]
struct RawEvent {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    data: RawData,
}

#[derive(Deserialize)]
struct RawData {
    object: Value,
}

#[derive(Deserialize)]
struct Session {
    id: String,
    #[serde(default)]
    payment_status: String,
    /// Null until paid; an object only if a caller asked Stripe to expand it.
    #[serde(default)]
    payment_intent: Value,
}

fn succeeded(s: &Session) -> PaymentOutcome {
    let provider_payment = match &s.payment_intent {
        Value::String(id) => id.clone(),
        Value::Object(o) => o
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
        _ => String::new(),
    };
    PaymentOutcome::Succeeded {
        // A Checkout Session does not carry card details; refunds only need the intent.
        brand: "card".into(),
        last4: String::new(),
        provider_payment,
    }
}

/// Parses a verified webhook body into our Event, or None for event types we ignore.
pub fn parse_event(body: &[u8]) -> Option<Event> {
    let raw: RawEvent = serde_json::from_slice(body).ok()?;
    let kind = raw.kind.as_str();
    if !kind.starts_with("checkout.session.") {
        return None;
    }
    let s: Session = serde_json::from_value(raw.data.object).ok()?;
    let outcome = match kind {
        "checkout.session.completed" => match s.payment_status.as_str() {
            "paid" => succeeded(&s),
            // Asynchronous methods complete the session before the money arrives.
            "unpaid" => PaymentOutcome::Processing,
            _ => return None,
        },
        "checkout.session.async_payment_succeeded" => succeeded(&s),
        "checkout.session.async_payment_failed" => {
            PaymentOutcome::Failed("async_payment_failed".into())
        }
        "checkout.session.expired" => PaymentOutcome::Failed("expired".into()),
        _ => return None,
    };
    Some(Event {
        id: raw.id,
        reference: s.id,
        outcome,
    })
}

/// Verifies the `Stripe-Signature` header with the webhook secret and parses the event.
/// Err(()) when the signature is bad: the caller only answers 400, there is nothing
/// more to say to whoever sent it.
#[allow(clippy::result_unit_err)]
pub fn verified_event(
    webhook_secret: &[u8],
    header: &str,
    body: &[u8],
) -> Result<Option<Event>, ()> {
    let now = chrono::Utc::now().timestamp();
    // An empty HMAC key would let anyone sign; configuration refuses it, and so do we.
    if webhook_secret.is_empty() || !signature::verify(webhook_secret, header, body, now) {
        return Err(());
    }
    Ok(parse_event(body))
}

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};
    use std::sync::mpsc;

    use chrono::Utc;
    use serde_json::json;

    use super::*;
    use crate::orders::payments::signature::{sign, TOLERANCE_SECS};

    const WHSEC: &[u8] = b"whsec_test";

    fn event(kind: &str, status: &str, intent: Value) -> Vec<u8> {
        let object = json!({ "id": "cs_1", "payment_status": status, "payment_intent": intent });
        json!({ "id": "evt_1", "type": kind, "data": { "object": object } })
            .to_string()
            .into_bytes()
    }

    fn outcome(body: &[u8]) -> Option<PaymentOutcome> {
        parse_event(body).map(|e| e.outcome)
    }

    fn paid() -> Option<PaymentOutcome> {
        let provider_payment = "pi_1".into();
        Some(PaymentOutcome::Succeeded {
            brand: "card".into(),
            last4: String::new(),
            provider_payment,
        })
    }

    #[test]
    fn signed_event_is_accepted_and_parsed() {
        let body = event("checkout.session.completed", "paid", json!("pi_1"));
        let header = sign(WHSEC, Utc::now().timestamp(), &body);
        let e = verified_event(WHSEC, &header, &body)
            .expect("accepted")
            .expect("parsed");
        assert_eq!((e.id.as_str(), e.reference.as_str()), ("evt_1", "cs_1"));
        assert_eq!(Some(e.outcome), paid());
    }

    #[test]
    fn bad_signatures_are_refused() {
        let body = event("checkout.session.completed", "paid", json!("pi_1"));
        let now = Utc::now().timestamp();
        let header = sign(WHSEC, now, &body);
        assert!(
            verified_event(b"whsec_other", &header, &body).is_err(),
            "wrong secret"
        );
        let tampered = [body.as_slice(), b" "].concat();
        assert!(
            verified_event(WHSEC, &header, &tampered).is_err(),
            "tampered body"
        );
        let old = sign(WHSEC, now - TOLERANCE_SECS - 60, &body);
        assert!(verified_event(WHSEC, &old, &body).is_err(), "old timestamp");
        assert!(verified_event(WHSEC, "", &body).is_err(), "no header");
        assert!(
            verified_event(b"", &sign(b"", now, &body), &body).is_err(),
            "empty secret"
        );
    }

    #[test]
    fn event_types_map_to_outcomes() {
        let completed = |status| event("checkout.session.completed", status, json!("pi_1"));
        assert_eq!(outcome(&completed("paid")), paid());
        assert_eq!(
            outcome(&completed("unpaid")),
            Some(PaymentOutcome::Processing)
        );
        assert_eq!(outcome(&completed("no_payment_required")), None);
        let ok = event(
            "checkout.session.async_payment_succeeded",
            "paid",
            json!("pi_1"),
        );
        assert_eq!(outcome(&ok), paid());
        let failed = event(
            "checkout.session.async_payment_failed",
            "unpaid",
            Value::Null,
        );
        assert_eq!(
            outcome(&failed),
            Some(PaymentOutcome::Failed("async_payment_failed".into()))
        );
        let expired = event("checkout.session.expired", "unpaid", Value::Null);
        assert_eq!(
            outcome(&expired),
            Some(PaymentOutcome::Failed("expired".into()))
        );
        // A null intent gives an empty id; an expanded one gives its id.
        let null = event("checkout.session.completed", "paid", Value::Null);
        assert!(matches!(outcome(&null),
            Some(PaymentOutcome::Succeeded { provider_payment, .. }) if provider_payment.is_empty()));
        let expanded = event(
            "checkout.session.completed",
            "paid",
            json!({ "id": "pi_1" }),
        );
        assert_eq!(outcome(&expanded), paid());
    }

    #[test]
    fn unknown_types_and_garbage_are_ignored() {
        assert!(parse_event(&event("payment_intent.succeeded", "paid", json!("pi_1"))).is_none());
        assert!(parse_event(&event("checkout.session.new_thing", "paid", json!("pi_1"))).is_none());
        assert!(parse_event(b"").is_none());
        assert!(parse_event(b"not json").is_none());
        assert!(parse_event(br#"{"id":"evt_1","type":"checkout.session.completed"}"#).is_none());
        let not_object = br#"{"id":"e","type":"checkout.session.expired","data":{"object":1}}"#;
        assert!(parse_event(not_object).is_none());
    }

    #[test]
    fn idr_is_scaled_for_stripe() {
        assert_eq!(stripe_amount("IDR", 150_000), 15_000_000);
        assert_eq!(stripe_amount("EUR", 1_234), 1_234);
        assert_eq!(stripe_amount("USD", 99), 99);
    }

    /// One request as the test server saw it: request line and headers (lowercased),
    /// and the form fields of the body.
    struct Seen {
        head: String,
        form: Vec<(String, String)>,
    }

    impl Seen {
        fn field(&self, k: &str) -> Option<&str> {
            self.form
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.as_str())
        }
    }

    /// A one-request HTTP server on 127.0.0.1 answering `status` with `body`.
    fn serve_once(status: u16, body: &'static str) -> (Stripe, mpsc::Receiver<Seen>) {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let (mut s, _) = listener.accept().expect("accept");
            s.set_read_timeout(Some(Duration::from_secs(5)))
                .expect("timeout");
            let (mut buf, mut chunk) = (Vec::new(), [0u8; 4096]);
            let mut end = None;
            while end.is_none_or(|(head, len)| buf.len() < head + len) {
                let n = s.read(&mut chunk).expect("read");
                assert!(n > 0, "connection closed early");
                buf.extend_from_slice(&chunk[..n]);
                if let (None, Some(i)) = (end, buf.windows(4).position(|w| w == b"\r\n\r\n")) {
                    let head = String::from_utf8_lossy(&buf[..i]).to_ascii_lowercase();
                    let len = head.lines().find_map(|l| l.strip_prefix("content-length:"));
                    end = Some((i + 4, len.and_then(|v| v.trim().parse().ok()).unwrap_or(0)));
                }
            }
            let head_len = end.map_or(0, |(h, _)| h);
            let reply = format!(
                "HTTP/1.1 {status} X\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            s.write_all(reply.as_bytes()).expect("write");
            let head = String::from_utf8_lossy(&buf[..head_len]).to_ascii_lowercase();
            let form = serde_urlencoded::from_bytes(&buf[head_len..]).expect("form body");
            tx.send(Seen { head, form }).expect("send");
        });
        (Stripe::new(Secret(b"sk_test_123".to_vec()), base), rx)
    }

    #[tokio::test]
    async fn start_creates_a_checkout_session() {
        let (stripe, seen) = serve_once(200, r#"{"id":"cs_1","url":"https://checkout.test/cs_1"}"#);
        let form = session_form(
            42,
            "Sepeda & helm",
            "IDR",
            150_000,
            Method::Card,
            "https://p.id/",
            1_800_000_000,
        );
        let key = session_key(0, &form);
        let started = stripe
            .create_session(form, key.clone())
            .await
            .expect("started");
        assert_eq!(
            (started.reference.as_str(), started.method),
            ("cs_1", "checkout")
        );
        assert_eq!(started.redirect, "https://checkout.test/cs_1");
        let req = seen.recv().expect("request");
        assert!(
            req.head.starts_with("post /v1/checkout/sessions "),
            "{}",
            req.head
        );
        assert!(
            req.head.contains("authorization: bearer sk_test_123"),
            "{}",
            req.head
        );
        for (k, v) in [
            ("mode", "payment"),
            ("client_reference_id", "42"),
            ("metadata[order_id]", "42"),
            ("line_items[0][quantity]", "1"),
            ("line_items[0][price_data][currency]", "idr"),
            ("line_items[0][price_data][unit_amount]", "15000000"),
            (
                "line_items[0][price_data][product_data][name]",
                "Sepeda & helm",
            ),
            ("success_url", "https://p.id/orders/42?paid=1"),
            ("cancel_url", "https://p.id/orders/42"),
            ("payment_method_types[0]", "card"),
            ("expires_at", "1800000000"),
        ] {
            assert_eq!(req.field(k), Some(v), "{k}");
        }
        assert!(
            req.head
                .contains(&format!("idempotency-key: {}", key.to_ascii_lowercase())),
            "{}",
            req.head
        );
    }

    #[test]
    fn a_double_click_asks_for_one_session_and_a_new_attempt_for_another() {
        let form = |total, expires| {
            session_form(7, "x", "EUR", total, Method::Card, "https://p.id", expires)
        };
        let exp = session_expiry(1_800_000_000, 1_800_000_000 - 40 * 60);
        assert_eq!(
            session_key(1, &form(2_600, exp)),
            session_key(1, &form(2_600, exp))
        );
        assert_ne!(
            session_key(1, &form(2_600, exp)),
            session_key(2, &form(2_600, exp))
        );
        assert_ne!(
            session_key(1, &form(2_600, exp)),
            session_key(1, &form(2_100, exp))
        );
        // Twin requests a few seconds apart ask for the same expiry.
        let now = 1_800_000_000 - 29 * 60;
        assert_eq!(
            session_expiry(1_800_000_000, now),
            session_expiry(1_800_000_000, now + 3)
        );
    }

    #[test]
    fn sessions_expire_with_the_order_within_stripes_limits() {
        let now = 1_800_000_000;
        // Payable for another 45 minutes: the session ends then (on the minute).
        assert_eq!(session_expiry(now + 45 * 60, now), now + 45 * 60);
        let at = session_expiry(now + 45 * 60 + 10, now);
        assert!(
            at >= now + 45 * 60 + 10 && at % 60 == 0 && at - now < 47 * 60,
            "{at}"
        );
        // Less than Stripe's 30 minutes left: Stripe's minimum past the deadline.
        assert_eq!(session_expiry(now + 10 * 60, now), now + 41 * 60);
        assert_eq!(session_expiry(now + 10 * 60, now + 5), now + 41 * 60);
        // Past the deadline (the expiry job is late): Stripe's minimum from now.
        let at = session_expiry(now - 60, now);
        assert!((now + 31 * 60..now + 32 * 60).contains(&at), "{}", at - now);
        // Days ahead: at most Stripe's 24 hours.
        let at = session_expiry(now + 3 * 86_400, now);
        assert!(
            at <= now + 24 * 3600 - 60 && at > now + 23 * 3600,
            "{}",
            at - now
        );
    }

    #[tokio::test]
    async fn closing_a_payment_expires_its_session() {
        let (stripe, seen) = serve_once(200, r#"{"id":"cs_1","status":"expired"}"#);
        stripe.expire_session("cs_1").await.expect("expired");
        let req = seen.recv().expect("request");
        assert!(
            req.head
                .starts_with("post /v1/checkout/sessions/cs_1/expire "),
            "{}",
            req.head
        );
        assert!(req.head.contains("authorization: bearer sk_test_123"));
        // A session no longer open (paid, expired already) has nothing to close.
        let (stripe, _seen) = serve_once(400, r#"{"error":{"code":"checkout_session_not_open"}}"#);
        stripe
            .expire_session("cs_2")
            .await
            .expect("nothing to close");
        let (stripe, _seen) = serve_once(500, r#"{"error":{"type":"api_error"}}"#);
        let err = stripe.expire_session("cs_3").await;
        assert!(matches!(err, Err(ProviderError::Unavailable(_))), "{err:?}");
    }

    #[test]
    fn bank_transfer_leaves_methods_to_checkout() {
        let form = session_form(
            1,
            "x",
            "EUR",
            1_234,
            Method::BankTransfer,
            "https://p.id",
            1_800_000_000,
        );
        let get = |k| form.iter().find(|(n, _)| *n == k).map(|(_, v)| v.as_str());
        assert_eq!(get("line_items[0][price_data][unit_amount]"), Some("1234"));
        assert_eq!(get("payment_method_types[0]"), None);
    }

    #[tokio::test]
    async fn refund_is_idempotent_and_scaled() {
        let (stripe, seen) = serve_once(200, r#"{"id":"re_1","status":"succeeded"}"#);
        stripe
            .refund_intent("refund-7-50000", "pi_1", "IDR", 50_000)
            .await
            .expect("refunded");
        let req = seen.recv().expect("request");
        assert!(req.head.starts_with("post /v1/refunds "), "{}", req.head);
        assert!(
            req.head.contains("authorization: bearer sk_test_123"),
            "{}",
            req.head
        );
        assert!(
            req.head.contains("idempotency-key: refund-7-50000"),
            "{}",
            req.head
        );
        assert_eq!(req.field("payment_intent"), Some("pi_1"));
        assert_eq!(req.field("amount"), Some("5000000"));
    }

    #[tokio::test]
    async fn failures_are_unavailable() {
        let (stripe, _seen) = serve_once(500, r#"{"error":{"type":"api_error"}}"#);
        let err = stripe.refund_intent("refund-7", "pi_1", "USD", 100).await;
        assert!(matches!(err, Err(ProviderError::Unavailable(_))), "{err:?}");
        let (stripe, _seen) = serve_once(200, r#"{"nonsense":true}"#);
        let form = session_form(1, "x", "USD", 100, Method::Card, "https://p.id", 1);
        let err = stripe.create_session(form, "k".into()).await;
        assert!(matches!(err, Err(ProviderError::Unavailable(_))), "{err:?}");
    }
}
