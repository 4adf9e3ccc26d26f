//! Account deletion: a request logs the user out everywhere and schedules the purge after
//! a grace period; signing in before then keeps the account.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::emails;
use crate::config::Config;
use crate::db::schema::users;
use crate::i18n::format;
use crate::jobs::queue;
use crate::listings::photos;
use crate::mail::outbox;
use crate::storage::Storage;
use crate::web::auth::User;

/// The job that deletes the account if its deletion is still requested and due (signing
/// in again in the meantime kept it); run by `super::jobs`.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct PurgeAccount {
    pub user_id: i64,
}

/// Marks the account for deletion, queues its purge and tells the member when it will
/// happen (and that signing in keeps the account), in one transaction. Returns when.
pub fn request(conn: &mut PgConnection, user: &User, cfg: &Config) -> QueryResult<DateTime<Utc>> {
    let due = Utc::now()
        + chrono::Duration::from_std(cfg.deletion_grace)
            .unwrap_or_else(|_| chrono::Duration::days(14));
    conn.transaction(|conn| {
        diesel::update(users::table.find(user.id))
            .set((
                users::deletion_requested_at.eq(diesel::dsl::now),
                users::session_version.eq(users::session_version + 1),
                users::updated_at.eq(diesel::dsl::now),
            ))
            .execute(conn)?;
        queue::push(conn, &PurgeAccount { user_id: user.id }, Some(due))?;
        let locale = user.locale();
        let mail = emails::deletion_scheduled(
            locale,
            &user.email,
            &user.display_name,
            format::date(locale, user.zone(), due),
            format!("{}/login", cfg.base_url),
        )
        .user(user.id);
        outbox::enqueue(conn, &mail, &cfg.base_url)?;
        Ok(due)
    })
}

/// Keeps an account whose deletion was requested (the user signed in again).
pub fn cancel(conn: &mut PgConnection, user_id: i64) -> QueryResult<bool> {
    let n = diesel::update(
        users::table
            .find(user_id)
            .filter(users::deletion_requested_at.is_not_null()),
    )
    .set(users::deletion_requested_at.eq(None::<DateTime<Utc>>))
    .execute(conn)?;
    Ok(n > 0)
}

/// The files of a purged account's photos (after the purge committed).
pub fn delete_photo_files(storage: &dyn Storage, keys: &[String]) {
    for key in keys {
        photos::delete(storage, key);
    }
}

/// Deletes the account, in one transaction, if its deletion is still requested and the
/// grace period is over; answers the photo keys whose files are to go, or `None` when the
/// account is not due. The caller deletes the files (`delete_photo_files`) once its
/// transaction committed: a failure there then only leaves a stray file, never an account
/// whose photos are gone.
///
/// The account row goes with everything that hangs off it by `ON DELETE CASCADE`
/// (listings and their photos, pending uploads, addresses, tokens, sent-mail records,
/// and any later table declared the same way). When something that must outlive it
/// points at it (an order, the books, a dispute), the delete fails on that foreign key
/// and the account is anonymised instead.
pub fn purge_if_due(
    conn: &mut PgConnection,
    user_id: i64,
    grace: std::time::Duration,
) -> QueryResult<Option<Vec<String>>> {
    let grace = chrono::Duration::from_std(grace).unwrap_or_else(|_| chrono::Duration::days(14));
    conn.transaction(|conn| {
        let row: Option<(Option<DateTime<Utc>>, String, Option<String>)> = users::table
            .find(user_id)
            .select((
                users::deletion_requested_at,
                users::email,
                users::avatar_key,
            ))
            .for_update()
            .first(conn)
            .optional()?;
        // A request that was cancelled, or renewed later, is not due yet.
        let Some((Some(requested), email, avatar)) = row else {
            return Ok(None);
        };
        if requested + grace > Utc::now() + chrono::Duration::seconds(5) {
            return Ok(None);
        }
        // Counters are keyed `<limit>:<subject>`: the subject is compared exactly (an
        // email may hold `_` or `%`, which LIKE would take as wildcards).
        diesel::sql_query(
            "DELETE FROM rate_limits WHERE substr(key, strpos(key, ':') + 1) IN ($1, $2)",
        )
        .bind::<diesel::sql_types::Text, _>(email.to_lowercase())
        .bind::<diesel::sql_types::Text, _>(user_id.to_string())
        .execute(conn)?;
        let keys = crate::listings::for_accounts::photo_keys(conn, user_id)?;
        // A savepoint: a refused delete leaves the transaction usable for the fallback.
        let deleted =
            conn.transaction(|conn| diesel::delete(users::table.find(user_id)).execute(conn));
        // Their picture goes whichever way the account goes (`anonymise` clears it).
        let mut gone = match deleted {
            Ok(_) => keys,
            Err(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::ForeignKeyViolation,
                _,
            )) => anonymise(conn, user_id)?,
            Err(e) => return Err(e),
        };
        gone.extend(avatar);
        Ok(Some(gone))
    })
}

/// The other party's orders and the books keep pointing at the account, so it stays as
/// a row without anything personal: no email, name, address, password, tokens, mail
/// records or photos. Listings no order points at are deleted; the others stay
/// `removed` (orders keep their own copy of the title) without photos, description or
/// place. Answers the photo keys whose files are to go.
fn anonymise(conn: &mut PgConnection, user_id: i64) -> QueryResult<Vec<String>> {
    use crate::db::schema::{email_tokens, outbound_emails};
    diesel::update(users::table.find(user_id))
        .set((
            users::email.eq(format!("deleted-{user_id}@deleted.invalid")),
            users::email_verified_at.eq(None::<DateTime<Utc>>),
            users::password_hash.eq("!"),
            users::display_name.eq("—"),
            users::bio.eq(""),
            users::city.eq(""),
            users::country.eq(""),
            users::pending_email.eq(None::<String>),
            users::holiday_until.eq(None::<chrono::NaiveDate>),
            users::avatar_key.eq(None::<String>),
            users::session_version.eq(users::session_version + 1),
            users::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)?;
    crate::orders::checkout::forget_addresses(conn, user_id)?;
    diesel::delete(email_tokens::table.filter(email_tokens::user_id.eq(user_id))).execute(conn)?;
    // Queued mail is left to the worker, which expects its row.
    diesel::delete(
        outbound_emails::table
            .filter(outbound_emails::user_id.eq(user_id))
            .filter(outbound_emails::status.ne("queued")),
    )
    .execute(conn)?;
    let keep = crate::orders::listings_in_orders(conn, user_id)?;
    crate::listings::for_accounts::empty_sellers(conn, user_id, &keep)
}
