//! The page shell: layout, error pages, CSRF, security headers, static files, languages.

use crate::helpers::factories::{self, UserSpec};
use crate::helpers::*;

#[tokio::test]
async fn home_page_has_the_layout() {
    let app = spawn_app().await;
    let page = app.get("/").await;
    page.assert_status(200)
        .assert_contains("<html lang=\"en\">")
        .assert_contains("name=\"q\"")
        .assert_contains("href=\"/signup\"")
        .assert_contains("Bahasa Indonesia")
        .assert_contains("Ελληνικά");
    // htmx is vendored and served with a content hash and a long cache lifetime.
    let re = regex::Regex::new(r#"src="(/static/[0-9a-f]+/htmx\.min\.js)""#).expect("regex");
    let src = re.captures(&page.body).expect("htmx script")[1].to_string();
    let js = app.client.get(app.url(&src)).send().await.expect("get");
    assert_eq!(js.status().as_u16(), 200);
    let cache = js.headers()["cache-control"]
        .to_str()
        .expect("header")
        .to_string();
    assert!(
        cache.contains("max-age=31536000") && cache.contains("immutable"),
        "{cache}"
    );
    assert!(js.text().await.expect("body").contains("htmx"));
}

#[tokio::test]
async fn security_headers_are_set() {
    let app = spawn_app().await;
    let page = app.get("/").await;
    let h = |n: &str| {
        page.headers
            .get(n)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    assert!(h("content-security-policy").contains("frame-ancestors 'none'"));
    assert!(h("content-security-policy").contains("script-src 'self'"));
    assert!(!h("content-security-policy").contains("unsafe-inline"));
    assert_eq!(h("x-content-type-options"), "nosniff");
    assert_eq!(h("referrer-policy"), "strict-origin-when-cross-origin");
    // HSTS only in production (served over https).
    assert!(h("strict-transport-security").is_empty());
    let cookie = h("set-cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
}

/// Every `<script>` of the main pages loads a file of ours: no inline code (whatever its
/// attributes) and nothing from another origin.
#[tokio::test]
async fn every_script_is_a_file_from_our_own_origin() {
    let app = spawn_app().await;
    let scripts = scraper::Selector::parse("script").expect("selector");
    let mut seen = 0;
    for path in ["/", "/login", "/signup", "/search?q=lamp", "/missing"] {
        let page = app.get(path).await;
        let doc = scraper::Html::parse_document(&page.body);
        for s in doc.select(&scripts) {
            seen += 1;
            let src = s.value().attr("src").unwrap_or("");
            let local = src.starts_with('/') && !src.starts_with("//")
                || src.starts_with(&format!("{}/", app.addr));
            assert!(
                local,
                "{path}: script from elsewhere or inline: {}",
                s.html()
            );
            assert!(
                s.text().collect::<String>().trim().is_empty(),
                "{path}: inline code in {}",
                s.html()
            );
        }
    }
    assert!(seen >= 5, "the pages load their scripts");
}

#[tokio::test]
async fn error_pages_are_translated_pages_with_the_right_status() {
    let app = spawn_app().await;
    app.get("/no/such/page")
        .await
        .assert_status(404)
        .assert_contains("Page not found")
        .assert_contains("Pasar");
    app.get("/logout")
        .await
        .assert_status(405)
        .assert_contains("Not allowed here");
    let fr = app
        .client
        .get(app.url("/nothing-here"))
        .header("accept-language", "fr-FR,fr;q=0.9,en;q=0.5")
        .send()
        .await
        .expect("get");
    assert_eq!(fr.status().as_u16(), 404);
    let body = unescape(&fr.text().await.expect("body"));
    assert!(body.contains("<html lang=\"fr\">"), "{body}");
    assert!(!body.contains("Page not found"));
}

#[tokio::test]
async fn unsafe_requests_need_the_csrf_token() {
    let app = spawn_app().await;
    factories::user(&app, UserSpec::new("c@example.com")).await;
    app.get("/login").await;
    // Missing token.
    app.post_raw(
        "/login",
        &[("email", "c@example.com"), ("password", PASSWORD)],
    )
    .await
    .assert_status(403)
    .assert_contains("Not allowed");
    // Wrong token.
    app.post_raw(
        "/login",
        &[
            ("csrf_token", "forged"),
            ("email", "c@example.com"),
            ("password", PASSWORD),
        ],
    )
    .await
    .assert_status(403);
    // A fresh browser with no session at all.
    let resp = app
        .new_browser()
        .post(app.url("/signup"))
        .form(&[
            ("display_name", "Eve"),
            ("email", "eve@example.com"),
            ("password", "strong words are here"),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status().as_u16(), 403);
    assert_eq!(app.count("SELECT count(*) AS n FROM users").await, 1);
    // htmx sends the token as a header.
    let token = app.csrf().await;
    let resp = app
        .client
        .post(app.url("/login"))
        .header("x-csrf-token", token.clone())
        .header("hx-request", "true")
        .form(&[("email", "c@example.com"), ("password", PASSWORD)])
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status().as_u16(), 303);
    // A request from another site is refused even with the token.
    let token = app.csrf().await;
    let resp = app
        .client
        .post(app.url("/logout"))
        .header("origin", "https://evil.example")
        .form(&[("csrf_token", token.as_str())])
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status().as_u16(), 403);
    app.get("/me/settings").await.assert_status(200);
}

#[tokio::test]
async fn a_huge_form_body_is_refused_with_413() {
    let app = spawn_app().await;
    let token = app.csrf().await;
    let big = "x".repeat(2 * 1024 * 1024);
    let page = app
        .post_raw("/signup", &[("csrf_token", &token), ("display_name", &big)])
        .await;
    page.assert_status(413).assert_contains("Too large");
    // Also when the token sits in a header and the form extractor reads the body.
    let resp = app
        .client
        .post(app.url("/signup"))
        .header("x-csrf-token", token)
        .form(&[("display_name", big.as_str())])
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status().as_u16(), 413);
    assert_eq!(app.count("SELECT count(*) AS n FROM users").await, 0);
}

#[tokio::test]
async fn language_comes_from_setting_then_cookie_then_accept_language() {
    let app = spawn_app().await;
    // Accept-Language.
    let body = app
        .client
        .get(app.url("/"))
        .header("accept-language", "el-GR,el;q=0.9")
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("body");
    assert!(body.contains("<html lang=\"el\">"));
    // The switcher sets a cookie that beats Accept-Language.
    app.post("/lang", &[("lang", "id"), ("next", "/login")])
        .await
        .redirects_to("/login");
    let body = app
        .client
        .get(app.url("/login"))
        .header("accept-language", "fr")
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("body");
    assert!(body.contains("<html lang=\"id\">"), "{body}");
    assert!(body.contains("Masuk"), "Indonesian login page");
    // An unknown language is a bad request, not a crash.
    app.post("/lang", &[("lang", "xx")])
        .await
        .assert_status(400);
    // The switcher's next= stays local.
    app.post("/lang", &[("lang", "en"), ("next", "https://evil.example")])
        .await
        .redirects_to("/");
    // A signed-in user's own setting wins over the cookie.
    let mut spec = UserSpec::new("gr@example.com");
    spec.locale = "el";
    factories::user(&app, spec).await;
    app.login("gr@example.com", PASSWORD).await;
    app.get("/").await.assert_contains("<html lang=\"el\">");
    // Switching while signed in changes the setting (so emails follow it too).
    app.post("/lang", &[("lang", "fr"), ("next", "/")]).await;
    let locale = app
        .count("SELECT count(*) AS n FROM users WHERE locale = 'fr'")
        .await;
    assert_eq!(locale, 1);
}

#[tokio::test]
async fn every_page_renders_in_every_language() {
    let app = spawn_app().await;
    for lang in ["en", "id", "el", "fr"] {
        app.post("/lang", &[("lang", lang), ("next", "/")]).await;
        for path in [
            "/",
            "/signup",
            "/login",
            "/password/forgot",
            "/password/reset/nope",
            "/missing",
        ] {
            let page = app.get(path).await;
            assert!(
                page.status.as_u16() < 500,
                "{path} in {lang}: {}",
                page.status
            );
            page.assert_contains(&format!("<html lang=\"{lang}\">"));
            // A missing message would show its key.
            assert!(
                !page.body.contains("nav-login") && !page.body.contains("error-404"),
                "{path} {lang}"
            );
        }
    }
}
