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
/// Failed logins for one account from one address before that address must wait for
/// the rest of the window. Per address, so nobody can lock someone else out.
pub const LOGIN_FAILURES_PER_ACCOUNT_IP: Limit = Limit {
    name: "login-account-ip",
    max: 8,
    window_secs: 900,
};
/// Failed logins for one account from every address. Past `max` the account is under
/// attack: each attempt on it is slowed down (see `login_delay`), never refused.
pub const LOGIN_FAILURES_PER_ACCOUNT: Limit = Limit {
    name: "login-account",
    max: 10,
    window_secs: 900,
};
/// Submitted reset forms (each hashes a password once its token checks out).
pub const RESET_SUBMIT_PER_IP: Limit = Limit {
    name: "reset-submit-ip",
    max: 20,
    window_secs: 3600,
};
pub const RESET_SUBMIT_PER_ACCOUNT: Limit = Limit {
    name: "reset-submit-account",
    max: 10,
    window_secs: 3600,
};
/// Password confirmations in settings (email change, password change, deletion), which
/// would otherwise let a stolen session guess the password without end.
pub const CONFIRM_PER_ACCOUNT: Limit = Limit {
    name: "confirm-account",
    max: 10,
    window_secs: 900,
};
pub const CONFIRM_PER_IP: Limit = Limit {
    name: "confirm-ip",
    max: 30,
    window_secs: 900,
};
pub const SIGNUP_PER_ACCOUNT: Limit = Limit {
    name: "signup-account",
    max: 5,
    window_secs: 3600,
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

/// Hits counted for the subject in the current window.
pub fn hits(conn: &mut PgConnection, limit: &Limit, subject: &str) -> QueryResult<i32> {
    let row: Option<Counted> = diesel::sql_query(
        "SELECT hits, 0::bigint AS retry_after FROM rate_limits \
         WHERE key = $1 AND window_start > now() - make_interval(secs => $2)",
    )
    .bind::<Text, _>(key(limit, subject))
    .bind::<Double, _>(limit.window_secs as f64)
    .get_result(conn)
    .optional()?;
    Ok(row.map_or(0, |r| r.hits))
}

/// How long an attempt on an account waits after `failures` failed logins from anywhere:
/// nothing up to the limit, then a second more per ten failures, at most five. Slow for a
/// botnet guessing, a short wait for the owner, and no lockout for either.
pub fn login_delay(failures: i32) -> std::time::Duration {
    let over = failures - LOGIN_FAILURES_PER_ACCOUNT.max;
    if over < 0 {
        return std::time::Duration::ZERO;
    }
    std::time::Duration::from_secs((1 + over as u64 / 10).min(5))
}

/// The subject of per-account-and-address counters; it ends with `:email`, like the
/// per-account keys, so account deletion finds it.
pub fn account_at(email: &str, ip: &str) -> String {
    format!("{ip}:{email}")
}

/// Forgets every failed login of an account, from every address (a password reset
/// proved the owner).
pub fn clear_login_failures(conn: &mut PgConnection, email: &str) -> QueryResult<()> {
    clear(conn, &LOGIN_FAILURES_PER_ACCOUNT, email)?;
    diesel::sql_query(
        "DELETE FROM rate_limits WHERE key LIKE $1 || ':%' AND right(key, length($2) + 1) = ':' || $2",
    )
    .bind::<Text, _>(LOGIN_FAILURES_PER_ACCOUNT_IP.name)
    .bind::<Text, _>(email.to_lowercase())
    .execute(conn)
    .map(|_| ())
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
