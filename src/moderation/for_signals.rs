//! What the scam signals feature files: an automated notice, grouped into the target's
//! open case like any report, with no reporter to write back to.

use diesel::PgConnection;

pub use super::model::{Reason, Target, TargetKind};

/// Files an automated notice about `target`; the case id, or `None` when the target is
/// not public (nothing to moderate). Opens its own transaction (a savepoint inside the
/// caller's).
pub fn file_automated(
    conn: &mut PgConnection,
    target: Target,
    reason: Reason,
    excerpt: &str,
) -> Result<Option<i64>, super::Error> {
    super::rules::file_automated(conn, target, reason, excerpt)
}
