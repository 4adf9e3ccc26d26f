//! The moderation job: a restriction or suspension ending at its time.

pub use super::model::LiftSanction;
use crate::jobs::{Db, Job, Meta};

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
