//! Buying with buyer protection: checkout, the sandbox payment page, the order life,
//! disputes, the ledger and the emails of every step, one file per area. An order in a
//! given state comes from `helpers::factories::order`, walked there over HTTP the way
//! its parties do.

mod cancellations;
mod disputes;
mod emails;
mod journeys;
mod payments;
mod permissions;
mod stock;

use std::time::Duration;

use diesel::prelude::*;
use pasar::db::schema::{jobs, listings};

use crate::helpers::factories::{self, Parties, UserSpec};
use crate::helpers::TestApp;

pub use crate::helpers::factories::{
    as_user, buy, checkout, handover_code, listing, order_of, pay, status, ListingSpec as Item,
    OrderState, ADDRESS,
};

/// Two verified members; the buyer is signed in. When the test ends without a
/// panic, the books are checked (`ledger::imbalances`): every order test does money.
pub struct Deal {
    pub seller: i64,
    pub listing: i64,
    /// Checks the books when the test ends (held only for its drop).
    _books: BooksCheck,
}

/// Checks the books when dropped at the end of a test that did not fail already.
struct BooksCheck(Option<pasar::db::DbPool>);

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
pub const PARTIES: Parties = Parties {
    buyer: BUYER,
    seller: SELLER,
};

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
        _books: BooksCheck(Some(app.pool.clone())),
    }
}

impl Deal {
    /// An order of this deal's listing by the buyer, in `state` (the buyer signed in).
    pub async fn order(&self, app: &TestApp, state: OrderState) -> i64 {
        factories::order(app, PARTIES, self.listing, state).await
    }
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
