//! Cancellations and timeouts, and accounts that wait for their orders.

use std::time::Duration;

use diesel::prelude::*;
use pasar::db::schema::orders;

use super::*;
use crate::helpers::factories;
use crate::helpers::{spawn_app, PASSWORD};

#[tokio::test]
async fn a_cancelled_paid_order_refunds_the_buyer_in_full() {
    let app = spawn_app().await;
    let d = deal(&app, Item::default()).await;
    let order = d.order(&app, OrderState::Paid).await;
    as_user(&app, SELLER).await;
    // A reason is required.
    app.post(&format!("/orders/{order}/cancel"), &[("reason", "")])
        .await
        .assert_status(422)
        // The seller reads French.
        .assert_contains("Choisissez un motif");
    app.post(
        &format!("/orders/{order}/cancel"),
        &[("reason", "out_of_stock")],
    )
    .await
    .assert_status(303);
    assert_eq!(status(&app, order).await, "cancelled");
    assert_eq!(stock(&app, d.listing).await, (1, "active".into()));
    assert_eq!(seller_balance(&app, d.seller).await, vec![]);
    let refunded = app
        .count("SELECT coalesce(sum(amount_minor), 0)::bigint AS n FROM ledger_entries WHERE kind = 'refund' AND account = 'provider'")
        .await;
    assert_eq!(refunded, 2_600);
    assert!(mails_to(&app, BUYER)
        .await
        .contains(&"order_cancelled_buyer".to_string()));
    assert!(mails_to(&app, SELLER)
        .await
        .contains(&"order_cancelled_seller".to_string()));
    // A refund for the provider was queued.
    assert_eq!(
        app.count("SELECT count(*) AS n FROM jobs WHERE kind = 'payment_refund'")
            .await,
        1
    );
    books_balance(&app).await;
}

#[tokio::test]
async fn timeouts_cancel_late_sellers_and_confirm_for_silent_buyers() {
    let app = spawn_app().await;
    let d = deal(
        &app,
        Item {
            quantity: 2,
            ..Item::default()
        },
    )
    .await;
    let late = d.order(&app, OrderState::Paid).await;
    let silent = d.order(&app, OrderState::Shipped).await;
    // Time passes: past the ship-by date and its grace, past the confirmation date.
    app.db(move |c| {
        let past = chrono::Utc::now() - chrono::Duration::days(30);
        diesel::update(orders::table.find(late))
            .set(orders::ship_by.eq(past))
            .execute(c)
            .expect("late");
        diesel::update(orders::table.find(silent))
            .set(orders::confirm_by.eq(past))
            .execute(c)
            .expect("silent");
    })
    .await;
    run_jobs_now(&app, "order_late").await;
    run_jobs_now(&app, "order_remind").await;
    run_jobs_now(&app, "order_auto_confirm").await;
    wait_for_status(&app, late, "cancelled").await;
    wait_for_status(&app, silent, "completed").await;
    assert!(mails_to(&app, BUYER)
        .await
        .contains(&"order_confirm_reminder".to_string()));
    books_balance(&app).await;
}

#[tokio::test]
async fn the_buyer_can_give_up_before_paying_and_cancel_before_shipping() {
    let app = spawn_app().await;
    let d = deal(
        &app,
        Item {
            quantity: 2,
            ..Item::default()
        },
    )
    .await;
    let unpaid = order_of(buy(&app, d.listing, "u").await.assert_status(303));
    assert_eq!(stock(&app, d.listing).await.0, 1);
    app.post(&format!("/orders/{unpaid}/abandon"), &[])
        .await
        .assert_status(303);
    assert_eq!(status(&app, unpaid).await, "cancelled");
    assert_eq!(stock(&app, d.listing).await, (2, "active".into()));
    let paid = d.order(&app, OrderState::Paid).await;
    app.post(
        &format!("/orders/{paid}/cancel"),
        &[("reason", "changed_mind")],
    )
    .await
    .assert_status(303);
    assert_eq!(status(&app, paid).await, "cancelled");
    assert_eq!(stock(&app, d.listing).await, (2, "active".into()));
    let body = app.outbox_text(SELLER, "order_cancelled_seller").await;
    // The reason reaches the seller in French.
    assert!(body.contains("J’ai changé d’avis"), "{body}");
    books_balance(&app).await;
}

#[tokio::test]
async fn accounts_with_orders_wait_for_them_and_are_then_anonymised_not_deleted() {
    let app = crate::helpers::spawn_app_with(crate::helpers::Options {
        extra_env: vec![("PASAR_DELETION_GRACE_DAYS", "0".into())],
        ..Default::default()
    })
    .await;
    let d = deal(&app, Item::default()).await;
    let order = d.order(&app, OrderState::Paid).await;
    // Money is held for this order: the buyer cannot leave yet.
    app.post("/me/settings/delete", &[("current_password", PASSWORD)])
        .await
        .assert_status(409)
        .assert_contains("orders in progress");
    factories::ship(&app, PARTIES, order).await;
    factories::confirm(&app, order).await;
    // Done: now the buyer may go. The order keeps its buyer, without anything personal.
    app.post("/me/settings/delete", &[("current_password", PASSWORD)])
        .await
        .redirects_to("/");
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    while app
        .count("SELECT count(*) AS n FROM users WHERE email = 'buyer@example.com'")
        .await
        > 0
    {
        assert!(std::time::Instant::now() < deadline, "account not purged");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        app.count("SELECT count(*) AS n FROM users u JOIN orders o ON o.buyer_id = u.id WHERE u.email LIKE 'deleted-%@deleted.invalid' AND u.display_name = '—'")
            .await,
        1
    );
    app.login(BUYER, PASSWORD).await.assert_status(422);
    books_balance(&app).await;
}
