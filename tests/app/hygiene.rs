//! Request hygiene: NUL bytes and other control characters in forms, paths, query
//! strings and headers are refused with a clear message, never a 500; and requests the
//! app refused leave the page caches alone.

use std::io::{Read, Write};

use scraper::{Html, Selector};

use crate::helpers::factories::{self, UserSpec};
use crate::helpers::*;
use crate::listings::jpeg;
use crate::orders::{self as o, Item};

const TEXT_INVALID: &str = "This text contains characters that are not allowed.";

#[tokio::test]
async fn a_nul_byte_in_the_login_email_is_a_form_error() {
    let app = spawn_app().await;
    factories::user(&app, UserSpec::new("ana@example.com")).await;
    // What the scanner sent: `email=%2Fe%00`.
    for email in ["/e\0", "ana@example.com\u{7}"] {
        let page = app
            .post("/login", &[("email", email), ("password", "whatever")])
            .await;
        page.assert_status(422).assert_contains(TEXT_INVALID);
        // The input is kept in the field.
        assert!(page
            .body
            .contains(&format!("{}\"", email.trim_start_matches('/'))));
    }
    assert_eq!(app.count("SELECT count(*) AS n FROM rate_limits").await, 0);
    // The account still signs in.
    app.login("ana@example.com", PASSWORD)
        .await
        .assert_status(303);
}

#[tokio::test]
async fn account_forms_show_the_text_rule_on_the_form() {
    let app = spawn_app().await;
    let page = app
        .post(
            "/signup",
            &[
                ("display_name", "Ana\0Maria"),
                ("email", "ana\u{1}@example.com"),
                ("password", "ocean temple drum 63"),
            ],
        )
        .await;
    page.assert_status(422)
        .assert_contains("value=\"Ana")
        .assert_contains("Please enter an email address like name@example.com.");
    assert_eq!(app.count("SELECT count(*) AS n FROM users").await, 0);
    app.post("/password/forgot", &[("email", "a\0@example.com")])
        .await
        .assert_status(422);
    // The reset form checks its token first (a bogus one costs no hashing), so the
    // text rule is tried on a real link.
    factories::user(&app, UserSpec::new("ana@example.com")).await;
    app.post("/password/forgot", &[("email", "ana@example.com")])
        .await
        .assert_status(200);
    let mail = app.outbox_text("ana@example.com", "reset_password").await;
    let reset = path_of(
        mail.split_whitespace()
            .find(|w| w.contains("/password/reset/"))
            .expect("reset link"),
    );
    app.post(&reset, &[("password", "ocean temple\0 drum 63")])
        .await
        .assert_status(422)
        .assert_contains(TEXT_INVALID);

    factories::signed_in(&app, "me@example.com").await;
    // A bio is multi-line: line breaks and tabs are kept, other controls refused.
    let profile = |bio: &'static str, city: &'static str| {
        [
            ("display_name", "Test User"),
            ("bio", bio),
            ("city", city),
            ("country", "France"),
            ("locale", "en"),
        ]
    };
    app.post("/me/settings/profile", &profile("one\u{1b}[31m", "Lyon"))
        .await
        .assert_status(422)
        .assert_contains(TEXT_INVALID)
        .assert_contains("one");
    app.post("/me/settings/profile", &profile("Lyon", "Ly\ton"))
        .await
        .assert_status(422)
        .assert_contains(TEXT_INVALID);
    let ok = app
        .post(
            "/me/settings/profile",
            &profile("one\r\ntwo\tthree", "Lyon"),
        )
        .await;
    assert!(ok.status.is_redirection(), "{}", ok.body);
    assert_eq!(
        app.count("SELECT count(*) AS n FROM users WHERE bio = E'one\\ntwo\\tthree'")
            .await,
        1
    );
}

#[tokio::test]
async fn paths_query_strings_and_headers_with_control_characters_get_a_translated_400() {
    let app = spawn_app().await;
    for path in [
        "/verify/%00",
        "/password/reset/ab%00cd",
        "/listings/1%00",
        "/u/%01",
        "/login?next=%2Fe%00",
        "/search?q=lamp%00",
        "/search?q=lamp%0D%0Aset",
        "/c/bikes?sort=%C2%85",
    ] {
        let page = app.get(path).await;
        page.assert_status(400)
            .assert_contains("characters that are not allowed");
    }
    let fr = app
        .client
        .get(app.url("/verify/%00"))
        .header("accept-language", "fr")
        .send()
        .await
        .expect("get");
    assert_eq!(fr.status().as_u16(), 400);
    let body = unescape(&fr.text().await.expect("body"));
    assert!(body.contains("caractères non autorisés"), "{body}");
    // An ordinary page with accents and escapes is served.
    app.get("/search?q=caf%C3%A9+%E2%82%AC&sort=newest")
        .await
        .assert_status(200);

    // Headers: the HTTP parser refuses most control bytes itself; none is a 500.
    let host = app.addr.trim_start_matches("http://").to_string();
    for header in [
        "X-Forwarded-For: 10.0.0.1\0",
        "Accept-Language: fr\u{1}",
        "X-Csrf-Token: a\u{7f}b",
        "Accept-Language: \u{85}en",
    ] {
        let status = raw_get(&host, "/login", header);
        assert!(
            status.starts_with("HTTP/1.1 400"),
            "{header:?} answered {status}"
        );
    }
}

/// One GET over a raw socket (clients refuse to send control characters in headers).
fn raw_get(host: &str, path: &str, header: &str) -> String {
    let mut s = std::net::TcpStream::connect(host).expect("connect");
    s.set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .expect("timeout");
    let req =
        format!("GET {path} HTTP/1.1\r\nHost: {host}\r\n{header}\r\nConnection: close\r\n\r\n");
    s.write_all(req.as_bytes()).expect("write");
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    String::from_utf8_lossy(&buf)
        .lines()
        .next()
        .unwrap_or("")
        .to_string()
}

/// A form as a page offers it.
struct FormSpec {
    page: String,
    method: String,
    action: String,
    multipart: bool,
    has_file: bool,
    /// Name, value as the page gives it, and whether the test changes it.
    fields: Vec<(String, String, bool)>,
}

fn forms_of(page: &str, body: &str) -> Vec<FormSpec> {
    let doc = Html::parse_document(body);
    let form_sel = Selector::parse("form").expect("selector");
    let field_sel = Selector::parse("input[name], textarea[name], select[name], button[name]")
        .expect("selector");
    let option_sel = Selector::parse("option").expect("selector");
    let mut out = Vec::new();
    for form in doc.select(&form_sel) {
        let attr = |n: &str| form.value().attr(n).unwrap_or("").to_string();
        let action = match attr("action") {
            a if a.is_empty() => page.to_string(),
            a => a,
        };
        let mut spec = FormSpec {
            page: page.to_string(),
            method: attr("method").to_lowercase(),
            action,
            multipart: attr("enctype") == "multipart/form-data",
            has_file: false,
            fields: Vec::new(),
        };
        let mut button = false;
        for f in form.select(&field_sel) {
            let el = f.value();
            let name = el.attr("name").unwrap_or("").to_string();
            let value = el.attr("value").unwrap_or("").to_string();
            match el.name() {
                "textarea" => spec.fields.push((name, f.text().collect(), true)),
                "select" => {
                    let opts: Vec<_> = f.select(&option_sel).collect();
                    let chosen = opts
                        .iter()
                        .find(|o| o.value().attr("selected").is_some())
                        .or(opts.first())
                        .and_then(|o| o.value().attr("value"))
                        .unwrap_or("")
                        .to_string();
                    spec.fields.push((name, chosen, true));
                }
                "button" => {
                    if !button {
                        button = true;
                        spec.fields.push((name, value, true));
                    }
                }
                _ => match el.attr("type").unwrap_or("text") {
                    "checkbox" | "radio" => {
                        if el.attr("checked").is_some() {
                            let v = if value.is_empty() { "on".into() } else { value };
                            spec.fields.push((name, v, true));
                        }
                    }
                    "file" => spec.has_file = true,
                    "submit" | "image" | "reset" => {}
                    _ => {
                        let mutate = name != "csrf_token";
                        spec.fields.push((name, value, mutate));
                    }
                },
            }
        }
        out.push(spec);
    }
    out
}

/// Submits `form` with `bad` appended to field `i` (or to the file name), as a browser
/// would send it.
async fn send(app: &TestApp, form: &FormSpec, i: Option<usize>, bad: &str) -> Page {
    let fields: Vec<(String, String)> = form
        .fields
        .iter()
        .enumerate()
        .map(|(j, (n, v, _))| {
            let v = if Some(j) == i {
                format!("{v}{bad}x")
            } else {
                v.clone()
            };
            (n.clone(), v)
        })
        .collect();
    let url = app.url(&form.action);
    let req = if form.method != "post" {
        app.client.get(url).query(&fields)
    } else if form.multipart {
        let mut mp = reqwest::multipart::Form::new();
        for (k, v) in fields {
            mp = mp.text(k, v);
        }
        if form.has_file {
            let name = if i.is_none() {
                format!("photo{bad}.jpg")
            } else {
                "photo.jpg".into()
            };
            let part = reqwest::multipart::Part::bytes(jpeg(200, 200, 9))
                .file_name(name)
                .mime_str("image/jpeg")
                .expect("mime");
            mp = mp.part("photos", part);
        }
        app.client.post(url).multipart(mp)
    } else {
        app.client.post(url).form(&fields)
    };
    TestApp::read(req.send().await.expect("send")).await
}

/// Every form of every page `email` (or a visitor) sees, each text field in turn with a
/// NUL byte and with another control character: never a 500.
async fn submit_every_form(app: &TestApp, pages: &[String]) -> usize {
    let mut sent = 0;
    for path in pages {
        let page = app.get(path).await;
        assert!(page.status.as_u16() < 500, "{path}: {}", page.status);
        for form in forms_of(path, &page.body) {
            if form.action.starts_with("/logout") {
                continue;
            }
            let mut targets: Vec<Option<usize>> = form
                .fields
                .iter()
                .enumerate()
                .filter(|(_, f)| f.2)
                .map(|(i, _)| Some(i))
                .collect();
            if form.multipart && form.has_file {
                targets.push(None);
            }
            for i in targets {
                for bad in ["\0", "\u{1}"] {
                    let got = send(app, &form, i, bad).await;
                    let field = i.map(|i| form.fields[i].0.as_str()).unwrap_or("file name");
                    assert!(
                        got.status.as_u16() < 500,
                        "{} form {} {} with {bad:?} in {field}: {}\n{}",
                        form.page,
                        form.method,
                        form.action,
                        got.status,
                        got.body
                    );
                    sent += 1;
                }
            }
        }
    }
    sent
}

#[tokio::test]
async fn every_form_of_the_site_takes_nul_and_control_characters_without_a_500() {
    let app = spawn_app().await;
    // Visitors' forms.
    let visitor = [
        "/",
        "/signup",
        "/login",
        "/password/forgot",
        "/password/reset/nope",
        "/search?q=camera",
    ]
    .map(String::from);
    let mut sent = submit_every_form(&app, &visitor).await;

    // A seller and a buyer with orders in several states.
    let d = o::deal(&app, Item::default()).await;
    let shipped_one = d.order(&app, o::OrderState::Paid).await;
    let second = o::listing(&app, d.seller, Item::default()).await;
    let editable = o::listing(&app, d.seller, Item::default()).await;
    let waiting = factories::order(&app, o::PARTIES, second, o::OrderState::Placed).await;
    let third = o::listing(&app, d.seller, Item::default()).await;
    let paying = o::order_of(
        o::buy(&app, third, &uuid::Uuid::new_v4().to_string())
            .await
            .assert_status(303),
    );
    let pay_page = o::checkout(&app, paying, "ship").await;
    let fourth = o::listing(&app, d.seller, Item::default()).await;
    let disputed = factories::order(&app, o::PARTIES, fourth, o::OrderState::Disputed).await;
    let buyer_pages = [
        format!("/orders/{waiting}"),
        pay_page,
        format!("/orders/{disputed}"),
        format!("/orders/{shipped_one}"),
        "/me/purchases".into(),
        "/me/settings".into(),
        format!("/listings/{}", d.listing),
        "/".into(),
    ];
    sent += submit_every_form(&app, &buyer_pages).await;

    o::as_user(&app, o::SELLER).await;
    let seller_pages = [
        "/sell".into(),
        format!("/listings/{editable}/edit"),
        format!("/orders/{disputed}"),
        format!("/orders/{shipped_one}"),
        "/me/sales".into(),
        "/me/listings".into(),
        format!("/listings/{third}"),
    ];
    sent += submit_every_form(&app, &seller_pages).await;

    let mut admin = UserSpec::new("admin@example.com");
    admin.role = "admin";
    factories::user(&app, admin).await;
    o::as_user(&app, "admin@example.com").await;
    let admin_pages = [
        "/admin/disputes".to_string(),
        format!("/orders/{disputed}"),
        "/admin/books".into(),
        "/admin/users".into(),
        format!("/admin/users/{}", d.seller),
        "/admin/listings".into(),
        "/admin/orders".into(),
        "/admin/audit".into(),
    ];
    sent += submit_every_form(&app, &admin_pages).await;
    assert!(
        sent > 100,
        "only {sent} submissions: the pages lost their forms?"
    );

    // And no control character reached a table (JSON shows one as \u0001).
    let leaked = app
        .count(
            "SELECT count(*) AS n FROM (\
               SELECT row_to_json(t)::text AS j FROM users t UNION ALL \
               SELECT row_to_json(t)::text FROM listings t UNION ALL \
               SELECT row_to_json(t)::text FROM orders t UNION ALL \
               SELECT row_to_json(t)::text FROM addresses t UNION ALL \
               SELECT row_to_json(t)::text FROM order_events t UNION ALL \
               SELECT row_to_json(t)::text FROM disputes t UNION ALL \
               SELECT row_to_json(t)::text FROM dispute_evidence t UNION ALL \
               SELECT row_to_json(t)::text FROM outbound_emails t UNION ALL \
               SELECT row_to_json(t)::text FROM rate_limits t) x \
             WHERE strpos(j, '\\u0001') > 0",
        )
        .await;
    assert_eq!(leaked, 0, "a control character was stored");
}

#[tokio::test]
async fn a_refused_post_leaves_the_caches_alone() {
    use diesel::prelude::*;
    use pasar::db::schema::listings;
    let app = spawn_app_with(Options {
        extra_env: vec![("PASAR_CACHE_MS", "60000".into())],
        ..Options::default()
    })
    .await;
    let seller = factories::signed_in(&app, "seller@example.com").await;
    let id = o::listing(&app, seller, Item::default()).await;
    let page = format!("/listings/{id}");
    app.get(&page).await.assert_contains("Vintage camera");
    app.get("/").await.assert_contains("Vintage camera");
    app.db(move |c| {
        diesel::update(listings::table.find(id))
            .set(listings::title.eq("Vintage camera with lens"))
            .execute(c)
            .expect("renamed")
    })
    .await;
    // Anyone may send these; none changed anything.
    let stranger = app.new_browser();
    for path in ["/webhooks/nothing", "/webhooks/stripe", "/webhooks/sandbox"] {
        let r = stranger
            .post(app.url(path))
            .body("{}")
            .send()
            .await
            .expect("post");
        assert!(r.status().is_client_error(), "{path}: {}", r.status());
    }
    app.post("/login", &[("email", "x\0"), ("password", "y")])
        .await
        .assert_status(422);
    assert!(!app.get(&page).await.contains("with lens"));
    assert!(!app.get("/").await.contains("with lens"));
    // An accepted change still clears them at once.
    app.post("/me/holiday/end", &[]).await.assert_status(303);
    app.get(&page)
        .await
        .assert_contains("Vintage camera with lens");
}
