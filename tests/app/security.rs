//! Issue 8, accounts and requests: redirect targets, client addresses and lockouts,
//! password work under load, sessions, CSRF tokens out of URLs and logs.

use std::time::{Duration, Instant};

use crate::helpers::factories::{self, UserSpec};
use crate::helpers::*;

const STRONG: &str = "purple mango rocket 77";

fn with_env(vars: &[(&'static str, &str)]) -> Options {
    Options {
        extra_env: vars.iter().map(|(k, v)| (*k, v.to_string())).collect(),
        ..Default::default()
    }
}

/// Behind one trusted proxy, which appends the address it saw.
fn behind_proxy() -> Options {
    // PASAR_TRUST_PROXY too, so the old code trusted the header as well.
    with_env(&[("PASAR_TRUSTED_PROXIES", "1"), ("PASAR_TRUST_PROXY", "1")])
}

/// A login through the proxy: `forged` is what the client wrote, `real` what the proxy
/// saw.
async fn login_via(app: &TestApp, forged: &str, real: &str, email: &str, pw: &str) -> Page {
    let token = app.csrf().await;
    TestApp::read(
        app.client
            .post(app.url("/login"))
            .header("x-forwarded-for", format!("{forged}, {real}"))
            .form(&[
                ("csrf_token", token.as_str()),
                ("email", email),
                ("password", pw),
            ])
            .send()
            .await
            .expect("POST"),
    )
    .await
}

/// Where a browser goes with this `Location`: it must be a path on the site.
fn assert_stays_on_site(app: &TestApp, payload: &str, location: Option<&str>) {
    let loc = location.unwrap_or_else(|| panic!("no Location for {payload:?}"));
    let base = url::Url::parse(&app.addr).expect("base");
    let lands = base.join(loc).expect("location parses");
    assert_eq!(
        lands.origin(),
        base.origin(),
        "{payload:?} sent the browser to {lands}"
    );
    assert!(
        loc.starts_with('/') && !loc.starts_with("//") && !loc.starts_with("/\\"),
        "{payload:?} gave {loc:?}"
    );
    assert!(
        !loc.chars().any(|c| c.is_control() || c.is_whitespace()),
        "{payload:?} gave {loc:?}"
    );
}

/// A query string with a control character is refused at the door (`web::hygiene`,
/// 400) before any handler reads `next=`; anything else must redirect on the site.
fn assert_refused_or_stays_on_site(app: &TestApp, payload: &str, page: &Page) {
    if payload.chars().any(|c| c.is_control()) {
        assert_eq!(page.status.as_u16(), 400, "{payload:?} was not refused");
        assert!(page.location.is_none(), "{payload:?} still redirected");
    } else {
        assert_stays_on_site(app, payload, page.location.as_deref());
    }
}

fn payloads(app: &TestApp) -> Vec<String> {
    let host = app.addr.trim_start_matches("http://").to_string();
    let mut list: Vec<String> = [
        "/\t/evil.example",
        "\t//evil.example",
        "/\n/evil.example",
        "/\r/evil.example",
        "/\0/evil.example",
        "/\r\n/evil.example",
        "//evil.example",
        "///evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "\\/evil.example",
        "/\\/evil.example",
        "/%2F%2Fevil.example",
        "/%09/evil.example",
        "https:evil.example",
        "https://evil.example",
        "HTTPS://EVIL.EXAMPLE",
        "hTtPs://evil.example/x",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "/\u{ff0f}/evil.example",
        "\u{ff0f}\u{ff0f}evil.example",
        "/\u{2215}\u{2215}evil.example",
        " //evil.example",
        "/\u{a0}/evil.example",
        "http://evil.example",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    list.push(format!("//{host}@evil.example"));
    list.push(format!("http://{host}@evil.example/"));
    list.push(format!("http://evil.example\\@{host}/"));
    list.push(format!("http://{host}//evil.example"));
    list
}

#[tokio::test]
async fn no_redirect_target_leaves_the_site() {
    let app = spawn_app().await;
    factories::signed_in(&app, "nav@example.com").await;
    let payloads = payloads(&app);
    assert!(payloads.len() >= 25);
    for p in &payloads {
        let q: String = url::form_urlencoded::byte_serialize(p.as_bytes()).collect();
        // Signed in, the login page sends the reader on at once.
        let page = app.get(&format!("/login?next={q}")).await;
        assert_refused_or_stays_on_site(&app, p, &page);
        let page = app.post("/lang", &[("lang", "en"), ("next", p)]).await;
        assert_stays_on_site(&app, p, page.location.as_deref());
    }
    // The review's example, exactly as a link would carry it.
    let page = app.get("/login?next=/%09/evil.example").await;
    // `%09` decodes to a tab.
    assert_refused_or_stays_on_site(&app, "/\t/evil.example", &page);
    // An absolute URL on the site itself is fine, as its path.
    let own = format!("{}/me/settings?tab=1", app.addr);
    let page = app.post("/lang", &[("lang", "en"), ("next", &own)]).await;
    page.redirects_to("/me/settings?tab=1");
    // "Resend the link" takes the same road (an unverified member).
    let app = spawn_app().await;
    let mut spec = UserSpec::new("new@example.com");
    spec.verified = false;
    factories::user(&app, spec).await;
    app.login("new@example.com", PASSWORD)
        .await
        .assert_status(303);
    for p in payloads.iter().take(4) {
        let page = app.post("/verify/resend", &[("next", p)]).await;
        assert_stays_on_site(&app, p, page.location.as_deref());
    }
}

#[tokio::test]
async fn forged_forwarded_addresses_do_not_escape_the_ip_limit() {
    let app = spawn_app_with(behind_proxy()).await;
    for i in 0..35 {
        factories::user(&app, UserSpec::new(&format!("u{i}@example.com"))).await;
    }
    let mut limited_at = None;
    for i in 0..35 {
        let page = login_via(
            &app,
            &format!("198.51.100.{i}"),
            "203.0.113.7",
            &format!("u{i}@example.com"),
            "wrong wrong wrong",
        )
        .await;
        if page.status.as_u16() == 429 {
            limited_at = Some(i);
            break;
        }
        page.assert_status(422);
    }
    assert_eq!(
        limited_at,
        Some(30),
        "the 31st login from one address waits"
    );
    // Another client behind the same proxy is not affected.
    login_via(&app, "1.2.3.4", "203.0.113.8", "u0@example.com", PASSWORD)
        .await
        .assert_status(303);
}

#[tokio::test]
async fn wrong_passwords_from_one_address_do_not_lock_the_owner_out() {
    let app = spawn_app_with(behind_proxy()).await;
    factories::user(&app, UserSpec::new("owner@example.com")).await;
    for _ in 0..8 {
        login_via(
            &app,
            "x",
            "203.0.113.66",
            "owner@example.com",
            "guess guess",
        )
        .await
        .assert_status(422);
    }
    login_via(&app, "x", "203.0.113.66", "owner@example.com", PASSWORD)
        .await
        .assert_status(429);
    login_via(&app, "x", "192.0.2.10", "owner@example.com", PASSWORD)
        .await
        .assert_status(303);
}

#[tokio::test]
async fn an_account_guessed_at_from_many_addresses_is_slowed_not_locked() {
    let app = spawn_app_with(behind_proxy()).await;
    factories::user(&app, UserSpec::new("target@example.com")).await;
    for i in 0..12 {
        login_via(
            &app,
            "x",
            &format!("203.0.113.{i}"),
            "target@example.com",
            "guess guess",
        )
        .await
        .assert_status(422);
    }
    let started = Instant::now();
    login_via(&app, "x", "192.0.2.99", "target@example.com", PASSWORD)
        .await
        .assert_status(303);
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "an account under attack answers slowly"
    );
}

async fn reset_link(app: &TestApp, email: &str) -> String {
    app.post("/password/forgot", &[("email", email)])
        .await
        .assert_status(200);
    let text = app.outbox_text(email, "reset_password").await;
    path_of(
        text.split_whitespace()
            .find(|w| w.contains("/password/reset/"))
            .expect("link"),
    )
}

#[tokio::test]
async fn a_password_reset_clears_failed_logins_and_its_flash_shows() {
    let app = spawn_app().await;
    factories::user(&app, UserSpec::new("forgetful@example.com")).await;
    for _ in 0..8 {
        app.login("forgetful@example.com", "not it at all")
            .await
            .assert_status(422);
    }
    app.login("forgetful@example.com", PASSWORD)
        .await
        .assert_status(429);
    let link = reset_link(&app, "forgetful@example.com").await;
    app.post(&link, &[("password", STRONG)])
        .await
        .redirects_to("/login");
    // The flash added after signing out reaches the next page.
    app.get("/login")
        .await
        .assert_contains("Your password was changed");
    app.login("forgetful@example.com", STRONG)
        .await
        .redirects_to("/");
}

#[tokio::test]
async fn reset_checks_the_token_first_and_is_rate_limited() {
    let app = spawn_app().await;
    // A weak password to a bogus link: the link is refused, nothing is checked or hashed.
    app.post("/password/reset/not-a-token", &[("password", "a")])
        .await
        .assert_status(400)
        .assert_contains("not valid any more");
    let mut statuses = Vec::new();
    for _ in 0..21 {
        statuses.push(
            app.post("/password/reset/not-a-token", &[("password", STRONG)])
                .await
                .status
                .as_u16(),
        );
    }
    assert!(statuses[..19].iter().all(|s| *s == 400), "{statuses:?}");
    assert_eq!(statuses[20], 429, "{statuses:?}");
}

#[tokio::test]
async fn password_confirmations_in_settings_are_rate_limited() {
    let app = spawn_app().await;
    factories::signed_in(&app, "cookie@example.com").await;
    for _ in 0..5 {
        app.post(
            "/me/settings/password",
            &[("current_password", "guess one"), ("new_password", STRONG)],
        )
        .await
        .assert_status(422);
        app.post(
            "/me/settings/email",
            &[
                ("current_password", "guess two"),
                ("new_email", "n@example.com"),
            ],
        )
        .await
        .assert_status(422);
    }
    let page = app
        .post("/me/settings/delete", &[("current_password", PASSWORD)])
        .await;
    page.assert_status(429).assert_contains("try again in");
    assert!(page.headers.contains_key("retry-after"));
}

#[tokio::test]
async fn a_flood_of_password_work_gets_a_busy_page_and_pages_still_answer() {
    let mut opts = behind_proxy();
    opts.extra_env.push(("PASAR_CPU_THREADS", "1".into()));
    opts.extra_env.push(("PASAR_CPU_QUEUE", "1".into()));
    let app = spawn_app_with(opts).await;
    let flood: Vec<_> = (0..12)
        .map(|i| {
            let app = &app;
            async move {
                // Unknown accounts: each is checked against the cost-12 dummy hash.
                login_via(
                    app,
                    "x",
                    &format!("203.0.113.{i}"),
                    &format!("nobody{i}@example.com"),
                    "whatever it is",
                )
                .await
            }
        })
        .collect();
    let health = async {
        tokio::time::sleep(Duration::from_millis(150)).await;
        let started = Instant::now();
        let page = app.get("/healthz").await;
        (page.status.as_u16(), started.elapsed())
    };
    let (pages, (health, took)) = tokio::join!(futures_util::future::join_all(flood), health);
    let busy: Vec<&Page> = pages.iter().filter(|p| p.status.as_u16() == 503).collect();
    assert!(!busy.is_empty(), "a full queue is refused at once");
    busy[0].assert_contains("Pasar is very busy");
    assert!(busy[0].headers.contains_key("retry-after"));
    assert!(pages.iter().all(|p| matches!(p.status.as_u16(), 422 | 503)));
    assert_eq!(health, 200);
    assert!(
        took < Duration::from_secs(2),
        "the database path stayed free: {took:?}"
    );
}

#[tokio::test]
async fn deleting_the_account_shows_its_flash() {
    let app = spawn_app().await;
    factories::signed_in(&app, "leaving@example.com").await;
    app.post("/me/settings/delete", &[("current_password", PASSWORD)])
        .await
        .redirects_to("/");
    app.get("/")
        .await
        .assert_contains("Your account is closed and will be deleted on");
}

async fn signed_in_now(app: &TestApp) -> bool {
    app.get("/me/settings").await.status.as_u16() == 200
}

#[tokio::test]
async fn idle_sessions_end() {
    let app = spawn_app_with(with_env(&[("PASAR_SESSION_IDLE", "2s")])).await;
    factories::signed_in(&app, "idle@example.com").await;
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert!(signed_in_now(&app).await, "used within the idle time");
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert!(signed_in_now(&app).await, "each use restarts the idle time");
    tokio::time::sleep(Duration::from_millis(3100)).await;
    assert!(!signed_in_now(&app).await, "idle too long");
    app.get("/login")
        .await
        .assert_contains("Your session ended, for your security");
}

#[tokio::test]
async fn sessions_have_an_absolute_lifetime() {
    let app = spawn_app_with(with_env(&[
        ("PASAR_SESSION_LIFETIME", "3s"),
        ("PASAR_SESSION_IDLE", "1h"),
    ]))
    .await;
    factories::signed_in(&app, "long@example.com").await;
    for _ in 0..2 {
        tokio::time::sleep(Duration::from_millis(900)).await;
        assert!(signed_in_now(&app).await);
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(
        !signed_in_now(&app).await,
        "past the lifetime, however busy"
    );
}

#[tokio::test]
async fn logging_out_of_every_device_ends_every_session() {
    let app = spawn_app().await;
    factories::signed_in(&app, "many@example.com").await;
    let other = app.new_browser();
    let token = {
        let page = TestApp::read(other.get(app.url("/login")).send().await.expect("GET")).await;
        csrf_of(&page.body).expect("token")
    };
    let resp = other
        .post(app.url("/login"))
        .form(&[
            ("csrf_token", token.as_str()),
            ("email", "many@example.com"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .expect("login");
    assert_eq!(resp.status().as_u16(), 303);
    app.get("/me/settings")
        .await
        .assert_contains("Log out of every device");
    app.post("/me/settings/sessions/end", &[])
        .await
        .redirects_to("/login");
    app.get("/login")
        .await
        .assert_contains("You are now logged out on every device");
    assert!(!signed_in_now(&app).await);
    let resp = other
        .get(app.url("/me/settings"))
        .send()
        .await
        .expect("GET");
    assert_eq!(resp.status().as_u16(), 303, "the other device is out too");
}

async fn multipart(app: &TestApp, path: &str, form: reqwest::multipart::Form) -> Page {
    TestApp::read(
        app.client
            .post(app.url(path))
            .multipart(form)
            .send()
            .await
            .expect("POST"),
    )
    .await
}

#[tokio::test]
async fn multipart_forms_carry_the_token_in_the_body_not_the_url() {
    let app = spawn_app().await;
    factories::signed_in(&app, "seller@example.com").await;
    let page = app.get("/sell").await;
    page.assert_status(200);
    assert!(
        !page.body.contains("?csrf_token="),
        "no token in a form's URL"
    );
    let token = csrf_of(&page.body).expect("token");
    let form = || {
        reqwest::multipart::Form::new()
            .text("title", "A lamp")
            .text("action", "draft")
    };
    // In the body, first: accepted (the form has errors, but it got past CSRF).
    let with_token = form().text("csrf_token", token.clone());
    let first = reqwest::multipart::Form::new()
        .text("csrf_token", token.clone())
        .text("title", "A lamp")
        .text("action", "draft");
    let page = multipart(&app, "/sell", first).await;
    assert!(
        matches!(page.status.as_u16(), 303 | 422),
        "{}: {}",
        page.status,
        page.body
    );
    // In the URL, or missing, or not the first field: refused.
    multipart(&app, &format!("/sell?csrf_token={token}"), form())
        .await
        .assert_status(403);
    multipart(&app, "/sell", form()).await.assert_status(403);
    multipart(&app, "/sell", with_token)
        .await
        .assert_status(403);
    let wrong = form().text("csrf_token", "nope");
    multipart(&app, "/sell", wrong).await.assert_status(403);
}

#[tokio::test]
async fn secrets_stay_out_of_the_request_log() {
    let Ok(log) = std::env::var("PASAR_TEST_LOG") else {
        eprintln!("PASAR_TEST_LOG unset: no request log to read");
        return;
    };
    let app = spawn_app().await;
    let secret = format!("s3cret{}", app.port);
    app.get(&format!("/password/reset/{secret}path")).await;
    app.get(&format!("/search?q=lamp&csrf_token={secret}query"))
        .await;
    app.get(&format!("/verify/{secret}verify")).await;
    // The request's log line is written as its span closes, just after the answer.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let text = std::fs::read_to_string(log).expect("log");
    assert!(
        text.contains("/password/reset/{token}"),
        "requests are logged"
    );
    assert!(!text.contains(&secret), "a token reached the log");
}
