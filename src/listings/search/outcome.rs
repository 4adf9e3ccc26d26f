//! A search answered: counts, a page of cards and, when the words find (almost) nothing,
//! the typo-corrected words tried too.

use diesel::prelude::*;

use super::super::model::ListingCard;
use super::counts::{counts, Count};
use super::paging;
use super::query::Sort;
use super::query::{Cursor, SearchQuery};
use super::ranking::relevance_page;
use super::scope::Scope;
use super::spelling::correct;

/// Below this many results a typo-corrected query is tried.
pub(super) const FEW_RESULTS: i64 = 3;

/// One page of results.
#[derive(Clone, Debug, Default)]
pub struct Outcome {
    pub cards: Vec<ListingCard>,
    pub next: Option<Cursor>,
    pub total: Count,
    /// Matches per category id (see `Scope::count_all_categories`), capped like `total`.
    pub by_category: Vec<(i32, i64)>,
    pub by_category_capped: bool,
    /// The corrected words whose results are shown instead (nothing matched the typed ones).
    pub corrected: Option<String>,
    /// A correction that finds more, offered as a link (a few results matched).
    pub suggestion: Option<String>,
}

/// Runs the query: a page of results and the counts; when the words find fewer than a
/// few listings, the words corrected against `search_words` are tried too.
pub fn run(conn: &mut PgConnection, q: &SearchQuery, scope: &Scope) -> QueryResult<Outcome> {
    let found = counts(conn, q, &q.q, scope)?;
    let (cards, next) = page(conn, q, &q.q, scope, found.total)?;
    let mut out = Outcome {
        cards,
        next,
        total: found.total,
        by_category: found.by_category,
        by_category_capped: found.by_category_capped,
        corrected: None,
        suggestion: None,
    };
    if q.q.is_empty() || q.after.is_some() || out.total.n >= FEW_RESULTS {
        return Ok(out);
    }
    let Some(better) = correct(conn, &q.q)? else {
        return Ok(out);
    };
    let found = counts(conn, q, &better, scope)?;
    if found.total.n <= out.total.n {
        return Ok(out);
    }
    if out.total.n == 0 {
        // Nothing matched what was typed: show what the corrected words find.
        let mut fixed = q.clone();
        fixed.q = better.clone();
        let (cards, next) = page(conn, &fixed, &better, scope, found.total)?;
        out = Outcome {
            cards,
            next,
            total: found.total,
            by_category: found.by_category,
            by_category_capped: found.by_category_capped,
            corrected: Some(better),
            suggestion: None,
        };
    } else {
        out.suggestion = Some(better);
    }
    Ok(out)
}

/// One page of cards: ranked when words are sorted by relevance, else walked in the
/// order asked for.
fn page(
    conn: &mut PgConnection,
    q: &SearchQuery,
    words: &str,
    scope: &Scope,
    total: Count,
) -> QueryResult<(Vec<ListingCard>, Option<Cursor>)> {
    if q.sort() == Sort::Relevance && !words.is_empty() {
        relevance_page(conn, q, words, scope, total)
    } else {
        paging::page(conn, q, words, scope, total)
    }
}
