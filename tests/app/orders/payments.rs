//! Payments: declined cards, processing payments and transfers, signed webhooks of the
//! sandbox and of Stripe, and payments replaced by a new checkout.

use diesel::prelude::*;

use super::*;
use crate::helpers::spawn_app;

#[tokio::test]
async fn declined_cards_explain_why_and_keep_the_order_payable() {
    let app = spawn_app().await;
    let d = deal(&app, Item::default()).await;
    let order = order_of(buy(&app, d.listing, "k").await.assert_status(303));
    let pay_page = checkout(&app, order, "ship").await;

    let page = pay(&app, &pay_page, "4000 0000 0000 0002").await;
    page.assert_status(402).assert_contains("declined");
    // What was typed is kept, except the security code.
    assert!(page.body.contains("4000 0000 0000 0002"));
    assert!(!page.body.contains("value=\"123\""));
    let page = pay(&app, &pay_page, "4000000000009995").await;
    page.assert_status(402)
        .assert_contains("insufficient funds");
    // Form mistakes, field by field.
    let page = app
        .post(
            &format!("{pay_page}/card"),
            &[
                ("card_number", "4242 4242 4242 4241"),
                ("expiry", "01/20"),
                ("cvc", "1"),
                ("name", ""),
            ],
        )
        .await;
    page.assert_status(422)
        .assert_contains("not valid")
        .assert_contains("expired")
        .assert_contains("3 or 4 digits")
        .assert_contains("name on the card");
    assert_eq!(status(&app, order).await, "pending_payment");
    // Then a good card works on the same page.
    pay(&app, &pay_page, "4242424242424242")
        .await
        .assert_status(303);
    assert_eq!(status(&app, order).await, "paid");
    // Card numbers are in no table.
    let leaks = app
        .count(
            "SELECT count(*) AS n FROM (\
               SELECT row_to_json(p)::text AS t FROM payments p \
               UNION ALL SELECT row_to_json(e)::text FROM order_events e \
               UNION ALL SELECT row_to_json(o)::text FROM orders o \
               UNION ALL SELECT row_to_json(j)::text FROM jobs j \
               UNION ALL SELECT row_to_json(m)::text FROM outbound_emails m \
               UNION ALL SELECT row_to_json(x)::text FROM provider_events x) all_rows \
             WHERE replace(t, ' ', '') ~ '(4242424242424242|4000000000000002|4000000000009995)'",
        )
        .await;
    assert_eq!(leaks, 0);
    books_balance(&app).await;
}

#[tokio::test]
async fn a_processing_payment_and_a_bank_transfer_complete_by_callback() {
    let app = spawn_app().await;
    let d = deal(
        &app,
        Item {
            quantity: 2,
            ..Item::default()
        },
    )
    .await;
    let order = order_of(buy(&app, d.listing, "a").await.assert_status(303));
    let pay_page = checkout(&app, order, "ship").await;
    pay(&app, &pay_page, "4000 0000 0000 3220")
        .await
        .assert_status(303)
        .redirects_to(&pay_page);
    app.get(&pay_page)
        .await
        .assert_status(200)
        .assert_contains("being processed");
    wait_for_status(&app, order, "paid").await;

    // A bank transfer: a virtual account, confirmed by the bank's callback.
    let order2 = order_of(buy(&app, d.listing, "b").await.assert_status(303));
    let mut fields = vec![("delivery", "ship"), ("method", "bank_transfer")];
    fields.extend_from_slice(&ADDRESS);
    let to = app
        .post(&format!("/orders/{order2}/checkout"), &fields)
        .await
        .location
        .clone()
        .expect("payment page");
    let page = app.get(&to).await;
    page.assert_status(200).assert_contains("8808");
    app.post(&format!("{to}/transfer"), &[])
        .await
        .assert_status(303);
    wait_for_status(&app, order2, "paid").await;
    books_balance(&app).await;
}

#[tokio::test]
async fn signed_sandbox_webhooks_apply_once_and_unsigned_ones_not_at_all() {
    let app = spawn_app().await;
    let d = deal(&app, Item::default()).await;
    let order = order_of(buy(&app, d.listing, "w").await.assert_status(303));
    let pay_page = checkout(&app, order, "ship").await;
    let reference = pay_page.trim_start_matches("/pay/sandbox/").to_string();
    let body = serde_json::json!({
        "id": "evt_1", "reference": reference, "outcome": "succeeded",
        "brand": "visa", "last4": "4242"
    })
    .to_string();
    let secret = pasar::orders::payments::sandbox::webhook_secret("t".repeat(64).as_bytes());
    let send = |sig: String, body: String| {
        let client = reqwest::Client::new();
        let url = app.url("/webhooks/sandbox");
        async move {
            client
                .post(url)
                .header("pasar-signature", sig)
                .header("content-type", "application/json")
                .body(body)
                .send()
                .await
                .expect("webhook")
                .status()
                .as_u16()
        }
    };
    let now = chrono::Utc::now().timestamp();
    let bad = pasar::orders::payments::signature::sign(b"wrong", now, body.as_bytes());
    assert_eq!(send(bad, body.clone()).await, 400);
    assert_eq!(status(&app, order).await, "pending_payment");
    let good = pasar::orders::payments::signature::sign(&secret, now, body.as_bytes());
    assert_eq!(send(good.clone(), body.clone()).await, 200);
    assert_eq!(send(good, body.clone()).await, 200);
    assert_eq!(status(&app, order).await, "paid");
    let payments_in = app
        .count("SELECT count(*) AS n FROM ledger_entries WHERE kind = 'payment' AND account = 'escrow'")
        .await;
    assert_eq!(payments_in, 1, "the replay was applied again");
    assert_eq!(mails_to(&app, SELLER).await, ["order_sold"]);
    books_balance(&app).await;
}

#[tokio::test]
async fn stripe_webhooks_are_verified_and_applied_once() {
    let app = crate::helpers::spawn_app_with(crate::helpers::Options {
        extra_env: vec![
            ("PAYMENT_PROVIDER", "stripe".into()),
            ("STRIPE_SECRET_KEY", "sk_test_123".into()),
            ("STRIPE_WEBHOOK_SECRET", "whsec_test".into()),
            // Nothing listens here: starting a payment fails like an outage.
            ("STRIPE_API_BASE", "http://127.0.0.1:9".into()),
        ],
        ..Default::default()
    })
    .await;
    let d = deal(&app, Item::default()).await;
    let order = order_of(buy(&app, d.listing, "s").await.assert_status(303));
    let mut fields = vec![("delivery", "ship"), ("method", "card")];
    fields.extend_from_slice(&ADDRESS);
    // Stripe unreachable: a clear message on the same page, the address kept.
    app.post(&format!("/orders/{order}/checkout"), &fields)
        .await
        .assert_status(422)
        .assert_contains("not answering")
        .assert_contains("1 rue de la Paix");
    // The session Stripe would have opened.
    app.db(move |c| {
        let o = pasar::orders::model::find(c, order).expect("order");
        assert_eq!(o.total_minor, 2_600);
        let started = pasar::orders::payments::Started {
            reference: "cs_test_1".into(),
            method: "checkout",
            redirect: String::new(),
            virtual_account: String::new(),
        };
        pasar::orders::payments::record(c, "stripe", &o, &started).expect("payment")
    })
    .await;
    let event = |id: &str, kind: &str| {
        serde_json::json!({
            "id": id, "type": kind,
            "data": { "object": {
                "id": "cs_test_1", "object": "checkout.session",
                "payment_status": "paid", "payment_intent": "pi_123"
            }}
        })
        .to_string()
    };
    let send = |sig: String, body: String| {
        let url = app.url("/webhooks/stripe");
        async move {
            reqwest::Client::new()
                .post(url)
                .header("stripe-signature", sig)
                .body(body)
                .send()
                .await
                .expect("webhook")
                .status()
                .as_u16()
        }
    };
    let now = chrono::Utc::now().timestamp();
    let sign = |secret: &[u8], body: &str| {
        pasar::orders::payments::signature::sign(secret, now, body.as_bytes())
    };
    let paid = event("evt_1", "checkout.session.completed");
    assert_eq!(send(sign(b"whsec_other", &paid), paid.clone()).await, 400);
    assert_eq!(status(&app, order).await, "pending_payment");
    let other = event("evt_0", "customer.created");
    assert_eq!(send(sign(b"whsec_test", &other), other).await, 200);
    assert_eq!(send(sign(b"whsec_test", &paid), paid.clone()).await, 200);
    assert_eq!(send(sign(b"whsec_test", &paid), paid).await, 200);
    assert_eq!(status(&app, order).await, "paid");
    assert_eq!(
        app.count("SELECT count(*) AS n FROM ledger_entries WHERE kind = 'payment' AND account = 'escrow'")
            .await,
        1
    );
    let intent: String = app
        .db(|c| {
            use pasar::db::schema::payments as p;
            p::table
                .filter(p::reference.eq("cs_test_1"))
                .select(p::provider_payment)
                .first(c)
                .expect("payment")
        })
        .await;
    assert_eq!(intent, "pi_123", "kept for refunds");
    books_balance(&app).await;
}

#[tokio::test]
async fn a_payment_replaced_by_a_new_checkout_cannot_be_paid_and_late_money_goes_back() {
    let app = spawn_app().await;
    let d = deal(&app, Item::default()).await;
    let order = order_of(buy(&app, d.listing, "r").await.assert_status(303));
    // Shipping first (26.00), then the buyer changes to pickup (21.00).
    let first = checkout(&app, order, "ship").await;
    let second = checkout(&app, order, "pickup").await;
    assert_ne!(first, second);
    app.get(&first)
        .await
        .assert_status(303)
        .redirects_to(&format!("/orders/{order}"));
    pay(&app, &first, "4242424242424242")
        .await
        .assert_status(303)
        .redirects_to(&format!("/orders/{order}"));
    assert_eq!(status(&app, order).await, "pending_payment");
    pay(&app, &second, "4242424242424242")
        .await
        .assert_status(303);
    assert_eq!(status(&app, order).await, "paid");
    // A provider reporting the replaced payment as paid after all: refunded at once.
    let reference = first.trim_start_matches("/pay/sandbox/").to_string();
    app.db(move |c| {
        let cfg = pasar::config::Config::from_lookup(|k| match k {
            "PASAR_SECRET" => Some("t".repeat(64)),
            "PASAR_DATA" => Some(std::env::temp_dir().display().to_string()),
            _ => None,
        })
        .expect("config");
        let event = pasar::orders::payments::Event {
            id: "late".into(),
            reference,
            outcome: pasar::orders::payments::PaymentOutcome::Succeeded {
                brand: "visa".into(),
                last4: "4242".into(),
                provider_payment: "late".into(),
            },
        };
        c.transaction(|c| pasar::orders::payment_events::apply(c, &cfg, "sandbox", &event))
            .expect("applied");
    })
    .await;
    assert_eq!(status(&app, order).await, "paid");
    let refunded = app
        .count("SELECT coalesce(sum(amount_minor), 0)::bigint AS n FROM ledger_entries WHERE kind = 'refund' AND account = 'provider'")
        .await;
    assert_eq!(
        refunded, 2_600,
        "the 26.00 of the replaced payment went back"
    );
    books_balance(&app).await;
}
