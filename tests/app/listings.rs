//! Selling: the sell and edit form with photos, validation, ownership, status changes,
//! the listing page, "my listings" and holiday mode.

use crate::helpers::factories::{self, UserSpec};
use crate::helpers::*;

/// A real JPEG of the given size, made in memory.
pub fn jpeg(w: u32, h: u32, shade: u8) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([shade, (x % 256) as u8, (y % 256) as u8])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut out, image::ImageFormat::Jpeg)
        .expect("encode");
    out.into_inner()
}

/// The id of a category by slug.
pub async fn category_id(app: &TestApp, slug: &'static str) -> i32 {
    app.db(move |c| {
        use diesel::prelude::*;
        use pasar::db::schema::categories;
        categories::table
            .filter(categories::slug.eq(slug))
            .select(categories::id)
            .first(c)
            .expect("category")
    })
    .await
}

pub struct Form {
    pub fields: Vec<(String, String)>,
    pub files: Vec<(String, Vec<u8>)>,
}

impl Form {
    pub fn valid(category: i32) -> Form {
        Form {
            fields: vec![
                ("title".into(), "Vintage road bike".into()),
                (
                    "description".into(),
                    "Steel frame, 56 cm, new tyres.\nCollect or I ship it.".into(),
                ),
                ("category".into(), category.to_string()),
                ("condition".into(), "good".into()),
                ("price".into(), "120.50".into()),
                ("currency".into(), "EUR".into()),
                ("quantity".into(), "1".into()),
                ("ships".into(), "1".into()),
                ("shipping_price".into(), "15".into()),
                ("pickup".into(), "1".into()),
                ("city".into(), "Lyon".into()),
                ("country".into(), "FR".into()),
                ("action".into(), "publish".into()),
            ],
            files: vec![
                ("one.jpg".into(), jpeg(900, 700, 10)),
                ("two.jpg".into(), jpeg(700, 900, 200)),
            ],
        }
    }

    pub fn set(mut self, key: &str, value: &str) -> Form {
        self.fields.retain(|(k, _)| k != key);
        self.fields.push((key.into(), value.into()));
        self
    }
}

/// Submits a multipart form the way a browser does (the token is its first field).
pub async fn submit(app: &TestApp, path: &str, form: Form) -> Page {
    let token = app.csrf().await;
    let mut mp = reqwest::multipart::Form::new().text("csrf_token", token);
    for (k, v) in form.fields {
        mp = mp.text(k, v);
    }
    for (name, bytes) in form.files {
        let part = reqwest::multipart::Part::bytes(bytes)
            .file_name(name)
            .mime_str("image/jpeg")
            .expect("mime");
        mp = mp.part("photos", part);
    }
    let url = app.url(path);
    let resp = app
        .client
        .post(url)
        .multipart(mp)
        .send()
        .await
        .expect("post");
    TestApp::read(resp).await
}

fn listing_id(page: &Page) -> i64 {
    let loc = page.location.as_deref().expect("redirect");
    loc.trim_start_matches("/listings/")
        .parse()
        .expect("listing id")
}

#[tokio::test]
async fn a_verified_seller_lists_an_item_with_photos() {
    let app = spawn_app().await;
    factories::signed_in(&app, "seller@example.com").await;
    let bikes = category_id(&app, "bikes").await;
    let page = submit(&app, "/sell", Form::valid(bikes)).await;
    page.assert_status(303);
    let id = listing_id(&page);
    let page = app.get(&format!("/listings/{id}")).await;
    page.assert_status(200)
        .assert_contains("Vintage road bike")
        .assert_contains("€120.50")
        .assert_contains("Shipping: €15.00")
        .assert_contains("Pickup in Lyon")
        .assert_contains("property=\"og:title\"")
        .assert_contains("og:image")
        .assert_contains("\"@type\":\"Product\"")
        .assert_contains("srcset=")
        .assert_contains("href=\"/c/sports\"");
    // Line breaks survive, as <br>.
    page.assert_contains("56 cm, new tyres.<br>");
    let photos = app.count("SELECT count(*) AS n FROM listing_photos").await;
    assert_eq!(photos, 2);
    // The photo files are served.
    let re = regex::Regex::new(r#"/media/([0-9a-f]{32})-320\.jpg"#).expect("re");
    let key = re.captures(&page.body).expect("photo url")[1].to_string();
    let img = app
        .client
        .get(app.url(&format!("/media/{key}-320.jpg")))
        .send()
        .await
        .expect("get");
    assert_eq!(img.status().as_u16(), 200);
    assert_eq!(img.headers()["content-type"], "image/jpeg");
    // And it is on the home page and in "my listings".
    app.get("/").await.assert_contains("Vintage road bike");
    app.get("/me/listings")
        .await
        .assert_contains("Vintage road bike")
        .assert_contains("Pause");
}

#[tokio::test]
async fn selling_needs_a_verified_account() {
    let app = spawn_app().await;
    app.get("/sell").await.redirects_to("/login?next=%2Fsell");
    let mut spec = UserSpec::new("new@example.com");
    spec.verified = false;
    factories::user(&app, spec).await;
    app.login("new@example.com", PASSWORD).await;
    app.get("/sell")
        .await
        .assert_status(403)
        .assert_contains("confirm your email")
        .assert_contains("/verify/resend");
    let bikes = category_id(&app, "bikes").await;
    submit(&app, "/sell", Form::valid(bikes))
        .await
        .assert_status(403);
    assert_eq!(app.count("SELECT count(*) AS n FROM listings").await, 0);
}

#[tokio::test]
async fn bad_input_is_explained_and_kept() {
    let app = spawn_app().await;
    factories::signed_in(&app, "s@example.com").await;
    let bikes = category_id(&app, "bikes").await;
    let cases: Vec<(Form, &str)> = vec![
        (Form::valid(bikes).set("price", "-5"), "cannot be negative"),
        (Form::valid(bikes).set("price", "12,345.678"), "decimals"),
        (Form::valid(bikes).set("price", "abc"), "like 12.50"),
        (
            Form::valid(bikes).set("price", "99999999999999"),
            "too high",
        ),
        (Form::valid(bikes).set("title", &"t".repeat(81)), "too long"),
        (Form::valid(bikes).set("title", ""), "Please fill this in"),
        (
            Form::valid(bikes).set("category", "999999"),
            "choose a category",
        ),
        (
            Form::valid(bikes).set("ships", "").set("pickup", ""),
            "shipping, local pickup or both",
        ),
        (Form::valid(bikes).set("quantity", "0"), "from 1 to 999"),
    ];
    for (form, message) in cases {
        let page = submit(&app, "/sell", form).await;
        page.assert_status(422).assert_contains(message);
        // What was typed is still there, and so are the uploaded photos.
        page.assert_contains("Steel frame, 56 cm");
        assert_eq!(
            page.body.matches("name=\"photo\"").count(),
            2,
            "photos kept"
        );
    }
    assert_eq!(app.count("SELECT count(*) AS n FROM listings").await, 0);
    // Resubmitting the kept photos (their signed tokens) with the error fixed works.
    let re = regex::Regex::new(r#"name="photo" value="([^"]+)""#).expect("re");
    let page = submit(&app, "/sell", Form::valid(bikes).set("price", "-1")).await;
    let tokens: Vec<String> = re
        .captures_iter(&page.body)
        .map(|c| c[1].to_string())
        .collect();
    let mut form = Form::valid(bikes);
    form.files.clear();
    for t in &tokens {
        form.fields.push(("photo".into(), t.clone()));
    }
    submit(&app, "/sell", form).await.assert_status(303);
    assert_eq!(
        app.count("SELECT count(*) AS n FROM listing_photos").await,
        2
    );
    // A forged token is ignored (and then the listing has no photo).
    let mut form = Form::valid(bikes);
    form.files.clear();
    form.fields.push((
        "photo".into(),
        "p:deadbeef:640:480:0123456789abcdef0123".into(),
    ));
    submit(&app, "/sell", form)
        .await
        .assert_status(422)
        .assert_contains("at least one photo");
}

#[tokio::test]
async fn prices_follow_the_sellers_language() {
    let app = spawn_app().await;
    let mut spec = UserSpec::new("fr@example.com");
    spec.locale = "fr";
    factories::user(&app, spec).await;
    app.login("fr@example.com", PASSWORD).await;
    let bikes = category_id(&app, "bikes").await;
    let page = submit(
        &app,
        "/sell",
        Form::valid(bikes)
            .set("price", "1 234,50")
            .set("shipping_price", ""),
    )
    .await;
    let id = listing_id(&page);
    let price = app.count("SELECT price_minor AS n FROM listings").await;
    assert_eq!(price, 123450);
    let page = app.get(&format!("/listings/{id}")).await;
    page.assert_contains("1\u{202f}234,50\u{a0}€")
        .assert_contains("Livraison gratuite");
}

#[tokio::test]
async fn photos_are_checked_by_content() {
    let app = spawn_app().await;
    factories::signed_in(&app, "p@example.com").await;
    let bikes = category_id(&app, "bikes").await;
    let mut form = Form::valid(bikes);
    form.files = vec![(
        "notes.jpg".into(),
        b"just some text, not a picture".to_vec(),
    )];
    submit(&app, "/sell", form)
        .await
        .assert_status(422)
        .assert_contains("notes.jpg");
    let mut form = Form::valid(bikes);
    let mut truncated = jpeg(800, 600, 5);
    truncated.truncate(truncated.len() / 3);
    form.files = vec![("cut.jpg".into(), truncated)];
    submit(&app, "/sell", form)
        .await
        .assert_status(422)
        .assert_contains("cut.jpg");
    let mut form = Form::valid(bikes);
    form.files = vec![(
        "logo.svg".into(),
        b"<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>".to_vec(),
    )];
    submit(&app, "/sell", form)
        .await
        .assert_status(422)
        .assert_contains("logo.svg");
    // 11 photos: only 10 fit.
    let mut form = Form::valid(bikes);
    form.files = (0..11)
        .map(|i| (format!("p{i}.jpg"), jpeg(320, 320, i as u8 * 20)))
        .collect();
    submit(&app, "/sell", form).await.assert_status(422);
    // 16 MB is over the limit.
    let mut form = Form::valid(bikes);
    let mut big = jpeg(400, 400, 1);
    big.resize(16 * 1024 * 1024, 0);
    form.files = vec![("huge.jpg".into(), big)];
    submit(&app, "/sell", form)
        .await
        .assert_status(422)
        .assert_contains("huge.jpg");
    assert_eq!(app.count("SELECT count(*) AS n FROM listings").await, 0);
}

#[tokio::test]
async fn html_in_titles_and_descriptions_is_shown_escaped() {
    let app = spawn_app().await;
    factories::signed_in(&app, "x@example.com").await;
    let bikes = category_id(&app, "bikes").await;
    let form = Form::valid(bikes)
        .set("title", "<script>alert(1)</script> bike")
        .set(
            "description",
            "<img src=x onerror=alert(1)> see https://example.com/bike",
        );
    let id = listing_id(&submit(&app, "/sell", form).await);
    let page = app.get(&format!("/listings/{id}")).await;
    // On the raw HTML: the markup arrives as escaped text, never as tags.
    assert!(!page.body.contains("<script>alert(1)</script>"));
    assert!(!page.body.contains("<img src=x"));
    assert!(
        page.body
            .contains("&#60;script&#62;alert(1)&#60;/script&#62; bike")
            || page
                .body
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; bike"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("&#60;img src=x onerror=alert(1)&#62;")
            || page.body.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{}",
        page.body
    );
    page.assert_contains("rel=\"nofollow ugc noopener\"");
}

#[tokio::test]
async fn only_the_owner_or_an_admin_changes_a_listing() {
    let app = spawn_app().await;
    factories::signed_in(&app, "owner@example.com").await;
    let bikes = category_id(&app, "bikes").await;
    let id = listing_id(&submit(&app, "/sell", Form::valid(bikes)).await);
    app.logout().await;
    // Another member: 404 on every private page and action, nothing changes.
    factories::signed_in(&app, "other@example.com").await;
    app.get(&format!("/listings/{id}/edit"))
        .await
        .assert_status(404);
    app.post(&format!("/listings/{id}/status"), &[("to", "paused")])
        .await
        .assert_status(404);
    submit(
        &app,
        &format!("/listings/{id}/edit"),
        Form::valid(bikes).set("title", "Stolen"),
    )
    .await
    .assert_status(404);
    app.get("/listings/999999").await.assert_status(404);
    assert_eq!(app.count("SELECT count(*) AS n FROM listings WHERE status = 'active' AND title = 'Vintage road bike'").await, 1);
    app.logout().await;
    // An admin may.
    let mut spec = UserSpec::new("admin@example.com");
    spec.role = "admin";
    factories::user(&app, spec).await;
    app.login("admin@example.com", PASSWORD).await;
    app.get(&format!("/listings/{id}/edit"))
        .await
        .assert_status(200)
        .assert_contains("Vintage road bike");
}

#[tokio::test]
async fn statuses_change_only_along_allowed_paths() {
    let app = spawn_app().await;
    factories::signed_in(&app, "st@example.com").await;
    let bikes = category_id(&app, "bikes").await;
    let id = listing_id(&submit(&app, "/sell", Form::valid(bikes)).await);
    let status = |to: &'static str| {
        let path = format!("/listings/{id}/status");
        let app = &app;
        async move { app.post(&path, &[("to", to)]).await }
    };
    status("paused").await.redirects_to("/me/listings");
    app.get("/me/listings?status=paused")
        .await
        .assert_contains("Vintage road bike");
    status("active").await.redirects_to("/me/listings");
    status("sold").await.redirects_to("/me/listings");
    status("draft").await.assert_status(409);
    status("removed").await.redirects_to("/me/listings");
    status("active").await.assert_status(409);
    status("bogus").await.assert_status(400);
    // A removed listing is gone for everyone else, but its row stays.
    app.logout().await;
    app.get(&format!("/listings/{id}")).await.assert_status(404);
    assert_eq!(app.count("SELECT count(*) AS n FROM listings").await, 1);
}

#[tokio::test]
async fn drafts_are_private_and_publish_later() {
    let app = spawn_app().await;
    factories::signed_in(&app, "d@example.com").await;
    let bikes = category_id(&app, "bikes").await;
    let mut form = Form::valid(bikes).set("action", "draft");
    form.files.clear();
    submit(&app, "/sell", form)
        .await
        .redirects_to("/me/listings?status=draft");
    let id = app.count("SELECT id AS n FROM listings").await;
    app.get("/me/listings?status=draft")
        .await
        .assert_contains("Vintage road bike");
    app.get(&format!("/listings/{id}"))
        .await
        .assert_status(200)
        .assert_contains("only you can see it");
    // Publishing a draft without photos is refused with a message.
    app.post(&format!("/listings/{id}/status"), &[("to", "active")])
        .await
        .redirects_to("/me/listings");
    app.get("/me/listings")
        .await
        .assert_contains("at least one photo");
    app.logout().await;
    app.get(&format!("/listings/{id}")).await.assert_status(404);
}

#[tokio::test]
async fn editing_keeps_reorders_and_removes_photos() {
    let app = spawn_app().await;
    factories::signed_in(&app, "e@example.com").await;
    let bikes = category_id(&app, "bikes").await;
    let id = listing_id(&submit(&app, "/sell", Form::valid(bikes)).await);
    let page = app.get(&format!("/listings/{id}/edit")).await;
    page.assert_status(200).assert_contains("value=\"120.50\"");
    let re = regex::Regex::new(r#"name="photo" value="(e:\d+)""#).expect("re");
    let tokens: Vec<String> = re
        .captures_iter(&page.body)
        .map(|c| c[1].to_string())
        .collect();
    assert_eq!(tokens.len(), 2);
    // Keep both, put the second first, add one more, then remove the first.
    let mut form = Form::valid(bikes).set("title", "Road bike, renewed");
    form.files = vec![("three.jpg".into(), jpeg(500, 500, 90))];
    form.fields.push(("photo".into(), tokens[0].clone()));
    form.fields.push(("photo".into(), tokens[1].clone()));
    form.fields.push((format!("pos.{}", tokens[1]), "0".into()));
    form.fields.push(("remove".into(), tokens[0].clone()));
    submit(&app, &format!("/listings/{id}/edit"), form)
        .await
        .redirects_to(&format!("/listings/{id}"));
    let second_id: i64 = tokens[1].trim_start_matches("e:").parse().expect("id");
    let first = app
        .count("SELECT id AS n FROM listing_photos ORDER BY position LIMIT 1")
        .await;
    assert_eq!(first, second_id);
    assert_eq!(
        app.count("SELECT count(*) AS n FROM listing_photos").await,
        2
    );
    app.get(&format!("/listings/{id}"))
        .await
        .assert_contains("Road bike, renewed");
}

#[tokio::test]
async fn holiday_mode_shows_the_return_date() {
    let app = spawn_app().await;
    let seller = factories::signed_in(&app, "h@example.com").await;
    let bikes = category_id(&app, "bikes").await;
    let id = listing_id(&submit(&app, "/sell", Form::valid(bikes)).await);
    let until = (chrono::Utc::now().date_naive() + chrono::Duration::days(10))
        .format("%Y-%m-%d")
        .to_string();
    app.post("/me/holiday", &[("until", &until)])
        .await
        .redirects_to("/me/listings");
    app.get("/me/listings")
        .await
        .assert_contains("You are on holiday until");
    app.logout().await;
    app.get(&format!("/listings/{id}"))
        .await
        .assert_status(200)
        .assert_contains("on holiday until");
    app.get(&format!("/u/{seller}"))
        .await
        .assert_contains("on holiday until");
    app.login("h@example.com", PASSWORD).await;
    app.post("/me/holiday", &[("until", "2001-01-01")]).await;
    app.get("/me/listings")
        .await
        .assert_contains("within the next year");
    app.post("/me/holiday/end", &[])
        .await
        .redirects_to("/me/listings");
    app.logout().await;
    assert!(!app
        .get(&format!("/listings/{id}"))
        .await
        .contains("on holiday until"));
}
