//! What the admin area shows of moderation: what waits (the dashboard) and a member's
//! sanctions and decisions (the user page).

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::model::{Action, AppealStatus, CaseStatus, Decision, TargetKind};
use crate::db::schema::{
    moderation_appeals as a, moderation_cases as c, moderation_decisions as d,
};

/// Open cases and open appeals, for the dashboard.
pub fn waiting(conn: &mut PgConnection) -> QueryResult<(i64, i64)> {
    let cases = c::table
        .filter(c::status.eq(CaseStatus::Open))
        .count()
        .get_result(conn)?;
    let appeals = a::table
        .filter(a::status.eq(AppealStatus::Open))
        .count()
        .get_result(conn)?;
    Ok((cases, appeals))
}

/// Open cases, one line of the admin dashboard.
pub fn open_cases(conn: &mut PgConnection) -> QueryResult<i64> {
    waiting(conn).map(|(cases, _)| cases)
}

/// Open appeals, one line of the admin dashboard.
pub fn open_appeals(conn: &mut PgConnection) -> QueryResult<i64> {
    waiting(conn).map(|(_, appeals)| appeals)
}

/// One decision about a member, with its appeal's state.
#[derive(Clone, Debug)]
pub struct Entry {
    pub decision_id: i64,
    pub action: Action,
    pub rule: Option<i16>,
    pub target_kind: TargetKind,
    pub target_id: i64,
    pub facts: String,
    pub created_at: DateTime<Utc>,
    pub ends_at: Option<DateTime<Utc>>,
    /// Still has its effects now.
    pub in_force: bool,
    pub reversed: bool,
    pub appeal: Option<AppealStatus>,
}

/// Every decision about the member, newest first, in one query.
pub fn history(conn: &mut PgConnection, user_id: i64) -> QueryResult<Vec<Entry>> {
    let rows: Vec<(Decision, Option<AppealStatus>)> = d::table
        .left_join(a::table)
        .filter(d::member_id.eq(user_id))
        .order(d::id.desc())
        .select((Decision::as_select(), a::status.nullable()))
        .load(conn)?;
    let now = Utc::now();
    Ok(rows
        .into_iter()
        .map(|(dec, appeal)| Entry {
            decision_id: dec.id,
            action: dec.action,
            rule: dec.rule,
            target_kind: dec.target_kind,
            target_id: dec.target_id,
            facts: dec.facts.clone(),
            created_at: dec.created_at,
            ends_at: dec.ends_at,
            in_force: dec.in_force(now),
            reversed: dec.reversed_at.is_some(),
            appeal,
        })
        .collect())
}
