//! The moderation pages and the form values they echo back.

use askama::Template;
use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::emails;
use super::for_admin;
use super::model::{Action, Appeal, AppealStatus, Decision, MarketRule, Reason, TargetKind};
use super::transparency::Quarter;
use crate::web::form::FormErrors;
use crate::web::Ctx;

/// Words pages show for the enums and rules, in the reader's language.
pub trait Words {
    fn ctx(&self) -> &Ctx;

    fn action_name(&self, a: &Action) -> String {
        self.ctx().t(&format!("mod-action-{a}"))
    }

    fn reason_name(&self, r: &Reason) -> String {
        self.ctx().t(&format!("mod-reason-{r}"))
    }

    fn target_name(&self, k: &TargetKind) -> String {
        self.ctx().t(&format!("mod-target-{k}"))
    }

    fn rule_name(&self, n: &Option<i16>) -> String {
        match n.and_then(MarketRule::from_number) {
            Some(rule) => emails::rule_line(self.ctx().locale, rule),
            None => "—".into(),
        }
    }

    fn appeal_name(&self, s: &AppealStatus) -> String {
        self.ctx().t(&format!("mod-appeal-status-{s}"))
    }

    fn duration(&self, d: &Decision) -> String {
        emails::duration_line(self.ctx().locale, self.ctx().zone, d)
    }

    fn yes_no(&self, b: &bool) -> String {
        self.ctx().t(if *b { "mod-yes" } else { "mod-no" })
    }
}

macro_rules! words {
    ($($page:ty),*) => {
        $(impl Words for $page {
            fn ctx(&self) -> &Ctx {
                &self.ctx
            }
        })*
    };
}

#[derive(Template)]
#[template(path = "moderation/rules.html")]
pub struct RulesPage {
    pub ctx: Ctx,
    pub rules: &'static [MarketRule],
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ReportForm {
    pub reason: String,
    pub body: String,
}

/// What the report form says it is about.
pub struct Reported {
    pub kind: TargetKind,
    pub id: i64,
    /// A listing's title or a member's name.
    pub label: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "moderation/report.html")]
pub struct ReportPage {
    pub ctx: Ctx,
    pub target: Reported,
    pub reasons: &'static [Reason],
    pub form: ReportForm,
    pub errors: FormErrors,
    pub max: usize,
}

/// A row of the queue: an open case and what its reports say.
pub struct QueueRow {
    pub case_id: i64,
    pub kind: TargetKind,
    pub label: String,
    pub member: String,
    pub reports: i64,
    pub reasons: Vec<Reason>,
    pub automated: bool,
    pub opened_at: DateTime<Utc>,
}

/// An open appeal in the queue.
pub struct AppealRow {
    pub appeal_id: i64,
    pub action: Action,
    pub member: String,
    pub created_at: DateTime<Utc>,
    /// The viewer made the decision: someone else must decide.
    pub own: bool,
}

#[derive(Template)]
#[template(path = "moderation/queue.html")]
pub struct QueuePage {
    pub ctx: Ctx,
    pub cases: Vec<QueueRow>,
    pub appeals: Vec<AppealRow>,
}

/// A report as the case page lists it.
pub struct ReportRow {
    pub reason: Reason,
    pub body: String,
    /// `None`: an automated notice.
    pub reporter: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// The reported content, as it is now.
pub enum Content {
    Listing {
        id: i64,
        title: String,
        description: String,
        status: String,
    },
    Member {
        id: i64,
        name: String,
        bio: String,
        since: DateTime<Utc>,
    },
    Review {
        subject_id: i64,
        item_title: String,
        stars: i16,
        body: String,
        removed: bool,
    },
    Gone,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct DecideForm {
    pub action: String,
    pub rule: String,
    pub facts: String,
    pub automated: String,
    pub days: String,
}

#[derive(Template)]
#[template(path = "moderation/case.html")]
pub struct CasePage {
    pub ctx: Ctx,
    pub case_id: i64,
    pub open: bool,
    pub kind: TargetKind,
    pub content: Content,
    pub member_id: i64,
    pub member: String,
    pub reports: Vec<ReportRow>,
    pub history: Vec<for_admin::Entry>,
    pub earlier_cases: i64,
    pub actions: &'static [Action],
    pub rules: &'static [MarketRule],
    pub form: DecideForm,
    pub errors: FormErrors,
    pub max_days: u32,
}

impl CasePage {
    pub fn rule_selected(&self, r: &MarketRule) -> bool {
        self.form.rule == r.number().to_string()
    }

    pub fn rule_title(&self, r: &MarketRule) -> String {
        emails::rule_line(self.ctx.locale, *r)
    }
}

#[derive(Template)]
#[template(path = "moderation/decisions.html")]
pub struct DecisionsPage {
    pub ctx: Ctx,
    pub rows: Vec<for_admin::Entry>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct AppealForm {
    pub body: String,
}

#[derive(Template)]
#[template(path = "moderation/decision.html")]
pub struct DecisionPage {
    pub ctx: Ctx,
    pub d: Decision,
    pub appeal: Option<Appeal>,
    /// The member it is about is reading (moderators read it too, without the form).
    pub mine: bool,
    pub may_appeal: bool,
    pub in_force: bool,
    pub form: AppealForm,
    pub errors: FormErrors,
    pub max: usize,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct AppealDecideForm {
    pub outcome: String,
    pub note: String,
}

#[derive(Template)]
#[template(path = "moderation/appeal.html")]
pub struct AppealPage {
    pub ctx: Ctx,
    pub d: Decision,
    pub appeal: Appeal,
    pub member: String,
    pub decided_by: String,
    /// The viewer made the decision: no form.
    pub own: bool,
    pub form: AppealDecideForm,
    pub errors: FormErrors,
}

#[derive(Template)]
#[template(path = "moderation/transparency.html")]
pub struct TransparencyPage {
    pub ctx: Ctx,
    pub quarters: Vec<Quarter>,
}

words!(
    RulesPage,
    ReportPage,
    QueuePage,
    CasePage,
    DecisionsPage,
    DecisionPage,
    AppealPage,
    TransparencyPage
);
