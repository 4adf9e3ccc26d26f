//! Browse and search through HTTP: full text in four languages, typo tolerance, filters,
//! sorts, keyset paging, counts per category, the no-results page, bad input and the
//! htmx fragment. Listings come from the listing factory, thousands at once by SQL.

use std::collections::HashSet;

use diesel::prelude::*;

use crate::helpers::factories::{self, ListingStatus, UserSpec};
use crate::helpers::*;

/// A listing to insert; `new` gives an active one in `phones`, 10 EUR, shipped.
#[derive(Clone)]
struct Item {
    title: String,
    description: String,
    category: &'static str,
    condition: &'static str,
    price_minor: i64,
    currency: &'static str,
    ships: bool,
    pickup: bool,
    city: &'static str,
    country: &'static str,
    attributes: serde_json::Value,
    status: ListingStatus,
    /// Minutes before now it was published.
    age: i64,
}

impl Item {
    fn new(title: &str) -> Item {
        Item {
            title: title.into(),
            description: "A thing in good shape, nothing more to say.".into(),
            category: "phones",
            condition: "good",
            price_minor: 1000,
            currency: "EUR",
            ships: true,
            pickup: false,
            city: "Lyon",
            country: "FR",
            attributes: serde_json::json!({}),
            status: ListingStatus::Active,
            age: 10,
        }
    }

    fn desc(mut self, d: &str) -> Item {
        self.description = d.into();
        self
    }

    fn cat(mut self, c: &'static str) -> Item {
        self.category = c;
        self
    }

    fn price(mut self, minor: i64, currency: &'static str) -> Item {
        self.price_minor = minor;
        self.currency = currency;
        self
    }

    fn age(mut self, minutes: i64) -> Item {
        self.age = minutes;
        self
    }

    fn status(mut self, s: ListingStatus) -> Item {
        self.status = s;
        self
    }
}

async fn seller(app: &TestApp) -> i64 {
    factories::user(app, UserSpec::new("seller@example.com")).await
}

/// Lists the items for `seller` through the listing factory; returns their ids in order.
async fn insert(app: &TestApp, seller: i64, items: Vec<Item>) -> Vec<i64> {
    let mut ids = Vec::new();
    for it in items {
        let spec = factories::ListingSpec {
            title: it.title,
            description: it.description,
            category: it.category,
            condition: it.condition,
            price_minor: it.price_minor,
            currency: it.currency,
            ships: it.ships,
            shipping_minor: None,
            pickup: it.pickup,
            city: it.city,
            country: it.country,
            attributes: it.attributes,
            status: it.status,
            published_ago: chrono::Duration::minutes(it.age),
            ..factories::ListingSpec::default()
        };
        ids.push(factories::listing(app, seller, spec).await);
    }
    ids
}

async fn refresh_words(app: &TestApp) {
    app.db(|c| pasar::listings::search::refresh_search_words(c).expect("refresh"))
        .await;
}

/// A GET in a given language.
async fn get_in(app: &TestApp, path: &str, lang: &str) -> Page {
    let resp = app
        .client
        .get(app.url(path))
        .header("accept-language", lang)
        .send()
        .await
        .expect("GET");
    let status = resp.status();
    let headers = resp.headers().clone();
    let body = resp.text().await.unwrap_or_default();
    Page {
        status,
        location: None,
        headers,
        body,
    }
}

/// Listing ids of the cards on a page, in order.
fn card_ids(page: &Page) -> Vec<i64> {
    let re = regex::Regex::new(r#"<h3 class="title"><a href="/listings/(\d+)""#).expect("re");
    re.captures_iter(&page.body)
        .map(|c| c[1].parse().expect("id"))
        .collect()
}

/// The "Next page" link's path, if any.
fn next_link(page: &Page) -> Option<String> {
    let re = regex::Regex::new(r#"<a href="([^"]+)" rel="next">"#).expect("re");
    re.captures(&page.body).map(|c| unescape(&c[1]))
}

fn assert_ids(page: &Page, expected: &[i64]) {
    let got: HashSet<i64> = card_ids(page).into_iter().collect();
    let want: HashSet<i64> = expected.iter().copied().collect();
    assert_eq!(got, want, "page:\n{}", page.body);
}

#[tokio::test]
async fn words_match_titles_and_descriptions() {
    let app = spawn_app().await;
    let s = seller(&app).await;
    let ids = insert(
        &app,
        s,
        vec![
            Item::new("Vintage road bike").cat("bikes"),
            Item::new("Helmet")
                .cat("bikes")
                .desc("Fits any road bike, size M, barely used."),
            Item::new("Desk lamp").cat("decor"),
        ],
    )
    .await;
    assert_ids(
        app.get("/search?q=bike").await.assert_status(200),
        &ids[..2],
    );
    assert_ids(&app.get("/search?q=road+bike").await, &ids[..2]);
    assert_ids(&app.get("/search?q=vintage").await, &ids[..1]);
    assert_ids(&app.get("/search?q=LAMP").await, &ids[2..]);
    // All words must match.
    assert_ids(&app.get("/search?q=vintage+lamp").await, &[]);
    // Without words, everything active, newest first.
    assert_eq!(
        app.get("/search")
            .await
            .assert_status(200)
            .body
            .matches("listing-card")
            .count(),
        3
    );
}

#[tokio::test]
async fn accents_do_not_matter_in_any_language() {
    let app = spawn_app().await;
    let s = seller(&app).await;
    let ids = insert(
        &app,
        s,
        vec![
            Item::new("Café au lait bowls").cat("kitchen"),
            Item::new("Μηχανή καφές espresso").cat("kitchen"),
            Item::new("Sepatu kulit hitam").cat("men-shoes"),
            Item::new("Chaise en bois ancienne").cat("furniture"),
            Item::new("Leather jacket").cat("men-clothing"),
        ],
    )
    .await;
    // Each language's words, typed with or without accents, in that language's pages.
    let cases: [(&str, &str, usize); 10] = [
        ("/search?q=cafe", "fr", 0),
        ("/search?q=CAF%C3%89", "en", 0),
        ("/search?q=%CE%BA%CE%B1%CF%86%CE%B5%CF%82", "el", 1), // καφες
        ("/search?q=%CE%BA%CE%B1%CF%86%CE%AD%CF%82", "el", 1), // καφές
        // Final sigma typed as a plain one, and capitals (lower() gives a plain sigma).
        ("/search?q=%CE%BA%CE%B1%CF%86%CE%B5%CF%83", "el", 1), // καφεσ
        ("/search?q=%CE%9A%CE%91%CE%A6%CE%95%CE%A3", "el", 1), // ΚΑΦΕΣ
        ("/search?q=sepatu+kulit", "id", 2),
        ("/search?q=chaise+bois", "fr", 3),
        ("/search?q=ancienne", "fr", 3),
        ("/search?q=leather", "en", 4),
    ];
    for (path, lang, i) in cases {
        let page = get_in(&app, path, lang).await;
        page.assert_status(200);
        assert_eq!(card_ids(&page), vec![ids[i]], "{path} in {lang}");
    }
    // The page speaks the reader's language.
    get_in(&app, "/search?q=zzzz", "fr")
        .await
        .assert_contains("Aucun article trouvé");
    get_in(&app, "/search?q=zzzz", "id")
        .await
        .assert_contains("Barang tidak ditemukan");
}

#[tokio::test]
async fn a_typo_is_corrected_from_the_words_of_listings() {
    let app = spawn_app().await;
    let s = seller(&app).await;
    let ids = insert(
        &app,
        s,
        vec![
            Item::new("iPhone 12 mini, 128 GB"),
            Item::new("Case for iPhone"),
            Item::new("Phone charger"),
        ],
    )
    .await;
    refresh_words(&app).await;
    let page = app.get("/search?q=iphnoe").await;
    page.assert_status(200)
        .assert_contains("Showing results for “iphone”")
        .assert_contains("Nothing matched “iphnoe”");
    assert_ids(&page, &ids[..2]);
    // The next page and the shared URL use the corrected words.
    assert_eq!(
        page.headers
            .get("hx-push-url")
            .and_then(|v| v.to_str().ok()),
        Some("/search?q=iphone")
    );
    // Known words are kept, only the unknown one changes.
    let page = app.get("/search?q=iphone+cse").await;
    page.assert_contains("Showing results for “iphone case”");
    assert_ids(&page, &ids[1..2]);
    // Words nothing resembles find nothing, with the suggestions.
    app.get("/search?q=qqqqxxxx")
        .await
        .assert_contains("No items found")
        .assert_contains("Check the spelling");
}

#[tokio::test]
async fn filters_narrow_the_results() {
    let app = spawn_app().await;
    let s = seller(&app).await;
    let mut shoe = Item::new("Running shoes")
        .cat("women-shoes")
        .price(4500, "EUR");
    shoe.attributes = serde_json::json!({"size": "38", "brand": "Nike"});
    shoe.condition = "like_new";
    shoe.pickup = true;
    shoe.ships = false;
    shoe.city = "Thessaloniki";
    shoe.country = "GR";
    let mut dress = Item::new("Summer dress")
        .cat("women-clothing")
        .price(2000, "EUR");
    dress.attributes = serde_json::json!({"size": "M", "colour": "blue"});
    let phone = Item::new("Old phone").cat("phones").price(1500, "EUR");
    let rupiah = Item::new("Murah phone").cat("phones").price(150_000, "IDR");
    let ids = insert(&app, s, vec![shoe, dress, phone, rupiah]).await;

    // Category: a top-level one includes its subcategories.
    assert_ids(&app.get("/search?category=women").await, &ids[..2]);
    assert_ids(&app.get("/search?category=women-shoes").await, &ids[..1]);
    assert_ids(app.get("/c/women").await.assert_status(200), &ids[..2]);
    assert_ids(&app.get("/c/electronics").await, &ids[2..]);
    // Condition (may repeat).
    assert_ids(&app.get("/search?condition=like_new").await, &ids[..1]);
    assert_ids(
        &app.get("/search?condition=like_new&condition=good").await,
        &ids,
    );
    // Price range, in the given currency (English defaults to USD, so it is named).
    assert_ids(
        &app.get("/search?min=15&max=20.00&currency=EUR").await,
        &ids[1..3],
    );
    assert_ids(&app.get("/search?min=30&currency=EUR").await, &ids[..1]);
    assert_ids(&app.get("/search?max=20&currency=USD").await, &[]);
    // Indonesian readers type rupiah with dots and get IDR by default.
    assert_ids(&get_in(&app, "/search?min=100.000", "id").await, &ids[3..]);
    // French readers type a decimal comma and get EUR by default.
    assert_ids(&get_in(&app, "/search?max=15,00", "fr").await, &ids[2..3]);
    // Delivery.
    assert_ids(&app.get("/search?pickup=1").await, &ids[..1]);
    assert_ids(&app.get("/search?ships=1").await, &ids[1..]);
    // Place, whatever the case.
    assert_ids(&app.get("/search?city=thessaloniki").await, &ids[..1]);
    assert_ids(&app.get("/search?country=gr").await, &ids[..1]);
    assert_ids(&app.get("/search?country=FR&city=Lyon").await, &ids[1..]);
    // Attributes, with the category's fields on the page.
    let page = app.get("/c/women?a.size=M").await;
    assert_ids(&page, &ids[1..2]);
    page.assert_contains("name=\"a.size\"")
        .assert_contains("<option value=\"M\" selected>");
    assert_ids(&app.get("/c/women-shoes?a.size=38").await, &ids[..1]);
    // A brand is matched however it is capitalised.
    assert_ids(
        &app.get("/search?category=women&a.brand=nike").await,
        &ids[..1],
    );
    assert_ids(&app.get("/search?a.colour=blue").await, &ids[1..2]);
    // Everything together.
    assert_ids(
        &app.get("/search?q=shoes&category=women&condition=like_new&min=40&max=50&currency=EUR&pickup=1&city=Thessaloniki&a.size=38")
            .await,
        &ids[..1],
    );
}

#[tokio::test]
async fn every_sort_orders_correctly() {
    let app = spawn_app().await;
    let s = seller(&app).await;
    let ids = insert(
        &app,
        s,
        vec![
            Item::new("Lamp cheap")
                .cat("decor")
                .price(500, "EUR")
                .age(30),
            Item::new("Lamp dear")
                .cat("decor")
                .price(9000, "EUR")
                .age(20),
            Item::new("Lamp middle")
                .cat("decor")
                .price(3000, "EUR")
                .age(10),
            // Only the description mentions the word: ranked last by relevance.
            Item::new("Shade")
                .cat("decor")
                .desc("Fits a reading lamp.")
                .price(100, "EUR")
                .age(1),
            // Another currency: not part of a price sort in EUR.
            Item::new("Lamp rupiah")
                .cat("decor")
                .price(99_000, "IDR")
                .age(40),
        ],
    )
    .await;
    let newest = app.get("/search?q=lamp&sort=newest").await;
    assert_eq!(
        card_ids(&newest),
        vec![ids[3], ids[2], ids[1], ids[0], ids[4]]
    );
    let up = app.get("/search?q=lamp&sort=price_asc&currency=EUR").await;
    assert_eq!(card_ids(&up), vec![ids[3], ids[0], ids[2], ids[1]]);
    let down = app.get("/search?q=lamp&sort=price_desc&currency=EUR").await;
    assert_eq!(card_ids(&down), vec![ids[1], ids[2], ids[0], ids[3]]);
    let relevance = card_ids(&app.get("/search?q=lamp").await);
    assert_eq!(relevance.len(), 5);
    assert_eq!(relevance.last(), Some(&ids[3]), "title matches rank first");
    // Relevance without words means newest.
    let page = app.get("/search?sort=relevance").await;
    assert_eq!(
        card_ids(&page),
        vec![ids[3], ids[2], ids[1], ids[0], ids[4]]
    );
    // The select shows the sort in effect.
    app.get("/search?q=lamp&sort=price_desc&currency=EUR")
        .await
        .assert_contains("<option value=\"price_desc\" selected>");
}

/// Walks every page of `path`, inserting a new matching listing after the first page;
/// returns the ids seen and the newcomer's.
async fn walk(app: &TestApp, seller: i64, path: &str) -> (Vec<i64>, i64) {
    let first = app.get(path).await;
    first.assert_status(200);
    let mut all = card_ids(&first);
    assert_eq!(all.len(), 24, "{path}");
    // Someone lists a new, cheap, matching item meanwhile: the next page does not shift
    // because of it.
    let newcomer = insert(
        app,
        seller,
        vec![Item::new("Sticker lamp newcomer")
            .cat("decor")
            .price(1, "EUR")
            .age(0)],
    )
    .await[0];
    let mut next = next_link(&first);
    while let Some(url) = next {
        let page = app.get(&url).await;
        page.assert_status(200);
        let ids = card_ids(&page);
        assert!(!ids.is_empty(), "a next link to an empty page: {url}");
        all.extend(ids);
        next = next_link(&page);
    }
    (all, newcomer)
}

#[tokio::test]
async fn keyset_pages_are_stable() {
    let app = spawn_app().await;
    let s = seller(&app).await;
    let items: Vec<Item> = (0..30)
        .map(|i| {
            Item::new(&format!("Lamp number {i}"))
                .cat("decor")
                // Equal prices and equal ages: the id breaks the ties.
                .price(1000 + (i % 3) * 100, "EUR")
                .age(100 + (i % 4))
                .desc(if i % 2 == 0 {
                    "lamp lamp lamp"
                } else {
                    "a light"
                })
        })
        .collect();
    let mut want: HashSet<i64> = insert(&app, s, items).await.into_iter().collect();
    for (path, newcomer_later) in [
        ("/search?q=lamp&sort=newest", false),
        ("/search?q=lamp&sort=price_asc&currency=EUR", false),
        // The cheapest comes last: it is after the cursor, so it may show.
        ("/search?q=lamp&sort=price_desc&currency=EUR", true),
        ("/search?q=lamp", false),
        ("/c/decor", false),
    ] {
        let (seen, newcomer) = walk(&app, s, path).await;
        let unique: HashSet<i64> = seen.iter().copied().collect();
        assert_eq!(unique.len(), seen.len(), "duplicates on {path}: {seen:?}");
        if newcomer_later {
            assert!(unique.contains(&newcomer), "{path}");
        } else {
            assert!(!unique.contains(&newcomer), "{path}");
        }
        let old: HashSet<i64> = unique.into_iter().filter(|id| *id != newcomer).collect();
        assert_eq!(old, want, "{path}");
        want.insert(newcomer);
    }
    // The second page offers the way back to the first.
    let first = app.get("/search?q=lamp&sort=newest").await;
    let second = app.get(&next_link(&first).expect("next")).await;
    second.assert_contains("First page");
}

/// Inserts `n` active lamps in `decor` in one statement (published one minute apart,
/// every third with the word in its description too).
async fn many_lamps(app: &TestApp, seller: i64, n: i64) {
    app.db(move |c| {
        diesel::sql_query(
            "INSERT INTO listings (seller_id, category_id, title, description, condition, \
               price_minor, currency, ships, city, country, status, published_at) \
             SELECT $1, (SELECT id FROM categories WHERE slug = 'decor'), 'Lamp ' || g, \
               CASE WHEN g % 3 = 0 THEN 'lamp lamp lamp' ELSE 'a light' END, 'good', \
               1000 + g, 'EUR', true, 'Lyon', 'FR', 'active', \
               now() - make_interval(mins => g::int) \
             FROM generate_series(1, $2) g",
        )
        .bind::<diesel::sql_types::BigInt, _>(seller)
        .bind::<diesel::sql_types::BigInt, _>(n)
        .execute(c)
        .expect("lamps inserted")
    })
    .await;
}

#[tokio::test]
async fn many_matches_are_capped_and_still_page_by_relevance() {
    let app = spawn_app().await;
    let s = seller(&app).await;
    many_lamps(&app, s, 1_100).await;
    let page = app.get("/search?q=lamp").await;
    page.assert_status(200)
        .assert_contains("More than 1,000 items")
        .assert_contains(">Home<span class=\"count\">&#160;(1,000+)</span>");
    // The first page ranks the newest matches: the listings with the word in their
    // description too come first.
    let first = card_ids(&page);
    assert_eq!(first.len(), 24);
    let (seen, newcomer) = walk(&app, s, "/search?q=lamp").await;
    let unique: HashSet<i64> = seen.iter().copied().collect();
    assert_eq!(unique.len(), seen.len(), "no duplicates");
    assert_eq!(unique.len(), 1_100);
    assert!(!unique.contains(&newcomer));
    // Each window of the newest matches is ranked: within the first page, the lamps
    // described as lamps (higher rank) come before the others.
    let titles: Vec<i64> = {
        let re = regex::Regex::new(r#"<h3 class="title"><a href="/listings/\d+">Lamp (\d+)</a>"#)
            .expect("re");
        re.captures_iter(&page.body)
            .map(|c| c[1].parse().expect("n"))
            .collect()
    };
    let tail = titles
        .iter()
        .position(|n| n % 3 != 0)
        .expect("a plain lamp");
    assert!(titles[..tail].iter().all(|n| n % 3 == 0), "{titles:?}");
    assert!(titles[tail..].iter().all(|n| n % 3 != 0), "{titles:?}");
    // Newest and price sorts page through the same rows.
    for path in [
        "/search?q=lamp&sort=newest",
        "/c/decor?sort=price_asc&currency=EUR",
    ] {
        let (seen, _) = walk(&app, s, path).await;
        let unique: HashSet<i64> = seen.iter().copied().collect();
        assert_eq!(unique.len(), seen.len(), "{path}");
        assert!(unique.len() >= 1_100, "{path}");
    }
}

#[tokio::test]
async fn matches_at_the_far_end_of_the_order_are_still_found() {
    let app = spawn_app().await;
    let s = seller(&app).await;
    // 1,100 lamps, all dearer than 6,000 cheap vases: a cheapest-first walk meets no
    // lamp for a long time (and the words match more than the counts count).
    many_lamps(&app, s, 1_100).await;
    app.db(move |c| {
        diesel::sql_query(
            "INSERT INTO listings (seller_id, category_id, title, description, condition, \
               price_minor, currency, ships, city, country, status, published_at) \
             SELECT $1, (SELECT id FROM categories WHERE slug = 'decor'), 'Vase ' || g, \
               'a vase', 'good', g % 500, 'EUR', true, 'Lyon', 'FR', 'active', \
               now() - make_interval(secs => g::int) \
             FROM generate_series(1, 6000) g",
        )
        .bind::<diesel::sql_types::BigInt, _>(s)
        .execute(c)
        .expect("vases inserted")
    })
    .await;
    let page = app.get("/search?q=lamp&sort=price_asc&currency=EUR").await;
    let titles: Vec<String> = {
        let re = regex::Regex::new(r#"<h3 class="title"><a href="/listings/\d+">([^<]+)</a>"#)
            .expect("re");
        re.captures_iter(&page.body)
            .map(|c| c[1].to_string())
            .collect()
    };
    let want: Vec<String> = (1..=24).map(|g| format!("Lamp {g}")).collect();
    assert_eq!(titles, want);
    // And the next page carries on from there.
    let second = app.get(&next_link(&page).expect("next")).await;
    assert!(second.contains(">Lamp 25</a>"));
}

#[tokio::test]
async fn counts_per_category_follow_the_query() {
    let app = spawn_app().await;
    let s = seller(&app).await;
    insert(
        &app,
        s,
        vec![
            Item::new("Red phone").cat("phones"),
            Item::new("Red laptop").cat("computers"),
            Item::new("Red camera").cat("cameras"),
            Item::new("Red shoes").cat("women-shoes"),
            Item::new("Red bag").cat("women-bags"),
            Item::new("Blue bike").cat("bikes"),
        ],
    )
    .await;
    let page = app.get("/search?q=red").await;
    page.assert_contains("5 items");
    let facet =
        |name: &str, n: &str| format!(">{name}<span class=\"count\">&#160;({n})</span></a>");
    page.assert_contains(&facet("Electronics", "3"))
        .assert_contains(&facet("Women", "2"));
    assert!(!page.contains(">Sports<span"), "no empty categories");
    // With a category chosen, the others still count (to switch) and its
    // subcategories count too.
    let page = app.get("/search?q=red&category=electronics").await;
    page.assert_contains("3 items")
        .assert_contains(&facet("Women", "2"))
        .assert_contains(&facet("Phones", "1"))
        .assert_contains(&facet("Computers", "1"));
    // The category page lists its subcategories with counts.
    let page = app.get("/c/women?q=red").await;
    page.assert_contains(&facet("Women's shoes", "1"))
        .assert_contains(&facet("Bags", "1"))
        .assert_contains("href=\"/c/women-shoes?q=red\"");
}

#[tokio::test]
async fn nothing_found_offers_a_way_on() {
    let app = spawn_app().await;
    let s = seller(&app).await;
    insert(&app, s, vec![Item::new("Garden chair").cat("furniture")]).await;
    let page = app.get("/search?q=chair&condition=for_parts").await;
    page.assert_status(200)
        .assert_contains("No items found")
        .assert_contains("We found no items for “chair”")
        .assert_contains("Check the spelling")
        .assert_contains("href=\"/search?q=chair\"")
        .assert_contains("Remove all filters")
        .assert_contains("href=\"/c/electronics\"");
    // A few results for a rare spelling of a common word: the common one is offered.
    let mut more: Vec<Item> = (0..10)
        .map(|i| Item::new(&format!("Chair number {i}")).cat("furniture"))
        .collect();
    more.push(Item::new("Chiar, wooden").cat("furniture"));
    insert(&app, s, more).await;
    refresh_words(&app).await;
    let page = app.get("/search?q=chiar").await;
    assert_eq!(card_ids(&page).len(), 1);
    page.assert_contains("Did you mean:")
        .assert_contains("href=\"/search?q=chair\">chair</a>");
}

#[tokio::test]
async fn only_active_listings_are_found() {
    let app = spawn_app().await;
    let s = seller(&app).await;
    let ids = insert(
        &app,
        s,
        vec![
            Item::new("Teapot active").cat("kitchen"),
            Item::new("Teapot draft")
                .cat("kitchen")
                .status(ListingStatus::Draft),
            Item::new("Teapot paused")
                .cat("kitchen")
                .status(ListingStatus::Paused),
            Item::new("Teapot sold")
                .cat("kitchen")
                .status(ListingStatus::Sold),
            Item::new("Teapot removed")
                .cat("kitchen")
                .status(ListingStatus::Removed),
        ],
    )
    .await;
    refresh_words(&app).await;
    for path in [
        "/search?q=teapot",
        "/search",
        "/c/home",
        "/c/kitchen?sort=price_asc&currency=EUR",
        "/search?q=draft",
    ] {
        let page = app.get(path).await;
        assert_eq!(
            card_ids(&page)
                .into_iter()
                .filter(|id| *id != ids[0])
                .count(),
            0,
            "{path}"
        );
        for hidden in ["draft", "paused", "sold", "removed"] {
            assert!(!page.contains(&format!("Teapot {hidden}")), "{path}");
        }
    }
    // Their words are not suggested either.
    let words = app
        .count(
            "SELECT count(*) AS n FROM search_words WHERE word IN ('draft', 'paused', 'removed')",
        )
        .await;
    assert_eq!(words, 0);
}

#[tokio::test]
async fn bad_parameters_never_fail() {
    let app = spawn_app().await;
    let s = seller(&app).await;
    insert(&app, s, vec![Item::new("Camera bag").cat("cameras")]).await;
    let page = app.get("/search?q=camera&min=abc&max=10").await;
    page.assert_status(200)
        .assert_contains("Minimum price: Please enter a price like 12.50.")
        .assert_contains("value=\"abc\"")
        .assert_contains("aria-invalid=\"true\"");
    app.get("/search?min=50&max=10&currency=EUR")
        .await
        .assert_status(200)
        .assert_contains("higher than the maximum");
    app.get("/search?category=nope")
        .await
        .assert_status(200)
        .assert_contains("There is no category “nope”")
        .assert_contains("Camera bag");
    app.get("/c/nope").await.assert_status(404);
    for path in [
        "/search?sort=evil",
        "/search?after=garbage",
        "/search?q=camera&after=bi4xLjI",
        "/search?after=cC4xLjE&sort=price_asc",
        "/search?q=%FF%FE&min=%C3&country=%E2%80",
        "/search?q=%22unbalanced&q=-&q=or",
        "/search?q=!!!%3A*%26%7C",
        "/search?a.size=XXXXL&a.year=abc&a.=1&a.brand=",
        "/c/cameras?a.year=99999&max=-5&condition=broken",
        "/search?currency=GBP&min=1&sort=price_desc",
        &format!("/search?q={}", "word+".repeat(300)),
    ] {
        let page = app.get(path).await;
        page.assert_status(200);
    }
    // A control character is no broken escape: the request is refused (web::hygiene).
    app.get("/search?q=camera&min=%00").await.assert_status(400);
}

#[tokio::test]
async fn titles_are_escaped() {
    let app = spawn_app().await;
    let s = seller(&app).await;
    insert(
        &app,
        s,
        vec![Item::new("<script>alert(1)</script> lamp").cat("decor")],
    )
    .await;
    // On the raw HTML: the title is there, as escaped text.
    let page = app.get("/search?q=lamp").await;
    assert!(!page.body.contains("<script>alert(1)"));
    assert!(
        page.body
            .contains("&#60;script&#62;alert(1)&#60;/script&#62; lamp")
            || page
                .body
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; lamp"),
        "{}",
        page.body
    );
    let page = app.get("/search?q=%3Cb%3Ebold%3C%2Fb%3E").await;
    assert!(!page.body.contains("<b>bold</b>"));
    assert!(
        page.body.contains("&#60;b&#62;bold&#60;/b&#62;")
            || page.body.contains("&lt;b&gt;bold&lt;/b&gt;"),
        "{}",
        page.body
    );
}

#[tokio::test]
async fn htmx_gets_the_fragment_and_the_url() {
    let app = spawn_app().await;
    let s = seller(&app).await;
    insert(&app, s, vec![Item::new("Vinyl records").cat("records")]).await;
    let resp = app
        .client
        .get(app.url("/search?q=vinyl&category=&min=&max=&currency=USD&sort=relevance"))
        .header("hx-request", "true")
        .send()
        .await
        .expect("GET");
    assert_eq!(resp.status().as_u16(), 200);
    assert_eq!(
        resp.headers()["hx-push-url"].to_str().ok(),
        Some("/search?q=vinyl&currency=USD&sort=relevance")
    );
    assert_eq!(resp.headers()["vary"].to_str().ok(), Some("HX-Request"));
    let body = resp.text().await.expect("body");
    // The results, with the title and (out of band) the heading of these words.
    assert!(body.trim_start().starts_with("<title>"), "{body}");
    assert!(body.contains("<div id=\"results\""), "{body}");
    assert!(body.contains("hx-swap-oob"), "{body}");
    assert!(!body.contains("<html"));
    assert!(body.contains("Vinyl records"));
    // A boosted navigation or a history restore gets the whole page.
    for header in ["hx-boosted", "hx-history-restore-request"] {
        let body = app
            .client
            .get(app.url("/search?q=vinyl"))
            .header("hx-request", "true")
            .header(header, "true")
            .send()
            .await
            .expect("GET")
            .text()
            .await
            .expect("body");
        assert!(body.contains("<html"), "{header}");
    }
    // Without JavaScript the form works as a plain GET form.
    let page = app.get("/search?q=vinyl").await;
    page.assert_contains("action=\"/search\" method=\"get\"")
        .assert_contains("hx-get=\"/search\"")
        .assert_contains("name=\"q\" value=\"vinyl\"");
}

#[tokio::test]
async fn category_pages_have_breadcrumbs_and_subcategories() {
    let app = spawn_app().await;
    let s = seller(&app).await;
    insert(&app, s, vec![Item::new("Pixel 7").cat("phones")]).await;
    let page = app.get("/c/phones").await;
    page.assert_status(200)
        .assert_contains("<h1 id=\"results-heading\">Phones")
        .assert_contains("href=\"/c/electronics\">Electronics</a>")
        .assert_contains("Pixel 7")
        // The form stays on the category page; its attribute fields are there.
        .assert_contains("action=\"/c/phones\"")
        .assert_contains("name=\"a.brand\"");
    let page = app.get("/c/electronics").await;
    page.assert_contains("href=\"/c/phones\"")
        .assert_contains("href=\"/c/computers\"")
        .assert_contains("Pixel 7");
    // The search page with a category chosen stays the search page.
    let page = app.get("/search?category=phones").await;
    page.assert_contains("Pixel 7")
        .assert_contains("action=\"/search\"")
        .assert_contains("<option value=\"phones\" selected>");
    assert!(!page.contains("class=\"breadcrumbs\""));
    // In other languages, the names are translated (or at least present).
    get_in(&app, "/c/electronics", "el")
        .await
        .assert_status(200);
}
