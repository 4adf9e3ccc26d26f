//! Times on the reader's clock (issue 8): members choose a time zone, sign-up takes the
//! browser's or guesses one from the language, visitors get the `tz` cookie's zone, and
//! pages and emails (also those built by jobs) show times in that zone with its
//! abbreviation. And message arguments keep their type: a tracking number stays text.

use std::time::{Duration, Instant};

use chrono::TimeZone;
use diesel::prelude::*;
use pasar::db::schema::{orders, users};

use crate::helpers::factories::{self, UserSpec};
use crate::helpers::{spawn_app, TestApp};
use crate::orders::{as_user, deal, run_jobs_now, Item, OrderState, BUYER, SELLER};

const STRONG: &str = "violet kettle harbour 42";

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> chrono::DateTime<chrono::Utc> {
    chrono::Utc
        .with_ymd_and_hms(y, mo, d, h, mi, 0)
        .single()
        .expect("a valid time")
}

/// Saves the signed-in member's profile with this zone (and the rest unchanged).
async fn choose_zone(app: &TestApp, name: &str, locale: &str, zone: &str) -> crate::helpers::Page {
    app.post(
        "/me/settings/profile",
        &[
            ("display_name", name),
            ("bio", ""),
            ("city", ""),
            ("country", ""),
            ("locale", locale),
            ("time_zone", zone),
        ],
    )
    .await
}

/// The zone the settings page shows as chosen.
async fn chosen_zone(app: &TestApp) -> String {
    let page = app.get("/me/settings").await;
    page.assert_status(200);
    let select = page
        .body
        .split("<select id=\"time_zone\"")
        .nth(1)
        .and_then(|s| s.split("</select>").next())
        .expect("settings has a time zone list")
        .to_string();
    let re = regex::Regex::new(r#"<option value="([^"]+)" selected>"#).expect("regex");
    re.captures(&select)
        .map(|c| c[1].to_string())
        .expect("a zone is selected")
}

/// A shipped order from the seller to the buyer (signed in as the buyer afterwards).
async fn shipped_order(app: &TestApp, tracking: &str) -> i64 {
    let d = deal(app, Item::default()).await;
    let order = d.order(app, OrderState::Paid).await;
    as_user(app, SELLER).await;
    app.post(
        &format!("/orders/{order}/ship"),
        &[("carrier", "ELTA"), ("tracking", tracking)],
    )
    .await
    .assert_status(303);
    as_user(app, BUYER).await;
    order
}

#[tokio::test]
async fn a_tracking_number_keeps_its_leading_zeros() {
    let app = spawn_app().await;
    let order = shipped_order(&app, "00123").await;
    let page = app.get(&format!("/orders/{order}")).await;
    page.assert_status(200);
    page.assert_contains("Shipped with ELTA, tracking number 00123.");
}

#[tokio::test]
async fn order_pages_show_times_in_the_members_zone() {
    let app = spawn_app().await;
    let order = shipped_order(&app, "LP1").await;
    choose_zone(&app, "Bea Buyer", "en", "Europe/Athens")
        .await
        .assert_status(303);
    app.db(move |c| {
        diesel::update(orders::table.find(order))
            .set(orders::created_at.eq(utc(2026, 11, 23, 17, 13)))
            .execute(c)
            .expect("placed at a known time")
    })
    .await;
    let page = app.get(&format!("/orders/{order}")).await;
    page.assert_status(200);
    page.assert_contains("Ordered November 23, 2026 7:13 PM EET");
    assert!(!page.contains("5:13 PM UTC"), "{}", page.body);

    // In Jakarta the same instant is the next morning... and UTC is a choice too.
    choose_zone(&app, "Bea Buyer", "en", "Asia/Jakarta")
        .await
        .assert_status(303);
    app.get(&format!("/orders/{order}"))
        .await
        .assert_contains("Ordered November 24, 2026 12:13 AM WIB");
    choose_zone(&app, "Bea Buyer", "en", "UTC")
        .await
        .assert_status(303);
    app.get(&format!("/orders/{order}"))
        .await
        .assert_contains("Ordered November 23, 2026 5:13 PM UTC");
}

#[tokio::test]
async fn emails_built_by_jobs_use_the_recipients_zone() {
    let app = spawn_app().await;
    let order = shipped_order(&app, "LP2").await;
    // The buyer writes Greek and lives in Athens; the seller (French) is not involved.
    choose_zone(&app, "Bea Buyer", "el", "Europe/Athens")
        .await
        .assert_status(303);
    app.db(move |c| {
        diesel::update(orders::table.find(order))
            .set(orders::confirm_by.eq(utc(2026, 12, 10, 17, 13)))
            .execute(c)
            .expect("confirm by a known time")
    })
    .await;
    run_jobs_now(&app, "order_remind").await;
    let deadline = Instant::now() + Duration::from_secs(30);
    while !app
        .outbox()
        .await
        .iter()
        .any(|(to, kind, ..)| to == BUYER && kind == "order_confirm_reminder")
    {
        assert!(Instant::now() < deadline, "no reminder was queued");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let text = app.outbox_text(BUYER, "order_confirm_reminder").await;
    assert!(text.contains("19:13 EET"), "{text}");
    assert!(!text.contains("17:13"), "{text}");
}

#[tokio::test]
async fn settings_refuse_an_unknown_zone_and_keep_the_form() {
    let app = spawn_app().await;
    let mut spec = UserSpec::new("camille@example.com");
    spec.locale = "fr";
    factories::user(&app, spec).await;
    app.login("camille@example.com", crate::helpers::PASSWORD)
        .await
        .assert_status(303);
    choose_zone(&app, "Camille", "fr", "Europe/Paris")
        .await
        .assert_status(303);
    assert_eq!(chosen_zone(&app).await, "Europe/Paris");

    let page = choose_zone(&app, "Camille Nouveau", "fr", "Mars/Olympus_Mons").await;
    page.assert_status(422);
    page.assert_contains("Choisissez un fuseau horaire dans la liste.");
    page.assert_contains("value=\"Camille Nouveau\"");
    page.assert_contains("<option value=\"Mars/Olympus_Mons\" selected>");
    assert_eq!(chosen_zone(&app).await, "Europe/Paris");

    choose_zone(&app, "Camille Nouveau", "fr", "America/Montreal")
        .await
        .assert_status(303);
    assert_eq!(chosen_zone(&app).await, "America/Montreal");
}

/// Signs up on a fresh browser with this language and hidden zone field; returns the
/// zone the new member got.
async fn signup_zone(app: &TestApp, email: &str, lang: &str, browser_zone: &str) -> String {
    let client = app.new_browser();
    let home = client
        .get(app.url("/"))
        .header("accept-language", lang)
        .send()
        .await
        .expect("home");
    let token = crate::helpers::csrf_of(&home.text().await.expect("body")).expect("csrf");
    let resp = client
        .post(app.url("/signup"))
        .header("accept-language", lang)
        .form(&[
            ("csrf_token", token.as_str()),
            ("display_name", "New Member"),
            ("email", email),
            ("password", STRONG),
            ("time_zone", browser_zone),
        ])
        .send()
        .await
        .expect("signup");
    assert_eq!(resp.status().as_u16(), 303, "sign-up went through");
    let email = email.to_string();
    app.db(move |c| {
        users::table
            .filter(users::email.eq(email))
            .select(users::time_zone)
            .first::<String>(c)
            .expect("user")
    })
    .await
}

#[tokio::test]
async fn sign_up_takes_the_browsers_zone_or_guesses_from_the_language() {
    let app = spawn_app().await;
    assert_eq!(
        signup_zone(&app, "tokyo@example.com", "en", "Asia/Tokyo").await,
        "Asia/Tokyo"
    );
    // No script ran: the language decides.
    assert_eq!(
        signup_zone(&app, "athens@example.com", "el", "").await,
        "Europe/Athens"
    );
    assert_eq!(
        signup_zone(&app, "jakarta@example.com", "id-ID", "").await,
        "Asia/Jakarta"
    );
    assert_eq!(
        signup_zone(&app, "boston@example.com", "en-US", "").await,
        "UTC"
    );
    // The language tag's country, when it has one zone, beats the language.
    assert_eq!(
        signup_zone(&app, "london@example.com", "en-GB", "").await,
        "Europe/London"
    );
    assert_eq!(
        signup_zone(&app, "brussels@example.com", "fr-BE,fr;q=0.9", "").await,
        "Europe/Brussels"
    );
    // A value that is no zone is ignored, not an error for a field nobody sees.
    assert_eq!(
        signup_zone(&app, "paris@example.com", "fr", "Paris, je crois").await,
        "Europe/Paris"
    );
}

#[tokio::test]
async fn visitors_see_dates_in_their_browsers_zone() {
    let app = spawn_app().await;
    let seller = factories::user(&app, UserSpec::new("late@example.com")).await;
    app.db(move |c| {
        diesel::update(users::table.find(seller))
            .set(users::created_at.eq(utc(2026, 11, 23, 20, 30)))
            .execute(c)
            .expect("joined late in the evening, UTC")
    })
    .await;
    let visit = |cookie: Option<&'static str>, lang: &'static str| {
        let client = app.new_browser();
        let url = app.url(&format!("/u/{seller}"));
        async move {
            let mut req = client.get(url).header("accept-language", lang);
            if let Some(c) = cookie {
                req = req.header("cookie", c);
            }
            let resp = req.send().await.expect("profile");
            assert_eq!(resp.status().as_u16(), 200);
            resp.text().await.expect("body")
        }
    };
    // The script's cookie says Jakarta, where it is already the next day.
    let body = visit(Some("tz=Asia/Jakarta"), "en").await;
    assert!(body.contains("November 24, 2026"), "{body}");
    // No cookie: English gets UTC, Indonesian gets Jakarta.
    let body = visit(None, "en").await;
    assert!(body.contains("November 23, 2026"), "{body}");
    let body = visit(None, "id").await;
    assert!(body.contains("24 November 2026"), "{body}");
    // A cookie that is no zone is ignored.
    let body = visit(Some("tz=Nowhere/Else"), "en").await;
    assert!(body.contains("November 23, 2026"), "{body}");
}

#[tokio::test]
async fn the_zone_script_is_served() {
    let app = spawn_app().await;
    let home = app.get("/").await;
    let re = regex::Regex::new(r#"src="(/static/[0-9a-f]+/tz\.js)""#).expect("regex");
    let src = re
        .captures(&home.body)
        .map(|c| c[1].to_string())
        .expect("the layout loads tz.js");
    let script = app.get(&src).await;
    script.assert_status(200);
    script.assert_contains("resolvedOptions().timeZone");
    script.assert_contains("data-browser-zone");
}
