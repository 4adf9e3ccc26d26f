//! Counts of a search: matches per category and in all, each counting at most
//! `COUNT_CAP` rows.

use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::{BigInt, Integer};

use super::query::SearchQuery;
use super::scope::{walks_price_range, Scope};
use super::sql::{conditions, plain_conditions_for, selective_conditions, Conditions, Noted};

/// Counting stops after this many matching rows, so a query matching half the catalogue
/// costs no more than one matching a thousand; the page then says "More than 1,000".
/// Every counted row is a heap visit (the full-text index cannot count by itself): at
/// 10,000 the counts alone took 20-35 ms for a word in 1% of a million listings.
pub const COUNT_CAP: i64 = 1_000;

/// A number of results, exact or "at least".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Count {
    pub n: i64,
    /// Counting stopped at `COUNT_CAP`.
    pub capped: bool,
}

/// `SELECT category_id, count(*)` over at most `COUNT_CAP` matching rows.
pub(super) struct CappedCounts {
    filter: Conditions,
    /// Fixed text: an index order for the counted rows, see `sample_order`.
    order: Option<&'static str>,
}

impl QueryFragment<Pg> for CappedCounts {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql(
            "SELECT m.category_id, count(*) FROM (SELECT listings.category_id FROM listings WHERE ",
        );
        self.filter.walk_ast(out.reborrow())?;
        if let Some(order) = self.order {
            out.push_sql(" ORDER BY ");
            out.push_sql(order);
        }
        out.push_sql(" LIMIT ");
        // One row more than the cap tells "exactly 1,000" from "more".
        out.push_bind_param::<BigInt, _>(&(COUNT_CAP + 1))?;
        out.push_sql(") m GROUP BY m.category_id");
        Ok(())
    }
}

impl QueryId for CappedCounts {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl Query for CappedCounts {
    type SqlType = (Integer, BigInt);
}

impl RunQueryDsl<PgConnection> for CappedCounts {}

/// What the counting queries found.
pub(super) struct Counts {
    /// Matches per category id (of every category, or of the chosen one).
    pub(super) by_category: Vec<(i32, i64)>,
    pub(super) by_category_capped: bool,
    /// Matches of the whole query.
    pub(super) total: Count,
}

/// The order in which a price range's counted rows are read: that of the price index
/// (see `walks_price_range`), so the count walks the range in the index and stops at
/// the cap. Without it the planner expected 190,000 rows for `min=0&max=50000&currency=IDR`,
/// chose a sequential scan to find the first 1,001, and read all million rows (0.4-0.5 s)
/// to find none.
fn sample_order(
    q: &SearchQuery,
    words: &str,
    scope: &Scope,
    with_category: bool,
) -> Option<&'static str> {
    let selective = !selective_conditions(words, scope).is_empty();
    walks_price_range(q, scope, selective, with_category)
        .then_some("listings.currency, listings.price_minor, listings.id")
}

/// The counted rows' conditions. A price range walked in the price index's order keeps
/// its condition filter out of the full-text index (which holds it for searches with
/// words): else the planner may build that index's bitmap of the condition and sort it.
fn sample_filter(q: &SearchQuery, words: &str, scope: &Scope, with_category: bool) -> Conditions {
    if sample_order(q, words, scope, with_category).is_some() {
        // `walks_price_range` holds only without words or attributes.
        plain_conditions_for(q, scope, with_category, true)
    } else {
        conditions(q, words, scope, with_category)
    }
}

/// Matches per category id and the total for the query.
pub(super) fn counts(
    conn: &mut PgConnection,
    q: &SearchQuery,
    words: &str,
    scope: &Scope,
) -> QueryResult<Counts> {
    let rows: Vec<(i32, i64)> = CappedCounts {
        filter: sample_filter(q, words, scope, !scope.count_all_categories),
        order: sample_order(q, words, scope, !scope.count_all_categories),
    }
    .noted()
    .load(conn)?;
    let seen: i64 = rows.iter().map(|(_, n)| n).sum();
    let capped = seen > COUNT_CAP;
    let total = if scope.category_ids.is_empty() || !scope.count_all_categories {
        Count {
            n: seen.min(COUNT_CAP),
            capped,
        }
    } else if !capped {
        Count {
            n: rows
                .iter()
                .filter(|(id, _)| scope.category_ids.contains(id))
                .map(|(_, n)| n)
                .sum(),
            capped: false,
        }
    } else {
        // The capped sample says little about one category: count it on its own.
        let own: Vec<(i32, i64)> = CappedCounts {
            filter: sample_filter(q, words, scope, true),
            order: sample_order(q, words, scope, true),
        }
        .noted()
        .load(conn)?;
        let n: i64 = own.iter().map(|(_, n)| n).sum();
        Count {
            n: n.min(COUNT_CAP),
            capped: n > COUNT_CAP,
        }
    };
    Ok(Counts {
        by_category: rows,
        by_category_capped: capped,
        total,
    })
}
