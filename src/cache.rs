//! Short-lived, per-process caches of public page data: the category tree, the home
//! page's sections, search and category results, and listing pages.
//!
//! Shoppers ask the same things again and again (the home page, "iphone", a shared
//! listing); answering those from memory for a few seconds leaves the database and the
//! blocking pool to the requests that need them. Only data that is the same for every
//! viewer is kept: who may see a draft, the viewer's locale and session are decided
//! after the cache, on every request. Any write handled by this process (every POST)
//! clears everything at once, so a seller sees their change immediately; other
//! instances see it within `PASAR_CACHE_MS`.

use std::hash::Hash;
use std::sync::Arc;
use std::time::Duration;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;
use moka::sync::Cache;

use crate::home::HomeData;
use crate::listings::categories::CategoryTree;
use crate::listings::routes::ListingData;
use crate::listings::search::Found;

/// One cache with a time to live; a zero time to live keeps nothing.
pub struct Shelf<K, V> {
    cache: Option<Cache<K, V>>,
}

impl<K, V> Shelf<K, V>
where
    K: Hash + Eq + Send + Sync + 'static,
    V: Clone + Send + Sync + 'static,
{
    pub fn new(ttl: Duration, capacity: u64) -> Self {
        Shelf {
            cache: (!ttl.is_zero()).then(|| {
                Cache::builder()
                    .max_capacity(capacity)
                    .time_to_live(ttl)
                    .build()
            }),
        }
    }

    pub fn get(&self, key: &K) -> Option<V> {
        self.cache.as_ref()?.get(key)
    }

    pub fn put(&self, key: K, value: V) {
        if let Some(c) = &self.cache {
            c.insert(key, value);
        }
    }

    /// The kept value, or `load`'s (kept when it succeeds).
    pub fn get_or_try<E>(&self, key: K, load: impl FnOnce() -> Result<V, E>) -> Result<V, E> {
        if let Some(v) = self.get(&key) {
            return Ok(v);
        }
        let v = load()?;
        self.put(key, v.clone());
        Ok(v)
    }

    pub fn clear(&self) {
        if let Some(c) = &self.cache {
            c.invalidate_all();
        }
    }
}

/// Every cache of the process.
pub struct Caches {
    pub tree: Shelf<(), Arc<CategoryTree>>,
    pub home: Shelf<(), Arc<HomeData>>,
    /// Keyed by the page (path and query string) and the viewer's locale, which picks
    /// the default currency of price filters.
    pub search: Shelf<String, Arc<Found>>,
    pub listings: Shelf<i64, Arc<ListingData>>,
}

impl Caches {
    pub fn new(ttl: Duration) -> Caches {
        Caches {
            tree: Shelf::new(ttl, 1),
            home: Shelf::new(ttl, 1),
            // A page of results is a few kilobytes: a few megabytes at most.
            search: Shelf::new(ttl, 2_000),
            listings: Shelf::new(ttl, 10_000),
        }
    }

    pub fn clear(&self) {
        self.tree.clear();
        self.home.clear();
        self.search.clear();
        self.listings.clear();
    }
}

/// Clears the caches after every request that may have changed something.
pub async fn clear_after_writes(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let writes = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let caches = req
        .app_data::<actix_web::web::Data<crate::AppState>>()
        .map(|s| s.caches.clone());
    let res = next.call(req).await;
    if writes {
        if let Some(c) = caches {
            c.clear();
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_for_its_lifetime_and_clears() {
        let shelf: Shelf<u8, u32> = Shelf::new(Duration::from_millis(200), 10);
        let mut loads = 0;
        for _ in 0..3 {
            let v = shelf.get_or_try(1, || {
                loads += 1;
                Ok::<_, ()>(7)
            });
            assert_eq!(v, Ok(7));
        }
        assert_eq!(loads, 1);
        shelf.clear();
        assert_eq!(shelf.get(&1), None);
        shelf.put(1, 8);
        assert_eq!(shelf.get(&1), Some(8));
        std::thread::sleep(Duration::from_millis(300));
        assert_eq!(shelf.get(&1), None);
    }

    #[test]
    fn zero_lifetime_keeps_nothing() {
        let shelf: Shelf<u8, u32> = Shelf::new(Duration::ZERO, 10);
        shelf.put(1, 8);
        assert_eq!(shelf.get(&1), None);
        assert_eq!(
            shelf.get_or_try(1, || Err::<u32, _>("db down")),
            Err("db down")
        );
    }
}
