//! Scam signals and new members' limits (issue 11, point 11): the sell and edit forms
//! warn before publishing contact details or "pay outside" requests, "publish anyway"
//! publishes and flags the listing for moderators, drafts go through the same warning,
//! and a new member publishes at most `PASAR_NEW_LISTINGS_PER_DAY` listings a day.

use diesel::prelude::*;

use crate::helpers::factories::{self, UserSpec};
use crate::helpers::*;
use crate::listings::{category_id, submit, Form};
use pasar::signals::for_moderation;

const PHONE_TEXT: &str = "Steel frame, 56 cm. Call me on 0812 3456 7890 for a better price.";

fn pending_tokens(page: &Page) -> Vec<String> {
    let re = regex::Regex::new(r#"name="photo" value="(p:[^"]+)""#).expect("re");
    re.captures_iter(&page.body)
        .map(|c| c[1].to_string())
        .collect()
}

/// The value of the form's "publish anyway" box.
fn anyway_value(page: &Page) -> String {
    let re = regex::Regex::new(r#"name="signals_ok" value="([0-9a-f]+)""#).expect("re");
    re.captures(&page.body).expect("a publish anyway box")[1].to_string()
}

/// The same form sent again the way a browser does: the photos it kept, and the box.
fn again(category: i32, page: &Page, description: &str, anyway: Option<String>) -> Form {
    let mut form = Form::valid(category).set("description", description);
    form.files.clear();
    for t in pending_tokens(page) {
        form.fields.push(("photo".into(), t));
    }
    if let Some(v) = anyway {
        form = form.set("signals_ok", &v);
    }
    form
}

async fn flags(app: &TestApp) -> Vec<for_moderation::OpenFlag> {
    app.db(|c| c.transaction(for_moderation::open_flags).expect("flags"))
        .await
}

async fn listings_of(app: &TestApp) -> i64 {
    app.count("SELECT count(*) AS n FROM listings").await
}

#[tokio::test]
async fn a_phone_number_brings_the_form_back_with_a_warning_input_and_photos_kept() {
    let app = spawn_app().await;
    factories::signed_in(&app, "seller@example.com").await;
    let bikes = category_id(&app, "bikes").await;
    let page = submit(
        &app,
        "/sell",
        Form::valid(bikes).set("description", PHONE_TEXT),
    )
    .await;
    page.assert_status(422)
        .assert_contains("Before you publish")
        .assert_contains("A phone number")
        .assert_contains("0812 3456 7890")
        .assert_contains("Buyer protection only covers payments made on Pasar")
        .assert_contains("Publish anyway")
        .assert_contains("Vintage road bike")
        .assert_contains("for a better price.");
    // Nothing saved, the two photos are waiting in the form.
    assert_eq!(listings_of(&app).await, 0);
    assert_eq!(pending_tokens(&page).len(), 2);
    assert!(flags(&app).await.is_empty());
    // Sent again without ticking the box: the same warning.
    let form = again(bikes, &page, PHONE_TEXT, None);
    let page = submit(&app, "/sell", form).await;
    page.assert_status(422).assert_contains("A phone number");
    assert_eq!(listings_of(&app).await, 0);
    // The phone number taken out: published, no flag.
    let form = again(bikes, &page, "Steel frame, 56 cm, new tyres.", None);
    let page = submit(&app, "/sell", form).await;
    page.assert_status(303);
    assert_eq!(listings_of(&app).await, 1);
    assert!(flags(&app).await.is_empty());
}

#[tokio::test]
async fn publishing_anyway_publishes_and_flags_the_listing_for_moderators() {
    let app = spawn_app().await;
    let seller = factories::signed_in(&app, "seller@example.com").await;
    let bikes = category_id(&app, "bikes").await;
    let text = "Pay by bank transfer only: GR16 0110 1250 0000 0001 2300 695";
    let page = submit(&app, "/sell", Form::valid(bikes).set("description", text)).await;
    page.assert_status(422)
        .assert_contains("A bank account number (IBAN)")
        .assert_contains("A request to pay or talk outside Pasar");
    let anyway = anyway_value(&page);
    let form = again(bikes, &page, text, Some(anyway));
    let page = submit(&app, "/sell", form).await;
    page.assert_status(303);
    let id: i64 = page
        .location
        .as_deref()
        .and_then(|l| l.strip_prefix("/listings/"))
        .and_then(|l| l.parse().ok())
        .expect("listing page");
    let status: String = app
        .db(move |c| {
            use pasar::db::schema::listings;
            listings::table
                .find(id)
                .select(listings::status)
                .first(c)
                .expect("listing")
        })
        .await;
    assert_eq!(status, "active");
    assert_eq!(
        app.count("SELECT count(*) AS n FROM listing_photos").await,
        2
    );
    let open = flags(&app).await;
    assert_eq!(open.len(), 1);
    let flag = &open[0];
    assert_eq!(flag.subject, pasar::signals::Subject::listing(id));
    assert_eq!(flag.author_id, seller);
    let kinds: Vec<&str> = flag.kinds().iter().map(|k| k.as_str()).collect();
    assert_eq!(kinds, ["off_site", "iban"]);
    assert!(flag
        .excerpt()
        .contains("iban: GR16 0110 1250 0000 0001 2300 695"));
    // The worker's upkeep files it in the moderators' queue as an automated notice
    // about the listing, once; then it is no longer open.
    let filed = app
        .db(|c| pasar::moderation::for_signals::file_open_flags(c).expect("filed"))
        .await;
    assert_eq!(filed, 1);
    assert!(flags(&app).await.is_empty());
    let again = app
        .db(|c| pasar::moderation::for_signals::file_open_flags(c).expect("filed"))
        .await;
    assert_eq!(again, 0);
    #[derive(diesel::QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let notices = app
        .db(move |c| {
            use diesel::RunQueryDsl;
            diesel::sql_query(
                "SELECT count(*) AS n FROM moderation_reports r \
                 JOIN moderation_cases c ON c.id = r.case_id \
                 WHERE r.automated AND r.reporter_id IS NULL AND r.reason = 'scam' \
                 AND c.target_kind = 'listing' AND c.target_id = $1 AND r.body LIKE '%GR16%'",
            )
            .bind::<diesel::sql_types::BigInt, _>(id)
            .get_result::<N>(c)
            .expect("notices")
            .n
        })
        .await;
    assert_eq!(notices, 1);
}

#[tokio::test]
async fn a_box_ticked_for_other_findings_does_not_publish_new_ones() {
    let app = spawn_app().await;
    factories::signed_in(&app, "seller@example.com").await;
    let bikes = category_id(&app, "bikes").await;
    let page = submit(
        &app,
        "/sell",
        Form::valid(bikes).set("description", PHONE_TEXT),
    )
    .await;
    let anyway = anyway_value(&page);
    // The seller adds an email address after seeing the warning about the phone.
    let changed = format!("{PHONE_TEXT} Or budi.santoso@gmail.com");
    let page = submit(&app, "/sell", again(bikes, &page, &changed, Some(anyway))).await;
    page.assert_status(422)
        .assert_contains("An email address")
        .assert_contains("budi.santoso@gmail.com");
    assert_eq!(listings_of(&app).await, 0);
    assert!(flags(&app).await.is_empty());
}

#[tokio::test]
async fn the_warning_speaks_the_sellers_language() {
    let app = spawn_app().await;
    let bikes = category_id(&app, "bikes").await;
    let cases = [
        (
            "id",
            "hubungi WA 0812-3456-7890",
            "Sebelum memasang",
            "Tetap pasang",
        ),
        (
            "el",
            "στείλε μου στο viber 6912345678",
            "Πριν τη δημοσίευση",
            "Δημοσίευση παρ",
        ),
        (
            "fr",
            "Virement direct uniquement, 06 12 34 56 78",
            "Avant de publier",
            "Publier quand même",
        ),
    ];
    for (lang, text, title, anyway) in cases {
        let email = format!("seller-{lang}@example.com");
        factories::user(
            &app,
            UserSpec {
                locale: lang,
                ..UserSpec::new(&email)
            },
        )
        .await;
        app.login(&email, PASSWORD).await.assert_status(303);
        let form = Form::valid(bikes).set("description", text);
        let page = submit(&app, "/sell", form).await;
        page.assert_status(422);
        let body = unescape(&page.body);
        assert!(body.contains(title), "{lang}: {title}");
        assert!(body.contains(anyway), "{lang}: {anyway}");
        assert!(
            !body.contains("Before you publish"),
            "{lang} page in English"
        );
        app.logout().await;
    }
}

#[tokio::test]
async fn a_draft_with_signals_is_published_through_the_warning() {
    let app = spawn_app().await;
    factories::signed_in(&app, "seller@example.com").await;
    let bikes = category_id(&app, "bikes").await;
    // Drafts are private: saved without a warning.
    let form = Form::valid(bikes)
        .set("description", "WhatsApp me on +44 7700 900123")
        .set("action", "draft");
    submit(&app, "/sell", form)
        .await
        .redirects_to("/me/listings?status=draft");
    let id = app.count("SELECT max(id) AS n FROM listings").await;
    // The status button does not publish it; it sends the seller to the warning.
    let page = app
        .post(&format!("/listings/{id}/status"), &[("to", "active")])
        .await;
    page.redirects_to(&format!("/listings/{id}/edit"));
    let status = app
        .count("SELECT count(*) AS n FROM listings WHERE status = 'draft'")
        .await;
    assert_eq!(status, 1);
    let edit = app.get(&format!("/listings/{id}/edit")).await;
    edit.assert_status(200)
        .assert_contains("contains contact details")
        .assert_contains("A messaging app contact");
    // Publishing from the form with the box ticked: live, flagged.
    let mut form = Form::valid(bikes).set("description", "WhatsApp me on +44 7700 900123");
    form.files.clear();
    let re = regex::Regex::new(r#"name="photo" value="(e:\d+)""#).expect("re");
    for c in re.captures_iter(&edit.body) {
        form.fields.push(("photo".into(), c[1].to_string()));
    }
    let form = form.set("signals_ok", &anyway_value(&edit));
    submit(&app, &format!("/listings/{id}/edit"), form)
        .await
        .redirects_to(&format!("/listings/{id}"));
    let live = app
        .count("SELECT count(*) AS n FROM listings WHERE status = 'active'")
        .await;
    assert_eq!(live, 1);
    assert_eq!(flags(&app).await.len(), 1);
}

#[tokio::test]
async fn editing_a_live_listing_is_warned_too() {
    let app = spawn_app().await;
    factories::signed_in(&app, "seller@example.com").await;
    let bikes = category_id(&app, "bikes").await;
    let page = submit(&app, "/sell", Form::valid(bikes)).await;
    let id = page.location.clone().expect("listing");
    let edit = app.get(&format!("{id}/edit")).await;
    edit.assert_status(200);
    assert!(
        !edit.contains("Publish anyway"),
        "a clean listing has no warning"
    );
    let mut form = Form::valid(bikes).set("description", "Paypal friends and family please");
    form.files.clear();
    let re = regex::Regex::new(r#"name="photo" value="(e:\d+)""#).expect("re");
    for c in re.captures_iter(&edit.body) {
        form.fields.push(("photo".into(), c[1].to_string()));
    }
    let warned = submit(&app, &format!("{id}/edit"), form).await;
    warned
        .assert_status(422)
        .assert_contains("A request to pay or talk outside Pasar");
    let changed = || async {
        app.count("SELECT count(*) AS n FROM listings WHERE description LIKE '%Paypal%'")
            .await
    };
    assert_eq!(changed().await, 0);
    // Confirmed, saved twice with the same text: one flag waits, not two.
    let anyway = anyway_value(&warned);
    for _ in 0..2 {
        let mut form = Form::valid(bikes)
            .set("description", "Paypal friends and family please")
            .set("signals_ok", &anyway);
        form.files.clear();
        for c in re.captures_iter(&edit.body) {
            form.fields.push(("photo".into(), c[1].to_string()));
        }
        submit(&app, &format!("{id}/edit"), form)
            .await
            .redirects_to(&id);
    }
    assert_eq!(changed().await, 1);
    let open = flags(&app).await;
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].excerpt(), "off_site: Paypal friends and family");
}

async fn limited_app() -> TestApp {
    spawn_app_with(Options {
        extra_env: vec![("PASAR_NEW_LISTINGS_PER_DAY", "2".into())],
        ..Options::default()
    })
    .await
}

#[tokio::test]
async fn a_new_member_publishes_at_most_the_daily_limit() {
    let app = limited_app().await;
    let seller = factories::signed_in(&app, "new@example.com").await;
    let bikes = category_id(&app, "bikes").await;
    for n in 0..2 {
        let form = Form::valid(bikes).set("title", &format!("Bike number {n}"));
        submit(&app, "/sell", form).await.assert_status(303);
    }
    let form = Form::valid(bikes).set("title", "The third bike");
    let page = submit(&app, "/sell", form).await;
    page.assert_status(422)
        .assert_contains(
            "During their first 7 days, new members can publish 2 listings in 24 hours",
        )
        .assert_contains("The third bike");
    assert_eq!(pending_tokens(&page).len(), 2, "photos kept");
    assert_eq!(listings_of(&app).await, 2);
    // A draft is still saved, and cannot be published by its button either.
    let form = again(bikes, &page, "Steel frame, 56 cm, new tyres.", None)
        .set("title", "The third bike")
        .set("action", "draft");
    submit(&app, "/sell", form)
        .await
        .redirects_to("/me/listings?status=draft");
    let draft = app.count("SELECT max(id) AS n FROM listings").await;
    app.post(&format!("/listings/{draft}/status"), &[("to", "active")])
        .await
        .assert_status(303);
    let drafts = app
        .count("SELECT count(*) AS n FROM listings WHERE status = 'draft'")
        .await;
    assert_eq!(drafts, 1);
    let page = app.get("/me/listings?status=draft").await;
    assert!(
        unescape(&page.body).contains("new members can publish 2 listings"),
        "the refusal is explained"
    );
    // Published more than a day ago, the first two no longer count.
    sql(
        &app,
        "UPDATE listings SET published_at = now() - interval '25 hours' WHERE status = 'active'",
    )
    .await;
    app.post(&format!("/listings/{draft}/status"), &[("to", "active")])
        .await
        .assert_status(303);
    let live = app
        .count("SELECT count(*) AS n FROM listings WHERE status = 'active'")
        .await;
    assert_eq!(live, 3);
    // A member older than PASAR_NEW_ACCOUNT_DAYS has no limit.
    sql(
        &app,
        &format!("UPDATE users SET created_at = now() - interval '8 days' WHERE id = {seller}"),
    )
    .await;
    for n in 0..3 {
        let form = Form::valid(bikes).set("title", &format!("Old hand bike {n}"));
        submit(&app, "/sell", form).await.assert_status(303);
    }
}

#[tokio::test]
async fn two_forms_at_once_cannot_both_take_the_last_place() {
    let app = limited_app().await;
    factories::signed_in(&app, "new@example.com").await;
    let bikes = category_id(&app, "bikes").await;
    submit(&app, "/sell", Form::valid(bikes))
        .await
        .assert_status(303);
    let (a, b) = tokio::join!(
        submit(
            &app,
            "/sell",
            Form::valid(bikes).set("title", "First racer")
        ),
        submit(
            &app,
            "/sell",
            Form::valid(bikes).set("title", "Second racer")
        ),
    );
    let mut statuses = [a.status.as_u16(), b.status.as_u16()];
    statuses.sort();
    assert_eq!(statuses, [303, 422]);
    assert_eq!(listings_of(&app).await, 2);
}

async fn sql(app: &TestApp, statement: &str) {
    let statement = statement.to_string();
    app.db(move |c| {
        diesel::sql_query(statement).execute(c).expect("sql");
    })
    .await;
}
