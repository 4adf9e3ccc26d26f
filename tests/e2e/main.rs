//! End-to-end journeys in real headless Chromium (Debian's chromium + chromium-driver),
//! against the real app, database and SMTP server. A failing journey leaves a screenshot
//! in `tests/artifacts/`.

#[path = "../app/helpers.rs"]
mod helpers;

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::Context;
use fantoccini::{Client, ClientBuilder, Locator};
use helpers::*;

mod moderation;
mod quality;
mod reviews;
mod shopper;
mod timezones;

/// A chromedriver process and a browser session on it; both end on drop.
struct Browser {
    client: Client,
    driver: Child,
    // Held while the browser lives: see `browser_slots`.
    _slot: tokio::sync::OwnedSemaphorePermit,
}

/// How many browsers may run at once. With one Chromium per test thread on a 2-core
/// machine, a posted form with two photos once took longer than the page wait (CI of
/// stop 16): journeys then measure the machine's load, not the site. Chromium needs about
/// a core while it renders, so the cap follows the cores (at least 2; `PASAR_E2E_BROWSERS`
/// overrides it).
fn browser_slots() -> std::sync::Arc<tokio::sync::Semaphore> {
    static SLOTS: std::sync::OnceLock<std::sync::Arc<tokio::sync::Semaphore>> =
        std::sync::OnceLock::new();
    SLOTS
        .get_or_init(|| {
            let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
            let n = std::env::var("PASAR_E2E_BROWSERS")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(cores.max(2));
            std::sync::Arc::new(tokio::sync::Semaphore::new(n))
        })
        .clone()
}

impl Browser {
    async fn start() -> Browser {
        Browser::start_with(true).await
    }

    /// A session with JavaScript on or off (off: every link and form must still work).
    async fn start_with(javascript: bool) -> Browser {
        Browser::start_in(javascript, None).await
    }

    /// A session whose clock is in time zone `tz` when given (Chromium follows the `TZ`
    /// of its process).
    async fn start_in(javascript: bool, tz: Option<&str>) -> Browser {
        let slot = browser_slots()
            .acquire_owned()
            .await
            .expect("the browser semaphore is never closed");
        let port = free_port();
        let mut command =
            Command::new(std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into()));
        command
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if let Some(tz) = tz {
            command.env("TZ", tz);
        }
        let driver = command
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
                ],
                "prefs": {
                    "profile.managed_default_content_settings.javascript": if javascript { 1 } else { 2 }
                }
            }),
        );
        // The console (script errors, failed loads) is read back by `console_errors`.
        caps.insert(
            "goog:loggingPrefs".into(),
            serde_json::json!({ "browser": "ALL" }),
        );
        // chromedriver speaks plain HTTP on loopback: no TLS stack needed.
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("browser session");
        Browser {
            client,
            driver,
            _slot: slot,
        }
    }

    async fn screenshot(&self, name: &str) -> PathBuf {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/artifacts");
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join(format!("{name}.png"));
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(&path, png);
        }
        path
    }

    /// Runs a journey; on failure saves a screenshot and the page source, then fails.
    async fn journey<F, Fut>(self, name: &str, f: F)
    where
        F: FnOnce(Client) -> Fut,
        Fut: std::future::Future<Output = anyhow::Result<()>>,
    {
        let result = f(self.client.clone()).await;
        if let Err(e) = result {
            let shot = self.screenshot(&format!("{name}-failure")).await;
            let source = self.client.source().await.unwrap_or_default();
            let _ = std::fs::write(shot.with_extension("html"), &source);
            self.close().await;
            panic!(
                "journey {name} failed: {e:#}\nscreenshot: {}",
                shot.display()
            );
        }
        self.close().await;
    }

    async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

async fn fill(c: &Client, css: &str, value: &str) -> anyhow::Result<()> {
    let e = c
        .wait()
        .for_element(Locator::Css(css))
        .await
        .with_context(|| format!("find {css}"))?;
    e.clear().await?;
    e.send_keys(value).await?;
    Ok(())
}

async fn click(c: &Client, css: &str) -> anyhow::Result<()> {
    c.wait()
        .for_element(Locator::Css(css))
        .await
        .with_context(|| format!("find {css}"))?
        .click()
        .await?;
    Ok(())
}

/// Waits until the page body contains `text`. The wait is generous because it covers a
/// posted form (photo re-encoding in a debug build on a loaded machine), and it ends as
/// soon as the text is there.
async fn see(c: &Client, text: &str) -> anyhow::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(40);
    loop {
        // Between two documents (a form posted without JavaScript) there is no body for
        // a moment: that is "not yet", not a failure.
        let body = match c.find(Locator::Css("body")).await {
            Ok(b) => b.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        if body.contains(text) {
            return Ok(());
        }
        if Instant::now() > deadline {
            anyhow::bail!("page never showed {text:?}; it shows:\n{body}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_up_verify_log_in_and_switch_to_indonesian() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(Options {
        smtp_url: Some(smtp.url()),
        ..Default::default()
    })
    .await;
    let browser = Browser::start().await;
    let base = app.addr.clone();
    browser
        .journey("signup-to-indonesian", |c| async move {
            c.goto(&format!("{base}/")).await?;
            see(&c, "Buy and sell with people near you").await?;
            click(&c, "a[href='/signup']").await?;
            fill(&c, "#display_name", "Rina Wijaya").await?;
            fill(&c, "#email", "rina@example.com").await?;
            fill(&c, "#password", "mango river lantern 58").await?;
            click(&c, "form[action='/signup'] button[type=submit]").await?;
            see(&c, "We sent a confirmation link to rina@example.com").await?;

            // Open the verification mail that reached the SMTP server and follow its link.
            let mail = smtp
                .wait_for(
                    "rina@example.com",
                    "Confirm your email",
                    Duration::from_secs(20),
                )
                .await;
            c.goto(&mail.link("/verify/")).await?;
            see(&c, "your email address is confirmed").await?;

            // Log out through the account menu, then log in again.
            click(&c, "details.menu summary").await?;
            click(&c, "form[action='/logout'] button").await?;
            see(&c, "Log in").await?;
            click(&c, "a[href='/login']").await?;
            fill(&c, "#email", "rina@example.com").await?;
            fill(&c, "#password", "mango river lantern 58").await?;
            click(&c, "form[action='/login'] button[type=submit]").await?;
            c.wait().for_element(Locator::Css("details.menu")).await?;

            // Switch the language in the footer: the page is now Indonesian.
            click(&c, "button[name=lang][value=id]").await?;
            c.wait().for_element(Locator::Css("html[lang=id]")).await?;
            see(&c, "Jual beli dengan orang di sekitar Anda").await?;
            c.goto(&format!("{base}/me/settings")).await?;
            see(&c, "Pengaturan").await?;

            // Look at it on a phone and on a desktop.
            for (w, h) in [(390, 844), (1280, 900)] {
                c.set_window_size(w, h).await?;
                c.goto(&format!("{base}/")).await?;
                let png = c.screenshot().await?;
                let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/artifacts");
                std::fs::create_dir_all(&dir)?;
                std::fs::write(dir.join(format!("home-id-{w}.png")), png)?;
            }
            Ok(())
        })
        .await;
    // The user's language followed the switch.
    let n = app
        .count("SELECT count(*) AS n FROM users WHERE locale = 'id'")
        .await;
    assert_eq!(n, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_work_without_javascript_errors_at_phone_width() {
    let app = spawn_app().await;
    let browser = Browser::start().await;
    let base = app.addr.clone();
    browser
        .journey("phone-width-forms", |c| async move {
            c.set_window_size(390, 844).await?;
            c.goto(&format!("{base}/signup")).await?;
            // A bad submission shows translated errors and keeps the input.
            fill(&c, "#display_name", "R").await?;
            fill(&c, "#email", "not-an-email").await?;
            click(&c, "form[action='/signup'] button[type=submit]").await?;
            see(&c, "Please use at least 2 characters.").await?;
            see(&c, "Please enter an email address like name@example.com.").await?;
            let kept = c.find(Locator::Css("#email")).await?.prop("value").await?;
            anyhow::ensure!(
                kept.as_deref() == Some("not-an-email"),
                "input kept: {kept:?}"
            );
            // The search box and the sign-up link are reachable on a phone.
            c.find(Locator::Css("form.search input[name=q]")).await?;
            Ok(())
        })
        .await;
}

/// A seller lists an item with two photos from a phone-width browser; a shopper finds it
/// by a misspelt search and opens it, on a phone and on a desktop.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_seller_lists_and_a_shopper_finds_it_misspelt() {
    let app = spawn_app().await;
    helpers::factories::user(
        &app,
        helpers::factories::UserSpec::new("seller@example.com"),
    )
    .await;
    let dir = tempdir("e2e-photos");
    let mut files = Vec::new();
    for (i, shade) in [30u8, 200].into_iter().enumerate() {
        let img = image::RgbImage::from_fn(900, 1100, |x, y| {
            image::Rgb([shade, (x / 4 % 256) as u8, (y / 5 % 256) as u8])
        });
        let path = dir.join(format!("photo{i}.jpg"));
        image::DynamicImage::ImageRgb8(img)
            .save(&path)
            .expect("save jpeg");
        files.push(path.display().to_string());
    }
    let browser = Browser::start().await;
    let base = app.addr.clone();
    browser
        .journey("sell-and-find", |c| async move {
            c.set_window_size(390, 844).await?;
            c.goto(&format!("{base}/login")).await?;
            fill(&c, "#email", "seller@example.com").await?;
            fill(&c, "#password", helpers::PASSWORD).await?;
            click(&c, "form[action='/login'] button[type=submit]").await?;
            c.wait().for_element(Locator::Css("details.menu")).await?;
            click(&c, "a.sell").await?;
            fill(&c, "#title", "Vintage Olympus camera").await?;
            fill(
                &c,
                "#description",
                "Olympus OM-1 film camera with a 50 mm lens. Works perfectly.",
            )
            .await?;
            let category = c.find(Locator::Css("#category")).await?;
            category.select_by_label("Cameras").await?;
            fill(&c, "#price", "149.90").await?;
            c.find(Locator::Css("#currency"))
                .await?
                .select_by_value("EUR")
                .await?;
            // Two photos at once (the input takes several paths separated by newlines).
            c.find(Locator::Css("#photos"))
                .await?
                .send_keys(&files.join("\n"))
                .await?;
            click(&c, "button[name=action][value=publish]").await?;
            see(&c, "Your listing is live.").await?;
            see(&c, "€149.90").await?;
            let shot = c.screenshot().await?;
            let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/artifacts");
            std::fs::create_dir_all(&dir)?;
            std::fs::write(dir.join("listing-390.png"), shot)?;

            // A shopper (logged out) searches with a typo and opens the listing.
            click(&c, "details.menu summary").await?;
            click(&c, "form[action='/logout'] button").await?;
            c.wait()
                .for_element(Locator::Css("a[href='/login']"))
                .await?;
            c.goto(&format!("{base}/search?q=olympsu")).await?;
            see(&c, "Vintage Olympus camera").await?;
            click(&c, "article.listing-card h3 a").await?;
            see(&c, "Olympus OM-1 film camera").await?;
            let imgs = c.find_all(Locator::Css(".gallery-main img")).await?;
            anyhow::ensure!(
                imgs.len() == 2,
                "two photos in the gallery, got {}",
                imgs.len()
            );
            c.set_window_size(1280, 900).await?;
            let shot = c.screenshot().await?;
            std::fs::write(dir.join("listing-1280.png"), shot)?;
            Ok(())
        })
        .await;
}

/// An active listing of `seller` (20.00 EUR, 5.00 shipping), made by the sell rule.
async fn camera_listing(app: &TestApp, seller: i64) -> i64 {
    helpers::factories::listing(app, seller, Default::default()).await
}

async fn log_in(c: &Client, base: &str, email: &str) -> anyhow::Result<()> {
    c.goto(&format!("{base}/login")).await?;
    fill(c, "#email", email).await?;
    fill(c, "#password", helpers::PASSWORD).await?;
    click(c, "form[action='/login'] button[type=submit]").await?;
    c.wait().for_element(Locator::Css("details.menu")).await?;
    Ok(())
}

async fn log_out(c: &Client) -> anyhow::Result<()> {
    click(c, "details.menu summary").await?;
    click(c, "form[action='/logout'] button").await?;
    c.wait()
        .for_element(Locator::Css("a[href='/login']"))
        .await?;
    Ok(())
}

async fn shot(c: &Client, name: &str) -> anyhow::Result<()> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/artifacts");
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join(format!("{name}.png")), c.screenshot().await?)?;
    Ok(())
}

/// The buyer's side up to the payment page: buy now, delivery and address, card.
async fn checkout_to_payment(c: &Client, base: &str, listing: i64) -> anyhow::Result<()> {
    c.goto(&format!("{base}/listings/{listing}")).await?;
    click(c, ".buy-form button[type=submit]").await?;
    see(c, "What happens next").await?;
    see(c, "€26.00").await?;
    fill(c, "#a-name", "Bea Buyer").await?;
    fill(c, "#a-line1", "1 rue de la Paix").await?;
    fill(c, "#a-postcode", "75002").await?;
    fill(c, "#a-city", "Paris").await?;
    fill(c, "#a-country", "France").await?;
    shot(c, "checkout-390").await?;
    click(c, ".checkout-form button[type=submit]").await?;
    see(c, "Pay securely").await?;
    Ok(())
}

async fn pay_with(c: &Client, card: &str) -> anyhow::Result<()> {
    fill(c, "#card_number", card).await?;
    fill(c, "#expiry", "12/34").await?;
    fill(c, "#cvc", "123").await?;
    fill(c, "#cc-name", "Bea Buyer").await?;
    click(c, ".card-form button[type=submit]").await?;
    Ok(())
}

/// A shopper buys with the 4242 test card, the seller ships, the shopper confirms and
/// both see the order completed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shopper_buys_with_a_test_card_and_the_seller_is_paid() {
    let app = spawn_app().await;
    let seller = helpers::factories::user(
        &app,
        helpers::factories::UserSpec::new("seller@example.com"),
    )
    .await;
    helpers::factories::user(&app, helpers::factories::UserSpec::new("buyer@example.com")).await;
    let listing = camera_listing(&app, seller).await;
    let browser = Browser::start().await;
    let base = app.addr.clone();
    browser
        .journey("buy-ship-confirm", |c| async move {
            c.set_window_size(390, 844).await?;
            log_in(&c, &base, "buyer@example.com").await?;
            checkout_to_payment(&c, &base, listing).await?;
            shot(&c, "pay-390").await?;
            pay_with(&c, "4242 4242 4242 4242").await?;
            see(&c, "Payment received").await?;
            see(&c, "The seller ships by").await?;
            let order_url = c.current_url().await?.to_string();
            log_out(&c).await?;

            log_in(&c, &base, "seller@example.com").await?;
            c.goto(&format!("{base}/me/sales")).await?;
            see(&c, "Vintage camera").await?;
            click(&c, ".order-row a.button").await?;
            see(&c, "1 rue de la Paix").await?;
            fill(&c, "#carrier", "La Poste").await?;
            fill(&c, "#tracking", "LP123456FR").await?;
            click(&c, ".ship-form button[type=submit]").await?;
            see(&c, "Marked as shipped").await?;
            log_out(&c).await?;

            log_in(&c, &base, "buyer@example.com").await?;
            c.goto(&order_url).await?;
            see(&c, "LP123456FR").await?;
            click(&c, "form[action$='/confirm'] button").await?;
            see(&c, "Completed").await?;
            c.set_window_size(1280, 900).await?;
            shot(&c, "order-completed-1280").await?;
            log_out(&c).await?;

            log_in(&c, &base, "seller@example.com").await?;
            c.goto(&order_url).await?;
            see(&c, "Completed").await?;
            c.goto(&format!("{base}/me/sales")).await?;
            see(&c, "€24.25").await?;
            shot(&c, "sales-1280").await?;
            // On a phone the balance and its payout button fit the width.
            c.set_window_size(390, 844).await?;
            c.wait()
                .for_element(Locator::Css("form[action='/me/payouts']"))
                .await?;
            shot(&c, "sales-390").await?;
            let overflow = c
                .execute(
                    "return document.documentElement.scrollWidth - window.innerWidth;",
                    vec![],
                )
                .await?;
            anyhow::ensure!(
                overflow.as_i64().is_some_and(|px| px <= 0),
                "/me/sales is wider than a phone by {overflow}px"
            );
            Ok(())
        })
        .await;
}

/// A declined card says so on the payment page and leaves the order payable.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_declined_card_is_explained_on_the_payment_page() {
    let app = spawn_app().await;
    let seller = helpers::factories::user(
        &app,
        helpers::factories::UserSpec::new("seller@example.com"),
    )
    .await;
    helpers::factories::user(&app, helpers::factories::UserSpec::new("buyer@example.com")).await;
    let listing = camera_listing(&app, seller).await;
    let browser = Browser::start().await;
    let base = app.addr.clone();
    browser
        .journey("declined-card", |c| async move {
            c.set_window_size(390, 844).await?;
            log_in(&c, &base, "buyer@example.com").await?;
            checkout_to_payment(&c, &base, listing).await?;
            pay_with(&c, "4000 0000 0000 0002").await?;
            see(&c, "Your card was declined").await?;
            shot(&c, "pay-declined-390").await?;
            pay_with(&c, "4242 4242 4242 4242").await?;
            see(&c, "Payment received").await?;
            Ok(())
        })
        .await;
}

/// Local pickup: the buyer pays, shows the handover code, the seller types it, the
/// buyer confirms. Then a second order ends in a dispute settled by a partial refund.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pickup_with_the_handover_code_and_a_dispute_settled_by_a_partial_refund() {
    let app = spawn_app().await;
    let seller = helpers::factories::user(
        &app,
        helpers::factories::UserSpec::new("seller@example.com"),
    )
    .await;
    helpers::factories::user(&app, helpers::factories::UserSpec::new("buyer@example.com")).await;
    let pickup = camera_listing(&app, seller).await;
    let disputed = camera_listing(&app, seller).await;
    let browser = Browser::start().await;
    let base = app.addr.clone();
    browser
        .journey("pickup-and-dispute", |c| async move {
            c.set_window_size(390, 844).await?;
            log_in(&c, &base, "buyer@example.com").await?;
            c.goto(&format!("{base}/listings/{pickup}")).await?;
            click(&c, ".buy-form button[type=submit]").await?;
            click(&c, "input[name=delivery][value=pickup]").await?;
            click(&c, ".checkout-form button[type=submit]").await?;
            see(&c, "Pay securely").await?;
            see(&c, "€21.00").await?;
            pay_with(&c, "4242 4242 4242 4242").await?;
            see(&c, "Payment received").await?;
            let code = c.find(Locator::Css(".handover-code")).await?.text().await?;
            anyhow::ensure!(code.trim().len() == 6, "a six-digit code, got {code:?}");
            shot(&c, "handover-code-390").await?;
            let order_url = c.current_url().await?.to_string();
            log_out(&c).await?;

            log_in(&c, &base, "seller@example.com").await?;
            c.goto(&order_url).await?;
            fill(&c, "#code", code.trim()).await?;
            click(&c, "form[action$='/handover'] button").await?;
            see(&c, "Handover confirmed").await?;
            log_out(&c).await?;

            log_in(&c, &base, "buyer@example.com").await?;
            c.goto(&order_url).await?;
            click(&c, "form[action$='/confirm'] button").await?;
            see(&c, "Completed").await?;

            // The second item arrives damaged.
            checkout_to_payment(&c, &base, disputed).await?;
            pay_with(&c, "4242 4242 4242 4242").await?;
            see(&c, "Payment received").await?;
            let order_url = c.current_url().await?.to_string();
            log_out(&c).await?;
            log_in(&c, &base, "seller@example.com").await?;
            c.goto(&order_url).await?;
            fill(&c, "#carrier", "DHL").await?;
            fill(&c, "#tracking", "JD0001").await?;
            click(&c, ".ship-form button[type=submit]").await?;
            see(&c, "Marked as shipped").await?;
            log_out(&c).await?;
            log_in(&c, &base, "buyer@example.com").await?;
            c.goto(&order_url).await?;
            click(&c, ".dispute-box summary").await?;
            click(&c, "input[name=reason][value=not_as_described]").await?;
            fill(&c, "#statement", "The lens is cracked.").await?;
            click(&c, ".dispute-box button[type=submit]").await?;
            see(&c, "The dispute is open").await?;
            log_out(&c).await?;
            log_in(&c, &base, "seller@example.com").await?;
            c.goto(&order_url).await?;
            fill(&c, "#amount", "5.00").await?;
            click(&c, "form[action$='/dispute/offer'] button").await?;
            see(&c, "Your offer was sent").await?;
            log_out(&c).await?;
            log_in(&c, &base, "buyer@example.com").await?;
            c.goto(&order_url).await?;
            see(&c, "partial refund of €5.00").await?;
            shot(&c, "dispute-offer-390").await?;
            click(&c, "form[action$='/accept-offer'] button").await?;
            see(&c, "Completed").await?;
            see(&c, "Refunded").await?;
            Ok(())
        })
        .await;
}
