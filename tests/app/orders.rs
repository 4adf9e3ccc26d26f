//! Buying with buyer protection: checkout, the sandbox payment page, the order life,
//! disputes, the ledger and the emails of every step.

use std::time::Duration;

use diesel::prelude::*;
use pasar::db::schema::{categories, jobs, listings, orders};

use crate::helpers::factories::{self, UserSpec};
use crate::helpers::{spawn_app, Page, TestApp, PASSWORD};

pub struct Item {
    pub price_minor: i64,
    pub currency: &'static str,
    pub quantity: i32,
    pub ships: bool,
    pub shipping_minor: Option<i64>,
    pub pickup: bool,
}

impl Default for Item {
    fn default() -> Item {
        Item {
            price_minor: 2_000,
            currency: "EUR",
            quantity: 1,
            ships: true,
            shipping_minor: Some(500),
            pickup: true,
        }
    }
}

/// An active listing of `seller`.
pub async fn listing(app: &TestApp, seller: i64, it: Item) -> i64 {
    app.db(move |c| {
        let cat: i32 = categories::table
            .filter(categories::slug.eq("electronics"))
            .select(categories::id)
            .first(c)
            .expect("category");
        diesel::insert_into(listings::table)
            .values((
                listings::seller_id.eq(seller),
                listings::category_id.eq(cat),
                listings::title.eq("Vintage camera"),
                listings::description.eq("Works well."),
                listings::condition.eq("good"),
                listings::price_minor.eq(it.price_minor),
                listings::currency.eq(it.currency),
                listings::quantity.eq(it.quantity),
                listings::ships.eq(it.ships),
                listings::shipping_minor.eq(it.shipping_minor),
                listings::pickup.eq(it.pickup),
                listings::city.eq("Lyon"),
                listings::country.eq("France"),
                listings::status.eq("active"),
                listings::published_at.eq(chrono::Utc::now()),
            ))
            .returning(listings::id)
            .get_result(c)
            .expect("listing inserted")
    })
    .await
}

/// Two verified members; the buyer is signed in. When the test ends without a
/// panic, the books are checked (`ledger::imbalances`): every order test does money.
pub struct Deal {
    pub seller: i64,
    pub listing: i64,
    /// Checks the books when the test ends.
    pub books: BooksCheck,
}

/// Checks the books when dropped at the end of a test that did not fail already.
pub struct BooksCheck(pub Option<pasar::db::DbPool>);

impl BooksCheck {
    /// For the one test that puts orders into states by SQL, money left as it was.
    pub fn skip(&mut self) {
        self.0 = None;
    }
}

impl Drop for BooksCheck {
    fn drop(&mut self) {
        let Some(pool) = self.0.take() else {
            return;
        };
        if std::thread::panicking() {
            return;
        }
        let mut conn = pool.get().expect("connection for the books check");
        let problems = pasar::orders::ledger::imbalances(&mut conn).expect("imbalances");
        assert!(problems.is_empty(), "books do not balance: {problems:?}");
    }
}

pub const SELLER: &str = "seller@example.com";
pub const BUYER: &str = "buyer@example.com";

pub async fn deal(app: &TestApp, it: Item) -> Deal {
    let mut s = UserSpec::new(SELLER);
    s.name = "Sam Seller".into();
    s.locale = "fr";
    let seller = factories::user(app, s).await;
    let mut b = UserSpec::new(BUYER);
    b.name = "Bea Buyer".into();
    factories::user(app, b).await;
    let listing = listing(app, seller, it).await;
    as_user(app, BUYER).await;
    Deal {
        seller,
        listing,
        books: BooksCheck(Some(app.pool.clone())),
    }
}

pub async fn as_user(app: &TestApp, email: &str) {
    app.logout().await;
    app.login(email, PASSWORD).await.assert_status(303);
}

pub fn order_of(page: &Page) -> i64 {
    let loc = page.location.clone().expect("redirect");
    loc.trim_start_matches("/orders/")
        .parse()
        .unwrap_or_else(|_| panic!("not an order: {loc}"))
}

pub async fn buy(app: &TestApp, listing: i64, key: &str) -> Page {
    app.post(
        &format!("/listings/{listing}/buy"),
        &[("quantity", "1"), ("key", key)],
    )
    .await
}

const ADDRESS: [(&str, &str); 5] = [
    ("name", "Bea Buyer"),
    ("line1", "1 rue de la Paix"),
    ("postcode", "75002"),
    ("city", "Paris"),
    ("country", "France"),
];

/// Checkout with shipping (or pickup) and card; returns the sandbox page's path.
pub async fn checkout(app: &TestApp, order: i64, delivery: &str) -> String {
    let mut fields = vec![("delivery", delivery), ("method", "card")];
    fields.extend_from_slice(&ADDRESS);
    let page = app
        .post(&format!("/orders/{order}/checkout"), &fields)
        .await;
    page.assert_status(303);
    let to = page.location.clone().expect("to payment");
    assert!(to.starts_with("/pay/sandbox/sbx_"), "{to}");
    to
}

pub async fn pay(app: &TestApp, pay_page: &str, card: &str) -> Page {
    app.post(
        &format!("{pay_page}/card"),
        &[
            ("card_number", card),
            ("expiry", "12/34"),
            ("cvc", "123"),
            ("name", "Bea Buyer"),
        ],
    )
    .await
}

/// Buy now, checkout with shipping and pay with 4242: a paid order.
pub async fn paid_order(app: &TestApp, d: &Deal, delivery: &str) -> i64 {
    let order = order_of(
        buy(app, d.listing, &uuid::Uuid::new_v4().to_string())
            .await
            .assert_status(303),
    );
    let pay_page = checkout(app, order, delivery).await;
    pay(app, &pay_page, "4242 4242 4242 4242")
        .await
        .assert_status(303);
    assert_eq!(status(app, order).await, "paid");
    order
}

pub async fn status(app: &TestApp, order: i64) -> String {
    app.db(move |c| {
        orders::table
            .find(order)
            .select(orders::status)
            .first(c)
            .expect("order")
    })
    .await
}

pub async fn stock(app: &TestApp, listing: i64) -> (i32, String) {
    app.db(move |c| {
        listings::table
            .find(listing)
            .select((listings::quantity, listings::status))
            .first(c)
            .expect("listing")
    })
    .await
}

pub async fn books_balance(app: &TestApp) {
    let problems = app
        .db(|c| pasar::orders::ledger::imbalances(c).expect("imbalances"))
        .await;
    assert!(problems.is_empty(), "books do not balance: {problems:?}");
}

/// The kinds of emails queued to `to`, in order.
pub async fn mails_to(app: &TestApp, to: &str) -> Vec<String> {
    app.outbox()
        .await
        .into_iter()
        .filter(|(t, ..)| t == to)
        .map(|(_, kind, ..)| kind)
        .collect()
}

/// Runs the order's due jobs now (as if their time had come).
pub async fn run_jobs_now(app: &TestApp, kind: &'static str) {
    app.db(move |c| {
        diesel::update(jobs::table.filter(jobs::kind.eq(kind)))
            .set(jobs::run_at.eq(chrono::Utc::now() - chrono::Duration::seconds(1)))
            .execute(c)
            .expect("jobs due")
    })
    .await;
}

pub async fn wait_for_status(app: &TestApp, order: i64, want: &str) {
    // Generous: on a loaded CI machine the worker may be busy with other tests' mail.
    for _ in 0..600 {
        if status(app, order).await == want {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!(
        "order {order} never reached {want}: {}",
        status(app, order).await
    );
}

async fn seller_balance(app: &TestApp, seller: i64) -> Vec<(String, i64)> {
    app.db(move |c| pasar::orders::ledger::balances(c, seller).expect("balance"))
        .await
}

// ---- the happy paths ----------------------------------------------------------------

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
    let order = paid_order(&app, &d, "pickup").await;
    let code: String = app
        .db(move |c| {
            orders::table
                .find(order)
                .select(orders::handover_code)
                .first(c)
                .expect("code")
        })
        .await;
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

// ---- payments -----------------------------------------------------------------------

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

// ---- stock, idempotency, races --------------------------------------------------------

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

// ---- cancellations and timeouts -------------------------------------------------------

#[tokio::test]
async fn a_cancelled_paid_order_refunds_the_buyer_in_full() {
    let app = spawn_app().await;
    let d = deal(&app, Item::default()).await;
    let order = paid_order(&app, &d, "ship").await;
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
    let late = paid_order(&app, &d, "ship").await;
    let silent = paid_order(&app, &d, "ship").await;
    as_user(&app, SELLER).await;
    app.post(
        &format!("/orders/{silent}/ship"),
        &[("carrier", "DHL"), ("tracking", "123")],
    )
    .await
    .assert_status(303);
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

// ---- who may do what ------------------------------------------------------------------

/// (who, order, action, fields, expected status)
type Case<'a> = (&'a str, i64, &'a str, &'a [(&'a str, &'a str)], u16);

#[tokio::test]
async fn every_action_answers_strangers_404_the_wrong_party_403_and_the_wrong_state_409() {
    let app = spawn_app().await;
    let d = deal(
        &app,
        Item {
            quantity: 3,
            ..Item::default()
        },
    )
    .await;
    let pending = order_of(buy(&app, d.listing, "p").await.assert_status(303));
    let paid = paid_order(&app, &d, "ship").await;
    factories::user(&app, UserSpec::new("stranger@example.com")).await;
    let mut admin = UserSpec::new("admin@example.com");
    admin.role = "admin";
    factories::user(&app, admin).await;

    let ship = [("carrier", "DHL"), ("tracking", "1")];
    let reason = [("reason", "other")];
    let dispute = [("reason", "not_received"), ("statement", "Nothing came.")];
    // (who, order, action, fields, expected status)
    let cases: Vec<Case> = vec![
        ("stranger@example.com", paid, "ship", &ship, 404),
        ("stranger@example.com", paid, "confirm", &[], 404),
        ("stranger@example.com", paid, "cancel", &reason, 404),
        (BUYER, paid, "ship", &ship, 403),
        (BUYER, paid, "handover", &[("code", "123456")], 403),
        (BUYER, paid, "confirm", &[], 409),
        (BUYER, paid, "dispute", &dispute, 409),
        (BUYER, pending, "confirm", &[], 409),
        (SELLER, paid, "confirm", &[], 403),
        (SELLER, paid, "abandon", &[], 403),
        (SELLER, pending, "ship", &ship, 409),
        (SELLER, paid, "dispute", &dispute, 403),
        ("admin@example.com", paid, "ship", &ship, 403),
        ("admin@example.com", paid, "confirm", &[], 403),
        (
            "admin@example.com",
            paid,
            "dispute/decide",
            &[("decision", "refund"), ("statement", "x")],
            409,
        ),
    ];
    for (who, order, action, fields, want) in cases {
        as_user(&app, who).await;
        let before = status(&app, order).await;
        let page = app.post(&format!("/orders/{order}/{action}"), fields).await;
        assert_eq!(
            page.status.as_u16(),
            want,
            "{who} {action} on {before} order"
        );
        assert_eq!(
            status(&app, order).await,
            before,
            "{who} {action} changed it"
        );
    }
    // Viewing: strangers 404, parties and admins 200, anonymous to the login page.
    as_user(&app, "stranger@example.com").await;
    app.get(&format!("/orders/{paid}")).await.assert_status(404);
    as_user(&app, "admin@example.com").await;
    app.get(&format!("/orders/{paid}")).await.assert_status(200);
    app.get("/admin/disputes").await.assert_status(200);
    app.get("/admin/books")
        .await
        .assert_status(200)
        .assert_contains("The books balance");
    as_user(&app, BUYER).await;
    app.get("/admin/books").await.assert_status(404);
    app.logout().await;
    app.get(&format!("/orders/{paid}")).await.assert_status(303);
    // Nobody buys their own listing; buying needs an account.
    as_user(&app, SELLER).await;
    buy(&app, d.listing, "own")
        .await
        .assert_status(303)
        .redirects_to(&format!("/listings/{}", d.listing));
    assert_eq!(app.count("SELECT count(*) AS n FROM orders").await, 2);
    books_balance(&app).await;
}

// ---- disputes -----------------------------------------------------------------------

#[tokio::test]
async fn a_dispute_ends_in_an_accepted_partial_refund() {
    let app = spawn_app().await;
    let d = deal(&app, Item::default()).await;
    let order = paid_order(&app, &d, "ship").await;
    as_user(&app, SELLER).await;
    app.post(
        &format!("/orders/{order}/ship"),
        &[("carrier", "DHL"), ("tracking", "1")],
    )
    .await
    .assert_status(303);
    as_user(&app, BUYER).await;
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
    let order = paid_order(&app, &d, "ship").await;
    let mut admin = UserSpec::new("admin@example.com");
    admin.role = "admin";
    factories::user(&app, admin).await;
    as_user(&app, SELLER).await;
    app.post(
        &format!("/orders/{order}/ship"),
        &[("carrier", "DHL"), ("tracking", "1")],
    )
    .await;
    as_user(&app, BUYER).await;
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
    let order = paid_order(&app, &d, "pickup").await;
    let code: String = app
        .db(move |c| {
            orders::table
                .find(order)
                .select(orders::handover_code)
                .first(c)
                .expect("code")
        })
        .await;
    as_user(&app, SELLER).await;
    app.post(&format!("/orders/{order}/handover"), &[("code", &code)])
        .await
        .assert_status(303);
    as_user(&app, BUYER).await;
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

/// What a refused action answers: `None` when the action is allowed (covered by the
/// journeys above), else the status. `state` is the order's status; disputes here are
/// open, with no offer, no return and no decision yet.
fn refusal(action: &str, state: &str, pickup: bool, who: &str) -> Option<u16> {
    use pasar::orders::state::Role;
    let role = match who {
        "buyer" => Role::Buyer,
        "seller" => Role::Seller,
        "admin" => Role::Admin,
        "anonymous" => return Some(303),
        _ => return Some(404),
    };
    let (roles, states): (&[Role], &[&str]) = match action {
        "abandon" => (&[Role::Buyer], &["pending_payment"]),
        "ship" => (&[Role::Seller], &["paid"]),
        "handover" => (&[Role::Seller], &["paid"]),
        "confirm" => (&[Role::Buyer], &["shipped", "received"]),
        "cancel" => (&[Role::Buyer, Role::Seller], &["paid"]),
        "dispute" => (&[Role::Buyer], &["shipped", "received"]),
        "dispute/offer" | "dispute/accept-return" | "dispute/return-received" => {
            (&[Role::Seller], &["disputed"])
        }
        "dispute/accept-offer" => (&[Role::Buyer], &["disputed"]),
        "dispute/appeal" => (&[Role::Buyer, Role::Seller], &["disputed"]),
        "dispute/decide" => (&[Role::Admin], &["disputed"]),
        _ => unreachable!("{action}"),
    };
    if !roles.contains(&role) {
        return Some(403);
    }
    if !states.contains(&state) {
        return Some(409);
    }
    match action {
        // Wrong kind of delivery for the step.
        "ship" if pickup => Some(409),
        "handover" if !pickup => Some(409),
        // The open dispute has no offer, no accepted return and no decision.
        "dispute/accept-offer" | "dispute/return-received" | "dispute/appeal" => Some(409),
        _ => None,
    }
}

/// Status, timeline, ledger rows and emails of an order: "changed nothing" means equal.
async fn snapshot(app: &TestApp, order: i64) -> (String, i64, i64, i64) {
    app.db(move |c| {
        use diesel::dsl::count_star;
        use pasar::db::schema::{ledger_entries as l, order_events as e, outbound_emails as m};
        let s: String = orders::table
            .find(order)
            .select(orders::status)
            .first(c)
            .expect("order");
        let ev: i64 = e::table
            .filter(e::order_id.eq(order))
            .select(count_star())
            .first(c)
            .expect("events");
        let le: i64 = l::table
            .filter(l::order_id.eq(order))
            .select(count_star())
            .first(c)
            .expect("ledger");
        let ms: i64 = m::table.select(count_star()).first(c).expect("mails");
        (s, ev, le, ms)
    })
    .await
}

#[tokio::test]
async fn every_refused_transition_by_every_actor_changes_nothing() {
    let app = spawn_app().await;
    let mut d = deal(
        &app,
        Item {
            quantity: 20,
            ..Item::default()
        },
    )
    .await;
    // The states below are forced by SQL, the money left where it was.
    d.books.skip();
    factories::user(&app, UserSpec::new("stranger@example.com")).await;
    let mut admin = UserSpec::new("admin@example.com");
    admin.role = "admin";
    factories::user(&app, admin).await;
    // One order in every state (pickup ones where the delivery matters).
    let mut orders_by_state = Vec::new();
    let pending = order_of(buy(&app, d.listing, "pending").await.assert_status(303));
    orders_by_state.push((pending, "pending_payment", false));
    for (state, pickup) in [
        ("paid", false),
        ("paid", true),
        ("shipped", false),
        ("received", true),
        ("disputed", false),
        ("completed", false),
        ("cancelled", false),
        ("refunded", false),
    ] {
        let o = paid_order(&app, &d, if pickup { "pickup" } else { "ship" }).await;
        orders_by_state.push((o, state, pickup));
    }
    let expired = order_of(buy(&app, d.listing, "expired").await.assert_status(303));
    orders_by_state.push((expired, "expired", false));
    // Put each in its state as its life would have (the money is not the point here).
    for (o, state, _) in orders_by_state.clone() {
        app.db(move |c| {
            diesel::update(orders::table.find(o))
                .set(orders::status.eq(state))
                .execute(c)
                .expect("state");
            if state == "disputed" {
                use pasar::db::schema::disputes as ds;
                diesel::insert_into(ds::table)
                    .values((
                        ds::order_id.eq(o),
                        ds::reason.eq("not_received"),
                        ds::order_status.eq("shipped"),
                        ds::evidence_until.eq(chrono::Utc::now() + chrono::Duration::days(3)),
                    ))
                    .execute(c)
                    .expect("dispute");
            }
        })
        .await;
    }
    let fields: Vec<(&str, Vec<(&str, &str)>)> = vec![
        ("abandon", vec![]),
        ("ship", vec![("carrier", "DHL"), ("tracking", "1")]),
        ("handover", vec![("code", "000000")]),
        ("confirm", vec![]),
        ("cancel", vec![("reason", "other")]),
        (
            "dispute",
            vec![("reason", "not_received"), ("statement", "No parcel.")],
        ),
        ("dispute/offer", vec![("amount", "1.00")]),
        ("dispute/accept-offer", vec![]),
        ("dispute/accept-return", vec![]),
        ("dispute/return-received", vec![]),
        ("dispute/appeal", vec![("statement", "Please look again.")]),
        (
            "dispute/decide",
            vec![("decision", "release"), ("statement", "Delivered.")],
        ),
    ];
    let actors = [
        ("buyer", Some(BUYER)),
        ("seller", Some(SELLER)),
        ("stranger", Some("stranger@example.com")),
        ("admin", Some("admin@example.com")),
        ("anonymous", None),
    ];
    let mut checked = 0;
    for (who, email) in actors {
        match email {
            Some(e) => as_user(&app, e).await,
            None => {
                app.logout().await;
            }
        }
        for (order, state, pickup) in &orders_by_state {
            for (action, f) in &fields {
                let Some(want) = refusal(action, state, *pickup, who) else {
                    continue;
                };
                let before = snapshot(&app, *order).await;
                let page = app.post(&format!("/orders/{order}/{action}"), f).await;
                assert_eq!(
                    page.status.as_u16(),
                    want,
                    "{who} {action} on a {state} order"
                );
                if who == "anonymous" {
                    assert!(
                        page.location.as_deref().unwrap_or("").starts_with("/login"),
                        "anonymous goes to the login page"
                    );
                }
                let after = snapshot(&app, *order).await;
                // A wrong handover code is noted on the timeline, nothing else.
                if !(action == &"handover" && want == 303) {
                    assert_eq!(
                        before, after,
                        "{who} {action} on a {state} order changed it"
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 400, "{checked} refusals checked");
}

/// Waits until the SMTP server holds `n` messages and returns them.
async fn delivered(smtp: &crate::helpers::SmtpServer, n: usize) -> Vec<crate::helpers::Mail> {
    for _ in 0..600 {
        let all = smtp.messages();
        if all.len() >= n {
            return all;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("only {} of {n} emails arrived", smtp.messages().len());
}

#[tokio::test]
async fn the_emails_of_a_sale_and_of_a_dispute_reach_both_sides_in_their_language() {
    let smtp = crate::helpers::SmtpServer::start();
    let app = crate::helpers::spawn_app_with(crate::helpers::Options {
        smtp_url: Some(smtp.url()),
        ..Default::default()
    })
    .await;
    let d = deal(
        &app,
        Item {
            quantity: 2,
            ..Item::default()
        },
    )
    .await;
    // A sale: paid, shipped, confirmed.
    let sale = paid_order(&app, &d, "ship").await;
    as_user(&app, SELLER).await;
    app.post(
        &format!("/orders/{sale}/ship"),
        &[("carrier", "DHL"), ("tracking", "JD0001")],
    )
    .await
    .assert_status(303);
    as_user(&app, BUYER).await;
    app.post(&format!("/orders/{sale}/confirm"), &[])
        .await
        .assert_status(303);
    let mails = delivered(&smtp, 6).await;
    let mut got: Vec<(String, String)> = mails
        .iter()
        .map(|m| (m.to.clone(), m.subject.clone()))
        .collect();
    got.sort();
    let mut want = vec![
        (
            BUYER.to_string(),
            format!("Your order #{sale}: Vintage camera"),
        ),
        (
            BUYER.to_string(),
            "Payment received for Vintage camera".to_string(),
        ),
        (
            BUYER.to_string(),
            "Vintage camera is on its way".to_string(),
        ),
        (BUYER.to_string(), format!("Order #{sale} is complete")),
        // The seller reads French.
        (
            SELLER.to_string(),
            "Vous avez vendu Vintage camera".to_string(),
        ),
        (
            SELLER.to_string(),
            "Vous avez été payé pour Vintage camera".to_string(),
        ),
    ];
    want.sort();
    assert_eq!(got, want);
    for m in &mails {
        let link = m.link(&format!("/orders/{sale}"));
        assert_eq!(crate::helpers::path_of(&link), format!("/orders/{sale}"));
        assert!(
            m.html.contains(&format!("/orders/{sale}")),
            "HTML part links too"
        );
    }
    let shipped = mails
        .iter()
        .find(|m| m.subject.contains("on its way"))
        .expect("shipped mail");
    assert!(shipped.text.contains("JD0001"), "{}", shipped.text);

    // A dispute: opened, an offer, accepted.
    let disputed = paid_order(&app, &d, "ship").await;
    as_user(&app, SELLER).await;
    app.post(
        &format!("/orders/{disputed}/ship"),
        &[("carrier", "DHL"), ("tracking", "JD0002")],
    )
    .await;
    as_user(&app, BUYER).await;
    app.post(
        &format!("/orders/{disputed}/dispute"),
        &[("reason", "not_as_described"), ("statement", "Scratched.")],
    )
    .await
    .assert_status(303);
    as_user(&app, SELLER).await;
    app.post(
        &format!("/orders/{disputed}/dispute/offer"),
        &[("amount", "4,00")],
    )
    .await
    .assert_status(303);
    as_user(&app, BUYER).await;
    app.post(&format!("/orders/{disputed}/dispute/accept-offer"), &[])
        .await
        .assert_status(303);
    // 6 before; this order: placed, paid, sold, shipped, 2 opened, 2 offer, refund,
    // 2 completed = 11.
    let mails = delivered(&smtp, 17).await;
    let about: Vec<_> = mails
        .iter()
        .filter(|m| m.text.contains(&format!("/orders/{disputed}")))
        .collect();
    assert_eq!(
        about.len(),
        11,
        "{:?}",
        about.iter().map(|m| &m.subject).collect::<Vec<_>>()
    );
    let refund = about
        .iter()
        .find(|m| m.to == BUYER && m.subject.starts_with("Refund"))
        .expect("refund mail");
    assert!(refund.text.contains("€4.00"), "{}", refund.text);
    let opened = about
        .iter()
        .find(|m| m.to == SELLER && m.subject.contains("litige"))
        .expect("the seller hears of the dispute in French");
    assert!(opened.text.contains("Vintage camera"));
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
        use pasar::db::schema::payments as p;
        diesel::insert_into(p::table)
            .values((
                p::order_id.eq(order),
                p::provider.eq("stripe"),
                p::method.eq("checkout"),
                p::reference.eq("cs_test_1"),
                p::amount_minor.eq(2_600i64),
                p::currency.eq("EUR"),
            ))
            .execute(c)
            .expect("payment")
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
async fn accounts_with_orders_wait_for_them_and_are_then_anonymised_not_deleted() {
    let app = crate::helpers::spawn_app_with(crate::helpers::Options {
        extra_env: vec![("PASAR_DELETION_GRACE_DAYS", "0".into())],
        ..Default::default()
    })
    .await;
    let d = deal(&app, Item::default()).await;
    let order = paid_order(&app, &d, "ship").await;
    // Money is held for this order: the buyer cannot leave yet.
    app.post("/me/settings/delete", &[("current_password", PASSWORD)])
        .await
        .assert_status(409)
        .assert_contains("orders in progress");
    as_user(&app, SELLER).await;
    app.post(
        &format!("/orders/{order}/ship"),
        &[("carrier", "DHL"), ("tracking", "1")],
    )
    .await;
    as_user(&app, BUYER).await;
    app.post(&format!("/orders/{order}/confirm"), &[])
        .await
        .assert_status(303);
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

#[tokio::test]
async fn evidence_takes_text_and_photos_and_a_return_refunds_in_full() {
    use crate::listings::{jpeg, submit, Form};
    let app = spawn_app().await;
    let d = deal(&app, Item::default()).await;
    let order = paid_order(&app, &d, "ship").await;
    as_user(&app, SELLER).await;
    app.post(
        &format!("/orders/{order}/ship"),
        &[("carrier", "DHL"), ("tracking", "1")],
    )
    .await;
    as_user(&app, BUYER).await;
    app.post(
        &format!("/orders/{order}/dispute"),
        &[
            ("reason", "not_as_described"),
            ("statement", "Broken strap."),
        ],
    )
    .await
    .assert_status(303);
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
            outcome: pasar::orders::payments::Outcome::Succeeded {
                brand: "visa".into(),
                last4: "4242".into(),
                provider_payment: "late".into(),
            },
        };
        c.transaction(|c| pasar::orders::payments::apply(c, &cfg, "sandbox", &event))
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
    let paid = paid_order(&app, &d, "ship").await;
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
