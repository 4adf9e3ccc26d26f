//! What publishing asks besides the fields (issue 11): a new member's daily limit on
//! listings (`PASAR_NEW_ACCOUNT_DAYS`, `PASAR_NEW_LISTINGS_PER_DAY`), and the scam
//! signals the seller saw in the warning and published anyway (they become a flag for
//! moderators, in the publishing transaction).

use chrono::Utc;
use diesel::prelude::*;
use diesel::sql_types::BigInt;

use super::error::ListingError;
use crate::accounts;
use crate::config::NewAccounts;
use crate::db::schema::listings;
use crate::signals::Finding;

/// What a rule that may publish is told besides the fields.
#[derive(Clone, Debug, Default)]
pub struct Publishing {
    /// The new members' limit to keep to; `None` for what no member asked (demo data).
    pub new_accounts: Option<NewAccounts>,
    /// Findings the seller saw in the warning and published anyway.
    pub confirmed: Vec<Finding>,
}

impl Publishing {
    pub fn by_member(rules: NewAccounts) -> Publishing {
        Publishing {
            new_accounts: Some(rules),
            confirmed: Vec::new(),
        }
    }
}

/// Refuses a first publication past the seller's limit while their account is new (the
/// seller's, also when an admin publishes for them). Runs inside the publishing rule's
/// transaction and holds a lock on the seller's publishing until it ends, so two forms
/// sent at once cannot both take the last place.
pub(super) fn check(
    conn: &mut PgConnection,
    seller_id: i64,
    rules: Option<NewAccounts>,
) -> Result<(), ListingError> {
    let Some(rules) = rules.filter(|r| r.days > 0) else {
        return Ok(());
    };
    let joined = accounts::model::find(conn, seller_id)?.created_at;
    if Utc::now() >= joined + chrono::Duration::days(i64::from(rules.days)) {
        return Ok(());
    }
    // The key is the seller in a namespace of its own, so no other lock shares it.
    diesel::sql_query(
        "SELECT pg_advisory_xact_lock(hashtextextended('pasar.publish.' || $1::text, 0))",
    )
    .bind::<BigInt, _>(seller_id)
    .execute(conn)?;
    let since = Utc::now() - chrono::Duration::hours(24);
    let published: i64 = listings::table
        .filter(listings::seller_id.eq(seller_id))
        .filter(listings::published_at.gt(since))
        .count()
        .get_result(conn)?;
    if published >= i64::from(rules.listings_per_day) {
        return Err(ListingError::DailyLimit(rules));
    }
    Ok(())
}
