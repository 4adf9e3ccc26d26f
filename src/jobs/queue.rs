//! The `jobs` table. A worker claims a job by pushing its `run_at` forward (a lease)
//! under `FOR UPDATE SKIP LOCKED`, so many processes share the queue, no connection is
//! held while the job runs, and a job whose worker died runs again when the lease ends.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Double, Integer, Jsonb, Text};

use crate::db::schema::jobs;

/// How long a claimed job stays invisible to other workers.
const LEASE_SECS: f64 = 300.0;

#[derive(QueryableByName, Debug, Clone)]
pub struct Job {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Text)]
    pub kind: String,
    #[diesel(sql_type = Jsonb)]
    pub payload: serde_json::Value,
    #[diesel(sql_type = Integer)]
    pub attempts: i32,
    #[diesel(sql_type = Integer)]
    pub max_attempts: i32,
}

#[derive(Insertable)]
#[diesel(table_name = jobs)]
struct NewJob<'a> {
    kind: &'a str,
    payload: serde_json::Value,
    run_at: DateTime<Utc>,
}

/// Queues a job to run at `run_at` (now if `None`). Call inside the caller's transaction.
pub fn enqueue(
    conn: &mut PgConnection,
    kind: &str,
    payload: serde_json::Value,
    run_at: Option<DateTime<Utc>>,
) -> QueryResult<i64> {
    diesel::insert_into(jobs::table)
        .values(&NewJob {
            kind,
            payload,
            run_at: run_at.unwrap_or_else(Utc::now),
        })
        .returning(jobs::id)
        .get_result(conn)
}

/// Queues a typed job (see `registry::Job`) to run at `run_at` (now if `None`).
pub fn push<J: super::Job>(
    conn: &mut PgConnection,
    job: &J,
    run_at: Option<DateTime<Utc>>,
) -> QueryResult<i64> {
    let payload = serde_json::to_value(job)
        .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))?;
    enqueue(conn, J::KIND, payload, run_at)
}

/// Claims the oldest due job, counting the attempt.
pub fn claim(conn: &mut PgConnection) -> QueryResult<Option<Job>> {
    diesel::sql_query(
        "UPDATE jobs SET run_at = now() + make_interval(secs => $1), attempts = attempts + 1, \
           updated_at = now() \
         WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND run_at <= now() \
                     ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED) \
         RETURNING id, kind, payload, attempts, max_attempts",
    )
    .bind::<Double, _>(LEASE_SECS)
    .get_result(conn)
    .optional()
}

pub fn complete(conn: &mut PgConnection, id: i64) -> QueryResult<()> {
    diesel::update(jobs::table.find(id))
        .set((
            jobs::status.eq("done"),
            jobs::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Records a failure: retried after `backoff_secs * 2^(attempts-1)`, or failed for good
/// after the last attempt (the job's own limit or the configured one, whichever is
/// lower). Returns whether this was the last attempt.
pub fn fail(
    conn: &mut PgConnection,
    job: &Job,
    error: &str,
    backoff_secs: f64,
    max_attempts: i32,
) -> QueryResult<bool> {
    let last = job.attempts >= job.max_attempts.min(max_attempts);
    let delay = backoff_secs * 2f64.powi((job.attempts - 1).clamp(0, 20));
    diesel::sql_query(
        "UPDATE jobs SET status = CASE WHEN $2 THEN 'failed' ELSE 'queued' END, \
           run_at = now() + make_interval(secs => $3), last_error = $4, updated_at = now() \
         WHERE id = $1",
    )
    .bind::<BigInt, _>(job.id)
    .bind::<diesel::sql_types::Bool, _>(last)
    .bind::<Double, _>(delay)
    .bind::<Text, _>(error)
    .execute(conn)?;
    Ok(last)
}

/// Jobs that failed for good, newest first (shown to admins).
pub fn failed(
    conn: &mut PgConnection,
    limit: i64,
) -> QueryResult<Vec<(i64, String, Option<String>)>> {
    jobs::table
        .filter(jobs::status.eq("failed"))
        .order(jobs::id.desc())
        .limit(limit)
        .select((jobs::id, jobs::kind, jobs::last_error))
        .load(conn)
}

/// A job that failed for good, as the admin's list shows it.
#[derive(Queryable, Debug, Clone)]
pub struct Failed {
    pub id: i64,
    pub kind: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Failed jobs, newest first, leaving out `except` kinds (an owner that lists its own
/// failures, like the outbox's emails); `limit` rows after `offset`.
pub fn failed_page(
    conn: &mut PgConnection,
    except: &[&str],
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<Failed>> {
    jobs::table
        .filter(jobs::status.eq("failed"))
        .filter(jobs::kind.ne_all(except))
        .order(jobs::updated_at.desc())
        .then_order_by(jobs::id.desc())
        .offset(offset)
        .limit(limit)
        .select((
            jobs::id,
            jobs::kind,
            jobs::attempts,
            jobs::last_error,
            jobs::created_at,
            jobs::updated_at,
        ))
        .load(conn)
}

pub fn failed_count(conn: &mut PgConnection, except: &[&str]) -> QueryResult<i64> {
    jobs::table
        .filter(jobs::status.eq("failed"))
        .filter(jobs::kind.ne_all(except))
        .count()
        .get_result(conn)
}

/// Puts a failed job back in the queue, due now with its attempts counted from zero
/// (its last error stays until the next run). Answers the job as it was, `None` when
/// it is not failed (retried already, or done). Call inside the transaction that
/// records who retried it.
pub fn retry(conn: &mut PgConnection, id: i64) -> QueryResult<Option<Failed>> {
    let before: Option<Failed> = jobs::table
        .find(id)
        .filter(jobs::status.eq("failed"))
        .for_update()
        .select((
            jobs::id,
            jobs::kind,
            jobs::attempts,
            jobs::last_error,
            jobs::created_at,
            jobs::updated_at,
        ))
        .first(conn)
        .optional()?;
    if before.is_some() {
        diesel::update(jobs::table.find(id))
            .set((
                jobs::status.eq("queued"),
                jobs::attempts.eq(0),
                jobs::run_at.eq(diesel::dsl::now),
                jobs::updated_at.eq(diesel::dsl::now),
            ))
            .execute(conn)?;
    }
    Ok(before)
}

/// Puts back the failed jobs of this kind with exactly this payload; whether there was
/// one.
pub fn retry_failed_like<J: super::Job>(conn: &mut PgConnection, job: &J) -> QueryResult<bool> {
    let payload = serde_json::to_value(job)
        .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))?;
    let n = diesel::update(
        jobs::table
            .filter(jobs::kind.eq(J::KIND))
            .filter(jobs::payload.eq(payload))
            .filter(jobs::status.eq("failed")),
    )
    .set((
        jobs::status.eq("queued"),
        jobs::attempts.eq(0),
        jobs::run_at.eq(diesel::dsl::now),
        jobs::updated_at.eq(diesel::dsl::now),
    ))
    .execute(conn)?;
    Ok(n > 0)
}
