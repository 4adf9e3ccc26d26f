//! The order factory: an order in a given state, reached the way its parties get there
//! (the buy form, checkout, the sandbox card page and the order's action forms, each
//! signed in as whoever acts). Only time passing is set by hand: the pay-by date, for
//! an order that runs out of time.

use diesel::prelude::*;
use pasar::db::schema::orders;

use super::{Page, TestApp, PASSWORD};

/// Who buys and who sells: members who log in with the factory password.
#[derive(Clone, Copy, Debug)]
pub struct Parties {
    pub buyer: &'static str,
    pub seller: &'static str,
}

/// Where an order stands; each names the `orders.status` it ends in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrderState {
    /// Bought with "Buy now", not checked out yet.
    Placed,
    /// Checked out for shipping, the payment page not paid yet.
    AwaitingPayment,
    /// Paid for shipping, waiting for the seller to ship.
    Paid,
    /// Paid for local pickup, waiting for the handover.
    PickupPaid,
    /// Shipped with tracking (`TRACKING`).
    Shipped,
    /// Picked up: the seller entered the buyer's handover code.
    PickedUp,
    /// Shipped and confirmed by the buyer: the seller is paid.
    Completed,
    /// Shipped, then disputed by the buyer ("not as described"), the dispute open.
    Disputed,
    /// Disputed, taken back by the seller and its return received: refunded in full.
    Refunded,
    /// Paid, then cancelled by the buyer before shipping.
    Cancelled,
    /// Placed and not paid in time.
    Expired,
}

impl OrderState {
    /// The order status this state ends in.
    pub fn status(self) -> &'static str {
        use OrderState::*;
        match self {
            Placed | AwaitingPayment => "pending_payment",
            Paid | PickupPaid => "paid",
            Shipped => "shipped",
            PickedUp => "received",
            Completed => "completed",
            Disputed => "disputed",
            Refunded => "refunded",
            Cancelled => "cancelled",
            Expired => "expired",
        }
    }

    fn pickup(self) -> bool {
        matches!(self, OrderState::PickupPaid | OrderState::PickedUp)
    }
}

/// The tracking number the factory ships with.
pub const TRACKING: &str = "JD0001";

/// The card the sandbox accepts.
pub const GOOD_CARD: &str = "4242 4242 4242 4242";

/// The address every factory checkout ships to.
pub const ADDRESS: [(&str, &str); 5] = [
    ("name", "Bea Buyer"),
    ("line1", "1 rue de la Paix"),
    ("postcode", "75002"),
    ("city", "Paris"),
    ("country", "France"),
];

/// The configuration of the test apps, for calling the app's rules directly.
pub fn config() -> pasar::config::Config {
    pasar::config::Config::from_lookup(|k| match k {
        "PASAR_SECRET" => Some("t".repeat(64)),
        "PASAR_DATA" => Some(std::env::temp_dir().display().to_string()),
        _ => None,
    })
    .expect("config")
}

/// An order of one unit of `listing` by `who.buyer`, walked to `state`. Ends with the
/// buyer signed in; asserts the order reached the state's status.
pub async fn order(app: &TestApp, who: Parties, listing: i64, state: OrderState) -> i64 {
    use OrderState::*;
    as_user(app, who.buyer).await;
    let id = order_of(
        buy(app, listing, &uuid::Uuid::new_v4().to_string())
            .await
            .assert_status(303),
    );
    match state {
        Placed => {}
        Expired => pay_time_runs_out(app, id).await,
        _ => {
            let pay_page = checkout(app, id, if state.pickup() { "pickup" } else { "ship" }).await;
            if state != AwaitingPayment {
                pay(app, &pay_page, GOOD_CARD).await.assert_status(303);
            }
        }
    }
    match state {
        Cancelled => {
            app.post(
                &format!("/orders/{id}/cancel"),
                &[("reason", "changed_mind")],
            )
            .await
            .assert_status(303);
        }
        PickedUp => hand_over(app, who, id).await,
        Shipped | Completed | Disputed | Refunded => ship(app, who, id).await,
        _ => {}
    }
    match state {
        Completed => confirm(app, id).await,
        Disputed | Refunded => open_dispute(app, id).await,
        _ => {}
    }
    if state == Refunded {
        take_back(app, who, id).await;
    }
    assert_eq!(status(app, id).await, state.status(), "{state:?} order");
    id
}

/// Signs out whoever is signed in and signs `email` in.
pub async fn as_user(app: &TestApp, email: &str) {
    app.logout().await;
    app.login(email, PASSWORD).await.assert_status(303);
}

/// The order a "Buy now" redirected to.
pub fn order_of(page: &Page) -> i64 {
    let loc = page.location.clone().expect("redirect");
    loc.trim_start_matches("/orders/")
        .parse()
        .unwrap_or_else(|_| panic!("not an order: {loc}"))
}

/// "Buy now" for one unit, with the idempotency key `key`.
pub async fn buy(app: &TestApp, listing: i64, key: &str) -> Page {
    app.post(
        &format!("/listings/{listing}/buy"),
        &[("quantity", "1"), ("key", key)],
    )
    .await
}

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

/// The card form of the sandbox payment page.
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

/// The seller ships a paid order with `TRACKING`; the buyer is signed in after.
pub async fn ship(app: &TestApp, who: Parties, order: i64) {
    as_user(app, who.seller).await;
    app.post(
        &format!("/orders/{order}/ship"),
        &[("carrier", "DHL"), ("tracking", TRACKING)],
    )
    .await
    .assert_status(303);
    as_user(app, who.buyer).await;
}

/// The buyer's handover code, as their order page shows it.
pub async fn handover_code(app: &TestApp, order: i64) -> String {
    app.db(move |c| {
        orders::table
            .find(order)
            .select(orders::handover_code)
            .first(c)
            .expect("code")
    })
    .await
}

/// The seller enters the buyer's code at the pickup; the buyer is signed in after.
pub async fn hand_over(app: &TestApp, who: Parties, order: i64) {
    let code = handover_code(app, order).await;
    as_user(app, who.seller).await;
    app.post(&format!("/orders/{order}/handover"), &[("code", &code)])
        .await
        .assert_status(303);
    as_user(app, who.buyer).await;
}

/// The signed-in buyer confirms that the item arrived.
pub async fn confirm(app: &TestApp, order: i64) {
    app.post(&format!("/orders/{order}/confirm"), &[])
        .await
        .assert_status(303);
}

/// The signed-in buyer opens a dispute: not as described.
pub async fn open_dispute(app: &TestApp, order: i64) {
    app.post(
        &format!("/orders/{order}/dispute"),
        &[("reason", "not_as_described"), ("statement", "Broken.")],
    )
    .await
    .assert_status(303);
}

/// The seller accepts the return of a disputed order and receives it back; the buyer
/// is signed in after.
pub async fn take_back(app: &TestApp, who: Parties, order: i64) {
    as_user(app, who.seller).await;
    for step in ["accept-return", "return-received"] {
        app.post(&format!("/orders/{order}/dispute/{step}"), &[])
            .await
            .assert_status(303);
    }
    as_user(app, who.buyer).await;
}

/// The time to pay runs out (the pay-by date moves into the past) and the expiry rule
/// its job calls runs now. An order still waiting for a payment under way stays.
pub async fn pay_time_runs_out(app: &TestApp, order: i64) {
    app.db(move |c| {
        diesel::update(orders::table.find(order))
            .set(orders::pay_by.eq(chrono::Utc::now() - chrono::Duration::minutes(1)))
            .execute(c)
            .expect("due");
        c.transaction(|c| pasar::orders::state::expire(c, &config(), order))
            .expect("expire ran");
    })
    .await;
}
