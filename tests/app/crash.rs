//! SIGKILL in the middle of checkouts under load: after a restart no order is half
//! written and the books balance.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::helpers::factories::{self, UserSpec};
use crate::helpers::{csrf_of, free_port, spawn_app, tempdir, TestApp, PASSWORD};
use crate::orders::{listing, Item};

fn start_binary(app: &TestApp, port: u16, data: &std::path::Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_pasar"))
        .arg("serve")
        .env("DATABASE_URL", &app.db_url)
        .env("PASAR_DATA", data)
        .env("PASAR_ADDR", format!("127.0.0.1:{port}"))
        .env("PASAR_BASE_URL", format!("http://127.0.0.1:{port}"))
        .env("PASAR_SECRET", "t".repeat(64))
        .env("PASAR_CACHE_MS", "0")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("binary starts")
}

async fn wait_healthy(port: u16) {
    let client = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(r) = client
            .get(format!("http://127.0.0.1:{port}/healthz"))
            .send()
            .await
        {
            if r.status().as_u16() == 200 {
                return;
            }
        }
        assert!(Instant::now() < deadline, "server did not come up");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A signed-in browser on the binary's port.
async fn browser(port: u16, email: &str) -> (reqwest::Client, String) {
    let c = reqwest::Client::builder()
        .cookie_store(true)
        .pool_max_idle_per_host(0)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let url = |p: &str| format!("http://127.0.0.1:{port}{p}");
    let page = c.get(url("/login")).send().await.expect("login page");
    let token = csrf_of(&page.text().await.unwrap_or_default()).expect("token");
    let r = c
        .post(url("/login"))
        .form(&[
            ("csrf_token", token.as_str()),
            ("email", email),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .expect("login");
    assert_eq!(r.status().as_u16(), 303);
    let page = c.get(url("/")).send().await.expect("home");
    let token = csrf_of(&page.text().await.unwrap_or_default()).expect("token");
    (c, token)
}

/// Buys, checks out and pays as fast as it can until a request fails (the server died).
async fn shop(port: u16, c: reqwest::Client, token: String, listing: i64) -> usize {
    let url = |p: &str| format!("http://127.0.0.1:{port}{p}");
    let mut steps = 0;
    for round in 0.. {
        let key = format!("{}-{round}", uuid::Uuid::new_v4());
        let Ok(r) = c
            .post(url(&format!("/listings/{listing}/buy")))
            .form(&[
                ("csrf_token", token.as_str()),
                ("quantity", "1"),
                ("key", &key),
            ])
            .send()
            .await
        else {
            return steps;
        };
        let Some(order) = r
            .headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .filter(|l| l.starts_with("/orders/"))
            .map(str::to_string)
        else {
            return steps;
        };
        steps += 1;
        let Ok(r) = c
            .post(url(&format!("{order}/checkout")))
            .form(&[
                ("csrf_token", token.as_str()),
                ("delivery", "ship"),
                ("method", "card"),
                ("name", "Racer"),
                ("line1", "1 Main St"),
                ("city", "Athens"),
                ("country", "Greece"),
            ])
            .send()
            .await
        else {
            return steps;
        };
        let Some(pay) = r
            .headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .map(str::to_string)
        else {
            return steps;
        };
        steps += 1;
        let paid = c
            .post(url(&format!("{pay}/card")))
            .form(&[
                ("csrf_token", token.as_str()),
                ("card_number", "4242424242424242"),
                ("expiry", "12/34"),
                ("cvc", "123"),
                ("name", "Racer"),
            ])
            .send()
            .await;
        if paid.is_err() {
            return steps;
        }
        steps += 1;
    }
    steps
}

#[tokio::test]
async fn sigkill_during_checkouts_leaves_no_half_written_order() {
    let app = spawn_app().await;
    let seller = factories::user(&app, UserSpec::new("seller@example.com")).await;
    let stock = 400;
    let item = listing(
        &app,
        seller,
        Item {
            quantity: stock,
            ..Item::default()
        },
    )
    .await;
    let data = tempdir("crash");
    let port = free_port();
    let mut server = start_binary(&app, port, &data);
    wait_healthy(port).await;
    let mut shoppers = Vec::new();
    for i in 0..12 {
        let email = format!("shopper{i}@example.com");
        factories::user(&app, UserSpec::new(&email)).await;
        shoppers.push(browser(port, &email).await);
    }
    let tasks: Vec<_> = shoppers
        .into_iter()
        .map(|(c, t)| tokio::spawn(shop(port, c, t, item)))
        .collect();
    // Let the load build up, then kill the server without warning.
    let started = Instant::now();
    while app
        .count("SELECT count(*) AS n FROM payments WHERE status = 'succeeded'")
        .await
        < 10
    {
        assert!(started.elapsed() < Duration::from_secs(60), "no load");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(server.id() as i32),
        nix::sys::signal::Signal::SIGKILL,
    )
    .expect("SIGKILL");
    let _ = server.wait();
    let mut steps = 0;
    for t in tasks {
        steps += t.await.expect("shopper");
    }
    // Back up on the same database.
    let mut server = start_binary(&app, port, &data);
    wait_healthy(port).await;

    let orders = app.count("SELECT count(*) AS n FROM orders").await;
    let paid = app
        .count("SELECT count(*) AS n FROM orders WHERE status = 'paid'")
        .await;
    eprintln!("killed after {steps} completed requests: {orders} orders, {paid} paid");
    assert!(orders > 0 && paid > 0);
    // Stock: what is left plus what orders hold is what there was.
    let held = app
        .count(
            "SELECT (SELECT quantity FROM listings) + coalesce((SELECT sum(quantity) FROM orders \
             WHERE status NOT IN ('expired', 'cancelled')), 0)::bigint AS n",
        )
        .await;
    assert_eq!(held, i64::from(stock));
    // Every order was written whole: its first event, and money exactly when paid.
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM orders o WHERE NOT EXISTS \
             (SELECT 1 FROM order_events e WHERE e.order_id = o.id AND e.kind = 'placed')"
        )
        .await,
        0
    );
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM orders o WHERE (o.status = 'paid') <> EXISTS \
             (SELECT 1 FROM ledger_entries l WHERE l.order_id = o.id AND l.kind = 'payment')"
        )
        .await,
        0
    );
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM payments p JOIN orders o ON o.id = p.order_id \
             WHERE (p.status = 'succeeded') <> (o.status = 'paid')"
        )
        .await,
        0
    );
    crate::orders::books_balance(&app).await;
    // And the restarted server sells on.
    let (c, token) = browser(port, "shopper0@example.com").await;
    let more = shop_once(port, &c, &token, item).await;
    assert!(more.starts_with("/orders/"), "{more}");
    let _ = server.kill();
    let _ = server.wait();
}

async fn shop_once(port: u16, c: &reqwest::Client, token: &str, listing: i64) -> String {
    let r = c
        .post(format!("http://127.0.0.1:{port}/listings/{listing}/buy"))
        .form(&[
            ("csrf_token", token),
            ("quantity", "1"),
            ("key", "after-restart"),
        ])
        .send()
        .await
        .expect("buy");
    r.headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or_default()
        .to_string()
}
