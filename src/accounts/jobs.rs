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
        let (grace, user_id) = (env.db.config.deletion_grace, self.user_id);
        let purged = env
            .db
            .transaction(move |conn| Ok(deletion::purge_if_due(conn, user_id, grace)?))
            .await?;
        // The files go only once the rows are gone for good.
        if let Some(keys) = purged {
            deletion::delete_photo_files(env.storage.as_ref(), &keys);
            tracing::info!(user.id = user_id, "account deleted after its grace period");
        }
        Ok(())
    }
}
