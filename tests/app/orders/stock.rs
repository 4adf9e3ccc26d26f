//! Stock, idempotency and races: double submits, the last item, expiry, quantities.

use std::time::Duration;

use diesel::prelude::*;
use pasar::db::schema::{jobs, orders};

use super::*;
use crate::helpers::factories::{self, UserSpec};
use crate::helpers::{spawn_app, PASSWORD};

#[tokio::test]
async fn a_double_submit_makes_one_order() {
    let app = spawn_app().await;
    let d = deal(
        &app,
        Item {
            quantity: 5,
            ..Item::default()
        },
    )
    .await;
    let token = app.csrf().await;
    let path = format!("/listings/{}/buy", d.listing);
    let fields = [
        ("csrf_token", token.as_str()),
        ("quantity", "1"),
        ("key", "same-key"),
    ];
    let (a, b) = tokio::join!(app.post_raw(&path, &fields), app.post_raw(&path, &fields));
    assert_eq!(order_of(&a), order_of(&b));
    let c = app.post_raw(&path, &fields).await;
    assert_eq!(order_of(&a), order_of(&c));
    assert_eq!(app.count("SELECT count(*) AS n FROM orders").await, 1);
    assert_eq!(stock(&app, d.listing).await.0, 4);
    // A quantity that is not a number is refused on the listing page, not taken as 1.
    let page = app
        .post(&path, &[("quantity", "two"), ("key", "other-key")])
        .await;
    page.redirects_to(&format!("/listings/{}", d.listing));
    app.get(&format!("/listings/{}", d.listing))
        .await
        .assert_contains("quantity of at least 1");
    assert_eq!(app.count("SELECT count(*) AS n FROM orders").await, 1);
}

#[tokio::test]
async fn twenty_buyers_race_for_the_last_item_and_one_gets_it() {
    let app = spawn_app().await;
    let seller = factories::user(&app, UserSpec::new(SELLER)).await;
    let listing = listing(&app, seller, Item::default()).await;
    let mut buyers = Vec::new();
    for i in 0..20 {
        let email = format!("racer{i}@example.com");
        factories::user(&app, UserSpec::new(&email)).await;
        let client = app.new_browser();
        let login = |path: &str| app.url(path);
        let page = client
            .get(login("/login"))
            .send()
            .await
            .expect("login page");
        let token = crate::helpers::csrf_of(&page.text().await.expect("body")).expect("token");
        let resp = client
            .post(login("/login"))
            .form(&[
                ("csrf_token", token.as_str()),
                ("email", &email),
                ("password", PASSWORD),
            ])
            .send()
            .await
            .expect("login");
        assert_eq!(resp.status().as_u16(), 303);
        let page = client.get(login("/")).send().await.expect("home");
        let token = crate::helpers::csrf_of(&page.text().await.expect("body")).expect("token");
        buyers.push((client, token));
    }
    let url = app.url(&format!("/listings/{listing}/buy"));
    let attempts = buyers.iter().enumerate().map(|(i, (client, token))| {
        let url = url.clone();
        async move {
            let resp = client
                .post(url)
                .form(&[
                    ("csrf_token", token.as_str()),
                    ("quantity", "1"),
                    ("key", &format!("k{i}")),
                ])
                .send()
                .await
                .expect("buy");
            resp.headers()
                .get("location")
                .and_then(|l| l.to_str().ok())
                .unwrap_or_default()
                .to_string()
        }
    });
    let places = futures_util::future::join_all(attempts).await;
    let won = places.iter().filter(|p| p.starts_with("/orders/")).count();
    assert_eq!(won, 1, "{places:?}");
    assert_eq!(app.count("SELECT count(*) AS n FROM orders").await, 1);
    assert_eq!(stock(&app, listing).await, (0, "sold".into()));
    assert_eq!(
        app.count("SELECT count(*) AS n FROM listings WHERE quantity < 0")
            .await,
        0
    );
}

#[tokio::test]
async fn an_unpaid_order_expires_and_its_stock_returns() {
    let app = spawn_app().await;
    let d = deal(&app, Item::default()).await;
    let order = order_of(buy(&app, d.listing, "x").await.assert_status(303));
    assert_eq!(stock(&app, d.listing).await, (0, "sold".into()));
    // Not yet due: the job leaves it alone.
    run_jobs_now(&app, "order_expire").await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(status(&app, order).await, "pending_payment");
    app.db(move |c| {
        diesel::update(orders::table.find(order))
            .set(orders::pay_by.eq(chrono::Utc::now() - chrono::Duration::minutes(1)))
            .execute(c)
            .expect("due")
    })
    .await;
    app.db(|c| {
        diesel::update(jobs::table.filter(jobs::kind.eq("order_expire")))
            .set((
                jobs::status.eq("queued"),
                jobs::run_at.eq(chrono::Utc::now()),
            ))
            .execute(c)
            .expect("requeue")
    })
    .await;
    wait_for_status(&app, order, "expired").await;
    assert_eq!(stock(&app, d.listing).await, (1, "active".into()));
    books_balance(&app).await;
}

#[tokio::test]
async fn the_checkout_changes_the_quantity_within_the_stock() {
    let app = spawn_app().await;
    let d = deal(
        &app,
        Item {
            quantity: 5,
            ..Item::default()
        },
    )
    .await;
    let order = order_of(buy(&app, d.listing, "q").await.assert_status(303));
    app.get(&format!("/orders/{order}"))
        .await
        .assert_contains("id=\"quantity\"");
    let mut fields = vec![("quantity", "3"), ("delivery", "ship"), ("method", "card")];
    fields.extend_from_slice(&ADDRESS);
    app.post(&format!("/orders/{order}/checkout"), &fields)
        .await
        .assert_status(303);
    assert_eq!(stock(&app, d.listing).await.0, 2);
    // 3 x 20.00 + 5.00 shipping + 3.00 protection.
    app.get(&format!("/orders/{order}"))
        .await
        .assert_contains("€68.00");
    fields[0] = ("quantity", "10");
    app.post(&format!("/orders/{order}/checkout"), &fields)
        .await
        .assert_status(422)
        .assert_contains("Not enough left");
    assert_eq!(stock(&app, d.listing).await.0, 2);
    fields[0] = ("quantity", "1");
    let to = app
        .post(&format!("/orders/{order}/checkout"), &fields)
        .await
        .location
        .clone()
        .expect("payment page");
    assert_eq!(stock(&app, d.listing).await.0, 4);
    app.get(&to).await.assert_contains("€26.00");
}

/// A twin "Buy now" (same key) that runs while the first one's order is not committed
/// yet waits for it, answers that order as a double submit, and its own reservation
/// is rolled back with its savepoint: one order, one unit reserved.
#[tokio::test]
async fn a_twin_buy_waiting_on_the_first_gets_its_order_and_reserves_nothing() {
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    use pasar::orders::checkout::{self, Bought};
    let app = spawn_app().await;
    let d = deal(
        &app,
        Item {
            quantity: 5,
            ..Item::default()
        },
    )
    .await;
    let listing = d.listing;
    let pool = app.pool.clone();
    let (first, second) = tokio::task::spawn_blocking(move || {
        use pasar::db::schema::users;
        let cfg = crate::helpers::factories::config();
        let mut a = pool.get().expect("connection");
        let buyer: i64 = users::table
            .filter(users::email.eq(BUYER))
            .select(users::id)
            .first(&mut a)
            .expect("buyer");
        AnsiTransactionManager::begin_transaction(&mut *a).expect("begin");
        let first = checkout::buy(&mut a, &cfg, buyer, listing, 1, "twin").expect("first");
        let pool2 = pool.clone();
        let twin = std::thread::spawn(move || {
            let cfg = crate::helpers::factories::config();
            let mut b = pool2.get().expect("connection");
            b.transaction(|c| checkout::buy(c, &cfg, buyer, listing, 1, "twin"))
                .expect("twin")
        });
        // The twin waits on the first one's locks before the first commits.
        let mut watch = pool.get().expect("connection");
        for _ in 0..400 {
            let waiting: i64 = diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
                "(SELECT count(*) FROM pg_stat_activity \
                  WHERE datname = current_database() AND wait_event_type = 'Lock')",
            ))
            .get_result(&mut watch)
            .expect("activity");
            if waiting > 0 {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        AnsiTransactionManager::commit_transaction(&mut *a).expect("commit");
        (first, twin.join().expect("twin thread"))
    })
    .await
    .expect("blocking");
    let Bought::Placed(id) = first else {
        panic!("first: {first:?}");
    };
    assert_eq!(second, Bought::Again(id));
    assert_eq!(app.count("SELECT count(*) AS n FROM orders").await, 1);
    assert_eq!(stock(&app, d.listing).await.0, 4);
}
