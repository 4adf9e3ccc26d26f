//! The transactional outbox: an email is a row plus a `send_email` job, written by the
//! caller's transaction, so the mail goes out if and only if the change commits.

use diesel::prelude::*;

use super::Email;
use crate::db::schema::outbound_emails;
use crate::jobs::queue;

#[derive(Insertable)]
#[diesel(table_name = outbound_emails)]
struct NewOutboundEmail<'a> {
    user_id: Option<i64>,
    to_address: &'a str,
    kind: &'a str,
    locale: &'a str,
    subject: &'a str,
    body_text: &'a str,
    body_html: &'a str,
    unsubscribe_url: Option<&'a str>,
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = outbound_emails, check_for_backend(diesel::pg::Pg))]
pub struct OutboundEmail {
    pub id: i64,
    pub user_id: Option<i64>,
    pub to_address: String,
    pub kind: String,
    pub locale: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub status: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub sent_at: Option<chrono::DateTime<chrono::Utc>>,
    pub unsubscribe_url: Option<String>,
}

/// The job that delivers one email (run by `super::delivery`).
#[derive(serde::Serialize, serde::Deserialize)]
pub struct SendEmail {
    pub email_id: i64,
}

/// Renders `email` and queues it for delivery. Call inside the transaction of the change.
pub fn enqueue(conn: &mut PgConnection, email: &Email, base_url: &str) -> QueryResult<i64> {
    let (text, html) = email
        .render(base_url)
        .map_err(|e| diesel::result::Error::QueryBuilderError(Box::new(e)))?;
    let id: i64 = diesel::insert_into(outbound_emails::table)
        .values(&NewOutboundEmail {
            user_id: email.user_id,
            to_address: &email.to,
            kind: email.kind,
            locale: email.locale.code(),
            subject: &email.subject,
            body_text: &text,
            body_html: &html,
            unsubscribe_url: email.unsubscribe.as_deref(),
        })
        .returning(outbound_emails::id)
        .get_result(conn)?;
    queue::push(conn, &SendEmail { email_id: id }, None)?;
    Ok(id)
}

pub fn find(conn: &mut PgConnection, id: i64) -> QueryResult<OutboundEmail> {
    outbound_emails::table
        .find(id)
        .select(OutboundEmail::as_select())
        .first(conn)
}

pub fn mark_sent(conn: &mut PgConnection, id: i64) -> QueryResult<()> {
    diesel::update(outbound_emails::table.find(id))
        .set((
            outbound_emails::status.eq("sent"),
            outbound_emails::sent_at.eq(diesel::dsl::now),
            outbound_emails::attempts.eq(outbound_emails::attempts + 1),
            outbound_emails::last_error.eq(None::<String>),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Records a failed attempt; `last` marks the email failed for good (admins see it).
pub fn mark_attempt_failed(
    conn: &mut PgConnection,
    id: i64,
    error: &str,
    last: bool,
) -> QueryResult<()> {
    let status = if last { "failed" } else { "queued" };
    diesel::update(outbound_emails::table.find(id))
        .set((
            outbound_emails::status.eq(status),
            outbound_emails::attempts.eq(outbound_emails::attempts + 1),
            outbound_emails::last_error.eq(Some(error)),
        ))
        .execute(conn)
        .map(|_| ())
}

/// The newest emails, for the development mailbox.
pub fn recent(conn: &mut PgConnection, limit: i64) -> QueryResult<Vec<OutboundEmail>> {
    outbound_emails::table
        .order(outbound_emails::id.desc())
        .limit(limit)
        .select(OutboundEmail::as_select())
        .load(conn)
}

/// Emails that failed for good, newest first (the admin's list; `limit` after `offset`).
pub fn failed(conn: &mut PgConnection, offset: i64, limit: i64) -> QueryResult<Vec<OutboundEmail>> {
    outbound_emails::table
        .filter(outbound_emails::status.eq("failed"))
        .order(outbound_emails::id.desc())
        .offset(offset)
        .limit(limit)
        .select(OutboundEmail::as_select())
        .load(conn)
}

pub fn failed_count(conn: &mut PgConnection) -> QueryResult<i64> {
    outbound_emails::table
        .filter(outbound_emails::status.eq("failed"))
        .count()
        .get_result(conn)
}

/// Sends a failed email again: queued once more, its failed `send_email` job put back
/// in the queue with fresh attempts (or a new one if that job is gone), so one email
/// has one job. Answers the email as it was, `None` when it is not failed (already
/// retried, or sent). Call inside the transaction that records who retried it.
pub fn retry(conn: &mut PgConnection, id: i64) -> QueryResult<Option<OutboundEmail>> {
    let before: Option<OutboundEmail> = outbound_emails::table
        .find(id)
        .filter(outbound_emails::status.eq("failed"))
        .for_update()
        .select(OutboundEmail::as_select())
        .first(conn)
        .optional()?;
    if before.is_none() {
        return Ok(None);
    }
    diesel::update(outbound_emails::table.find(id))
        .set(outbound_emails::status.eq("queued"))
        .execute(conn)?;
    let job = SendEmail { email_id: id };
    if !queue::retry_failed_like(conn, &job)? {
        queue::push(conn, &job, None)?;
    }
    Ok(before)
}
