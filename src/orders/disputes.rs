//! Disputes: the buyer says the item did not arrive or is not as described, which
//! freezes the money. Both sides add evidence until a deadline; the seller may offer a
//! partial refund (the buyer may accept it) or take the item back; otherwise an admin
//! decides (full refund, partial refund or release) with a reason both sides see. The
//! decision becomes final when the appeal window closes; either side may appeal once,
//! and the decision on an appeal is final at once.

use chrono::Utc;
use diesel::prelude::*;

use super::emails::{self, EmailArg};
use super::model::{self, Dispute, DisputeStatus, Evidence, Order, OrderStatus};
use super::state::{self, lock_for, Initiator, Relation};
use super::Error;
use crate::config::Config;
use crate::db::schema::{dispute_evidence, disputes, orders};

pub const FINAL_JOB: &str = "dispute_final";
pub const REASONS: [&str; 2] = ["not_received", "not_as_described"];
pub const DECISIONS: [&str; 3] = ["refund", "partial", "release"];

pub fn of_order(conn: &mut PgConnection, order_id: i64) -> QueryResult<Option<Dispute>> {
    disputes::table
        .filter(disputes::order_id.eq(order_id))
        .select(Dispute::as_select())
        .first(conn)
        .optional()
}

pub fn evidence(conn: &mut PgConnection, dispute_id: i64) -> QueryResult<Vec<Evidence>> {
    dispute_evidence::table
        .filter(dispute_evidence::dispute_id.eq(dispute_id))
        .order(dispute_evidence::id)
        .select(Evidence::as_select())
        .load(conn)
}

/// The disputed order, locked for one of `sides`, and its dispute, locked too.
fn lock_dispute(
    conn: &mut PgConnection,
    id: i64,
    actor: Initiator,
    sides: &[Relation],
) -> Result<(Order, Dispute), Error> {
    let (o, _) = lock_for(conn, id, actor, sides, &[OrderStatus::Disputed])?;
    let d = disputes::table
        .filter(disputes::order_id.eq(o.id))
        .for_update()
        .select(Dispute::as_select())
        .first(conn)
        .optional()?
        .ok_or(Error::WrongState)?;
    Ok((o, d))
}

/// Tells both sides what changed.
fn notify(
    conn: &mut PgConnection,
    cfg: &Config,
    o: &Order,
    kind: (&'static str, &'static str),
    args: &[(&str, EmailArg)],
) -> Result<(), Error> {
    let p = emails::parties(conn, o)?;
    emails::send(conn, cfg, o, &p.buyer, kind.0, args)?;
    emails::send(conn, cfg, o, &p.seller, kind.1, args)?;
    Ok(())
}

/// The buyer opens a dispute on a shipped or handed-over order, with a first statement.
pub fn open(
    conn: &mut PgConnection,
    cfg: &Config,
    id: i64,
    actor: Initiator,
    reason: &str,
    statement: &str,
) -> Result<(), Error> {
    conn.transaction(|conn| {
        let (o, _) = lock_for(
            conn,
            id,
            actor,
            &[Relation::Buyer],
            &[OrderStatus::Shipped, OrderStatus::Received],
        )?;
        if !REASONS.contains(&reason) {
            return Err(Error::Invalid);
        }
        let until = state::after(cfg.orders.evidence_within);
        let dispute_id: i64 = diesel::insert_into(disputes::table)
            .values((
                disputes::order_id.eq(o.id),
                disputes::reason.eq(reason),
                disputes::order_status.eq(&o.status),
                disputes::evidence_until.eq(until),
            ))
            .returning(disputes::id)
            .get_result(conn)?;
        diesel::update(orders::table.find(o.id))
            .set((
                orders::status.eq(OrderStatus::Disputed),
                orders::updated_at.eq(Utc::now()),
            ))
            .execute(conn)?;
        add_evidence_row(
            conn,
            dispute_id,
            actor.user_id().unwrap_or(o.buyer_id),
            statement,
            None,
        )?;
        model::event(conn, o.id, actor.user_id(), "dispute_opened", reason)?;
        notify(
            conn,
            cfg,
            &o,
            ("dispute_opened_buyer", "dispute_opened_seller"),
            &[("date", EmailArg::Date(until))],
        )
    })
}

fn add_evidence_row(
    conn: &mut PgConnection,
    dispute_id: i64,
    user_id: i64,
    body: &str,
    photo: Option<(String, i32)>,
) -> QueryResult<()> {
    let (key, width) = match photo {
        Some((k, w)) => (Some(k), Some(w)),
        None => (None, None),
    };
    diesel::insert_into(dispute_evidence::table)
        .values((
            dispute_evidence::dispute_id.eq(dispute_id),
            dispute_evidence::user_id.eq(user_id),
            dispute_evidence::body.eq(body),
            dispute_evidence::photo_key.eq(key),
            dispute_evidence::photo_width.eq(width),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Evidence is taken while the window is open, or while an appeal waits for its decision.
pub fn evidence_open(d: &Dispute, now: chrono::DateTime<Utc>) -> bool {
    (d.status == DisputeStatus::Open && d.evidence_until > now)
        || d.status == DisputeStatus::Appealed
}

/// Whether `actor` may add evidence now, checked before the upload is even read (so a
/// stranger's or a late photo costs no decoding and no disk): strangers 404, anyone but
/// the two parties 403, a closed window 409.
pub fn may_add_evidence(conn: &mut PgConnection, id: i64, actor: Initiator) -> Result<(), Error> {
    let o = model::find(conn, id).optional()?.ok_or(Error::NotFound)?;
    if !matches!(
        state::relation(&o, actor)?,
        Relation::Buyer | Relation::Seller
    ) {
        return Err(Error::Forbidden);
    }
    match of_order(conn, o.id)? {
        Some(d) if o.status == OrderStatus::Disputed && evidence_open(&d, Utc::now()) => Ok(()),
        _ => Err(Error::WrongState),
    }
}

/// Either side adds a statement and/or a photo while the evidence window is open. The
/// photo was noted as a pending upload; from here it belongs to the dispute.
pub fn add_evidence(
    conn: &mut PgConnection,
    id: i64,
    actor: Initiator,
    body: &str,
    photo: Option<(String, i32)>,
) -> Result<(), Error> {
    conn.transaction(|conn| {
        let (o, d) = lock_dispute(conn, id, actor, &[Relation::Buyer, Relation::Seller])?;
        if !evidence_open(&d, Utc::now()) {
            return Err(Error::WrongState);
        }
        if let Some((key, _)) = &photo {
            crate::listings::photos::forget_pending(conn, key)?;
        }
        add_evidence_row(conn, d.id, actor.user_id().unwrap_or(0), body, photo)?;
        model::event(conn, o.id, actor.user_id(), "evidence_added", "")?;
        Ok(())
    })
}

/// The stored photo of one piece of evidence, for the two parties and admins only
/// (strangers 404): its key and original width.
pub fn evidence_photo(
    conn: &mut PgConnection,
    order_id: i64,
    evidence_id: i64,
    actor: Initiator,
) -> Result<(String, i32), Error> {
    let o = model::find(conn, order_id)
        .optional()?
        .ok_or(Error::NotFound)?;
    if !matches!(
        state::relation(&o, actor)?,
        Relation::Buyer | Relation::Seller | Relation::Admin
    ) {
        return Err(Error::NotFound);
    }
    let row: Option<(Option<String>, Option<i32>)> = dispute_evidence::table
        .inner_join(disputes::table)
        .filter(disputes::order_id.eq(o.id))
        .filter(dispute_evidence::id.eq(evidence_id))
        .select((dispute_evidence::photo_key, dispute_evidence::photo_width))
        .first(conn)
        .optional()?;
    match row {
        Some((Some(key), width)) => Ok((key, width.unwrap_or(0))),
        _ => Err(Error::NotFound),
    }
}

/// The seller offers to give back part of the money and keep the rest.
pub fn offer(
    conn: &mut PgConnection,
    cfg: &Config,
    id: i64,
    actor: Initiator,
    amount: i64,
) -> Result<(), Error> {
    conn.transaction(|conn| {
        let (o, d) = lock_dispute(conn, id, actor, &[Relation::Seller])?;
        if d.status != DisputeStatus::Open {
            return Err(Error::WrongState);
        }
        if amount <= 0 || amount >= o.item_minor + o.shipping_minor {
            return Err(Error::Invalid);
        }
        diesel::update(disputes::table.find(d.id))
            .set((
                disputes::offer_minor.eq(amount),
                disputes::updated_at.eq(Utc::now()),
            ))
            .execute(conn)?;
        model::event(conn, o.id, actor.user_id(), "partial_refund_offered", "")?;
        notify(
            conn,
            cfg,
            &o,
            ("dispute_offer_buyer", "dispute_offer_seller"),
            &[("amount", EmailArg::Money(amount))],
        )
    })
}

/// The buyer takes the seller's offer: that part back, the rest to the seller.
pub fn accept_offer(
    conn: &mut PgConnection,
    cfg: &Config,
    id: i64,
    actor: Initiator,
) -> Result<(), Error> {
    conn.transaction(|conn| {
        let (o, d) = lock_dispute(conn, id, actor, &[Relation::Buyer])?;
        let Some(amount) = d.offer_minor.filter(|_| d.status == DisputeStatus::Open) else {
            return Err(Error::WrongState);
        };
        close(conn, &d)?;
        model::event(conn, o.id, actor.user_id(), "offer_accepted", "")?;
        state::refund_part_and_complete(conn, cfg, o, actor, amount)
    })
}

/// The seller will take the item back; once it is back, the buyer is refunded in full.
pub fn accept_return(
    conn: &mut PgConnection,
    cfg: &Config,
    id: i64,
    actor: Initiator,
) -> Result<(), Error> {
    conn.transaction(|conn| {
        let (o, d) = lock_dispute(conn, id, actor, &[Relation::Seller])?;
        if d.status != DisputeStatus::Open || d.return_accepted {
            return Err(Error::WrongState);
        }
        diesel::update(disputes::table.find(d.id))
            .set((
                disputes::return_accepted.eq(true),
                disputes::updated_at.eq(Utc::now()),
            ))
            .execute(conn)?;
        model::event(conn, o.id, actor.user_id(), "return_accepted", "")?;
        let address = super::state::address_text(&o);
        notify(
            conn,
            cfg,
            &o,
            ("dispute_return_buyer", "dispute_return_seller"),
            &[("address", EmailArg::Text(address))],
        )
    })
}

/// The returned item reached the seller: full refund.
pub fn return_received(
    conn: &mut PgConnection,
    cfg: &Config,
    id: i64,
    actor: Initiator,
) -> Result<(), Error> {
    conn.transaction(|conn| {
        let (o, d) = lock_dispute(conn, id, actor, &[Relation::Seller])?;
        if d.status != DisputeStatus::Open || !d.return_accepted {
            return Err(Error::WrongState);
        }
        close(conn, &d)?;
        model::event(conn, o.id, actor.user_id(), "return_received", "")?;
        state::refund_all(conn, cfg, o, actor)
    })
}

fn close(conn: &mut PgConnection, d: &Dispute) -> QueryResult<()> {
    diesel::update(disputes::table.find(d.id))
        .set((
            disputes::status.eq(DisputeStatus::Closed),
            disputes::final_at.eq(Utc::now()),
            disputes::updated_at.eq(Utc::now()),
        ))
        .execute(conn)
        .map(|_| ())
}

/// An admin decides. The first decision waits for the appeal window; a decision on an
/// appeal is carried out at once.
pub fn decide(
    conn: &mut PgConnection,
    cfg: &Config,
    id: i64,
    actor: Initiator,
    decision: &str,
    refund_minor: i64,
    reason: &str,
) -> Result<(), Error> {
    conn.transaction(|conn| {
        let (o, d) = lock_dispute(conn, id, actor, &[Relation::Admin])?;
        if !DisputeStatus::WAITING.contains(&d.status) {
            return Err(Error::WrongState);
        }
        if !DECISIONS.contains(&decision) || reason.trim().is_empty() {
            return Err(Error::Invalid);
        }
        let refund = match decision {
            "refund" => o.total_minor,
            "partial" if refund_minor > 0 && refund_minor < o.item_minor + o.shipping_minor => {
                refund_minor
            }
            "partial" => return Err(Error::Invalid),
            _ => 0,
        };
        let appealed = d.status == DisputeStatus::Appealed;
        let now = Utc::now();
        let final_at = if appealed {
            now
        } else {
            state::after(cfg.orders.appeal_within)
        };
        diesel::update(disputes::table.find(d.id))
            .set((
                disputes::status.eq(DisputeStatus::Decided),
                disputes::decision.eq(decision),
                disputes::decision_refund_minor.eq(refund),
                disputes::decision_reason.eq(reason.trim()),
                disputes::decided_by.eq(actor.user_id()),
                disputes::decided_at.eq(now),
                disputes::final_at.eq(final_at),
                disputes::updated_at.eq(now),
            ))
            .execute(conn)?;
        model::event(conn, o.id, actor.user_id(), "dispute_decided", decision)?;
        // Only an admin gets here (lock_dispute), so the actor is a signed-in member.
        if let Some(admin) = actor.user_id() {
            let admin = crate::accounts::model::find(conn, admin)?;
            crate::audit::record(
                conn,
                crate::audit::Entry {
                    actor: &admin,
                    action: "dispute.decide",
                    subject_kind: "order",
                    subject_id: o.id,
                    reason: reason.trim(),
                    before: serde_json::json!({
                        "dispute": d.id,
                        "status": d.status.as_str(),
                        "decision": d.decision,
                    }),
                    after: serde_json::json!({
                        "dispute": d.id,
                        "status": DisputeStatus::Decided.as_str(),
                        "decision": decision,
                        "refund_minor": refund,
                        "final_at": final_at,
                    }),
                },
            )?;
        }
        let kind = if appealed {
            ("dispute_final_buyer", "dispute_final_seller")
        } else {
            ("dispute_decided_buyer", "dispute_decided_seller")
        };
        notify(
            conn,
            cfg,
            &o,
            kind,
            &[
                (
                    "decision",
                    EmailArg::Key(format!("dispute-decision-{decision}")),
                ),
                ("amount", EmailArg::Money(refund)),
                ("reason", EmailArg::Text(reason.trim().to_string())),
                ("date", EmailArg::Date(final_at)),
            ],
        )?;
        if appealed {
            carry_out(conn, cfg, o, d.id)
        } else {
            state::job(conn, FINAL_JOB, o.id, final_at)?;
            Ok(())
        }
    })
}

/// Either side contests the decision, once, before it becomes final.
pub fn appeal(
    conn: &mut PgConnection,
    cfg: &Config,
    id: i64,
    actor: Initiator,
    reason: &str,
) -> Result<(), Error> {
    conn.transaction(|conn| {
        let (o, d) = lock_dispute(conn, id, actor, &[Relation::Buyer, Relation::Seller])?;
        let in_time = d.final_at.is_some_and(|at| at > Utc::now());
        if d.status != DisputeStatus::Decided || d.appealed_by.is_some() || !in_time {
            return Err(Error::WrongState);
        }
        if reason.trim().is_empty() {
            return Err(Error::Invalid);
        }
        diesel::update(disputes::table.find(d.id))
            .set((
                disputes::status.eq(DisputeStatus::Appealed),
                disputes::appealed_by.eq(actor.user_id()),
                disputes::appeal_reason.eq(reason.trim()),
                disputes::final_at.eq(None::<chrono::DateTime<Utc>>),
                disputes::updated_at.eq(Utc::now()),
            ))
            .execute(conn)?;
        model::event(
            conn,
            o.id,
            actor.user_id(),
            "dispute_appealed",
            reason.trim(),
        )?;
        notify(
            conn,
            cfg,
            &o,
            ("dispute_appealed_buyer", "dispute_appealed_seller"),
            &[],
        )
    })
}

/// The appeal window closed without an appeal: the decision is carried out.
pub fn finalize_if_due(conn: &mut PgConnection, cfg: &Config, order_id: i64) -> Result<(), Error> {
    conn.transaction(|conn| {
        let Some(o) = model::lock(conn, order_id).optional()? else {
            return Ok(());
        };
        let Some(d) = of_order(conn, o.id)? else {
            return Ok(());
        };
        let due = d.final_at.is_some_and(|at| at <= Utc::now());
        if o.status != OrderStatus::Disputed || d.status != DisputeStatus::Decided || !due {
            return Ok(());
        }
        carry_out(conn, cfg, o, d.id)
    })
}

fn carry_out(
    conn: &mut PgConnection,
    cfg: &Config,
    o: Order,
    dispute_id: i64,
) -> Result<(), Error> {
    let d: Dispute = disputes::table
        .find(dispute_id)
        .select(Dispute::as_select())
        .first(conn)?;
    close(conn, &d)?;
    match d.decision.as_deref() {
        Some("refund") => state::refund_all(conn, cfg, o, Initiator::System),
        Some("partial") => {
            let amount = d.decision_refund_minor.unwrap_or(0);
            state::refund_part_and_complete(conn, cfg, o, Initiator::System, amount)
        }
        _ => state::complete(conn, cfg, o, Initiator::System, "released_after_dispute"),
    }
}

/// Open disputes for the admin list: waiting for a decision first, oldest first.
pub fn queue(conn: &mut PgConnection, limit: i64) -> QueryResult<Vec<(Dispute, Order)>> {
    disputes::table
        .inner_join(orders::table)
        .filter(disputes::status.ne(DisputeStatus::Closed))
        .order((disputes::status.desc(), disputes::id))
        .limit(limit)
        .select((Dispute::as_select(), Order::as_select()))
        .load(conn)
}
