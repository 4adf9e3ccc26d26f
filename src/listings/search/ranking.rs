//! Relevance order: every match ranked when the matches were all counted, else windows
//! of the newest matches ranked one window at a time, so a common word never ranks
//! every listing that has it.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::super::model::ListingCard;
use super::counts::Count;
use super::paging::{cards_in_order, date_key, order_of, BoundedWalk, WalkRow, PAGE_SIZE};
use super::query::{Cursor, SearchQuery, Sort};
use super::scope::Scope;
use super::sql::{
    conditions, plain_conditions, push_tsquery, rank_expr, selective_conditions, Bind, Conditions,
    Noted,
};
use crate::db::schema::listings;

/// How many of the newest matches are ranked together when a query matches more than
/// `COUNT_CAP` listings: a page's worth. Ranking every match of a common word means
/// reading tens of thousands of rows, and with listings stored in no particular date
/// order each row of a window is a random heap visit (about 2 µs on a 2-core machine;
/// a word in 1% of a million listings needs 100 visits per windowed row). So broad
/// queries show the newest matches, best match first within each page; queries with
/// fewer matches are ranked exactly (their rows were just read by the counts).
pub const RANK_WINDOW: i64 = PAGE_SIZE;

/// Where a relevance window starts: at its newest row (inclusive), or just after the
/// previous window's oldest row.
#[derive(Clone, Copy)]
pub(super) enum WindowStart {
    Top,
    AtOrBefore(DateTime<Utc>, i64),
    Before(DateTime<Utc>, i64),
}

/// A row of a relevance window: id, published_at, rank.
pub(super) type WindowRow = (i64, Option<DateTime<Utc>>, f32);

/// A page sorted by relevance. With all matches counted (`few`), or paging on from such
/// a page, every match is ranked; otherwise windows of the newest matches are.
pub(super) fn relevance_page(
    conn: &mut PgConnection,
    q: &SearchQuery,
    words: &str,
    scope: &Scope,
    total: Count,
) -> QueryResult<(Vec<ListingCard>, Option<Cursor>)> {
    let exact = match q.after {
        Some(Cursor::Rank { .. }) => true,
        Some(_) => false,
        None => !total.capped,
    };
    if !exact {
        return window_page(conn, q, words, scope);
    }
    let mut filter = conditions(q, words, scope, true);
    if let Some(Cursor::Rank { rank, id }) = q.after {
        filter.cond("(ts_rank(listings.search, ");
        push_tsquery(&mut filter, words);
        filter
            .sql("), listings.id) < (")
            .bind(Bind::Float(rank))
            .sql(", ")
            .bind(Bind::BigInt(id))
            .sql(")");
    }
    let mut rows: Vec<(i64, f32)> = listings::table
        .filter(filter)
        .order((rank_expr(words).desc(), listings::id.desc()))
        .limit(PAGE_SIZE + 1)
        .select((listings::id, rank_expr(words)))
        .noted()
        .load(conn)?;
    let next = if rows.len() as i64 > PAGE_SIZE {
        rows.truncate(PAGE_SIZE as usize);
        rows.last().map(|&(id, rank)| Cursor::Rank { rank, id })
    } else {
        None
    };
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    Ok((cards_in_order(conn, &ids)?, next))
}

/// The first `RANK_WINDOW + 1` matches from `start`, newest first, with their rank: a
/// bounded walk of the date index, or when that finds too few, through the words'
/// index (see `WALK_LIMIT`).
pub(super) fn window_rows(
    conn: &mut PgConnection,
    q: &SearchQuery,
    words: &str,
    scope: &Scope,
    start: WindowStart,
) -> QueryResult<Vec<WindowRow>> {
    let bound = |c: &mut Conditions| match start {
        WindowStart::Top => {}
        WindowStart::AtOrBefore(at, id) => {
            c.cond("(listings.published_at, listings.id) <= (")
                .bind(Bind::Time(at))
                .sql(", ")
                .bind(Bind::BigInt(id))
                .sql(")");
        }
        WindowStart::Before(at, id) => {
            c.cond("(listings.published_at, listings.id) < (")
                .bind(Bind::Time(at))
                .sql(", ")
                .bind(Bind::BigInt(id))
                .sql(")");
        }
    };
    let mut plain = plain_conditions(q, scope, true);
    bound(&mut plain);
    let walked: Vec<WalkRow> = BoundedWalk {
        plain,
        selective: selective_conditions(words, scope),
        order: order_of(Sort::Newest),
        rank: Some(rank_expr(words)),
        limit: RANK_WINDOW + 1,
    }
    .noted()
    .load(conn)?;
    if walked.len() as i64 > RANK_WINDOW {
        return Ok(walked
            .into_iter()
            .map(|(id, at, _, r)| (id, at, r))
            .collect());
    }
    let mut filter = conditions(q, words, scope, true);
    bound(&mut filter);
    listings::table
        .filter(filter)
        .order((date_key(true).desc(), listings::id.desc()))
        .limit(RANK_WINDOW + 1)
        .select((listings::id, listings::published_at, rank_expr(words)))
        .noted()
        .load(conn)
}

/// A relevance page by windows: walks windows of `RANK_WINDOW` newest matches, ranks
/// each with `ts_rank` and takes the rows after the cursor.
pub(super) fn window_page(
    conn: &mut PgConnection,
    q: &SearchQuery,
    words: &str,
    scope: &Scope,
) -> QueryResult<(Vec<ListingCard>, Option<Cursor>)> {
    let (mut start, mut after) = match q.after {
        Some(Cursor::Window {
            window_at,
            window_id,
            rank,
            id,
        }) => (
            WindowStart::AtOrBefore(window_at, window_id),
            Some((rank, id)),
        ),
        Some(Cursor::NextWindow { at, id }) => (WindowStart::Before(at, id), None),
        _ => (WindowStart::Top, None),
    };
    // (id, rank, the window's newest row)
    let mut picked: Vec<(i64, f32, (DateTime<Utc>, i64))> = Vec::new();
    let mut next = None;
    // Two windows always fill a page (a window holds a page).
    for _ in 0..3 {
        // One row more than the window says whether another window follows.
        let mut window = window_rows(conn, q, words, scope, start)?;
        let more_windows = window.len() as i64 > RANK_WINDOW;
        window.truncate(RANK_WINDOW as usize);
        let (Some(first), Some(last)) = (window.first(), window.last()) else {
            break;
        };
        // `conditions` keeps only published listings, so these are set.
        let (Some(top_at), Some(end_at)) = (first.1, last.1) else {
            break;
        };
        let top = (top_at, first.0);
        let end = (end_at, last.0);
        let mut ranked: Vec<(i64, f32)> = window.into_iter().map(|(id, _, r)| (id, r)).collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0)));
        let mut left_in_window = 0;
        for (id, rank) in ranked {
            let past_cursor = match after {
                // Rows after (rank, id) in (rank DESC, id DESC) order.
                Some((r, i)) => rank < r || (rank == r && id < i),
                None => true,
            };
            if !past_cursor {
                continue;
            }
            if (picked.len() as i64) < PAGE_SIZE {
                picked.push((id, rank, top));
            } else {
                left_in_window += 1;
            }
        }
        if picked.len() as i64 == PAGE_SIZE {
            next = if left_in_window > 0 {
                picked
                    .last()
                    .map(|&(id, rank, (window_at, window_id))| Cursor::Window {
                        window_at,
                        window_id,
                        rank,
                        id,
                    })
            } else if more_windows {
                Some(Cursor::NextWindow {
                    at: end.0,
                    id: end.1,
                })
            } else {
                None
            };
            break;
        }
        if !more_windows {
            break;
        }
        start = WindowStart::Before(end.0, end.1);
        after = None;
    }
    let ids: Vec<i64> = picked.iter().map(|p| p.0).collect();
    Ok((cards_in_order(conn, &ids)?, next))
}
