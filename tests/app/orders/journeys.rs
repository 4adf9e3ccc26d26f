//! The happy paths: a shipped order and a local pickup, from "Buy now" to the money.

use diesel::prelude::*;

use super::*;
use crate::helpers::spawn_app;

#[tokio::test]
async fn a_shipped_order_pays_the_seller_after_the_buyer_confirms() {
    let app = spawn_app().await;
    let d = deal(&app, Item::default()).await;
    // The listing page offers "Buy now" with an idempotency key.
    let page = app.get(&format!("/listings/{}", d.listing)).await;
    page.assert_status(200).assert_contains("Buy now");
    assert!(page.body.contains("name=\"key\""));

    let order = order_of(buy(&app, d.listing, "key-1").await.assert_status(303));
    assert_eq!(status(&app, order).await, "pending_payment");
    assert_eq!(stock(&app, d.listing).await, (0, "sold".into()));
    // The checkout shows the breakdown: 20.00 + 5.00 shipping + 1.00 protection (5%).
    let page = app.get(&format!("/orders/{order}")).await;
    page.assert_status(200)
        .assert_contains("€20.00")
        .assert_contains("€5.00")
        .assert_contains("€1.00")
        .assert_contains("€26.00");

    let pay_page = checkout(&app, order, "ship").await;
    let page = app.get(&pay_page).await;
    page.assert_status(200).assert_contains("€26.00");
    pay(&app, &pay_page, "4242424242424242")
        .await
        .assert_status(303)
        .redirects_to(&format!("/orders/{order}"));
    assert_eq!(status(&app, order).await, "paid");
    let (brand, last4): (String, String) = app
        .db(move |c| {
            use pasar::db::schema::payments as p;
            p::table
                .filter(p::order_id.eq(order))
                .filter(p::status.eq("succeeded"))
                .select((p::card_brand, p::card_last4))
                .first(c)
                .expect("payment")
        })
        .await;
    assert_eq!((brand.as_str(), last4.as_str()), ("visa", "4242"));

    // The seller ships with tracking.
    as_user(&app, SELLER).await;
    let sales = app.get("/me/sales?status=action").await;
    sales.assert_status(200).assert_contains("Vintage camera");
    let page = app.get(&format!("/orders/{order}")).await;
    page.assert_status(200).assert_contains("1 rue de la Paix");
    app.post(
        &format!("/orders/{order}/ship"),
        &[("carrier", "La Poste"), ("tracking", "LP123456FR")],
    )
    .await
    .assert_status(303);
    assert_eq!(status(&app, order).await, "shipped");

    // The buyer confirms: the money goes to the seller, less the 3% fee on 25.00.
    as_user(&app, BUYER).await;
    app.get(&format!("/orders/{order}"))
        .await
        .assert_contains("LP123456FR");
    app.post(&format!("/orders/{order}/confirm"), &[])
        .await
        .assert_status(303);
    assert_eq!(status(&app, order).await, "completed");
    assert_eq!(
        seller_balance(&app, d.seller).await,
        vec![("EUR".into(), 2_425)]
    );
    books_balance(&app).await;

    // Every step's email, to the right person.
    assert_eq!(
        mails_to(&app, BUYER).await,
        [
            "order_placed",
            "order_paid",
            "order_shipped",
            "order_completed_buyer"
        ]
    );
    assert_eq!(
        mails_to(&app, SELLER).await,
        ["order_sold", "order_completed_seller"]
    );
    // The seller's emails are in French, with the order's link.
    let sold = app.outbox_text(SELLER, "order_sold").await;
    assert!(sold.contains("Vintage camera"), "{sold}");
    assert!(sold.contains(&format!("/orders/{order}")), "{sold}");
    assert!(sold.contains("1 rue de la Paix"), "{sold}");

    // The seller pays the balance out; the books still balance.
    as_user(&app, SELLER).await;
    app.post("/me/payouts", &[("currency", "EUR")])
        .await
        .assert_status(303);
    assert_eq!(
        seller_balance(&app, d.seller).await,
        vec![("EUR".into(), 0)]
    );
    books_balance(&app).await;
}

#[tokio::test]
async fn local_pickup_completes_with_the_buyers_handover_code() {
    let app = spawn_app().await;
    let d = deal(&app, Item::default()).await;
    let order = d.order(&app, OrderState::PickupPaid).await;
    let code = handover_code(&app, order).await;
    assert_eq!(code.len(), 6);
    // The buyer sees the code; pickup costs no shipping (20.00 + 1.00).
    let page = app.get(&format!("/orders/{order}")).await;
    page.assert_contains(&code).assert_contains("€21.00");

    as_user(&app, SELLER).await;
    // The seller does not see the code.
    assert!(!app.get(&format!("/orders/{order}")).await.contains(&code));
    let wrong = if code == "000000" { "111111" } else { "000000" };
    app.post(&format!("/orders/{order}/handover"), &[("code", wrong)])
        .await
        .assert_status(422)
        .assert_contains("class=\"field-error\"");
    assert_eq!(status(&app, order).await, "paid");
    // Shipping a pickup order makes no sense.
    app.post(
        &format!("/orders/{order}/ship"),
        &[("carrier", "X"), ("tracking", "Y")],
    )
    .await
    .assert_status(409);
    // Guessing is cut short: after five wrong codes even the right one waits an hour.
    for _ in 1..pasar::orders::state::HANDOVER_TRIES {
        app.post(&format!("/orders/{order}/handover"), &[("code", wrong)])
            .await
            .assert_status(422);
    }
    app.post(&format!("/orders/{order}/handover"), &[("code", &code)])
        .await
        .assert_status(429);
    assert_eq!(status(&app, order).await, "paid");
    app.db(move |c| {
        use pasar::db::schema::order_events as e;
        diesel::update(e::table.filter(e::order_id.eq(order)))
            .set(e::created_at.eq(chrono::Utc::now() - chrono::Duration::hours(2)))
            .execute(c)
            .expect("an hour later")
    })
    .await;
    app.post(&format!("/orders/{order}/handover"), &[("code", &code)])
        .await
        .assert_status(303);
    assert_eq!(status(&app, order).await, "received");

    as_user(&app, BUYER).await;
    app.post(&format!("/orders/{order}/confirm"), &[])
        .await
        .assert_status(303);
    assert_eq!(status(&app, order).await, "completed");
    // 20.00 less 3% = 19.40.
    assert_eq!(
        seller_balance(&app, d.seller).await,
        vec![("EUR".into(), 1_940)]
    );
    books_balance(&app).await;
}

/// The protection note says where the money is in each state: held only while it is,
/// released once the order completed, given back once refunded, never taken when the
/// order ended unpaid. (A refunded order's page used to say the money was still held.)
#[tokio::test]
async fn the_protection_note_says_where_the_money_is() {
    let app = spawn_app().await;
    let d = deal(&app, Item::default()).await;
    const HELD: &str = "The money is held by Pasar until the buyer confirms receipt.";
    let cases = [
        (OrderState::Placed, "Once paid, the money is held by Pasar"),
        (OrderState::Paid, HELD),
        (
            OrderState::Completed,
            "Pasar released the money to the seller",
        ),
        (OrderState::Refunded, "The money went back to the buyer."),
        (OrderState::Expired, "No money was taken for this order."),
    ];
    for (state, note) in cases {
        let item = listing(&app, d.seller, Item::default()).await;
        let order = factories::order(&app, PARTIES, item, state).await;
        let page = app.get(&format!("/orders/{order}")).await;
        page.assert_status(200)
            .assert_contains(note)
            .assert_contains("Card details never reach Pasar.");
        if note != HELD {
            assert!(
                !page.body.contains(HELD),
                "{state:?} says the money is held"
            );
        }
    }
}
