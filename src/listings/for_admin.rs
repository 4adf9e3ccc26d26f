//! What the admin area needs of listings: a seller's counts for their admin page, and
//! the search moderators and admins use to find a listing.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};

use super::status::ListingStatus;
use crate::db::schema::listings;

/// A seller's listings: all of them, and those on sale.
pub fn seller_counts(conn: &mut PgConnection, seller_id: i64) -> QueryResult<(i64, i64)> {
    let all: i64 = listings::table
        .filter(listings::seller_id.eq(seller_id))
        .count()
        .get_result(conn)?;
    let active: i64 = listings::table
        .filter(listings::seller_id.eq(seller_id))
        .filter(listings::status.eq(ListingStatus::Active))
        .count()
        .get_result(conn)?;
    Ok((all, active))
}

/// What the admin list shows of a listing.
#[derive(Queryable, Clone, Debug)]
pub struct Row {
    pub id: i64,
    pub seller_id: i64,
    pub title: String,
    pub status: ListingStatus,
    pub price_minor: i64,
    pub currency: String,
    pub created_at: DateTime<Utc>,
}

/// What an admin searches for; every part is optional and they combine.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// Words in the title, or a listing's id.
    pub text: String,
    pub seller_id: Option<i64>,
    pub status: Option<ListingStatus>,
}

/// Listings matching `q`, newest first, `limit` rows after `offset`.
pub fn search(
    conn: &mut PgConnection,
    q: &Query,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<Row>> {
    let mut query = listings::table
        .select((
            listings::id,
            listings::seller_id,
            listings::title,
            listings::status,
            listings::price_minor,
            listings::currency,
            listings::created_at,
        ))
        .order(listings::id.desc())
        .offset(offset)
        .limit(limit)
        .into_boxed();
    let text = q.text.trim();
    if !text.is_empty() {
        let escaped = text
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        let title =
            diesel::dsl::sql::<Bool>("title ILIKE ").bind::<Text, _>(format!("%{escaped}%"));
        query = match text.parse::<i64>() {
            Ok(id) => query.filter(listings::id.eq(id).or(title)),
            Err(_) => query.filter(title),
        };
    }
    if let Some(seller) = q.seller_id {
        query = query.filter(listings::seller_id.eq(seller));
    }
    if let Some(status) = q.status {
        query = query.filter(listings::status.eq(status));
    }
    query.load(conn)
}
