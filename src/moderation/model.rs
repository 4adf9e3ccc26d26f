//! The words of the moderation tables, the published rules, and the rows pages read.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::db::schema::{moderation_appeals, moderation_cases, moderation_decisions};

/// The published marketplace rules (`/rules`). The numbers are stable: decisions store
/// them and statements of reasons cite them, so a rule is never renumbered; a new rule
/// takes the next number and a retired one keeps its number unused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarketRule {
    ProhibitedItems,
    Counterfeits,
    Scams,
    PayingOutside,
    Harassment,
    Misleading,
    OneAccount,
    HonestReviews,
    PrivateData,
}

impl MarketRule {
    pub const ALL: [MarketRule; 9] = [
        MarketRule::ProhibitedItems,
        MarketRule::Counterfeits,
        MarketRule::Scams,
        MarketRule::PayingOutside,
        MarketRule::Harassment,
        MarketRule::Misleading,
        MarketRule::OneAccount,
        MarketRule::HonestReviews,
        MarketRule::PrivateData,
    ];

    pub fn number(self) -> i16 {
        match self {
            MarketRule::ProhibitedItems => 1,
            MarketRule::Counterfeits => 2,
            MarketRule::Scams => 3,
            MarketRule::PayingOutside => 4,
            MarketRule::Harassment => 5,
            MarketRule::Misleading => 6,
            MarketRule::OneAccount => 7,
            MarketRule::HonestReviews => 8,
            MarketRule::PrivateData => 9,
        }
    }

    pub fn from_number(n: i16) -> Option<MarketRule> {
        MarketRule::ALL.into_iter().find(|r| r.number() == n)
    }

    /// `mod-rule-N-title` and `mod-rule-N-body` in the locale files.
    pub fn title_key(self) -> String {
        format!("mod-rule-{}-title", self.number())
    }

    pub fn body_key(self) -> String {
        format!("mod-rule-{}-body", self.number())
    }
}

crate::text_enum! {
    /// Why a member reports something (the list the report form offers).
    pub enum Reason {
        Prohibited = "prohibited",
        Counterfeit = "counterfeit",
        Scam = "scam",
        Harassment = "harassment",
        Misleading = "misleading",
        Other = "other",
    }
}

crate::text_enum! {
    /// What a report is about. The column also allows `review`: the reviews feature adds
    /// its variant here and a line in `rules::resolve`, without a migration.
    pub enum TargetKind {
        Listing = "listing",
        Member = "member",
        Review = "review",
    }
}

/// A reported thing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Target {
    pub kind: TargetKind,
    pub id: i64,
}

crate::text_enum! {
    /// What a moderator decided. `remove_review` is allowed by the column for when the
    /// reviews feature is wired in.
    pub enum Action {
        Dismiss = "dismiss",
        HideListing = "hide_listing",
        Warn = "warn",
        RestrictSelling = "restrict_selling",
        Suspend = "suspend",
        Ban = "ban",
        RemoveReview = "remove_review",
    }
}

impl Action {
    /// A decision against the member: it cites a rule, gets a statement of reasons and
    /// can be appealed. A dismissal is none of these.
    pub fn is_sanction(self) -> bool {
        self != Action::Dismiss
    }

    /// Lasts a number of days the moderator gives.
    pub fn needs_duration(self) -> bool {
        matches!(self, Action::RestrictSelling | Action::Suspend)
    }

    /// Sanctions on the account: they hold the member's listings while they last.
    pub fn on_account(self) -> bool {
        matches!(
            self,
            Action::RestrictSelling | Action::Suspend | Action::Ban
        )
    }

    /// The actions possible on a case about this kind of target.
    pub fn for_target(kind: TargetKind) -> &'static [Action] {
        match kind {
            TargetKind::Listing => &[
                Action::Dismiss,
                Action::HideListing,
                Action::Warn,
                Action::RestrictSelling,
                Action::Suspend,
                Action::Ban,
            ],
            TargetKind::Review => &[
                Action::Dismiss,
                Action::RemoveReview,
                Action::Warn,
                Action::Suspend,
                Action::Ban,
            ],
            TargetKind::Member => &[
                Action::Dismiss,
                Action::Warn,
                Action::RestrictSelling,
                Action::Suspend,
                Action::Ban,
            ],
        }
    }
}

crate::text_enum! {
    pub enum CaseStatus {
        Open = "open",
        Closed = "closed",
    }
}

crate::text_enum! {
    pub enum AppealStatus {
        Open = "open",
        /// The decision stands.
        Upheld = "upheld",
        /// The decision was wrong: its effects were undone.
        Reversed = "reversed",
    }
}

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = moderation_cases, check_for_backend(diesel::pg::Pg))]
pub struct Case {
    pub id: i64,
    pub target_kind: TargetKind,
    pub target_id: i64,
    pub member_id: i64,
    pub status: CaseStatus,
    pub opened_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
}

impl Case {
    pub fn target(&self) -> Target {
        Target {
            kind: self.target_kind,
            id: self.target_id,
        }
    }
}

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = moderation_decisions, check_for_backend(diesel::pg::Pg))]
pub struct Decision {
    pub id: i64,
    pub case_id: Option<i64>,
    pub member_id: i64,
    pub moderator_id: Option<i64>,
    pub target_kind: TargetKind,
    pub target_id: i64,
    pub action: Action,
    pub rule: Option<i16>,
    pub facts: String,
    pub automated: bool,
    pub ends_at: Option<DateTime<Utc>>,
    pub appeal_by: DateTime<Utc>,
    pub lifted_at: Option<DateTime<Utc>>,
    pub reversed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl Decision {
    pub fn market_rule(&self) -> Option<MarketRule> {
        self.rule.and_then(MarketRule::from_number)
    }

    /// Whether its effects last now (a hidden listing or an account sanction not ended,
    /// lifted or reversed; a warning has no lasting effect).
    pub fn in_force(&self, now: DateTime<Utc>) -> bool {
        !matches!(self.action, Action::Dismiss | Action::Warn)
            && self.lifted_at.is_none()
            && self.reversed_at.is_none()
            && self.ends_at.is_none_or(|e| e > now)
    }
}

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = moderation_appeals, check_for_backend(diesel::pg::Pg))]
pub struct Appeal {
    pub id: i64,
    pub decision_id: i64,
    pub body: String,
    pub status: AppealStatus,
    pub decided_by: Option<i64>,
    pub note: String,
    pub created_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
}

/// The job queued by `rules::decide` for a sanction's end (run in `jobs.rs`): it finds
/// the decision reversed or lifted and does nothing, or lifts it. Kept here, beside
/// the rows, so the rules that queue it and the job that runs them are not a circle.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct LiftSanction {
    pub decision_id: i64,
}
