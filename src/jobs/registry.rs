//! Typed jobs. A job is a struct with a kind name and a serde payload; the feature that
//! owns it says how it runs (`Job::run`), and start-up registers it in one line
//! (`registry.add::<SomeJob>(env)`). The worker only looks kinds up here: it knows no
//! feature. A kind nobody registered fails like a failing job (logged as an error,
//! retried with backoff, then failed for good) so a row queued by a newer version is not
//! lost on a rolling deploy but is never silently dropped.

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use diesel::{PgConnection, QueryResult};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::config::Config;
use crate::db::{self, DbPool};
use crate::error::AppError;

/// What a job may know about its queue row.
#[derive(Clone, Copy, Debug)]
pub struct Meta {
    pub id: i64,
}

pub trait Job: Serialize + DeserializeOwned + Send + 'static {
    /// The `jobs.kind` string; never rename one, queued rows carry it.
    const KIND: &'static str;
    /// What running it needs besides the payload (a pool, a provider, storage).
    type Env: Send + Sync + 'static;

    fn run(self, env: &Self::Env, meta: Meta) -> impl Future<Output = anyhow::Result<()>> + Send;

    /// Called in the transaction that records a failed attempt (`last`: no retry left),
    /// for a job whose own rows mirror its state (an email's status).
    fn failed(&self, _conn: &mut PgConnection, _error: &str, _last: bool) -> QueryResult<()> {
        Ok(())
    }
}

type BoxFuture = Pin<Box<dyn Future<Output = anyhow::Result<()>> + Send>>;
type RunFn = Arc<dyn Fn(serde_json::Value, Meta) -> BoxFuture + Send + Sync>;
type FailedFn =
    Arc<dyn Fn(&mut PgConnection, &serde_json::Value, &str, bool) -> QueryResult<()> + Send + Sync>;

struct Entry {
    run: RunFn,
    failed: FailedFn,
}

/// The kinds this process runs.
#[derive(Default, Clone)]
pub struct Registry {
    kinds: BTreeMap<&'static str, Arc<Entry>>,
}

impl Registry {
    /// Registers `J`, run with `env`. A kind registered twice is a start-up bug.
    pub fn add<J: Job>(&mut self, env: Arc<J::Env>) -> &mut Self {
        let run: RunFn = Arc::new(move |payload: serde_json::Value, meta: Meta| -> BoxFuture {
            let env = env.clone();
            Box::pin(async move {
                let job: J = serde_json::from_value(payload)
                    .map_err(|e| anyhow::anyhow!("bad {} payload: {e}", J::KIND))?;
                job.run(&env, meta).await
            })
        });
        let failed: FailedFn = Arc::new(
            |conn: &mut PgConnection, payload: &serde_json::Value, error: &str, last: bool| {
                match serde_json::from_value::<J>(payload.clone()) {
                    Ok(job) => job.failed(conn, error, last),
                    Err(_) => Ok(()),
                }
            },
        );
        let old = self.kinds.insert(J::KIND, Arc::new(Entry { run, failed }));
        assert!(old.is_none(), "job kind {} registered twice", J::KIND);
        self
    }

    pub fn kinds(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.kinds.keys().copied()
    }

    /// Runs one job; an unregistered kind is an error naming it.
    pub async fn run(
        &self,
        kind: &str,
        payload: serde_json::Value,
        meta: Meta,
    ) -> anyhow::Result<()> {
        let Some(entry) = self.kinds.get(kind).cloned() else {
            tracing::error!(job.id = meta.id, job.kind = %kind, "no handler registered for this job kind");
            anyhow::bail!("unknown job kind {kind}");
        };
        (entry.run)(payload, meta).await
    }

    /// The job's own bookkeeping of a failed attempt (see `Job::failed`).
    pub fn failed(
        &self,
        conn: &mut PgConnection,
        kind: &str,
        payload: &serde_json::Value,
        error: &str,
        last: bool,
    ) -> QueryResult<()> {
        match self.kinds.get(kind) {
            Some(entry) => (entry.failed)(conn, payload, error, last),
            None => Ok(()),
        }
    }
}

/// The database as jobs use it: one transaction with the worker's statement budget.
pub struct Db {
    pub pool: DbPool,
    pub config: Arc<Config>,
}

impl Db {
    pub async fn transaction<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut PgConnection) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        db::transaction_long(&self.pool, self.config.worker_statement_timeout, f).await
    }
}

type UpkeepFn = Arc<dyn Fn(&mut PgConnection) -> Result<(), AppError> + Send + Sync>;

/// Upkeep the worker runs every `every` (pruning counters, rebuilding the search
/// vocabulary, sweeping abandoned uploads), each in its own transaction.
pub struct Periodic {
    pub name: &'static str,
    pub every: Duration,
    pub run: UpkeepFn,
}

impl Periodic {
    pub fn new(
        name: &'static str,
        every: Duration,
        run: impl Fn(&mut PgConnection) -> Result<(), AppError> + Send + Sync + 'static,
    ) -> Periodic {
        Periodic {
            name,
            every,
            run: Arc::new(run),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use std::sync::atomic::{AtomicI64, Ordering};

    #[derive(Serialize, Deserialize)]
    struct Add {
        n: i64,
    }

    impl Job for Add {
        const KIND: &'static str = "test_add";
        type Env = AtomicI64;

        async fn run(self, env: &AtomicI64, _: Meta) -> anyhow::Result<()> {
            env.fetch_add(self.n, Ordering::SeqCst);
            Ok(())
        }
    }

    #[actix_web::test]
    async fn a_registered_kind_runs_with_its_payload_and_an_unknown_one_fails() {
        let total = Arc::new(AtomicI64::new(0));
        let mut registry = Registry::default();
        registry.add::<Add>(total.clone());
        let meta = Meta { id: 1 };
        registry
            .run("test_add", serde_json::json!({ "n": 5 }), meta)
            .await
            .map_err(|e| e.to_string())
            .expect("a registered kind runs");
        assert_eq!(total.load(Ordering::SeqCst), 5);
        let bad = registry.run("test_add", serde_json::json!({}), meta).await;
        assert!(bad.is_err(), "a payload without its fields is an error");
        let unknown = registry
            .run("test_nobody", serde_json::json!({}), meta)
            .await;
        assert_eq!(
            unknown.map_err(|e| e.to_string()).err().as_deref(),
            Some("unknown job kind test_nobody")
        );
        assert_eq!(total.load(Ordering::SeqCst), 5);
    }

    #[test]
    #[should_panic(expected = "registered twice")]
    fn a_kind_registered_twice_stops_start_up() {
        let mut registry = Registry::default();
        registry.add::<Add>(Arc::new(AtomicI64::new(0)));
        registry.add::<Add>(Arc::new(AtomicI64::new(0)));
    }
}
