//! The orders feature's jobs: the timeouts of orders and disputes, sandbox payment
//! callbacks, and the provider calls that follow a refund or a replaced payment. Each
//! is registered once at start-up; the kind strings are those queued rows carry.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::payments::{self, PaymentProvider};
use super::{disputes, state};
use crate::error::AppError;
use crate::jobs::{Db, Job, Meta};

/// A job on one order, re-checked against its state when it runs (a job finding its
/// order moved on does nothing).
macro_rules! order_job {
    ($(#[$doc:meta])* $name:ident, $kind:expr, $step:path) => {
        $(#[$doc])*
        #[derive(Serialize, Deserialize)]
        pub struct $name {
            pub order_id: i64,
        }

        impl Job for $name {
            const KIND: &'static str = $kind;
            type Env = Db;

            async fn run(self, db: &Db, _: Meta) -> anyhow::Result<()> {
                let (cfg, id) = (db.config.clone(), self.order_id);
                db.transaction(move |conn| Ok($step(conn, &cfg, id)?)).await?;
                Ok(())
            }
        }
    };
}

order_job!(
    /// An unpaid order's time ran out.
    Expire,
    state::EXPIRE_JOB,
    state::expire
);
order_job!(
    /// A paid order the seller did not ship in time.
    CancelIfLate,
    state::LATE_JOB,
    state::cancel_if_late
);
order_job!(
    /// Reminds the seller to ship.
    Remind,
    state::REMIND_JOB,
    state::remind
);
order_job!(
    /// Confirms a delivered order the buyer did not confirm.
    AutoConfirm,
    state::AUTO_CONFIRM_JOB,
    state::auto_confirm
);
order_job!(
    /// Makes a dispute's decision final when nobody appealed it.
    FinalizeDispute,
    disputes::FINAL_JOB,
    disputes::finalize_if_due
);

/// The sandbox provider's callback, delivered like a webhook but from the queue.
#[derive(Serialize, Deserialize)]
#[serde(transparent)]
pub struct SandboxEvent(pub serde_json::Value);

impl Job for SandboxEvent {
    const KIND: &'static str = payments::SANDBOX_EVENT_JOB;
    type Env = Db;

    async fn run(self, db: &Db, _: Meta) -> anyhow::Result<()> {
        let cfg = db.config.clone();
        db.transaction(move |conn| {
            let event = payments::sandbox::event_from_json(&self.0).ok_or(AppError::BadRequest)?;
            super::payment_events::apply(conn, &cfg, "sandbox", &event)?;
            Ok(())
        })
        .await?;
        Ok(())
    }
}

/// What the payment jobs need: the database and the configured provider.
pub struct Provider {
    pub db: Db,
    pub provider: Arc<dyn PaymentProvider>,
}

/// Sends a refund to the payment provider; the ledger already moved the money out of
/// escrow when the refund was decided. Providers make this idempotent (Stripe by the
/// idempotency key), so a retry after a lost answer refunds once.
#[derive(Serialize, Deserialize)]
pub struct Refund {
    pub payment_id: i64,
    pub amount: i64,
    pub key: Option<String>,
}

impl Job for Refund {
    const KIND: &'static str = payments::REFUND_JOB;
    type Env = Provider;

    async fn run(self, env: &Provider, meta: Meta) -> anyhow::Result<()> {
        let key = self
            .key
            .unwrap_or_else(|| format!("refund-job-{}", meta.id));
        let id = self.payment_id;
        let payment = env
            .db
            .transaction(move |conn| Ok(payments::find(conn, id)?))
            .await?;
        env.provider
            .refund(&payment, self.amount, &key)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))
    }
}

/// Closes a replaced or abandoned payment at the provider (Stripe: expires its Checkout
/// Session), so the buyer cannot pay it any more.
#[derive(Serialize, Deserialize)]
pub struct Close {
    pub payment_id: i64,
}

impl Job for Close {
    const KIND: &'static str = payments::CLOSE_JOB;
    type Env = Provider;

    async fn run(self, env: &Provider, _: Meta) -> anyhow::Result<()> {
        let id = self.payment_id;
        let payment = env
            .db
            .transaction(move |conn| Ok(payments::find(conn, id)?))
            .await?;
        // A payment of a provider no longer configured cannot be reached from here.
        if payment.provider != env.provider.name() {
            return Ok(());
        }
        env.provider
            .close(&payment)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))
    }
}
