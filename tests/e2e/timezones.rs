//! The browser's time zone reaches the server through `static/tz.js`: the sign-up form's
//! hidden field and the `tz` cookie (issue 8).

use super::*;

/// A browser whose clock is in `tz` (Chromium follows the `TZ` of its process).
async fn browser_in(tz: &str) -> Browser {
    let port = free_port();
    let driver =
        Command::new(std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into()))
            .arg(format!("--port={port}"))
            .env("TZ", tz)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts (apt-get install chromium-driver)");
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not come up");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic", "--window-size=1280,900"
            ]
        }),
    );
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("browser session");
    Browser { client, driver }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_up_takes_the_zone_of_the_browser() {
    let app = spawn_app().await;
    let browser = browser_in("Asia/Tokyo").await;
    let base = app.addr.clone();
    browser
        .journey("signup-time-zone", |c| async move {
            c.goto(&format!("{base}/signup")).await?;
            let zone = c
                .execute(
                    "return Intl.DateTimeFormat().resolvedOptions().timeZone",
                    vec![],
                )
                .await?;
            anyhow::ensure!(zone == "Asia/Tokyo", "the browser is in {zone}");
            // The script told visitors' pages its zone...
            let cookie = c.get_named_cookie("tz").await?;
            anyhow::ensure!(cookie.value() == "Asia/Tokyo", "tz cookie {cookie:?}");
            fill(&c, "#display_name", "Haruka Sato").await?;
            fill(&c, "#email", "haruka@example.com").await?;
            fill(&c, "#password", "maple lantern river 73").await?;
            click(&c, "form[action='/signup'] button[type=submit]").await?;
            see(&c, "We sent a confirmation link to haruka@example.com").await?;
            // ...and the new member's settings start from it.
            c.goto(&format!("{base}/me/settings")).await?;
            let chosen = c
                .find(Locator::Css("#time_zone option:checked"))
                .await?
                .attr("value")
                .await?;
            anyhow::ensure!(
                chosen.as_deref() == Some("Asia/Tokyo"),
                "settings show {chosen:?}"
            );
            Ok(())
        })
        .await;
    let n = app
        .count("SELECT count(*) AS n FROM users WHERE time_zone = 'Asia/Tokyo'")
        .await;
    assert_eq!(n, 1);
}
