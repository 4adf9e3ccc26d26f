//! `pasar admin create-user` and `pasar admin set-role`: how the first admin comes to
//! be, and how roles change when nobody can sign in as one. Both write the audit log
//! with the command line as the actor (`audit::COMMAND_LINE`); no password is ever
//! typed on a command line (it would stay in the shell's history).

use diesel::prelude::*;
use serde_json::json;

use crate::accounts::fields::{DisplayName, EmailAddress};
use crate::accounts::{self, for_admin};
use crate::audit::{self, SystemEntry};
use crate::config::Config;
use crate::i18n::Locale;
use crate::web::auth::{User, UserRole};

/// A role named on the command line.
pub fn parse_role(raw: &str) -> anyhow::Result<UserRole> {
    UserRole::parse(raw.trim())
        .ok_or_else(|| anyhow::anyhow!("unknown role {raw:?}: say admin, moderator or member"))
}

/// The field messages in English, for the operator's terminal.
fn refused(what: &str, key: &str) -> anyhow::Error {
    anyhow::anyhow!("{what}: {}", Locale::default().t(key))
}

/// A verified account with `role` and a one-time link to set its password (answered
/// with the member). The name defaults to the address's part before the `@`.
pub fn create_user(
    conn: &mut PgConnection,
    cfg: &Config,
    email: &str,
    role: UserRole,
    name: Option<&str>,
) -> anyhow::Result<(User, String)> {
    let email = EmailAddress::parse(email).map_err(|k| refused("--email", k))?;
    let fallback = email.as_str().split('@').next().unwrap_or("").to_string();
    let name = DisplayName::parse(name.unwrap_or(&fallback)).map_err(|k| refused("--name", k))?;
    let made = conn.transaction(|conn| {
        let (user, link) = for_admin::create_verified(conn, &email, &name, role, cfg)?;
        audit::record_system(
            conn,
            SystemEntry {
                source: audit::COMMAND_LINE,
                action: "user.create",
                subject_kind: "user",
                subject_id: user.id,
                reason: "pasar admin create-user",
                before: json!({}),
                after: json!({ "role": role.as_str(), "verified": true }),
            },
        )
        .map_err(accounts::Error::Db)?;
        Ok::<_, accounts::Error>((user, link))
    });
    match made {
        Err(accounts::Error::EmailTaken) => Err(anyhow::anyhow!(
            "an account with {} exists already: use `pasar admin set-role`",
            email.as_str()
        )),
        other => Ok(other?),
    }
}

/// Gives the member with this address `role`; answers the role they had.
pub fn set_role(
    conn: &mut PgConnection,
    email: &str,
    role: UserRole,
    reason: &str,
) -> anyhow::Result<UserRole> {
    let reason = reason.trim();
    if reason.is_empty() {
        anyhow::bail!("--reason: say why the role changes");
    }
    conn.transaction(|conn| {
        let Some(member) = for_admin::find_by_email(conn, email.trim())? else {
            anyhow::bail!("no account with the address {email:?}");
        };
        let Some(from) = for_admin::set_role(conn, member.id, role)? else {
            anyhow::bail!("no account with the address {email:?}");
        };
        audit::record_system(
            conn,
            SystemEntry {
                source: audit::COMMAND_LINE,
                action: "user.role",
                subject_kind: "user",
                subject_id: member.id,
                reason,
                before: json!({ "role": from.as_str() }),
                after: json!({ "role": role.as_str() }),
            },
        )?;
        Ok(from)
    })
}
