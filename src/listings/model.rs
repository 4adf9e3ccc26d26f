//! The `listings` and `listing_photos` tables and the read models of list pages.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::status::ListingStatus;
use crate::db::schema::{listing_photos, listings, users};

pub const CONDITIONS: [&str; 6] = [
    "new_with_tags",
    "new",
    "like_new",
    "good",
    "fair",
    "for_parts",
];
pub const CURRENCIES: [&str; 3] = ["IDR", "EUR", "USD"];
pub const MAX_PHOTOS: usize = 10;

#[derive(Queryable, Selectable, Identifiable, Clone, Debug)]
#[diesel(table_name = listings, check_for_backend(diesel::pg::Pg))]
pub struct Listing {
    pub id: i64,
    pub seller_id: i64,
    pub category_id: i32,
    pub title: String,
    pub description: String,
    pub condition: String,
    pub price_minor: i64,
    pub currency: String,
    pub quantity: i32,
    pub ships: bool,
    pub shipping_minor: Option<i64>,
    pub pickup: bool,
    pub city: String,
    pub country: String,
    pub attributes: serde_json::Value,
    pub status: ListingStatus,
    pub views: i64,
    pub favourites: i32,
    pub published_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The columns a seller sets (insert and update alike).
#[derive(Insertable, AsChangeset, Clone, Debug)]
#[diesel(table_name = listings, treat_none_as_null = true)]
pub struct ListingFields {
    pub category_id: i32,
    pub title: String,
    pub description: String,
    pub condition: String,
    pub price_minor: i64,
    pub currency: String,
    pub quantity: i32,
    pub ships: bool,
    pub shipping_minor: Option<i64>,
    pub pickup: bool,
    pub city: String,
    pub country: String,
    pub attributes: serde_json::Value,
}

#[derive(Queryable, Selectable, Identifiable, Associations, Clone, Debug, serde::Deserialize)]
#[diesel(table_name = listing_photos, belongs_to(Listing), check_for_backend(diesel::pg::Pg))]
pub struct Photo {
    pub id: i64,
    pub listing_id: i64,
    pub position: i32,
    pub storage_key: String,
    pub width: i32,
    pub height: i32,
}

/// A listing as a card on list pages: one joined query; the first photo is the listing's
/// `cover_key` (kept by a trigger on `listing_photos`), so no subquery runs per card.
#[derive(Clone, Debug)]
pub struct ListingCard {
    pub id: i64,
    pub title: String,
    pub price_minor: i64,
    pub currency: String,
    pub condition: String,
    pub city: String,
    pub status: ListingStatus,
    pub published_at: Option<DateTime<Utc>>,
    pub views: i64,
    pub favourites: i32,
    pub photo_key: Option<String>,
    pub seller_name: String,
    /// As the seller wrote it (a code like `GR` or a name): cards say where an item is.
    pub country: String,
    pub seller_id: i64,
    /// The seller's rating, filled for a whole list at once by [`with_ratings`] (empty
    /// until then).
    pub seller_rating: crate::reviews::Rating,
}

/// The columns of [`card_columns`], in order.
type CardRow = (
    i64,
    String,
    i64,
    String,
    String,
    String,
    ListingStatus,
    Option<DateTime<Utc>>,
    i64,
    i32,
    Option<String>,
    String,
    String,
    i64,
);

// By hand rather than derived: the rating is not a column of the card's query (it comes
// from the reviews feature, for all cards of a list in one more statement).
impl<ST> Queryable<ST, diesel::pg::Pg> for ListingCard
where
    CardRow: Queryable<ST, diesel::pg::Pg>,
{
    type Row = <CardRow as Queryable<ST, diesel::pg::Pg>>::Row;

    fn build(row: Self::Row) -> diesel::deserialize::Result<ListingCard> {
        let r = CardRow::build(row)?;
        Ok(ListingCard {
            id: r.0,
            title: r.1,
            price_minor: r.2,
            currency: r.3,
            condition: r.4,
            city: r.5,
            status: r.6,
            published_at: r.7,
            views: r.8,
            favourites: r.9,
            photo_key: r.10,
            seller_name: r.11,
            country: r.12,
            seller_id: r.13,
            seller_rating: crate::reviews::Rating::default(),
        })
    }
}

/// Fills the sellers' ratings of a list of cards with one lookup (never one per card).
pub fn with_ratings(conn: &mut PgConnection, cards: &mut [ListingCard]) -> QueryResult<()> {
    if cards.is_empty() {
        return Ok(());
    }
    let ids: Vec<i64> = cards.iter().map(|c| c.seller_id).collect();
    let ratings = crate::reviews::ratings_of(conn, &ids)?;
    for c in cards.iter_mut() {
        c.seller_rating = ratings.get(&c.seller_id).copied().unwrap_or_default();
    }
    Ok(())
}

impl ListingCard {
    /// The message key of the card's country when it is a known one (else it is shown
    /// as written).
    pub fn country_key(&self) -> Option<&'static str> {
        super::country::Country::parse(&self.country).and_then(|c| c.message_key())
    }
}

/// Selects a `ListingCard` from `listings INNER JOIN users`: no subquery, so a card list
/// is one plan of scans and joins.
#[allow(clippy::type_complexity)]
pub fn card_columns() -> (
    listings::id,
    listings::title,
    listings::price_minor,
    listings::currency,
    listings::condition,
    listings::city,
    listings::status,
    listings::published_at,
    listings::views,
    listings::favourites,
    listings::cover_key,
    users::display_name,
    listings::country,
    listings::seller_id,
) {
    (
        listings::id,
        listings::title,
        listings::price_minor,
        listings::currency,
        listings::condition,
        listings::city,
        listings::status,
        listings::published_at,
        listings::views,
        listings::favourites,
        listings::cover_key,
        users::display_name,
        listings::country,
        listings::seller_id,
    )
}

pub fn find(conn: &mut PgConnection, id: i64) -> QueryResult<Listing> {
    listings::table
        .find(id)
        .select(Listing::as_select())
        .first(conn)
}

/// A listing's photos in order as one JSON array (a column of a select from
/// `listings`), so a page reads a listing and its photos in one statement.
pub fn photos_json() -> diesel::expression::SqlLiteral<diesel::sql_types::Jsonb> {
    diesel::dsl::sql::<diesel::sql_types::Jsonb>(
        "(SELECT coalesce(jsonb_agg(to_jsonb(p) ORDER BY p.position, p.id), '[]'::jsonb) \
         FROM listing_photos p WHERE p.listing_id = listings.id)",
    )
}

/// The photos of `photos_json`.
pub fn parse_photos(json: serde_json::Value) -> QueryResult<Vec<Photo>> {
    serde_json::from_value(json).map_err(|e| diesel::result::Error::DeserializationError(e.into()))
}

pub fn photos_of(conn: &mut PgConnection, listing_id: i64) -> QueryResult<Vec<Photo>> {
    listing_photos::table
        .filter(listing_photos::listing_id.eq(listing_id))
        .order((listing_photos::position, listing_photos::id))
        .select(Photo::as_select())
        .load(conn)
}
