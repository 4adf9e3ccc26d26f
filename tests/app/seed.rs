//! Seeding against a real database: the demo (40 members, 400 listings in four languages
//! and three currencies over every category, pictures the media route serves) is
//! complete and adds nothing on a second run; the bench loader inserts what it is asked
//! for and tops up rather than doubling.

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;
use pasar::db::schema::{categories, listing_photos, listings, users};
use pasar::seed::catalogue::ITEMS;
use pasar::storage::{LocalStorage, Storage};

use crate::helpers::{spawn_app, TestApp};

/// `app.count` for a query built at run time.
async fn count(app: &TestApp, sql: String) -> i64 {
    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    app.db(move |conn| {
        diesel::sql_query(sql)
            .get_result::<N>(conn)
            .expect("count")
            .n
    })
    .await
}

/// Small pictures: the test build is unoptimised, and drawing and re-encoding pictures
/// is nearly all of the seeding time (full size is timed with the release binary).
const PICTURE_WIDTH: u32 = 160;

/// One demo listing as the checks need it.
#[derive(Queryable, Debug)]
struct Row {
    id: i64,
    title: String,
    description: String,
    currency: String,
    status: String,
    quantity: i32,
    category_id: i32,
    published_at: Option<chrono::DateTime<chrono::Utc>>,
    seller_locale: String,
}

#[tokio::test]
async fn the_demo_fills_every_category_in_four_languages_and_runs_twice_without_duplicates() {
    let app = spawn_app().await;
    let photo_dir = app.data_dir.join("photos");
    let (first, second) = app
        .db(move |conn| {
            let storage = LocalStorage::new(photo_dir).expect("storage");
            let hash = bcrypt::hash(pasar::seed::DEMO_PASSWORD, 4).expect("hash");
            let run = |conn: &mut PgConnection| {
                let users = pasar::seed::demo(conn, &hash).expect("demo members");
                let listings = pasar::seed::demo_listings_with(conn, &storage, PICTURE_WIDTH)
                    .expect("demo listings");
                pasar::seed::refresh_search(conn).expect("search words");
                (users, listings)
            };
            let first = run(conn);
            let second = run(conn);
            (first, second)
        })
        .await;
    assert_eq!(first, (41, pasar::seed::listings::DEMO_LISTINGS));
    assert_eq!(second, (0, 0), "a second run adds nothing");

    // Orders between demo members, in every state a visitor should see, once.
    let data = app.data_dir.display().to_string();
    let made = app
        .db(move |conn| {
            let cfg = pasar::config::Config::from_lookup(|k| match k {
                "PASAR_SECRET" => Some("t".repeat(64)),
                "PASAR_DATA" => Some(data.clone()),
                _ => None,
            })
            .expect("config");
            let first = pasar::seed::orders::demo_orders(conn, &cfg).expect("demo orders");
            let again = pasar::seed::orders::demo_orders(conn, &cfg).expect("again");
            (first, again)
        })
        .await;
    assert_eq!(made, (6, 0));
    for (status, n) in [
        ("completed", 3),
        ("paid", 1),
        ("shipped", 1),
        ("disputed", 1),
    ] {
        let sql = format!("SELECT count(*) AS n FROM orders WHERE status = '{status}'");
        let got = app
            .db(move |c| {
                #[derive(QueryableByName)]
                struct N {
                    #[diesel(sql_type = diesel::sql_types::BigInt)]
                    n: i64,
                }
                diesel::sql_query(sql).get_result::<N>(c).expect("count").n
            })
            .await;
        assert_eq!(got, n, "{status} demo orders");
    }
    let problems = app
        .db(|c| pasar::orders::ledger::imbalances(c).expect("books"))
        .await;
    assert!(problems.is_empty(), "{problems:?}");
    // One demo seller has enough orders for a profile with trust numbers (issue 11).
    let star = count(
        &app,
        "SELECT seller_id AS n FROM orders GROUP BY seller_id ORDER BY count(*) DESC LIMIT 1"
            .into(),
    )
    .await;
    let profile = app.get(&format!("/u/{star}")).await;
    profile
        .assert_status(200)
        .assert_contains("3 completed sales")
        .assert_contains("100 %")
        .assert_contains("from 3 orders due to be sent");

    // Reviews on the completed orders: one seller with an average (3 or more public
    // reviews), others "new", one review still hidden; the books still balance.
    let data = app.data_dir.display().to_string();
    let written = app
        .db(move |conn| {
            let cfg = pasar::config::Config::from_lookup(|k| match k {
                "PASAR_SECRET" => Some("t".repeat(64)),
                "PASAR_DATA" => Some(data.clone()),
                _ => None,
            })
            .expect("config");
            let first = pasar::seed::reviews::demo_reviews(conn, &cfg).expect("demo reviews");
            let again = pasar::seed::reviews::demo_reviews(conn, &cfg).expect("again");
            (first, again)
        })
        .await;
    assert_eq!(
        written,
        (11, 0),
        "six completed orders, one waiting for its seller"
    );
    let averaged = count(
        &app,
        "SELECT count(*) AS n FROM member_ratings WHERE rated_as = 'seller' AND count >= 3".into(),
    )
    .await;
    let new = count(
        &app,
        "SELECT count(*) AS n FROM member_ratings WHERE rated_as = 'seller' AND count < 3".into(),
    )
    .await;
    let hidden = count(
        &app,
        "SELECT count(*) AS n FROM reviews WHERE published_at IS NULL".into(),
    )
    .await;
    assert_eq!((averaged >= 1, new >= 1, hidden), (true, true, 1));
    let problems = app
        .db(|c| pasar::orders::ledger::imbalances(c).expect("books"))
        .await;
    assert!(problems.is_empty(), "{problems:?}");

    let rows: Vec<Row> = app
        .db(|conn| {
            listings::table
                .inner_join(users::table)
                .select((
                    listings::id,
                    listings::title,
                    listings::description,
                    listings::currency,
                    listings::status,
                    listings::quantity,
                    listings::category_id,
                    listings::published_at,
                    users::locale,
                ))
                .order(listings::id)
                .load(conn)
                .expect("listings")
        })
        .await;
    assert_eq!(rows.len(), 400);
    // The typo-correction vocabulary knows the demo's words in every language.
    for word in ["iphone", "sepeda", "ποδηλατο", "velo"] {
        let sql = format!("SELECT count(*) AS n FROM search_words WHERE word = '{word}'");
        assert_eq!(count(&app, sql).await, 1, "{word} in search_words");
    }

    // Each seller writes in their own language and prices in their currency.
    for locale in ["en", "id", "el", "fr"] {
        let titles: HashSet<&str> = ITEMS.iter().map(|i| i.text(locale).title).collect();
        let theirs: Vec<&Row> = rows.iter().filter(|r| r.seller_locale == locale).collect();
        assert!(theirs.len() >= 30, "{locale}: {} listings", theirs.len());
        for r in &theirs {
            assert!(titles.contains(r.title.as_str()), "{locale}: {:?}", r.title);
            let currency = match locale {
                "id" => "IDR",
                "en" => "USD",
                _ => "EUR",
            };
            assert_eq!(r.currency, currency, "{:?}", r.title);
        }
    }
    assert!(
        rows.iter().any(|r| r.description.contains("ή")),
        "Greek text"
    );
    assert!(
        rows.iter().any(|r| r.description.contains(" masih ")),
        "Indonesian text"
    );
    assert!(
        rows.iter().any(|r| r.description.contains("é")),
        "French text"
    );
    let currencies: HashSet<&str> = rows.iter().map(|r| r.currency.as_str()).collect();
    assert_eq!(currencies.len(), 3);

    // Every top-level category has listings (in itself or below it).
    let cats: Vec<(i32, Option<i32>, String)> = app
        .db(|conn| {
            categories::table
                .select((categories::id, categories::parent_id, categories::slug))
                .load(conn)
                .expect("categories")
        })
        .await;
    let parent: HashMap<i32, Option<i32>> = cats.iter().map(|(id, p, _)| (*id, *p)).collect();
    let mut per_top: HashMap<i32, usize> = HashMap::new();
    for r in &rows {
        let top = parent[&r.category_id].unwrap_or(r.category_id);
        *per_top.entry(top).or_default() += 1;
    }
    for (id, p, slug) in &cats {
        if p.is_none() {
            assert!(
                per_top.get(id).copied().unwrap_or(0) >= 3,
                "{slug} has no listings"
            );
        }
    }
    let used: HashSet<i32> = rows.iter().map(|r| r.category_id).collect();
    for (id, p, slug) in &cats {
        if p.is_some() {
            assert!(used.contains(id), "subcategory {slug} has no listings");
        }
    }

    // Mostly active, some paused, sold and drafts; drafts are unpublished.
    let count = |s: &str| rows.iter().filter(|r| r.status == s).count();
    assert!(count("active") >= 320, "{}", count("active"));
    for s in ["paused", "sold", "draft"] {
        assert!(count(s) >= 3, "{s}: {}", count(s));
    }
    let sixty_days_ago = chrono::Utc::now() - chrono::Duration::days(61);
    for r in &rows {
        match &r.published_at {
            None => assert_eq!(r.status, "draft"),
            Some(at) => assert!(*at > sixty_days_ago, "{:?}", r.title),
        }
    }
    assert!(rows.iter().any(|r| r.quantity > 1));

    // One to three photos each, stored and served like uploads.
    let photos: Vec<(i64, String, i32)> = app
        .db(|conn| {
            listing_photos::table
                .select((
                    listing_photos::listing_id,
                    listing_photos::storage_key,
                    listing_photos::width,
                ))
                .load(conn)
                .expect("photos")
        })
        .await;
    let mut per_listing: HashMap<i64, usize> = HashMap::new();
    for (listing, _, width) in &photos {
        *per_listing.entry(*listing).or_default() += 1;
        assert_eq!(*width, PICTURE_WIDTH as i32);
    }
    for r in &rows {
        let n = per_listing.get(&r.id).copied().unwrap_or(0);
        assert!((1..=3).contains(&n), "{} has {n} photos", r.title);
    }
    let storage = LocalStorage::new(app.data_dir.join("photos")).expect("storage");
    for (_, key, _) in &photos {
        assert!(
            storage
                .get(&format!("{key}-320.jpg"))
                .expect("storage")
                .is_some(),
            "{key} stored"
        );
    }
    for (_, key, _) in photos.iter().step_by(97) {
        let resp = app
            .client
            .get(app.url(&format!("/media/{key}-320.jpg")))
            .send()
            .await
            .expect("GET");
        assert_eq!(resp.status().as_u16(), 200, "{key}");
        assert_eq!(resp.headers()["content-type"], "image/jpeg");
    }

    // A visitor sees the newest of them on the home page.
    let newest = rows
        .iter()
        .filter(|r| r.status == "active")
        .max_by_key(|r| (r.published_at, r.id))
        .expect("an active listing");
    app.get("/")
        .await
        .assert_status(200)
        .assert_contains(&newest.title);
}

#[tokio::test]
async fn the_bench_loader_inserts_what_it_is_asked_for_and_tops_up() {
    let app = spawn_app().await;
    let photo_dir = app.data_dir.join("photos");
    let (added, again, more, photos) = app
        .db(move |conn| {
            let storage = LocalStorage::new(photo_dir).expect("storage");
            let added = pasar::seed::seed_bench(conn, 2000).expect("bench");
            let again = pasar::seed::seed_bench(conn, 2000).expect("bench again");
            let more = pasar::seed::seed_bench(conn, 2500).expect("bench top-up");
            let photos = pasar::seed::bench_photos(conn, &storage, 50).expect("bench photos");
            (added, again, more, photos)
        })
        .await;
    assert_eq!((added, again, more, photos), (2000, 0, 500, 50));
    assert_eq!(app.count("SELECT count(*) AS n FROM listings").await, 2500);
    assert!(app.count("SELECT count(*) AS n FROM search_words").await > 1000);
    assert_eq!(
        app.count("SELECT count(*) AS n FROM users WHERE email LIKE 'bench-%@bench.pasar.test'")
            .await,
        1000
    );
    let active = app
        .count("SELECT count(*) AS n FROM listings WHERE status = 'active'")
        .await;
    assert!((2250..=2450).contains(&active), "{active} active");
    assert_eq!(
        app.count("SELECT count(DISTINCT currency) AS n FROM listings")
            .await,
        3
    );
    assert!(
        app.count("SELECT count(DISTINCT category_id) AS n FROM listings")
            .await
            >= 40
    );
    // Full-text search finds common words in every language, and rare hashtags.
    for word in ["iphone", "sepeda", "ποδήλατο", "velo"] {
        let sql = format!(
            "SELECT count(*) AS n FROM listings \
             WHERE search @@ to_tsquery('simple', pasar_unaccent('{word}'))"
        );
        let n = count(&app, sql).await;
        assert!(n >= 3, "{word}: {n}");
    }
    assert!(
        app.count("SELECT count(*) AS n FROM listings WHERE description LIKE '% #%'")
            .await
            > 300
    );
    // The newest active listings got photos, each under its own key.
    assert_eq!(
        app.count(
            "SELECT count(DISTINCT p.storage_key) AS n FROM listing_photos p \
             JOIN listings l ON l.id = p.listing_id WHERE l.status = 'active'"
        )
        .await,
        50
    );
}
