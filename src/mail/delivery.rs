//! Delivering the outbox: how the `send_email` job runs (one per email).

use diesel::OptionalExtension;

use super::outbox::{self, SendEmail};
use super::transport::Transport;
use crate::jobs::{Db, Job, Meta};

/// What delivery needs: the database and the mail transport.
pub struct Delivery {
    pub db: Db,
    pub transport: Transport,
}

impl Job for SendEmail {
    const KIND: &'static str = "send_email";
    type Env = Delivery;

    async fn run(self, env: &Delivery, _: Meta) -> anyhow::Result<()> {
        let id = self.email_id;
        let email = env
            .db
            .transaction(move |conn| Ok(outbox::find(conn, id).optional()?))
            .await?;
        // The row goes when its account is purged (the address must not outlive the
        // account), which can happen before this job runs: nothing is left to send.
        let Some(email) = email else {
            tracing::info!(
                email.id = id,
                "email withdrawn before sending: its row is gone"
            );
            return Ok(());
        };
        if email.status == "sent" {
            return Ok(());
        }
        env.transport
            .send(&env.db.config.mail_from, &email)
            .await
            .map_err(|e| anyhow::anyhow!(e))?;
        env.db
            .transaction(move |conn| Ok(outbox::mark_sent(conn, id)?))
            .await?;
        tracing::info!(email.id = id, email.kind = %email.kind, "email sent");
        Ok(())
    }

    /// The email's own row shows the attempt (admins see emails that failed for good).
    fn failed(
        &self,
        conn: &mut diesel::PgConnection,
        error: &str,
        last: bool,
    ) -> diesel::QueryResult<()> {
        outbox::mark_attempt_failed(conn, self.email_id, error, last)
    }
}
