//! The embedded default database: a private PostgreSQL cluster under `$PASAR_DATA/postgres`
//! built from the system's Postgres binaries, reachable only through a unix socket.
//! As root the cluster runs as the `postgres` user, since Postgres refuses root.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use anyhow::{bail, Context};

/// Debian/Ubuntu package that provides `initdb` and `pg_ctl`.
pub const POSTGRES_PACKAGE: &str = "postgresql";

#[derive(Debug)]
pub struct Cluster {
    bin: PathBuf,
    data: PathBuf,
    socket_dir: PathBuf,
    log: PathBuf,
    as_postgres_user: bool,
    /// Only a cluster this process started is stopped by it.
    started_here: bool,
}

impl Cluster {
    /// Creates the cluster on first use and starts it unless it already runs.
    pub fn start(root: &Path) -> anyhow::Result<Cluster> {
        let bin = find_binaries()?;
        let as_postgres_user = nix::unistd::geteuid().is_root();
        std::fs::create_dir_all(root)
            .with_context(|| format!("cannot create {}", root.display()))?;
        let root = root
            .canonicalize()
            .with_context(|| format!("cannot resolve {}", root.display()))?;
        let data = root.join("data");
        // A unix socket path must fit in 107 bytes; deep checkouts fall back to /tmp.
        let mut socket_dir = root.join("run");
        if socket_dir.as_os_str().len() > 80 {
            socket_dir = std::env::temp_dir().join(format!("pasar-pg-{:x}", short_hash(&root)));
        }
        std::fs::create_dir_all(&socket_dir)?;
        let mut cluster = Cluster {
            bin,
            log: root.join("server.log"),
            data,
            socket_dir,
            as_postgres_user,
            started_here: false,
        };
        if as_postgres_user {
            cluster.hand_to_postgres(&root)?;
        }
        if !cluster.data.join("PG_VERSION").exists() {
            cluster.initdb()?;
        }
        if !cluster.is_running() {
            cluster.pg_ctl_start()?;
            cluster.started_here = true;
        }
        Ok(cluster)
    }

    /// A libpq URL for database `db` over the private socket.
    pub fn url(&self, db: &str) -> String {
        format!(
            "postgres://postgres@/{db}?host={}",
            self.socket_dir.display()
        )
    }

    pub fn started_here(&self) -> bool {
        self.started_here
    }

    /// Leaves the cluster running when this handle is dropped (tests share one cluster).
    pub fn keep_running(&mut self) {
        self.started_here = false;
    }

    pub fn is_running(&self) -> bool {
        self.pg_ctl(&["status", "-D", &self.data.display().to_string()])
            .map(|o| o.status.success())
            .unwrap_or(false)
    }

    /// Stops the cluster (fast shutdown: open sessions are ended, data is safe).
    pub fn stop(&mut self) -> anyhow::Result<()> {
        if self.started_here {
            let out = self.pg_ctl(&[
                "stop",
                "-D",
                &self.data.display().to_string(),
                "-m",
                "fast",
                "-w",
            ])?;
            self.started_here = false;
            if !out.status.success() {
                bail!(
                    "pg_ctl stop failed: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
            tracing::info!("embedded database stopped");
        }
        Ok(())
    }

    fn hand_to_postgres(&self, root: &Path) -> anyhow::Result<()> {
        let user = nix::unistd::User::from_name("postgres")
            .ok()
            .flatten()
            .with_context(|| {
                format!(
                    "running as root needs the `postgres` user: apt-get install {POSTGRES_PACKAGE}"
                )
            })?;
        for dir in [root, &self.socket_dir] {
            nix::unistd::chown(dir, Some(user.uid), Some(user.gid))
                .with_context(|| format!("cannot hand {} to the postgres user", dir.display()))?;
        }
        // The postgres user must be able to reach the folder through its parents.
        let probe = Command::new("runuser")
            .args(["-u", "postgres", "--", "test", "-w"])
            .arg(root)
            .status()
            .context("runuser not found (package util-linux)")?;
        if !probe.success() {
            bail!(
                "the postgres user cannot reach {}: allow it to enter the parent folders \
                 (chmod o+x) or set PASAR_DATA to a folder it can reach",
                root.display()
            );
        }
        Ok(())
    }

    fn initdb(&self) -> anyhow::Result<()> {
        tracing::info!(dir = %self.data.display(), "creating the embedded database cluster");
        let out = self.command(
            "initdb",
            &[
                "-D",
                &self.data.display().to_string(),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ],
        )?;
        if !out.status.success() {
            bail!("initdb failed: {}", String::from_utf8_lossy(&out.stderr));
        }
        Ok(())
    }

    fn pg_ctl_start(&self) -> anyhow::Result<()> {
        let opts = format!(
            "-k {} -c listen_addresses='' -c max_connections=200 -c shared_buffers=128MB -c fsync=on",
            self.socket_dir.display()
        );
        let out = self.pg_ctl(&[
            "start",
            "-D",
            &self.data.display().to_string(),
            "-l",
            &self.log.display().to_string(),
            "-w",
            "-t",
            "60",
            "-o",
            &opts,
        ])?;
        if !out.status.success() {
            bail!(
                "the embedded database did not start ({}); see {}",
                String::from_utf8_lossy(&out.stderr).trim(),
                self.log.display()
            );
        }
        tracing::info!(socket = %self.socket_dir.display(), "embedded database started");
        Ok(())
    }

    fn pg_ctl(&self, args: &[&str]) -> anyhow::Result<Output> {
        self.command("pg_ctl", args)
    }

    fn command(&self, program: &str, args: &[&str]) -> anyhow::Result<Output> {
        let path = self.bin.join(program);
        let mut cmd = if self.as_postgres_user {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&path);
            c
        } else {
            Command::new(&path)
        };
        cmd.args(args)
            .stdin(std::process::Stdio::null())
            .output()
            .with_context(|| format!("cannot run {}", path.display()))
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if let Err(e) = self.stop() {
            tracing::error!(error = %e, "could not stop the embedded database");
        }
    }
}

/// Finds `initdb` and `pg_ctl`: Debian keeps them in /usr/lib/postgresql/<version>/bin,
/// outside PATH. The newest version wins.
pub fn find_binaries() -> anyhow::Result<PathBuf> {
    let mut candidates: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse::<u32>().ok()?;
            Some((version, e.path().join("bin")))
        })
        .filter(|(_, bin)| bin.join("initdb").exists() && bin.join("pg_ctl").exists())
        .collect();
    candidates.sort();
    if let Some((_, bin)) = candidates.pop() {
        return Ok(bin);
    }
    if let Some(paths) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&paths) {
            if dir.join("initdb").exists() && dir.join("pg_ctl").exists() {
                return Ok(dir);
            }
        }
    }
    bail!(
        "PostgreSQL server binaries (initdb, pg_ctl) not found: install them with \
         `sudo apt-get install {POSTGRES_PACKAGE}`, or set DATABASE_URL to an existing server"
    )
}

fn short_hash(path: &Path) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    path.hash(&mut h);
    h.finish()
}
