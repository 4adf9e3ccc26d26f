//! What the listing page shows of its seller, read here because accounts own `users`
//! (the listing page used to join that table itself). This module imports nothing of
//! listings, so `listings -> accounts::for_listings` and `accounts::deletion ->
//! listings::for_accounts` never meet in a circle of files.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;

use crate::db::schema::users;

/// A seller as the listing page's card (and the profile) shows them.
#[derive(Clone, Debug)]
pub struct SellerCard {
    pub id: i64,
    pub name: String,
    pub city: String,
    pub country: String,
    pub verified: bool,
    pub member_since: DateTime<Utc>,
    /// Set only while the holiday lasts (today included).
    pub holiday_until: Option<NaiveDate>,
    /// The storage key of their picture (a photo of `listings::photos`).
    pub avatar_key: Option<String>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = users, check_for_backend(diesel::pg::Pg))]
struct SellerRow {
    id: i64,
    display_name: String,
    city: String,
    country: String,
    email_verified_at: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
    holiday_until: Option<NaiveDate>,
    avatar_key: Option<String>,
}

/// The card of the member `id` (one primary-key read).
pub fn seller_card(conn: &mut PgConnection, id: i64) -> QueryResult<SellerCard> {
    let row: SellerRow = users::table
        .find(id)
        .select(SellerRow::as_select())
        .first(conn)?;
    let today = Utc::now().date_naive();
    Ok(SellerCard {
        id: row.id,
        name: row.display_name,
        city: row.city,
        country: row.country,
        verified: row.email_verified_at.is_some(),
        member_since: row.created_at,
        holiday_until: row.holiday_until.filter(|d| *d >= today),
        avatar_key: row.avatar_key,
    })
}
