//! Production mode: no development pages, Secure cookies and HSTS, and the real binary
//! refusing to start where development defaults would be dangerous.

use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::helpers::*;

fn production() -> Options {
    Options {
        extra_env: vec![
            ("PASAR_ENV", "production".into()),
            ("PAYMENT_PROVIDER", "sandbox".into()),
        ],
        ..Options::default()
    }
}

#[tokio::test]
async fn production_has_no_dev_pages_and_sets_secure_cookies_and_hsts() {
    let app = spawn_app_with(production()).await;
    // The email a password reset would queue, with its secret link.
    let id = app
        .db(|c| {
            use diesel::prelude::*;
            use pasar::db::schema::outbound_emails as e;
            diesel::insert_into(e::table)
                .values((
                    e::to_address.eq("putu@example.com"),
                    e::kind.eq("password_reset"),
                    e::locale.eq("en"),
                    e::subject.eq("Reset your password"),
                    e::body_text.eq("/password/reset/secret-token"),
                    e::body_html.eq("<p>/password/reset/secret-token</p>"),
                ))
                .returning(e::id)
                .get_result::<i64>(c)
                .expect("email row")
        })
        .await;
    for path in [
        "/dev/mailbox".to_string(),
        format!("/dev/mailbox/{id}"),
        format!("/dev/mailbox/{id}/html"),
    ] {
        let page = app.get(&path).await;
        page.assert_status(404);
        assert!(!page.body.contains("secret-token"), "{path}");
    }
    // A first visit, so the session cookie is set on this answer.
    let first = app
        .new_browser()
        .get(app.url("/"))
        .send()
        .await
        .expect("get");
    let page = TestApp::read(first).await;
    page.assert_status(200);
    assert!(!page.body.contains("/dev/mailbox"));
    let hsts = page
        .headers
        .get("strict-transport-security")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    assert!(hsts.contains("max-age="), "HSTS: {hsts:?}");
    let cookies: Vec<&str> = page
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    assert!(!cookies.is_empty(), "{:?}", page.headers);
    for c in cookies {
        assert!(c.contains("Secure") && c.contains("HttpOnly"), "{c}");
    }
}

/// With `SMTP_URL` the emails went to real inboxes: development shows none of them.
#[tokio::test]
async fn the_dev_mailbox_is_gone_when_mail_goes_to_smtp() {
    let smtp = SmtpServer::stopped();
    let app = spawn_app_with(Options {
        smtp_url: Some(smtp.url()),
        ..Options::default()
    })
    .await;
    app.signup("Putu", "putu@example.com", "ocean temple drum 63")
        .await
        .assert_status(303);
    app.post("/password/forgot", &[("email", "putu@example.com")])
        .await
        .assert_status(200);
    let page = app.get("/dev/mailbox").await;
    page.assert_status(404);
    page.assert_contains("Page not found");
    for secret in [
        "Confirm your email address for Pasar",
        "Reset your Pasar password",
        "/password/reset/",
    ] {
        assert!(!page.body.contains(secret), "{secret}");
    }
    assert!(!app.get("/").await.body.contains("/dev/mailbox"));
}

/// Runs `pasar ARGS` with only the given environment (plus PATH) and waits for it.
async fn run_binary(args: &[&str], env: Vec<(&'static str, String)>) -> Output {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    tokio::task::spawn_blocking(move || {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_pasar"));
        cmd.args(&args)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("RUST_LOG", "warn")
            .envs(env)
            .stdin(Stdio::null());
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("binary starts");
        // A refusal is immediate; a server that came up is a failure (and is stopped).
        let deadline = Instant::now() + Duration::from_secs(60);
        while child.try_wait().expect("wait").is_none() {
            if Instant::now() > deadline {
                let _ = child.kill();
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        child.wait_with_output().expect("output")
    })
    .await
    .expect("join")
}

fn base_env(db_url: &str, port: u16) -> Vec<(&'static str, String)> {
    vec![
        ("DATABASE_URL", db_url.to_string()),
        ("PASAR_DATA", tempdir("prod-bin").display().to_string()),
        ("PASAR_ADDR", format!("127.0.0.1:{port}")),
        ("PASAR_SECRET", "t".repeat(64)),
    ]
}

fn refused(out: &Output, needle: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "should refuse to start: {err}");
    assert!(err.contains(needle), "message lacks {needle:?}: {err}");
}

#[tokio::test]
async fn demo_data_is_refused_in_production() {
    let (_, db_url) = tokio::task::spawn_blocking(fresh_database)
        .await
        .expect("db");
    let mut env = base_env(&db_url, free_port());
    env.push(("PASAR_ENV", "production".into()));
    env.push(("PAYMENT_PROVIDER", "sandbox".into()));
    refused(
        &run_binary(&["serve", "--demo"], env.clone()).await,
        "--demo",
    );
    refused(&run_binary(&["seed", "--demo"], env).await, "--demo");
    let mut conn = pasar::db::connect(&db_url).expect("connect");
    use diesel::prelude::*;
    let users: i64 = pasar::db::schema::users::table
        .count()
        .get_result(&mut conn)
        .expect("count");
    assert_eq!(users, 0, "no demo admin was created");
}

#[tokio::test]
async fn production_refuses_the_sandbox_unless_it_is_named() {
    let (_, db_url) = tokio::task::spawn_blocking(fresh_database)
        .await
        .expect("db");
    let mut env = base_env(&db_url, free_port());
    env.push(("PASAR_ENV", "production".into()));
    refused(&run_binary(&["serve"], env).await, "PAYMENT_PROVIDER");
}

#[tokio::test]
async fn a_public_address_needs_pasar_env() {
    let (_, db_url) = tokio::task::spawn_blocking(fresh_database)
        .await
        .expect("db");
    let port = free_port();
    let mut env = base_env(&db_url, port);
    env.push(("PASAR_ADDR", format!("0.0.0.0:{port}")));
    let out = run_binary(&["serve"], env.clone()).await;
    refused(&out, "PASAR_ENV");
    assert!(
        reqwest::get(format!("http://127.0.0.1:{port}/healthz"))
            .await
            .is_err(),
        "nothing listens"
    );

    // Saying development out loud still binds anywhere.
    env.push(("PASAR_ENV", "development".into()));
    let mut child = Command::new(env!("CARGO_BIN_EXE_pasar"))
        .arg("serve")
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("RUST_LOG", "warn")
        .envs(env)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("binary starts");
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(r) = reqwest::get(format!("http://127.0.0.1:{port}/healthz")).await {
            if r.status().as_u16() == 200 {
                break;
            }
        }
        if Instant::now() > deadline || child.try_wait().ok().flatten().is_some() {
            let _ = child.kill();
            panic!("the server did not come up on 0.0.0.0 with PASAR_ENV=development");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(child.id() as i32),
        nix::sys::signal::Signal::SIGTERM,
    )
    .expect("signal");
    let status = tokio::task::spawn_blocking(move || child.wait())
        .await
        .expect("join")
        .expect("wait");
    assert!(status.success(), "clean exit, got {status}");
}
