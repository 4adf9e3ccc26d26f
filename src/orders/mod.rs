//! Orders with buyer protection: checkout, payments (providers), the escrow ledger, the
//! order state machine, disputes, and the emails and timeouts of every step.

pub mod checkout;
pub mod disputes;
pub mod emails;
pub mod error;
pub mod ledger;
pub mod model;
pub mod payment_events;
pub mod payments;
pub mod refunds;
pub mod routes;
pub mod state;
pub mod views;

pub use error::Error;

use diesel::prelude::*;

use crate::config::Config;
use crate::db::schema::orders;
use crate::web::AppError;
use model::{DisputeStatus, Order, OrderStatus};

/// Whether the buyer (or, `as_seller`, the seller) has the next move on this order.
pub fn needs_action(o: &Order, as_seller: bool) -> bool {
    if as_seller {
        // Ship it, or answer the buyer's dispute.
        OrderStatus::SELLER_MOVES.contains(&o.status)
    } else {
        OrderStatus::BUYER_MOVES.contains(&o.status)
    }
}

/// Orders waiting for this user, for the count in the header menu; for admins also the
/// disputes waiting for a decision.
pub fn action_count(conn: &mut PgConnection, user_id: i64, admin: bool) -> QueryResult<i64> {
    use crate::db::schema::disputes;
    let disputes: i64 = if admin {
        disputes::table
            .filter(disputes::status.eq_any(DisputeStatus::WAITING))
            .count()
            .get_result(conn)?
    } else {
        0
    };
    let mine: i64 = orders::table
        .filter(
            orders::seller_id
                .eq(user_id)
                .and(orders::status.eq_any(OrderStatus::SELLER_MOVES))
                .or(orders::buyer_id
                    .eq(user_id)
                    .and(orders::status.eq_any(OrderStatus::BUYER_MOVES))),
        )
        .count()
        .get_result(conn)?;
    Ok(mine + disputes)
}

/// Orders of this user still under way (money held or awaited): an account with any
/// cannot be deleted until they end.
pub fn open_count(conn: &mut PgConnection, user_id: i64) -> QueryResult<i64> {
    orders::table
        .filter(
            orders::buyer_id
                .eq(user_id)
                .or(orders::seller_id.eq(user_id)),
        )
        .filter(orders::status.eq_any(OrderStatus::OPEN))
        .count()
        .get_result(conn)
}

/// The seller's listings that orders point at (they outlive the seller's account).
pub fn listings_in_orders(conn: &mut PgConnection, seller_id: i64) -> QueryResult<Vec<i64>> {
    orders::table
        .filter(orders::seller_id.eq(seller_id))
        .select(orders::listing_id)
        .distinct()
        .load(conn)
}

/// Job kinds this module runs.
pub fn runs_job(kind: &str) -> bool {
    matches!(
        kind,
        state::EXPIRE_JOB
            | state::LATE_JOB
            | state::REMIND_JOB
            | state::AUTO_CONFIRM_JOB
            | disputes::FINAL_JOB
            | payments::SANDBOX_EVENT_JOB
    )
}

/// Runs one of the order jobs in a transaction. A job finding its order moved on does
/// nothing: every step re-checks the state.
pub fn run_job(
    conn: &mut PgConnection,
    cfg: &Config,
    kind: &str,
    payload: &serde_json::Value,
) -> Result<(), AppError> {
    let run = |conn: &mut PgConnection| -> Result<(), Error> {
        if kind == payments::SANDBOX_EVENT_JOB {
            let event = payments::sandbox::event_from_json(payload).ok_or(Error::Invalid)?;
            payment_events::apply(conn, cfg, "sandbox", &event)?;
            return Ok(());
        }
        let id = payload
            .get("order_id")
            .and_then(|v| v.as_i64())
            .ok_or(Error::Invalid)?;
        match kind {
            state::EXPIRE_JOB => state::expire(conn, cfg, id),
            state::LATE_JOB => state::cancel_if_late(conn, cfg, id),
            state::REMIND_JOB => state::remind(conn, cfg, id),
            state::AUTO_CONFIRM_JOB => state::auto_confirm(conn, cfg, id),
            disputes::FINAL_JOB => disputes::finalize_if_due(conn, cfg, id),
            _ => Err(Error::Invalid),
        }
    };
    Ok(conn.transaction(run)?)
}
