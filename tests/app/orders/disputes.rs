//! Disputes: offers, returns, evidence, decisions and appeals.

use diesel::prelude::*;

use super::*;
use crate::helpers::factories::{self, UserSpec};
use crate::helpers::spawn_app;

#[tokio::test]
async fn a_dispute_ends_in_an_accepted_partial_refund() {
    let app = spawn_app().await;
    let d = deal(&app, Item::default()).await;
    let order = d.order(&app, OrderState::Shipped).await;
    // A dispute needs a reason and a statement; what was typed stays.
    app.post(
        &format!("/orders/{order}/dispute"),
        &[("reason", ""), ("statement", "The lens is cracked.")],
    )
    .await
    .assert_status(422)
    .assert_contains("The lens is cracked.");
    app.post(
        &format!("/orders/{order}/dispute"),
        &[
            ("reason", "not_as_described"),
            ("statement", "The lens is cracked."),
        ],
    )
    .await
    .assert_status(303);
    assert_eq!(status(&app, order).await, "disputed");
    // The buyer cannot confirm any more: the money is frozen.
    app.post(&format!("/orders/{order}/confirm"), &[])
        .await
        .assert_status(409);

    as_user(&app, SELLER).await;
    // Too much, then a fair offer (in the seller's French format).
    app.post(
        &format!("/orders/{order}/dispute/offer"),
        &[("amount", "30")],
    )
    .await
    .assert_status(422);
    app.post(
        &format!("/orders/{order}/dispute/offer"),
        &[("amount", "5,00")],
    )
    .await
    .assert_status(303);
    as_user(&app, BUYER).await;
    app.get(&format!("/orders/{order}"))
        .await
        .assert_contains("partial refund of €5.00");
    app.post(&format!("/orders/{order}/dispute/accept-offer"), &[])
        .await
        .assert_status(303);
    assert_eq!(status(&app, order).await, "completed");
    // 25.00 - 5.00 = 20.00, less 3% = 19.40 to the seller.
    assert_eq!(
        seller_balance(&app, d.seller).await,
        vec![("EUR".into(), 1_940)]
    );
    books_balance(&app).await;
    assert_eq!(
        mails_to(&app, BUYER).await,
        [
            "order_placed",
            "order_paid",
            "order_shipped",
            "dispute_opened_buyer",
            "dispute_offer_buyer",
            "order_refunded",
            "order_completed_buyer"
        ]
    );
    assert_eq!(
        mails_to(&app, SELLER).await,
        [
            "order_sold",
            "dispute_opened_seller",
            "dispute_offer_seller",
            "order_completed_seller"
        ]
    );
}

#[tokio::test]
async fn an_admin_decides_a_dispute_and_the_appeal_decision_is_final() {
    let app = spawn_app().await;
    let d = deal(&app, Item::default()).await;
    let order = d.order(&app, OrderState::Shipped).await;
    let mut admin = UserSpec::new("admin@example.com");
    admin.role = "admin";
    factories::user(&app, admin).await;
    app.post(
        &format!("/orders/{order}/dispute"),
        &[("reason", "not_received"), ("statement", "Never came.")],
    )
    .await
    .assert_status(303);
    as_user(&app, SELLER).await;
    app.post(
        &format!(
            "/orders/{order}/dispute/evidence?csrf_token={}",
            app.csrf().await
        ),
        &[],
    )
    .await;
    as_user(&app, "admin@example.com").await;
    app.get("/admin/disputes")
        .await
        .assert_contains(&format!("#{order}"))
        // The header counts the dispute waiting for the admin.
        .assert_contains(">1</span>");
    // The decision needs a reason both sides will read.
    app.post(
        &format!("/orders/{order}/dispute/decide"),
        &[("decision", "release"), ("statement", "")],
    )
    .await
    .assert_status(422);
    app.post(
        &format!("/orders/{order}/dispute/decide"),
        &[
            ("decision", "release"),
            ("statement", "Tracking shows delivery."),
        ],
    )
    .await
    .assert_status(303);
    // Not final yet: the buyer appeals, once.
    assert_eq!(status(&app, order).await, "disputed");
    as_user(&app, BUYER).await;
    app.get(&format!("/orders/{order}"))
        .await
        .assert_contains("Tracking shows delivery.");
    app.post(
        &format!("/orders/{order}/dispute/appeal"),
        &[("statement", "The tracking is for another parcel.")],
    )
    .await
    .assert_status(303);
    app.post(
        &format!("/orders/{order}/dispute/appeal"),
        &[("statement", "Again.")],
    )
    .await
    .assert_status(409);
    as_user(&app, "admin@example.com").await;
    app.post(
        &format!("/orders/{order}/dispute/decide"),
        &[
            ("decision", "refund"),
            ("statement", "The carrier confirmed the mix-up."),
        ],
    )
    .await
    .assert_status(303);
    assert_eq!(status(&app, order).await, "refunded");
    assert_eq!(seller_balance(&app, d.seller).await, vec![]);
    books_balance(&app).await;
    let decided = app.outbox_text(BUYER, "dispute_final_buyer").await;
    assert!(
        decided.contains("The carrier confirmed the mix-up."),
        "{decided}"
    );
}

#[tokio::test]
async fn an_unappealed_decision_becomes_final_when_its_window_closes() {
    let app = spawn_app().await;
    let d = deal(&app, Item::default()).await;
    let order = d.order(&app, OrderState::PickedUp).await;
    app.post(
        &format!("/orders/{order}/dispute"),
        &[
            ("reason", "not_as_described"),
            ("statement", "Wrong model."),
        ],
    )
    .await
    .assert_status(303);
    let mut admin = UserSpec::new("admin@example.com");
    admin.role = "admin";
    factories::user(&app, admin).await;
    as_user(&app, "admin@example.com").await;
    app.post(
        &format!("/orders/{order}/dispute/decide"),
        &[
            ("decision", "partial"),
            ("amount", "8.00"),
            ("statement", "Half the difference."),
        ],
    )
    .await
    .assert_status(303);
    app.db(|c| {
        use pasar::db::schema::disputes as ds;
        diesel::update(ds::table)
            .set(ds::final_at.eq(chrono::Utc::now() - chrono::Duration::seconds(1)))
            .execute(c)
            .expect("window closed")
    })
    .await;
    run_jobs_now(&app, "dispute_final").await;
    wait_for_status(&app, order, "completed").await;
    // 20.00 - 8.00 = 12.00, less 3% = 11.64.
    assert_eq!(
        seller_balance(&app, d.seller).await,
        vec![("EUR".into(), 1_164)]
    );
    books_balance(&app).await;
}

#[tokio::test]
async fn evidence_takes_text_and_photos_and_a_return_refunds_in_full() {
    use crate::listings::{jpeg, submit, Form};
    let app = spawn_app().await;
    let d = deal(&app, Item::default()).await;
    let order = d.order(&app, OrderState::Disputed).await;
    let evidence = format!("/orders/{order}/dispute/evidence");
    // Empty evidence and a text file named .jpg are refused on the page.
    let page = submit(
        &app,
        &evidence,
        Form {
            fields: vec![("body".into(), "".into())],
            files: vec![],
        },
    )
    .await;
    page.assert_status(422);
    let page = submit(
        &app,
        &evidence,
        Form {
            fields: vec![("body".into(), "Here it is.".into())],
            files: vec![("strap.jpg".into(), b"not an image".to_vec())],
        },
    )
    .await;
    page.assert_status(422).assert_contains("Here it is.");
    submit(
        &app,
        &evidence,
        Form {
            fields: vec![("body".into(), "Photo of the strap.".into())],
            files: vec![("strap.jpg".into(), jpeg(800, 600, 90))],
        },
    )
    .await
    .assert_status(303);
    let page = app.get(&format!("/orders/{order}")).await;
    page.assert_contains("Photo of the strap.");
    assert!(page.body.contains("/evidence/"), "the photo is shown");
    assert_eq!(
        app.count("SELECT count(*) AS n FROM dispute_evidence WHERE photo_key IS NOT NULL")
            .await,
        1
    );
    // The seller takes the item back; when it is back, the buyer gets everything.
    as_user(&app, SELLER).await;
    app.post(&format!("/orders/{order}/dispute/accept-return"), &[])
        .await
        .assert_status(303);
    app.post(&format!("/orders/{order}/dispute/return-received"), &[])
        .await
        .assert_status(303);
    assert_eq!(status(&app, order).await, "refunded");
    let refunded = app
        .count("SELECT coalesce(sum(amount_minor), 0)::bigint AS n FROM ledger_entries WHERE kind = 'refund' AND account = 'provider'")
        .await;
    assert_eq!(refunded, 2_600);
    assert!(mails_to(&app, BUYER)
        .await
        .contains(&"dispute_return_buyer".to_string()));
    books_balance(&app).await;
}
