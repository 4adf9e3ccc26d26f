//! What pages show a shopper (issue 8): the live search fragment's heading, the icon,
//! and the payment and order pages in Greek.

use crate::helpers::*;
use crate::orders::{buy, checkout, deal, order_of, pay, Item, ADDRESS};

fn text_of(body: &str, css: &str) -> Option<String> {
    let doc = scraper::Html::parse_fragment(body);
    let sel = scraper::Selector::parse(css).expect("selector");
    doc.select(&sel)
        .next()
        .map(|e| e.text().collect::<String>().trim().to_string())
}

#[tokio::test]
async fn favicon_ico_is_the_logo() {
    let app = spawn_app().await;
    let resp = app
        .client
        .get(app.url("/favicon.ico"))
        .send()
        .await
        .expect("GET");
    assert_eq!(resp.status().as_u16(), 200);
    let kind = resp.headers()["content-type"]
        .to_str()
        .expect("header")
        .to_string();
    assert!(kind.starts_with("image/"), "{kind}");
    assert!(resp.text().await.expect("body").contains("<svg"));
}

/// The fragment htmx swaps while the visitor types carries the page's new heading (out
/// of band) and title, the same as the whole page of those words shows.
#[tokio::test]
async fn live_results_bring_the_heading_and_title_of_the_new_words() {
    let app = spawn_app().await;
    for path in ["/search?q=brass+lamp", "/c/electronics?q=brass+lamp"] {
        let page = app.get(path).await;
        page.assert_status(200);
        let fragment = TestApp::read(
            app.client
                .get(app.url(path))
                .header("HX-Request", "true")
                .send()
                .await
                .expect("GET"),
        )
        .await;
        fragment.assert_status(200);
        assert!(
            !fragment.body.contains("<header"),
            "a fragment: {}",
            fragment.body
        );
        let heading = text_of(&page.body, "h1").expect("page heading");
        assert!(heading.contains("brass lamp"), "{heading}");
        assert_eq!(
            text_of(&fragment.body, "h1#results-heading[data-hx-swap-oob]").as_deref(),
            Some(heading.as_str()),
            "{path}"
        );
        assert_eq!(
            text_of(&fragment.body, "title"),
            text_of(&page.body, "title"),
            "{path}"
        );
    }
}

/// In Greek: the expiry placeholder, the card brand as written, the history naming no
/// one twice, and a saved address offered with its postcode.
#[tokio::test]
async fn greek_payment_and_order_pages() {
    let app = spawn_app().await;
    let d = deal(
        &app,
        Item {
            quantity: 2,
            ..Item::default()
        },
    )
    .await;
    app.post("/lang", &[("lang", "el"), ("next", "/")]).await;
    let order = order_of(
        buy(&app, d.listing, &uuid::Uuid::new_v4().to_string())
            .await
            .assert_status(303),
    );
    let mut fields = vec![
        ("delivery", "ship"),
        ("method", "card"),
        ("save_address", "1"),
    ];
    fields.extend_from_slice(&ADDRESS);
    let to = app
        .post(&format!("/orders/{order}/checkout"), &fields)
        .await
        .location
        .clone()
        .expect("to payment");
    let pay_page = app.get(&to).await;
    pay_page
        .assert_status(200)
        .assert_contains("placeholder=\"ΜΜ/ΕΕ\"");
    assert!(!pay_page.contains("MM/YY"), "{}", pay_page.body);
    pay(&app, &to, "4242 4242 4242 4242")
        .await
        .assert_status(303);
    let shown = app.get(&format!("/orders/{order}")).await;
    shown.assert_status(200).assert_contains("Visa •••• 4242");
    assert!(!shown.contains("visa ••••"), "{}", shown.body);
    let history = text_of(&shown.body, ".timeline").expect("history");
    let history = history.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(history.contains("Pasar"), "{history}");
    assert!(!history.contains("Pasar Pasar"), "{history}");

    // The second purchase offers the saved address, postcode included.
    let second = order_of(
        buy(&app, d.listing, &uuid::Uuid::new_v4().to_string())
            .await
            .assert_status(303),
    );
    app.get(&format!("/orders/{second}"))
        .await
        .assert_status(200)
        .assert_contains("Bea Buyer, 1 rue de la Paix, 75002 Paris, France");
    // `checkout` is the ordinary path: the saved address does not get in its way.
    checkout(&app, second, "ship").await;
}

/// An active electronics listing from `country`, published `hours_ago`.
async fn listing_from(
    app: &TestApp,
    seller: i64,
    title: &str,
    country: &'static str,
    hours_ago: i64,
) -> i64 {
    use crate::helpers::factories::{listing, ListingSpec};
    let spec = ListingSpec {
        title: title.into(),
        pickup: false,
        city: "Somewhere",
        country,
        published_ago: chrono::Duration::hours(hours_ago),
        ..ListingSpec::default()
    };
    listing(app, seller, spec).await
}

/// Where `first` and `second` appear in `body`: `first` must come first.
fn before(body: &str, first: &str, second: &str) -> bool {
    match (body.find(first), body.find(second)) {
        (Some(a), Some(b)) => a < b,
        _ => panic!("{first:?} or {second:?} missing:\n{body}"),
    }
}

/// "Just listed" and "Similar items" put the viewer's country first: from their
/// settings, else from their language; English alone keeps newest first.
#[tokio::test]
async fn listings_near_the_viewer_come_first() {
    use crate::helpers::factories::{self, UserSpec};
    let app = spawn_app().await;
    let seller = factories::user(&app, UserSpec::new("seller@example.com")).await;
    let base = listing_from(&app, seller, "Base camera", "France", 5).await;
    listing_from(&app, seller, "Athens radio", "GR", 3).await;
    listing_from(&app, seller, "Ubud radio", "Indonesia", 1).await;

    // English: newest first, wherever it is; the card says where.
    let home = app.get("/").await;
    assert!(before(&home.body, "Ubud radio", "Athens radio"));
    home.assert_contains("Somewhere, Greece");
    let page = app.get(&format!("/listings/{base}")).await;
    assert!(before(&page.body, "Ubud radio", "Athens radio"));

    // Greek: Greece first, named in Greek.
    app.post("/lang", &[("lang", "el"), ("next", "/")]).await;
    let home = app.get("/").await;
    assert!(before(&home.body, "Athens radio", "Ubud radio"));
    home.assert_contains("Somewhere, Ελλάδα");
    let page = app.get(&format!("/listings/{base}")).await;
    assert!(before(&page.body, "Athens radio", "Ubud radio"));

    // A member in Greek who lives in Indonesia (by their settings) sees Indonesia first.
    let mut spec = UserSpec::new("member@example.com");
    spec.locale = "el";
    let member = factories::user(&app, spec).await;
    app.db(move |c| {
        use diesel::prelude::*;
        use pasar::db::schema::users;
        diesel::update(users::table.find(member))
            .set(users::country.eq("Indonesia"))
            .execute(c)
            .expect("country")
    })
    .await;
    app.login("member@example.com", PASSWORD).await;
    let home = app.get("/").await;
    assert!(before(&home.body, "Ubud radio", "Athens radio"));
    let page = app.get(&format!("/listings/{base}")).await;
    assert!(before(&page.body, "Ubud radio", "Athens radio"));
}
