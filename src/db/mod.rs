//! The database: connection pool, the embedded default cluster, embedded migrations and
//! the `run` helper that moves diesel work onto the blocking pool.

mod cancel;
pub mod cluster;
pub mod schema;
mod text_enum;
pub mod waits;

use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::prelude::*;
use diesel::r2d2::{ConnectionManager, CustomizeConnection, Pool, PooledConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::error::AppError;

pub type DbPool = Pool<ConnectionManager<PgConnection>>;
pub type DbConn = PooledConnection<ConnectionManager<PgConnection>>;

pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

/// What one statement of a pooled connection may cost, and how it is planned.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    /// Longest a statement may run; a page's queries give up long before a visitor
    /// would, so a costly GET cannot hold a connection while others wait for one.
    pub statement_timeout: Duration,
    /// `plan_cache_mode = force_custom_plan`: diesel prepares its statements, and after
    /// five executions PostgreSQL may switch one to a generic plan that ignores the
    /// values (see docs/decisions.md). Off only to show what that costs.
    pub custom_plans: bool,
}

impl Default for Budget {
    fn default() -> Budget {
        Budget {
            statement_timeout: Duration::from_millis(2_000),
            custom_plans: true,
        }
    }
}

/// Sets the budget on every new connection of the pool.
#[derive(Debug)]
struct ConnectionSetup(Budget, std::sync::Arc<str>);

impl CustomizeConnection<PgConnection, diesel::r2d2::Error> for ConnectionSetup {
    fn on_acquire(&self, conn: &mut PgConnection) -> Result<(), diesel::r2d2::Error> {
        let plans = if self.0.custom_plans {
            "force_custom_plan"
        } else {
            "auto"
        };
        conn.batch_execute(&format!(
            "SET statement_timeout = {}; SET plan_cache_mode = {plans}; \
             SET application_name = 'pasar'; SET TIME ZONE 'UTC'",
            self.0.statement_timeout.as_millis().max(1)
        ))
        .and_then(|()| cancel::note_server(conn, &self.1))
        .map_err(diesel::r2d2::Error::QueryError)
    }
}

/// Builds the pool without connecting, so a server can start while the database is
/// still coming up and answer 503 until it does.
pub fn pool(url: &str, size: u32) -> DbPool {
    pool_with(url, size, Budget::default())
}

/// `pool` with another budget (the server's configured one).
pub fn pool_with(url: &str, size: u32, budget: Budget) -> DbPool {
    Pool::builder()
        .max_size(size)
        .min_idle(Some(1))
        .connection_timeout(Duration::from_secs(3))
        .test_on_check_out(true)
        .connection_customizer(Box::new(ConnectionSetup(budget, url.into())))
        .event_handler(waits::Counter::new())
        .build_unchecked(ConnectionManager::new(url))
}

/// Applies the embedded migrations under an advisory lock, so several instances starting
/// together migrate once.
pub fn migrate(conn: &mut PgConnection) -> anyhow::Result<()> {
    conn.batch_execute("SELECT pg_advisory_lock(72120001)")?;
    let result = conn
        .run_pending_migrations(MIGRATIONS)
        .map(|_| ())
        .map_err(|e| anyhow::anyhow!("migrations failed: {e}"));
    conn.batch_execute("SELECT pg_advisory_unlock(72120001)")?;
    result
}

/// Runs `f` with a pooled connection on the blocking thread pool. All diesel work of a
/// request goes into one such closure; no rendering or network calls inside it. Dropping
/// the future (the client left) cancels the closure's statement (`cancel`).
pub async fn run<T, F>(pool: &DbPool, f: F) -> Result<T, AppError>
where
    F: FnOnce(&mut PgConnection) -> Result<T, AppError> + Send + 'static,
    T: Send + 'static,
{
    let pool = pool.clone();
    let span = tracing::Span::current();
    let watch = cancel::Watch::new();
    let on_drop = cancel::OnDrop::new(&watch);
    let done = actix_web::web::block(move || {
        let _entered = span.enter();
        let mut conn = pool.get().map_err(|e| {
            tracing::warn!(error = %e, "database pool timeout");
            AppError::Unavailable
        })?;
        // Dropped before `conn` goes back to the pool.
        let Some(_running) = watch.start(&mut conn)? else {
            return Err(AppError::Unavailable);
        };
        f(&mut conn)
    })
    .await;
    on_drop.finish();
    done.map_err(|e| AppError::Internal(BlockingFailed(e.to_string()).into()))?
}

/// The blocking pool did not run the work: the runtime is shutting down (or the task
/// panicked). Typed so the job worker can tell it from a database that does not answer.
#[derive(Debug, thiserror::Error)]
#[error("blocking task failed: {0}")]
pub struct BlockingFailed(pub String);

/// `run` inside one transaction: everything `f` writes commits together or not at all
/// (one transaction per use case).
pub async fn transaction<T, F>(pool: &DbPool, f: F) -> Result<T, AppError>
where
    F: FnOnce(&mut PgConnection) -> Result<T, AppError> + Send + 'static,
    T: Send + 'static,
{
    run(pool, move |conn| conn.transaction(f)).await
}

/// `transaction` with a longer statement budget than pages get, for the job worker
/// (rebuilding the search vocabulary reads every listing). `SET LOCAL` ends with the
/// transaction, so the pooled connection keeps the page budget.
pub async fn transaction_long<T, F>(pool: &DbPool, timeout: Duration, f: F) -> Result<T, AppError>
where
    F: FnOnce(&mut PgConnection) -> Result<T, AppError> + Send + 'static,
    T: Send + 'static,
{
    transaction(pool, move |conn| {
        conn.batch_execute(&format!(
            "SET LOCAL statement_timeout = {}",
            timeout.as_millis().max(1)
        ))?;
        f(conn)
    })
    .await
}

/// Connects once, outside the pool (CLI commands and start-up).
pub fn connect(url: &str) -> anyhow::Result<PgConnection> {
    PgConnection::establish(url).map_err(|e| anyhow::anyhow!("cannot connect to the database: {e}"))
}

/// Creates the database named in `url` if the server does not have it yet (the embedded
/// cluster starts with only `postgres`).
pub fn create_database_if_missing(admin_url: &str, name: &str) -> anyhow::Result<()> {
    let mut conn = connect(admin_url)?;
    let exists: bool = diesel::select(diesel::dsl::sql::<diesel::sql_types::Bool>(&format!(
        "EXISTS (SELECT 1 FROM pg_database WHERE datname = '{}')",
        name.replace('\'', "''")
    )))
    .get_result(&mut conn)?;
    if !exists {
        conn.batch_execute(&format!("CREATE DATABASE \"{}\"", name.replace('"', "")))?;
    }
    Ok(())
}
