//! The per-process page caches: data is reused for `PASAR_CACHE_MS`, and any write
//! through the app clears it at once.

use diesel::prelude::*;
use pasar::db::schema::listings;

use crate::helpers::factories;
use crate::helpers::{spawn_app_with, Options};
use crate::orders::{listing, Item};

#[tokio::test]
async fn pages_are_reused_until_a_write_through_the_app() {
    let app = spawn_app_with(Options {
        extra_env: vec![("PASAR_CACHE_MS", "60000".into())],
        ..Options::default()
    })
    .await;
    let seller = factories::signed_in(&app, "seller@example.com").await;
    let id = listing(&app, seller, Item::default()).await;
    let search = "/search?q=camera";
    let page = format!("/listings/{id}");
    app.get(search).await.assert_contains("Vintage camera");
    app.get(&page).await.assert_contains("Vintage camera");
    app.get("/").await.assert_contains("Vintage camera");

    // Changed behind the app's back: the pages keep what they had.
    app.db(move |c| {
        diesel::update(listings::table.find(id))
            .set(listings::title.eq("Vintage camera with lens"))
            .execute(c)
            .expect("renamed")
    })
    .await;
    assert!(!app.get(&page).await.contains("with lens"));
    assert!(!app.get(search).await.contains("with lens"));
    assert!(!app.get("/").await.contains("with lens"));

    // Any change made through this process clears everything.
    app.post("/me/holiday/end", &[]).await.assert_status(303);
    app.get(&page)
        .await
        .assert_contains("Vintage camera with lens");
    app.get(search)
        .await
        .assert_contains("Vintage camera with lens");
    app.get("/")
        .await
        .assert_contains("Vintage camera with lens");
}
