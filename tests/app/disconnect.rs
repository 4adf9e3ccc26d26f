//! A visitor who hangs up stops costing the database: the request is dropped and its
//! statement cancelled (`web::disconnect`), while clients that keep their connection
//! (keep-alive, pipelining) get every answer.
//!
//! A slow statement without a test hook: the test holds an exclusive lock on `listings`,
//! so a real search waits on it, active in `pg_stat_activity`, until the lock goes, the
//! statement is cancelled or its budget (a minute here) ends it.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use pasar::db;

use crate::helpers::{spawn_app_with, Options, TestApp};

/// Statements of the app waiting for the test's lock.
const BLOCKED: &str = "SELECT count(*) AS n FROM pg_stat_activity \
     WHERE datname = current_database() AND application_name = 'pasar' \
     AND state = 'active' AND wait_event_type = 'Lock'";

/// Long enough that only a cancel can end a blocked statement while the test waits.
async fn app() -> TestApp {
    spawn_app_with(Options {
        extra_env: vec![("PASAR_STATEMENT_TIMEOUT_MS", "60000".into())],
        ..Options::default()
    })
    .await
}

/// Holds `ACCESS EXCLUSIVE` on `listings` until the returned sender is dropped.
fn lock_listings(url: &str) -> mpsc::Sender<()> {
    let (locked_tx, locked_rx) = mpsc::channel();
    let (release_tx, release_rx) = mpsc::channel::<()>();
    let url = url.to_string();
    std::thread::spawn(move || {
        let mut conn = db::connect(&url).expect("lock connection");
        conn.batch_execute("BEGIN; LOCK TABLE listings IN ACCESS EXCLUSIVE MODE")
            .expect("lock");
        locked_tx.send(()).expect("locked");
        let _ = release_rx.recv();
        conn.batch_execute("COMMIT").expect("unlock");
    });
    locked_rx
        .recv_timeout(Duration::from_secs(20))
        .expect("lock taken");
    release_tx
}

/// Waits until `BLOCKED` counts `want` statements (or 20 s pass); the last count.
async fn wait_blocked(app: &TestApp, want: i64, within: Duration) -> i64 {
    let deadline = Instant::now() + within;
    loop {
        let n = app.count(BLOCKED).await;
        if n == want || Instant::now() > deadline {
            return n;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn get(path: &str, last: bool) -> String {
    let close = if last { "Connection: close\r\n" } else { "" };
    format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{close}\r\n")
}

/// A client whose search waits on the test's lock (drop the sender to release it).
async fn blocked_search(app: &TestApp) -> (TcpStream, mpsc::Sender<()>) {
    let release = lock_listings(&app.db_url);
    let mut client = TcpStream::connect(("127.0.0.1", app.port)).expect("connect");
    client
        .write_all(get("/search?q=lamp", false).as_bytes())
        .expect("send");
    assert_eq!(
        wait_blocked(app, 1, Duration::from_secs(20)).await,
        1,
        "the search never reached the database"
    );
    (client, release)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_visitor_who_hangs_up_has_the_search_statement_cancelled() {
    let app = app().await;
    let (visitor, release) = blocked_search(&app).await;
    drop(visitor);
    let left = Instant::now();
    // The budget is a minute and the lock is still held: only the cancel ends it.
    let still = wait_blocked(&app, 0, Duration::from_secs(10)).await;
    assert_eq!(
        still, 0,
        "the search kept its connection after its visitor left"
    );
    println!("statement gone {:?} after the hang-up", left.elapsed());
    drop(release);
    // The pool is whole again: the next visitor is served.
    app.get("/search?q=lamp").await.assert_status(200);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_keep_alive_client_pipelining_gets_every_answer() {
    let app = app().await;
    let (mut client, release) = blocked_search(&app).await;
    // More requests arrive while the first one is watched: data, not a close.
    client
        .write_all((get("/healthz", false) + &get("/search?q=chair", true)).as_bytes())
        .expect("pipelined");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        app.count(BLOCKED).await,
        1,
        "the first search was dropped though its client stayed"
    );
    drop(release);
    let answers = tokio::task::spawn_blocking(move || {
        client
            .set_read_timeout(Some(Duration::from_secs(20)))
            .expect("timeout");
        let mut all = Vec::new();
        let _ = client.read_to_end(&mut all);
        String::from_utf8_lossy(&all).into_owned()
    })
    .await
    .expect("read");
    assert_eq!(
        answers.matches("HTTP/1.1 200 OK\r\n").count(),
        3,
        "{}",
        answers
            .lines()
            .filter(|l| l.starts_with("HTTP/"))
            .collect::<Vec<_>>()
            .join(" | ")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_form_whose_sender_hangs_up_is_still_carried_out() {
    use crate::helpers::factories::{self, ListingSpec};
    let app = app().await;
    let seller = factories::signed_in(&app, "seller@example.com").await;
    let id = factories::listing(&app, seller, ListingSpec::default()).await;
    let token = app.csrf().await;
    let release = lock_listings(&app.db_url);
    // The browser gives up after a second and closes its connection, while the status
    // change waits for the lock.
    let post = tokio::spawn(
        app.client
            .post(app.url(&format!("/listings/{id}/status")))
            .form(&[("csrf_token", token.as_str()), ("to", "paused")])
            .timeout(Duration::from_secs(1))
            .send(),
    );
    assert_eq!(
        wait_blocked(&app, 1, Duration::from_secs(20)).await,
        1,
        "the status change never reached the database"
    );
    assert!(
        post.await.expect("post task").is_err(),
        "the client was meant to give up first"
    );
    // A dropped read would be cancelled within tens of milliseconds; a form is not.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        app.count(BLOCKED).await,
        1,
        "the form's statement was cancelled when its sender left"
    );
    drop(release);
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let paused = app
            .count("SELECT count(*) AS n FROM listings WHERE status = 'paused'")
            .await;
        if paused == 1 {
            break;
        }
        assert!(Instant::now() < deadline, "the status change was lost");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
