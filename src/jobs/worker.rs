//! The worker loop inside each `serve` process: claims due jobs and runs them until told
//! to stop. Jobs: deliver an outbox email, purge an account whose grace period ended,
//! the timeouts of orders and disputes, sandbox payment callbacks, provider refunds.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::watch;

use super::queue::{self, Job};
use crate::config::Config;
use crate::db::{self, DbPool};
use crate::mail::{outbox, transport::Transport};
use crate::web::AppError;

/// Photos of a listing form nobody saved are deleted after this.
const ABANDONED_AFTER: Duration = Duration::from_secs(24 * 3600);

pub struct Worker {
    pub pool: DbPool,
    pub config: Arc<Config>,
    pub transport: Transport,
    pub payments: Arc<dyn crate::orders::payments::PaymentProvider>,
    pub storage: Arc<dyn crate::listings::storage::Storage>,
}

impl Worker {
    /// Runs until `stop` turns true; a job under way is finished first.
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        tracing::info!("job worker started");
        let mut last_prune = Instant::now();
        let mut last_words = Instant::now();
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
            if last_prune.elapsed() > Duration::from_secs(600) {
                last_prune = Instant::now();
                let _ = db::transaction_long(
                    &self.pool,
                    self.config.worker_statement_timeout,
                    |conn| Ok(crate::web::rate_limit::prune(conn)?),
                )
                .await;
            }
            if last_words.elapsed() > Duration::from_secs(3600) {
                last_words = Instant::now();
                let r = db::transaction_long(
                    &self.pool,
                    self.config.worker_statement_timeout,
                    |conn| Ok(crate::listings::search::refresh_search_words(conn)?),
                )
                .await;
                if let Err(e) = r {
                    tracing::warn!(error = %e, "could not rebuild the search vocabulary");
                }
                let storage = self.storage.clone();
                let swept = db::transaction_long(
                    &self.pool,
                    self.config.worker_statement_timeout,
                    move |conn| {
                        Ok(crate::listings::photos::sweep_abandoned(
                            conn,
                            storage.as_ref(),
                            ABANDONED_AFTER,
                        )?)
                    },
                )
                .await;
                match swept {
                    Ok(n) if n > 0 => {
                        tracing::info!(photos = n, "photos of abandoned forms deleted")
                    }
                    Ok(_) => {}
                    Err(e) => tracing::warn!(error = %e, "could not sweep abandoned photos"),
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
        let result = match job.kind.as_str() {
            queue::SEND_EMAIL => self.send_email(&job).await,
            queue::PURGE_ACCOUNT => self.purge_account(&job).await,
            crate::orders::payments::REFUND_JOB => self.refund(&job).await,
            crate::orders::payments::CLOSE_JOB => self.close_payment(&job).await,
            kind if crate::orders::runs_job(kind) => {
                let cfg = self.config.clone();
                let (kind, payload) = (job.kind.clone(), job.payload.clone());
                db::transaction_long(
                    &self.pool,
                    self.config.worker_statement_timeout,
                    move |conn| crate::orders::run_job(conn, &cfg, &kind, &payload),
                )
                .await
                .map_err(|e| e.to_string())
            }
            other => Err(format!("unknown job kind {other}")),
        };
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
                let email_id = email_id(&job);
                let err2 = error.clone();
                let res = db::transaction_long(
                    &self.pool,
                    self.config.worker_statement_timeout,
                    move |conn| {
                        let last = queue::fail(conn, &job2, &err2, backoff, max)?;
                        if let Some(eid) = email_id {
                            outbox::mark_attempt_failed(conn, eid, &err2, last)?;
                        }
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

    async fn send_email(&self, job: &Job) -> Result<(), String> {
        let id = email_id(job).ok_or("payload has no email_id")?;
        let email = db::transaction_long(
            &self.pool,
            self.config.worker_statement_timeout,
            move |conn| Ok(outbox::find(conn, id)?),
        )
        .await
        .map_err(|e| e.to_string())?;
        if email.status == "sent" {
            return Ok(());
        }
        self.transport.send(&self.config.mail_from, &email).await?;
        db::transaction_long(
            &self.pool,
            self.config.worker_statement_timeout,
            move |conn| Ok(outbox::mark_sent(conn, id)?),
        )
        .await
        .map_err(|e: AppError| e.to_string())?;
        tracing::info!(email.id = id, email.kind = %email.kind, "email sent");
        Ok(())
    }

    async fn purge_account(&self, job: &Job) -> Result<(), String> {
        let user_id = job
            .payload
            .get("user_id")
            .and_then(|v| v.as_i64())
            .ok_or("no user_id")?;
        let grace = self.config.deletion_grace;
        let storage = self.storage.clone();
        let purged = db::transaction_long(
            &self.pool,
            self.config.worker_statement_timeout,
            move |conn| {
                Ok(crate::accounts::deletion::purge_if_due(
                    conn,
                    storage.as_ref(),
                    user_id,
                    grace,
                )?)
            },
        )
        .await
        .map_err(|e| e.to_string())?;
        if purged {
            tracing::info!(user.id = user_id, "account deleted after its grace period");
        }
        Ok(())
    }
}

impl Worker {
    /// Sends a refund to the payment provider; the ledger already moved the money out
    /// of escrow when the refund was decided. Providers make this idempotent (Stripe by
    /// the idempotency key), so a retry after a lost answer refunds once.
    async fn refund(&self, job: &Job) -> Result<(), String> {
        let payment_id = job
            .payload
            .get("payment_id")
            .and_then(|v| v.as_i64())
            .ok_or("no payment_id")?;
        let amount = job
            .payload
            .get("amount")
            .and_then(|v| v.as_i64())
            .ok_or("no amount")?;
        let key = job
            .payload
            .get("key")
            .and_then(|v| v.as_str())
            .map(str::to_string)
            .unwrap_or_else(|| format!("refund-job-{}", job.id));
        let payment = db::transaction_long(
            &self.pool,
            self.config.worker_statement_timeout,
            move |conn| Ok(crate::orders::payments::find(conn, payment_id)?),
        )
        .await
        .map_err(|e| e.to_string())?;
        self.payments
            .refund(&payment, amount, &key)
            .await
            .map_err(|e| e.to_string())
    }
}

impl Worker {
    /// Closes a replaced or abandoned payment at the provider (Stripe: expires its
    /// Checkout Session), so the buyer cannot pay it any more.
    async fn close_payment(&self, job: &Job) -> Result<(), String> {
        let payment_id = job
            .payload
            .get("payment_id")
            .and_then(|v| v.as_i64())
            .ok_or("no payment_id")?;
        let payment = db::transaction_long(
            &self.pool,
            self.config.worker_statement_timeout,
            move |conn| Ok(crate::orders::payments::find(conn, payment_id)?),
        )
        .await
        .map_err(|e| e.to_string())?;
        // A payment of a provider no longer configured cannot be reached from here.
        if payment.provider != self.payments.name() {
            return Ok(());
        }
        self.payments
            .close(&payment)
            .await
            .map_err(|e| e.to_string())
    }
}

fn email_id(job: &Job) -> Option<i64> {
    if job.kind == queue::SEND_EMAIL {
        job.payload.get("email_id").and_then(|v| v.as_i64())
    } else {
        None
    }
}
