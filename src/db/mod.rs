//! The database: connection pool, the embedded default cluster, embedded migrations and
//! the `run` helper that moves diesel work onto the blocking pool.

pub mod cluster;
pub mod schema;

use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::prelude::*;
use diesel::r2d2::{ConnectionManager, CustomizeConnection, Pool, PooledConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::web::error::AppError;

pub type DbPool = Pool<ConnectionManager<PgConnection>>;
pub type DbConn = PooledConnection<ConnectionManager<PgConnection>>;

pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

/// Sets per-connection limits so one slow query cannot hold a connection for ever.
#[derive(Debug)]
struct ConnectionSetup;

impl CustomizeConnection<PgConnection, diesel::r2d2::Error> for ConnectionSetup {
    fn on_acquire(&self, conn: &mut PgConnection) -> Result<(), diesel::r2d2::Error> {
        conn.batch_execute(
            "SET statement_timeout = '10s'; SET application_name = 'pasar'; SET TIME ZONE 'UTC'",
        )
        .map_err(diesel::r2d2::Error::QueryError)
    }
}

/// Builds the pool without connecting, so a server can start while the database is
/// still coming up and answer 503 until it does.
pub fn pool(url: &str, size: u32) -> DbPool {
    Pool::builder()
        .max_size(size)
        .min_idle(Some(1))
        .connection_timeout(Duration::from_secs(3))
        .test_on_check_out(true)
        .connection_customizer(Box::new(ConnectionSetup))
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
/// request goes into one such closure; no rendering or network calls inside it.
pub async fn run<T, F>(pool: &DbPool, f: F) -> Result<T, AppError>
where
    F: FnOnce(&mut PgConnection) -> Result<T, AppError> + Send + 'static,
    T: Send + 'static,
{
    let pool = pool.clone();
    let span = tracing::Span::current();
    actix_web::web::block(move || {
        let _entered = span.enter();
        let mut conn = pool.get().map_err(|e| {
            tracing::warn!(error = %e, "database pool timeout");
            AppError::Unavailable
        })?;
        f(&mut conn)
    })
    .await
    .map_err(|e| AppError::Internal(anyhow::anyhow!("blocking task failed: {e}")))?
}

/// `run` inside one transaction: everything `f` writes commits together or not at all
/// (one transaction per use case).
pub async fn transaction<T, F>(pool: &DbPool, f: F) -> Result<T, AppError>
where
    F: FnOnce(&mut PgConnection) -> Result<T, AppError> + Send + 'static,
    T: Send + 'static,
{
    run(pool, move |conn| conn.transaction(f)).await
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
