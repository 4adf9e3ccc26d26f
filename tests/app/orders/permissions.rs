//! Who may do what: strangers 404, the wrong party 403, the wrong state 409, and a
//! refused step changes nothing.

use diesel::prelude::*;
use pasar::db::schema::orders;

use super::*;
use crate::helpers::factories::{self, UserSpec};
use crate::helpers::{spawn_app, TestApp};

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
    let paid = d.order(&app, OrderState::Paid).await;
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

/// What a refused action answers: `None` when the action is allowed (covered by the
/// journeys above), else the status. `state` is the order's status; disputes here are
/// open, with no offer, no return and no decision yet.
fn refusal(action: &str, state: &str, pickup: bool, who: &str) -> Option<u16> {
    use pasar::orders::state::Relation as Role;
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
    let d = deal(
        &app,
        Item {
            quantity: 20,
            ..Item::default()
        },
    )
    .await;
    factories::user(&app, UserSpec::new("stranger@example.com")).await;
    let mut admin = UserSpec::new("admin@example.com");
    admin.role = "admin";
    factories::user(&app, admin).await;
    // One order in every state (pickup ones where the delivery matters), each reached
    // the way its parties get there, so the books must balance at the end too.
    let mut orders_by_state = Vec::new();
    for state in [
        OrderState::Placed,
        OrderState::Paid,
        OrderState::PickupPaid,
        OrderState::Shipped,
        OrderState::PickedUp,
        OrderState::Disputed,
        OrderState::Completed,
        OrderState::Cancelled,
        OrderState::Refunded,
        OrderState::Expired,
    ] {
        let o = d.order(&app, state).await;
        let pickup = matches!(state, OrderState::PickupPaid | OrderState::PickedUp);
        orders_by_state.push((o, state.status(), pickup));
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
