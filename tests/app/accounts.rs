//! Sign-up, verification, login, logout, password reset, settings, deletion.

use std::time::Duration;

use crate::helpers::factories::{self, UserSpec};
use crate::helpers::*;

const STRONG: &str = "purple mango rocket 77";

#[tokio::test]
async fn full_account_journey_through_real_smtp() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(Options {
        smtp_url: Some(smtp.url()),
        ..Default::default()
    })
    .await;

    // Sign up: signed in at once, told to check the mail.
    let page = app.signup("Ana Maria", "Ana@Example.com", STRONG).await;
    page.redirects_to("/");
    app.get("/")
        .await
        .assert_contains("Ana@Example.com")
        .assert_contains("Please confirm your email");

    // The verification email arrives at the SMTP server, with both parts.
    let mail = smtp
        .wait_for(
            "Ana@Example.com",
            "Confirm your email",
            Duration::from_secs(15),
        )
        .await;
    assert!(mail.html.contains("<a href=\""), "HTML part with a link");
    assert!(mail.text.contains("Hello Ana Maria"));
    assert!(mail.text.contains(&app.addr), "link back to the site");
    let link = mail.link("/verify/");

    // Following the link verifies the address.
    let page = app.get(&path_of(&link)).await;
    page.redirects_to("/");
    let home = app.get("/").await;
    home.assert_contains("your email address is confirmed");
    assert!(!home.contains("Please confirm your email"));
    // A used link does not work twice.
    app.get(&path_of(&link)).await.redirects_to("/");
    app.get("/").await.assert_contains("not valid any more");

    // Logout, then login with a different case of the email.
    app.logout().await.redirects_to("/");
    app.get("/me/settings").await.assert_status(303);
    app.login("ana@example.COM", STRONG).await.redirects_to("/");
    app.get("/me/settings")
        .await
        .assert_status(200)
        .assert_contains("Ana Maria");

    // A second browser stays signed in until the password is reset.
    let other = app.new_browser();
    let token = {
        let page = other
            .get(app.url("/login"))
            .send()
            .await
            .expect("get")
            .text()
            .await
            .expect("body");
        csrf_of(&page).expect("token")
    };
    let resp = other
        .post(app.url("/login"))
        .form(&[
            ("csrf_token", token.as_str()),
            ("email", "ana@example.com"),
            ("password", STRONG),
        ])
        .send()
        .await
        .expect("login");
    assert_eq!(resp.status().as_u16(), 303);
    assert_eq!(
        other
            .get(app.url("/me/settings"))
            .send()
            .await
            .expect("get")
            .status()
            .as_u16(),
        200
    );

    // Forgotten password -> email -> reset.
    app.logout().await;
    app.post("/password/forgot", &[("email", "ana@example.com")])
        .await
        .assert_status(200)
        .assert_contains("on its way");
    let mail = smtp
        .wait_for(
            "Ana@Example.com",
            "Reset your Pasar password",
            Duration::from_secs(15),
        )
        .await;
    let reset = path_of(&mail.link("/password/reset/"));
    app.get(&reset)
        .await
        .assert_status(200)
        .assert_contains("Choose a new password");
    let new_password = "sunny harbour violin 88";
    app.post(&reset, &[("password", new_password)])
        .await
        .redirects_to("/login");

    // The other browser's session is dead; the old password no longer works.
    assert_eq!(
        other
            .get(app.url("/me/settings"))
            .send()
            .await
            .expect("get")
            .status()
            .as_u16(),
        303
    );
    app.login("ana@example.com", STRONG)
        .await
        .assert_status(422)
        .assert_contains("not right");
    app.login("ana@example.com", new_password)
        .await
        .redirects_to("/");
    // The reset link is single use.
    app.logout().await;
    app.get(&reset)
        .await
        .assert_status(400)
        .assert_contains("not valid any more");
    // And the user was told the password changed.
    smtp.wait_for(
        "Ana@Example.com",
        "password was changed",
        Duration::from_secs(15),
    )
    .await;
}

#[tokio::test]
async fn signup_rejects_bad_input_and_keeps_it() {
    let app = spawn_app().await;
    let long_name = "x".repeat(51);
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (
            vec![
                ("display_name", ""),
                ("email", "a@b.co"),
                ("password", STRONG),
            ],
            "Please fill this in",
        ),
        (
            vec![
                ("display_name", &long_name),
                ("email", "a@b.co"),
                ("password", STRONG),
            ],
            "at most 50",
        ),
        (
            vec![
                ("display_name", "Ana"),
                ("email", "not-an-email"),
                ("password", STRONG),
            ],
            "name@example.com",
        ),
        (
            vec![
                ("display_name", "Ana"),
                ("email", "a@b.co"),
                ("password", "short"),
            ],
            "at least 8",
        ),
        (
            vec![
                ("display_name", "Ana"),
                ("email", "a@b.co"),
                ("password", "password1"),
            ],
            "too easy",
        ),
        (
            vec![("display_name", "Ana"), ("email", "a@b.co")],
            "Please fill this in",
        ),
    ];
    for (fields, message) in cases {
        let page = app.post("/signup", &fields).await;
        page.assert_status(422).assert_contains(message);
        // The input is kept (except the password).
        if let Some((_, email)) = fields.iter().find(|(k, _)| *k == "email") {
            page.assert_contains(&format!("value=\"{email}\""));
        }
    }
    assert_eq!(app.count("SELECT count(*) AS n FROM users").await, 0);
    assert_eq!(
        app.count("SELECT count(*) AS n FROM outbound_emails").await,
        0
    );
}

#[tokio::test]
async fn duplicate_email_is_refused_whatever_its_case() {
    let app = spawn_app().await;
    factories::user(&app, UserSpec::new("taken@example.com")).await;
    let page = app.signup("Budi", "TAKEN@example.com", STRONG).await;
    page.assert_status(422)
        .assert_contains("already exists")
        .assert_contains("TAKEN@example.com");
    assert_eq!(app.count("SELECT count(*) AS n FROM users").await, 1);
    assert_eq!(
        app.count("SELECT count(*) AS n FROM outbound_emails").await,
        0
    );
}

#[tokio::test]
async fn wrong_password_and_unknown_account_look_the_same() {
    let app = spawn_app().await;
    factories::user(&app, UserSpec::new("budi@example.com")).await;
    let a = app.login("budi@example.com", "wrong wrong wrong").await;
    let b = app.login("nobody@example.com", "wrong wrong wrong").await;
    a.assert_status(422)
        .assert_contains("The email or password is not right");
    b.assert_status(422)
        .assert_contains("The email or password is not right");
    // The email typed is kept, the password is not.
    a.assert_contains("value=\"budi@example.com\"");
    assert!(!a.contains("wrong wrong wrong"));
    app.login("", "")
        .await
        .assert_status(422)
        .assert_contains("Please fill this in");
}

#[tokio::test]
async fn next_parameter_only_goes_to_local_paths() {
    let app = spawn_app().await;
    factories::user(&app, UserSpec::new("n@example.com")).await;
    let page = app
        .post(
            "/login",
            &[
                ("email", "n@example.com"),
                ("password", PASSWORD),
                ("next", "https://evil.example"),
            ],
        )
        .await;
    page.redirects_to("/");
    app.logout().await;
    let page = app
        .post(
            "/login",
            &[
                ("email", "n@example.com"),
                ("password", PASSWORD),
                ("next", "//evil.example/x"),
            ],
        )
        .await;
    page.redirects_to("/");
    app.logout().await;
    let page = app
        .post(
            "/login",
            &[
                ("email", "n@example.com"),
                ("password", PASSWORD),
                ("next", "/me/settings"),
            ],
        )
        .await;
    page.redirects_to("/me/settings");
    // The login page carries next= through its form.
    app.logout().await;
    let page = app.get("/me/settings").await;
    assert_eq!(
        page.location.as_deref(),
        Some("/login?next=%2Fme%2Fsettings")
    );
    app.get("/login?next=%2Fme%2Fsettings")
        .await
        .assert_contains("value=\"/me/settings\"");
}

#[tokio::test]
async fn rapid_logins_are_rate_limited_per_account_and_per_ip() {
    let app = spawn_app().await;
    factories::user(&app, UserSpec::new("victim@example.com")).await;
    let mut statuses = Vec::new();
    for _ in 0..12 {
        statuses.push(
            app.login("victim@example.com", "guess guess guess")
                .await
                .status
                .as_u16(),
        );
    }
    assert!(statuses[..8].iter().all(|s| *s == 422), "{statuses:?}");
    assert!(statuses[8..].iter().all(|s| *s == 429), "{statuses:?}");
    // Even the right password waits, and the page says how long.
    let page = app.login("victim@example.com", PASSWORD).await;
    page.assert_status(429).assert_contains("try again in");
    assert!(page.headers.contains_key("retry-after"));

    // Per IP: many accounts from one address hit the IP limit (30 per 15 minutes).
    let mut last = 0;
    for i in 0..100 {
        last = app
            .login(&format!("user{i}@example.com"), "guess guess guess")
            .await
            .status
            .as_u16();
        if last == 429 {
            assert!(i >= 15, "limited too early, after {i}");
            break;
        }
    }
    assert_eq!(last, 429, "100 rapid logins must be limited");
    let hits = app.count("SELECT count(*)::bigint AS n FROM users").await;
    assert_eq!(hits, 1, "no rows besides the one user");
}

#[tokio::test]
async fn expired_tokens_do_not_work() {
    let app = spawn_app().await;
    factories::user(&app, UserSpec::new("late@example.com")).await;
    app.post("/password/forgot", &[("email", "late@example.com")])
        .await
        .assert_status(200);
    let text = app.outbox_text("late@example.com", "reset_password").await;
    let link = text
        .split_whitespace()
        .find(|w| w.contains("/password/reset/"))
        .expect("link")
        .to_string();
    app.db(|c| {
        use diesel::prelude::*;
        diesel::sql_query("UPDATE email_tokens SET expires_at = now() - interval '1 minute'")
            .execute(c)
    })
    .await
    .expect("expire");
    let path = path_of(&link);
    app.get(&path)
        .await
        .assert_status(400)
        .assert_contains("not valid any more");
    app.post(&path, &[("password", "brand new secret words")])
        .await
        .assert_status(400);
    // The password did not change.
    app.login("late@example.com", PASSWORD)
        .await
        .redirects_to("/");
}

#[tokio::test]
async fn forgot_password_does_not_reveal_accounts() {
    let app = spawn_app().await;
    let page = app
        .post("/password/forgot", &[("email", "ghost@example.com")])
        .await;
    page.assert_status(200)
        .assert_contains("If an account uses ghost@example.com");
    assert_eq!(
        app.count("SELECT count(*) AS n FROM outbound_emails").await,
        0
    );
    app.post("/password/forgot", &[("email", "nope")])
        .await
        .assert_status(422)
        .assert_contains("name@example.com");
}

#[tokio::test]
async fn settings_change_profile_password_and_email() {
    let app = spawn_app().await;
    let id = factories::signed_in(&app, "set@example.com").await;

    // Profile with bad input keeps what was typed.
    let long_bio = "b".repeat(501);
    let page = app
        .post(
            "/me/settings/profile",
            &[
                ("display_name", "Set Tings"),
                ("bio", &long_bio),
                ("city", "Lyon"),
                ("country", "FR"),
                ("locale", "fr"),
            ],
        )
        .await;
    page.assert_status(422)
        .assert_contains("too long")
        .assert_contains("value=\"Lyon\"");
    app.post(
        "/me/settings/profile",
        &[
            ("display_name", "Set Tings"),
            ("bio", "Hello"),
            ("city", "Lyon"),
            ("country", "FR"),
            ("locale", "fr"),
        ],
    )
    .await
    .redirects_to("/me/settings");
    // The page now speaks French: the user's setting wins over Accept-Language.
    let page = app.get("/me/settings").await;
    page.assert_contains("lang=\"fr\"").assert_contains("Lyon");

    // Password change needs the current password.
    app.post(
        "/me/settings/password",
        &[
            ("current_password", "nope"),
            ("new_password", "new strong words here"),
        ],
    )
    .await
    .assert_status(422);
    app.post(
        "/me/settings/password",
        &[
            ("current_password", PASSWORD),
            ("new_password", "new strong words here"),
        ],
    )
    .await
    .redirects_to("/me/settings");
    app.get("/me/settings").await.assert_status(200);

    // Email change: the new address must be confirmed before it counts.
    factories::user(&app, UserSpec::new("other@example.com")).await;
    app.post(
        "/me/settings/email",
        &[
            ("new_email", "OTHER@example.com"),
            ("current_password", "new strong words here"),
        ],
    )
    .await
    .assert_status(422);
    app.post(
        "/me/settings/email",
        &[
            ("new_email", "new@example.com"),
            ("current_password", "new strong words here"),
        ],
    )
    .await
    .redirects_to("/me/settings");
    let text = app.outbox_text("new@example.com", "verify_email").await;
    let link = text
        .split_whitespace()
        .find(|w| w.contains("/verify/"))
        .expect("link")
        .to_string();
    let email: String = app
        .db(move |c| {
            use diesel::prelude::*;
            use pasar::db::schema::users;
            users::table
                .find(id)
                .select(users::email)
                .first(c)
                .expect("user")
        })
        .await;
    assert_eq!(email, "set@example.com", "unchanged until confirmed");
    app.get(&path_of(&link)).await;
    let email: String = app
        .db(move |c| {
            use diesel::prelude::*;
            use pasar::db::schema::users;
            users::table
                .find(id)
                .select(users::email)
                .first(c)
                .expect("user")
        })
        .await;
    assert_eq!(email, "new@example.com");
}

#[tokio::test]
async fn deleting_an_account_has_a_grace_period_and_leaves_nothing() {
    let app = spawn_app_with(Options {
        extra_env: vec![("PASAR_DELETION_GRACE_DAYS", "0".into())],
        ..Default::default()
    })
    .await;
    factories::signed_in(&app, "bye@example.com").await;
    app.post("/me/settings/delete", &[("current_password", "wrong")])
        .await
        .assert_status(422);
    app.post("/me/settings/delete", &[("current_password", PASSWORD)])
        .await
        .redirects_to("/");
    // Signed out everywhere at once.
    app.get("/me/settings").await.assert_status(303);
    // With no grace period, the worker purges the account and everything that hangs on it.
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    while app.count("SELECT count(*) AS n FROM users").await > 0 {
        assert!(std::time::Instant::now() < deadline, "account not purged");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(app.count("SELECT count(*) AS n FROM email_tokens").await, 0);
    assert_eq!(
        app.count("SELECT count(*) AS n FROM outbound_emails").await,
        0
    );
    // The confirmation email went with the account: its job ends quietly instead of
    // failing "not found" and being retried (it used to come back with last_error set).
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    while app
        .count("SELECT count(*) AS n FROM jobs WHERE kind = 'send_email' AND status <> 'done'")
        .await
        > 0
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the withdrawn email's job is still queued or failed"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        app.count("SELECT count(*) AS n FROM jobs WHERE last_error IS NOT NULL")
            .await,
        0
    );
}

#[tokio::test]
async fn logging_in_during_the_grace_period_keeps_the_account() {
    let app = spawn_app().await;
    factories::signed_in(&app, "stay@example.com").await;
    app.post("/me/settings/delete", &[("current_password", PASSWORD)])
        .await
        .redirects_to("/");
    app.login("stay@example.com", PASSWORD)
        .await
        .redirects_to("/");
    app.get("/").await.assert_contains("will not be deleted");
    let pending = app
        .count("SELECT count(*) AS n FROM users WHERE deletion_requested_at IS NOT NULL")
        .await;
    assert_eq!(pending, 0);
}

#[tokio::test]
async fn unverified_users_are_told_and_can_ask_for_a_new_link() {
    let app = spawn_app().await;
    let mut spec = UserSpec::new("new@example.com");
    spec.verified = false;
    factories::user(&app, spec).await;
    app.login("new@example.com", PASSWORD).await;
    app.get("/")
        .await
        .assert_contains("Please confirm your email")
        .assert_contains("Send the link again");
    app.post("/verify/resend", &[("next", "/")])
        .await
        .redirects_to("/");
    let outbox = app.outbox().await;
    assert_eq!(outbox.len(), 1);
    assert_eq!(outbox[0].1, "verify_email");
}

/// Files under `dir` whose name holds `key` (a stored photo is one file per size).
fn photo_files(dir: &std::path::Path, key: &str) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| {
            let path = e.path();
            if path.is_dir() {
                photo_files(&path, key)
            } else {
                usize::from(e.file_name().to_string_lossy().contains(key))
            }
        })
        .sum()
}

/// An account with a listing and a stored photo of it, its deletion requested (signed in
/// and out again); answers the photo's key.
async fn leaving_seller_with_a_photo(app: &TestApp, email: &str) -> String {
    use pasar::listings::photos;
    let seller = factories::signed_in(app, email).await;
    let listing = factories::listing(app, seller, factories::ListingSpec::default()).await;
    let storage = pasar::storage::LocalStorage::new(app.data_dir.join("photos")).expect("storage");
    let img = image::RgbImage::from_fn(640, 480, |x, y| image::Rgb([x as u8, y as u8, 90]));
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 85)
        .encode_image(&img)
        .expect("jpeg");
    let processed = photos::process(&jpeg).expect("photo accepted");
    let key = photos::store(&storage, &processed).expect("photo stored");
    let k = key.clone();
    app.db(move |c| {
        use diesel::prelude::*;
        use pasar::db::schema::listing_photos as p;
        diesel::insert_into(p::table)
            .values((
                p::listing_id.eq(listing),
                p::position.eq(0),
                p::storage_key.eq(&k),
                p::width.eq(640),
                p::height.eq(480),
            ))
            .execute(c)
            .expect("photo row")
    })
    .await;
    assert!(photo_files(&app.data_dir.join("photos"), &key) > 0);
    app.post("/me/settings/delete", &[("current_password", PASSWORD)])
        .await
        .redirects_to("/");
    key
}

#[tokio::test]
async fn a_purged_account_takes_its_photo_files_along() {
    let app = spawn_app_with(Options {
        extra_env: vec![("PASAR_DELETION_GRACE_DAYS", "0".into())],
        ..Default::default()
    })
    .await;
    let key = leaving_seller_with_a_photo(&app, "gone@example.com").await;
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    while app.count("SELECT count(*) AS n FROM users").await > 0 {
        assert!(std::time::Instant::now() < deadline, "account not purged");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // The files go right after the commit, in the same job.
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while photo_files(&app.data_dir.join("photos"), &key) > 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "photo files left behind"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The photo files go only once the purge committed. Here the commit fails (a deferred
/// check raises at COMMIT): the account stays, and so must its photos. (The files used to
/// be deleted inside the transaction, before its commit.)
#[tokio::test]
async fn a_purge_whose_commit_fails_keeps_the_photo_files() {
    let app = spawn_app_with(Options {
        extra_env: vec![
            ("PASAR_DELETION_GRACE_DAYS", "0".into()),
            // One try is enough to see; no retry while the test looks.
            ("PASAR_JOB_BACKOFF_MS", "600000".into()),
        ],
        ..Default::default()
    })
    .await;
    app.db(|c| {
        use diesel::connection::SimpleConnection;
        c.batch_execute(
            // The error a statement timeout gives (57014): the app answers it as "too
            // slow", not as an internal error, so the suite's log check stays meaningful.
            "CREATE FUNCTION refuse_commit() RETURNS trigger LANGUAGE plpgsql AS \
               $$ BEGIN RAISE EXCEPTION USING ERRCODE = '57014', \
                 MESSAGE = 'canceling statement due to statement timeout (at commit)'; END $$; \
             CREATE CONSTRAINT TRIGGER refuse_commit AFTER DELETE ON users \
               DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_commit()",
        )
        .expect("refused commit")
    })
    .await;
    let key = leaving_seller_with_a_photo(&app, "stays@example.com").await;
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    while app
        .count("SELECT count(*) AS n FROM jobs WHERE kind = 'purge_account' AND attempts > 0 AND last_error IS NOT NULL")
        .await
        == 0
    {
        if std::time::Instant::now() > deadline {
            let jobs: Vec<(String, String, i32, Option<String>)> = app
                .db(|c| {
                    use diesel::prelude::*;
                    use pasar::db::schema::jobs as j;
                    j::table
                        .select((j::kind, j::status, j::attempts, j::last_error))
                        .load(c)
                        .expect("jobs")
                })
                .await;
            panic!("the purge never ran: {jobs:?}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(app.count("SELECT count(*) AS n FROM users").await, 1);
    assert!(
        photo_files(&app.data_dir.join("photos"), &key) > 0,
        "the photo files went although the account stayed"
    );
}
