//! The `pasar` command: `serve`, `migrate`, `seed --demo`, `seed --bench N`. Without
//! DATABASE_URL each command runs on the embedded cluster under `$PASAR_DATA/postgres`.
//! This file only parses the command line; `pasar::startup` does the work.

use clap::{Parser, Subcommand};

use pasar::config::Config;
use pasar::startup;

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

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    pasar::telemetry::init();
    let cli = Cli::parse();
    let config = Config::from_env()?;
    let demo = matches!(
        cli.command,
        Command::Serve { demo: true } | Command::Seed { demo: true, .. }
    );
    startup::refuse_demo_in_production(&config, demo)?;
    let (url, cluster) = startup::database(&config)?;
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
                startup::seed_demo(&url, &config)?;
            }
            match bench {
                Some(n) => startup::seed_bench(&url, &config, n),
                None => Ok(()),
            }
        }
        Command::Serve { demo } => {
            if demo {
                startup::seed_demo(&url, &config)?;
            }
            startup::serve(&url, config).await
        }
    };
    // The embedded cluster stops when `cluster` is dropped, after the server and worker.
    drop(cluster);
    result
}
