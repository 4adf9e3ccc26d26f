//! Listing views are counted in memory and written in one statement every few seconds:
//! a popular listing would otherwise take a row lock on every page view. A crash loses
//! at most a few seconds of counts.

use std::collections::HashMap;
use std::sync::Mutex;

use diesel::prelude::*;

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

/// Rows one flush statement updates at most, so a burst of views becomes several short
/// statements rather than one long one holding many row locks.
pub const FLUSH_BATCH: usize = 500;

/// Adds views counted in memory since the last flush: ids in ascending order (the heap
/// and the primary key are walked in their own order, and two flushers lock rows in the
/// same order, so they cannot deadlock), `FLUSH_BATCH` rows a statement.
pub fn add_views(conn: &mut PgConnection, counts: &[(i64, i64)]) -> QueryResult<()> {
    let mut sorted = counts.to_vec();
    sorted.sort_unstable();
    for batch in sorted.chunks(FLUSH_BATCH) {
        let (ids, ns): (Vec<i64>, Vec<i64>) = batch.iter().copied().unzip();
        diesel::sql_query(
            "UPDATE listings SET views = views + v.n \
             FROM unnest($1::bigint[], $2::bigint[]) AS v(id, n) WHERE listings.id = v.id",
        )
        .bind::<diesel::sql_types::Array<diesel::sql_types::BigInt>, _>(ids)
        .bind::<diesel::sql_types::Array<diesel::sql_types::BigInt>, _>(ns)
        .execute(conn)?;
    }
    Ok(())
}
