//! What a seller has on sale, for their public profile.

use diesel::prelude::*;

use super::model::{card_columns, ListingCard};
use super::status::ListingStatus;
use crate::db::schema::{listings, users};

/// The seller's newest active listings (at most `limit`) and how many they have active.
pub fn by_seller(
    conn: &mut PgConnection,
    seller_id: i64,
    limit: i64,
) -> QueryResult<(Vec<ListingCard>, i64)> {
    let base = listings::table
        .inner_join(users::table)
        .filter(listings::seller_id.eq(seller_id))
        .filter(listings::status.eq(ListingStatus::Active));
    let cards = base
        .order((listings::published_at.desc(), listings::id.desc()))
        .limit(limit)
        .select(card_columns())
        .load(conn)?;
    let count = base.count().get_result(conn)?;
    Ok((cards, count))
}
