//! Photos uploaded with a listing form (or dispute evidence) that is not saved yet: each
//! is noted in `pending_uploads` until a save claims it, and the form carries it back as
//! a token signed to its uploader. The worker deletes the files nobody claimed.

use diesel::prelude::*;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::files::delete;
use crate::db::schema::{dispute_evidence, listing_photos, pending_uploads as p};
use crate::storage::Storage;

/// How long a pending photo's token stays good: well within the day after which the
/// worker deletes the files of forms nobody saved (`jobs::worker`), so a form never
/// claims a file that is gone.
pub const PENDING_TTL_SECS: i64 = 12 * 3600;

/// The MAC of a pending photo's token: this user, this key and size, until `expires`.
fn pending_mac(
    secret: &[u8],
    user_id: i64,
    key: &str,
    width: i32,
    height: i32,
    expires: i64,
) -> Option<Hmac<Sha256>> {
    let mut m = Hmac::<Sha256>::new_from_slice(secret).ok()?;
    m.update(format!("pending-photo:{user_id}:{key}:{width}:{height}:{expires}").as_bytes());
    Some(m)
}

/// Signs a pending photo (uploaded with a form that had errors) to this user, until
/// `now + PENDING_TTL_SECS`, so a form cannot claim photos it did not upload, nor
/// photos the worker may already have deleted.
pub fn sign(secret: &[u8], user_id: i64, key: &str, width: i32, height: i32, now: i64) -> String {
    let expires = now + PENDING_TTL_SECS;
    let tag = pending_mac(secret, user_id, key, width, height, expires)
        .map(|m| hex::encode(m.finalize().into_bytes()))
        .unwrap_or_default();
    format!("p:{key}:{width}:{height}:{expires}:{tag}")
}

/// Why a `p:` token was not taken.
#[derive(Debug, PartialEq, Eq)]
pub enum PendingToken {
    /// Not ours, not this user's, or tampered with: ignored.
    Invalid,
    /// Ours, but too old: the photo must be added again.
    Expired,
}

pub fn verify_pending(
    secret: &[u8],
    user_id: i64,
    token: &str,
    now: i64,
) -> Result<(String, i32, i32), PendingToken> {
    let parts: Vec<&str> = token.split(':').collect();
    let ["p", key, w, h, expires, tag] = parts[..] else {
        return Err(PendingToken::Invalid);
    };
    let parsed = (
        w.parse(),
        h.parse(),
        expires.parse::<i64>(),
        hex::decode(tag),
    );
    let (Ok(w), Ok(h), Ok(expires), Ok(tag)) = parsed else {
        return Err(PendingToken::Invalid);
    };
    let mac = pending_mac(secret, user_id, key, w, h, expires).ok_or(PendingToken::Invalid)?;
    mac.verify_slice(&tag).map_err(|_| PendingToken::Invalid)?;
    if expires < now {
        return Err(PendingToken::Expired);
    }
    Ok((key.to_string(), w, h))
}

/// Notes a photo stored for a listing form not saved yet (see `sweep_abandoned`).
pub fn remember_pending(
    conn: &mut PgConnection,
    key: &str,
    user_id: i64,
    width: i32,
) -> QueryResult<()> {
    diesel::insert_into(p::table)
        .values((
            p::storage_key.eq(key),
            p::user_id.eq(user_id),
            p::width.eq(width),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .map(|_| ())
}

/// The photo now belongs to a listing (or to dispute evidence); `false` when it was not
/// waiting any more.
pub fn forget_pending(conn: &mut PgConnection, key: &str) -> QueryResult<bool> {
    diesel::delete(p::table.filter(p::storage_key.eq(key)))
        .execute(conn)
        .map(|n| n > 0)
}

/// Which of `keys` are still waiting for a form of this user.
pub fn still_pending(
    conn: &mut PgConnection,
    user_id: i64,
    keys: &[String],
) -> QueryResult<Vec<String>> {
    p::table
        .filter(p::user_id.eq(user_id))
        .filter(p::storage_key.eq_any(keys))
        .select(p::storage_key)
        .load(conn)
}

/// Deletes the files of photos uploaded with a form that was never saved, once they are
/// `older_than` (run by the worker). Returns how many photos went.
pub fn sweep_abandoned(
    conn: &mut PgConnection,
    storage: &dyn Storage,
    older_than: std::time::Duration,
) -> QueryResult<usize> {
    let before = chrono::Utc::now()
        - chrono::Duration::from_std(older_than).unwrap_or_else(|_| chrono::Duration::days(1));
    let keys: Vec<String> = p::table
        .filter(p::created_at.lt(before))
        .order(p::created_at)
        .limit(500)
        .select(p::storage_key)
        .load(conn)?;
    let mut swept = 0;
    for key in keys {
        // Saved after all (a listing or dispute evidence kept it): only the note goes.
        let used: bool = diesel::select(
            diesel::dsl::exists(
                listing_photos::table
                    .filter(listing_photos::storage_key.eq(&key))
                    .select(listing_photos::id),
            )
            .or(diesel::dsl::exists(
                dispute_evidence::table
                    .filter(dispute_evidence::photo_key.eq(&key))
                    .select(dispute_evidence::id),
            )),
        )
        .get_result(conn)?;
        if !used {
            delete(storage, &key);
            swept += 1;
        }
        forget_pending(conn, &key)?;
    }
    Ok(swept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pending_photos_are_signed_to_their_uploader_until_they_expire() {
        let now = 1_800_000_000;
        let token = sign(b"secret", 7, "abc", 640, 480, now);
        assert_eq!(
            verify_pending(b"secret", 7, &token, now),
            Ok(("abc".into(), 640, 480))
        );
        assert_eq!(
            verify_pending(b"secret", 7, &token, now + PENDING_TTL_SECS),
            Ok(("abc".into(), 640, 480))
        );
        assert_eq!(
            verify_pending(b"secret", 7, &token, now + PENDING_TTL_SECS + 1),
            Err(PendingToken::Expired)
        );
        let invalid = Err(PendingToken::Invalid);
        assert_eq!(verify_pending(b"secret", 8, &token, now), invalid);
        assert_eq!(verify_pending(b"other", 7, &token, now), invalid);
        // The expiry is signed: moving it on breaks the token.
        let later = token.replace(
            &format!(":{}:", now + PENDING_TTL_SECS),
            &format!(":{}:", now + 10 * PENDING_TTL_SECS),
        );
        assert_ne!(later, token);
        assert_eq!(verify_pending(b"secret", 7, &later, now), invalid);
        assert_eq!(
            verify_pending(b"secret", 7, "p:abc:640:480:0000", now),
            invalid
        );
        assert_eq!(
            verify_pending(b"secret", 7, "p:abc:640:480:1:zz", now),
            invalid
        );
    }
}
