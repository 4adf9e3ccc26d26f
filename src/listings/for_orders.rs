//! What orders need of listings: the listing a buyer looks at, and its stock reserved at
//! "Buy now" and given back when an order ends unpaid or cancelled. Orders never touch
//! the listings tables themselves; the words of `listings.status` stay in this feature.

use std::collections::HashMap;

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer};

use super::model::Listing;
use super::status::ListingStatus;
use crate::db::schema::listings;

/// What the order page shows of the listing.
#[derive(Clone, Debug)]
pub struct ListingBrief {
    pub id: i64,
    pub ships: bool,
    pub pickup: bool,
    pub shipping_minor: Option<i64>,
    pub city: String,
    pub photo_key: Option<String>,
    /// Units still on sale (besides what this order holds).
    pub available: i32,
}

pub fn brief(conn: &mut PgConnection, id: i64) -> QueryResult<Option<ListingBrief>> {
    listings::table
        .find(id)
        .select((
            listings::id,
            listings::ships,
            listings::pickup,
            listings::shipping_minor,
            listings::city,
            listings::quantity,
            listings::cover_key,
        ))
        .first::<(i64, bool, bool, Option<i64>, String, i32, Option<String>)>(conn)
        .optional()
        .map(|row| {
            row.map(
                |(id, ships, pickup, shipping_minor, city, available, photo_key)| ListingBrief {
                    id,
                    ships,
                    pickup,
                    shipping_minor,
                    city,
                    photo_key,
                    available,
                },
            )
        })
}

/// The first photo of each of these listings (those with one), in one query: the cover
/// key the photo trigger keeps on the listing (the same the cards show).
pub fn first_photos(conn: &mut PgConnection, ids: &[i64]) -> QueryResult<HashMap<i64, String>> {
    let rows: Vec<(i64, Option<String>)> = listings::table
        .filter(listings::id.eq_any(ids))
        .filter(listings::cover_key.is_not_null())
        .select((listings::id, listings::cover_key))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, key)| key.map(|k| (id, k)))
        .collect())
}

/// What a buyer may see of a listing before buying it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Availability {
    /// A draft, a removed listing or one held by moderation: as if it did not exist.
    Hidden,
    OnSale,
    /// Paused or sold.
    NotOnSale,
}

pub fn availability(l: &Listing) -> Availability {
    match l.status {
        ListingStatus::Draft | ListingStatus::Removed | ListingStatus::Hidden => {
            Availability::Hidden
        }
        ListingStatus::Active => Availability::OnSale,
        ListingStatus::Paused | ListingStatus::Sold => Availability::NotOnSale,
    }
}

/// Takes `quantity` units off sale for an order, in one conditional update so two
/// buyers cannot both take the last one; the last unit makes the listing sold.
/// `false`: not on sale, or not that many left.
pub fn reserve(conn: &mut PgConnection, id: i64, quantity: i32) -> QueryResult<bool> {
    let n = diesel::sql_query(
        "UPDATE listings SET quantity = quantity - $2, \
           status = CASE WHEN quantity = $2 THEN 'sold' ELSE status END, updated_at = now() \
         WHERE id = $1 AND status = 'active' AND quantity >= $2",
    )
    .bind::<BigInt, _>(id)
    .bind::<Integer, _>(quantity)
    .execute(conn)?;
    Ok(n > 0)
}

/// Changes a pending order's reservation by `delta` units (more or fewer), with the
/// same rule as `reserve`; giving units back puts a listing sold by orders on sale
/// again. `false`: not enough left.
pub fn change_reservation(conn: &mut PgConnection, id: i64, delta: i32) -> QueryResult<bool> {
    let n = diesel::sql_query(
        "UPDATE listings SET quantity = quantity - $2, \
           status = CASE WHEN quantity = $2 THEN 'sold' \
                         WHEN status = 'sold' AND $2 < 0 AND NOT sold_by_hand THEN 'active' \
                         ELSE status END, \
           updated_at = now() \
         WHERE id = $1 AND quantity >= $2 AND (status = 'active' OR $2 < 0)",
    )
    .bind::<BigInt, _>(id)
    .bind::<Integer, _>(delta)
    .execute(conn)?;
    Ok(n > 0)
}

/// Puts reserved stock back on sale (an unpaid, expired or cancelled order). A listing
/// the last unit of which was reserved went to `sold`; it comes back to `active`, unless
/// the seller marked it sold.
pub fn release(conn: &mut PgConnection, id: i64, quantity: i32) -> QueryResult<()> {
    diesel::sql_query(
        "UPDATE listings SET quantity = quantity + $2, \
           status = CASE WHEN status = 'sold' AND NOT sold_by_hand THEN 'active' ELSE status END, \
           updated_at = now() \
         WHERE id = $1",
    )
    .bind::<BigInt, _>(id)
    .bind::<Integer, _>(quantity)
    .execute(conn)
    .map(|_| ())
}
