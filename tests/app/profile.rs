//! The public profile (issue 11): trust numbers equal a count by hand over orders made
//! by the order factory, small samples say so, the member's picture goes through the
//! photo pipeline (upload, replace, remove, refused files, account deletion), and what
//! members write is shown escaped.

use std::path::Path;
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use pasar::db::schema::{jobs, users};
use pasar::orders::for_profile::{self, Trust};
use pasar::orders::state::Initiator;

use crate::helpers::factories::{self, config, Parties, UserSpec};
use crate::helpers::{spawn_app, spawn_app_with, Options, Page, TestApp, PASSWORD};
use crate::listings::jpeg;
use crate::orders::{as_user, deal, Item, OrderState, BUYER, SELLER};

async fn sql(app: &TestApp, statements: String) {
    app.db(move |c| {
        c.batch_execute(&statements)
            .unwrap_or_else(|e| panic!("{statements}: {e}"))
    })
    .await;
}

async fn trust_of(app: &TestApp, user: i64) -> Trust {
    app.db(move |c| for_profile::trust(c, user).expect("trust"))
        .await
}

/// A completed dispute decided for the seller: an admin releases the money and the
/// appeal window passes.
async fn released_after_dispute(app: &TestApp, order: i64, admin: i64) {
    app.db(move |c| {
        let cfg = config();
        let by = Initiator::User {
            id: admin,
            admin: true,
        };
        pasar::orders::disputes::decide(c, &cfg, order, by, "release", 0, "As described.")
            .expect("decided");
        c.batch_execute(&format!(
            "UPDATE disputes SET final_at = now() - interval '1 second' WHERE order_id = {order}"
        ))
        .expect("appeal window over");
        pasar::orders::disputes::finalize_if_due(c, &cfg, order).expect("carried out");
    })
    .await;
}

/// The factory signs its parties in for every step: the login limit's window passes
/// (the one thing set by hand) so one test can make a dozen orders.
async fn fresh_login_window(app: &TestApp) {
    sql(app, "DELETE FROM rate_limits".into()).await;
}

async fn made(app: &TestApp, d: &crate::orders::Deal, state: OrderState) -> i64 {
    fresh_login_window(app).await;
    d.order(app, state).await
}

/// Every kind of order a seller's numbers look at, each made by the factory (and the
/// parties' own forms and the rules' timeouts), then the numbers against a hand count.
#[tokio::test]
async fn trust_numbers_equal_a_hand_count_of_the_orders() {
    let app = spawn_app().await;
    let d = deal(
        &app,
        Item {
            quantity: 30,
            ..Item::default()
        },
    )
    .await;
    let mut a = UserSpec::new("admin@example.com");
    a.role = "admin";
    let admin = factories::user(&app, a).await;
    use OrderState::*;
    // Sent on time: two completed, one open dispute, one refunded after a return, one
    // released to the seller after a dispute, one handed over at a pickup.
    let completed = [
        made(&app, &d, Completed).await,
        made(&app, &d, Completed).await,
    ];
    let disputed = made(&app, &d, Disputed).await;
    let refunded = made(&app, &d, Refunded).await;
    let released = made(&app, &d, Disputed).await;
    released_after_dispute(&app, released, admin).await;
    made(&app, &d, PickedUp).await;
    // Shipped after its ship-by date.
    let late = made(&app, &d, Shipped).await;
    sql(
        &app,
        format!("UPDATE orders SET ship_by = shipped_at - interval '1 hour' WHERE id = {late}"),
    )
    .await;
    // Cancelled by the buyer (not the seller's), by the seller, and by the timeout.
    made(&app, &d, Cancelled).await;
    let by_seller = made(&app, &d, Paid).await;
    as_user(&app, SELLER).await;
    app.post(
        &format!("/orders/{by_seller}/cancel"),
        &[("reason", "out_of_stock")],
    )
    .await
    .assert_status(303);
    let timed_out = made(&app, &d, Paid).await;
    sql(
        &app,
        format!("UPDATE orders SET ship_by = now() - interval '30 days' WHERE id = {timed_out}"),
    )
    .await;
    app.db(move |c| pasar::orders::state::cancel_if_late(c, &config(), timed_out))
        .await
        .expect("cancelled for lateness");
    // Left out: never paid, and paid more than 12 months ago.
    made(&app, &d, Expired).await;
    let old = made(&app, &d, Completed).await;
    sql(
        &app,
        format!("UPDATE orders SET paid_at = now() - interval '13 months' WHERE id = {old}"),
    )
    .await;
    // The seller's own purchase from the buyer: a purchase, not a sale.
    let buyer_id: i64 = app
        .db(|c| {
            users::table
                .filter(users::email.eq(BUYER))
                .select(users::id)
                .first(c)
                .expect("buyer")
        })
        .await;
    let lamp = factories::listing(&app, buyer_id, Item::default()).await;
    let reversed = Parties {
        buyer: SELLER,
        seller: BUYER,
    };
    fresh_login_window(&app).await;
    factories::order(&app, reversed, lamp, Completed).await;
    // Times to ship of the six parcels: 10, 20, ..., 60 hours (median 35).
    let parcels = [
        completed[0],
        completed[1],
        disputed,
        refunded,
        released,
        late,
    ];
    for (i, id) in parcels.iter().enumerate() {
        let hours = 10 * (i + 1);
        sql(
            &app,
            format!(
                "UPDATE orders SET paid_at = shipped_at - interval '{hours} hours' WHERE id = {id}"
            ),
        )
        .await;
    }

    let t = trust_of(&app, d.seller).await;
    assert_eq!(
        t,
        Trust {
            // 2 completed + 3 disputed + pickup + late + 3 cancelled.
            paid_sales: 10,
            // The two completed and the one released after its dispute.
            completed_sales: 3,
            completed_purchases: 1,
            // The seven sent and the one the timeout cancelled.
            due: 8,
            on_time: 6,
            shipped: 6,
            median_ship_secs: Some(35.0 * 3600.0),
            // The seller's and the timeout's (not the buyer's).
            seller_cancelled: 2,
            disputes: 3,
            disputes_for_buyer: 1,
            disputes_for_seller: 1,
        }
    );
    assert_eq!(t.disputes_open(), 1);
    assert_eq!(t.on_time_percent(), Some(75));
    // 2 of 10, rounded up: 20.
    assert_eq!(t.cancelled_percent(), Some(20));
    assert_eq!(t.median_ship_hours(), Some(35));
    // The buyer's side: three completed purchases in the window (the old one is out),
    // and one sale (the lamp).
    let b = trust_of(&app, buyer_id).await;
    assert_eq!((b.completed_purchases, b.completed_sales), (3, 1));

    // The page shows the same numbers, each with its sample (to a visitor in English).
    app.logout().await;
    let page = app.get(&format!("/u/{}", d.seller)).await;
    page.assert_status(200)
        .assert_contains("75 %")
        .assert_contains("from 8 orders due to be sent")
        .assert_contains("35 hours")
        .assert_contains("from 6 parcels shipped")
        .assert_contains("20 %")
        .assert_contains("from 10 paid orders")
        .assert_contains("1 settled for the buyer")
        .assert_contains("1 settled for the seller")
        .assert_contains("1 open")
        .assert_contains("3 completed sales")
        .assert_contains("1 completed purchase")
        .assert_contains("How these numbers are computed")
        .assert_contains("last 12 months");
    assert!(!page.contains("Not enough orders yet"), "{}", page.body);
}

/// A seller with two orders has no rates to show, only counts.
#[tokio::test]
async fn small_samples_say_not_enough_orders_yet() {
    let app = spawn_app().await;
    let d = deal(
        &app,
        Item {
            quantity: 5,
            ..Item::default()
        },
    )
    .await;
    let fresh = app.get(&format!("/u/{}", d.seller)).await;
    fresh.assert_status(200);
    assert_eq!(fresh.body.matches("Not enough orders yet").count(), 3);
    d.order(&app, OrderState::Completed).await;
    d.order(&app, OrderState::Completed).await;
    let t = trust_of(&app, d.seller).await;
    assert_eq!((t.paid_sales, t.due, t.on_time, t.shipped), (2, 2, 2, 2));
    assert_eq!(t.on_time_percent(), None);
    assert_eq!(t.cancelled_percent(), None);
    assert_eq!(t.median_ship_hours(), None);
    let page = app.get(&format!("/u/{}", d.seller)).await;
    page.assert_status(200)
        .assert_contains("2 completed sales")
        .assert_contains("from 2 orders due to be sent");
    assert_eq!(page.body.matches("Not enough orders yet").count(), 3);
    assert!(
        !page.contains("100 %") && !page.contains(">0 %"),
        "{}",
        page.body
    );
    // In Greek too.
    app.post("/lang", &[("lang", "el"), ("next", "/")])
        .await
        .assert_status(303);
    app.get(&format!("/u/{}", d.seller))
        .await
        .assert_contains("Δεν υπάρχουν ακόμη αρκετές παραγγελίες");
}

// ---- the member's picture ---------------------------------------------------------------

fn files_under(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| {
                    let p = e.path();
                    if p.is_dir() {
                        files_under(&p)
                    } else {
                        1
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}

/// Sends the settings' picture form with these files (name, bytes).
async fn upload(app: &TestApp, files: Vec<(&str, Vec<u8>)>) -> Page {
    let mut form = reqwest::multipart::Form::new().text("csrf_token", app.csrf().await);
    for (name, bytes) in files {
        let part = reqwest::multipart::Part::bytes(bytes)
            .file_name(name.to_string())
            .mime_str("image/jpeg")
            .expect("mime");
        form = form.part("avatar", part);
    }
    let resp = app
        .client
        .post(app.url("/me/settings/avatar"))
        .multipart(form)
        .send()
        .await
        .expect("post");
    TestApp::read(resp).await
}

async fn avatar_of(app: &TestApp, user: i64) -> Option<String> {
    app.db(move |c| {
        users::table
            .find(user)
            .select(users::avatar_key)
            .first(c)
            .expect("user")
    })
    .await
}

async fn media_status(app: &TestApp, key: &str) -> u16 {
    app.get(&format!("/media/{key}-320.jpg"))
        .await
        .status
        .as_u16()
}

#[tokio::test]
async fn a_picture_is_uploaded_replaced_removed_and_bad_files_are_refused() {
    let app = spawn_app().await;
    let d = deal(&app, Item::default()).await;
    as_user(&app, SELLER).await;
    // The deal's seller reads French; English first.
    app.post("/lang", &[("lang", "en"), ("next", "/")])
        .await
        .assert_status(303);
    let photos = app.data_dir.join("photos");

    // Refused files: the settings page again, with a translated message, nothing kept.
    let page = upload(&app, vec![("notes.jpg", b"not an image at all".to_vec())]).await;
    page.assert_status(422)
        .assert_contains("not a photo we can read")
        .assert_contains("aria-invalid=\"true\"")
        .assert_contains("id=\"avatar\"");
    upload(&app, vec![("tiny.jpg", jpeg(60, 60, 10))])
        .await
        .assert_status(422)
        .assert_contains("too small");
    upload(&app, vec![])
        .await
        .assert_status(422)
        .assert_contains("Choose a picture to upload.");
    upload(
        &app,
        vec![("a.jpg", jpeg(300, 300, 1)), ("b.jpg", jpeg(300, 300, 2))],
    )
    .await
    .assert_status(422)
    .assert_contains("Choose one picture only.");
    let huge = vec![0u8; pasar::listings::photos::MAX_BYTES + 1];
    upload(&app, vec![("huge.jpg", huge)])
        .await
        .assert_status(422)
        .assert_contains("larger than 15 MB");
    assert_eq!(avatar_of(&app, d.seller).await, None);
    assert_eq!(files_under(&photos), 0);

    // Uploaded: kept on the member, no longer a pending upload, shown where they appear.
    upload(&app, vec![("me.jpg", jpeg(400, 500, 30))])
        .await
        .redirects_to("/me/settings#avatar");
    let first = avatar_of(&app, d.seller).await.expect("a picture");
    assert_eq!(media_status(&app, &first).await, 200);
    assert_eq!(
        app.count("SELECT count(*) AS n FROM pending_uploads").await,
        0
    );
    let src = format!("/media/{first}-320.jpg");
    app.get("/me/settings")
        .await
        .assert_contains(&src)
        .assert_contains("Remove picture");
    app.get(&format!("/u/{}", d.seller))
        .await
        .assert_contains(&src);
    app.get(&format!("/listings/{}", d.listing))
        .await
        .assert_contains(&src);

    // A French member reads the refusal in French.
    app.post("/lang", &[("lang", "fr"), ("next", "/")])
        .await
        .assert_status(303);
    upload(&app, vec![("x.jpg", b"GIF89a nope".to_vec())])
        .await
        .assert_status(422)
        .assert_contains("pas une photo que nous savons lire")
        .assert_contains(&src);
    app.post("/lang", &[("lang", "en"), ("next", "/")])
        .await
        .assert_status(303);

    // Replaced: the old files go once the new one is saved.
    upload(&app, vec![("me2.jpg", jpeg(800, 800, 90))])
        .await
        .redirects_to("/me/settings#avatar");
    let second = avatar_of(&app, d.seller).await.expect("a picture");
    assert_ne!(second, first);
    assert_eq!(media_status(&app, &first).await, 404);
    assert_eq!(media_status(&app, &second).await, 200);

    // Removed: no picture, no files of it.
    app.post("/me/settings/avatar/remove", &[])
        .await
        .redirects_to("/me/settings#avatar");
    assert_eq!(avatar_of(&app, d.seller).await, None);
    assert_eq!(media_status(&app, &second).await, 404);
    // The deal's listing has no photos: no file of any picture is left.
    assert_eq!(files_under(&photos), 0);
    // Only a signed-in member has a picture to change.
    app.logout().await;
    let refused = app.post("/me/settings/avatar/remove", &[]).await;
    assert!(
        refused.status.is_redirection()
            && refused
                .location
                .as_deref()
                .is_some_and(|l| l.starts_with("/login")),
        "{} {:?}",
        refused.status,
        refused.location
    );
}

async fn no_grace() -> TestApp {
    spawn_app_with(Options {
        extra_env: vec![("PASAR_DELETION_GRACE_DAYS", "0".into())],
        ..Default::default()
    })
    .await
}

/// Requests the deletion of the signed-in account and waits for the purge job.
async fn delete_and_wait(app: &TestApp) {
    app.post("/me/settings/delete", &[("current_password", PASSWORD)])
        .await
        .redirects_to("/");
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let done = app
            .db(|c| {
                jobs::table
                    .filter(jobs::kind.eq("purge_account"))
                    .select((jobs::status, jobs::last_error))
                    .first::<(String, Option<String>)>(c)
                    .optional()
                    .expect("job")
            })
            .await;
        if done.as_ref().is_some_and(|(s, _)| s == "done") {
            return;
        }
        assert!(Instant::now() < deadline, "not purged: {done:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_deleted_members_picture_files_go_with_the_account() {
    let app = no_grace().await;
    let photos = app.data_dir.join("photos");
    let id = factories::signed_in(&app, "leaver@example.com").await;
    upload(&app, vec![("me.jpg", jpeg(400, 400, 5))])
        .await
        .assert_status(303);
    assert!(files_under(&photos) > 0);
    delete_and_wait(&app).await;
    assert_eq!(
        app.count("SELECT count(*) AS n FROM users WHERE email = 'leaver@example.com'")
            .await,
        0
    );
    assert_eq!(
        files_under(&photos),
        0,
        "picture files left after {id} went"
    );
}

/// A seller whose orders keep the account row (anonymised): the picture goes all the
/// same, the row and the files.
#[tokio::test]
async fn an_anonymised_members_picture_goes_too() {
    let app = no_grace().await;
    let d = deal(&app, Item::default()).await;
    d.order(&app, OrderState::Completed).await;
    as_user(&app, SELLER).await;
    upload(&app, vec![("me.jpg", jpeg(400, 400, 5))])
        .await
        .assert_status(303);
    let photos = app.data_dir.join("photos");
    assert!(files_under(&photos) > 0);
    delete_and_wait(&app).await;
    let left: (String, Option<String>) = app
        .db(move |c| {
            users::table
                .find(d.seller)
                .select((users::display_name, users::avatar_key))
                .first(c)
                .expect("the anonymised row")
        })
        .await;
    assert_eq!(left, ("—".to_string(), None));
    assert_eq!(files_under(&photos), 0, "picture files left");
}

#[tokio::test]
async fn the_profile_shows_what_members_wrote_escaped() {
    let app = spawn_app().await;
    let mut s = UserSpec::new("odd@example.com");
    s.name = "<script>alert(1)</script>".into();
    let id = factories::user(&app, s).await;
    sql(
        &app,
        format!(
            "UPDATE users SET bio = '<img src=x onerror=alert(2)>', \
             city = '\"><b>Lyon</b>' WHERE id = {id}"
        ),
    )
    .await;
    let page = app.get(&format!("/u/{id}")).await;
    page.assert_status(200);
    for raw in ["<script>alert(1)", "<img src=x", "<b>Lyon"] {
        assert!(!page.body.contains(raw), "{raw} unescaped: {}", page.body);
    }
    assert!(
        page.body.contains("&lt;script&gt;") || page.body.contains("&#60;script&#62;"),
        "{}",
        page.body
    );
    // A member being deleted has no profile any more.
    sql(
        &app,
        format!("UPDATE users SET deletion_requested_at = now() WHERE id = {id}"),
    )
    .await;
    app.get(&format!("/u/{id}")).await.assert_status(404);
}
