//! The write stream beside the crowd: at a steady rate (open loop: a slow answer does not
//! slow the stream), in turn a sign-up, a new listing with a photo, and a purchase (buy
//! now, then checkout). Bench sellers sign in first and buy each other's listings; every
//! session and sign-up comes from its own address, so per-address limits stay out of it.

use std::collections::VecDeque;
use std::fmt::Write as _;
use std::io::Cursor;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{anyhow, Context};
use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::{Client, StatusCode};

use crate::paths::{read_lines, Plan};
use crate::stats::{self, ByName};

/// The bench sellers' password (`src/seed/mod.rs`, DEMO_PASSWORD).
const DEMO_PASSWORD: &str = "pasar-demo-2026";
/// A sign-up's password: long enough for the strength check.
const NEW_PASSWORD: &str = "violet canyon ladder 42";

struct Session {
    client: Client,
    token: String,
}

pub struct Stream {
    base: String,
    sessions: Vec<Session>,
    buyable: Mutex<VecDeque<i64>>,
    category: String,
    photo: Vec<u8>,
    run: String,
    /// Where this run's sign-up addresses start.
    net: u16,
}

fn client(address: &str) -> anyhow::Result<Client> {
    let mut headers = HeaderMap::new();
    headers.insert("x-forwarded-for", HeaderValue::from_str(address)?);
    Ok(Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .timeout(Duration::from_secs(10))
        .build()?)
}

/// The `csrf_token` hidden field of a page.
fn csrf_of(body: &str) -> Option<String> {
    let at = body.find(r#"name="csrf_token" value=""#)? + r#"name="csrf_token" value=""#.len();
    let rest = &body[at..];
    Some(rest[..rest.find('"')?].to_string())
}

async fn token(client: &Client, url: &str) -> anyhow::Result<String> {
    let body = client.get(url).send().await?.text().await?;
    csrf_of(&body).ok_or_else(|| anyhow!("no csrf token on {url}"))
}

/// A photo the upload accepts (a gradient, 800×600), made once.
fn photo() -> anyhow::Result<Vec<u8>> {
    let img = image::RgbImage::from_fn(800, 600, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8])
    });
    let mut out = Vec::new();
    img.write_to(&mut Cursor::new(&mut out), image::ImageFormat::Jpeg)?;
    Ok(out)
}

impl Stream {
    pub async fn prepare(addr: &str, dir: &Path) -> anyhow::Result<Arc<Stream>> {
        let base = format!("http://{addr}");
        let mut sessions = Vec::new();
        for (n, email) in read_lines(&dir.join("buyers"))?.iter().enumerate() {
            let client = client(&format!("10.250.0.{}", n + 1))?;
            let t = token(&client, &format!("{base}/login")).await?;
            let resp = client
                .post(format!("{base}/login"))
                .form(&[
                    ("csrf_token", t.as_str()),
                    ("email", email),
                    ("password", DEMO_PASSWORD),
                ])
                .send()
                .await?;
            if resp.status() != StatusCode::SEE_OTHER {
                return Err(anyhow!("login of {email}: {}", resp.status()));
            }
            let token = token(&client, &format!("{base}/")).await?;
            sessions.push(Session { client, token });
        }
        if sessions.is_empty() {
            return Err(anyhow!("no buyers listed"));
        }
        let buyable = read_lines(&dir.join("buyable"))?
            .iter()
            .filter_map(|l| l.parse().ok())
            .collect();
        let category = read_lines(&dir.join("category"))?
            .into_iter()
            .next()
            .context("no category listed")?;
        Ok(Arc::new(Stream {
            base,
            sessions,
            buyable: Mutex::new(buyable),
            category,
            photo: photo()?,
            run: uuid::Uuid::new_v4().simple().to_string()[..8].to_string(),
            net: rand::random::<u16>() % 30_000,
        }))
    }

    pub async fn run(self: Arc<Stream>, plan: Arc<Plan>, rate: f64) -> ByName {
        let results = Arc::new(Mutex::new(ByName::new()));
        let mut tick = tokio::time::interval(Duration::from_secs_f64(1.0 / rate));
        let mut n: usize = 0;
        let mut running = Vec::new();
        while Instant::now() < plan.until {
            tick.tick().await;
            let (me, plan, results) = (self.clone(), plan.clone(), results.clone());
            running.push(tokio::spawn(async move {
                let measured = Instant::now() >= plan.measure_from;
                let steps = me.step(n).await;
                if measured {
                    let mut r = results.lock().unwrap_or_else(|p| p.into_inner());
                    for (name, took, ok) in steps {
                        let s = r.entry(name).or_default();
                        match took {
                            Some(t) => s.add(t),
                            None => s.socket_errors += 1,
                        }
                        if took.is_some() && !ok {
                            s.http_errors += 1;
                        }
                    }
                }
            }));
            n += 1;
        }
        for r in running {
            let _ = r.await;
        }
        let r = results.lock().unwrap_or_else(|p| p.into_inner());
        r.clone()
    }

    /// The n-th operation; each timed request as (name, time or None on a socket error,
    /// answered as expected).
    async fn step(&self, n: usize) -> Vec<(&'static str, Option<Duration>, bool)> {
        let session = &self.sessions[n / 3 % self.sessions.len()];
        match n % 3 {
            0 => vec![self.signup(n).await],
            1 => vec![self.sell(session).await],
            _ => self.purchase(session).await,
        }
    }

    async fn signup(&self, n: usize) -> (&'static str, Option<Duration>, bool) {
        // Fresh addresses every run: the sign-up limit per address (10 an hour) remembers
        // the last runs' sign-ups.
        let net = n / 250 + usize::from(self.net);
        let address = format!("10.{}.{}.{}", 100 + net / 250 % 150, net % 250, 1 + n % 250);
        let Ok(c) = client(&address) else {
            return ("signup", None, false);
        };
        let Ok(t) = token(&c, &format!("{}/signup", self.base)).await else {
            return ("signup", None, false);
        };
        let email = format!("crowd-{}-{n}@bench.pasar.test", self.run);
        let started = Instant::now();
        let resp = c
            .post(format!("{}/signup", self.base))
            .form(&[
                ("csrf_token", t.as_str()),
                ("display_name", "Crowd Visitor"),
                ("email", email.as_str()),
                ("password", NEW_PASSWORD),
            ])
            .send()
            .await;
        timed("signup", started, resp).await
    }

    async fn sell(&self, s: &Session) -> (&'static str, Option<Duration>, bool) {
        let mut form = reqwest::multipart::Form::new().text("csrf_token", s.token.clone());
        for (k, v) in [
            ("title", "Crowd bench road bike"),
            (
                "description",
                "Steel frame, 56 cm, new tyres. Collect or I ship it.",
            ),
            ("condition", "good"),
            ("price", "120.50"),
            ("currency", "EUR"),
            ("quantity", "1"),
            ("ships", "1"),
            ("shipping_price", "15"),
            ("pickup", "1"),
            ("city", "Lyon"),
            ("country", "FR"),
            ("action", "publish"),
        ] {
            form = form.text(k, v);
        }
        form = form.text("category", self.category.clone());
        let Ok(part) = reqwest::multipart::Part::bytes(self.photo.clone())
            .file_name("bike.jpg")
            .mime_str("image/jpeg")
        else {
            return ("sell", None, false);
        };
        form = form.part("photos", part);
        let started = Instant::now();
        let resp = s
            .client
            .post(format!("{}/sell", self.base))
            .multipart(form)
            .send()
            .await;
        timed("sell", started, resp).await
    }

    async fn purchase(&self, s: &Session) -> Vec<(&'static str, Option<Duration>, bool)> {
        let listing = self
            .buyable
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .pop_front();
        let Some(listing) = listing else {
            return vec![("buy", None, false)];
        };
        let key = uuid::Uuid::new_v4().to_string();
        let started = Instant::now();
        let resp = s
            .client
            .post(format!("{}/listings/{listing}/buy", self.base))
            .form(&[
                ("csrf_token", s.token.as_str()),
                ("quantity", "1"),
                ("key", key.as_str()),
            ])
            .send()
            .await;
        let order = resp
            .as_ref()
            .ok()
            .and_then(|r| r.headers().get("location"))
            .and_then(|l| l.to_str().ok())
            .and_then(|l| l.strip_prefix("/orders/"))
            .and_then(|id| id.parse::<i64>().ok());
        let buy = timed("buy", started, resp).await;
        // A refusal also redirects (back to the listing, with a message): only an order
        // is a purchase.
        let Some(order) = order else {
            return vec![(buy.0, buy.1, false)];
        };
        let started = Instant::now();
        let resp = s
            .client
            .post(format!("{}/orders/{order}/checkout", self.base))
            .form(&[
                ("csrf_token", s.token.as_str()),
                ("delivery", "ship"),
                ("method", "card"),
                ("name", "Bea Buyer"),
                ("line1", "1 rue de la Paix"),
                ("postcode", "75002"),
                ("city", "Paris"),
                ("country", "France"),
            ])
            .send()
            .await;
        vec![buy, timed("checkout", started, resp).await]
    }
}

/// A form POST succeeded when it redirects (303); the body is read so the time is the
/// whole answer's.
async fn timed(
    name: &'static str,
    started: Instant,
    resp: reqwest::Result<reqwest::Response>,
) -> (&'static str, Option<Duration>, bool) {
    match resp {
        Ok(r) => {
            let ok = r.status() == StatusCode::SEE_OTHER;
            let read = r.bytes().await.is_ok();
            let took = started.elapsed();
            (name, read.then_some(took), ok)
        }
        Err(_) => (name, None, false),
    }
}

pub fn table(mut writes: ByName, seconds: f64) -> String {
    if writes.is_empty() {
        return String::new();
    }
    let mut t = String::new();
    let _ = writeln!(
        t,
        "| write | done | per s | p50 ms | p99 ms | max ms | errors |"
    );
    let _ = writeln!(t, "|---|---|---|---|---|---|---|");
    for name in ["signup", "sell", "buy", "checkout"] {
        if let Some(s) = writes.get_mut(name) {
            let errors = s.errors();
            let sum = stats::summary(s);
            let _ = writeln!(
                t,
                "| {name} | {} | {:.1} | {:.1} | {:.1} | {:.0} | {errors} |",
                sum.count,
                sum.count as f64 / seconds,
                sum.p50,
                sum.p99,
                sum.max
            );
        }
    }
    t
}
