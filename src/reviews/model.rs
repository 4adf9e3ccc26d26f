//! The review rows as this feature reads them.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::db::schema::reviews;

crate::text_enum! {
    /// A party's side of an order: the author's (`author_role`) or the side a member is
    /// rated on (`member_ratings.rated_as`).
    pub enum Side {
        Buyer = "buyer",
        Seller = "seller",
    }
}

impl Side {
    /// The other party's side: a buyer's review rates the subject as a seller.
    pub fn other(self) -> Side {
        match self {
            Side::Buyer => Side::Seller,
            Side::Seller => Side::Buyer,
        }
    }
}

#[derive(Queryable, Selectable, Identifiable, Clone, Debug)]
#[diesel(table_name = reviews, check_for_backend(diesel::pg::Pg))]
pub struct Review {
    pub id: i64,
    pub order_id: i64,
    pub author_id: i64,
    pub subject_id: i64,
    pub author_role: Side,
    pub listing_id: i64,
    pub item_title: String,
    pub stars: i16,
    pub body: String,
    pub as_described: Option<i16>,
    pub communication: Option<i16>,
    pub handover: Option<i16>,
    pub window_ends_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    pub removed_at: Option<DateTime<Utc>>,
    pub reply: Option<String>,
    pub replied_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Review {
    /// Shown to everyone and counted in the subject's ratings.
    pub fn is_public(&self) -> bool {
        self.published_at.is_some() && self.removed_at.is_none()
    }

    /// The side the subject is rated on by this review.
    pub fn rated_as(&self) -> Side {
        self.author_role.other()
    }
}

/// The reviews of one order (at most two).
pub fn of_order(conn: &mut PgConnection, order_id: i64) -> QueryResult<Vec<Review>> {
    reviews::table
        .filter(reviews::order_id.eq(order_id))
        .order(reviews::id)
        .select(Review::as_select())
        .load(conn)
}

/// Filters of a member's public reviews.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Filter {
    /// Rated as a seller (by buyers) or as a buyer (by sellers); `None`: both.
    pub rated_as: Option<Side>,
    pub stars: Option<i16>,
}

/// A page of a member's public reviews, newest first (offset paging: a member's
/// reviews are few, and a page number is a link anyone can share), and whether more
/// follow.
pub fn public_of(
    conn: &mut PgConnection,
    subject_id: i64,
    filter: Filter,
    page: i64,
    per_page: i64,
) -> QueryResult<(Vec<Review>, bool)> {
    let mut q = reviews::table
        .filter(reviews::subject_id.eq(subject_id))
        .filter(reviews::published_at.is_not_null())
        .filter(reviews::removed_at.is_null())
        .into_boxed();
    if let Some(side) = filter.rated_as {
        // The subject is rated as `side` by an author of the other side.
        q = q.filter(reviews::author_role.eq(side.other()));
    }
    if let Some(s) = filter.stars {
        q = q.filter(reviews::stars.eq(s));
    }
    let mut rows: Vec<Review> = q
        .order((reviews::published_at.desc(), reviews::id.desc()))
        .offset(page.max(0).saturating_mul(per_page))
        .limit(per_page + 1)
        .select(Review::as_select())
        .load(conn)?;
    let more = rows.len() as i64 > per_page;
    rows.truncate(per_page as usize);
    Ok((rows, more))
}
