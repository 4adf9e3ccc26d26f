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

/// Files the scam signals members published anyway as automated notices, and marks
/// them filed, in one transaction (a flag is filed once, even with two workers: the
/// open flags are taken with SKIP LOCKED). Flags of review texts wait until reviews
/// can be reported. Returns how many were filed.
pub fn file_open_flags(conn: &mut PgConnection) -> Result<usize, super::Error> {
    use diesel::Connection;

    use crate::signals::flags::SubjectKind;
    use crate::signals::for_moderation;
    conn.transaction(|conn| {
        let flags = for_moderation::open_flags(conn)?;
        let mut filed = Vec::new();
        for flag in flags {
            let target = match flag.subject.kind {
                SubjectKind::Listing => Target {
                    kind: TargetKind::Listing,
                    id: flag.subject.id,
                },
                SubjectKind::Review => continue,
            };
            file_automated(conn, target, Reason::Scam, &flag.excerpt())?;
            filed.push(flag.id);
        }
        for_moderation::mark_filed(conn, &filed)?;
        Ok(filed.len())
    })
}
