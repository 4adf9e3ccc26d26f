//! Money back to the buyer: every refund names the payment it refunds and never exceeds
//! what that payment has left; the provider's refund is a job queued in the same
//! transaction, sent after the commit.

use chrono::Utc;
use diesel::prelude::*;

use super::ledger;
use super::model::{Order, Payment, PaymentStatus};
use super::payments::{find, REFUND_JOB};
use super::Error;
use crate::db::schema::payments;
use crate::jobs::queue;

/// Gives `amount` of the payment `p` back to the buyer: out of escrow in the ledger (a
/// row naming the payment), counted on the payment, and the provider's refund queued.
/// More than the payment has left is a bug and writes nothing.
pub fn refund(conn: &mut PgConnection, o: &Order, p: &Payment, amount: i64) -> Result<(), Error> {
    if amount <= 0 {
        return Ok(());
    }
    let counted = diesel::update(
        payments::table
            .find(p.id)
            .filter(payments::status.eq_any([PaymentStatus::Succeeded, PaymentStatus::GivenBack]))
            .filter((payments::amount_minor - payments::refunded_minor).ge(amount)),
    )
    .set((
        payments::refunded_minor.eq(payments::refunded_minor + amount),
        payments::updated_at.eq(Utc::now()),
    ))
    .execute(conn)?;
    if counted == 0 {
        return Err(Error::Internal(anyhow::anyhow!(
            "refund of {amount} exceeds what payment {} has left",
            p.id
        )));
    }
    ledger::refund(conn, o, p, amount)?;
    refund_job(conn, p, amount)?;
    Ok(())
}

/// A refund of the order: to the one payment that funded it.
pub fn refund_order(conn: &mut PgConnection, o: &Order, amount: i64) -> Result<(), Error> {
    let id = o
        .payment_id
        .ok_or_else(|| Error::Internal(anyhow::anyhow!("order {} has no funding payment", o.id)))?;
    let p = find(conn, id)?;
    refund(conn, o, &p, amount)
}

fn refund_job(conn: &mut PgConnection, p: &Payment, amount: i64) -> QueryResult<()> {
    queue::enqueue(
        conn,
        REFUND_JOB,
        serde_json::json!({
            "payment_id": p.id,
            "amount": amount,
            "key": format!("refund-{}", uuid::Uuid::new_v4().simple()),
        }),
        None,
    )
    .map(|_| ())
}
