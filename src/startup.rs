//! Start-up: the one module that names every feature. It builds the shared state and
//! each feature's, mounts the route table and the middleware, registers the jobs, the
//! upkeep, the header badges and the caches, and starts the background tasks. The
//! shared layers (`web`, `db`, `mail`, `jobs`, `i18n`, `cache`, `storage`) never import
//! a feature; they reach what the features contribute through what is registered here.

use std::net::TcpListener;
use std::ops::Deref;
use std::sync::Arc;
use std::time::Duration;

use actix_session::config::{CookieContentSecurity, PersistentSession};
use actix_session::storage::CookieSessionStore;
use actix_session::SessionMiddleware;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::cookie::{time::Duration as CookieDuration, Key, SameSite};
use actix_web::dev::{Server, ServerHandle, ServiceRequest, ServiceResponse};
use actix_web::middleware::{from_fn, Next};
use actix_web::{web as aweb, App, HttpResponse, HttpServer};
use anyhow::Context;
use diesel::{PgConnection, QueryResult};
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::cache::{self, Registry as Kept, Shelf};
use crate::config::{Config, PaymentSettings};
use crate::db::{self, cluster::Cluster, DbPool};
use crate::jobs::{self, worker::Worker, Periodic};
use crate::listings::view_count::ViewCount;
use crate::orders::payments::PaymentProvider;
use crate::pages::home::HomeData;
use crate::storage::{LocalStorage, Storage};
use crate::web::auth::User;
use crate::web::site::{Badge, Site};
use crate::{
    accounts, admin, listings, mail, moderation, orders, pages, reviews, seed, telemetry, web,
};

/// What every handler can reach: the shared `Site` (through `Deref`: `state.pool`,
/// `state.config`, `state.cpu`, `state.searches`) plus what the features need.
pub struct AppState {
    site: Arc<Site>,
    pub storage: Arc<dyn Storage>,
    pub views: Arc<ViewCount>,
    /// The listings feature's caches (category tree, searches, listing pages).
    pub caches: Arc<listings::caches::Caches>,
    /// The home page's sections, keyed by the viewer's country ("near you" comes first;
    /// empty: no preference).
    pub home: Arc<Shelf<String, Arc<HomeData>>>,
    pub payments: Arc<dyn PaymentProvider>,
    /// What other features add to the order page (reviews' button, the seller's rating).
    pub order_asides: Arc<Vec<orders::views::OrderAsides>>,
    /// What the admin dashboard counts (`waiting()`).
    pub waiting: Arc<Vec<admin::Waiting>>,
}

impl Deref for AppState {
    type Target = Site;

    fn deref(&self) -> &Site {
        &self.site
    }
}

/// The header badges: what is waiting for the signed-in member.
fn badges() -> Vec<Badge> {
    vec![orders_waiting]
}

fn orders_waiting(conn: &mut PgConnection, user: &User) -> QueryResult<i64> {
    orders::action_count(conn, user.id, user.is_admin())
}

/// What waits for moderators and admins, one line per feature's item, on `/admin`.
fn waiting() -> Vec<admin::Waiting> {
    use admin::{Audience, Waiting};
    vec![
        Waiting {
            label: "admin-waiting-reports",
            href: "/admin/reports",
            audience: Audience::Moderators,
            count: moderation::for_admin::open_cases,
        },
        Waiting {
            label: "admin-waiting-appeals",
            href: "/admin/reports#appeals",
            audience: Audience::Moderators,
            count: moderation::for_admin::open_appeals,
        },
        Waiting {
            label: "admin-waiting-disputes",
            href: "/admin/disputes",
            audience: Audience::Admins,
            count: orders::for_admin::disputes_waiting,
        },
        Waiting {
            label: "admin-waiting-emails",
            href: "/admin/failed#emails",
            audience: Audience::Admins,
            count: mail::outbox::failed_count,
        },
        Waiting {
            label: "admin-waiting-jobs",
            href: "/admin/failed#jobs",
            audience: Audience::Admins,
            count: admin::routes::failed_jobs,
        },
    ]
}

/// Every job kind the worker runs, one line each.
pub fn job_registry(
    config: &Arc<Config>,
    pool: &DbPool,
    transport: mail::transport::Transport,
    payments: Arc<dyn PaymentProvider>,
    storage: Arc<dyn Storage>,
) -> jobs::Registry {
    let db = || jobs::Db {
        pool: pool.clone(),
        config: config.clone(),
    };
    let (plain, provider) = (
        Arc::new(db()),
        Arc::new(orders::jobs::Provider {
            db: db(),
            provider: payments,
        }),
    );
    let mut r = jobs::Registry::default();
    r.add::<mail::outbox::SendEmail>(Arc::new(mail::delivery::Delivery {
        db: db(),
        transport,
    }))
    .add::<accounts::deletion::PurgeAccount>(Arc::new(accounts::jobs::Purge { db: db(), storage }))
    .add::<orders::jobs::Expire>(plain.clone())
    .add::<orders::jobs::CancelIfLate>(plain.clone())
    .add::<orders::jobs::Remind>(plain.clone())
    .add::<orders::jobs::AutoConfirm>(plain.clone())
    .add::<orders::jobs::FinalizeDispute>(plain.clone())
    .add::<moderation::jobs::LiftSanction>(plain.clone())
    .add::<orders::jobs::SandboxEvent>(plain)
    .add::<orders::jobs::Refund>(provider.clone())
    .add::<orders::jobs::Close>(provider);
    r
}

/// Photos of a listing form nobody saved are deleted after this.
const ABANDONED_AFTER: Duration = Duration::from_secs(24 * 3600);

/// The worker's upkeep, each on its own schedule. Tasks that send email read the
/// settings from `config` (the base URL and the secret of unsubscribe links).
fn upkeep(config: Arc<Config>, storage: Arc<dyn Storage>) -> Vec<Periodic> {
    let _ = &config;
    vec![
        Periodic::new("prune rate limits", Duration::from_secs(600), |conn| {
            web::rate_limit::prune(conn)?;
            Ok(())
        }),
        Periodic::new(
            "rebuild the search vocabulary",
            Duration::from_secs(3600),
            |conn| {
                listings::search::refresh_search_words(conn)?;
                Ok(())
            },
        ),
        Periodic::new(
            "publish reviews whose window closed",
            Duration::from_secs(300),
            |conn| {
                let n = reviews::rules::publish_due(conn, 500)?;
                if n > 0 {
                    tracing::info!(reviews = n, "reviews published at the end of their window");
                }
                Ok(())
            },
        ),
        Periodic::new(
            "file scam signals with the moderators",
            Duration::from_secs(60),
            |conn| {
                let n = moderation::for_signals::file_open_flags(conn)?;
                if n > 0 {
                    tracing::info!(flags = n, "scam signals filed as automated notices");
                }
                Ok(())
            },
        ),
        Periodic::new(
            "sweep abandoned photos",
            Duration::from_secs(3600),
            move |conn| {
                let n = listings::photos::sweep_abandoned(conn, storage.as_ref(), ABANDONED_AFTER)?;
                if n > 0 {
                    tracing::info!(photos = n, "photos of abandoned forms deleted");
                }
                Ok(())
            },
        ),
    ]
}

/// The route table. `dev_pages`: development with mail written to files; nothing else
/// mounts `/dev`. Only the configured payment provider's pages and webhook are mounted.
fn routes(dev_pages: bool, sandbox: bool) -> impl Fn(&mut aweb::ServiceConfig) {
    move |cfg| {
        cfg.service(aweb::resource("/healthz").get(healthz))
            .service(aweb::resource("/static/{hash}/{name}").get(web::assets::serve))
            .service(aweb::resource("/favicon.ico").get(web::assets::favicon));
        pages::home::configure(cfg);
        pages::profile::configure(cfg);
        accounts::routes::configure(cfg);
        accounts::avatar::configure(cfg);
        listings::routes::configure(cfg);
        orders::routes::configure(cfg, sandbox);
        reviews::routes::configure(cfg);
        moderation::routes::configure(cfg);
        admin::routes::configure(cfg);
        if dev_pages {
            mail::dev::configure(cfg);
        }
    }
}

/// A bound, not yet running server plus its job worker.
pub struct Application {
    server: Server,
    port: u16,
    stop_worker: watch::Sender<bool>,
    worker: Option<JoinHandle<()>>,
    flusher: JoinHandle<()>,
}

impl Application {
    /// Binds `config.addr` and starts the job worker.
    pub fn build(config: Config, pool: DbPool) -> anyhow::Result<Application> {
        let listener = TcpListener::bind(config.addr)
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", config.addr))?;
        Self::build_on(listener, config, pool)
    }

    /// Serves on an already bound listener (tests bind port 0 first, so the base URL in
    /// emails can name the real port).
    pub fn build_on(
        listener: TcpListener,
        config: Config,
        pool: DbPool,
    ) -> anyhow::Result<Application> {
        let port = listener.local_addr()?.port();
        let config = Arc::new(config);
        let storage: Arc<dyn Storage> = Arc::new(photo_storage(&config)?);
        let views = Arc::new(ViewCount::default());
        let caches = Arc::new(listings::caches::Caches::new(config.cache_ttl));
        let home: Arc<Shelf<String, Arc<HomeData>>> = Arc::new(Shelf::new(config.cache_ttl, 64));
        let mut kept = Kept::default();
        kept.add(caches.clone());
        kept.add(home.clone());
        let site = Arc::new(Site {
            pool: pool.clone(),
            config: config.clone(),
            cpu: Arc::new(web::cpu::CpuPool::new(
                config.cpu_threads,
                config.cpu_queue,
            )?),
            searches: web::gate::Gate::new(config.searches_per_client),
            session_user: accounts::model::session_user,
            badges: badges(),
        });
        let state = aweb::Data::new(AppState {
            site: site.clone(),
            storage: storage.clone(),
            views: views.clone(),
            caches,
            home,
            payments: payment_provider(&config),
            order_asides: Arc::new(vec![reviews::for_orders::asides]),
            waiting: Arc::new(waiting()),
        });
        let site = aweb::Data::from(site);
        let kept = aweb::Data::new(kept);
        let key = Key::derive_from(&config.secret.0);
        let production = config.is_production();
        let dev_pages = config.dev_mailbox();
        let sandbox = matches!(config.payments, PaymentSettings::Sandbox);
        let workers = config.workers;
        let session_ttl = CookieDuration::seconds(config.session_lifetime.as_secs() as i64);
        // Few blocking threads per worker keep tail latency low (STYLE.md).
        let blocking = (config.pool_size as usize / workers).max(2);
        let server = HttpServer::new(move || {
            App::new()
                .app_data(state.clone())
                .app_data(site.clone())
                .app_data(kept.clone())
                .app_data(
                    aweb::FormConfig::default()
                        .limit(web::csrf::FORM_LIMIT)
                        .error_handler(|err, _| form_error(err)),
                )
                .app_data(
                    aweb::PathConfig::default()
                        .error_handler(|_, _| web::AppError::NotFound.into()),
                )
                .app_data(
                    aweb::QueryConfig::default()
                        .error_handler(|_, _| web::AppError::BadRequest.into()),
                )
                .configure(routes(dev_pages, sandbox))
                .default_service(aweb::to(not_found))
                .wrap(from_fn(sanction_gate))
                .wrap(from_fn(cache::clear_after_writes))
                .wrap(from_fn(web::csrf::middleware))
                .wrap(from_fn(web::hygiene::middleware))
                .wrap(from_fn(web::error_pages::middleware))
                .wrap(
                    SessionMiddleware::builder(CookieSessionStore::default(), key.clone())
                        .cookie_name("pasar_session".into())
                        .cookie_secure(production)
                        .cookie_http_only(true)
                        .cookie_same_site(SameSite::Lax)
                        .cookie_content_security(CookieContentSecurity::Private)
                        .session_lifecycle(PersistentSession::default().session_ttl(session_ttl))
                        .build(),
                )
                .wrap(web::headers::security_headers(production))
                .wrap(tracing_actix_web::TracingLogger::<telemetry::RedactedSpan>::new())
                .wrap(from_fn(web::disconnect::middleware))
        })
        .on_connect(web::disconnect::on_connect)
        .workers(workers)
        .worker_max_blocking_threads(blocking)
        .shutdown_timeout(20)
        .listen(listener)?
        .run();

        let (stop_worker, stop_rx) = watch::channel(false);
        let stop_rx2 = stop_rx.clone();
        let pool_for_views = pool.clone();
        let worker = if config.run_worker {
            let transport = mail::transport::Transport::from_config(&config)?;
            let registry = job_registry(
                &config,
                &pool,
                transport,
                payment_provider(&config),
                storage.clone(),
            );
            let w = Worker {
                pool,
                config: config.clone(),
                registry,
                periodic: upkeep(config.clone(), storage),
            };
            Some(tokio::spawn(w.run(stop_rx)))
        } else {
            None
        };
        let flusher = tokio::spawn(flush_views(pool_for_views, views, stop_rx2));
        Ok(Application {
            server,
            port,
            stop_worker,
            worker,
            flusher,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn handle(&self) -> ServerHandle {
        self.server.handle()
    }

    /// Serves until SIGINT/SIGTERM (or the handle) stops the server: in-flight requests
    /// finish, then the worker finishes its job and stops.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let result = self.server.await;
        let _ = self.stop_worker.send(true);
        if let Some(w) = self.worker {
            let _ = w.await;
        }
        let _ = self.flusher.await;
        result
    }
}

/// A suspended or banned member is signed in only to read why and appeal: every page
/// but those `moderation::routes::open_to_locked` lists (and files) sends them to their
/// decisions. Here and not in `web/`, which names no feature; the standing query runs
/// only for signed-in members, after the session lookup the page needs anyway.
async fn sanction_gate(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let path = req.path();
    let files = ["/static/", "/media/", "/favicon.ico", "/healthz"]
        .iter()
        .any(|p| path.starts_with(p));
    if files || moderation::routes::open_to_locked(path) {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_left_body);
    }
    let ctx = web::Ctx::load(req.request()).await;
    if let (Ok(Some(user)), Some(site)) = (
        ctx.map(|c| c.user),
        req.app_data::<aweb::Data<Site>>().cloned(),
    ) {
        let uid = user.id;
        let standing = db::run(&site.pool, move |conn| Ok(moderation::standing(conn, uid)?)).await;
        if standing.is_ok_and(|s| s.locked) {
            let resp = web::redirect("/me/decisions");
            return Ok(req.into_response(resp).map_into_right_body());
        }
    }
    next.call(req)
        .await
        .map(ServiceResponse::map_into_left_body)
}

async fn not_found() -> Result<HttpResponse, web::AppError> {
    Err(web::AppError::NotFound)
}

fn form_error(err: actix_web::error::UrlencodedError) -> actix_web::Error {
    use actix_web::error::UrlencodedError;
    match err {
        UrlencodedError::Overflow { .. } => web::AppError::TooLarge.into(),
        _ => web::AppError::BadRequest.into(),
    }
}

/// 200 only when the database answers.
async fn healthz(site: aweb::Data<Site>) -> HttpResponse {
    use diesel::connection::SimpleConnection;
    let ok = db::run(&site.pool, |conn| Ok(conn.batch_execute("SELECT 1")?)).await;
    match ok {
        Ok(()) => HttpResponse::Ok().content_type("text/plain").body("ok"),
        Err(_) => HttpResponse::ServiceUnavailable()
            .content_type("text/plain")
            .body("database unavailable"),
    }
}

/// Writes the counted listing views every few seconds, and once more at shutdown.
async fn flush_views(pool: DbPool, views: Arc<ViewCount>, mut stop: watch::Receiver<bool>) {
    loop {
        let stopping = tokio::select! {
            _ = tokio::time::sleep(std::time::Duration::from_secs(5)) => false,
            _ = stop.changed() => true,
        };
        let counts = views.take();
        if !counts.is_empty() {
            let result = db::run(&pool, move |conn| {
                Ok(listings::view_count::add_views(conn, &counts)?)
            })
            .await;
            if let Err(e) = result {
                tracing::warn!(error = %e, "could not write listing views");
            }
        }
        if stopping || *stop.borrow() {
            break;
        }
    }
}

// ---- the commands ---------------------------------------------------------------------

/// The configured payment provider (the sandbox unless Stripe is set up).
fn payment_provider(cfg: &Config) -> Arc<dyn PaymentProvider> {
    use crate::orders::payments::{sandbox::Sandbox, stripe::Stripe};
    match &cfg.payments {
        PaymentSettings::Sandbox => Arc::new(Sandbox),
        PaymentSettings::Stripe {
            secret_key,
            api_base,
            ..
        } => Arc::new(Stripe::new(secret_key.clone(), api_base.clone())),
    }
}

/// Where photos live: the same folder the server serves them from.
fn photo_storage(config: &Config) -> anyhow::Result<LocalStorage> {
    Ok(LocalStorage::new(config.data_dir.join("photos"))?)
}

/// The database of a command, migrated. Without DATABASE_URL the embedded cluster under
/// `$PASAR_DATA/postgres` runs as long as the returned `Cluster` lives.
pub fn database(config: &Config) -> anyhow::Result<(String, Option<Cluster>)> {
    let (url, cluster) = match &config.database_url {
        Some(url) => (url.clone(), None),
        None => {
            let cluster = Cluster::start(&config.data_dir.join("postgres"))?;
            db::create_database_if_missing(&cluster.url("postgres"), "pasar")?;
            (cluster.url("pasar"), Some(cluster))
        }
    };
    let mut conn = db::connect(&url)?;
    db::migrate(&mut conn).context("applying migrations")?;
    Ok((url, cluster))
}

/// The demo accounts have a published password: refused on a real site.
pub fn refuse_demo_in_production(config: &Config, demo: bool) -> anyhow::Result<()> {
    if demo && config.is_production() {
        // The demo admin's password is printed in README: on a real site it is a way in.
        anyhow::bail!(
            "--demo is refused when PASAR_ENV=production: the demo accounts have a published password"
        );
    }
    Ok(())
}

/// Demo members and listings with pictures (idempotent).
pub fn seed_demo(url: &str, config: &Config) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let hash = bcrypt::hash(seed::DEMO_PASSWORD, 12)?;
    let storage = photo_storage(config)?;
    let mut conn = db::connect(url)?;
    let added = seed::demo_all(&mut conn, &hash, &storage, config)?;
    tracing::info!(
        users = added.users,
        listings = added.listings,
        orders = added.orders,
        seconds = started.elapsed().as_secs_f64(),
        "demo data ready: sign in as admin@demo.pasar.test, moderator@demo.pasar.test (or siti@, maria@, camille@...) with password {}",
        seed::DEMO_PASSWORD
    );
    Ok(())
}

/// Bulk-loads bench listings until there are `n`.
pub fn seed_bench(url: &str, config: &Config, n: usize) -> anyhow::Result<()> {
    let storage = photo_storage(config)?;
    let mut conn = db::connect(url)?;
    seed::seed_bench(&mut conn, n)?;
    // Photos on the newest thousand only: list pages show pictures, and a million
    // stored files would test the disk rather than the server.
    seed::bench_photos(&mut conn, &storage, 1000)?;
    Ok(())
}

/// `pasar admin create-user`: prints the account and its set-password link (stdout, so
/// a script can take it; the link is the only way into the account).
pub fn admin_create_user(
    url: &str,
    config: &Config,
    email: &str,
    role: &str,
    name: Option<&str>,
) -> anyhow::Result<()> {
    let role = admin::cli::parse_role(role)?;
    let mut conn = db::connect(url)?;
    let (user, link) = admin::cli::create_user(&mut conn, config, email, role, name)?;
    println!(
        "created {} ({}) as {}, id {}",
        user.email, user.display_name, role, user.id
    );
    let hours = accounts::for_admin::SET_PASSWORD_TTL.as_secs() / 3600;
    println!("set the password within {hours} hours, once, at:\n{link}");
    Ok(())
}

/// `pasar admin set-role`.
pub fn admin_set_role(url: &str, email: &str, role: &str, reason: &str) -> anyhow::Result<()> {
    let role = admin::cli::parse_role(role)?;
    let mut conn = db::connect(url)?;
    let from = admin::cli::set_role(&mut conn, email, role, reason)?;
    println!("{email}: {from} -> {role}");
    Ok(())
}

/// Serves on `url` until stopped.
pub async fn serve(url: &str, config: Config) -> anyhow::Result<()> {
    let budget = db::Budget {
        statement_timeout: config.statement_timeout,
        ..db::Budget::default()
    };
    let pool = db::pool_with(url, config.pool_size, budget);
    let addr = config.addr;
    let base = config.base_url.clone();
    let app = Application::build(config, pool)?;
    tracing::info!(%addr, "Pasar is listening: open {base}");
    app.run_until_stopped().await.map_err(anyhow::Error::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows already queued carry these kinds (literal here, so renaming a constant
    /// fails): each must still have its runner.
    #[actix_web::test]
    async fn every_kind_queued_today_is_registered() {
        let dir = std::env::temp_dir().join(format!("pasar-kinds-{}", std::process::id()));
        let data = dir.display().to_string();
        let config = Config::from_lookup(|k| match k {
            "PASAR_SECRET" => Some("t".repeat(64)),
            "PASAR_DATA" => Some(data.clone()),
            _ => None,
        })
        .map(Arc::new)
        .map_err(|e| e.to_string())
        .expect("config");
        let pool = db::pool("postgres://nobody@127.0.0.1:9/none", 1);
        let transport = mail::transport::Transport::from_config(&config)
            .map_err(|e| e.to_string())
            .expect("transport");
        let storage: Arc<dyn Storage> = Arc::new(
            LocalStorage::new(dir.join("photos"))
                .map_err(|e| e.to_string())
                .expect("storage"),
        );
        let registry = job_registry(
            &config,
            &pool,
            transport,
            payment_provider(&config),
            storage,
        );
        let kinds: Vec<&str> = registry.kinds().collect();
        assert_eq!(
            kinds,
            [
                "dispute_final",
                "moderation_lift",
                "order_auto_confirm",
                "order_expire",
                "order_late",
                "order_remind",
                "payment_close",
                "payment_refund",
                "purge_account",
                "sandbox_event",
                "send_email",
            ]
        );
        let _ = std::fs::remove_dir_all(dir);
    }
}
