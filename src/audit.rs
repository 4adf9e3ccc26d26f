//! The audit log: every moderator and admin action, with who, what, why, when and the
//! state before and after. A shared layer like `jobs` and `mail`: features record their
//! own actions here in the transaction of the action, so an action and its row commit
//! together or not at all. Rows are never changed or deleted (a trigger refuses it).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::PgConnection;
use serde_json::Value;

use crate::db::schema::audit_log;
use crate::web::auth::User;

/// One action about to be recorded. `action` and `subject_kind` are the owning feature's
/// names (`"listing.hide"`, `"listing"`), kept stable because the log outlives the code.
pub struct Entry<'a> {
    pub actor: &'a User,
    pub action: &'a str,
    pub subject_kind: &'a str,
    pub subject_id: i64,
    pub reason: &'a str,
    pub before: Value,
    pub after: Value,
}

/// Adds the row in the caller's transaction.
pub fn record(conn: &mut PgConnection, entry: Entry<'_>) -> QueryResult<()> {
    let row = Fields {
        action: entry.action,
        subject_kind: entry.subject_kind,
        subject_id: entry.subject_id,
        reason: entry.reason,
        before: entry.before,
        after: entry.after,
    };
    insert(conn, Some(entry.actor.id), entry.actor.role.as_str(), row)
}

/// The `actor_role` of an action taken on the command line (`pasar admin ...`): whoever
/// may run the binary against the database, with no account behind them.
pub const COMMAND_LINE: &str = "cli";

/// An action nobody signed in took: `source` (such as [`COMMAND_LINE`]) stands in the
/// actor's role and the actor id stays empty.
pub struct SystemEntry<'a> {
    pub source: &'a str,
    pub action: &'a str,
    pub subject_kind: &'a str,
    pub subject_id: i64,
    pub reason: &'a str,
    pub before: Value,
    pub after: Value,
}

/// Adds a row without an actor account, in the caller's transaction.
pub fn record_system(conn: &mut PgConnection, entry: SystemEntry<'_>) -> QueryResult<()> {
    let row = Fields {
        action: entry.action,
        subject_kind: entry.subject_kind,
        subject_id: entry.subject_id,
        reason: entry.reason,
        before: entry.before,
        after: entry.after,
    };
    insert(conn, None, entry.source, row)
}

struct Fields<'a> {
    action: &'a str,
    subject_kind: &'a str,
    subject_id: i64,
    reason: &'a str,
    before: Value,
    after: Value,
}

fn insert(
    conn: &mut PgConnection,
    actor_id: Option<i64>,
    actor_role: &str,
    row: Fields<'_>,
) -> QueryResult<()> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::actor_id.eq(actor_id),
            audit_log::actor_role.eq(actor_role),
            audit_log::action.eq(row.action),
            audit_log::subject_kind.eq(row.subject_kind),
            audit_log::subject_id.eq(row.subject_id),
            audit_log::reason.eq(row.reason),
            audit_log::before.eq(row.before),
            audit_log::after.eq(row.after),
        ))
        .execute(conn)
        .map(|_| ())
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_log)]
pub struct Row {
    pub id: i64,
    pub actor_id: Option<i64>,
    pub actor_role: String,
    pub action: String,
    pub subject_kind: String,
    pub subject_id: i64,
    pub reason: String,
    pub before: Value,
    pub after: Value,
    pub created_at: DateTime<Utc>,
}

/// Which rows a reader wants: all, or those about one subject or by one actor.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub subject: Option<(String, i64)>,
    pub actor_id: Option<i64>,
}

/// Newest first, `limit` rows older than `before_id` (keyset paging).
pub fn page(
    conn: &mut PgConnection,
    filter: &Filter,
    before_id: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<Row>> {
    let mut query = audit_log::table
        .select(Row::as_select())
        .order(audit_log::id.desc())
        .limit(limit)
        .into_boxed();
    if let Some((kind, id)) = &filter.subject {
        query = query
            .filter(audit_log::subject_kind.eq(kind.clone()))
            .filter(audit_log::subject_id.eq(*id));
    }
    if let Some(actor) = filter.actor_id {
        query = query.filter(audit_log::actor_id.eq(actor));
    }
    if let Some(before) = before_id {
        query = query.filter(audit_log::id.lt(before));
    }
    query.load(conn)
}
