//! `crowd`: the load generator of `bench/crowd.sh` and the bare reference server it
//! compares Pasar with.
//!
//!   crowd load  --addr HOST:PORT --lists DIR [--mix crowd|ref] [--connections 64]
//!               [--duration 20] [--warmup 5] [--writes OPS_PER_S] [--report FILE]
//!   crowd reference --addr HOST:PORT --db URL [--pool 8] [--workers 2]
//!
//! `--lists DIR` holds what the script drew from the database: `ids` (active listings),
//! `words` (search vocabulary), `slugs` (categories), `sellers` (bench seller ids, for the
//! reference), `buyable` (listings the write stream buys) and `buyers` (emails it signs
//! in with).

mod args;
mod load;
mod paths;
mod reference;
mod stats;
mod writes;

fn main() -> anyhow::Result<()> {
    let mut args = args::Args::from_env();
    match args.command.as_deref() {
        Some("load") => load::main(&mut args),
        Some("reference") => reference::main(&mut args),
        _ => {
            eprintln!("usage: crowd load|reference [options] (see bench/README.md)");
            std::process::exit(2)
        }
    }
}
