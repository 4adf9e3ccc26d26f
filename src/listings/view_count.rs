//! Listing views are counted in memory and written in one statement every few seconds:
//! a popular listing would otherwise take a row lock on every page view. A crash loses
//! at most a few seconds of counts.

use std::collections::HashMap;
use std::sync::Mutex;

#[derive(Default)]
pub struct ViewCount(Mutex<HashMap<i64, i64>>);

impl ViewCount {
    pub fn hit(&self, listing_id: i64) {
        if let Ok(mut m) = self.0.lock() {
            *m.entry(listing_id).or_insert(0) += 1;
        }
    }

    /// Takes the counts gathered since the last call.
    pub fn take(&self) -> Vec<(i64, i64)> {
        match self.0.lock() {
            Ok(mut m) => m.drain().collect(),
            Err(_) => Vec::new(),
        }
    }
}
