//! The `pasar` command: `serve`, `migrate`, `seed --demo`, `seed --bench N`,
//! `admin create-user`, `admin set-role`. Without
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
    /// Accounts and roles from the command line (the first admin comes from here).
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Creates a verified account and prints a one-time link to set its password.
    CreateUser {
        #[arg(long)]
        email: String,
        /// admin, moderator or member.
        #[arg(long)]
        role: String,
        /// The display name (default: the address before the @).
        #[arg(long)]
        name: Option<String>,
    },
    /// Gives an existing account a role (written to the audit log).
    SetRole {
        #[arg(long)]
        email: String,
        /// admin, moderator or member.
        #[arg(long)]
        role: String,
        /// Why, for the audit log.
        #[arg(long, default_value = "set on the command line")]
        reason: String,
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
        Command::Admin { command } => match command {
            AdminCommand::CreateUser { email, role, name } => {
                startup::admin_create_user(&url, &config, &email, &role, name.as_deref())
            }
            AdminCommand::SetRole {
                email,
                role,
                reason,
            } => startup::admin_set_role(&url, &email, &role, &reason),
        },
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
