//! Moderation pages: parse, authorize, call one rule, render or redirect. Members
//! report and appeal; moderators (and admins) work the queue and decide appeals.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use diesel::prelude::*;

use super::for_admin;
use super::model::{
    Action, Appeal, AppealStatus, Case, CaseStatus, Decision, MarketRule, Reason, Target,
    TargetKind,
};
use super::rules::{self, Verdict};
use super::transparency;
use super::views::*;
use super::Error;
use crate::accounts;
use crate::db;
use crate::db::schema::{
    moderation_appeals as a, moderation_cases as c, moderation_decisions as d,
    moderation_reports as r,
};
use crate::listings::for_moderation as listings;
use crate::web::auth::{require_moderator, require_user};
use crate::web::form::{limited_text, FormErrors};
use crate::web::rate_limit::{self as limits, Limit};
use crate::web::{redirect, render, render_status, AppError, Ctx};
use crate::AppState;

type Page = Result<HttpResponse, AppError>;

/// Reports one member may file: enough for someone who meets several bad listings,
/// too few to flood the queue.
pub const REPORTS_PER_MEMBER: Limit = Limit {
    name: "report-member",
    max: 10,
    window_secs: 3600,
};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/rules").get(rules_page))
        .service(web::resource("/transparency").get(transparency_page))
        .service(
            web::resource("/report/{kind}/{id}")
                .get(report_page)
                .post(report),
        )
        .service(web::resource("/me/decisions").get(my_decisions))
        .service(web::resource("/me/decisions/{id}").get(decision_page))
        .service(web::resource("/me/decisions/{id}/appeal").post(appeal))
        .service(web::resource("/admin/reports").get(queue))
        .service(web::resource("/admin/reports/{id}").get(case_page))
        .service(web::resource("/admin/reports/{id}/decide").post(decide))
        .service(web::resource("/admin/appeals/{id}").get(appeal_page))
        .service(web::resource("/admin/appeals/{id}/decide").post(decide_appeal));
}

/// The paths a suspended or banned member can still reach (the start-up gate): their
/// decisions and appeals, the rules, the transparency report, leaving, the language,
/// and their open orders (shipping, handing over, paying, being refunded: money already
/// moving must finish). New sales and purchases start elsewhere (`/sell`, "Buy now").
pub fn open_to_locked(path: &str) -> bool {
    let prefixes = ["/me/decisions/", "/orders/", "/pay/"];
    prefixes.iter().any(|p| path.starts_with(p))
        || matches!(
            path,
            "/me/decisions"
                | "/me/sales"
                | "/me/purchases"
                | "/me/payouts"
                | "/rules"
                | "/transparency"
                | "/logout"
                | "/lang"
        )
}

async fn rules_page(ctx: Ctx) -> Page {
    render(&RulesPage {
        ctx,
        rules: &MarketRule::ALL,
    })
}

async fn transparency_page(ctx: Ctx, state: web::Data<AppState>) -> Page {
    let quarters = db::run(&state.pool, |conn| Ok(transparency::report(conn)?)).await?;
    render(&TransparencyPage { ctx, quarters })
}

// ---- reports --------------------------------------------------------------------------

fn target_of(kind: &str, id: i64) -> Result<Target, AppError> {
    let kind = TargetKind::parse(kind).ok_or(AppError::NotFound)?;
    Ok(Target { kind, id })
}

/// What the form names: the listing's title or the member's name, if it is public.
fn reported(conn: &mut PgConnection, t: Target) -> Result<Option<(Reported, i64)>, AppError> {
    Ok(match t.kind {
        TargetKind::Listing => listings::content(conn, t.id)?
            .filter(|l| l.status.is_public())
            .map(|l| {
                (
                    Reported {
                        kind: t.kind,
                        id: t.id,
                        label: l.title,
                        href: format!("/listings/{}", t.id),
                    },
                    l.seller_id,
                )
            }),
        TargetKind::Member => accounts::model::public_member(conn, t.id)?.map(|m| {
            (
                Reported {
                    kind: t.kind,
                    id: t.id,
                    label: m.display_name,
                    href: format!("/u/{}", t.id),
                },
                m.id,
            )
        }),
        TargetKind::Review => crate::reviews::for_moderation::find(conn, t.id)?
            .filter(|r| r.published_at.is_some() && r.removed_at.is_none())
            .map(|r| {
                (
                    Reported {
                        kind: t.kind,
                        id: t.id,
                        label: r.item_title,
                        href: format!("/u/{}/reviews", r.subject_id),
                    },
                    r.author_id,
                )
            }),
    })
}

async fn load_reported(state: &AppState, t: Target, me: i64) -> Result<Reported, AppError> {
    let found = db::run(&state.pool, move |conn| reported(conn, t)).await?;
    match found {
        Some((_, member)) if member == me => Err(AppError::NotFound),
        Some((target, _)) => Ok(target),
        None => Err(AppError::NotFound),
    }
}

async fn report_page(ctx: Ctx, state: web::Data<AppState>, path: web::Path<(String, i64)>) -> Page {
    let me = require_user(&ctx)?.id;
    let (kind, id) = path.into_inner();
    let target = load_reported(&state, target_of(&kind, id)?, me).await?;
    render(&ReportPage {
        ctx,
        target,
        reasons: Reason::ALL,
        form: ReportForm::default(),
        errors: FormErrors::default(),
        max: rules::REPORT_MAX,
    })
}

async fn report(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<ReportForm>,
) -> Page {
    let user = require_user(&ctx)?.clone();
    let (kind, id) = path.into_inner();
    let t = target_of(&kind, id)?;
    let target = load_reported(&state, t, user.id).await?;
    let form = form.into_inner();
    let mut errors = FormErrors::default();
    let reason = errors.take(
        "reason",
        Reason::parse(&form.reason).ok_or("mod-reason-required"),
    );
    let body = errors.take(
        "body",
        limited_text(&form.body, rules::REPORT_MAX, true).and_then(|s| {
            if s.is_empty() {
                Err("mod-body-required")
            } else {
                Ok(s)
            }
        }),
    );
    let (Some(reason), Some(body)) = (reason, body) else {
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ReportPage {
                ctx,
                target,
                reasons: Reason::ALL,
                form,
                errors,
                max: rules::REPORT_MAX,
            },
        );
    };
    let uid = user.id.to_string();
    // The hit commits on its own, before the rule: a refused report still counts.
    db::run(&state.pool, move |conn| {
        limits::hit(conn, &REPORTS_PER_MEMBER, &uid)
    })
    .await?;
    let cfg = state.config.clone();
    db::run(&state.pool, move |conn| {
        Ok(rules::report(conn, &cfg, &user, t, reason, &body)?)
    })
    .await?;
    ctx.flash("success", ctx.t("mod-flash-reported"));
    Ok(redirect(&target.href))
}

// ---- the member's decisions and appeals --------------------------------------------

async fn my_decisions(ctx: Ctx, state: web::Data<AppState>) -> Page {
    let uid = require_user(&ctx)?.id;
    let rows = db::run(&state.pool, move |conn| {
        Ok(for_admin::history(conn, uid)?
            .into_iter()
            .filter(|e| e.action.is_sanction())
            .collect())
    })
    .await?;
    render(&DecisionsPage { ctx, rows })
}

async fn decision_view(
    ctx: Ctx,
    state: &AppState,
    id: i64,
    form: AppealForm,
    errors: FormErrors,
) -> Page {
    let viewer = require_user(&ctx)?.clone();
    let (d, appeal) = db::run(&state.pool, move |conn| {
        Ok(rules::decision_for(conn, &viewer, id)?)
    })
    .await?;
    let mine = ctx.user.as_ref().is_some_and(|u| u.id == d.member_id);
    let now = Utc::now();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_status(
        status,
        &DecisionPage {
            may_appeal: mine && appeal.is_none() && now <= d.appeal_by,
            in_force: d.in_force(now),
            ctx,
            d,
            appeal,
            mine,
            form,
            errors,
            max: rules::APPEAL_MAX,
        },
    )
}

async fn decision_page(ctx: Ctx, state: web::Data<AppState>, id: web::Path<i64>) -> Page {
    decision_view(
        ctx,
        &state,
        id.into_inner(),
        AppealForm::default(),
        FormErrors::default(),
    )
    .await
}

async fn appeal(
    ctx: Ctx,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<AppealForm>,
) -> Page {
    let user = require_user(&ctx)?.clone();
    let id = id.into_inner();
    let form = form.into_inner();
    let mut errors = FormErrors::default();
    let body = errors.take(
        "body",
        limited_text(&form.body, rules::APPEAL_MAX, true).and_then(|s| {
            if s.is_empty() {
                Err("mod-body-required")
            } else {
                Ok(s)
            }
        }),
    );
    let Some(body) = body else {
        return decision_view(ctx, &state, id, form, errors).await;
    };
    let outcome = db::run(&state.pool, move |conn| {
        match rules::appeal(conn, &user, id, &body) {
            Ok(_) => Ok(Ok(())),
            Err(e) if e.key().is_some() => Ok(Err(e)),
            Err(e) => Err(e.into()),
        }
    })
    .await?;
    match outcome {
        Ok(()) => {
            ctx.flash("success", ctx.t("mod-flash-appealed"));
            Ok(redirect(&format!("/me/decisions/{id}")))
        }
        Err(e) => {
            errors.add("body", e.key().unwrap_or("mod-error-appealed"));
            decision_view(ctx, &state, id, form, errors).await
        }
    }
}

// ---- the queue ----------------------------------------------------------------------

/// Cases and appeals shown at once; the oldest come first, so nothing waits forever.
const QUEUE_ROWS: i64 = 100;

async fn queue(ctx: Ctx, state: web::Data<AppState>) -> Page {
    let me = require_moderator(&ctx)?.id;
    let (cases, appeals) = db::run(&state.pool, move |conn| {
        let cases: Vec<Case> = c::table
            .filter(c::status.eq(CaseStatus::Open))
            .order((c::opened_at, c::id))
            .limit(QUEUE_ROWS)
            .select(Case::as_select())
            .load(conn)?;
        let ids: Vec<i64> = cases.iter().map(|k| k.id).collect();
        let reports: Vec<(i64, Reason, bool)> = r::table
            .filter(r::case_id.eq_any(&ids))
            .select((r::case_id, r::reason, r::automated))
            .load(conn)?;
        let listing_ids: Vec<i64> = cases
            .iter()
            .filter(|k| k.target_kind == TargetKind::Listing)
            .map(|k| k.target_id)
            .collect();
        let titles = listings::titles(conn, &listing_ids)?;
        let open: Vec<(Appeal, Decision)> = a::table
            .inner_join(d::table)
            .filter(a::status.eq(AppealStatus::Open))
            .order((a::created_at, a::id))
            .limit(QUEUE_ROWS)
            .select((Appeal::as_select(), Decision::as_select()))
            .load(conn)?;
        let mut people: Vec<i64> = cases.iter().map(|k| k.member_id).collect();
        people.extend(open.iter().map(|(_, dec)| dec.member_id));
        let names = accounts::model::display_names(conn, &people)?;
        let name = |id: i64| names.get(&id).cloned().unwrap_or_default();
        let mut by_case: HashMap<i64, (i64, Vec<Reason>, bool)> = HashMap::new();
        for (case_id, reason, automated) in reports {
            let e = by_case.entry(case_id).or_default();
            e.0 += 1;
            if !e.1.contains(&reason) {
                e.1.push(reason);
            }
            e.2 |= automated;
        }
        let rows = cases
            .into_iter()
            .map(|k| {
                let (reports, reasons, automated) = by_case.remove(&k.id).unwrap_or_default();
                QueueRow {
                    case_id: k.id,
                    kind: k.target_kind,
                    label: match k.target_kind {
                        TargetKind::Listing => {
                            titles.get(&k.target_id).cloned().unwrap_or_default()
                        }
                        TargetKind::Member => name(k.target_id),
                        // The kind column says "review"; its text is on the case page.
                        TargetKind::Review => format!("#{}", k.target_id),
                    },
                    member: name(k.member_id),
                    reports,
                    reasons,
                    automated,
                    opened_at: k.opened_at,
                }
            })
            .collect();
        let appeals = open
            .into_iter()
            .map(|(ap, dec)| AppealRow {
                appeal_id: ap.id,
                action: dec.action,
                member: name(dec.member_id),
                created_at: ap.created_at,
                own: dec.moderator_id == Some(me),
            })
            .collect();
        Ok((rows, appeals))
    })
    .await?;
    render(&QueuePage {
        ctx,
        cases,
        appeals,
    })
}

async fn case_view(
    ctx: Ctx,
    state: &AppState,
    id: i64,
    form: DecideForm,
    errors: FormErrors,
) -> Page {
    require_moderator(&ctx)?;
    let (case, content, member, reports, history, earlier_cases) =
        db::run(&state.pool, move |conn| {
            let case: Case = c::table.find(id).select(Case::as_select()).first(conn)?;
            let content = match case.target_kind {
                TargetKind::Listing => match listings::content(conn, case.target_id)? {
                    Some(l) => Content::Listing {
                        id: l.id,
                        title: l.title,
                        description: l.description,
                        status: l.status.as_str().to_string(),
                    },
                    None => Content::Gone,
                },
                TargetKind::Member => match accounts::model::public_member(conn, case.target_id)? {
                    Some(m) => Content::Member {
                        id: m.id,
                        name: m.display_name,
                        bio: m.bio,
                        since: m.member_since,
                    },
                    None => Content::Gone,
                },
                TargetKind::Review => {
                    match crate::reviews::for_moderation::find(conn, case.target_id)? {
                        Some(r) => Content::Review {
                            subject_id: r.subject_id,
                            item_title: r.item_title,
                            stars: r.stars,
                            body: r.body,
                            removed: r.removed_at.is_some(),
                        },
                        None => Content::Gone,
                    }
                }
            };
            let raw: Vec<(Reason, String, Option<i64>, chrono::DateTime<Utc>)> = r::table
                .filter(r::case_id.eq(case.id))
                .order(r::id)
                .select((r::reason, r::body, r::reporter_id, r::created_at))
                .load(conn)?;
            let mut people: Vec<i64> = raw.iter().filter_map(|x| x.2).collect();
            people.push(case.member_id);
            let names = accounts::model::display_names(conn, &people)?;
            let reports = raw
                .into_iter()
                .map(|(reason, body, reporter, created_at)| ReportRow {
                    reason,
                    body,
                    reporter: reporter.map(|id| names.get(&id).cloned().unwrap_or_default()),
                    created_at,
                })
                .collect::<Vec<_>>();
            let history = for_admin::history(conn, case.member_id)?;
            let earlier: i64 = c::table
                .filter(c::member_id.eq(case.member_id))
                .filter(c::id.ne(case.id))
                .count()
                .get_result(conn)?;
            let member = names.get(&case.member_id).cloned().unwrap_or_default();
            Ok((case, content, member, reports, history, earlier))
        })
        .await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_status(
        status,
        &CasePage {
            ctx,
            case_id: case.id,
            open: case.status == CaseStatus::Open,
            kind: case.target_kind,
            content,
            member_id: case.member_id,
            member,
            reports,
            history,
            earlier_cases,
            actions: Action::for_target(case.target_kind),
            rules: &MarketRule::ALL,
            form,
            errors,
            max_days: rules::MAX_DAYS,
        },
    )
}

async fn case_page(ctx: Ctx, state: web::Data<AppState>, id: web::Path<i64>) -> Page {
    case_view(
        ctx,
        &state,
        id.into_inner(),
        DecideForm::default(),
        FormErrors::default(),
    )
    .await
}

/// The decision form's fields, checked: the rule for a sanction, the facts always,
/// the days for what lasts.
fn verdict_of(form: &DecideForm, errors: &mut FormErrors) -> Option<Verdict> {
    let action = errors.take(
        "action",
        Action::parse(&form.action).ok_or("mod-action-required"),
    );
    let rule = form
        .rule
        .parse::<i16>()
        .ok()
        .and_then(MarketRule::from_number);
    if action.is_some_and(Action::is_sanction) && rule.is_none() {
        errors.add("rule", "mod-rule-required");
    }
    let facts = errors.take(
        "facts",
        limited_text(&form.facts, rules::FACTS_MAX, true).and_then(|s| {
            if s.is_empty() {
                Err("mod-facts-required")
            } else {
                Ok(s)
            }
        }),
    );
    let days = form.days.trim().parse::<u32>().ok();
    let days = match action {
        Some(a) if a.needs_duration() => match days {
            Some(n) if (1..=rules::MAX_DAYS).contains(&n) => Some(n),
            _ => {
                errors.add("days", "mod-days-invalid");
                None
            }
        },
        _ => None,
    };
    let action = action?;
    if !errors.is_empty() {
        return None;
    }
    Some(Verdict {
        action,
        rule: rule.filter(|_| action.is_sanction()),
        facts: facts?,
        automated: form.automated == "yes",
        days,
    })
}

async fn decide(
    ctx: Ctx,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<DecideForm>,
) -> Page {
    let moderator = require_moderator(&ctx)?.clone();
    let id = id.into_inner();
    let form = form.into_inner();
    let mut errors = FormErrors::default();
    let Some(verdict) = verdict_of(&form, &mut errors) else {
        return case_view(ctx, &state, id, form, errors).await;
    };
    let cfg = state.config.clone();
    let outcome = db::run(&state.pool, move |conn| {
        let case_kind: TargetKind = c::table.find(id).select(c::target_kind).first(conn)?;
        if !Action::for_target(case_kind).contains(&verdict.action) {
            return Err(AppError::BadRequest);
        }
        match rules::decide(conn, &cfg, &moderator, id, &verdict) {
            Ok(_) => Ok(Ok(())),
            Err(Error::AlreadyDecided) => Ok(Err(())),
            Err(e) => Err(e.into()),
        }
    })
    .await?;
    match outcome {
        Ok(()) => {
            ctx.flash("success", ctx.t("mod-flash-decided"));
            Ok(redirect("/admin/reports"))
        }
        Err(()) => {
            errors.add("action", "mod-error-decided");
            case_view(ctx, &state, id, form, errors).await
        }
    }
}

async fn appeal_view(
    ctx: Ctx,
    state: &AppState,
    id: i64,
    form: AppealDecideForm,
    errors: FormErrors,
) -> Page {
    let me = require_moderator(&ctx)?.id;
    let (appeal, d, names) = db::run(&state.pool, move |conn| {
        let (appeal, d): (Appeal, Decision) = a::table
            .inner_join(d::table)
            .filter(a::id.eq(id))
            .select((Appeal::as_select(), Decision::as_select()))
            .first(conn)?;
        let mut people = vec![d.member_id];
        people.extend(d.moderator_id);
        let names = accounts::model::display_names(conn, &people)?;
        Ok((appeal, d, names))
    })
    .await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_status(
        status,
        &AppealPage {
            member: names.get(&d.member_id).cloned().unwrap_or_default(),
            decided_by: d
                .moderator_id
                .and_then(|m| names.get(&m).cloned())
                .unwrap_or_default(),
            own: d.moderator_id == Some(me),
            ctx,
            d,
            appeal,
            form,
            errors,
        },
    )
}

async fn appeal_page(ctx: Ctx, state: web::Data<AppState>, id: web::Path<i64>) -> Page {
    appeal_view(
        ctx,
        &state,
        id.into_inner(),
        AppealDecideForm::default(),
        FormErrors::default(),
    )
    .await
}

async fn decide_appeal(
    ctx: Ctx,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<AppealDecideForm>,
) -> Page {
    let moderator = require_moderator(&ctx)?.clone();
    let id = id.into_inner();
    let form = form.into_inner();
    let mut errors = FormErrors::default();
    let reverse = match form.outcome.as_str() {
        "reverse" => Some(true),
        "uphold" => Some(false),
        _ => {
            errors.add("outcome", "mod-outcome-required");
            None
        }
    };
    let note = errors.take(
        "note",
        limited_text(&form.note, rules::FACTS_MAX, true).and_then(|s| {
            if s.is_empty() {
                Err("mod-note-required")
            } else {
                Ok(s)
            }
        }),
    );
    let (Some(reverse), Some(note)) = (reverse, note) else {
        return appeal_view(ctx, &state, id, form, errors).await;
    };
    let cfg = state.config.clone();
    let outcome = db::run(&state.pool, move |conn| {
        match rules::decide_appeal(conn, &cfg, &moderator, id, reverse, &note) {
            Ok(()) => Ok(Ok(())),
            Err(e @ (Error::SameModerator | Error::AlreadyDecided)) => Ok(Err(e)),
            Err(e) => Err(e.into()),
        }
    })
    .await?;
    match outcome {
        Ok(()) => {
            ctx.flash("success", ctx.t("mod-flash-appeal-decided"));
            Ok(redirect("/admin/reports"))
        }
        Err(Error::SameModerator) => Err(AppError::Forbidden),
        Err(e) => {
            errors.add("outcome", e.key().unwrap_or("mod-error-decided"));
            appeal_view(ctx, &state, id, form, errors).await
        }
    }
}
