//! The admin pages: parse, authorize, call a rule or a feature's `for_admin` reads,
//! render. Moderators reach the dashboard and the listing search; everything else is
//! for admins. Others get 404 (`require_admin`), so the pages do not show they exist.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::paging::{self, PER_PAGE};
use super::rules::{self, RoleChange};
use super::views::*;
use crate::web::auth::{require_admin, require_moderator, UserRole};
use crate::web::form::{limited_text, FormErrors};
use crate::web::{redirect, render_status, AppError, Ctx};
use crate::{accounts, audit, db, listings, moderation, orders, AppState};

type Page = Result<HttpResponse, AppError>;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/admin").get(dashboard))
        .service(web::resource("/admin/users").get(users))
        .service(web::resource("/admin/users/{id}").get(user))
        .service(web::resource("/admin/users/{id}/role").post(change_role))
        .service(web::resource("/admin/listings").get(listings_list))
        .service(web::resource("/admin/orders").get(orders_list))
        .service(web::resource("/admin/failed").get(failed))
        .service(web::resource("/admin/failed/emails/{id}/retry").post(retry_email))
        .service(web::resource("/admin/failed/jobs/{id}/retry").post(retry_job))
        .service(web::resource("/admin/audit").get(audit_log));
}

/// A list page with errors in its query answers 400, showing them.
fn status_of(errors: &FormErrors) -> StatusCode {
    if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    }
}

async fn dashboard(ctx: Ctx, state: web::Data<AppState>) -> Page {
    let me = require_moderator(&ctx)?.clone();
    let registry = state.waiting.clone();
    let items = db::run(&state.pool, move |conn| {
        Ok(super::waiting_for(conn, &registry, &me)?)
    })
    .await?;
    render_status(StatusCode::OK, &DashboardPage { ctx, items })
}

/// Every query field is text, so odd input reaches the checks instead of failing the
/// extractor.
#[derive(Deserialize, Default)]
struct ListQuery {
    q: Option<String>,
    page: Option<String>,
    seller: Option<String>,
    status: Option<String>,
    id: Option<String>,
    party: Option<String>,
}

async fn users(ctx: Ctx, state: web::Data<AppState>, query: web::Query<ListQuery>) -> Page {
    require_admin(&ctx)?;
    let mut errors = FormErrors::default();
    let q = paging::text("q", query.q.as_deref(), &mut errors);
    let page = paging::page(query.page.as_deref(), &mut errors);
    let text = q.clone();
    let mut rows = db::run(&state.pool, move |conn| {
        Ok(accounts::for_admin::search(
            conn,
            &text,
            paging::offset(page),
            PER_PAGE + 1,
        )?)
    })
    .await?;
    let more = paging::split_more(&mut rows);
    let status = status_of(&errors);
    render_status(
        status,
        &UsersPage {
            ctx,
            q,
            rows,
            pager: Pager { page, more },
            errors,
        },
    )
}

/// How much of a member's audit history their page shows (the audit log has the rest).
const HISTORY: i64 = 20;

async fn user_page(
    ctx: Ctx,
    state: &AppState,
    id: i64,
    role: String,
    reason: String,
    errors: FormErrors,
) -> Page {
    let found = db::run(&state.pool, move |conn| {
        let Some(member) = accounts::for_admin::find(conn, id)? else {
            return Ok(None);
        };
        let listings = listings::for_admin::seller_counts(conn, id)?;
        let orders = orders::for_admin::party_counts(conn, id)?;
        let filter = audit::Filter {
            subject: Some(("user".into(), id)),
            actor_id: None,
        };
        let history = audit::page(conn, &filter, None, HISTORY)?;
        let actors: Vec<i64> = history.iter().filter_map(|r| r.actor_id).collect();
        let names = accounts::model::display_names(conn, &actors)?;
        let sanctions = moderation::for_admin::history(conn, id)?;
        Ok(Some((member, listings, orders, history, sanctions, names)))
    })
    .await?;
    let Some((member, listings, orders, history, sanctions, names)) = found else {
        return Err(AppError::NotFound);
    };
    let role = if role.is_empty() {
        member.role.as_str().to_string()
    } else {
        role
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_status(
        status,
        &UserPage {
            ctx,
            member,
            listings,
            orders,
            history,
            sanctions,
            names,
            role,
            reason,
            errors,
        },
    )
}

async fn user(ctx: Ctx, state: web::Data<AppState>, id: web::Path<i64>) -> Page {
    require_admin(&ctx)?;
    user_page(
        ctx,
        &state,
        id.into_inner(),
        String::new(),
        String::new(),
        FormErrors::default(),
    )
    .await
}

#[derive(Deserialize)]
struct RoleForm {
    #[serde(default)]
    role: String,
    #[serde(default)]
    reason: String,
}

/// Longest reason for a role change.
const MAX_REASON: usize = 1_000;

async fn change_role(
    ctx: Ctx,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<RoleForm>,
) -> Page {
    let me = require_admin(&ctx)?.clone();
    let id = id.into_inner();
    let RoleForm { role, reason } = form.into_inner();
    let mut errors = FormErrors::default();
    let parsed = UserRole::parse(&role);
    if parsed.is_none() {
        errors.add("role", "admin-role-required");
    }
    let why = errors.take("reason", limited_text(&reason, MAX_REASON, true));
    if why.as_deref() == Some("") {
        errors.add("reason", "admin-reason-required");
    }
    let (Some(new_role), Some(why), true) = (parsed, why, errors.is_empty()) else {
        return user_page(ctx, &state, id, role, reason, errors).await;
    };
    let outcome = db::run(&state.pool, move |conn| {
        Ok(rules::change_role(conn, &me, id, new_role, &why)?)
    })
    .await?;
    let refused = match outcome {
        RoleChange::Changed { .. } => {
            ctx.flash("success", ctx.t("admin-role-changed"));
            return Ok(redirect(&format!("/admin/users/{id}")));
        }
        RoleChange::NoSuchMember => return Err(AppError::NotFound),
        RoleChange::Same => "admin-role-same",
        RoleChange::OwnAccount => "admin-role-own",
    };
    errors.add("role", refused);
    user_page(ctx, &state, id, role, reason, errors).await
}

async fn listings_list(ctx: Ctx, state: web::Data<AppState>, query: web::Query<ListQuery>) -> Page {
    require_moderator(&ctx)?;
    let mut errors = FormErrors::default();
    let q = paging::text("q", query.q.as_deref(), &mut errors);
    let seller_raw = query.seller.clone().unwrap_or_default();
    let seller = paging::id("seller", Some(&seller_raw), &mut errors);
    let status_raw = query.status.clone().unwrap_or_default();
    let status = match status_raw.as_str() {
        "" => None,
        s => {
            let parsed = listings::status::ListingStatus::parse(s);
            if parsed.is_none() {
                errors.add("status", "admin-error-status");
            }
            parsed
        }
    };
    let page = paging::page(query.page.as_deref(), &mut errors);
    let search = listings::for_admin::Query {
        text: q.clone(),
        seller_id: seller,
        status,
    };
    let (mut rows, names) = db::run(&state.pool, move |conn| {
        let rows = listings::for_admin::search(conn, &search, paging::offset(page), PER_PAGE + 1)?;
        let sellers: Vec<i64> = rows.iter().map(|r| r.seller_id).collect();
        let names = accounts::model::display_names(conn, &sellers)?;
        Ok((rows, names))
    })
    .await?;
    let more = paging::split_more(&mut rows);
    let code = status_of(&errors);
    render_status(
        code,
        &ListingsPage {
            ctx,
            q,
            seller: seller_raw.trim().to_string(),
            status: status_raw,
            rows,
            names,
            pager: Pager { page, more },
            errors,
        },
    )
}

async fn orders_list(ctx: Ctx, state: web::Data<AppState>, query: web::Query<ListQuery>) -> Page {
    require_admin(&ctx)?;
    let mut errors = FormErrors::default();
    let id_raw = query.id.clone().unwrap_or_default();
    let id = paging::id("id", Some(&id_raw), &mut errors);
    let party_raw = query.party.clone().unwrap_or_default();
    let party = paging::id("party", Some(&party_raw), &mut errors);
    let status_raw = query.status.clone().unwrap_or_default();
    let status = match status_raw.as_str() {
        "" => None,
        s => {
            let parsed = orders::model::OrderStatus::parse(s);
            if parsed.is_none() {
                errors.add("status", "admin-error-status");
            }
            parsed
        }
    };
    let page = paging::page(query.page.as_deref(), &mut errors);
    let search = orders::for_admin::Query { id, party, status };
    let (mut rows, names) = db::run(&state.pool, move |conn| {
        let rows = orders::for_admin::search(conn, &search, paging::offset(page), PER_PAGE + 1)?;
        let people: Vec<i64> = rows
            .iter()
            .flat_map(|o| [o.buyer_id, o.seller_id])
            .collect();
        let names = accounts::model::display_names(conn, &people)?;
        Ok((rows, names))
    })
    .await?;
    let more = paging::split_more(&mut rows);
    let code = status_of(&errors);
    render_status(
        code,
        &OrdersPage {
            ctx,
            id: id_raw.trim().to_string(),
            party: party_raw.trim().to_string(),
            status: status_raw,
            rows,
            names,
            pager: Pager { page, more },
            errors,
        },
    )
}

/// Failed `send_email` jobs show as their emails (with the email's retry), not twice.
const LISTED_AS_EMAILS: &[&str] = &["send_email"];

async fn failed(ctx: Ctx, state: web::Data<AppState>) -> Page {
    require_admin(&ctx)?;
    let (emails, email_count, jobs, job_count) = db::run(&state.pool, |conn| {
        use crate::jobs::queue;
        use crate::mail::outbox;
        Ok((
            outbox::failed(conn, 0, PER_PAGE)?,
            outbox::failed_count(conn)?,
            queue::failed_page(conn, LISTED_AS_EMAILS, 0, PER_PAGE)?,
            queue::failed_count(conn, LISTED_AS_EMAILS)?,
        ))
    })
    .await?;
    render_status(
        StatusCode::OK,
        &FailedPage {
            ctx,
            emails,
            email_count,
            jobs,
            job_count,
        },
    )
}

/// What the dashboard counts as failed jobs: the same as the failed page lists.
pub fn failed_jobs(conn: &mut diesel::PgConnection) -> diesel::QueryResult<i64> {
    crate::jobs::queue::failed_count(conn, LISTED_AS_EMAILS)
}

async fn retry_email(ctx: Ctx, state: web::Data<AppState>, id: web::Path<i64>) -> Page {
    let me = require_admin(&ctx)?.clone();
    let id = id.into_inner();
    let done = db::run(&state.pool, move |conn| {
        Ok(rules::retry_email(conn, &me, id)?)
    })
    .await?;
    flash_retry(&ctx, done);
    Ok(redirect("/admin/failed"))
}

async fn retry_job(ctx: Ctx, state: web::Data<AppState>, id: web::Path<i64>) -> Page {
    let me = require_admin(&ctx)?.clone();
    let id = id.into_inner();
    let done = db::run(&state.pool, move |conn| {
        Ok(rules::retry_job(conn, &me, id)?)
    })
    .await?;
    flash_retry(&ctx, done);
    Ok(redirect("/admin/failed"))
}

fn flash_retry(ctx: &Ctx, done: bool) {
    if done {
        ctx.flash("success", ctx.t("admin-retry-queued"));
    } else {
        ctx.flash("info", ctx.t("admin-retry-gone"));
    }
}

#[derive(Deserialize, Default)]
struct AuditQuery {
    kind: Option<String>,
    subject: Option<String>,
    actor: Option<String>,
    before: Option<String>,
}

/// Subject kinds are short words (`user`, `listing`, `order`).
fn subject_kind(raw: &str, errors: &mut FormErrors) -> String {
    let kind = raw.trim().to_lowercase();
    if kind.len() > 32 || !kind.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
        errors.add("kind", "admin-error-kind");
        return String::new();
    }
    kind
}

async fn audit_log(ctx: Ctx, state: web::Data<AppState>, query: web::Query<AuditQuery>) -> Page {
    require_admin(&ctx)?;
    let mut errors = FormErrors::default();
    let kind_raw = query.kind.clone().unwrap_or_default();
    let kind = subject_kind(&kind_raw, &mut errors);
    let subject_raw = query.subject.clone().unwrap_or_default();
    let subject = paging::id("subject", Some(&subject_raw), &mut errors);
    let actor_raw = query.actor.clone().unwrap_or_default();
    let actor = paging::id("actor", Some(&actor_raw), &mut errors);
    let before = paging::id("before", query.before.as_deref(), &mut errors);
    // A subject is a kind and an id together.
    if subject.is_some() && kind.is_empty() && errors.get("kind").is_none() {
        errors.add("kind", "admin-error-kind-needed");
    }
    if subject.is_none() && !kind.is_empty() && errors.get("subject").is_none() {
        errors.add("subject", "admin-error-subject-needed");
    }
    let filter = audit::Filter {
        subject: match (kind.is_empty(), subject) {
            (false, Some(id)) => Some((kind.clone(), id)),
            _ => None,
        },
        actor_id: actor,
    };
    let (mut rows, names) = db::run(&state.pool, move |conn| {
        let rows = audit::page(conn, &filter, before, PER_PAGE + 1)?;
        let actors: Vec<i64> = rows.iter().filter_map(|r| r.actor_id).collect();
        let names = accounts::model::display_names(conn, &actors)?;
        Ok((rows, names))
    })
    .await?;
    let more = paging::split_more(&mut rows);
    let older = if more {
        rows.last().map(|r| r.id)
    } else {
        None
    };
    let code = status_of(&errors);
    render_status(
        code,
        &AuditPage {
            ctx,
            kind: kind_raw.trim().to_string(),
            subject: subject_raw.trim().to_string(),
            actor: actor_raw.trim().to_string(),
            rows,
            names,
            older,
            errors,
        },
    )
}
