//! Page quality (issue 10): every page a person can reach, as an anonymous visitor, a
//! buyer, a seller and an admin, in English and Greek, at 390 px and 1280 px, in real
//! Chromium. axe-core finds no serious or critical violation on any of them, the Nu
//! HTML checker no error in the HTML the server sent, and no page is wider than a
//! 390 px phone (nothing to scroll sideways to). Screenshots and the HTML stay in
//! `target/page-quality/` to be looked at.
//!
//! The checkers come from npm (`scripts/deps.sh test` puts them in `target/tools`).
//! The sample URL table is compared with the GET routes registered anywhere in `src/`,
//! so a new page without a sample URL fails `every_get_route_has_a_sample_or_a_reason`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::*;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Who {
    Anonymous,
    Buyer,
    Seller,
    Admin,
}

impl Who {
    fn name(self) -> &'static str {
        match self {
            Who::Anonymous => "anonymous",
            Who::Buyer => "buyer",
            Who::Seller => "seller",
            Who::Admin => "admin",
        }
    }
}

/// GET routes that are not pages, and why.
const NOT_PAGES: &[(&str, &str)] = &[
    ("/healthz", "plain-text probe for load balancers"),
    ("/static/{hash}/{name}", "CSS, scripts and images"),
    ("/favicon.ico", "an image"),
    ("/media/{name}", "listing photos"),
    (
        "/orders/{id}/evidence/{evidence}/{size}",
        "dispute evidence photos",
    ),
    (
        "/sell/attributes",
        "htmx fragment of the /sell form, checked inside /sell",
    ),
    (
        "/listings/{id}/buy",
        "only redirects back to the listing (a GET after a lost form)",
    ),
];

/// Every page route with the URLs that show it, and who visits them. Ids come from the
/// data `seed` made.
fn samples(d: &Data) -> Vec<(&'static str, String, &'static [Who])> {
    use Who::*;
    const ALL: &[Who] = &[Anonymous, Buyer, Seller, Admin];
    vec![
        ("/", "/".into(), ALL),
        ("/search", "/search?q=camera".into(), &[Anonymous, Buyer]),
        ("/search", "/search?q=zzqx".into(), &[Anonymous]),
        ("/c/{slug}", "/c/electronics".into(), &[Anonymous, Seller]),
        (
            "/listings/{id}",
            format!("/listings/{}", d.listing),
            &[Anonymous, Buyer, Seller],
        ),
        (
            "/listings/{id}/edit",
            format!("/listings/{}/edit", d.listing),
            &[Seller],
        ),
        // The scam-signals warning with its "publish anyway" box (issue 11).
        (
            "/listings/{id}/edit",
            format!("/listings/{}/edit", d.flagged_draft),
            &[Seller],
        ),
        ("/u/{id}", format!("/u/{}", d.seller), &[Anonymous, Buyer]),
        ("/signup", "/signup".into(), &[Anonymous]),
        ("/login", "/login".into(), &[Anonymous]),
        ("/password/forgot", "/password/forgot".into(), &[Anonymous]),
        (
            "/password/reset/{token}",
            d.reset_link.clone(),
            &[Anonymous],
        ),
        (
            "/password/reset/{token}",
            "/password/reset/not-a-token".into(),
            &[Anonymous],
        ),
        // Ends on the login page with the "link invalid" notice.
        (
            "/verify/{token}",
            "/verify/not-a-token".into(),
            &[Anonymous],
        ),
        ("/me/settings", "/me/settings".into(), &[Buyer, Seller]),
        ("/sell", "/sell".into(), &[Seller]),
        ("/me/listings", "/me/listings".into(), &[Seller, Buyer]),
        ("/me/purchases", "/me/purchases".into(), &[Buyer]),
        ("/me/sales", "/me/sales".into(), &[Seller]),
        (
            "/orders/{id}",
            format!("/orders/{}", d.unpaid_order),
            &[Buyer],
        ),
        (
            "/orders/{id}",
            format!("/orders/{}", d.disputed_order),
            &[Buyer, Seller, Admin],
        ),
        (
            "/orders/{id}",
            format!("/orders/{}", d.pickup_order),
            &[Buyer, Seller],
        ),
        (
            "/orders/{id}",
            format!("/orders/{}", d.completed_order),
            &[Buyer, Seller],
        ),
        (
            "/orders/{id}",
            format!("/orders/{}", d.refunded_order),
            &[Buyer, Seller],
        ),
        (
            "/orders/{id}/review",
            format!("/orders/{}/review", d.completed_order),
            &[Buyer, Seller, Admin],
        ),
        (
            "/u/{id}/reviews",
            format!("/u/{}/reviews", d.seller),
            &[Anonymous, Buyer],
        ),
        (
            "/u/{id}/reviews",
            format!("/u/{}/reviews?as=seller&stars=5", d.seller),
            &[Anonymous],
        ),
        ("/reviews/how", "/reviews/how".into(), &[Anonymous, Buyer]),
        ("/pay/sandbox/{reference}", d.pay_page.clone(), &[Buyer]),
        ("/admin/disputes", "/admin/disputes".into(), &[Admin]),
        ("/admin/books", "/admin/books".into(), &[Admin]),
        ("/rules", "/rules".into(), ALL),
        ("/transparency", "/transparency".into(), &[Anonymous, Admin]),
        (
            "/report/{kind}/{id}",
            format!("/report/listing/{}", d.listing),
            &[Buyer],
        ),
        (
            "/report/{kind}/{id}",
            format!("/report/member/{}", d.seller),
            &[Buyer],
        ),
        ("/me/decisions", "/me/decisions".into(), &[Seller, Buyer]),
        (
            "/me/decisions/{id}",
            format!("/me/decisions/{}", d.decision),
            &[Seller, Admin],
        ),
        ("/admin/reports", "/admin/reports".into(), &[Admin]),
        (
            "/admin/reports/{id}",
            format!("/admin/reports/{}", d.open_case),
            &[Admin],
        ),
        (
            "/admin/reports/{id}",
            format!("/admin/reports/{}", d.closed_case),
            &[Admin],
        ),
        (
            "/admin/appeals/{id}",
            format!("/admin/appeals/{}", d.appeal),
            &[Admin],
        ),
        ("/admin", "/admin".into(), &[Admin]),
        ("/admin/users", "/admin/users".into(), &[Admin]),
        ("/admin/users", "/admin/users?q=%25&page=x".into(), &[Admin]),
        (
            "/admin/users/{id}",
            format!("/admin/users/{}", d.seller),
            &[Admin],
        ),
        (
            "/admin/listings",
            "/admin/listings?status=active".into(),
            &[Admin],
        ),
        ("/admin/orders", "/admin/orders".into(), &[Admin]),
        ("/admin/failed", "/admin/failed".into(), &[Admin]),
        ("/admin/audit", "/admin/audit".into(), &[Admin]),
        ("/dev/mailbox", "/dev/mailbox".into(), &[Anonymous]),
        (
            "/dev/mailbox/{id}",
            format!("/dev/mailbox/{}", d.mail),
            &[Anonymous],
        ),
        (
            "/dev/mailbox/{id}/html",
            format!("/dev/mailbox/{}/html", d.mail),
            &[Anonymous],
        ),
        // Not a route: the page every unknown address gets.
        ("", "/listings/999999999".into(), &[Anonymous, Buyer]),
    ]
}

/// GET routes registered anywhere under `src/`: `web::resource("…")` chains with a
/// `.get(` or `get()` before the next resource or the end of the statement, `.route("…",
/// web::get()…)`, and `#[get("…")]`. Where the route table lives does not matter.
fn get_routes_in_src() -> BTreeSet<String> {
    let resource = regex::Regex::new(r#"resource\(\s*"([^"]+)"\s*\)"#).expect("regex");
    let route =
        regex::Regex::new(r#"\.route\(\s*"([^"]+)"\s*,\s*(?:\w+::)*get\(\)"#).expect("regex");
    let attr = regex::Regex::new(r#"#\[get\(\s*"([^"]+)""#).expect("regex");
    let mut found = BTreeSet::new();
    let mut stack = vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("read source");
            let starts: Vec<_> = resource.captures_iter(&text).collect();
            for (i, cap) in starts.iter().enumerate() {
                let whole = cap.get(0).expect("match");
                let next = starts
                    .get(i + 1)
                    .and_then(|c| c.get(0))
                    .map_or(text.len(), |m| m.start());
                let end = text[whole.end()..next]
                    .find(';')
                    .map_or(next, |p| whole.end() + p);
                let chain = &text[whole.end()..end];
                if chain.contains(".get(") || chain.contains("get()") {
                    found.insert(cap[1].to_string());
                }
            }
            for re in [&route, &attr] {
                for cap in re.captures_iter(&text) {
                    found.insert(cap[1].to_string());
                }
            }
        }
    }
    found
}

#[test]
fn every_get_route_has_a_sample_or_a_reason() {
    let routes = get_routes_in_src();
    assert!(
        routes.contains("/") && routes.contains("/me/sales"),
        "the scan of src/ found the route table: {routes:?}"
    );
    let d = Data::placeholder();
    let mut known: BTreeSet<String> = samples(&d)
        .into_iter()
        .map(|(r, _, _)| r.to_string())
        .filter(|r| !r.is_empty())
        .collect();
    known.extend(NOT_PAGES.iter().map(|(r, _)| r.to_string()));
    let missing: Vec<_> = routes.difference(&known).collect();
    assert!(
        missing.is_empty(),
        "GET routes without a sample URL in tests/e2e/quality.rs (add one to `samples`, \
         or to NOT_PAGES with a reason): {missing:?}"
    );
    let stale: Vec<_> = known.difference(&routes).collect();
    assert!(
        stale.is_empty(),
        "sample routes that src/ no longer registers: {stale:?}"
    );
}

/// Ids and links of what `seed` made.
struct Data {
    seller: i64,
    listing: i64,
    flagged_draft: i64,
    unpaid_order: i64,
    disputed_order: i64,
    pickup_order: i64,
    completed_order: i64,
    refunded_order: i64,
    pay_page: String,
    reset_link: String,
    mail: i64,
    open_case: i64,
    closed_case: i64,
    decision: i64,
    appeal: i64,
}

impl Data {
    fn placeholder() -> Data {
        Data {
            seller: 0,
            listing: 0,
            flagged_draft: 0,
            unpaid_order: 0,
            disputed_order: 0,
            pickup_order: 0,
            completed_order: 0,
            refunded_order: 0,
            pay_page: String::new(),
            reset_link: String::new(),
            mail: 0,
            open_case: 0,
            closed_case: 0,
            decision: 0,
            appeal: 0,
        }
    }
}

const SELLER: &str = "seller@example.com";
const BUYER: &str = "buyer@example.com";
const ADMIN: &str = "admin@example.com";

fn jpeg(shade: u8) -> Vec<u8> {
    let img = image::RgbImage::from_fn(900, 700, |x, y| {
        image::Rgb([shade, (x % 256) as u8, (y % 256) as u8])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut out, image::ImageFormat::Jpeg)
        .expect("encode");
    out.into_inner()
}

/// A listing with two photos through the signed-in seller's sell form: the gallery and
/// the cards with pictures get checked too.
async fn listing_with_photos(app: &TestApp) -> i64 {
    let bikes: i32 = app
        .db(|c| {
            use diesel::prelude::*;
            use pasar::db::schema::categories;
            categories::table
                .filter(categories::slug.eq("bikes"))
                .select(categories::id)
                .first(c)
                .expect("category")
        })
        .await;
    let mut form = reqwest::multipart::Form::new().text("csrf_token", app.csrf().await);
    for (k, v) in [
        ("title", "Vintage road bike".to_string()),
        (
            "description",
            "Steel frame, 56 cm, new tyres.\nCollect or I ship it.".into(),
        ),
        ("category", bikes.to_string()),
        ("condition", "good".into()),
        ("price", "120.50".into()),
        ("currency", "EUR".into()),
        ("quantity", "1".into()),
        ("ships", "1".into()),
        ("shipping_price", "15".into()),
        ("pickup", "1".into()),
        ("city", "Lyon".into()),
        ("country", "FR".into()),
        ("action", "publish".into()),
    ] {
        form = form.text(k, v);
    }
    for shade in [10, 200] {
        let part = reqwest::multipart::Part::bytes(jpeg(shade))
            .file_name(format!("{shade}.jpg"))
            .mime_str("image/jpeg")
            .expect("mime");
        form = form.part("photos", part);
    }
    let resp = app
        .client
        .post(app.url("/sell"))
        .multipart(form)
        .send()
        .await
        .expect("post /sell");
    let page = TestApp::read(resp).await;
    page.assert_status(303);
    page.location
        .as_deref()
        .and_then(|l| l.strip_prefix("/listings/"))
        .and_then(|id| id.parse().ok())
        .expect("the new listing")
}

/// The signed-in seller's profile picture, through the settings form: the profile, the
/// listing's seller card and the seller's settings show it.
async fn seller_picture(app: &TestApp) {
    let part = reqwest::multipart::Part::bytes(jpeg(120))
        .file_name("me.jpg")
        .mime_str("image/jpeg")
        .expect("mime");
    let form = reqwest::multipart::Form::new()
        .text("csrf_token", app.csrf().await)
        .part("avatar", part);
    let resp = app
        .client
        .post(app.url("/me/settings/avatar"))
        .multipart(form)
        .send()
        .await
        .expect("post /me/settings/avatar");
    TestApp::read(resp).await.assert_status(303);
}

async fn seed(app: &TestApp) -> Data {
    use helpers::factories::{checkout, order, user, ListingSpec, OrderState, Parties, UserSpec};
    let mut s = UserSpec::new(SELLER);
    s.name = "Sam Seller".into();
    let seller = user(app, s).await;
    let mut b = UserSpec::new(BUYER);
    b.name = "Bea Buyer".into();
    user(app, b).await;
    let mut a = UserSpec::new(ADMIN);
    a.name = "Ada Admin".into();
    a.role = "admin";
    user(app, a).await;
    app.login(SELLER, helpers::PASSWORD)
        .await
        .assert_status(303);
    let listing = listing_with_photos(app).await;
    seller_picture(app).await;
    app.logout().await;
    let flagged_draft = helpers::factories::listing(
        app,
        seller,
        ListingSpec {
            title: "Road bike, call me".into(),
            description: "Pay by bank transfer only. WhatsApp 0812 3456 7890 or budi@gmail.com"
                .into(),
            status: pasar::listings::status::ListingStatus::Draft,
            ..ListingSpec::default()
        },
    )
    .await;
    // Orders in the states a party's order page shows differently, each reached by
    // the forms its parties use.
    let cameras = helpers::factories::listing(
        app,
        seller,
        ListingSpec {
            quantity: 5,
            ..ListingSpec::default()
        },
    )
    .await;
    let who = Parties {
        buyer: BUYER,
        seller: SELLER,
    };
    let unpaid_order = order(app, who, cameras, OrderState::Placed).await;
    let pay_page = checkout(app, unpaid_order, "ship").await;
    let disputed_order = order(app, who, cameras, OrderState::Disputed).await;
    let pickup_order = order(app, who, cameras, OrderState::PickupPaid).await;
    let completed_order = order(app, who, cameras, OrderState::Completed).await;
    let refunded_order = order(app, who, cameras, OrderState::Refunded).await;
    app.logout().await;
    let (open_case, closed_case, decision, appeal) = moderation(app, seller, cameras).await;

    // A reset link, read back from the outbox the development mailbox shows.
    app.post("/password/forgot", &[("email", BUYER)])
        .await
        .assert_status(200);
    let text = app.outbox_text(BUYER, "reset_password").await;
    let link = regex::Regex::new(r"https?://\S+/password/reset/\S+")
        .expect("regex")
        .find(&text)
        .map(|m| helpers::path_of(m.as_str()))
        .expect("a reset link in the email");
    let mail = app
        .count("SELECT max(id) AS n FROM outbound_emails WHERE kind = 'reset_password'")
        .await;
    // The admin pages with rows in their tables: an audit entry about the seller (with
    // markup in its reason) and a job that failed for good.
    app.db(move |c| {
        use diesel::prelude::*;
        use pasar::db::schema::{jobs, users};
        let admin: i64 = users::table
            .filter(users::email.eq(ADMIN))
            .select(users::id)
            .first(c)
            .expect("admin");
        let admin = pasar::accounts::model::find(c, admin).expect("admin user");
        pasar::audit::record(
            c,
            pasar::audit::Entry {
                actor: &admin,
                action: "user.role",
                subject_kind: "user",
                subject_id: seller,
                reason: "Checks <listings> weekly",
                before: serde_json::json!({"role": "member"}),
                after: serde_json::json!({"role": "member"}),
            },
        )
        .expect("audit row");
        diesel::insert_into(jobs::table)
            .values((
                jobs::kind.eq("order_remind"),
                jobs::payload.eq(serde_json::json!({"order_id": 0})),
                jobs::status.eq("failed"),
                jobs::attempts.eq(5),
                jobs::last_error.eq(Some(
                    "connection refused: a long error message that has to wrap on a phone",
                )),
            ))
            .execute(c)
            .expect("failed job");
    })
    .await;
    Data {
        seller,
        listing,
        flagged_draft,
        unpaid_order,
        disputed_order,
        pickup_order,
        completed_order,
        refunded_order,
        pay_page,
        reset_link: link,
        mail,
        open_case,
        closed_case,
        decision,
        appeal,
    }
}

/// A report still open (on the seller), one decided by a moderator (a warning about
/// the cameras) and the seller's appeal of it, waiting for another moderator.
async fn moderation(app: &TestApp, seller: i64, cameras: i64) -> (i64, i64, i64, i64) {
    use helpers::factories::{user, UserSpec};
    let mut m = UserSpec::new("moderator@example.com");
    m.name = "Mo Moderator".into();
    m.role = "moderator";
    user(app, m).await;
    let newest = |sql: &'static str| async move { app.count(sql).await };
    app.login(BUYER, helpers::PASSWORD).await.assert_status(303);
    app.post(
        &format!("/report/listing/{cameras}"),
        &[
            ("reason", "misleading"),
            ("body", "The photos show another camera."),
        ],
    )
    .await
    .assert_status(303);
    let closed_case = newest("SELECT max(id) AS n FROM moderation_cases").await;
    app.post(
        &format!("/report/member/{seller}"),
        &[
            ("reason", "harassment"),
            ("body", "Rude answers to my questions."),
        ],
    )
    .await
    .assert_status(303);
    let open_case = newest("SELECT max(id) AS n FROM moderation_cases").await;
    app.logout().await;
    app.login("moderator@example.com", helpers::PASSWORD)
        .await
        .assert_status(303);
    app.post(
        &format!("/admin/reports/{closed_case}/decide"),
        &[
            ("action", "warn"),
            ("rule", "6"),
            ("facts", "The photos are of a different model."),
        ],
    )
    .await
    .assert_status(303);
    let decision = newest("SELECT max(id) AS n FROM moderation_decisions").await;
    app.logout().await;
    app.login(SELLER, helpers::PASSWORD)
        .await
        .assert_status(303);
    app.post(
        &format!("/me/decisions/{decision}/appeal"),
        &[("body", "These are my own photos of this camera.")],
    )
    .await
    .assert_status(303);
    let appeal = newest("SELECT max(id) AS n FROM moderation_appeals").await;
    app.logout().await;
    (open_case, closed_case, decision, appeal)
}

fn tool(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target/tools/node_modules")
        .join(relative)
}

fn out_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/page-quality")
}

fn slug(url: &str) -> String {
    let s: String = url
        .trim_start_matches('/')
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let s = s.trim_matches('-').to_string();
    let s = if s.is_empty() { "home".into() } else { s };
    s.chars().take(60).collect()
}

/// Serious and critical axe violations on the current page, one line each.
async fn axe(c: &Client, source: &str) -> anyhow::Result<Vec<String>> {
    // WebDriver scripts run outside the page's CSP, so the checker needs no exception in
    // the app's headers.
    let script = format!(
        "const done = arguments[arguments.length - 1];\n{source}\n\
         axe.run(document, {{ resultTypes: ['violations'] }}).then(r => done(r.violations\
           .filter(v => v.impact === 'serious' || v.impact === 'critical')\
           .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' — ' + v.nodes.slice(0, 3)\
             .map(n => n.target.join(' ') + ' ' + n.html.slice(0, 160)).join(' | '))))\
           .catch(e => done(['axe failed: ' + e]));"
    );
    let found = c.execute_async(&script, vec![]).await?;
    Ok(serde_json::from_value(found)?)
}

/// What makes the current page wider than the window, if it is: the page's width and
/// the outermost elements whose right edge lies past the window's (a phone would
/// scroll sideways to reach them).
async fn sideways(c: &Client) -> anyhow::Result<Option<String>> {
    let found = c
        .execute(
            // clientWidth is the window less its vertical scrollbar: wider than that,
            // the page scrolls sideways even when it fits innerWidth.
            "const w = Math.min(window.innerWidth, document.documentElement.clientWidth);\
             const sw = document.documentElement.scrollWidth;\
             if (sw <= w) return null;\
             const past = [...document.body.querySelectorAll('*')]\
               .filter(e => e.getBoundingClientRect().right > w + 0.5)\
               .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= w + 0.5);\
             const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +\
               (typeof e.className === 'string' && e.className.trim() ?\
                 '.' + e.className.trim().split(/\\s+/).join('.') : '');\
             return 'scrollWidth ' + sw + ' > width ' + w + ' (innerWidth ' + innerWidth + '): ' +\
               past.slice(0, 6).map(e => name(e) + ' (right ' +\
                 Math.round(e.getBoundingClientRect().right) + ', in ' + name(e.parentElement) +\
                 ')').join(', ');",
            vec![],
        )
        .await?;
    Ok(found.as_str().map(str::to_string))
}

/// The HTML the server sent for the current address (not the DOM after scripts ran).
async fn served_html(c: &Client) -> anyhow::Result<String> {
    let html = c
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             fetch(location.href, { credentials: 'same-origin' })\
               .then(r => r.text()).then(done).catch(e => done('fetch failed: ' + e));",
            vec![],
        )
        .await?;
    match html.as_str() {
        Some(h) if !h.starts_with("fetch failed") => Ok(h.to_string()),
        // A page whose CSP forbids fetch (the mailbox's email view): read it anew, without
        // the browser's cookies (only the anonymous visitor has such pages).
        _ => Ok(reqwest::get(c.current_url().await?.as_str())
            .await?
            .text()
            .await?),
    }
}

/// Visits every page of `who` in both languages and both widths; returns the problems.
async fn check_role(
    base: String,
    who: Who,
    pages: Vec<String>,
    axe_source: std::sync::Arc<String>,
) -> Vec<String> {
    let browser = Browser::start().await;
    let c = browser.client.clone();
    let result = async {
        let mut problems = Vec::new();
        let dir = out_dir();
        match who {
            Who::Anonymous => {}
            Who::Buyer => log_in(&c, &base, BUYER).await?,
            Who::Seller => log_in(&c, &base, SELLER).await?,
            Who::Admin => log_in(&c, &base, ADMIN).await?,
        }
        for lang in ["en", "el"] {
            c.goto(&format!("{base}/")).await?;
            if lang != "en" {
                click(&c, &format!("button[name=lang][value={lang}]")).await?;
            }
            c.wait()
                .for_element(Locator::Css(&format!("html[lang={lang}]")))
                .await?;
            for url in &pages {
                c.set_window_size(390, 844).await?;
                c.goto(&format!("{base}{url}")).await?;
                let name = format!("{}-{lang}-{}", who.name(), slug(url));
                std::fs::write(
                    dir.join(format!("html/{name}.html")),
                    served_html(&c).await?,
                )?;
                if let Some(wide) = sideways(&c).await? {
                    problems.push(format!("sideways scroll {name} at 390px: {wide}"));
                }
                for (w, h) in [(390, 844), (1280, 900)] {
                    if w != 390 {
                        c.set_window_size(w, h).await?;
                    }
                    std::fs::write(dir.join(format!("{name}-{w}.png")), c.screenshot().await?)?;
                    for v in axe(&c, &axe_source).await? {
                        problems.push(format!("axe {name} at {w}px: {v}"));
                    }
                }
            }
        }
        anyhow::Ok(problems)
    }
    .await;
    let problems = match result {
        Ok(p) => p,
        Err(e) => {
            let shot = browser
                .screenshot(&format!("quality-{}-failure", who.name()))
                .await;
            vec![format!(
                "{} could not get through the pages: {e:#} (screenshot {})",
                who.name(),
                shot.display()
            )]
        }
    };
    browser.close().await;
    problems
}

/// The Nu HTML checker over every saved page at once (one JVM start).
fn vnu(dir: &Path) -> Vec<String> {
    let out = Command::new("java")
        .arg("-jar")
        .arg(tool("vnu-jar/build/dist/vnu.jar"))
        .args(["--errors-only", "--format", "gnu"])
        .arg(dir)
        .output()
        .expect("java runs the Nu HTML checker (scripts/deps.sh test installs Java)");
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .chain(String::from_utf8_lossy(&out.stdout).lines())
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("vnu {l}"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_passes_axe_and_the_nu_html_checker() {
    let axe_path = tool("axe-core/axe.min.js");
    let axe_source =
        std::sync::Arc::new(std::fs::read_to_string(&axe_path).unwrap_or_else(|_| {
            panic!("{} missing: run scripts/deps.sh test", axe_path.display())
        }));
    let dir = out_dir();
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("html")).expect("artifact dir");

    // No SMTP: mail goes to the development mailbox, whose pages are checked too.
    let app = spawn_app().await;
    let data = seed(&app).await;
    let table = samples(&data);
    let tasks: Vec<_> = [Who::Anonymous, Who::Buyer, Who::Seller, Who::Admin]
        .into_iter()
        .map(|who| {
            let pages = table
                .iter()
                .filter(|(_, _, w)| w.contains(&who))
                .map(|(_, url, _)| url.clone())
                .collect();
            tokio::spawn(check_role(app.addr.clone(), who, pages, axe_source.clone()))
        })
        .collect();
    let mut problems = Vec::new();
    for t in tasks {
        problems.extend(t.await.expect("role task"));
    }
    problems.extend(vnu(&dir.join("html")));
    let _ = std::fs::write(dir.join("problems.txt"), problems.join("\n"));
    assert!(
        problems.is_empty(),
        "{} page problems (screenshots and HTML in {}):\n{}",
        problems.len(),
        dir.display(),
        problems.join("\n")
    );
}
