//! What the listings feature keeps in memory (see `crate::cache` for the rules): the
//! category tree, search results and listing pages.

use std::sync::Arc;
use std::time::Duration;

use super::categories::CategoryTree;
use super::routes::ListingData;
use super::search::Found;
use crate::cache::{Clear, Shelf, Slot};

/// The listings caches of the process.
pub struct Caches {
    /// The category tree changes only with migrations (a deploy): kept until cleared.
    pub tree: Slot<CategoryTree>,
    /// Keyed by the page (path and query string) and the viewer's locale, which picks
    /// the default currency of price filters.
    pub search: Shelf<String, Option<Arc<Found>>>,
    /// Keyed by the listing and the viewer's country (for the similar items).
    pub listings: Shelf<(i64, String), Arc<ListingData>>,
}

impl Caches {
    pub fn new(ttl: Duration) -> Caches {
        Caches {
            tree: Slot::new(!ttl.is_zero()),
            // A page of results is a few kilobytes: a few megabytes at most.
            search: Shelf::new(ttl, 2_000),
            listings: Shelf::new(ttl, 10_000),
        }
    }
}

impl Clear for Caches {
    fn clear(&self) {
        self.tree.clear();
        self.search.clear();
        self.listings.clear();
    }
}
