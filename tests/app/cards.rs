//! Card lists and the listing page (issue 9): a card's cover is the listing's first photo
//! through every photo change, a card list plans without a subquery per card, the
//! listing page reads in three statements, and flushed view counts add up as HOT updates.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use diesel::connection::InstrumentationEvent;
use diesel::prelude::*;
use pasar::db::schema::{listing_photos, listings, users};
use pasar::listings::caches::Caches;
use pasar::listings::model::{card_columns, ListingCard};
use pasar::listings::routes::ListingData;
use pasar::listings::view_count::{add_views, ViewCount, FLUSH_BATCH};

use crate::helpers::factories::{self, UserSpec};
use crate::helpers::{spawn_app, TestApp};

fn add_photo(c: &mut PgConnection, listing: i64, position: i32, key: &str) -> i64 {
    diesel::insert_into(listing_photos::table)
        .values((
            listing_photos::listing_id.eq(listing),
            listing_photos::position.eq(position),
            listing_photos::storage_key.eq(key),
            listing_photos::width.eq(640),
            listing_photos::height.eq(480),
        ))
        .returning(listing_photos::id)
        .get_result(c)
        .expect("photo")
}

fn move_photo(c: &mut PgConnection, photo: i64, position: i32) {
    diesel::update(listing_photos::table.find(photo))
        .set(listing_photos::position.eq(position))
        .execute(c)
        .expect("moved");
}

fn delete_photo(c: &mut PgConnection, photo: i64) {
    diesel::delete(listing_photos::table.find(photo))
        .execute(c)
        .expect("deleted");
}

/// The photo the card lists show for `id`.
fn card_photo(c: &mut PgConnection, id: i64) -> Option<String> {
    let card: ListingCard = listings::table
        .inner_join(users::table)
        .filter(listings::id.eq(id))
        .select(card_columns())
        .first(c)
        .expect("card");
    card.photo_key
}

async fn seller_with_listing(app: &TestApp) -> i64 {
    let seller = factories::user(app, UserSpec::new("seller@example.com")).await;
    factories::listing(app, seller, Default::default()).await
}

#[tokio::test]
async fn the_card_photo_follows_photo_reorders_and_deletes() {
    let app = spawn_app().await;
    let id = seller_with_listing(&app).await;
    app.db(move |c| {
        assert_eq!(card_photo(c, id), None);
        let a = add_photo(c, id, 0, "cover-a");
        assert_eq!(card_photo(c, id).as_deref(), Some("cover-a"));
        // A later photo does not take the cover; one moved before the first does.
        let b = add_photo(c, id, 1, "cover-b");
        assert_eq!(card_photo(c, id).as_deref(), Some("cover-a"));
        move_photo(c, a, 2);
        assert_eq!(card_photo(c, id).as_deref(), Some("cover-b"));
        // Equal positions: the older photo first, as on the listing page.
        move_photo(c, a, 1);
        assert_eq!(card_photo(c, id).as_deref(), Some("cover-a"));
        delete_photo(c, a);
        assert_eq!(card_photo(c, id).as_deref(), Some("cover-b"));
        delete_photo(c, b);
        assert_eq!(card_photo(c, id), None);
    })
    .await;
}

#[tokio::test]
async fn an_edited_listing_shows_its_new_first_photo_on_cards() {
    // Reordered in one transaction, a statement per photo, as an edit does.
    let app = spawn_app().await;
    let id = seller_with_listing(&app).await;
    let (a, b) = app
        .db(move |c| (add_photo(c, id, 0, "edit-a"), add_photo(c, id, 1, "edit-b")))
        .await;
    app.db(move |c| {
        c.transaction::<_, diesel::result::Error, _>(|c| {
            move_photo(c, b, 0);
            move_photo(c, a, 1);
            Ok(())
        })
        .expect("reordered");
        assert_eq!(card_photo(c, id).as_deref(), Some("edit-b"));
    })
    .await;
    let page = app.get(&format!("/listings/{id}")).await;
    page.assert_status(200);
    let first = page.body.find("edit-b").expect("new first photo shown");
    let second = page.body.find("edit-a").expect("second photo shown");
    assert!(first < second);
}

#[tokio::test]
async fn a_card_list_plans_no_subquery_per_card() {
    let app = spawn_app().await;
    seller_with_listing(&app).await;
    let plan = app
        .db(|c| {
            let q = listings::table
                .inner_join(users::table)
                .select(card_columns())
                .order(listings::id.desc())
                .limit(24);
            let sql = diesel::debug_query::<diesel::pg::Pg, _>(&q).to_string();
            let sql = sql
                .split(" -- binds")
                .next()
                .unwrap_or_default()
                .replace("$1", "24");
            #[derive(QueryableByName)]
            struct Line {
                #[diesel(sql_type = diesel::sql_types::Text, column_name = "QUERY PLAN")]
                line: String,
            }
            diesel::sql_query(format!("EXPLAIN {sql}"))
                .load::<Line>(c)
                .expect("explain")
                .into_iter()
                .map(|l| l.line)
                .collect::<Vec<_>>()
                .join("\n")
        })
        .await;
    assert!(!plan.contains("SubPlan"), "{plan}");
    assert!(!plan.contains("listing_photos"), "{plan}");
}

#[tokio::test]
async fn the_listing_page_reads_four_statements_seller_and_ratings_included() {
    let app = spawn_app().await;
    let id = seller_with_listing(&app).await;
    app.db(move |c| {
        add_photo(c, id, 0, "page-a");
        add_photo(c, id, 1, "page-b");
    })
    .await;
    let url = app.db_url.clone();
    let statements = tokio::task::spawn_blocking(move || {
        let mut c = PgConnection::establish(&url).expect("connect");
        let caches = Caches::new(Duration::from_secs(60));
        // The first load also reads the category tree, kept from then on.
        ListingData::load(&mut c, &caches.tree, id, None).expect("first load");
        let n = Arc::new(AtomicUsize::new(0));
        let counted = n.clone();
        c.set_instrumentation(move |e: InstrumentationEvent<'_>| {
            if matches!(e, InstrumentationEvent::StartQuery { .. }) {
                counted.fetch_add(1, Ordering::SeqCst);
            }
        });
        ListingData::load(&mut c, &caches.tree, id, None).expect("load");
        n.load(Ordering::SeqCst)
    })
    .await
    .expect("task");
    // The listing with its photos, its seller's card (asked of accounts, which own
    // `users`), the similar items, then the ratings of the seller and the similar
    // items' sellers together (reviews::ratings_of).
    assert_eq!(statements, 4);
    let page = app.get(&format!("/listings/{id}")).await;
    page.assert_status(200)
        .assert_contains("page-a")
        .assert_contains("page-b")
        .assert_contains("Test User");
}

#[tokio::test]
async fn flushed_views_add_up_and_stay_on_their_pages() {
    let app = spawn_app().await;
    let seller = factories::user(&app, UserSpec::new("many@example.com")).await;
    let (ids, counts, hot, updated) = app
        .db(move |c| {
            #[derive(QueryableByName)]
            struct Id {
                #[diesel(sql_type = diesel::sql_types::BigInt)]
                id: i64,
            }
            // Enough rows of a realistic width that the table's pages fill up (more
            // than a page's statement budget allows on a busy machine).
            let ids: Vec<i64> = c
                .transaction::<_, diesel::result::Error, _>(|c| {
                    diesel::sql_query("SET LOCAL statement_timeout = 0").execute(c)?;
                    diesel::sql_query(
                        "INSERT INTO listings (seller_id, category_id, title, description, \
                         condition, price_minor, currency, status, published_at) \
                         SELECT $1, (SELECT min(id) FROM categories), 'Item ' || g, \
                         repeat('A sturdy thing in fine order. ', 8), 'good', 100 + g, 'EUR', \
                         'active', now() FROM generate_series(1, 8000) g RETURNING id",
                    )
                    .bind::<diesel::sql_types::BigInt, _>(seller)
                    .load::<Id>(c)
                })
                .expect("listings")
                .into_iter()
                .map(|r| r.id)
                .collect();
            // Every 13th listing seen 1 to 5 times: more rows than one flush statement
            // takes, spread as a crowd's are over the table.
            let views = ViewCount::default();
            let mut expected = std::collections::HashMap::new();
            for (k, id) in ids.iter().step_by(13).enumerate() {
                for _ in 0..(k % 5 + 1) {
                    views.hit(*id);
                }
                expected.insert(*id, (k % 5 + 1) as i64);
            }
            let taken = views.take();
            assert!(taken.len() > FLUSH_BATCH);
            assert!(views.take().is_empty());
            #[derive(QueryableByName)]
            struct Stat {
                #[diesel(sql_type = diesel::sql_types::BigInt)]
                upd: i64,
                #[diesel(sql_type = diesel::sql_types::BigInt)]
                hot: i64,
            }
            // This session's own counters (not yet sent to the shared statistics), so
            // nothing else running interferes.
            let stat = |c: &mut PgConnection| {
                diesel::sql_query(
                    "SELECT n_tup_upd AS upd, n_tup_hot_upd AS hot \
                     FROM pg_stat_xact_user_tables WHERE relname = 'listings'",
                )
                .get_result::<Stat>(c)
            };
            let (before, after) = c
                .transaction::<_, diesel::result::Error, _>(|c| {
                    let before = stat(c)?;
                    add_views(c, &taken)?;
                    Ok((before, stat(c)?))
                })
                .expect("flushed");
            (
                ids,
                expected,
                after.hot - before.hot,
                after.upd - before.upd,
            )
        })
        .await;
    assert_eq!(updated, counts.len() as i64);
    // Without room on the pages nearly every update is a new version in every index.
    assert!(hot * 10 >= updated * 9, "{hot} of {updated} updates HOT");
    let stored: Vec<(i64, i64)> = app
        .db(move |c| {
            listings::table
                .filter(listings::id.eq_any(&ids))
                .select((listings::id, listings::views))
                .load(c)
                .expect("views")
        })
        .await;
    for (id, views) in stored {
        assert_eq!(views, counts.get(&id).copied().unwrap_or(0), "listing {id}");
    }
}
