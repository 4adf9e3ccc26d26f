//! How the accounts feature's job runs: purging an account whose grace period ended.

use std::sync::Arc;

use super::deletion::{self, PurgeAccount};
use crate::jobs::{Db, Job, Meta};
use crate::storage::Storage;

/// What a purge needs: the database and the photo files to delete.
pub struct Purge {
    pub db: Db,
    pub storage: Arc<dyn Storage>,
}

impl Job for PurgeAccount {
    const KIND: &'static str = "purge_account";
    type Env = Purge;

    async fn run(self, env: &Purge, _: Meta) -> anyhow::Result<()> {
        let (grace, storage, user_id) = (
            env.db.config.deletion_grace,
            env.storage.clone(),
            self.user_id,
        );
        let purged = env
            .db
            .transaction(move |conn| {
                Ok(deletion::purge_if_due(
                    conn,
                    storage.as_ref(),
                    user_id,
                    grace,
                )?)
            })
            .await?;
        if purged {
            tracing::info!(user.id = user_id, "account deleted after its grace period");
        }
        Ok(())
    }
}
