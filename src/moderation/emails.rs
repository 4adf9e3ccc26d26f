//! The moderation emails, each composed in its recipient's language and time zone: the
//! reporter's confirmation and decision notice, the member's statement of reasons, and
//! the outcome of an appeal to the member and to the reporters.

use chrono::{DateTime, Utc};

use super::model::{Action, Decision, MarketRule, TargetKind};
use crate::i18n::{format, Arg, Locale};
use crate::mail::Email;
use crate::web::auth::User;

fn when(user: &User, at: DateTime<Utc>) -> String {
    format::date(user.locale(), user.zone(), at)
}

/// "Rule 3 — Scams and fraud", in the reader's language.
pub fn rule_line(locale: Locale, rule: MarketRule) -> String {
    locale.t_args(
        "mod-rule-cited",
        &[
            ("number", Arg::Num(rule.number() as i64)),
            ("title", Arg::Str(locale.t(&rule.title_key()))),
        ],
    )
}

/// How long a decision lasts, as its statement says it.
pub fn duration_line(locale: Locale, zone: chrono_tz::Tz, d: &Decision) -> String {
    match (d.action, d.ends_at) {
        (_, Some(end)) => locale.t_args(
            "mod-lasts-until",
            &[("date", Arg::Str(format::date(locale, zone, end)))],
        ),
        (Action::Ban, None) => locale.t("mod-lasts-permanent"),
        _ => locale.t("mod-lasts-once"),
    }
}

fn target_word(locale: Locale, kind: TargetKind) -> String {
    locale.t(&format!("mod-target-{kind}"))
}

pub fn report_received(to: &User, kind: TargetKind, case_id: i64) -> Email {
    let l = to.locale();
    Email::new(
        "moderation_report_received",
        l,
        &to.email,
        &to.display_name,
        "mod-email-received-subject",
    )
    .user(to.id)
    .para(l.t_args(
        "mod-email-received-body",
        &[
            ("what", Arg::Str(target_word(l, kind))),
            ("case", Arg::Num(case_id)),
        ],
    ))
    .para(l.t("mod-email-received-next"))
}

/// To each reporter of the case: what came of it (never the member's private details).
pub fn report_decided(to: &User, d: &Decision, base_url: &str) -> Email {
    let l = to.locale();
    let mut email = Email::new(
        "moderation_report_decided",
        l,
        &to.email,
        &to.display_name,
        "mod-email-decided-subject",
    )
    .user(to.id)
    .para(l.t_args(
        "mod-email-decided-body",
        &[
            ("what", Arg::Str(target_word(l, d.target_kind))),
            (
                "outcome",
                Arg::Str(l.t(&format!("mod-outcome-{}", d.action))),
            ),
        ],
    ));
    if let Some(rule) = d.market_rule() {
        email = email.detail(l.t("mod-label-rule"), rule_line(l, rule));
    }
    email.action("mod-email-rules-action", format!("{base_url}/rules"))
}

/// The statement of reasons: what was decided, under which rule, the facts, how long,
/// whether it was automated, and how to appeal and by when.
pub fn statement(to: &User, d: &Decision, base_url: &str) -> Email {
    let l = to.locale();
    let mut email = Email::new(
        "moderation_statement",
        l,
        &to.email,
        &to.display_name,
        "mod-email-statement-subject",
    )
    .user(to.id)
    .para(l.t(&format!("mod-statement-{}", d.action)))
    .detail(
        l.t("mod-label-decision"),
        l.t(&format!("mod-action-{}", d.action)),
    );
    if let Some(rule) = d.market_rule() {
        email = email.detail(l.t("mod-label-rule"), rule_line(l, rule));
    }
    email
        .detail(l.t("mod-label-facts"), d.facts.clone())
        .detail(l.t("mod-label-duration"), duration_line(l, to.zone(), d))
        .detail(
            l.t("mod-label-automated"),
            l.t(if d.automated { "mod-yes" } else { "mod-no" }),
        )
        .para(l.t_args(
            "mod-appeal-how",
            &[("date", Arg::Str(when(to, d.appeal_by)))],
        ))
        .action(
            "mod-email-statement-action",
            format!("{base_url}/me/decisions/{}", d.id),
        )
}

/// The appeal's outcome, to the member who appealed.
pub fn appeal_member(to: &User, d: &Decision, reversed: bool, note: &str, base_url: &str) -> Email {
    let l = to.locale();
    let mut email = Email::new(
        "moderation_appeal_decided",
        l,
        &to.email,
        &to.display_name,
        "mod-email-appeal-subject",
    )
    .user(to.id)
    .para(l.t(if reversed {
        "mod-email-appeal-reversed"
    } else {
        "mod-email-appeal-upheld"
    }))
    .detail(
        l.t("mod-label-decision"),
        l.t(&format!("mod-action-{}", d.action)),
    );
    if !note.is_empty() {
        email = email.detail(l.t("mod-label-note"), note.to_string());
    }
    email.action(
        "mod-email-statement-action",
        format!("{base_url}/me/decisions/{}", d.id),
    )
}

/// The appeal's outcome, to a reporter of the case.
pub fn appeal_reporter(to: &User, d: &Decision, reversed: bool) -> Email {
    let l = to.locale();
    Email::new(
        "moderation_appeal_reporter",
        l,
        &to.email,
        &to.display_name,
        "mod-email-appeal-reporter-subject",
    )
    .user(to.id)
    .para(l.t_args(
        if reversed {
            "mod-email-appeal-reporter-reversed"
        } else {
            "mod-email-appeal-reporter-upheld"
        },
        &[("what", Arg::Str(target_word(l, d.target_kind)))],
    ))
}
