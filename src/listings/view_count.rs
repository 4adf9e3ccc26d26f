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

/// Adds views counted in memory since the last flush (one statement for all).
pub fn add_views(conn: &mut PgConnection, counts: &[(i64, i64)]) -> QueryResult<()> {
    if counts.is_empty() {
        return Ok(());
    }
    let ids: Vec<i64> = counts.iter().map(|(id, _)| *id).collect();
    let ns: Vec<i64> = counts.iter().map(|(_, n)| *n).collect();
    diesel::sql_query(
        "UPDATE listings SET views = views + v.n \
         FROM unnest($1::bigint[], $2::bigint[]) AS v(id, n) WHERE listings.id = v.id",
    )
    .bind::<diesel::sql_types::Array<diesel::sql_types::BigInt>, _>(ids)
    .bind::<diesel::sql_types::Array<diesel::sql_types::BigInt>, _>(ns)
    .execute(conn)
    .map(|_| ())
}
