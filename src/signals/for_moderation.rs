//! What moderation needs of the signals: the flags waiting for its queue, and marking
//! them taken. Moderation never reads `signal_flags` itself; the start-up code (or a job
//! of moderation's) files each open flag through `moderation::for_signals::file_automated`
//! and marks it filed in the same transaction, so none is lost or filed twice.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::flags::{Subject, SubjectKind};
use super::{Finding, FindingKind};
use crate::db::schema::signal_flags;

/// A flag not yet in the moderators' queue.
#[derive(Clone, Debug)]
pub struct OpenFlag {
    pub id: i64,
    pub subject: Subject,
    pub author_id: i64,
    pub findings: Vec<Finding>,
    pub created_at: DateTime<Utc>,
}

impl OpenFlag {
    /// The kinds found, for the reason of an automated report ("phone, off_site").
    pub fn kinds(&self) -> Vec<FindingKind> {
        let mut kinds: Vec<FindingKind> = Vec::new();
        for f in &self.findings {
            if !kinds.contains(&f.kind) {
                kinds.push(f.kind);
            }
        }
        kinds
    }

    /// What was found, as the author wrote it, one finding a line ("phone: 0812…").
    pub fn excerpt(&self) -> String {
        self.findings
            .iter()
            .map(|f| format!("{}: {}", f.kind, f.excerpt))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The most flags one call hands over; the rest wait for the next.
const BATCH: i64 = 200;

/// Open flags, oldest first, locked for this transaction (a second worker skips them),
/// at most `BATCH`.
pub fn open_flags(conn: &mut PgConnection) -> QueryResult<Vec<OpenFlag>> {
    let rows: Vec<(i64, SubjectKind, i64, i64, serde_json::Value, DateTime<Utc>)> =
        signal_flags::table
            .filter(signal_flags::filed_at.is_null())
            .order(signal_flags::id)
            .limit(BATCH)
            .for_update()
            .skip_locked()
            .select((
                signal_flags::id,
                signal_flags::subject_kind,
                signal_flags::subject_id,
                signal_flags::author_id,
                signal_flags::findings,
                signal_flags::created_at,
            ))
            .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, kind, subject_id, author_id, findings, created_at)| OpenFlag {
                id,
                subject: Subject {
                    kind,
                    id: subject_id,
                },
                author_id,
                // Written by `flags::record` from the same type; a row that does not read
                // back still goes to moderators, with what could be read.
                findings: serde_json::from_value(findings).unwrap_or_default(),
                created_at,
            },
        )
        .collect())
}

/// Marks flags as taken into the moderators' queue.
pub fn mark_filed(conn: &mut PgConnection, ids: &[i64]) -> QueryResult<usize> {
    diesel::update(signal_flags::table.filter(signal_flags::id.eq_any(ids)))
        .filter(signal_flags::filed_at.is_null())
        .set(signal_flags::filed_at.eq(diesel::dsl::now))
        .execute(conn)
}
