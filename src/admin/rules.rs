//! The admin's actions. Each opens its own transaction and writes its audit row in it,
//! so an action and the record of it commit together or not at all.

use diesel::prelude::*;
use serde_json::json;

use crate::accounts;
use crate::audit::{self, Entry};
use crate::jobs::queue;
use crate::mail::outbox;
use crate::web::auth::{User, UserRole};

/// What a role change came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleChange {
    Changed {
        from: UserRole,
    },
    /// The member has that role already: nothing written.
    Same,
    /// An admin does not change their own role (the last admin could lock everyone out).
    OwnAccount,
    NoSuchMember,
}

/// Gives `member` the role `role`, recording who, why and what it was.
pub fn change_role(
    conn: &mut PgConnection,
    actor: &User,
    member: i64,
    role: UserRole,
    reason: &str,
) -> QueryResult<RoleChange> {
    if member == actor.id {
        return Ok(RoleChange::OwnAccount);
    }
    conn.transaction(|conn| {
        let Some(current) = accounts::for_admin::find(conn, member)? else {
            return Ok(RoleChange::NoSuchMember);
        };
        if current.role == role {
            return Ok(RoleChange::Same);
        }
        let Some(from) = accounts::for_admin::set_role(conn, member, role)? else {
            return Ok(RoleChange::NoSuchMember);
        };
        audit::record(
            conn,
            Entry {
                actor,
                action: "user.role",
                subject_kind: "user",
                subject_id: member,
                reason,
                before: json!({ "role": from.as_str() }),
                after: json!({ "role": role.as_str() }),
            },
        )?;
        Ok(RoleChange::Changed { from })
    })
}

/// Sends a failed email again; `false` when it is no longer failed (nothing written).
pub fn retry_email(conn: &mut PgConnection, actor: &User, id: i64) -> QueryResult<bool> {
    conn.transaction(|conn| {
        let Some(before) = outbox::retry(conn, id)? else {
            return Ok(false);
        };
        audit::record(
            conn,
            Entry {
                actor,
                action: "email.retry",
                subject_kind: "email",
                subject_id: id,
                reason: "",
                before: json!({
                    "status": before.status,
                    "kind": before.kind,
                    "attempts": before.attempts,
                    "error": before.last_error,
                }),
                after: json!({ "status": "queued" }),
            },
        )?;
        Ok(true)
    })
}

/// Runs a failed job again; `false` when it is no longer failed (nothing written).
pub fn retry_job(conn: &mut PgConnection, actor: &User, id: i64) -> QueryResult<bool> {
    conn.transaction(|conn| {
        let Some(before) = queue::retry(conn, id)? else {
            return Ok(false);
        };
        audit::record(
            conn,
            Entry {
                actor,
                action: "job.retry",
                subject_kind: "job",
                subject_id: id,
                reason: "",
                before: json!({
                    "status": "failed",
                    "kind": before.kind,
                    "attempts": before.attempts,
                    "error": before.last_error,
                }),
                after: json!({ "status": "queued", "attempts": 0 }),
            },
        )?;
        Ok(true)
    })
}
