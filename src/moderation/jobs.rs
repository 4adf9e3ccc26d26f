//! The moderation job: a restriction or suspension ending at its time.

use serde::{Deserialize, Serialize};

use crate::jobs::{Db, Job, Meta};

/// Queued by `rules::decide` for the sanction's end; finds it reversed or lifted and
/// does nothing, or lifts it.
#[derive(Serialize, Deserialize)]
pub struct LiftSanction {
    pub decision_id: i64,
}

impl Job for LiftSanction {
    const KIND: &'static str = "moderation_lift";
    type Env = Db;

    async fn run(self, db: &Db, _: Meta) -> anyhow::Result<()> {
        let id = self.decision_id;
        db.transaction(move |conn| Ok(super::rules::lift_if_due(conn, id)?))
            .await?;
        Ok(())
    }
}
