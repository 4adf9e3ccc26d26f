//! The `pasar` command: `serve`, `migrate`, `seed --demo`, `seed --bench N`. Without
//! DATABASE_URL each command runs on the embedded cluster under `$PASAR_DATA/postgres`.

use anyhow::Context;
use clap::{Parser, Subcommand};

use pasar::config::Config;
use pasar::db::{self, cluster::Cluster};
use pasar::listings::storage::LocalStorage;

#[derive(Parser)]
#[command(
    name = "pasar",
    about = "Pasar, the marketplace where people sell to each other"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Runs the web server and the job worker.
    Serve {
        /// Adds the demo data first (idempotent).
        #[arg(long)]
        demo: bool,
    },
    /// Applies pending database migrations.
    Migrate,
    /// Adds demo or benchmark data.
    Seed {
        /// Demo members and listings with pictures (idempotent).
        #[arg(long)]
        demo: bool,
        /// Bulk-loads bench listings until there are N (for load tests).
        #[arg(long, value_name = "N")]
        bench: Option<usize>,
    },
}

/// The database URL to use, and the embedded cluster if this process runs it.
fn database(config: &Config) -> anyhow::Result<(String, Option<Cluster>)> {
    if let Some(url) = &config.database_url {
        return Ok((url.clone(), None));
    }
    let cluster = Cluster::start(&config.data_dir.join("postgres"))?;
    db::create_database_if_missing(&cluster.url("postgres"), "pasar")?;
    Ok((cluster.url("pasar"), Some(cluster)))
}

/// Where photos live: the same folder the server serves them from.
fn photo_storage(config: &Config) -> anyhow::Result<LocalStorage> {
    Ok(LocalStorage::new(config.data_dir.join("photos"))?)
}

fn seed_demo(url: &str, config: &Config) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let hash = bcrypt::hash(pasar::seed::DEMO_PASSWORD, 12)?;
    let storage = photo_storage(config)?;
    let mut conn = db::connect(url)?;
    let added = pasar::seed::demo_all(&mut conn, &hash, &storage, config)?;
    tracing::info!(
        users = added.users,
        listings = added.listings,
        orders = added.orders,
        seconds = started.elapsed().as_secs_f64(),
        "demo data ready: sign in as admin@demo.pasar.test (or siti@, maria@, camille@...) with password {}",
        pasar::seed::DEMO_PASSWORD
    );
    Ok(())
}

fn seed_bench(url: &str, config: &Config, n: usize) -> anyhow::Result<()> {
    let storage = photo_storage(config)?;
    let mut conn = db::connect(url)?;
    pasar::seed::seed_bench(&mut conn, n)?;
    // Photos on the newest thousand only: list pages show pictures, and a million
    // stored files would test the disk rather than the server.
    pasar::seed::bench_photos(&mut conn, &storage, 1000)?;
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    pasar::telemetry::init();
    let cli = Cli::parse();
    let config = Config::from_env()?;
    let demo = matches!(
        cli.command,
        Command::Serve { demo: true } | Command::Seed { demo: true, .. }
    );
    if demo && config.is_production() {
        // The demo admin's password is printed in README: on a real site it is a way in.
        anyhow::bail!(
            "--demo is refused when PASAR_ENV=production: the demo accounts have a published password"
        );
    }
    let (url, cluster) = database(&config)?;
    {
        let mut conn = db::connect(&url)?;
        db::migrate(&mut conn).context("applying migrations")?;
    }
    let result = match cli.command {
        Command::Migrate => {
            tracing::info!("migrations applied");
            Ok(())
        }
        Command::Seed { demo, bench } => {
            if !demo && bench.is_none() {
                anyhow::bail!("say what to seed: --demo and/or --bench N");
            }
            if demo {
                seed_demo(&url, &config)?;
            }
            match bench {
                Some(n) => seed_bench(&url, &config, n),
                None => Ok(()),
            }
        }
        Command::Serve { demo } => {
            if demo {
                seed_demo(&url, &config)?;
            }
            let budget = db::Budget {
                statement_timeout: config.statement_timeout,
                ..db::Budget::default()
            };
            let pool = db::pool_with(&url, config.pool_size, budget);
            let addr = config.addr;
            let base = config.base_url.clone();
            let app = pasar::Application::build(config, pool)?;
            tracing::info!(%addr, "Pasar is listening: open {base}");
            app.run_until_stopped().await.map_err(anyhow::Error::from)
        }
    };
    // The embedded cluster stops when `cluster` is dropped, after the server and worker.
    drop(cluster);
    result
}
