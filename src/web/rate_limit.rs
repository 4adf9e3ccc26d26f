//! Fixed-window counters in Postgres, so limits hold across every server process.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Double, Integer, Text};

use super::AppError;

/// A limit: at most `max` hits per `window_secs` for one subject (an IP or an account).
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    pub name: &'static str,
    pub max: i32,
    pub window_secs: i64,
}

pub const LOGIN_PER_IP: Limit = Limit {
    name: "login-ip",
    max: 30,
    window_secs: 900,
};
/// Failed logins per account before it is locked for the rest of the window.
pub const LOGIN_FAILURES_PER_ACCOUNT: Limit = Limit {
    name: "login-account",
    max: 8,
    window_secs: 900,
};
pub const SIGNUP_PER_IP: Limit = Limit {
    name: "signup-ip",
    max: 10,
    window_secs: 3600,
};
pub const RESET_PER_IP: Limit = Limit {
    name: "reset-ip",
    max: 10,
    window_secs: 3600,
};
pub const RESET_PER_ACCOUNT: Limit = Limit {
    name: "reset-account",
    max: 3,
    window_secs: 3600,
};
pub const RESEND_PER_ACCOUNT: Limit = Limit {
    name: "resend-account",
    max: 5,
    window_secs: 3600,
};

#[derive(QueryableByName)]
struct Counted {
    #[diesel(sql_type = Integer)]
    hits: i32,
    #[diesel(sql_type = BigInt)]
    retry_after: i64,
}

fn key(limit: &Limit, subject: &str) -> String {
    format!("{}:{}", limit.name, subject.to_lowercase())
}

/// Counts one hit. Over the limit, answers `TooMany` with the seconds until the window
/// ends.
pub fn hit(conn: &mut PgConnection, limit: &Limit, subject: &str) -> Result<(), AppError> {
    let row: Counted = diesel::sql_query(
        "INSERT INTO rate_limits (key, window_start, hits) VALUES ($1, now(), 1) \
         ON CONFLICT (key) DO UPDATE SET \
           hits = CASE WHEN rate_limits.window_start <= now() - make_interval(secs => $2) \
                  THEN 1 ELSE rate_limits.hits + 1 END, \
           window_start = CASE WHEN rate_limits.window_start <= now() - make_interval(secs => $2) \
                  THEN now() ELSE rate_limits.window_start END \
         RETURNING hits, \
           GREATEST(1, CEIL(EXTRACT(EPOCH FROM (window_start + make_interval(secs => $2) - now()))))::bigint \
           AS retry_after",
    )
    .bind::<Text, _>(key(limit, subject))
    .bind::<Double, _>(limit.window_secs as f64)
    .get_result(conn)?;
    if row.hits > limit.max {
        Err(AppError::TooMany(row.retry_after as u64))
    } else {
        Ok(())
    }
}

/// Whether the subject is already over the limit, without counting a hit.
pub fn check(conn: &mut PgConnection, limit: &Limit, subject: &str) -> Result<(), AppError> {
    let row: Option<Counted> = diesel::sql_query(
        "SELECT hits, GREATEST(1, CEIL(EXTRACT(EPOCH FROM \
           (window_start + make_interval(secs => $2) - now()))))::bigint AS retry_after \
         FROM rate_limits WHERE key = $1 AND window_start > now() - make_interval(secs => $2)",
    )
    .bind::<Text, _>(key(limit, subject))
    .bind::<Double, _>(limit.window_secs as f64)
    .get_result(conn)
    .optional()?;
    match row {
        Some(r) if r.hits >= limit.max => Err(AppError::TooMany(r.retry_after as u64)),
        _ => Ok(()),
    }
}

/// Forgets the subject's count (a successful login clears its failures).
pub fn clear(conn: &mut PgConnection, limit: &Limit, subject: &str) -> QueryResult<()> {
    diesel::sql_query("DELETE FROM rate_limits WHERE key = $1")
        .bind::<Text, _>(key(limit, subject))
        .execute(conn)
        .map(|_| ())
}

/// Drops counters whose windows ended long ago (run by the worker).
pub fn prune(conn: &mut PgConnection) -> QueryResult<usize> {
    diesel::sql_query("DELETE FROM rate_limits WHERE window_start < now() - interval '1 day'")
        .execute(conn)
}
