//! The shopper's journeys of issue 8, clicked through as a person would (never by
//! opening a listing's URL directly), with JavaScript on and off, at phone width; the
//! browser console must stay free of errors (htmx logs its failures there).

use super::*;

/// chromedriver's log command: the console messages since the last call.
#[derive(Debug)]
struct BrowserLog;

impl fantoccini::wd::WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (reqwest::Method, Option<String>) {
        (reqwest::Method::POST, Some(r#"{"type":"browser"}"#.into()))
    }
}

/// The errors the console showed since the last call (script errors, htmx errors,
/// failed loads such as a 404 or a revoked `blob:` URL).
async fn console_errors(c: &Client) -> anyhow::Result<Vec<String>> {
    let log = c.issue_cmd(BrowserLog).await?;
    Ok(log
        .as_array()
        .into_iter()
        .flatten()
        .filter(|e| e["level"] == "SEVERE")
        .map(|e| e["message"].as_str().unwrap_or_default().to_string())
        .collect())
}

async fn no_console_errors(c: &Client, when: &str) -> anyhow::Result<()> {
    let errors = console_errors(c).await?;
    anyhow::ensure!(errors.is_empty(), "console errors {when}: {errors:#?}");
    Ok(())
}

async fn script(c: &Client, js: &str) -> anyhow::Result<serde_json::Value> {
    Ok(c.execute(js, vec![]).await?)
}

/// Whether the page runs htmx: proves the session really has JavaScript on or off.
async fn htmx_runs(c: &Client) -> anyhow::Result<bool> {
    Ok(script(c, "return typeof window.htmx !== 'undefined';").await? == true)
}

/// The listing page stands on its own: one header, no search results around it, its
/// own heading and title, and no wider than the window.
async fn on_listing_page(c: &Client, title: &str) -> anyhow::Result<()> {
    c.wait()
        .for_element(Locator::Css(".listing-info h1"))
        .await?;
    let headers = c.find_all(Locator::Css(".site-header")).await?.len();
    anyhow::ensure!(headers == 1, "one site header, got {headers}");
    let results = c.find_all(Locator::Css("#results")).await?.len();
    anyhow::ensure!(results == 0, "the listing sits inside search results");
    let h1s = c.find_all(Locator::Css("h1")).await?;
    anyhow::ensure!(h1s.len() == 1, "one h1, got {}", h1s.len());
    let h1 = h1s[0].text().await?;
    anyhow::ensure!(h1 == title, "heading {h1:?}");
    let doc_title = c.title().await?;
    anyhow::ensure!(doc_title.starts_with(title), "title {doc_title:?}");
    let overflow = script(
        c,
        "return document.documentElement.scrollWidth - window.innerWidth;",
    )
    .await?;
    anyhow::ensure!(
        overflow.as_i64().is_some_and(|px| px <= 0),
        "the page is wider than the window by {overflow}px"
    );
    Ok(())
}

/// Search from the header box, open a result, buy it and pay; then open a category
/// from the home page, open a result and start buying it (the saved address is offered).
async fn shop_by_clicking(c: Client, base: String, javascript: bool) -> anyhow::Result<()> {
    c.set_window_size(1280, 900).await?;
    log_in(&c, &base, "buyer@example.com").await?;
    c.goto(&format!("{base}/")).await?;
    anyhow::ensure!(
        htmx_runs(&c).await? == javascript,
        "JavaScript on: {javascript}"
    );
    // The member's whole name shows in the header on a desktop.
    let cut = script(
        &c,
        "var s = document.querySelector('details.menu summary'); \
         return s.scrollWidth - s.clientWidth;",
    )
    .await?;
    anyhow::ensure!(
        cut.as_i64().is_some_and(|px| px <= 0),
        "the name is cut by {cut}px"
    );
    c.set_window_size(390, 844).await?;
    let _ = console_errors(&c).await?;

    // The category chips show above the results, and the first result still fits.
    fill(&c, "form.search input[name=q]", "camera").await?;
    click(&c, "form.search button[type=submit]").await?;
    c.wait()
        .for_element(Locator::Css("#results article.listing-card h3 a"))
        .await?;
    shot(&c, &format!("search-results-js-{javascript}-390")).await?;
    let below = script(
        &c,
        "return document.querySelector('#results .listing-card').getBoundingClientRect().bottom \
         - window.innerHeight;",
    )
    .await?;
    anyhow::ensure!(
        below.as_f64().is_some_and(|px| px <= 0.0),
        "the first result ends {below}px below the first screen"
    );
    script(&c, "window.sameDocument = true; return null;").await?;
    click(&c, "#results article.listing-card h3 a").await?;
    on_listing_page(&c, "Vintage camera").await?;
    // With JavaScript the result link is still boosted (the document stays).
    let same = script(&c, "return window.sameDocument === true;").await? == true;
    anyhow::ensure!(same == javascript, "boosted navigation: {same}");
    shot(&c, &format!("listing-from-search-js-{javascript}-390")).await?;
    click(&c, ".buy-form button[type=submit]").await?;
    see(&c, "What happens next").await?;
    fill(&c, "#a-name", "Bea Buyer").await?;
    fill(&c, "#a-line1", "1 rue de la Paix").await?;
    fill(&c, "#a-postcode", "75002").await?;
    fill(&c, "#a-city", "Paris").await?;
    fill(&c, "#a-country", "France").await?;
    // On a phone the total comes before the button that goes on to pay.
    let order = script(
        &c,
        "return document.querySelector('.order-money .total').getBoundingClientRect().top \
         - document.querySelector('.checkout-form button[type=submit]').getBoundingClientRect().top;",
    )
    .await?;
    anyhow::ensure!(
        order.as_f64().is_some_and(|px| px < 0.0),
        "the total sits {order}px below the continue button"
    );
    click(&c, "input[name=save_address]").await?;
    click(&c, ".checkout-form button[type=submit]").await?;
    see(&c, "Pay securely").await?;
    pay_with(&c, "4242 4242 4242 4242").await?;
    see(&c, "Payment received").await?;
    // The card brand as it is written, and the platform not named twice in the history.
    see(&c, "Visa •••• 4242").await?;
    let body = c
        .wait()
        .for_element(Locator::Css("body"))
        .await?
        .text()
        .await?;
    anyhow::ensure!(!body.contains("Pasar Pasar"), "history says Pasar Pasar");

    click(&c, "a.logo").await?;
    click(&c, ".category-tiles a[href='/c/electronics']").await?;
    c.wait()
        .for_element(Locator::Css("#results article.listing-card h3 a"))
        .await?;
    click(&c, "#results article.listing-card h3 a").await?;
    on_listing_page(&c, "Vintage camera").await?;
    click(&c, ".buy-form button[type=submit]").await?;
    see(&c, "What happens next").await?;
    // The saved address is offered with its postcode.
    see(&c, "Bea Buyer, 1 rue de la Paix, 75002 Paris, France").await?;
    shot(&c, &format!("checkout-from-category-js-{javascript}-390")).await?;
    no_console_errors(&c, "after shopping").await?;
    Ok(())
}

async fn shop(javascript: bool) {
    let app = spawn_app().await;
    let seller = helpers::factories::user(
        &app,
        helpers::factories::UserSpec::new("seller@example.com"),
    )
    .await;
    let mut buyer = helpers::factories::UserSpec::new("buyer@example.com");
    buyer.name = "Konstantina Papadopoulou-Alexandrou".into();
    helpers::factories::user(&app, buyer).await;
    camera_listing(&app, seller).await;
    camera_listing(&app, seller).await;
    let browser = Browser::start_with(javascript).await;
    let base = app.addr.clone();
    browser
        .journey(&format!("shop-by-clicking-js-{javascript}"), |c| {
            shop_by_clicking(c, base, javascript)
        })
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shopper_clicks_from_search_and_category_results_to_a_listing_and_buys_it() {
    shop(true).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_javascript_a_shopper_clicks_through_results_and_buys() {
    shop(false).await;
}

/// A new query typed in the search page's own box: the heading, the title and the
/// address follow, with no aborted requests in the console.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_query_in_the_search_box_retitles_the_page() {
    let app = spawn_app().await;
    let seller = helpers::factories::user(
        &app,
        helpers::factories::UserSpec::new("seller@example.com"),
    )
    .await;
    camera_listing(&app, seller).await;
    let browser = Browser::start().await;
    let base = app.addr.clone();
    browser
        .journey("search-retitles", |c| async move {
            c.set_window_size(390, 844).await?;
            c.goto(&format!("{base}/")).await?;
            fill(&c, "form.search input[name=q]", "lamp").await?;
            click(&c, "form.search button[type=submit]").await?;
            c.wait().for_element(Locator::Css("#search-q")).await?;
            let _ = console_errors(&c).await?;
            fill(&c, "#search-q", "vintage camera").await?;
            c.find(Locator::Css("#search-q"))
                .await?
                .send_keys("\u{E007}")
                .await?;
            let deadline = Instant::now() + Duration::from_secs(10);
            loop {
                // The heading is swapped out of band: one read at a time, and a heading
                // replaced between finding and reading is read again next round.
                let h1 = match c.find(Locator::Css("h1")).await {
                    Ok(e) => e.text().await.unwrap_or_default(),
                    Err(_) => String::new(),
                };
                let title = c.title().await?;
                if h1.contains("vintage camera") && title.contains("vintage camera") {
                    break;
                }
                anyhow::ensure!(
                    Instant::now() < deadline,
                    "heading {h1:?} and title {title:?} kept the old query"
                );
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            see(&c, "Vintage camera").await?;
            let url = c.current_url().await?;
            anyhow::ensure!(url.as_str().contains("q=vintage+camera"), "address {url}");
            // Let every request of the typing finish before reading the console.
            tokio::time::sleep(Duration::from_millis(800)).await;
            no_console_errors(&c, "after a new query").await?;
            shot(&c, "search-390").await?;
            c.set_window_size(1280, 900).await?;
            shot(&c, "search-1280").await?;
            Ok(())
        })
        .await;
}

/// Publishing with a photo leaves the console clean (the preview's object URL lives
/// while it is shown), and the edit page in Greek labels the reorder buttons in Greek.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn publishing_is_quiet_and_the_greek_edit_page_speaks_greek() {
    let app = spawn_app().await;
    helpers::factories::user(
        &app,
        helpers::factories::UserSpec::new("seller@example.com"),
    )
    .await;
    let dir = tempdir("e2e-ux-photos");
    let mut files = Vec::new();
    for (i, (w, h)) in [(1200u32, 800u32), (800, 1000)].into_iter().enumerate() {
        let img = image::RgbImage::from_fn(w, h, |x, y| {
            image::Rgb([(x / 5 % 256) as u8, 90, (y / 4 % 256) as u8])
        });
        let path = dir.join(format!("p{i}.jpg"));
        image::DynamicImage::ImageRgb8(img)
            .save(&path)
            .expect("save jpeg");
        files.push(path.display().to_string());
    }
    let browser = Browser::start().await;
    let base = app.addr.clone();
    browser
        .journey("publish-greek-edit", |c| async move {
            c.set_window_size(390, 844).await?;
            log_in(&c, &base, "seller@example.com").await?;
            let _ = console_errors(&c).await?;
            click(&c, "a.sell").await?;
            fill(&c, "#title", "Landscape lamp").await?;
            fill(&c, "#description", "A brass lamp, photographed sideways.").await?;
            c.find(Locator::Css("#category"))
                .await?
                .select_by_label("Cameras")
                .await?;
            fill(&c, "#price", "30").await?;
            c.find(Locator::Css("#photos"))
                .await?
                .send_keys(&files.join("\n"))
                .await?;
            c.wait()
                .for_element(Locator::Css("[data-photo-previews] img"))
                .await?;
            click(&c, "button[name=action][value=publish]").await?;
            see(&c, "Your listing is live.").await?;
            tokio::time::sleep(Duration::from_millis(500)).await;
            no_console_errors(&c, "after publishing").await?;
            // A landscape photo fills the gallery's width without bands above and below.
            let gap = script(
                &c,
                "var f = document.querySelector('.gallery-main figure'), \
                 i = f.querySelector('img'); \
                 return f.getBoundingClientRect().height - i.getBoundingClientRect().height;",
            )
            .await?;
            anyhow::ensure!(
                gap.as_f64().is_some_and(|px| px.abs() < 2.0),
                "the landscape photo sits in a taller box ({gap}px of bands)"
            );
            shot(&c, "listing-landscape-390").await?;
            let listing_url = c.current_url().await?.to_string();

            click(&c, "button[name=lang][value=el]").await?;
            c.wait().for_element(Locator::Css("html[lang=el]")).await?;
            c.goto(&format!("{listing_url}/edit")).await?;
            let buttons = c.find_all(Locator::Css(".photo-item .move button")).await?;
            anyhow::ensure!(buttons.len() == 4, "move buttons: {}", buttons.len());
            for b in buttons {
                let label = b.attr("aria-label").await?.unwrap_or_default();
                anyhow::ensure!(
                    label == "Μετακίνηση νωρίτερα" || label == "Μετακίνηση αργότερα",
                    "aria-label {label:?} on a Greek page"
                );
            }
            no_console_errors(&c, "on the edit page").await?;
            Ok(())
        })
        .await;
}
