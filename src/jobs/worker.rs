//! The worker loop inside each `serve` process: claims due jobs and runs them through
//! the registry until told to stop, and runs the registered upkeep on its schedule. It
//! knows no job: start-up registers them (`startup::job_registry`).

use std::sync::Arc;
use std::time::Instant;

use tokio::sync::watch;

use super::queue::{self, Job};
use super::registry::{Meta, Periodic, Registry};
use crate::config::Config;
use crate::db::{self, DbPool};
use crate::error::AppError;

pub struct Worker {
    pub pool: DbPool,
    pub config: Arc<Config>,
    pub registry: Registry,
    pub periodic: Vec<Periodic>,
}

impl Worker {
    /// Runs until `stop` turns true; a job under way is finished first.
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        tracing::info!("job worker started");
        let mut last_run: Vec<Instant> = self.periodic.iter().map(|_| Instant::now()).collect();
        loop {
            if *stop.borrow() {
                break;
            }
            let claimed =
                db::transaction_long(&self.pool, self.config.worker_statement_timeout, |conn| {
                    Ok(queue::claim(conn)?)
                })
                .await;
            match claimed {
                Ok(Some(job)) => {
                    self.execute(job).await;
                    continue;
                }
                Ok(None) => {}
                // No blocking threads left: the runtime is going away, and retrying would
                // only spin until it is gone.
                Err(AppError::Internal(e)) if e.downcast_ref::<db::BlockingFailed>().is_some() => {
                    tracing::info!(reason = %e, "job worker stops");
                    break;
                }
                Err(e) => tracing::warn!(error = %e, "job worker cannot reach the database"),
            }
            for (task, last) in self.periodic.iter().zip(last_run.iter_mut()) {
                if last.elapsed() <= task.every {
                    continue;
                }
                *last = Instant::now();
                let run = task.run.clone();
                let r = db::transaction_long(
                    &self.pool,
                    self.config.worker_statement_timeout,
                    move |conn| run(conn),
                )
                .await;
                if let Err(e) = r {
                    tracing::warn!(task = task.name, error = %e, "upkeep task failed");
                }
            }
            tokio::select! {
                _ = tokio::time::sleep(self.config.job_poll) => {}
                _ = stop.changed() => {}
            }
        }
        tracing::info!("job worker stopped");
    }

    async fn execute(&self, job: Job) {
        let result = self
            .registry
            .run(&job.kind, job.payload.clone(), Meta { id: job.id })
            .await
            .map_err(|e| format!("{e:#}"));
        let backoff = self.config.job_backoff.as_secs_f64();
        let max = self.config.job_max_attempts;
        let id = job.id;
        let outcome = match result {
            Ok(()) => {
                db::transaction_long(
                    &self.pool,
                    self.config.worker_statement_timeout,
                    move |conn| Ok(queue::complete(conn, id)?),
                )
                .await
            }
            Err(error) => {
                let job2 = job.clone();
                let err2 = error.clone();
                let registry = self.registry.clone();
                let res = db::transaction_long(
                    &self.pool,
                    self.config.worker_statement_timeout,
                    move |conn| {
                        let last = queue::fail(conn, &job2, &err2, backoff, max)?;
                        registry.failed(conn, &job2.kind, &job2.payload, &err2, last)?;
                        Ok(last)
                    },
                )
                .await;
                match res {
                    Ok(true) => {
                        tracing::error!(job.id = id, job.kind = %job.kind, %error, "job failed for good")
                    }
                    Ok(false) => tracing::warn!(
                        job.id = id, job.kind = %job.kind, job.attempt = job.attempts, %error,
                        "job failed, will retry"
                    ),
                    Err(_) => {}
                }
                res.map(|_| ())
            }
        };
        if let Err(e) = outcome {
            tracing::warn!(job.id = id, error = %e, "could not record the job's outcome");
        }
    }
}
