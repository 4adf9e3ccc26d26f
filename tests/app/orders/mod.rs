//! Buying with buyer protection: checkout, the sandbox payment page, the order life,
//! disputes, the ledger and the emails of every step, one file per area; the helpers
//! here walk an order through its life the way its parties do (over HTTP).

mod cancellations;
mod disputes;
mod emails;
mod journeys;
mod payments;
mod permissions;
mod stock;

use std::time::Duration;

use diesel::prelude::*;
use pasar::db::schema::{jobs, listings, orders};

use crate::helpers::factories::{self, UserSpec};
use crate::helpers::{Page, TestApp, PASSWORD};

pub use crate::helpers::factories::{listing, ListingSpec as Item};

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

pub const ADDRESS: [(&str, &str); 5] = [
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

pub async fn seller_balance(app: &TestApp, seller: i64) -> Vec<(String, i64)> {
    app.db(move |c| pasar::orders::ledger::balances(c, seller).expect("balance"))
        .await
}
