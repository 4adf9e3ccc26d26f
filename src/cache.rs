//! Short-lived, per-process caches of public page data, and the rule that clears them.
//! The features own what they keep (the category tree, the home page's sections,
//! search results, listing pages) and register their caches at start-up.
//!
//! Shoppers ask the same things again and again (the home page, "iphone", a shared
//! listing); answering those from memory for a few seconds leaves the database and the
//! blocking pool to the requests that need them. Only data that is the same for every
//! viewer is kept: who may see a draft, the viewer's locale and session are decided
//! after the cache, on every request. Any write handled by this process (every POST
//! it accepts) clears everything at once, so a seller sees their change immediately; other
//! instances see it within `PASAR_CACHE_MS`.

use std::future::Future;
use std::hash::Hash;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;
use moka::future::Cache;

use crate::error::AppError;

/// One cache. An entry is fresh for `fresh`; after that the next request still gets it
/// at once while one background load replaces it (stale while revalidate), so a popular
/// page never makes its visitors wait for the database when it turns stale. Entries
/// nobody asked for in three times `fresh` are dropped. Concurrent misses of one key
/// share one load. A zero `fresh` keeps nothing.
pub struct Shelf<K, V> {
    cache: Option<Cache<K, Entry<V>>>,
    fresh: Duration,
}

#[derive(Clone)]
struct Entry<V> {
    value: V,
    at: Instant,
    refreshing: Arc<AtomicBool>,
}

impl<V> Entry<V> {
    fn new(value: V) -> Entry<V> {
        Entry {
            value,
            at: Instant::now(),
            refreshing: Arc::new(AtomicBool::new(false)),
        }
    }
}

impl<K, V> Shelf<K, V>
where
    K: Hash + Eq + Clone + Send + Sync + 'static,
    V: Clone + Send + Sync + 'static,
{
    pub fn new(fresh: Duration, capacity: u64) -> Self {
        Shelf {
            cache: (!fresh.is_zero()).then(|| {
                Cache::builder()
                    .max_capacity(capacity)
                    .time_to_live(fresh * 3)
                    .build()
            }),
            fresh,
        }
    }

    /// The kept value, or what `load` gives (kept when it succeeds).
    pub async fn get_or_load<F, Fut>(&self, key: K, load: F) -> Result<V, AppError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<V, AppError>> + 'static,
    {
        let Some(cache) = &self.cache else {
            return load().await;
        };
        if let Some(e) = cache.get(&key).await {
            if e.at.elapsed() > self.fresh && !e.refreshing.swap(true, Ordering::SeqCst) {
                let (cache, flag, fut) = (cache.clone(), e.refreshing.clone(), load());
                actix_web::rt::spawn(async move {
                    match fut.await {
                        Ok(v) => cache.insert(key, Entry::new(v)).await,
                        Err(_) => flag.store(false, Ordering::SeqCst),
                    }
                });
            }
            return Ok(e.value);
        }
        let fut = load();
        cache
            .try_get_with(key, async move { fut.await.map(Entry::new) })
            .await
            .map(|e| e.value)
            .map_err(|shared| shared.as_ref().share())
    }

    pub fn clear(&self) {
        if let Some(c) = &self.cache {
            c.invalidate_all();
        }
    }
}

/// Something a write must empty.
pub trait Clear: Send + Sync {
    fn clear(&self);
}

impl<K, V> Clear for Shelf<K, V>
where
    K: Hash + Eq + Clone + Send + Sync + 'static,
    V: Clone + Send + Sync + 'static,
{
    fn clear(&self) {
        Shelf::clear(self)
    }
}

/// One value kept until cleared, for data that changes only with a deploy (the
/// category tree comes from migrations). `keep: false` keeps nothing.
pub struct Slot<T> {
    value: RwLock<Option<Arc<T>>>,
    keep: bool,
}

impl<T: Send + Sync> Slot<T> {
    pub fn new(keep: bool) -> Slot<T> {
        Slot {
            value: RwLock::new(None),
            keep,
        }
    }

    /// The kept value, or `load`'s (kept when it succeeds). Synchronous: callers run it
    /// on the blocking pool, inside a database closure.
    pub fn get_or_load<E>(&self, load: impl FnOnce() -> Result<T, E>) -> Result<Arc<T>, E> {
        if let Some(v) = self.value.read().ok().and_then(|v| v.clone()) {
            return Ok(v);
        }
        let v = Arc::new(load()?);
        if self.keep {
            if let Ok(mut slot) = self.value.write() {
                *slot = Some(v.clone());
            }
        }
        Ok(v)
    }
}

impl<T: Send + Sync> Clear for Slot<T> {
    fn clear(&self) {
        if let Ok(mut slot) = self.value.write() {
            *slot = None;
        }
    }
}

/// Every cache of the process, as start-up registered them.
#[derive(Default, Clone)]
pub struct Registry(Vec<Arc<dyn Clear>>);

impl Registry {
    pub fn add(&mut self, cache: Arc<dyn Clear>) {
        self.0.push(cache);
    }

    pub fn clear(&self) {
        for c in &self.0 {
            c.clear();
        }
    }
}

/// Clears the caches after every request that may have changed something: an unsafe
/// method the app accepted (2xx or 3xx). A refused one (404, CSRF, a form with errors,
/// a webhook with a bad signature) changed nothing, and anyone can send those: clearing
/// on them would let any stranger empty every cache at will.
pub async fn clear_after_writes(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let writes = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let caches = req.app_data::<actix_web::web::Data<Registry>>().cloned();
    let res = next.call(req).await;
    let accepted = res.as_ref().is_ok_and(|r| {
        let s = r.status();
        s.is_success() || s.is_redirection()
    });
    if writes && accepted {
        if let Some(c) = caches {
            c.clear();
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    async fn counted(loads: &Arc<AtomicUsize>, v: u32) -> Result<u32, AppError> {
        loads.fetch_add(1, Ordering::SeqCst);
        Ok(v)
    }

    #[actix_web::test]
    async fn fresh_values_are_reused_stale_ones_served_while_reloaded() {
        let shelf: Shelf<u8, u32> = Shelf::new(Duration::from_millis(200), 10);
        let loads = Arc::new(AtomicUsize::new(0));
        for _ in 0..3 {
            let l = loads.clone();
            assert_eq!(
                shelf
                    .get_or_load(1, || async move { counted(&l, 7).await })
                    .await
                    .ok(),
                Some(7)
            );
        }
        assert_eq!(loads.load(Ordering::SeqCst), 1);
        // Stale: the old value at once, a new one loaded behind it.
        tokio::time::sleep(Duration::from_millis(250)).await;
        let l = loads.clone();
        assert_eq!(
            shelf
                .get_or_load(1, || async move { counted(&l, 8).await })
                .await
                .ok(),
            Some(7)
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
        let l = loads.clone();
        assert_eq!(
            shelf
                .get_or_load(1, || async move { counted(&l, 9).await })
                .await
                .ok(),
            Some(8)
        );
        assert_eq!(loads.load(Ordering::SeqCst), 2);
        // Cleared: loaded again before answering.
        shelf.clear();
        let l = loads.clone();
        assert_eq!(
            shelf
                .get_or_load(1, || async move { counted(&l, 10).await })
                .await
                .ok(),
            Some(10)
        );
    }

    #[actix_web::test]
    async fn concurrent_misses_share_one_load_and_errors_are_not_kept() {
        let shelf: Shelf<u8, u32> = Shelf::new(Duration::from_secs(60), 10);
        let loads = Arc::new(AtomicUsize::new(0));
        let all = (0..20).map(|_| {
            let l = loads.clone();
            shelf.get_or_load(1, move || async move {
                tokio::time::sleep(Duration::from_millis(50)).await;
                counted(&l, 5).await
            })
        });
        let got = futures_util::future::join_all(all).await;
        assert!(got.iter().all(|r| r.as_ref().ok() == Some(&5)));
        assert_eq!(loads.load(Ordering::SeqCst), 1);
        let failed = shelf
            .get_or_load(2, || async { Err::<u32, _>(AppError::Unavailable) })
            .await;
        assert!(matches!(failed, Err(AppError::Unavailable)));
        assert_eq!(shelf.get_or_load(2, || async { Ok(6) }).await.ok(), Some(6));
    }

    #[actix_web::test]
    async fn zero_lifetime_keeps_nothing() {
        let shelf: Shelf<u8, u32> = Shelf::new(Duration::ZERO, 10);
        assert_eq!(shelf.get_or_load(1, || async { Ok(1) }).await.ok(), Some(1));
        assert_eq!(shelf.get_or_load(1, || async { Ok(2) }).await.ok(), Some(2));
    }
}
