//! Reports, moderation decisions, statements of reasons, appeals and sanctions (issue
//! 11): the authorization matrix of every action, mail in each recipient's language,
//! the appeal rules (another moderator, once, within six months), the audit row of every
//! action, and a suspended seller whose paid order still completes.

use diesel::prelude::*;

use crate::helpers::factories::{
    listing, order, user, ListingSpec, ListingStatus, OrderState, Parties, UserSpec,
};
use crate::helpers::order_factory::confirm;
use crate::helpers::{csrf_of, spawn_app, Page, TestApp, PASSWORD};

const SELLER: &str = "seller@example.com";
const BUYER: &str = "buyer@example.com";
const REPORTER: &str = "reporter@example.com";
const MOD1: &str = "mod1@example.com";
const MOD2: &str = "mod2@example.com";
const ADMIN: &str = "admin@example.com";

struct World {
    seller: i64,
    listing: i64,
}

/// A French seller with a listing, a Greek reporter, a buyer, two moderators and an
/// admin.
async fn world(app: &TestApp) -> World {
    let mut spec = UserSpec::new(SELLER);
    spec.locale = "fr";
    let seller = user(app, spec).await;
    let mut spec = UserSpec::new(REPORTER);
    spec.locale = "el";
    user(app, spec).await;
    user(app, UserSpec::new(BUYER)).await;
    for (email, role) in [(MOD1, "moderator"), (MOD2, "moderator"), (ADMIN, "admin")] {
        let mut spec = UserSpec::new(email);
        spec.role = role;
        user(app, spec).await;
    }
    let listing = listing(app, seller, ListingSpec::default()).await;
    World { seller, listing }
}

/// A form sent with the token of a page the member can reach (a suspended member's
/// home page redirects, so the token comes from the rules page).
async fn send(app: &TestApp, path: &str, fields: &[(&str, &str)]) -> Page {
    let page = app.get("/rules").await;
    let token = csrf_of(&page.body).expect("token on /rules");
    let mut all = vec![("csrf_token", token.as_str())];
    all.extend_from_slice(fields);
    app.post_raw(path, &all).await
}

async fn sign_in(app: &TestApp, email: &str) {
    send(app, "/logout", &[]).await;
    app.login(email, PASSWORD).await.assert_status(303);
}

async fn sign_out(app: &TestApp) {
    send(app, "/logout", &[]).await;
}

async fn report_listing(app: &TestApp, listing: i64, body: &str) -> Page {
    send(
        app,
        &format!("/report/listing/{listing}"),
        &[("reason", "scam"), ("body", body)],
    )
    .await
}

async fn open_case(app: &TestApp) -> i64 {
    app.db(|c| {
        use pasar::db::schema::moderation_cases as k;
        k::table
            .filter(k::status.eq("open"))
            .order(k::id.desc())
            .select(k::id)
            .first(c)
            .expect("an open case")
    })
    .await
}

async fn decide(app: &TestApp, case: i64, fields: &[(&str, &str)]) -> Page {
    send(app, &format!("/admin/reports/{case}/decide"), fields).await
}

async fn newest_decision(app: &TestApp) -> i64 {
    app.db(|c| {
        use pasar::db::schema::moderation_decisions as d;
        d::table
            .order(d::id.desc())
            .select(d::id)
            .first(c)
            .expect("a decision")
    })
    .await
}

async fn listing_status(app: &TestApp, id: i64) -> String {
    app.db(move |c| {
        use pasar::db::schema::listings as l;
        l::table
            .find(id)
            .select(l::status)
            .first(c)
            .expect("listing")
    })
    .await
}

async fn audit_actions(app: &TestApp) -> Vec<String> {
    app.db(|c| {
        use pasar::db::schema::audit_log as a;
        a::table
            .order(a::id)
            .select(a::action)
            .load(c)
            .expect("audit")
    })
    .await
}

/// Subject and locale of each outbox email of `kind` to `to`.
async fn mails(app: &TestApp, to: &str, kind: &str) -> Vec<(String, String)> {
    app.outbox()
        .await
        .into_iter()
        .filter(|m| m.0 == to && m.1 == kind)
        .map(|m| (m.2, m.3))
        .collect()
}

fn t(locale: &str, key: &str) -> String {
    pasar::i18n::Locale::parse(locale).expect("locale").t(key)
}

#[tokio::test]
async fn reports_on_one_listing_make_one_case_and_each_reporter_is_mailed() {
    let app = spawn_app().await;
    let w = world(&app).await;
    // Anonymous: sent to sign in, for the form and for the post.
    let page = app.get(&format!("/report/listing/{}", w.listing)).await;
    assert!(page.location.as_deref().unwrap_or("").starts_with("/login"));
    let page = report_listing(&app, w.listing, "anonymous").await;
    assert!(page.location.as_deref().unwrap_or("").starts_with("/login"));
    assert_eq!(
        app.count("SELECT count(*) AS n FROM moderation_reports")
            .await,
        0
    );

    sign_in(&app, REPORTER).await;
    app.get(&format!("/listings/{}", w.listing))
        .await
        .assert_contains(&format!("/report/listing/{}", w.listing));
    app.get(&format!("/report/listing/{}", w.listing))
        .await
        .assert_status(200);
    // No reason, no text: the form again, with the text kept.
    let page = send(
        &app,
        &format!("/report/listing/{}", w.listing),
        &[("body", "kept <b>text</b>")],
    )
    .await;
    page.assert_status(422);
    page.assert_contains(&t("el", "mod-reason-required"));
    assert!(
        page.body.contains("kept &lt;b&gt;text&lt;/b&gt;")
            || page.body.contains("kept &#60;b&#62;")
    );
    report_listing(&app, w.listing, "Asks to pay by bank transfer.")
        .await
        .redirects_to(&format!("/listings/{}", w.listing));
    sign_in(&app, BUYER).await;
    report_listing(&app, w.listing, "Same here.")
        .await
        .assert_status(303);
    send(
        &app,
        &format!("/report/member/{}", w.seller),
        &[("reason", "harassment"), ("body", "Rude messages.")],
    )
    .await
    .assert_status(303);
    // The seller cannot report their own listing (no link, and the form is not there).
    sign_in(&app, SELLER).await;
    let own = app.get(&format!("/listings/{}", w.listing)).await;
    assert!(!own.contains("/report/listing/"));
    report_listing(&app, w.listing, "me")
        .await
        .assert_status(404);

    assert_eq!(
        app.count("SELECT count(*) AS n FROM moderation_cases WHERE status = 'open'")
            .await,
        2,
        "one case for the listing, one for the member"
    );
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM moderation_reports r JOIN moderation_cases c \
             ON c.id = r.case_id WHERE c.target_kind = 'listing'"
        )
        .await,
        2
    );
    let greek = mails(&app, REPORTER, "moderation_report_received").await;
    assert_eq!(
        greek,
        [("el".to_string(), t("el", "mod-email-received-subject"))]
    );
    assert_eq!(
        mails(&app, BUYER, "moderation_report_received").await.len(),
        2
    );
}

#[tokio::test]
async fn reports_are_rate_limited_per_member() {
    let app = spawn_app().await;
    let w = world(&app).await;
    sign_in(&app, REPORTER).await;
    for _ in 0..10 {
        report_listing(&app, w.listing, "again")
            .await
            .assert_status(303);
    }
    report_listing(&app, w.listing, "one too many")
        .await
        .assert_status(429);
    assert_eq!(
        app.count("SELECT count(*) AS n FROM moderation_reports")
            .await,
        10
    );
}

/// Who may open and act on the queue, a case and an appeal.
#[tokio::test]
async fn authorization_matrix_of_the_queue_decisions_and_appeals() {
    let app = spawn_app().await;
    let w = world(&app).await;
    sign_in(&app, REPORTER).await;
    report_listing(&app, w.listing, "Fake.")
        .await
        .assert_status(303);
    let case = open_case(&app).await;
    let hide = [
        ("action", "hide_listing"),
        ("rule", "2"),
        ("facts", "Replica sold as original."),
    ];
    let queue = "/admin/reports".to_string();
    let case_page = format!("/admin/reports/{case}");
    // Anonymous: to the login page; members (the reporter, the affected seller): 404.
    sign_out(&app).await;
    for path in [&queue, &case_page] {
        let page = app.get(path).await;
        assert!(
            page.location.as_deref().unwrap_or("").starts_with("/login"),
            "{path}"
        );
    }
    assert!(decide(&app, case, &hide)
        .await
        .location
        .unwrap_or_default()
        .starts_with("/login"));
    for member in [REPORTER, SELLER, BUYER] {
        sign_in(&app, member).await;
        app.get(&queue).await.assert_status(404);
        app.get(&case_page).await.assert_status(404);
        decide(&app, case, &hide).await.assert_status(404);
    }
    assert_eq!(listing_status(&app, w.listing).await, "active");
    // A moderator and an admin see both; the moderator decides.
    sign_in(&app, ADMIN).await;
    app.get(&queue)
        .await
        .assert_status(200)
        .assert_contains(&format!("#{case}"));
    sign_in(&app, MOD1).await;
    app.get(&case_page)
        .await
        .assert_status(200)
        .assert_contains("Vintage camera")
        .assert_contains("Fake.");
    // The rule and the facts are required.
    let page = decide(&app, case, &[("action", "hide_listing")]).await;
    page.assert_status(422);
    page.assert_contains(&t("en", "mod-rule-required"));
    page.assert_contains(&t("en", "mod-facts-required"));
    decide(&app, case, &hide)
        .await
        .redirects_to("/admin/reports");
    // Twice: the case is closed.
    decide(&app, case, &hide).await.assert_status(422);
    let decision = newest_decision(&app).await;
    let mine = format!("/me/decisions/{decision}");
    let appeal = format!("/me/decisions/{decision}/appeal");
    // The statement: the affected member and moderators read it; others get 404; only
    // the affected member appeals.
    for other in [REPORTER, BUYER] {
        sign_in(&app, other).await;
        app.get(&mine).await.assert_status(404);
        send(&app, &appeal, &[("body", "not mine")])
            .await
            .assert_status(404);
    }
    sign_out(&app).await;
    assert!(app
        .get(&mine)
        .await
        .location
        .unwrap_or_default()
        .starts_with("/login"));
    sign_in(&app, MOD2).await;
    app.get(&mine).await.assert_status(200);
    send(&app, &appeal, &[("body", "as a moderator")])
        .await
        .assert_status(404);
    sign_in(&app, SELLER).await;
    app.get(&mine).await.assert_status(200);
    send(
        &app,
        &appeal,
        &[("body", "It is genuine, here is the receipt.")],
    )
    .await
    .redirects_to(&mine);
    let appeal_id: i64 = app
        .db(|c| {
            use pasar::db::schema::moderation_appeals as a;
            a::table.select(a::id).first(c).expect("appeal")
        })
        .await;
    let appeal_page = format!("/admin/appeals/{appeal_id}");
    let uphold = [
        ("outcome", "uphold"),
        ("note", "The photos show a replica."),
    ];
    let decide_appeal = format!("/admin/appeals/{appeal_id}/decide");
    for member in [SELLER, REPORTER] {
        sign_in(&app, member).await;
        app.get(&appeal_page).await.assert_status(404);
        send(&app, &decide_appeal, &uphold).await.assert_status(404);
    }
    // The moderator who decided cannot decide the appeal.
    sign_in(&app, MOD1).await;
    app.get(&appeal_page)
        .await
        .assert_status(200)
        .assert_contains(&t("en", "mod-appeal-own-lead"));
    send(&app, &decide_appeal, &uphold).await.assert_status(403);
    // An admin who did not decide can.
    sign_in(&app, ADMIN).await;
    send(&app, &decide_appeal, &uphold)
        .await
        .redirects_to("/admin/reports");
    send(&app, &decide_appeal, &uphold).await.assert_status(422);
    assert_eq!(listing_status(&app, w.listing).await, "hidden");
    assert_eq!(
        audit_actions(&app).await,
        ["moderation.hide_listing", "moderation.appeal.uphold"]
    );
}

/// A hidden listing, its statement of reasons in French, the Greek reporter's notice,
/// the appeal decided by another moderator, the listing back, and the audit rows.
#[tokio::test]
async fn hide_statement_appeal_and_reversal_in_each_language() {
    let app = spawn_app().await;
    let w = world(&app).await;
    sign_in(&app, REPORTER).await;
    report_listing(&app, w.listing, "Counterfeit.")
        .await
        .assert_status(303);
    let case = open_case(&app).await;
    sign_in(&app, MOD1).await;
    decide(
        &app,
        case,
        &[
            ("action", "hide_listing"),
            ("rule", "2"),
            ("facts", "Logo <b>misprinted</b>."),
            ("automated", "yes"),
        ],
    )
    .await
    .assert_status(303);
    assert_eq!(listing_status(&app, w.listing).await, "hidden");
    sign_out(&app).await;
    app.get(&format!("/listings/{}", w.listing))
        .await
        .assert_status(404);
    let search = app.get("/search?q=camera").await;
    assert!(!search.contains(&format!("/listings/{}\"", w.listing)));
    // The seller sees it, marked hidden by moderation, and cannot relist it.
    sign_in(&app, SELLER).await;
    app.get(&format!("/listings/{}", w.listing))
        .await
        .assert_status(200)
        .assert_contains(&t("fr", "listing-status-hidden"));
    send(
        &app,
        &format!("/listings/{}/status", w.listing),
        &[("to", "active")],
    )
    .await
    .assert_status(409);
    // The statement of reasons, in French, and on the account.
    let statement = mails(&app, SELLER, "moderation_statement").await;
    assert_eq!(
        statement,
        [("fr".to_string(), t("fr", "mod-email-statement-subject"))]
    );
    let text = app.outbox_text(SELLER, "moderation_statement").await;
    for needle in [
        t("fr", "mod-statement-hide_listing"),
        "Règle 2 — Contrefaçons".to_string(),
        "Logo <b>misprinted</b>.".to_string(),
        t("fr", "mod-yes"),
    ] {
        assert!(text.contains(&needle), "{needle:?} in\n{text}");
    }
    let decision = newest_decision(&app).await;
    assert!(text.contains(&format!("/me/decisions/{decision}")));
    let html: String = app
        .db(|c| {
            use pasar::db::schema::outbound_emails as o;
            o::table
                .filter(o::kind.eq("moderation_statement"))
                .select(o::body_html)
                .first(c)
                .expect("html")
        })
        .await;
    assert!(
        !html.contains("<b>misprinted"),
        "facts escaped in the HTML part"
    );
    let reporter = mails(&app, REPORTER, "moderation_report_decided").await;
    assert_eq!(
        reporter,
        [("el".to_string(), t("el", "mod-email-decided-subject"))]
    );
    app.get("/me/decisions")
        .await
        .assert_status(200)
        .assert_contains(&t("fr", "mod-action-hide_listing"));
    let page = app.get(&format!("/me/decisions/{decision}")).await;
    page.assert_status(200);
    page.assert_contains("Logo <b>misprinted</b>.");
    assert!(!page.body.contains("<b>misprinted"), "escaped on the page");
    // The appeal: text required, then sent.
    let appeal = format!("/me/decisions/{decision}/appeal");
    send(&app, &appeal, &[("body", " ")])
        .await
        .assert_status(422);
    send(
        &app,
        &appeal,
        &[("body", "C'est un vrai, voici la facture.")],
    )
    .await
    .assert_status(303);
    let appeal_id: i64 = app
        .db(|c| {
            use pasar::db::schema::moderation_appeals as a;
            a::table.select(a::id).first(c).expect("appeal")
        })
        .await;
    sign_in(&app, MOD2).await;
    app.get("/admin/reports")
        .await
        .assert_contains(&format!("/admin/appeals/{appeal_id}"));
    send(
        &app,
        &format!("/admin/appeals/{appeal_id}/decide"),
        &[("outcome", "reverse"), ("note", "The invoice is genuine.")],
    )
    .await
    .assert_status(303);
    assert_eq!(listing_status(&app, w.listing).await, "active");
    sign_out(&app).await;
    app.get(&format!("/listings/{}", w.listing))
        .await
        .assert_status(200);
    assert_eq!(
        mails(&app, SELLER, "moderation_appeal_decided").await,
        [("fr".to_string(), t("fr", "mod-email-appeal-subject"))]
    );
    assert_eq!(
        mails(&app, REPORTER, "moderation_appeal_reporter").await,
        [(
            "el".to_string(),
            t("el", "mod-email-appeal-reporter-subject")
        )]
    );
    assert_eq!(
        audit_actions(&app).await,
        ["moderation.hide_listing", "moderation.appeal.reverse"]
    );
    let (before, after): (serde_json::Value, serde_json::Value) = app
        .db(|c| {
            use pasar::db::schema::audit_log as a;
            a::table
                .order(a::id)
                .select((a::before, a::after))
                .first(c)
                .expect("row")
        })
        .await;
    assert_eq!(before["listing_status"], "active");
    assert_eq!(after["listing_status"], "hidden");
    assert_eq!(after["rule"], 2);
    assert_eq!(after["automated"], true);
}

#[tokio::test]
async fn an_appeal_is_once_only_and_within_six_months() {
    let app = spawn_app().await;
    let w = world(&app).await;
    sign_in(&app, REPORTER).await;
    send(
        &app,
        &format!("/report/member/{}", w.seller),
        &[("reason", "harassment"), ("body", "Insults.")],
    )
    .await
    .assert_status(303);
    let case = open_case(&app).await;
    sign_in(&app, MOD1).await;
    decide(
        &app,
        case,
        &[
            ("action", "warn"),
            ("rule", "5"),
            ("facts", "Insults in messages."),
        ],
    )
    .await
    .assert_status(303);
    let warned = newest_decision(&app).await;
    sign_in(&app, SELLER).await;
    let appeal = format!("/me/decisions/{warned}/appeal");
    send(&app, &appeal, &[("body", "Sorry.")])
        .await
        .assert_status(303);
    let again = send(&app, &appeal, &[("body", "Again.")]).await;
    again.assert_status(422);
    again.assert_contains(&t("fr", "mod-error-appealed"));
    assert_eq!(
        app.count("SELECT count(*) AS n FROM moderation_appeals")
            .await,
        1
    );

    // A second decision, six months and a day old (time passing, set by hand).
    sign_in(&app, REPORTER).await;
    send(
        &app,
        &format!("/report/member/{}", w.seller),
        &[("reason", "harassment"), ("body", "Again.")],
    )
    .await
    .assert_status(303);
    let case = open_case(&app).await;
    sign_in(&app, MOD1).await;
    decide(
        &app,
        case,
        &[
            ("action", "warn"),
            ("rule", "5"),
            ("facts", "More insults."),
        ],
    )
    .await
    .assert_status(303);
    let old = newest_decision(&app).await;
    app.db(move |c| {
        use pasar::db::schema::moderation_decisions as d;
        diesel::update(d::table.find(old))
            .set((
                d::created_at.eq(chrono::Utc::now() - chrono::Duration::days(184)),
                d::appeal_by.eq(chrono::Utc::now() - chrono::Duration::days(1)),
            ))
            .execute(c)
            .expect("older");
    })
    .await;
    sign_in(&app, SELLER).await;
    let page = app.get(&format!("/me/decisions/{old}")).await;
    page.assert_contains(&t("fr", "mod-appeal-closed"));
    let late = send(
        &app,
        &format!("/me/decisions/{old}/appeal"),
        &[("body", "Late.")],
    )
    .await;
    late.assert_status(422);
    late.assert_contains(&t("fr", "mod-error-appeal-late"));
    assert_eq!(
        app.count("SELECT count(*) AS n FROM moderation_appeals")
            .await,
        1
    );
}

/// A suspended seller: their paid order still ships and completes, they can read
/// their decision and appeal, every other page sends them there, their listings are
/// hidden, and they can neither list nor buy.
#[tokio::test]
async fn a_suspended_sellers_open_order_completes_and_nothing_new_starts() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let other_seller = user(&app, UserSpec::new("other@example.com")).await;
    let elsewhere = listing(&app, other_seller, ListingSpec::default()).await;
    let who = Parties {
        buyer: BUYER,
        seller: SELLER,
    };
    let second = listing(&app, w.seller, ListingSpec::default()).await;
    let paid = order(&app, who, w.listing, OrderState::Paid).await;
    sign_in(&app, REPORTER).await;
    report_listing(&app, second, "Scam.")
        .await
        .assert_status(303);
    let case = open_case(&app).await;
    sign_in(&app, MOD1).await;
    // A suspension needs its days.
    decide(
        &app,
        case,
        &[
            ("action", "suspend"),
            ("rule", "3"),
            ("facts", "Fake listings."),
        ],
    )
    .await
    .assert_status(422);
    decide(
        &app,
        case,
        &[
            ("action", "suspend"),
            ("rule", "3"),
            ("facts", "Fake listings."),
            ("days", "30"),
        ],
    )
    .await
    .assert_status(303);
    let decision = newest_decision(&app).await;
    assert_eq!(listing_status(&app, second).await, "hidden");
    assert_eq!(
        app.count("SELECT count(*) AS n FROM jobs WHERE kind = 'moderation_lift'")
            .await,
        1
    );

    sign_in(&app, SELLER).await;
    for path in [
        "/",
        "/sell",
        "/me/settings",
        "/me/listings",
        "/search?q=camera",
    ] {
        app.get(path).await.redirects_to("/me/decisions");
    }
    send(
        &app,
        &format!("/listings/{elsewhere}/buy"),
        &[("quantity", "1"), ("key", "k1")],
    )
    .await
    .redirects_to("/me/decisions");
    app.get("/me/decisions").await.assert_status(200);
    app.get(&format!("/me/decisions/{decision}"))
        .await
        .assert_status(200)
        .assert_contains(&t("fr", "mod-statement-suspend"));
    app.get("/rules").await.assert_status(200);
    app.get(&format!("/orders/{paid}")).await.assert_status(200);
    // The paid order goes on: shipped, confirmed, the seller paid.
    send(
        &app,
        &format!("/orders/{paid}/ship"),
        &[("carrier", "DHL"), ("tracking", "JD0001")],
    )
    .await
    .assert_status(303);
    sign_in(&app, BUYER).await;
    confirm(&app, paid).await;
    assert_eq!(
        crate::helpers::order_factory::status(&app, paid).await,
        "completed"
    );
    // The rules refuse new sales and purchases too, whatever the page.
    let seller = w.seller;
    let (created, bought) = app
        .db(move |c| {
            let fields = pasar::listings::model::find(c, second).expect("listing");
            let f = pasar::listings::model::ListingFields {
                category_id: fields.category_id,
                title: "New".into(),
                description: "New".into(),
                condition: "good".into(),
                price_minor: 100,
                currency: "EUR".into(),
                quantity: 1,
                ships: true,
                shipping_minor: Some(100),
                pickup: false,
                city: "Lyon".into(),
                country: "France".into(),
                attributes: serde_json::json!({}),
            };
            let created =
                pasar::listings::rules::create(c, seller, &f, &[], true, &Default::default());
            let cfg = crate::helpers::order_factory::config();
            let bought =
                pasar::orders::checkout::buy(c, &cfg, seller, elsewhere, 1, "k2").expect("buy");
            (created, bought)
        })
        .await;
    assert!(matches!(
        created,
        Err(pasar::listings::error::ListingError::SellingRestricted)
    ));
    assert_eq!(
        bought,
        pasar::orders::checkout::Bought::Refused(pasar::orders::checkout::Refusal::Sanctioned)
    );
    // The appeal reaches a second moderator, who lifts the suspension.
    sign_in(&app, SELLER).await;
    send(
        &app,
        &format!("/me/decisions/{decision}/appeal"),
        &[("body", "Those were real.")],
    )
    .await
    .assert_status(303);
    let appeal_id: i64 = app
        .db(|c| {
            use pasar::db::schema::moderation_appeals as a;
            a::table.select(a::id).first(c).expect("appeal")
        })
        .await;
    sign_in(&app, MOD2).await;
    send(
        &app,
        &format!("/admin/appeals/{appeal_id}/decide"),
        &[("outcome", "reverse"), ("note", "Real items.")],
    )
    .await
    .assert_status(303);
    assert_eq!(listing_status(&app, second).await, "active");
    sign_in(&app, SELLER).await;
    app.get("/").await.assert_status(200);
    app.get("/sell").await.assert_status(200);
    assert_eq!(
        audit_actions(&app).await,
        ["moderation.suspend", "moderation.appeal.reverse"]
    );
}

/// Restricting selling stops only selling: browsing and buying go on.
#[tokio::test]
async fn restricted_selling_stops_only_selling_and_ends_with_its_job() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let other = user(&app, UserSpec::new("other@example.com")).await;
    let elsewhere = listing(&app, other, ListingSpec::default()).await;
    let draft = listing(
        &app,
        w.seller,
        ListingSpec {
            status: ListingStatus::Draft,
            ..ListingSpec::default()
        },
    )
    .await;
    sign_in(&app, REPORTER).await;
    report_listing(&app, w.listing, "Misleading photos.")
        .await
        .assert_status(303);
    let case = open_case(&app).await;
    sign_in(&app, MOD1).await;
    decide(
        &app,
        case,
        &[
            ("action", "restrict_selling"),
            ("rule", "6"),
            ("facts", "Stock photos."),
            ("days", "7"),
        ],
    )
    .await
    .assert_status(303);
    assert_eq!(listing_status(&app, w.listing).await, "hidden");
    assert_eq!(listing_status(&app, draft).await, "draft");
    sign_in(&app, SELLER).await;
    app.get("/").await.assert_status(200);
    let sell = app.get("/sell").await;
    sell.redirects_to("/me/decisions");
    send(
        &app,
        &format!("/listings/{draft}/status"),
        &[("to", "active")],
    )
    .await
    .redirects_to("/me/decisions");
    assert_eq!(listing_status(&app, draft).await, "draft");
    let bought = send(
        &app,
        &format!("/listings/{elsewhere}/buy"),
        &[("quantity", "1"), ("key", "k3")],
    )
    .await;
    assert!(bought.location.unwrap_or_default().starts_with("/orders/"));
    // The seven days pass: the job lifts it and the listing comes back.
    let decision = newest_decision(&app).await;
    let lifted = app
        .db(move |c| {
            use pasar::db::schema::moderation_decisions as d;
            let early = pasar::moderation::rules::lift_if_due(c, decision).expect("early");
            diesel::update(d::table.find(decision))
                .set(d::ends_at.eq(chrono::Utc::now() - chrono::Duration::seconds(1)))
                .execute(c)
                .expect("time passes");
            (
                early,
                pasar::moderation::rules::lift_if_due(c, decision).expect("due"),
            )
        })
        .await;
    assert_eq!(lifted, (false, true));
    assert_eq!(listing_status(&app, w.listing).await, "active");
    let standing = app
        .db(move |c| pasar::moderation::standing(c, other).expect("standing"))
        .await;
    assert!(standing.may_sell() && standing.may_buy());
}

/// The scam signals' automated notice, the admin dashboard's counts and a member's
/// history, and the transparency report computed from them.
#[tokio::test]
async fn automated_notices_admin_counts_history_and_the_transparency_report() {
    use pasar::moderation::for_signals::{file_automated, Reason, Target, TargetKind};
    let app = spawn_app().await;
    let w = world(&app).await;
    let listing_id = w.listing;
    let case = app
        .db(move |c| {
            let target = Target {
                kind: TargetKind::Listing,
                id: listing_id,
            };
            let first = file_automated(c, target, Reason::Scam, "pay me by IBAN").expect("one");
            let again = file_automated(c, target, Reason::Scam, "whatsapp me").expect("two");
            assert_eq!(first, again, "grouped into the open case");
            let gone = Target {
                kind: TargetKind::Listing,
                id: 999_999,
            };
            assert_eq!(
                file_automated(c, gone, Reason::Scam, "x").expect("none"),
                None
            );
            first.expect("case")
        })
        .await;
    let waiting = app
        .db(|c| pasar::moderation::for_admin::waiting(c).expect("waiting"))
        .await;
    assert_eq!(waiting, (1, 0));
    sign_in(&app, MOD1).await;
    app.get(&format!("/admin/reports/{case}"))
        .await
        .assert_contains("pay me by IBAN")
        .assert_contains(&t("en", "mod-automated"));
    decide(
        &app,
        case,
        &[
            ("action", "hide_listing"),
            ("rule", "4"),
            ("facts", "Asks for a bank transfer."),
            ("automated", "yes"),
        ],
    )
    .await
    .assert_status(303);
    // Nobody reported it: no reporter mail, the seller's statement only.
    assert!(mails(&app, REPORTER, "moderation_report_decided")
        .await
        .is_empty());
    assert_eq!(mails(&app, SELLER, "moderation_statement").await.len(), 1);
    let seller = w.seller;
    let history = app
        .db(move |c| pasar::moderation::for_admin::history(c, seller).expect("history"))
        .await;
    assert_eq!(history.len(), 1);
    assert!(history[0].in_force && !history[0].reversed);
    // The report: two notices (scam), one decision, automated, no appeal yet.
    let quarters = app
        .db(|c| pasar::moderation::transparency::report(c).expect("report"))
        .await;
    assert_eq!(quarters.len(), 1);
    let q = &quarters[0];
    assert_eq!(q.reports_total, 2);
    assert_eq!(q.actions_total, 1);
    assert_eq!(q.automated_percent(), 100);
    assert_eq!((q.appeals, q.reversed), (0, 0));
    assert!(q.median_hours.is_some());
    sign_out(&app).await;
    let page = app.get("/transparency").await;
    page.assert_status(200);
    page.assert_contains(&t("en", "mod-action-hide_listing"));
    page.assert_contains("100 %");
    app.get("/rules")
        .await
        .assert_status(200)
        .assert_contains(&t("en", "mod-rule-4-title"));
}

/// The demo's open reports: filed once, grouped (two reports on one listing), and
/// nothing added by a second run.
#[tokio::test]
async fn the_demo_files_a_few_open_reports_once() {
    let app = spawn_app().await;
    let hash = bcrypt::hash(pasar::seed::DEMO_PASSWORD, 4).expect("hash");
    app.db(move |c| pasar::seed::demo(c, &hash).expect("demo members"))
        .await;
    let emma: i64 = app
        .db(|c| {
            use pasar::db::schema::users as u;
            u::table
                .filter(u::email.eq(pasar::seed::demo_email("emma")))
                .select(u::id)
                .first(c)
                .expect("emma")
        })
        .await;
    for _ in 0..13 {
        listing(&app, emma, ListingSpec::default()).await;
    }
    let made = app
        .db(|c| {
            let cfg = crate::helpers::order_factory::config();
            (
                pasar::seed::moderation::demo_reports(c, &cfg).expect("reports"),
                pasar::seed::moderation::demo_reports(c, &cfg).expect("again"),
            )
        })
        .await;
    assert_eq!(made, (4, 0));
    assert_eq!(
        app.count("SELECT count(*) AS n FROM moderation_cases WHERE status = 'open'")
            .await,
        3
    );
}

/// The seller's published ratings as a seller: (count, sum).
async fn seller_rating(app: &TestApp, seller: i64) -> (i32, i32) {
    app.db(move |c| {
        use pasar::db::schema::member_ratings as m;
        m::table
            .filter(m::user_id.eq(seller))
            .filter(m::rated_as.eq("seller"))
            .select((m::count, m::stars_sum))
            .first(c)
            .optional()
            .expect("rating")
            .unwrap_or((0, 0))
    })
    .await
}

#[tokio::test]
async fn a_reported_review_is_removed_from_pages_and_rating_and_an_appeal_brings_it_back() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let parties = Parties {
        buyer: BUYER,
        seller: SELLER,
    };
    let order_id = order(&app, parties, w.listing, OrderState::Completed).await;
    let review_path = format!("/orders/{order_id}/review");
    sign_in(&app, BUYER).await;
    send(
        &app,
        &review_path,
        &[
            ("stars", "1"),
            ("body", "A thief and a liar, SHOUTED-TEXT everywhere."),
            ("as_described", "1"),
            ("communication", "1"),
            ("handover", "1"),
        ],
    )
    .await
    .assert_status(303);
    sign_in(&app, SELLER).await;
    send(
        &app,
        &review_path,
        &[("stars", "5"), ("body", "Paid at once, a pleasure.")],
    )
    .await
    .assert_status(303);
    assert_eq!(seller_rating(&app, w.seller).await, (1, 1));
    let review: i64 = app
        .db(move |c| {
            use pasar::db::schema::reviews as r;
            r::table
                .filter(r::order_id.eq(order_id))
                .filter(r::author_role.eq("buyer"))
                .select(r::id)
                .first(c)
                .expect("the buyer's review")
        })
        .await;
    // The reviewed seller finds the link under the review and reports it.
    let page = app.get(&format!("/u/{}/reviews", w.seller)).await;
    page.assert_contains(&format!("/report/review/{review}"));
    send(
        &app,
        &format!("/report/review/{review}"),
        &[("reason", "harassment"), ("body", "Insults, no facts.")],
    )
    .await
    .assert_status(303);
    let case = open_case(&app).await;
    // A member cannot act on it; a moderator removes it, citing the reviews rule.
    decide(
        &app,
        case,
        &[
            ("action", "remove_review"),
            ("rule", "8"),
            ("facts", "Insults."),
        ],
    )
    .await
    .assert_status(404);
    sign_in(&app, MOD1).await;
    app.get(&format!("/admin/reports/{case}"))
        .await
        .assert_status(200)
        .assert_contains("SHOUTED-TEXT");
    decide(
        &app,
        case,
        &[
            ("action", "remove_review"),
            ("rule", "8"),
            ("facts", "Insults."),
        ],
    )
    .await
    .assert_status(303);
    assert_eq!(seller_rating(&app, w.seller).await, (0, 0));
    sign_out(&app).await;
    assert!(!app
        .get(&format!("/u/{}/reviews", w.seller))
        .await
        .contains("SHOUTED-TEXT"));
    // The author gets the statement of reasons and appeals; another moderator reverses.
    assert_eq!(
        mails(&app, BUYER, "moderation_statement").await,
        [("en".to_string(), t("en", "mod-email-statement-subject"))]
    );
    let text = app.outbox_text(BUYER, "moderation_statement").await;
    assert!(
        text.contains(&t("en", "mod-statement-remove_review")),
        "{text}"
    );
    let decision = newest_decision(&app).await;
    sign_in(&app, BUYER).await;
    send(
        &app,
        &format!("/me/decisions/{decision}/appeal"),
        &[("body", "Every word of it happened.")],
    )
    .await
    .assert_status(303);
    let appeal_id: i64 = app
        .db(|c| {
            use pasar::db::schema::moderation_appeals as a;
            a::table.select(a::id).first(c).expect("appeal")
        })
        .await;
    sign_in(&app, MOD2).await;
    send(
        &app,
        &format!("/admin/appeals/{appeal_id}/decide"),
        &[("outcome", "reverse"), ("note", "Harsh, but an opinion.")],
    )
    .await
    .assert_status(303);
    assert_eq!(seller_rating(&app, w.seller).await, (1, 1));
    sign_out(&app).await;
    app.get(&format!("/u/{}/reviews", w.seller))
        .await
        .assert_contains("SHOUTED-TEXT");
    assert_eq!(
        audit_actions(&app).await,
        ["moderation.remove_review", "moderation.appeal.reverse"]
    );
}
