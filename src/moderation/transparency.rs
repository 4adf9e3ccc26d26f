//! The transparency report: per quarter, reports received by reason, actions taken by
//! type and the share automated, the median time from the first report to the action,
//! appeals and reversals. Each figure set is one grouped query over the data, so the
//! page says what the tables hold, not what someone counted.

use chrono::{DateTime, Datelike, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Double, Nullable, Text, Timestamptz};

use super::model::{Action, Reason};

/// One quarter of the report, newest first on the page.
#[derive(Clone, Debug, Default)]
pub struct Quarter {
    pub year: i32,
    pub quarter: u32,
    pub reports: Vec<(Reason, i64)>,
    pub reports_total: i64,
    pub actions: Vec<(Action, i64)>,
    pub actions_total: i64,
    pub automated: i64,
    /// Hours from a case's first report to its decision (decisions on reported cases).
    pub median_hours: Option<f64>,
    pub appeals: i64,
    pub reversed: i64,
}

impl Quarter {
    /// The share of actions taken on automated notices, in whole percent.
    pub fn automated_percent(&self) -> i64 {
        if self.actions_total == 0 {
            0
        } else {
            (self.automated * 100 + self.actions_total / 2) / self.actions_total
        }
    }

    pub fn median_hours_rounded(&self) -> Option<i64> {
        self.median_hours.map(|h| h.round() as i64)
    }
}

#[derive(QueryableByName)]
struct Counted {
    #[diesel(sql_type = Timestamptz)]
    q: DateTime<Utc>,
    #[diesel(sql_type = Text)]
    word: String,
    #[diesel(sql_type = BigInt)]
    n: i64,
    #[diesel(sql_type = BigInt)]
    automated: i64,
}

#[derive(QueryableByName)]
struct Median {
    #[diesel(sql_type = Timestamptz)]
    q: DateTime<Utc>,
    #[diesel(sql_type = Nullable<Double>)]
    hours: Option<f64>,
}

#[derive(QueryableByName)]
struct Appeals {
    #[diesel(sql_type = Timestamptz)]
    q: DateTime<Utc>,
    #[diesel(sql_type = BigInt)]
    n: i64,
    #[diesel(sql_type = BigInt)]
    reversed: i64,
}

fn key(at: DateTime<Utc>) -> (i32, u32) {
    (at.year(), (at.month() - 1) / 3 + 1)
}

fn quarter(all: &mut Vec<Quarter>, at: DateTime<Utc>) -> &mut Quarter {
    let (year, q) = key(at);
    let pos = match all.iter().position(|x| x.year == year && x.quarter == q) {
        Some(p) => p,
        None => {
            all.push(Quarter {
                year,
                quarter: q,
                ..Quarter::default()
            });
            all.len() - 1
        }
    };
    &mut all[pos]
}

/// Every quarter with any report, decision or appeal, newest first (quarters in UTC).
pub fn report(conn: &mut PgConnection) -> QueryResult<Vec<Quarter>> {
    let mut all: Vec<Quarter> = Vec::new();
    let reports: Vec<Counted> = diesel::sql_query(
        "SELECT date_trunc('quarter', created_at, 'UTC') AS q, reason AS word, \
                count(*) AS n, count(*) FILTER (WHERE automated) AS automated \
         FROM moderation_reports GROUP BY 1, 2 ORDER BY 1, 2",
    )
    .load(conn)?;
    for row in reports {
        if let Some(reason) = Reason::parse(&row.word) {
            let q = quarter(&mut all, row.q);
            q.reports.push((reason, row.n));
            q.reports_total += row.n;
        }
    }
    let actions: Vec<Counted> = diesel::sql_query(
        "SELECT date_trunc('quarter', created_at, 'UTC') AS q, action AS word, \
                count(*) AS n, count(*) FILTER (WHERE automated) AS automated \
         FROM moderation_decisions GROUP BY 1, 2 ORDER BY 1, 2",
    )
    .load(conn)?;
    for row in actions {
        if let Some(action) = Action::parse(&row.word) {
            let q = quarter(&mut all, row.q);
            q.actions.push((action, row.n));
            q.actions_total += row.n;
            q.automated += row.automated;
        }
    }
    let medians: Vec<Median> = diesel::sql_query(
        "SELECT date_trunc('quarter', d.created_at, 'UTC') AS q, \
                percentile_cont(0.5) WITHIN GROUP \
                  (ORDER BY extract(epoch FROM d.created_at - c.opened_at) / 3600.0) AS hours \
         FROM moderation_decisions d JOIN moderation_cases c ON c.id = d.case_id \
         GROUP BY 1",
    )
    .load(conn)?;
    for row in medians {
        quarter(&mut all, row.q).median_hours = row.hours;
    }
    let appeals: Vec<Appeals> = diesel::sql_query(
        "SELECT date_trunc('quarter', created_at, 'UTC') AS q, count(*) AS n, \
                count(*) FILTER (WHERE status = 'reversed') AS reversed \
         FROM moderation_appeals GROUP BY 1",
    )
    .load(conn)?;
    for row in appeals {
        let q = quarter(&mut all, row.q);
        q.appeals = row.n;
        q.reversed = row.reversed;
    }
    all.sort_by_key(|q| std::cmp::Reverse((q.year, q.quarter)));
    Ok(all)
}
