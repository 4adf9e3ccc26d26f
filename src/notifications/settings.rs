//! Which optional emails a member gets: every kind is on until they turn it off (a row
//! in `notification_optouts`).

use std::collections::HashSet;

use diesel::prelude::*;

use super::Kind;
use crate::db::schema::notification_optouts as o;

pub fn allows(conn: &mut PgConnection, user_id: i64, kind: Kind) -> QueryResult<bool> {
    let off: i64 = o::table
        .filter(o::user_id.eq(user_id).and(o::kind.eq(kind)))
        .count()
        .get_result(conn)?;
    Ok(off == 0)
}

/// Of `user_ids`, those who get `kind` (one query for a batch: alerts, digests, likers).
pub fn allows_each(
    conn: &mut PgConnection,
    user_ids: &[i64],
    kind: Kind,
) -> QueryResult<HashSet<i64>> {
    let off: HashSet<i64> = o::table
        .filter(o::user_id.eq_any(user_ids).and(o::kind.eq(kind)))
        .select(o::user_id)
        .load::<i64>(conn)?
        .into_iter()
        .collect();
    Ok(user_ids
        .iter()
        .copied()
        .filter(|id| !off.contains(id))
        .collect())
}

/// Turns `kind` on or off for the member; answers whether that changed anything.
pub fn set(conn: &mut PgConnection, user_id: i64, kind: Kind, on: bool) -> QueryResult<bool> {
    let changed = if on {
        diesel::delete(o::table.filter(o::user_id.eq(user_id).and(o::kind.eq(kind))))
            .execute(conn)?
    } else {
        diesel::insert_into(o::table)
            .values((o::user_id.eq(user_id), o::kind.eq(kind)))
            .on_conflict_do_nothing()
            .execute(conn)?
    };
    Ok(changed > 0)
}

/// The kinds the member has turned off.
pub fn off_kinds(conn: &mut PgConnection, user_id: i64) -> QueryResult<Vec<Kind>> {
    o::table
        .filter(o::user_id.eq(user_id))
        .select(o::kind)
        .load::<Kind>(conn)
}
