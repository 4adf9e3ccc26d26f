//! "People near you": the viewer's country, and the listings of that country before
//! the rest (home page, similar items).

use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};

pub use super::country::Country;
use super::model::{card_columns, ListingCard};
use super::status::ListingStatus;
use crate::db::schema::{listings, users};

/// The newest active listings (of `category`, without `except`), those of `near` first.
/// Each spelling of the country is one ordered scan of an index on (category,)
/// lower(country), published_at; the rest is the usual newest-first index scan.
pub fn newest(
    conn: &mut PgConnection,
    near: Option<&Country>,
    category: Option<i32>,
    except: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<ListingCard>> {
    let base = |n: i64| {
        let mut q = listings::table
            .inner_join(users::table)
            .select(card_columns())
            .filter(listings::status.eq(ListingStatus::Active))
            .into_boxed();
        if let Some(c) = category {
            q = q.filter(listings::category_id.eq(c));
        }
        if let Some(id) = except {
            q = q.filter(listings::id.ne(id));
        }
        q.order((listings::published_at.desc(), listings::id.desc()))
            .limit(n)
    };
    let want = usize::try_from(limit).unwrap_or(0);
    let mut cards: Vec<ListingCard> = Vec::new();
    if let Some(country) = near {
        for s in country.spellings() {
            cards.extend(
                base(limit)
                    .filter(sql::<Bool>("lower(listings.country) = ").bind::<Text, _>(s))
                    .load::<ListingCard>(conn)?,
            );
        }
        cards.sort_by_key(|c| std::cmp::Reverse((c.published_at, c.id)));
        cards.dedup_by_key(|c| c.id);
        cards.truncate(want);
    }
    if cards.len() < want {
        let shown = cards.len();
        let rest = base(limit + i64::try_from(shown).unwrap_or(0)).load::<ListingCard>(conn)?;
        let taken: Vec<i64> = cards.iter().map(|c| c.id).collect();
        cards.extend(
            rest.into_iter()
                .filter(|c| !taken.contains(&c.id))
                .take(want - shown),
        );
    }
    Ok(cards)
}
