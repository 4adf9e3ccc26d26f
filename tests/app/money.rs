//! Money that adds up (issue 8): refunds name the payment that funded the order and
//! never one given back, payments no longer used are closed at the provider, only the
//! configured provider answers, prices are those of "Buy now", one fee rule, sellers see
//! their own breakdown, and a ledger check that catches corrupted books.

use diesel::prelude::*;
use pasar::db::schema::{jobs, ledger_entries, listings, orders, payments};
use pasar::orders::ledger;
use pasar::orders::payments::{self as pay_mod, Event, PaymentOutcome, Started};
use pasar::web::AppError;

use crate::helpers::factories::{self, config, pay_time_runs_out};
use crate::helpers::{spawn_app, spawn_app_with, Options, TestApp};
use crate::orders::{
    as_user, books_balance, buy, checkout, deal, listing, order_of, pay, status, Item, OrderState,
    PARTIES, SELLER,
};

fn reference_of(pay_page: &str) -> String {
    pay_page.trim_start_matches("/pay/sandbox/").to_string()
}

/// A provider event applied as the webhook would; `None`: it matched no payment.
async fn apply(
    app: &TestApp,
    provider: &'static str,
    reference: String,
    outcome: PaymentOutcome,
) -> bool {
    app.db(move |c| {
        let event = Event {
            id: format!("evt_{}", uuid::Uuid::new_v4().simple()),
            reference,
            outcome,
        };
        c.transaction(|c| pasar::orders::payment_events::apply(c, &config(), provider, &event))
            .expect("applied")
            .is_some()
    })
    .await
}

fn card(brand: &str, last4: &str, intent: &str) -> PaymentOutcome {
    PaymentOutcome::Succeeded {
        brand: brand.into(),
        last4: last4.into(),
        provider_payment: intent.into(),
    }
}

/// (id, status, amount, refunded) of the order's payments, oldest first.
async fn payments_of(app: &TestApp, order: i64) -> Vec<(i64, String, i64, i64)> {
    app.db(move |c| {
        payments::table
            .filter(payments::order_id.eq(order))
            .order(payments::id)
            .select((
                payments::id,
                payments::status,
                payments::amount_minor,
                payments::refunded_minor,
            ))
            .load(c)
            .expect("payments")
    })
    .await
}

/// The payloads of the queued jobs of `kind`, oldest first.
async fn job_payloads(app: &TestApp, kind: &'static str) -> Vec<serde_json::Value> {
    app.db(move |c| {
        jobs::table
            .filter(jobs::kind.eq(kind))
            .order(jobs::id)
            .select(jobs::payload)
            .load(c)
            .expect("jobs")
    })
    .await
}

// ---- point 1: the payment a refund goes to ------------------------------------------

#[tokio::test]
async fn refunds_go_to_the_payment_that_funded_the_order_never_to_one_given_back() {
    let app = spawn_app().await;
    let d = deal(&app, Item::default()).await;
    let order = order_of(buy(&app, d.listing, "m1").await.assert_status(303));
    // 26.00 with shipping, replaced by 21.00 for pickup, which is paid.
    let first = checkout(&app, order, "ship").await;
    let second = checkout(&app, order, "pickup").await;
    pay(&app, &second, "4242424242424242")
        .await
        .assert_status(303);
    assert_eq!(status(&app, order).await, "paid");
    // The replaced payment goes through anyway, with another card: given back at once.
    assert!(
        apply(
            &app,
            "sandbox",
            reference_of(&first),
            card("mastercard", "4444", "pi_old")
        )
        .await
    );
    let rows = payments_of(&app, order).await;
    let (old, new) = (rows[0].0, rows[1].0);
    assert_eq!(
        rows,
        [
            (old, "given_back".into(), 2_600, 2_600),
            (new, "succeeded".into(), 2_100, 0)
        ]
    );
    let funding: Option<i64> = app
        .db(move |c| {
            orders::table
                .find(order)
                .select(orders::payment_id)
                .first(c)
                .expect("order")
        })
        .await;
    assert_eq!(funding, Some(new));
    // The order page names the card that paid, not the one given back.
    let page = app.get(&format!("/orders/{order}")).await;
    page.assert_status(200).assert_contains("Visa");
    assert!(!page.contains("Mastercard"), "the given-back card is shown");

    // The buyer cancels: the refund goes to the payment that funded the order.
    app.post(
        &format!("/orders/{order}/cancel"),
        &[("reason", "changed_mind")],
    )
    .await
    .assert_status(303);
    assert_eq!(status(&app, order).await, "cancelled");
    let refunds: Vec<(i64, i64)> = job_payloads(&app, "payment_refund")
        .await
        .iter()
        .map(|p| {
            (
                p["payment_id"].as_i64().unwrap_or(0),
                p["amount"].as_i64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(refunds, [(old, 2_600), (new, 2_100)]);
    assert_eq!(
        payments_of(&app, order).await,
        [
            (old, "given_back".into(), 2_600, 2_600),
            (new, "succeeded".into(), 2_100, 2_100)
        ]
    );
    // Every refund row of the ledger names its payment.
    let unnamed: i64 = app
        .db(|c| {
            ledger_entries::table
                .filter(ledger_entries::kind.eq("refund"))
                .filter(ledger_entries::payment_id.is_null())
                .count()
                .get_result(c)
                .expect("count")
        })
        .await;
    assert_eq!(unnamed, 0);
    books_balance(&app).await;
}

#[tokio::test]
async fn a_refund_never_exceeds_what_its_payment_has_left() {
    let app = spawn_app().await;
    let d = deal(&app, Item::default()).await;
    let order = d.order(&app, OrderState::Paid).await;
    let (left, over_refused) = app
        .db(move |c| {
            let mut seen = (0, false);
            let _ = c.transaction::<(), AppError, _>(|c| {
                let o = pasar::orders::model::find(c, order)?;
                let p = pay_mod::find(c, o.payment_id.expect("funded"))?;
                pasar::orders::refunds::refund(c, &o, &p, 2_000)?;
                let p = pay_mod::find(c, p.id)?;
                seen = (
                    p.refundable_minor(),
                    pasar::orders::refunds::refund(c, &o, &p, 601).is_err(),
                );
                // Only the bookkeeping was under test: leave the order as it was.
                Err(AppError::Conflict)
            });
            seen
        })
        .await;
    assert_eq!(left, 600);
    assert!(
        over_refused,
        "a refund of more than the payment has left went through"
    );
    books_balance(&app).await;
}

#[tokio::test]
async fn replaced_abandoned_and_expired_payments_are_closed_at_the_provider() {
    let app = spawn_app().await;
    let d = deal(&app, Item::default()).await;
    let order = order_of(buy(&app, d.listing, "c1").await.assert_status(303));
    checkout(&app, order, "ship").await;
    checkout(&app, order, "pickup").await;
    app.post(&format!("/orders/{order}/abandon"), &[])
        .await
        .assert_status(303);
    let replaced = payments_of(&app, order).await;
    assert!(replaced.iter().all(|p| p.1 == "cancelled"), "{replaced:?}");

    // Another order runs out of time with its payment open.
    let other = listing(&app, d.seller, Item::default()).await;
    let late = order_of(buy(&app, other, "c2").await.assert_status(303));
    checkout(&app, late, "ship").await;
    pay_time_runs_out(&app, late).await;
    assert_eq!(status(&app, late).await, "expired");
    let expired = payments_of(&app, late).await;
    assert_eq!(expired[0].1, "cancelled");

    let closed: Vec<i64> = job_payloads(&app, "payment_close")
        .await
        .iter()
        .filter_map(|p| p["payment_id"].as_i64())
        .collect();
    assert_eq!(closed, [replaced[0].0, replaced[1].0, expired[0].0]);
    books_balance(&app).await;
}

#[tokio::test]
async fn an_order_does_not_expire_under_a_payment_still_processing() {
    let app = spawn_app().await;
    let d = deal(&app, Item::default()).await;
    let order = order_of(buy(&app, d.listing, "p1").await.assert_status(303));
    let reference = reference_of(&checkout(&app, order, "ship").await);
    // The bank transfer is on its way when the time to pay runs out.
    assert!(
        apply(
            &app,
            "sandbox",
            reference.clone(),
            PaymentOutcome::Processing
        )
        .await
    );
    pay_time_runs_out(&app, order).await;
    assert_eq!(status(&app, order).await, "pending_payment");
    // It looks again later.
    assert_eq!(job_payloads(&app, "order_expire").await.len(), 2);
    assert!(
        apply(
            &app,
            "sandbox",
            reference,
            card("bank_transfer", "", "tr_1")
        )
        .await
    );
    assert_eq!(status(&app, order).await, "paid");
    books_balance(&app).await;
}

#[tokio::test]
async fn the_same_session_recorded_twice_is_one_open_payment() {
    let app = spawn_app().await;
    let d = deal(&app, Item::default()).await;
    let order = order_of(buy(&app, d.listing, "s1").await.assert_status(303));
    checkout(&app, order, "ship").await;
    // A provider answering a repeated idempotent request with the same session.
    let ids = app
        .db(move |c| {
            let o = pasar::orders::model::find(c, order).expect("order");
            let started = Started {
                reference: "cs_twice".into(),
                method: "checkout",
                redirect: String::new(),
                virtual_account: String::new(),
            };
            let a = pay_mod::record(c, "sandbox", &o, &started).expect("first");
            let b = pay_mod::record(c, "sandbox", &o, &started).expect("twin");
            let open = pay_mod::open_for(c, order).expect("open").map(|p| p.id);
            (a.id, b.id, open)
        })
        .await;
    assert_eq!((ids.0, Some(ids.0)), (ids.1, ids.2));
    let rows = payments_of(&app, order).await;
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[1].1, "pending");
    books_balance(&app).await;
}

// ---- point 10: only the configured provider ------------------------------------------

#[tokio::test]
async fn with_stripe_configured_the_sandbox_pages_and_webhook_do_not_exist() {
    let app = spawn_app_with(Options {
        extra_env: vec![
            ("PAYMENT_PROVIDER", "stripe".into()),
            ("STRIPE_SECRET_KEY", "sk_test_123".into()),
            ("STRIPE_WEBHOOK_SECRET", "whsec_test".into()),
            ("STRIPE_API_BASE", "http://127.0.0.1:9".into()),
        ],
        ..Default::default()
    })
    .await;
    let body = serde_json::json!({
        "id": "evt_1", "reference": "sbx_nothing", "outcome": "succeeded",
        "brand": "visa", "last4": "4242"
    })
    .to_string();
    let secret = pasar::orders::payments::sandbox::webhook_secret("t".repeat(64).as_bytes());
    let sig = pasar::orders::payments::signature::sign(
        &secret,
        chrono::Utc::now().timestamp(),
        body.as_bytes(),
    );
    let answer = reqwest::Client::new()
        .post(app.url("/webhooks/sandbox"))
        .header("pasar-signature", sig)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .expect("webhook")
        .status()
        .as_u16();
    assert_eq!(answer, 404);
    app.get("/pay/sandbox/sbx_nothing").await.assert_status(404);
}

#[tokio::test]
async fn an_event_only_concerns_a_payment_of_its_own_provider() {
    let app = spawn_app().await;
    let d = deal(&app, Item::default()).await;
    let order = order_of(buy(&app, d.listing, "e1").await.assert_status(303));
    let reference = reference_of(&checkout(&app, order, "ship").await);
    // A (validly signed) Stripe event naming the sandbox payment's reference.
    assert!(!apply(&app, "stripe", reference.clone(), card("card", "", "pi_x")).await);
    assert_eq!(status(&app, order).await, "pending_payment");
    assert_eq!(payments_of(&app, order).await[0].1, "pending");
    // The Stripe webhook is not there while the sandbox is the provider.
    app.post_raw("/webhooks/stripe", &[])
        .await
        .assert_status(404);
    assert!(apply(&app, "sandbox", reference, card("visa", "4242", "sbx")).await);
    assert_eq!(status(&app, order).await, "paid");
    books_balance(&app).await;
}

// ---- point 12: the prices of "Buy now" ------------------------------------------------

#[tokio::test]
async fn checkout_keeps_the_prices_and_currency_of_buy_now() {
    let app = spawn_app().await;
    let d = deal(&app, Item::default()).await;
    let order = order_of(buy(&app, d.listing, "b1").await.assert_status(303));
    // The seller switches the listing to rupiah while the buyer checks out.
    let l = d.listing;
    app.db(move |c| {
        diesel::update(listings::table.find(l))
            .set((
                listings::currency.eq("IDR"),
                listings::price_minor.eq(350_000i64),
                listings::shipping_minor.eq(Some(45_000i64)),
            ))
            .execute(c)
            .expect("listing changed")
    })
    .await;
    checkout(&app, order, "ship").await;
    let money: (String, i64, i64, i64, i64) = app
        .db(move |c| {
            orders::table
                .find(order)
                .select((
                    orders::currency,
                    orders::item_minor,
                    orders::shipping_minor,
                    orders::protection_fee_minor,
                    orders::total_minor,
                ))
                .first(c)
                .expect("order")
        })
        .await;
    assert_eq!(money, ("EUR".into(), 2_000, 500, 100, 2_600));
    books_balance(&app).await;
}

// ---- points 13 and 22: one fee rule ----------------------------------------------------

#[tokio::test]
async fn the_seller_receives_exactly_what_was_shown_as_held() {
    let app = spawn_app().await;
    // 20.50 + 5.00 shipping: 3 % of 25.50 is 76.5 cents, 77 rounded half up.
    let d = deal(
        &app,
        Item {
            price_minor: 2_050,
            ..Item::default()
        },
    )
    .await;
    let order = d.order(&app, OrderState::Paid).await;
    let seller = d.seller;
    let held = app
        .db(move |c| ledger::held_for_seller(c, seller).expect("held"))
        .await;
    assert_eq!(held, [("EUR".to_string(), 2_473)]);
    as_user(&app, SELLER).await;
    app.get("/me/sales")
        .await
        .assert_status(200)
        .assert_contains("24,73");
    factories::ship(&app, PARTIES, order).await;
    factories::confirm(&app, order).await;
    assert_eq!(status(&app, order).await, "completed");
    let balance = app
        .db(move |c| ledger::balances(c, seller).expect("balance"))
        .await;
    assert_eq!(balance, [("EUR".to_string(), 2_473)]);
    books_balance(&app).await;
}

// ---- point 23: the seller's own breakdown ----------------------------------------------

#[tokio::test]
async fn sellers_see_what_they_receive_not_the_buyers_total() {
    let app = spawn_app().await;
    let d = deal(&app, Item::default()).await;
    // The buyer pays 26.00 (with 1.00 protection); the seller receives 25.00 - 0.75.
    let order = d.order(&app, OrderState::Paid).await;
    let sold = app.outbox_text(SELLER, "order_sold").await;
    assert!(sold.contains("24,25"), "{sold}");
    assert!(sold.contains("0,75"), "{sold}");
    assert!(!sold.contains("26,00"), "{sold}");
    as_user(&app, SELLER).await;
    let sales = app.get("/me/sales").await;
    sales.assert_status(200).assert_contains("24,25");
    assert!(!sales.contains("26,00"), "My sales shows the buyer's total");
    let page = app.get(&format!("/orders/{order}")).await;
    page.assert_status(200)
        .assert_contains("20,00")
        .assert_contains("5,00")
        .assert_contains("0,75")
        .assert_contains("24,25");
    assert!(
        !page.contains("26,00"),
        "the seller's breakdown shows the buyer's total"
    );
    books_balance(&app).await;
}

// ---- the ledger check -------------------------------------------------------------------

/// What the ledger check reports after `corrupt` ran, in a transaction rolled back after.
async fn problems_after(app: &TestApp, corrupt: String) -> Vec<String> {
    app.db(move |c| {
        let mut found = Vec::new();
        let _ = c.transaction::<(), diesel::result::Error, _>(|c| {
            diesel::sql_query(corrupt).execute(c)?;
            found = ledger::imbalances(c)?;
            Err(diesel::result::Error::RollbackTransaction)
        });
        found
    })
    .await
}

#[tokio::test]
async fn the_ledger_check_catches_corrupted_books() {
    let app = spawn_app().await;
    let d = deal(&app, Item::default()).await;
    let order = d.order(&app, OrderState::Paid).await;
    let seller = d.seller;
    let cases = [
        // Escrow money moved to the fees without a release: held no longer matches.
        (
            format!(
                "INSERT INTO ledger_entries (movement, account, order_id, kind, currency, amount_minor) \
                 VALUES (9001, 'escrow', {order}, 'adjust', 'EUR', -500), \
                        (9001, 'fees', {order}, 'adjust', 'EUR', 500)"
            ),
            "escrow 2100 but paid 2600",
        ),
        // A balanced refund that names no payment.
        (
            format!(
                "INSERT INTO ledger_entries (movement, account, order_id, kind, currency, amount_minor) \
                 VALUES (9002, 'escrow', {order}, 'refund', 'EUR', -100), \
                        (9002, 'provider', {order}, 'refund', 'EUR', 100)"
            ),
            "names no payment",
        ),
        // A payment said refunded without the money leaving escrow.
        (
            format!("UPDATE payments SET refunded_minor = 300 WHERE order_id = {order}"),
            "refunded 0 in the ledger",
        ),
        // The order says refunded, its payment does not.
        (
            format!("UPDATE orders SET refunded_minor = 300 WHERE id = {order}"),
            "but its payment",
        ),
        // A seller paid out more than they had.
        (
            format!(
                "INSERT INTO ledger_entries (movement, account, user_id, kind, currency, amount_minor) \
                 VALUES (9003, 'seller', {seller}, 'payout', 'EUR', -700), \
                        (9003, 'payouts', NULL, 'payout', 'EUR', 700)"
            ),
            "balance -700",
        ),
        // Escrow below zero: more released than was paid in.
        (
            format!(
                "INSERT INTO ledger_entries (movement, account, order_id, kind, currency, amount_minor) \
                 VALUES (9004, 'escrow', {order}, 'release', 'EUR', -3000), \
                        (9004, 'fees', {order}, 'release', 'EUR', 3000)"
            ),
            "escrow -400",
        ),
    ];
    for (corrupt, expected) in cases {
        let problems = problems_after(&app, corrupt.clone()).await;
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "{corrupt}: {problems:?}"
        );
    }
    // Rolled back every time: the real books are right.
    books_balance(&app).await;
}
