//! The flags moderators get: what a member chose to publish although the warning named
//! it. The one table of this feature (`signal_flags`); other features write to it through
//! `record`, in the transaction of the save it belongs to.

use diesel::prelude::*;

use super::Finding;
use crate::db::schema::signal_flags;

crate::text_enum! {
    /// What a flag is about.
    pub enum SubjectKind {
        Listing = "listing",
        Review = "review",
    }
}

/// The thing a flag is about: a listing or a review, by id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Subject {
    pub kind: SubjectKind,
    pub id: i64,
}

impl Subject {
    pub fn listing(id: i64) -> Subject {
        Subject {
            kind: SubjectKind::Listing,
            id,
        }
    }

    pub fn review(id: i64) -> Subject {
        Subject {
            kind: SubjectKind::Review,
            id,
        }
    }
}

/// Records a flag for moderators; nothing when there are no findings, or when the same
/// findings of the same subject already wait in the queue (saving the same text again
/// is one flag, not one per save). Runs in the caller's transaction: the flag exists
/// exactly when the save does. Gives the new flag's id.
pub fn record(
    conn: &mut PgConnection,
    subject: Subject,
    author_id: i64,
    findings: &[Finding],
) -> QueryResult<Option<i64>> {
    if findings.is_empty() {
        return Ok(None);
    }
    let json = serde_json::to_value(findings)
        .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))?;
    let waiting: i64 = signal_flags::table
        .filter(signal_flags::subject_kind.eq(subject.kind))
        .filter(signal_flags::subject_id.eq(subject.id))
        .filter(signal_flags::filed_at.is_null())
        .filter(signal_flags::findings.eq(&json))
        .count()
        .get_result(conn)?;
    if waiting > 0 {
        return Ok(None);
    }
    diesel::insert_into(signal_flags::table)
        .values((
            signal_flags::subject_kind.eq(subject.kind),
            signal_flags::subject_id.eq(subject.id),
            signal_flags::author_id.eq(author_id),
            signal_flags::findings.eq(json),
        ))
        .returning(signal_flags::id)
        .get_result(conn)
        .map(Some)
}
