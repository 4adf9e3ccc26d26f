//! Pasar: a server-rendered consumer-to-consumer marketplace. This crate builds the
//! actix application; `main.rs` is a thin CLI over it and the tests build the same app.

pub mod accounts;
pub mod cache;
pub mod config;
pub mod db;
pub mod home;
pub mod i18n;
pub mod jobs;
pub mod listings;
pub mod mail;
pub mod orders;
pub mod seed;
pub mod telemetry;
pub mod web;

use std::net::TcpListener;
use std::sync::Arc;

use actix_session::config::{CookieContentSecurity, PersistentSession};
use actix_session::storage::CookieSessionStore;
use actix_session::SessionMiddleware;
use actix_web::cookie::{time::Duration as CookieDuration, Key, SameSite};
use actix_web::dev::{Server, ServerHandle};
use actix_web::middleware::from_fn;
use actix_web::{web as aweb, App, HttpResponse, HttpServer};
use tokio::sync::watch;
use tokio::task::JoinHandle;

use config::Config;
use db::DbPool;

/// What every handler can reach.
pub struct AppState {
    pub pool: DbPool,
    pub config: Arc<Config>,
    pub storage: Arc<dyn listings::storage::Storage>,
    pub views: Arc<listings::view_count::ViewCount>,
    pub caches: Arc<cache::Caches>,
    pub payments: Arc<dyn orders::payments::PaymentProvider>,
    /// bcrypt and photo work, away from the blocking threads database calls use.
    pub cpu: Arc<web::cpu::CpuPool>,
    /// Searches running per client address (`PASAR_SEARCHES_PER_CLIENT`).
    pub searches: Arc<web::gate::Gate>,
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
        let storage: Arc<dyn listings::storage::Storage> = Arc::new(
            listings::storage::LocalStorage::new(config.data_dir.join("photos"))?,
        );
        let views = Arc::new(listings::view_count::ViewCount::default());
        let state = aweb::Data::new(AppState {
            pool: pool.clone(),
            config: config.clone(),
            storage: storage.clone(),
            views: views.clone(),
            caches: Arc::new(cache::Caches::new(config.cache_ttl)),
            payments: orders::payments::provider(&config),
            cpu: Arc::new(web::cpu::CpuPool::new(
                config.cpu_threads,
                config.cpu_queue,
            )?),
            searches: web::gate::Gate::new(config.searches_per_client),
        });
        let key = Key::derive_from(&config.secret.0);
        let production = config.is_production();
        let dev_pages = config.dev_mailbox();
        // Only the configured provider's pages and webhook are mounted.
        let sandbox = matches!(config.payments, crate::config::PaymentSettings::Sandbox);
        let workers = config.workers;
        let session_ttl = CookieDuration::seconds(config.session_lifetime.as_secs() as i64);
        // Few blocking threads per worker keep tail latency low (STYLE.md).
        let blocking = (config.pool_size as usize / workers).max(2);
        let server = HttpServer::new(move || {
            App::new()
                .app_data(state.clone())
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
        })
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
            let w = jobs::worker::Worker {
                pool,
                config: config.clone(),
                transport,
                payments: orders::payments::provider(&config),
                storage,
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

/// `dev_pages`: development with mail written to files; nothing else mounts `/dev`.
fn routes(dev_pages: bool, sandbox: bool) -> impl Fn(&mut aweb::ServiceConfig) {
    move |cfg| {
        cfg.service(aweb::resource("/healthz").get(healthz))
            .service(aweb::resource("/static/{hash}/{name}").get(web::assets::serve))
            .service(aweb::resource("/favicon.ico").get(web::assets::favicon));
        home::configure(cfg);
        accounts::routes::configure(cfg);
        listings::routes::configure(cfg);
        orders::routes::configure(cfg, sandbox);
        if dev_pages {
            mail::dev::configure(cfg);
        }
    }
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
async fn healthz(state: aweb::Data<AppState>) -> HttpResponse {
    use diesel::connection::SimpleConnection;
    let ok = db::run(&state.pool, |conn| Ok(conn.batch_execute("SELECT 1")?)).await;
    match ok {
        Ok(()) => HttpResponse::Ok().content_type("text/plain").body("ok"),
        Err(_) => HttpResponse::ServiceUnavailable()
            .content_type("text/plain")
            .body("database unavailable"),
    }
}

/// Writes the counted listing views every few seconds, and once more at shutdown.
async fn flush_views(
    pool: DbPool,
    views: Arc<listings::view_count::ViewCount>,
    mut stop: watch::Receiver<bool>,
) {
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
