//! Browse and search: `/search` and `/c/{slug}`. The query string becomes a typed
//! `SearchQuery` (`query`), resolved against the category tree (`scope`); the listings
//! matching it load keyset-paged, without OFFSET (`paging`, and `ranking` for relevance),
//! with capped counts per category (`counts`), and a typo-corrected second try when
//! full-text search finds (almost) nothing (`spelling`, put together in `outcome`).
//! `refresh_search_words` keeps the vocabulary that the correction draws from.
//!
//! The SQL is assembled from fixed text and bound values (`sql::Conditions`); what a
//! visitor types only ever travels as a bind parameter.

mod counts;
mod outcome;
mod paging;
mod query;
mod ranking;
mod routes;
mod scope;
mod spelling;
mod sql;
pub mod views;

pub use counts::{Count, COUNT_CAP};
pub use outcome::{run, Outcome};
pub use paging::PAGE_SIZE;
pub use query::{default_currency, href, Cursor, Notice, SearchQuery, Sort, MAX_QUERY_WORDS};
pub use ranking::RANK_WINDOW;
pub use routes::{configure, Found};
pub use scope::{resolve, Scope};
pub use spelling::{correct, edit_distance, refresh_search_words};
pub use sql::Conditions;
