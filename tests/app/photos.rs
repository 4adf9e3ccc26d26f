//! The media route: stored photos come back as JPEG with a year-long immutable cache and
//! nosniff; anything but a name we could have created is a 404 page.

use std::io::Cursor;

use pasar::listings::photos::{process, store};
use pasar::storage::LocalStorage;

use crate::helpers::{spawn_app, TestApp};

fn camera_jpeg() -> Vec<u8> {
    let img = image::RgbImage::from_fn(900, 600, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    let mut buf = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut buf, 90)
        .encode_image(&img)
        .expect("jpeg encodes");
    buf
}

/// Processes and stores a photo where the app keeps them; answers its key.
fn stored_photo(app: &TestApp) -> String {
    let storage = LocalStorage::new(app.data_dir.join("photos")).expect("storage");
    let processed = process(&camera_jpeg()).expect("photo accepted");
    store(&storage, &processed).expect("photo stored")
}

#[tokio::test]
async fn a_stored_photo_is_served_with_long_cache_and_nosniff() {
    let app = spawn_app().await;
    let key = stored_photo(&app);
    for width in [320, 640] {
        let resp = app
            .client
            .get(app.url(&format!("/media/{key}-{width}.jpg")))
            .send()
            .await
            .expect("GET");
        assert_eq!(resp.status().as_u16(), 200);
        let h = resp.headers().clone();
        assert_eq!(h["content-type"], "image/jpeg");
        assert_eq!(h["cache-control"], "public, max-age=31536000, immutable");
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert_eq!(
            h["etag"].to_str().expect("etag"),
            format!("\"{key}-{width}.jpg\"")
        );
        let bytes = resp.bytes().await.expect("body");
        let img = image::ImageReader::new(Cursor::new(&bytes))
            .with_guessed_format()
            .expect("guess")
            .decode()
            .expect("a JPEG");
        assert_eq!(img.width(), width);
    }
}

#[tokio::test]
async fn a_known_etag_is_answered_304() {
    let app = spawn_app().await;
    let key = stored_photo(&app);
    let resp = app
        .client
        .get(app.url(&format!("/media/{key}-320.jpg")))
        .header("if-none-match", format!("\"{key}-320.jpg\""))
        .send()
        .await
        .expect("GET");
    assert_eq!(resp.status().as_u16(), 304);
}

#[tokio::test]
async fn bad_or_missing_names_are_404_pages() {
    let app = spawn_app().await;
    let key = stored_photo(&app);
    // The photo is 900 wide: no 1280 size was stored.
    let missing = [
        format!("/media/{key}-1280.jpg"),
        "/media/0123456789abcdef0123456789abcdef-320.jpg".to_string(),
    ];
    let bad = [
        format!("/media/{key}-100.jpg"),
        format!("/media/{key}-320.png"),
        format!("/media/{}-320.jpg", key.to_uppercase()),
        format!("/media/{key}-320.part"),
        "/media/..%2F..%2Fetc%2Fpasswd".to_string(),
        "/media/x".to_string(),
    ];
    for path in missing.iter().chain(bad.iter()) {
        let page = app.get(path).await;
        page.assert_status(404);
        assert!(
            page.headers["content-type"]
                .to_str()
                .expect("type")
                .starts_with("text/html"),
            "{path}"
        );
        assert!(page.body.contains("<html"), "{path} is not a page");
    }
}

/// Photos of a form that was never saved are deleted a day later; saved ones stay.
#[tokio::test]
async fn photos_of_abandoned_forms_are_swept_and_saved_ones_kept() {
    use crate::listings::{category_id, submit, Form};
    let app = spawn_app().await;
    crate::helpers::factories::signed_in(&app, "seller@example.com").await;
    let cat = category_id(&app, "bikes").await;
    // A form with an error keeps its photos (stored at once) ...
    submit(&app, "/sell", Form::valid(cat).set("title", ""))
        .await
        .assert_status(422);
    assert_eq!(
        app.count("SELECT count(*) AS n FROM pending_uploads").await,
        2
    );
    // ... and a saved listing takes its own off the list.
    submit(&app, "/sell", Form::valid(cat))
        .await
        .assert_status(303);
    assert_eq!(
        app.count("SELECT count(*) AS n FROM pending_uploads").await,
        2
    );
    let photo_dir = app.data_dir.join("photos");
    let files_before = count_files(&photo_dir);
    // Not a day old yet: nothing goes.
    let dir = photo_dir.clone();
    let swept = app
        .db(move |c| {
            let storage = LocalStorage::new(dir).expect("storage");
            pasar::listings::photos::sweep_abandoned(
                c,
                &storage,
                std::time::Duration::from_secs(86_400),
            )
            .expect("sweep")
        })
        .await;
    assert_eq!(swept, 0);
    app.db(|c| {
        use diesel::prelude::*;
        diesel::sql_query("UPDATE pending_uploads SET created_at = now() - interval '2 days'")
            .execute(c)
            .expect("aged")
    })
    .await;
    let dir = photo_dir.clone();
    let swept = app
        .db(move |c| {
            let storage = LocalStorage::new(dir).expect("storage");
            pasar::listings::photos::sweep_abandoned(
                c,
                &storage,
                std::time::Duration::from_secs(86_400),
            )
            .expect("sweep")
        })
        .await;
    assert_eq!(swept, 2);
    assert_eq!(
        app.count("SELECT count(*) AS n FROM pending_uploads").await,
        0
    );
    let files_after = count_files(&photo_dir);
    assert!(
        files_after < files_before,
        "{files_before} -> {files_after}"
    );
    // The saved listing's photos are still served.
    let key: String = app
        .db(|c| {
            use diesel::prelude::*;
            use pasar::db::schema::listing_photos as p;
            p::table.select(p::storage_key).first(c).expect("photo")
        })
        .await;
    app.get(&format!("/media/{key}-320.jpg"))
        .await
        .assert_status(200);
}

fn count_files(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| {
                    let p = e.path();
                    if p.is_dir() {
                        count_files(&p)
                    } else {
                        1
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}
