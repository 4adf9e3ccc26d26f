//! The `pasar` command: `serve`, `migrate`, `seed --demo`. Without DATABASE_URL each
//! command runs on the embedded cluster under `$PASAR_DATA/postgres`.

use anyhow::Context;
use clap::{Parser, Subcommand};

use pasar::config::Config;
use pasar::db::{self, cluster::Cluster};

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
    /// Adds demo data.
    Seed {
        /// Demo users (idempotent).
        #[arg(long)]
        demo: bool,
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

fn seed_demo(url: &str) -> anyhow::Result<()> {
    let hash = bcrypt::hash(pasar::seed::DEMO_PASSWORD, 12)?;
    let mut conn = db::connect(url)?;
    let added = pasar::seed::demo(&mut conn, &hash)?;
    tracing::info!(
        added,
        "demo data ready: sign in as admin@demo.pasar.test (or siti@, maria@, camille@...) with password {}",
        pasar::seed::DEMO_PASSWORD
    );
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    pasar::telemetry::init();
    let cli = Cli::parse();
    let config = Config::from_env()?;
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
        Command::Seed { demo } => {
            if demo {
                seed_demo(&url)
            } else {
                anyhow::bail!("say what to seed: --demo")
            }
        }
        Command::Serve { demo } => {
            if demo {
                seed_demo(&url)?;
            }
            let pool = db::pool(&url, config.pool_size);
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
