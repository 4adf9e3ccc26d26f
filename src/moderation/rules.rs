//! The moderation rules, each in one transaction: a report (grouped into the open case
//! of its target), a decision on a case (its effects, the audit row, the statement of
//! reasons and the reporters' notices together), an appeal, the appeal's decision (a
//! reversal undoes the effects), and a sanction running out (the job).

use chrono::{DateTime, Months, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use serde_json::json;

use super::emails;
use super::model::{
    Action, Appeal, AppealStatus, Case, CaseStatus, Decision, MarketRule, Reason, Target,
    TargetKind,
};
use super::Error;
use crate::accounts;
use crate::audit::{self, Entry};
use crate::config::Config;
use crate::db::schema::{
    moderation_appeals as a, moderation_cases as c, moderation_decisions as d,
    moderation_reports as r,
};
use crate::jobs::queue;
use crate::listings::for_moderation as listings;
use crate::mail::outbox;
use crate::reviews;
use crate::web::auth::User;

type Rule<T> = Result<T, Error>;

/// How long a member may appeal a decision (the DSA's six months).
pub const APPEAL_MONTHS: u32 = 6;
/// The longest restriction or suspension a moderator can give; longer is a ban.
pub const MAX_DAYS: u32 = 365;
/// The text limits of the forms (the one text rule applies to each).
pub const REPORT_MAX: usize = 2000;
pub const FACTS_MAX: usize = 2000;
pub const APPEAL_MAX: usize = 2000;

/// Who a report about `target` concerns, if the target exists for the public: a
/// listing anyone can see, a member not being deleted.
pub fn resolve(conn: &mut PgConnection, target: Target) -> QueryResult<Option<i64>> {
    match target.kind {
        TargetKind::Listing => listings::public_seller(conn, target.id),
        TargetKind::Member => Ok(accounts::model::public_member(conn, target.id)?.map(|m| m.id)),
        // A published review, not removed already: its author answers for it.
        TargetKind::Review => Ok(reviews::for_moderation::find(conn, target.id)?
            .filter(|r| r.published_at.is_some() && r.removed_at.is_none())
            .map(|r| r.author_id)),
    }
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

/// The open case of the target, opened if there is none (one per target while open: the
/// partial unique index makes two reporters at once meet in the same row).
fn open_case(conn: &mut PgConnection, target: Target, member_id: i64) -> QueryResult<i64> {
    diesel::sql_query(
        "INSERT INTO moderation_cases (target_kind, target_id, member_id) VALUES ($1, $2, $3) \
         ON CONFLICT (target_kind, target_id) WHERE status = 'open' \
         DO UPDATE SET member_id = moderation_cases.member_id RETURNING id",
    )
    .bind::<Text, _>(target.kind.as_str())
    .bind::<BigInt, _>(target.id)
    .bind::<BigInt, _>(member_id)
    .get_result::<Id>(conn)
    .map(|row| row.id)
}

/// A member's report; the reporter gets a confirmation email. Returns the case.
pub fn report(
    conn: &mut PgConnection,
    cfg: &Config,
    reporter: &User,
    target: Target,
    reason: Reason,
    body: &str,
) -> Rule<i64> {
    conn.transaction(|conn| {
        let member = resolve(conn, target)?.ok_or(Error::NotFound)?;
        if member == reporter.id {
            return Err(Error::OwnTarget);
        }
        let case_id = open_case(conn, target, member)?;
        diesel::insert_into(r::table)
            .values((
                r::case_id.eq(case_id),
                r::reporter_id.eq(Some(reporter.id)),
                r::reason.eq(reason),
                r::body.eq(body),
            ))
            .execute(conn)?;
        outbox::enqueue(
            conn,
            &emails::report_received(reporter, target.kind, case_id),
            &cfg.base_url,
        )?;
        Ok(case_id)
    })
}

/// An automated notice (the scam signals): no reporter, marked automated. `None` when
/// the target is not public (nothing to act on).
pub fn file_automated(
    conn: &mut PgConnection,
    target: Target,
    reason: Reason,
    excerpt: &str,
) -> Rule<Option<i64>> {
    conn.transaction(|conn| {
        let Some(member) = resolve(conn, target)? else {
            return Ok(None);
        };
        let case_id = open_case(conn, target, member)?;
        let excerpt: String = excerpt.chars().take(REPORT_MAX).collect();
        diesel::insert_into(r::table)
            .values((
                r::case_id.eq(case_id),
                r::reporter_id.eq(None::<i64>),
                r::automated.eq(true),
                r::reason.eq(reason),
                r::body.eq(excerpt),
            ))
            .execute(conn)?;
        Ok(Some(case_id))
    })
}

/// What a moderator decided on a case, checked by the form already.
#[derive(Clone, Debug)]
pub struct Verdict {
    pub action: Action,
    /// Required for every sanction (the form refuses one without).
    pub rule: Option<MarketRule>,
    pub facts: String,
    pub automated: bool,
    /// Days, for a restriction or a suspension.
    pub days: Option<u32>,
}

/// Whether any account sanction other than `except` is in force on the member now.
fn other_account_sanction(
    conn: &mut PgConnection,
    member_id: i64,
    except: i64,
) -> QueryResult<bool> {
    let n: i64 = d::table
        .filter(d::member_id.eq(member_id))
        .filter(d::id.ne(except))
        .filter(d::action.eq_any([Action::RestrictSelling, Action::Suspend, Action::Ban]))
        .filter(d::lifted_at.is_null())
        .filter(d::reversed_at.is_null())
        .filter(d::ends_at.is_null().or(d::ends_at.gt(diesel::dsl::now)))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// The distinct members who reported the case (automated notices have none).
fn reporters(conn: &mut PgConnection, case_id: i64) -> QueryResult<Vec<User>> {
    let ids: Vec<i64> = r::table
        .filter(r::case_id.eq(case_id))
        .filter(r::reporter_id.is_not_null())
        .select(r::reporter_id.assume_not_null())
        .distinct()
        .load(conn)?;
    accounts::model::find_all(conn, &ids)
}

/// Decides an open case: the decision row, its effects (a hidden listing, the account's
/// listings held, the job that ends a sanction), the case closed, the audit row, the
/// statement of reasons to the member and the notice to each reporter.
pub fn decide(
    conn: &mut PgConnection,
    cfg: &Config,
    moderator: &User,
    case_id: i64,
    verdict: &Verdict,
) -> Rule<i64> {
    conn.transaction(|conn| {
        let case: Case = c::table
            .find(case_id)
            .select(Case::as_select())
            .for_update()
            .first(conn)
            .optional()?
            .ok_or(Error::NotFound)?;
        if case.status != CaseStatus::Open {
            return Err(Error::AlreadyDecided);
        }
        let now = Utc::now();
        let ends_at: Option<DateTime<Utc>> = verdict
            .days
            .filter(|_| verdict.action.needs_duration())
            .map(|days| now + chrono::Duration::days(days as i64));
        let appeal_by = now
            .checked_add_months(Months::new(APPEAL_MONTHS))
            .unwrap_or(now);
        let listing_before = match case.target_kind {
            TargetKind::Listing => listings::status(conn, case.target_id)?,
            TargetKind::Member | TargetKind::Review => None,
        };
        let decision: Decision = diesel::insert_into(d::table)
            .values((
                d::case_id.eq(Some(case.id)),
                d::member_id.eq(case.member_id),
                d::moderator_id.eq(Some(moderator.id)),
                d::target_kind.eq(case.target_kind),
                d::target_id.eq(case.target_id),
                d::action.eq(verdict.action),
                d::rule.eq(verdict.rule.map(MarketRule::number)),
                d::facts.eq(&verdict.facts),
                d::automated.eq(verdict.automated),
                d::ends_at.eq(ends_at),
                d::appeal_by.eq(appeal_by),
            ))
            .returning(Decision::as_returning())
            .get_result(conn)?;
        match verdict.action {
            Action::HideListing if case.target_kind == TargetKind::Listing => {
                listings::hide(conn, case.target_id)?;
            }
            Action::RemoveReview if case.target_kind == TargetKind::Review => {
                reviews::for_moderation::remove(conn, case.target_id).map_err(review_error)?;
            }
            a if a.on_account() => {
                listings::hide_all_of(conn, case.member_id)?;
                if let Some(end) = ends_at {
                    queue::push(
                        conn,
                        &super::model::LiftSanction {
                            decision_id: decision.id,
                        },
                        Some(end),
                    )?;
                }
            }
            _ => {}
        }
        diesel::update(c::table.find(case.id))
            .set((c::status.eq(CaseStatus::Closed), c::closed_at.eq(now)))
            .execute(conn)?;
        let listing_after = match case.target_kind {
            TargetKind::Listing => listings::status(conn, case.target_id)?,
            TargetKind::Member | TargetKind::Review => None,
        };
        audit::record(
            conn,
            Entry {
                actor: moderator,
                action: &format!("moderation.{}", verdict.action),
                subject_kind: case.target_kind.as_str(),
                subject_id: case.target_id,
                reason: &verdict.facts,
                before: json!({
                    "case": case.id,
                    "case_status": "open",
                    "listing_status": listing_before.map(|s| s.as_str()),
                }),
                after: json!({
                    "case_status": "closed",
                    "decision": decision.id,
                    "member": case.member_id,
                    "rule": verdict.rule.map(MarketRule::number),
                    "automated": verdict.automated,
                    "ends_at": ends_at,
                    "listing_status": listing_after.map(|s| s.as_str()),
                }),
            },
        )?;
        if verdict.action.is_sanction() {
            let member = accounts::model::find(conn, case.member_id)?;
            outbox::enqueue(
                conn,
                &emails::statement(&member, &decision, &cfg.base_url),
                &cfg.base_url,
            )?;
        }
        for reporter in reporters(conn, case.id)? {
            outbox::enqueue(
                conn,
                &emails::report_decided(&reporter, &decision, &cfg.base_url),
                &cfg.base_url,
            )?;
        }
        Ok(decision.id)
    })
}

/// The member's appeal of a decision about them: once, within the window.
pub fn appeal(conn: &mut PgConnection, member: &User, decision_id: i64, body: &str) -> Rule<i64> {
    conn.transaction(|conn| {
        let decision: Decision = d::table
            .find(decision_id)
            .filter(d::member_id.eq(member.id))
            .select(Decision::as_select())
            .for_update()
            .first(conn)
            .optional()?
            .ok_or(Error::NotFound)?;
        if !decision.action.is_sanction() {
            return Err(Error::NotFound);
        }
        if Utc::now() > decision.appeal_by {
            return Err(Error::AppealTooLate);
        }
        let id: Option<i64> = diesel::insert_into(a::table)
            .values((a::decision_id.eq(decision.id), a::body.eq(body)))
            .on_conflict(a::decision_id)
            .do_nothing()
            .returning(a::id)
            .get_result(conn)
            .optional()?;
        id.ok_or(Error::AlreadyAppealed)
    })
}

/// Reviews' removal and restoring fail only for a review that is gone, or the database.
fn review_error(e: reviews::Error) -> diesel::result::Error {
    match e {
        reviews::Error::Db(e) => e,
        _ => diesel::result::Error::NotFound,
    }
}

/// Undoes a decision's effects (an appeal reversed it): the listing back, the account's
/// listings back unless another sanction still holds them.
fn undo(conn: &mut PgConnection, decision: &Decision) -> QueryResult<()> {
    let now = Utc::now();
    diesel::update(d::table.find(decision.id))
        .set((d::reversed_at.eq(now), d::lifted_at.eq(now)))
        .execute(conn)?;
    match decision.action {
        Action::HideListing => {
            let held = other_account_sanction(conn, decision.member_id, decision.id)?;
            listings::unhide(conn, decision.target_id, held)?;
        }
        Action::RemoveReview => {
            reviews::for_moderation::restore(conn, decision.target_id).map_err(review_error)?;
        }
        a if a.on_account() && !other_account_sanction(conn, decision.member_id, decision.id)? => {
            listings::unhide_all_of(conn, decision.member_id)?;
        }
        _ => {}
    }
    Ok(())
}

/// Decides an open appeal. The moderator who made the decision cannot (an admin
/// neither, when they made it); a reversal undoes it. The member and the case's
/// reporters are told.
pub fn decide_appeal(
    conn: &mut PgConnection,
    cfg: &Config,
    moderator: &User,
    appeal_id: i64,
    reverse: bool,
    note: &str,
) -> Rule<()> {
    conn.transaction(|conn| {
        let appeal: Appeal = a::table
            .find(appeal_id)
            .select(Appeal::as_select())
            .for_update()
            .first(conn)
            .optional()?
            .ok_or(Error::NotFound)?;
        if appeal.status != AppealStatus::Open {
            return Err(Error::AlreadyDecided);
        }
        let decision: Decision = d::table
            .find(appeal.decision_id)
            .select(Decision::as_select())
            .for_update()
            .first(conn)?;
        if decision.moderator_id == Some(moderator.id) {
            return Err(Error::SameModerator);
        }
        let outcome = if reverse {
            AppealStatus::Reversed
        } else {
            AppealStatus::Upheld
        };
        diesel::update(a::table.find(appeal.id))
            .set((
                a::status.eq(outcome),
                a::decided_by.eq(Some(moderator.id)),
                a::note.eq(note),
                a::decided_at.eq(Utc::now()),
            ))
            .execute(conn)?;
        let listing_before = match decision.target_kind {
            TargetKind::Listing => listings::status(conn, decision.target_id)?,
            TargetKind::Member | TargetKind::Review => None,
        };
        if reverse {
            undo(conn, &decision)?;
        }
        let listing_after = match decision.target_kind {
            TargetKind::Listing => listings::status(conn, decision.target_id)?,
            TargetKind::Member | TargetKind::Review => None,
        };
        audit::record(
            conn,
            Entry {
                actor: moderator,
                action: if reverse {
                    "moderation.appeal.reverse"
                } else {
                    "moderation.appeal.uphold"
                },
                subject_kind: "moderation_decision",
                subject_id: decision.id,
                reason: note,
                before: json!({
                    "appeal": appeal.id,
                    "appeal_status": "open",
                    "in_force": decision.in_force(Utc::now()),
                    "listing_status": listing_before.map(|s| s.as_str()),
                }),
                after: json!({
                    "appeal_status": outcome.as_str(),
                    "reversed": reverse,
                    "listing_status": listing_after.map(|s| s.as_str()),
                }),
            },
        )?;
        let member = accounts::model::find(conn, decision.member_id)?;
        outbox::enqueue(
            conn,
            &emails::appeal_member(&member, &decision, reverse, note, &cfg.base_url),
            &cfg.base_url,
        )?;
        if let Some(case_id) = decision.case_id {
            for reporter in reporters(conn, case_id)? {
                outbox::enqueue(
                    conn,
                    &emails::appeal_reporter(&reporter, &decision, reverse),
                    &cfg.base_url,
                )?;
            }
        }
        Ok(())
    })
}

/// A restriction or suspension ran out (its job): the listings it held come back unless
/// another sanction still holds them. Nothing for one lifted already or not due yet.
pub fn lift_if_due(conn: &mut PgConnection, decision_id: i64) -> Rule<bool> {
    conn.transaction(|conn| {
        let decision: Option<Decision> = d::table
            .find(decision_id)
            .select(Decision::as_select())
            .for_update()
            .first(conn)
            .optional()?;
        let Some(decision) = decision else {
            return Ok(false);
        };
        let due = decision.ends_at.is_some_and(|e| e <= Utc::now());
        if decision.lifted_at.is_some() || !due {
            return Ok(false);
        }
        diesel::update(d::table.find(decision.id))
            .set(d::lifted_at.eq(Utc::now()))
            .execute(conn)?;
        if !other_account_sanction(conn, decision.member_id, decision.id)? {
            listings::unhide_all_of(conn, decision.member_id)?;
        }
        Ok(true)
    })
}

/// Who may see a decision's page: the member it is about, and moderators.
pub fn decision_for(
    conn: &mut PgConnection,
    viewer: &User,
    id: i64,
) -> Rule<(Decision, Option<Appeal>)> {
    let decision: Decision = d::table
        .find(id)
        .select(Decision::as_select())
        .first(conn)
        .optional()?
        .filter(|dec: &Decision| dec.member_id == viewer.id || viewer.can_moderate())
        .filter(|dec| dec.action.is_sanction())
        .ok_or(Error::NotFound)?;
    let appeal = a::table
        .filter(a::decision_id.eq(id))
        .select(Appeal::as_select())
        .first(conn)
        .optional()?;
    Ok((decision, appeal))
}
