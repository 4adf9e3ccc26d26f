//! The test app: one private PostgreSQL cluster per test run, a migrated template
//! database per test binary, a fresh database per test, the real app on a random port,
//! an optional real SMTP server (aiosmtpd) and an HTTP client that behaves like a browser
//! (cookies, CSRF tokens from the page, no automatic redirects).
#![allow(dead_code)]

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use pasar::config::Config;
use pasar::db::{self, cluster::Cluster, DbPool};
use reqwest::StatusCode;

// Named from this file's folder so the e2e binary, which includes this file by path,
// finds it too.
#[path = "helpers/orders.rs"]
pub mod order_factory;

static CLUSTER: OnceLock<(Cluster, String)> = OnceLock::new();
static DB_COUNTER: AtomicU32 = AtomicU32::new(0);

/// A strong password every factory user has.
pub const PASSWORD: &str = "violet canyon ladder 42";

/// The shared cluster and the name of the migrated template database.
fn cluster() -> &'static (Cluster, String) {
    CLUSTER.get_or_init(|| {
        let dir = std::env::var("PASAR_TEST_PG_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|_| std::env::temp_dir().join("pasar-test-pg"));
        let mut cluster = Cluster::start(&dir).expect("test cluster starts");
        // Shared by every test of this run; the test script stops it at the end.
        cluster.keep_running();
        let template = format!("tpl_{}", std::process::id());
        let mut admin = db::connect(&cluster.url("postgres")).expect("admin connection");
        admin
            .batch_execute(&format!("DROP DATABASE IF EXISTS {template}"))
            .expect("old template dropped");
        admin
            .batch_execute(&format!("CREATE DATABASE {template}"))
            .expect("template created");
        let mut conn = db::connect(&cluster.url(&template)).expect("template connection");
        db::migrate(&mut conn).expect("template migrated");
        drop(conn);
        (cluster, template)
    })
}

/// Creates an empty, migrated database for one test.
pub fn fresh_database() -> (String, String) {
    let (cluster, template) = cluster();
    let name = format!(
        "t_{}_{}",
        std::process::id(),
        DB_COUNTER.fetch_add(1, Ordering::SeqCst)
    );
    let mut admin = db::connect(&cluster.url("postgres")).expect("admin connection");
    // Two CREATE DATABASE from one template at once can collide; retry briefly.
    let mut tries = 0;
    loop {
        match admin.batch_execute(&format!("CREATE DATABASE {name} TEMPLATE {template}")) {
            Ok(()) => break,
            Err(e) if tries < 50 => {
                tries += 1;
                let _ = e;
                std::thread::sleep(Duration::from_millis(100));
            }
            Err(e) => panic!("cannot create test database: {e}"),
        }
    }
    (name.clone(), cluster.url(&name))
}

pub fn admin_url() -> String {
    cluster().0.url("postgres")
}

/// A real SMTP server (Python aiosmtpd) writing what it receives into a maildir.
pub struct SmtpServer {
    pub port: u16,
    pub dir: PathBuf,
    child: Option<Child>,
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

fn python() -> &'static str {
    // Debian's python3 has python3-aiosmtpd; a pyenv shim in PATH may not.
    if std::path::Path::new("/usr/bin/python3").exists() {
        "/usr/bin/python3"
    } else {
        "python3"
    }
}

/// aiosmtpd's Maildir handler creates the folder itself and refuses one without its
/// `new/cur/tmp` subfolders, so only the parent is made here.
fn maildir() -> PathBuf {
    tempdir("smtp").join("maildir")
}

impl SmtpServer {
    pub fn start() -> SmtpServer {
        let port = free_port();
        let dir = maildir();
        let mut s = SmtpServer {
            port,
            dir,
            child: None,
        };
        s.up();
        s
    }

    /// A server that is not running yet, with its port reserved in the URL.
    pub fn stopped() -> SmtpServer {
        SmtpServer {
            port: free_port(),
            dir: maildir(),
            child: None,
        }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn up(&mut self) {
        let child = Command::new(python())
            .args([
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                &format!("127.0.0.1:{}", self.port),
            ])
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&self.dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("aiosmtpd starts (apt-get install python3-aiosmtpd)");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(Instant::now() < deadline, "SMTP server did not come up");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn down(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// Every message received so far.
    pub fn messages(&self) -> Vec<Mail> {
        let mut out = Vec::new();
        for sub in ["new", "cur"] {
            let Ok(entries) = std::fs::read_dir(self.dir.join(sub)) else {
                continue;
            };
            for e in entries.flatten() {
                if let Ok(raw) = std::fs::read(e.path()) {
                    if let Some(m) = Mail::parse(&raw) {
                        out.push(m);
                    }
                }
            }
        }
        out
    }

    /// Waits until a message to `to` whose subject contains `subject` arrives.
    pub async fn wait_for(&self, to: &str, subject: &str, timeout: Duration) -> Mail {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(m) = self
                .messages()
                .into_iter()
                .find(|m| m.to.eq_ignore_ascii_case(to) && m.subject.contains(subject))
            {
                return m;
            }
            assert!(
                Instant::now() < deadline,
                "no mail to {to} with subject containing {subject:?}; got {:?}",
                self.messages()
                    .iter()
                    .map(|m| (&m.to, &m.subject))
                    .collect::<Vec<_>>()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.down();
    }
}

/// A received email, parsed.
#[derive(Debug, Clone)]
pub struct Mail {
    pub to: String,
    pub from: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}

impl Mail {
    fn parse(raw: &[u8]) -> Option<Mail> {
        let msg = mail_parser::MessageParser::default().parse(raw)?;
        let addr = |a: Option<&mail_parser::Address>| {
            a.and_then(|a| a.first())
                .and_then(|a| a.address())
                .unwrap_or("")
                .to_string()
        };
        Some(Mail {
            to: addr(msg.to()),
            from: addr(msg.from()),
            subject: msg.subject().unwrap_or("").to_string(),
            text: msg.body_text(0).map(|t| t.to_string()).unwrap_or_default(),
            html: msg.body_html(0).map(|t| t.to_string()).unwrap_or_default(),
        })
    }

    /// The first link in the text part that starts with `prefix` (after the host).
    pub fn link(&self, path_prefix: &str) -> String {
        self.text
            .split_whitespace()
            .find(|w| w.starts_with("http") && w.contains(path_prefix))
            .unwrap_or_else(|| panic!("no {path_prefix} link in mail:\n{}", self.text))
            .to_string()
    }
}

pub fn tempdir(prefix: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "pasar-{prefix}-{}-{}",
        std::process::id(),
        DB_COUNTER.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Options for one test app.
#[derive(Default)]
pub struct Options {
    pub smtp_url: Option<String>,
    pub extra_env: Vec<(&'static str, String)>,
}

pub struct TestApp {
    pub addr: String,
    pub port: u16,
    pub db_name: String,
    pub db_url: String,
    pub pool: DbPool,
    pub client: reqwest::Client,
    pub data_dir: PathBuf,
    pub handle: actix_web::dev::ServerHandle,
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(Options::default()).await
}

/// Server logs go to `$PASAR_TEST_LOG` (the test script checks it for 500s), with one
/// line per finished request carrying its status.
fn init_logging() {
    static INIT: OnceLock<()> = OnceLock::new();
    INIT.get_or_init(|| {
        let Ok(path) = std::env::var("PASAR_TEST_LOG") else {
            return;
        };
        let Ok(file) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
        else {
            return;
        };
        let _ = tracing_subscriber::fmt()
            .with_writer(std::sync::Mutex::new(file))
            .with_ansi(false)
            .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
            .with_env_filter("info,actix_server=warn,lettre=warn")
            .try_init();
    });
}

pub async fn spawn_app_with(opts: Options) -> TestApp {
    init_logging();
    let (db_name, db_url) = tokio::task::spawn_blocking(fresh_database)
        .await
        .expect("db");
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let addr = format!("http://127.0.0.1:{port}");
    let data_dir = tempdir("data");
    let mut env: Vec<(&str, String)> = vec![
        ("PASAR_ADDR", format!("127.0.0.1:{port}")),
        ("PASAR_BASE_URL", addr.clone()),
        ("PASAR_DATA", data_dir.display().to_string()),
        ("DATABASE_URL", db_url.clone()),
        ("PASAR_SECRET", "t".repeat(64)),
        ("PASAR_JOB_POLL_MS", "50".into()),
        ("PASAR_JOB_BACKOFF_MS", "200".into()),
        ("PASAR_DB_POOL", "4".into()),
        ("PASAR_WORKERS", "1".into()),
        // Tests write to the database behind the app's back; the caches have tests of
        // their own (tests/app/cache.rs).
        ("PASAR_CACHE_MS", "0".into()),
    ];
    if let Some(smtp) = &opts.smtp_url {
        env.push(("SMTP_URL", smtp.clone()));
    }
    env.extend(opts.extra_env.iter().cloned());
    let config = Config::from_lookup(|k| {
        env.iter()
            .rev()
            .find(|(n, _)| *n == k)
            .map(|(_, v)| v.clone())
    })
    .expect("test config");
    // The configured budget, as `pasar serve` sets it.
    let budget = db::Budget {
        statement_timeout: config.statement_timeout,
        ..db::Budget::default()
    };
    let pool = db::pool_with(&db_url, 4, budget);
    let app = pasar::Application::build_on(listener, config, pool.clone()).expect("app builds");
    let handle = app.handle();
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::builder()
        .cookie_store(true)
        // A fresh connection per request: reusing one the server is closing after its
        // keep-alive timeout fails at random on a loaded machine.
        .pool_max_idle_per_host(0)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    TestApp {
        addr,
        port,
        db_name,
        db_url,
        pool,
        client,
        data_dir,
        handle,
    }
}

/// A response read whole.
pub struct Page {
    pub status: StatusCode,
    pub location: Option<String>,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Page {
    pub fn assert_status(&self, status: u16) -> &Page {
        assert_eq!(
            self.status.as_u16(),
            status,
            "unexpected status; body:\n{}",
            self.body
        );
        self
    }

    pub fn contains(&self, text: &str) -> bool {
        // askama escapes with numeric entities; compare on the unescaped text too.
        self.body.contains(text) || unescape(&self.body).contains(text)
    }

    pub fn assert_contains(&self, text: &str) -> &Page {
        assert!(self.contains(text), "page lacks {text:?}:\n{}", self.body);
        self
    }

    pub fn redirects_to(&self, path: &str) -> &Page {
        assert!(
            self.status.is_redirection(),
            "expected a redirect, got {}:\n{}",
            self.status,
            self.body
        );
        assert_eq!(self.location.as_deref(), Some(path));
        self
    }
}

pub fn unescape(s: &str) -> String {
    s.replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#38;", "&")
        .replace("&#60;", "<")
        .replace("&#62;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

/// The `csrf_token` hidden field of a page.
pub fn csrf_of(body: &str) -> Option<String> {
    let re = regex::Regex::new(r#"name="csrf_token" value="([^"]+)""#).expect("regex");
    re.captures(body).map(|c| c[1].to_string())
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        if path.starts_with("http") {
            path.to_string()
        } else {
            format!("{}{}", self.addr, path)
        }
    }

    /// Reads a response whole, as the page a browser would show.
    pub async fn read(resp: reqwest::Response) -> Page {
        let status = resp.status();
        let headers = resp.headers().clone();
        let location = headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let body = resp.text().await.unwrap_or_default();
        Page {
            status,
            location,
            headers,
            body,
        }
    }

    pub async fn get(&self, path: &str) -> Page {
        Self::read(self.client.get(self.url(path)).send().await.expect("GET")).await
    }

    /// GETs and follows redirects like a browser.
    pub async fn visit(&self, path: &str) -> Page {
        let mut page = self.get(path).await;
        let mut hops = 0;
        while page.status.is_redirection() && hops < 5 {
            let to = page.location.clone().expect("location");
            page = self.get(&to).await;
            hops += 1;
        }
        page
    }

    /// The CSRF token a browser would have now (read from the home page's forms).
    pub async fn csrf(&self) -> String {
        let page = self.get("/").await;
        csrf_of(&page.body).expect("home page has a csrf token")
    }

    /// Submits a form as a browser would: with the session's CSRF token.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        let token = self.csrf().await;
        let mut all: Vec<(&str, &str)> = vec![("csrf_token", &token)];
        all.extend_from_slice(fields);
        self.post_raw(path, &all).await
    }

    /// Submits exactly these fields (no token added).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        Self::read(
            self.client
                .post(self.url(path))
                .form(fields)
                .send()
                .await
                .expect("POST"),
        )
        .await
    }

    pub async fn signup(&self, name: &str, email: &str, password: &str) -> Page {
        self.post(
            "/signup",
            &[
                ("display_name", name),
                ("email", email),
                ("password", password),
            ],
        )
        .await
    }

    pub async fn login(&self, email: &str, password: &str) -> Page {
        self.post("/login", &[("email", email), ("password", password)])
            .await
    }

    pub async fn logout(&self) -> Page {
        self.post("/logout", &[]).await
    }

    /// A second browser on the same app (its own cookies).
    pub fn new_browser(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            // A fresh connection per request: reusing one the server is closing after its
            // keep-alive timeout fails at random on a loaded machine.
            .pool_max_idle_per_host(0)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client")
    }

    /// Runs diesel code against this test's database.
    pub async fn db<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut PgConnection) -> T + Send + 'static,
    ) -> T {
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().expect("test connection");
            // Arranging a test's world is not a page: the pool's page budget would cancel
            // a bulk insert on a loaded CI machine. The connection goes back to the pool
            // with its own budget (the one this test app was configured with).
            #[derive(QueryableByName)]
            struct Setting {
                #[diesel(sql_type = diesel::sql_types::Text)]
                statement_timeout: String,
            }
            let budget = diesel::sql_query("SHOW statement_timeout")
                .get_result::<Setting>(&mut conn)
                .expect("the statement budget")
                .statement_timeout;
            conn.batch_execute("SET statement_timeout = 0")
                .expect("lift the statement budget");
            let out = f(&mut conn);
            diesel::sql_query("SELECT set_config('statement_timeout', $1, false)")
                .bind::<diesel::sql_types::Text, _>(budget)
                .execute(&mut conn)
                .expect("restore the statement budget");
            out
        })
        .await
        .expect("db task")
    }

    pub async fn count(&self, sql: &'static str) -> i64 {
        #[derive(QueryableByName)]
        struct N {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        self.db(move |c| diesel::sql_query(sql).get_result::<N>(c).expect("count").n)
            .await
    }

    /// Outbox rows as (to, kind, locale, subject, status).
    pub async fn outbox(&self) -> Vec<(String, String, String, String, String)> {
        use pasar::db::schema::outbound_emails as o;
        self.db(|c| {
            o::table
                .order(o::id)
                .select((o::to_address, o::kind, o::locale, o::subject, o::status))
                .load(c)
                .expect("outbox")
        })
        .await
    }

    /// The text part of the newest outbox email of `kind` to `to`.
    pub async fn outbox_text(&self, to: &str, kind: &str) -> String {
        use pasar::db::schema::outbound_emails as o;
        let (to, kind) = (to.to_string(), kind.to_string());
        self.db(move |c| {
            o::table
                .filter(o::to_address.eq(to))
                .filter(o::kind.eq(kind))
                .order(o::id.desc())
                .select(o::body_text)
                .first::<String>(c)
                .expect("outbox email")
        })
        .await
    }

    /// Waits until every queued email was delivered (or failed).
    pub async fn drain_outbox(&self, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        while self
            .count("SELECT count(*) AS n FROM outbound_emails WHERE status = 'queued'")
            .await
            > 0
        {
            assert!(Instant::now() < deadline, "outbox not drained");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// A link's path from a full URL in an email.
pub fn path_of(link: &str) -> String {
    let u = url::Url::parse(link).expect("url");
    match u.query() {
        Some(q) => format!("{}?{q}", u.path()),
        None => u.path().to_string(),
    }
}

/// Factories: users inserted directly (for tests that are not about sign-up); listings
/// and orders made by the app's own rules and routes.
pub mod factories {
    use super::*;
    use pasar::db::schema::users;
    pub use pasar::listings::status::ListingStatus;

    pub use super::order_factory::*;

    /// bcrypt of `PASSWORD` at the lowest cost: logins in tests stay fast, while sign-up
    /// itself still hashes at cost 12.
    fn hash() -> &'static str {
        static H: OnceLock<String> = OnceLock::new();
        H.get_or_init(|| bcrypt::hash(PASSWORD, 4).expect("hash"))
    }

    pub struct UserSpec {
        pub name: String,
        pub email: String,
        pub verified: bool,
        pub locale: &'static str,
        pub role: &'static str,
    }

    impl UserSpec {
        pub fn new(email: &str) -> UserSpec {
            UserSpec {
                name: "Test User".into(),
                email: email.into(),
                verified: true,
                locale: "en",
                role: "member",
            }
        }
    }

    pub async fn user(app: &TestApp, spec: UserSpec) -> i64 {
        let h = hash().to_string();
        app.db(move |c| {
            diesel::insert_into(users::table)
                .values((
                    users::email.eq(&spec.email),
                    users::display_name.eq(&spec.name),
                    users::password_hash.eq(&h),
                    users::locale.eq(spec.locale),
                    users::role.eq(spec.role),
                    users::email_verified_at.eq(if spec.verified {
                        Some(chrono::Utc::now())
                    } else {
                        None
                    }),
                ))
                .returning(users::id)
                .get_result(c)
                .expect("user inserted")
        })
        .await
    }

    /// What a listing factory varies; the default is a camera in Lyon, on sale now.
    pub struct ListingSpec {
        pub title: String,
        pub description: String,
        /// A category slug.
        pub category: &'static str,
        pub condition: &'static str,
        pub price_minor: i64,
        pub currency: &'static str,
        pub quantity: i32,
        pub ships: bool,
        pub shipping_minor: Option<i64>,
        pub pickup: bool,
        pub city: &'static str,
        pub country: &'static str,
        pub attributes: serde_json::Value,
        /// Reached the way a seller gets there: drafts are saved unpublished, the others
        /// are published and then changed by the seller's status rule.
        pub status: ListingStatus,
        /// How long ago it was published (time passing, the one thing set by hand).
        pub published_ago: chrono::Duration,
    }

    impl Default for ListingSpec {
        fn default() -> ListingSpec {
            ListingSpec {
                title: "Vintage camera".into(),
                description: "Works well.".into(),
                category: "electronics",
                condition: "good",
                price_minor: 2_000,
                currency: "EUR",
                quantity: 1,
                ships: true,
                shipping_minor: Some(500),
                pickup: true,
                city: "Lyon",
                country: "France",
                attributes: serde_json::json!({}),
                status: ListingStatus::Active,
                published_ago: chrono::Duration::zero(),
            }
        }
    }

    /// A listing of `seller`, made by the rules the sell form and the status buttons
    /// call (so its columns, status and search words are the ones a real listing gets).
    pub async fn listing(app: &TestApp, seller: i64, it: ListingSpec) -> i64 {
        use pasar::db::schema::{categories, listings};
        use pasar::listings::rules;
        app.db(move |c| {
            let category_id: i32 = categories::table
                .filter(categories::slug.eq(it.category))
                .select(categories::id)
                .first(c)
                .expect("category");
            let fields = pasar::listings::model::ListingFields {
                category_id,
                title: it.title,
                description: it.description,
                condition: it.condition.into(),
                price_minor: it.price_minor,
                currency: it.currency.into(),
                quantity: it.quantity,
                ships: it.ships,
                shipping_minor: it.shipping_minor,
                pickup: it.pickup,
                city: it.city.into(),
                country: it.country.into(),
                attributes: it.attributes,
            };
            let publish = it.status != ListingStatus::Draft;
            // Factories make what a test needs, past any new member's daily limit.
            let publishing = pasar::listings::limits::Publishing::default();
            let id = rules::create(c, seller, &fields, &[], publish, &publishing)
                .expect("listing created");
            if publish && it.published_ago > chrono::Duration::zero() {
                diesel::update(listings::table.find(id))
                    .set(listings::published_at.eq(chrono::Utc::now() - it.published_ago))
                    .execute(c)
                    .expect("published earlier");
            }
            if publish && it.status != ListingStatus::Active {
                let editor = rules::Editor {
                    user_id: seller,
                    admin: false,
                };
                rules::set_status(c, editor, id, it.status, None).expect("status changed");
            }
            id
        })
        .await
    }

    /// A verified member, signed in on the app's client.
    pub async fn signed_in(app: &TestApp, email: &str) -> i64 {
        let id = user(app, UserSpec::new(email)).await;
        app.login(email, PASSWORD).await.assert_status(303);
        id
    }
}

pub type Shared<T> = Arc<T>;
