//! Account rules. Each opens its own transaction (docs/decisions.md) and writes the
//! change, its tokens and its outbox emails together; a rule of one statement needs
//! none.

use diesel::prelude::*;

use super::fields::{DisplayName, EmailAddress};
use super::model::{self, NewUser};
use super::{emails, tokens, Error};
use crate::config::Config;
use crate::db::schema::users;
use crate::i18n::Locale;
use crate::mail::outbox;
use crate::web::auth::User;

fn verification_email(
    conn: &mut PgConnection,
    user: &User,
    to: &str,
    cfg: &Config,
) -> QueryResult<()> {
    let token = tokens::issue(conn, user.id, tokens::VERIFY_EMAIL, to, cfg.email_token_ttl)?;
    let link = format!("{}/verify/{token}", cfg.base_url);
    let hours = cfg.email_token_ttl.as_secs() / 3600;
    let email =
        emails::verification(user.locale(), to, &user.display_name, link, hours).user(user.id);
    outbox::enqueue(conn, &email, &cfg.base_url)?;
    Ok(())
}

/// Creates an unverified account and sends the verification email.
pub fn register(
    conn: &mut PgConnection,
    email: &EmailAddress,
    name: &DisplayName,
    password_hash: &str,
    locale: Locale,
    zone: chrono_tz::Tz,
    cfg: &Config,
) -> Result<User, Error> {
    conn.transaction(|conn| {
        if model::email_taken(conn, email.as_str(), None)? {
            return Err(Error::EmailTaken);
        }
        let id: i64 = diesel::insert_into(users::table)
            .values(&NewUser {
                email: email.as_str(),
                password_hash,
                display_name: name.as_str(),
                locale: locale.code(),
                time_zone: zone.name(),
            })
            .returning(users::id)
            .get_result(conn)
            .map_err(|e| match e {
                diesel::result::Error::DatabaseError(
                    diesel::result::DatabaseErrorKind::UniqueViolation,
                    _,
                ) => Error::EmailTaken,
                other => Error::Db(other),
            })?;
        let user = model::find(conn, id)?;
        verification_email(conn, &user, email.as_str(), cfg)?;
        Ok(user)
    })
}

/// Sends a fresh verification link (to the pending address if an email change waits).
pub fn resend_verification(conn: &mut PgConnection, user_id: i64, cfg: &Config) -> QueryResult<()> {
    conn.transaction(|conn| {
        let user = model::find(conn, user_id)?;
        let to = match (&user.pending_email, user.is_verified()) {
            (Some(p), _) => p.clone(),
            (None, false) => user.email.clone(),
            (None, true) => return Ok(()),
        };
        verification_email(conn, &user, &to, cfg)
    })
}

/// Outcome of a verification link.
#[derive(Debug, PartialEq, Eq)]
pub enum Verified {
    Done(i64),
    /// The new address was taken by someone else meanwhile.
    EmailTaken,
    Invalid,
}

/// Spends a verification token: marks the address verified, and for an email change,
/// makes the new address the account's.
pub fn verify(conn: &mut PgConnection, token: &str) -> QueryResult<Verified> {
    conn.transaction(|conn| {
        let Some(spent) = tokens::spend(conn, token, tokens::VERIFY_EMAIL)? else {
            return Ok(Verified::Invalid);
        };
        let user = model::find(conn, spent.user_id)?;
        if !spent.email.eq_ignore_ascii_case(&user.email) {
            if user.pending_email.as_deref() != Some(spent.email.as_str()) {
                return Ok(Verified::Invalid);
            }
            if model::email_taken(conn, &spent.email, Some(user.id))? {
                return Ok(Verified::EmailTaken);
            }
            diesel::update(users::table.find(user.id))
                .set((
                    users::email.eq(&spent.email),
                    users::pending_email.eq(None::<String>),
                ))
                .execute(conn)?;
        }
        diesel::update(users::table.find(user.id))
            .set((
                users::email_verified_at.eq(diesel::dsl::now),
                users::updated_at.eq(diesel::dsl::now),
            ))
            .execute(conn)?;
        Ok(Verified::Done(user.id))
    })
}

/// Sends a reset link if the address belongs to an account; says nothing either way.
pub fn request_reset(
    conn: &mut PgConnection,
    email: &EmailAddress,
    cfg: &Config,
) -> QueryResult<()> {
    conn.transaction(|conn| {
        let Some((user, _)) = model::find_by_email_with_hash(conn, email.as_str())? else {
            return Ok(());
        };
        if user.deletion_requested_at.is_some() {
            return Ok(());
        }
        let token = tokens::issue(
            conn,
            user.id,
            tokens::RESET_PASSWORD,
            &user.email,
            cfg.reset_token_ttl,
        )?;
        let link = format!("{}/password/reset/{token}", cfg.base_url);
        let minutes = cfg.reset_token_ttl.as_secs() / 60;
        let mail = emails::reset(
            user.locale(),
            &user.email,
            &user.display_name,
            link,
            minutes,
        )
        .user(user.id);
        outbox::enqueue(conn, &mail, &cfg.base_url)?;
        Ok(())
    })
}

/// Sets a new password from a reset link. Every session of the user ends, the other
/// reset links die, and the address counts as verified (the link proved it).
pub fn reset_password(
    conn: &mut PgConnection,
    token: &str,
    new_hash: &str,
    cfg: &Config,
) -> QueryResult<Option<i64>> {
    conn.transaction(|conn| {
        let Some(spent) = tokens::spend(conn, token, tokens::RESET_PASSWORD)? else {
            return Ok(None);
        };
        tokens::revoke_all(conn, spent.user_id, tokens::RESET_PASSWORD)?;
        diesel::update(users::table.find(spent.user_id))
            .set((
                users::password_hash.eq(new_hash),
                users::session_version.eq(users::session_version + 1),
                users::email_verified_at.eq(diesel::dsl::sql::<
                    diesel::sql_types::Nullable<diesel::sql_types::Timestamptz>,
                >("COALESCE(email_verified_at, now())")),
                users::updated_at.eq(diesel::dsl::now),
            ))
            .execute(conn)?;
        let user = model::find(conn, spent.user_id)?;
        // The owner proved themselves: failed logins, from anywhere, are forgotten.
        crate::web::rate_limit::clear_login_failures(conn, &user.email)?;
        password_changed_email(conn, &user, cfg)?;
        Ok(Some(user.id))
    })
}

fn password_changed_email(conn: &mut PgConnection, user: &User, cfg: &Config) -> QueryResult<()> {
    let mail = emails::password_changed(
        user.locale(),
        &user.email,
        &user.display_name,
        format!("{}/password/forgot", cfg.base_url),
    )
    .user(user.id);
    outbox::enqueue(conn, &mail, &cfg.base_url).map(|_| ())
}

/// Changes the password from settings; other sessions end. Returns the new session
/// version for the current session.
pub fn change_password(
    conn: &mut PgConnection,
    user_id: i64,
    new_hash: &str,
    cfg: &Config,
) -> QueryResult<i32> {
    conn.transaction(|conn| {
        let version: i32 = diesel::update(users::table.find(user_id))
            .set((
                users::password_hash.eq(new_hash),
                users::session_version.eq(users::session_version + 1),
                users::updated_at.eq(diesel::dsl::now),
            ))
            .returning(users::session_version)
            .get_result(conn)?;
        tokens::revoke_all(conn, user_id, tokens::RESET_PASSWORD)?;
        let user = model::find(conn, user_id)?;
        password_changed_email(conn, &user, cfg)?;
        Ok(version)
    })
}

/// Starts an email change: the new address gets a verification link and becomes the
/// account's address only when it is followed.
pub fn request_email_change(
    conn: &mut PgConnection,
    user_id: i64,
    new_email: &EmailAddress,
    cfg: &Config,
) -> Result<(), Error> {
    conn.transaction(|conn| {
        if model::email_taken(conn, new_email.as_str(), None)? {
            return Err(Error::EmailTaken);
        }
        diesel::update(users::table.find(user_id))
            .set(users::pending_email.eq(new_email.as_str()))
            .execute(conn)?;
        let user = model::find(conn, user_id)?;
        verification_email(conn, &user, new_email.as_str(), cfg)?;
        Ok(())
    })
}

pub fn update_profile(
    conn: &mut PgConnection,
    user_id: i64,
    changes: &model::ProfileChanges,
) -> QueryResult<()> {
    diesel::update(users::table.find(user_id))
        .set((changes, users::updated_at.eq(diesel::dsl::now)))
        .execute(conn)
        .map(|_| ())
}

/// Sets the member's picture (`None` removes it) and claims its pending upload, in one
/// transaction. Answers the picture it replaced: the caller deletes its files once this
/// committed, so a failed commit never leaves a member pointing at a deleted file.
pub fn set_avatar(
    conn: &mut PgConnection,
    user_id: i64,
    key: Option<&str>,
) -> QueryResult<Option<String>> {
    conn.transaction(|conn| {
        let old: Option<String> = users::table
            .find(user_id)
            .select(users::avatar_key)
            .for_update()
            .first(conn)?;
        diesel::update(users::table.find(user_id))
            .set((
                users::avatar_key.eq(key),
                users::updated_at.eq(diesel::dsl::now),
            ))
            .execute(conn)?;
        if let Some(key) = key {
            // Now it is the member's: the sweep of abandoned uploads leaves it alone.
            crate::listings::photos::forget_pending(conn, key)?;
        }
        Ok(old.filter(|o| Some(o.as_str()) != key))
    })
}

/// The language of the user's pages and emails.
pub fn set_locale(conn: &mut PgConnection, user_id: i64, locale: Locale) -> QueryResult<()> {
    diesel::update(users::table.find(user_id))
        .set(users::locale.eq(locale.code()))
        .execute(conn)
        .map(|_| ())
}

/// Ends every session of the user (a new session version invalidates every cookie).
pub fn end_all_sessions(conn: &mut PgConnection, user_id: i64) -> QueryResult<()> {
    diesel::update(users::table.find(user_id))
        .set((
            users::session_version.eq(users::session_version + 1),
            users::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .map(|_| ())
}
