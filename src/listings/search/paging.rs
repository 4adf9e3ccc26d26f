//! Paging plans for date and price order: a bounded walk of the sort's index, the
//! selective index with a sort when matches are few, and per-subcategory pages merged.
//! Every plan reads ids first and loads the cards of one page in one joined query.

use chrono::{DateTime, Utc};
use diesel::dsl::sql;
use diesel::expression::SqlLiteral;
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::{BigInt, Float, Nullable, Timestamptz};

use super::super::model::{card_columns, ListingCard};
use super::counts::Count;
use super::query::{Cursor, SearchQuery, Sort};
use super::scope::{self, Scope};
use super::sql::{
    after_cursor, conditions, plain_conditions, selective_conditions, Conditions, Noted, Rank,
};
use crate::db::schema::{listings, users};

/// Cards per page.
pub const PAGE_SIZE: i64 = 24;

/// How many rows of the sort's index a page may walk looking for matches of the words
/// or attributes before asking their own index instead. Walking finds a page quickly
/// when matches are common and spread out; but matches can cluster at the other end of
/// the order (iPhones are never the cheapest items: a cheapest-first walk for "iphone"
/// read 430,000 rows, a second), and the planner cannot know. So the walk is bounded,
/// and a page it cannot fill is read through the words' or attributes' index and
/// sorted: either way at most about this many rows plus the matches.
pub(super) const WALK_LIMIT: i64 = 5_000;

/// `SELECT id, published_at, price_minor, rank` of the first `limit` rows matching
/// `selective` among the first `WALK_LIMIT` rows matching `plain` in `order`. The inner
/// rows keep the name `listings`, so the conditions read the same inside and out.
pub(super) struct BoundedWalk {
    pub(super) plain: Conditions,
    pub(super) selective: Conditions,
    /// Fixed text: the sort's columns.
    pub(super) order: &'static str,
    pub(super) rank: Option<Rank>,
    pub(super) limit: i64,
}

impl QueryFragment<Pg> for BoundedWalk {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql("SELECT listings.id, listings.published_at, listings.price_minor, ");
        match &self.rank {
            Some(r) => r.walk_ast(out.reborrow())?,
            None => out.push_sql("0::real"),
        }
        out.push_sql(
            " FROM (SELECT listings.id, listings.published_at, listings.price_minor, \
             listings.search, listings.attributes FROM listings WHERE ",
        );
        self.plain.walk_ast(out.reborrow())?;
        out.push_sql(" ORDER BY ");
        out.push_sql(self.order);
        out.push_sql(" LIMIT ");
        out.push_bind_param::<BigInt, _>(&WALK_LIMIT)?;
        out.push_sql(") listings WHERE ");
        self.selective.walk_ast(out.reborrow())?;
        out.push_sql(" ORDER BY ");
        out.push_sql(self.order);
        out.push_sql(" LIMIT ");
        out.push_bind_param::<BigInt, _>(&self.limit)?;
        Ok(())
    }
}

impl QueryId for BoundedWalk {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl Query for BoundedWalk {
    type SqlType = (BigInt, Nullable<Timestamptz>, BigInt, Float);
}

impl RunQueryDsl<PgConnection> for BoundedWalk {}

/// A row of a bounded walk: id, published_at, price, rank.
pub(super) type WalkRow = (i64, Option<DateTime<Utc>>, i64, f32);

pub(super) fn order_of(sort: Sort) -> &'static str {
    match sort {
        Sort::PriceAsc => "listings.price_minor, listings.id",
        Sort::PriceDesc => "listings.price_minor DESC, listings.id DESC",
        Sort::Newest | Sort::Relevance => "listings.published_at DESC, listings.id DESC",
    }
}

/// Below this many matches a page is read from the most selective index and sorted,
/// rather than by walking the sort's index until enough matches turn up.
pub(super) const FEW_MATCHES: i64 = 1_000;

/// The sort columns, plain (the planner may walk the index in that order) or, with few
/// matches, as expressions no index provides: the planner then fetches the matches
/// through the selective index (full text, attributes) and sorts them. Its row estimates
/// for rare words and attribute values are too rough to make that choice itself, and
/// walking a million-row index for three matches costs hundreds of milliseconds.
pub(super) fn date_key(few: bool) -> SqlLiteral<Nullable<Timestamptz>> {
    sql(if few {
        "(listings.published_at + interval '0 s')"
    } else {
        "listings.published_at"
    })
}

pub(super) fn price_key(few: bool) -> SqlLiteral<BigInt> {
    sql(if few {
        "(listings.price_minor + 0)"
    } else {
        "listings.price_minor"
    })
}

/// One page of cards (one query: listings joined with sellers, the first photo by a
/// subquery), plus the cursor of the page after it. `total` (counted first) tells
/// whether the matches are few.
pub(super) fn page(
    conn: &mut PgConnection,
    q: &SearchQuery,
    words: &str,
    scope: &Scope,
    total: Count,
) -> QueryResult<(Vec<ListingCard>, Option<Cursor>)> {
    let few = !total.capped && total.n < FEW_MATCHES;
    // Relevance with words is ranking.rs's page; without words it is the newest first.
    let sort = q.sort();
    let sort = if sort == Sort::Relevance {
        Sort::Newest
    } else {
        sort
    };
    let selective = selective_conditions(words, scope);
    let has_selective = !selective.is_empty();
    let mut few = few;
    if !few && !selective.is_empty() {
        let mut plain = plain_conditions(q, scope, true);
        if let Some(cursor) = &q.after {
            after_cursor(&mut plain, cursor, sort);
        }
        let mut rows: Vec<WalkRow> = BoundedWalk {
            plain,
            selective,
            order: order_of(sort),
            rank: None,
            limit: PAGE_SIZE + 1,
        }
        .noted()
        .load(conn)?;
        if rows.len() as i64 > PAGE_SIZE {
            rows.truncate(PAGE_SIZE as usize);
            let next = rows.last().and_then(|&(id, at, minor, _)| match sort {
                Sort::PriceAsc | Sort::PriceDesc => Some(Cursor::Price { minor, id }),
                _ => at.map(|at| Cursor::Newest { at, id }),
            });
            let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
            return Ok((cards_in_order(conn, &ids)?, next));
        }
        // The walked stretch held less than a page: ask the selective index.
        few = true;
    } else if !few && scope.category_ids.len() > 1 {
        return merged_page(conn, q, scope, sort);
    }
    // A price page within a price range reads its few matches through the price index
    // all the same: a sort over an expression made the planner read every row its
    // estimate put in the range (a parallel sequential scan of a million rows for an IDR
    // range that held none).
    let few = few && !(sort.by_price() && scope::walks_price_range(q, scope, has_selective, true));
    let mut filter = conditions(q, words, scope, true);
    if let Some(cursor) = &q.after {
        after_cursor(&mut filter, cursor, sort);
    }
    let query = listings::table
        .inner_join(users::table)
        .filter(filter)
        .limit(PAGE_SIZE + 1)
        .select(card_columns())
        .into_boxed();
    let mut cards: Vec<ListingCard> = match sort {
        Sort::PriceAsc => query
            .order((price_key(few).asc(), listings::id.asc()))
            .noted()
            .load(conn)?,
        Sort::PriceDesc => query
            .order((price_key(few).desc(), listings::id.desc()))
            .noted()
            .load(conn)?,
        Sort::Newest | Sort::Relevance => query
            .order((date_key(few).desc(), listings::id.desc()))
            .noted()
            .load(conn)?,
    };
    let next = if cards.len() as i64 > PAGE_SIZE {
        cards.truncate(PAGE_SIZE as usize);
        cards.last().and_then(|card| match sort {
            Sort::PriceAsc | Sort::PriceDesc => Some(Cursor::Price {
                minor: card.price_minor,
                id: card.id,
            }),
            _ => card
                .published_at
                .map(|at| Cursor::Newest { at, id: card.id }),
        })
    } else {
        None
    };
    Ok((cards, next))
}

/// A page of a category with subcategories, without words or attributes: the page of
/// each subcategory from its own (category_id, date or price) index, merged. One index
/// walk over all categories in date or price order could pass thousands of rows of other
/// categories first (cars are never the cheapest items).
pub(super) fn merged_page(
    conn: &mut PgConnection,
    q: &SearchQuery,
    scope: &Scope,
    sort: Sort,
) -> QueryResult<(Vec<ListingCard>, Option<Cursor>)> {
    let mut rows: Vec<(i64, Option<DateTime<Utc>>, i64)> = Vec::new();
    for &id in &scope.category_ids {
        let one = Scope {
            category_ids: vec![id],
            ..scope.clone()
        };
        let mut filter = conditions(q, "", &one, true);
        if let Some(cursor) = &q.after {
            after_cursor(&mut filter, cursor, sort);
        }
        let query = listings::table
            .filter(filter)
            .limit(PAGE_SIZE + 1)
            .select((listings::id, listings::published_at, listings::price_minor))
            .into_boxed();
        rows.extend(match sort {
            Sort::PriceAsc => query
                .order((listings::price_minor.asc(), listings::id.asc()))
                .noted()
                .load::<(i64, Option<DateTime<Utc>>, i64)>(conn)?,
            Sort::PriceDesc => query
                .order((listings::price_minor.desc(), listings::id.desc()))
                .noted()
                .load(conn)?,
            Sort::Newest | Sort::Relevance => query
                .order((listings::published_at.desc(), listings::id.desc()))
                .noted()
                .load(conn)?,
        });
    }
    match sort {
        Sort::PriceAsc => rows.sort_by_key(|r| (r.2, r.0)),
        Sort::PriceDesc => rows.sort_by_key(|r| std::cmp::Reverse((r.2, r.0))),
        Sort::Newest | Sort::Relevance => rows.sort_by_key(|r| std::cmp::Reverse((r.1, r.0))),
    }
    let next = if rows.len() as i64 > PAGE_SIZE {
        rows.truncate(PAGE_SIZE as usize);
        rows.last().and_then(|&(id, at, minor)| match sort {
            Sort::PriceAsc | Sort::PriceDesc => Some(Cursor::Price { minor, id }),
            _ => at.map(|at| Cursor::Newest { at, id }),
        })
    } else {
        None
    };
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    Ok((cards_in_order(conn, &ids)?, next))
}

/// Loads the cards of `ids`, in that order.
pub(super) fn cards_in_order(
    conn: &mut PgConnection,
    ids: &[i64],
) -> QueryResult<Vec<ListingCard>> {
    let mut cards: Vec<ListingCard> = listings::table
        .inner_join(users::table)
        .filter(listings::id.eq_any(ids))
        .select(card_columns())
        .load(conn)?;
    cards.sort_by_key(|c| ids.iter().position(|id| *id == c.id));
    Ok(cards)
}
