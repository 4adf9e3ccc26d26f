//! What account deletion needs of listings: the files to delete with an account, and a
//! seller's listings emptied when orders keep the account as an anonymous row.

use diesel::prelude::*;

use crate::db::schema::{listing_photos, listings, pending_uploads};

/// Every photo of the user's listings and every upload of theirs not saved yet.
pub fn photo_keys(conn: &mut PgConnection, user_id: i64) -> QueryResult<Vec<String>> {
    let mut keys: Vec<String> = listing_photos::table
        .inner_join(listings::table)
        .filter(listings::seller_id.eq(user_id))
        .select(listing_photos::storage_key)
        .load(conn)?;
    keys.extend(
        pending_uploads::table
            .filter(pending_uploads::user_id.eq(user_id))
            .select(pending_uploads::storage_key)
            .load::<String>(conn)?,
    );
    Ok(keys)
}

/// Takes everything personal out of a leaving seller's listings: uploads and photos go,
/// listings not in `keep` (those orders point at) are deleted, the others stay
/// `removed` without description, place or attributes (orders keep their own copy of
/// the title). Answers the photo keys whose files are to go.
pub fn empty_sellers(
    conn: &mut PgConnection,
    user_id: i64,
    keep: &[i64],
) -> QueryResult<Vec<String>> {
    let mut keys: Vec<String> =
        diesel::delete(pending_uploads::table.filter(pending_uploads::user_id.eq(user_id)))
            .returning(pending_uploads::storage_key)
            .get_results(conn)?;
    let own = listings::table
        .filter(listings::seller_id.eq(user_id))
        .select(listings::id);
    keys.extend(
        diesel::delete(listing_photos::table.filter(listing_photos::listing_id.eq_any(own)))
            .returning(listing_photos::storage_key)
            .get_results::<String>(conn)?,
    );
    diesel::delete(
        listings::table
            .filter(listings::seller_id.eq(user_id))
            .filter(listings::id.ne_all(keep)),
    )
    .execute(conn)?;
    diesel::update(listings::table.filter(listings::seller_id.eq(user_id)))
        .set((
            listings::status.eq(crate::listings::status::ListingStatus::Removed),
            listings::description.eq(""),
            listings::city.eq(""),
            listings::country.eq(""),
            listings::attributes.eq(serde_json::json!({})),
            listings::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)?;
    Ok(keys)
}
