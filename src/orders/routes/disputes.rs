//! Dispute pages: opening one, evidence (text and a private photo), the seller's offer
//! and return, the admin's decision and the appeal.

use actix_web::{web, HttpResponse};
use diesel::prelude::*;

use super::delivery::required;
use super::page::{act, invalid};
use super::{initiator, Page};
use crate::config::Config;
use crate::db;
use crate::orders::model::{self, Order};
use crate::orders::state::Initiator;
use crate::orders::views::ActionInput;
use crate::orders::{disputes, Error};
use crate::web::auth::require_user;
use crate::web::form::FormErrors;
use crate::web::{AppError, Ctx};
use crate::AppState;

/// A statement of up to 2,000 characters, line breaks allowed.
fn statement(raw: &str) -> Result<String, &'static str> {
    required(raw, 2_000, true)
}

pub(super) async fn open_dispute(
    ctx: Ctx,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<ActionInput>,
) -> Page {
    let id = id.into_inner();
    let input = form.into_inner();
    let mut errors = FormErrors::default();
    if !disputes::REASONS.contains(&input.reason.as_str()) {
        errors.add("reason", "dispute-reason-required");
    }
    let text = errors.take("statement", statement(&input.statement));
    let (Some(text), true) = (text, errors.is_empty()) else {
        return invalid(ctx, &state, id, input, errors).await;
    };
    let reason = input.reason.clone();
    act(
        ctx,
        &state,
        id,
        "dispute-done-opened",
        move |conn, cfg, a| disputes::open(conn, cfg, id, a, &reason, &text),
    )
    .await
}

/// Evidence: a statement and/or one photo (multipart, so the photo works without JS).
/// Who may add it is checked before the body is read; the photo is stored as a pending
/// upload (swept if the evidence is never saved) and served only to the parties.
pub(super) async fn add_evidence(
    ctx: Ctx,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    payload: actix_multipart::Multipart,
) -> Page {
    use crate::listings::photos;
    let id = id.into_inner();
    let user = require_user(&ctx)?;
    let (a, uid) = (initiator(user), user.id);
    db::run(&state.pool, move |conn| {
        Ok(disputes::may_add_evidence(conn, id, a)?)
    })
    .await?;
    let form = crate::web::multipart::read(payload, &photos::upload::limits(1)).await?;
    let body = form.field("body").unwrap_or("").to_string();
    let input = ActionInput {
        body: body.clone(),
        ..ActionInput::default()
    };
    let mut errors = FormErrors::default();
    let text = match crate::web::form::limited_text(&body, 2_000, true) {
        Ok(t) => Some(t),
        Err(k) => {
            errors.add("body", k);
            None
        }
    };
    let mut photo = None;
    if form.too_many {
        errors.add("photo", "evidence-one-photo");
    }
    // Only a form that can be saved costs decoding and storage.
    let upload = form.files.into_iter().next().filter(|_| errors.is_empty());
    if let Some(upload) = upload {
        if upload.too_large {
            errors.add("photo", "photo-too-large");
        } else {
            let storage = state.storage.clone();
            // Decoding runs on the CPU pool, away from the database's blocking threads.
            let stored = state
                .cpu
                .run(move || {
                    let processed = match photos::process(&upload.bytes) {
                        Ok(p) => p,
                        Err(e) => return Ok(Err(e)),
                    };
                    photos::store_private(storage.as_ref(), &processed)
                        .map(|key| Ok((key, processed.width as i32)))
                })
                .await?
                .map_err(|e: std::io::Error| AppError::Internal(e.into()))?;
            match stored {
                Ok((key, width)) => {
                    let k = key.clone();
                    db::run(&state.pool, move |conn| {
                        Ok(photos::remember_pending(conn, &k, uid, width)?)
                    })
                    .await?;
                    photo = Some((key, width));
                }
                Err(e) => errors.add("photo", e.key()),
            }
        }
    }
    let text = text.unwrap_or_default();
    if errors.is_empty() && text.trim().is_empty() && photo.is_none() {
        errors.add("body", "evidence-empty");
    }
    if !errors.is_empty() {
        return invalid(ctx, &state, id, input, errors).await;
    }
    act(
        ctx,
        &state,
        id,
        "dispute-done-evidence",
        move |conn, _, a| disputes::add_evidence(conn, id, a, text.trim(), photo),
    )
    .await
}

/// `GET /orders/{id}/evidence/{evidence}/{size}`: an evidence photo, for the parties and
/// admins only, never kept by shared caches.
pub(super) async fn evidence_photo(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<(i64, i64, u32)>,
) -> Page {
    let (id, evidence_id, size) = path.into_inner();
    let a = initiator(require_user(&ctx)?);
    let (key, width) = db::run(&state.pool, move |conn| {
        Ok(disputes::evidence_photo(conn, id, evidence_id, a)?)
    })
    .await?;
    let storage = state.storage.clone();
    let bytes = web::block(move || {
        crate::listings::photos::private_file(storage.as_ref(), &key, width, size)
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))?
    .map_err(|e| AppError::Internal(anyhow::Error::new(e).context("reading a photo")))?
    .ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok()
        .content_type("image/jpeg")
        .insert_header((
            actix_web::http::header::CACHE_CONTROL,
            "private, max-age=3600",
        ))
        .insert_header((actix_web::http::header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .body(bytes))
}

pub(super) async fn offer(
    ctx: Ctx,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<ActionInput>,
) -> Page {
    let id = id.into_inner();
    let input = form.into_inner();
    let (currency, most) = order_money(&state, id).await?;
    let mut errors = FormErrors::default();
    let amount = errors.take(
        "amount",
        crate::listings::price::parse(&input.amount, ctx.locale, &currency),
    );
    let amount = amount.filter(|a| {
        let ok = *a > 0 && *a < most;
        if !ok {
            errors.add("amount", "dispute-amount-range");
        }
        ok
    });
    let Some(amount) = amount else {
        return invalid(ctx, &state, id, input, errors).await;
    };
    act(
        ctx,
        &state,
        id,
        "dispute-done-offered",
        move |conn, cfg, a| disputes::offer(conn, cfg, id, a, amount),
    )
    .await
}

/// The order's currency and the item plus shipping (the most a partial refund can be).
async fn order_money(state: &AppState, id: i64) -> Result<(String, i64), AppError> {
    db::run(&state.pool, move |conn| {
        let o: Order = model::find(conn, id)
            .optional()?
            .ok_or(AppError::NotFound)?;
        Ok((o.currency.clone(), o.item_minor + o.shipping_minor))
    })
    .await
}

/// A dispute step that is just a button.
pub(super) async fn dispute_step(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<(i64, String)>,
) -> Page {
    type Step = fn(&mut PgConnection, &Config, i64, Initiator) -> Result<(), Error>;
    let (id, step) = path.into_inner();
    let (run, done): (Step, &str) = match step.as_str() {
        "accept-offer" => (disputes::accept_offer, "dispute-done-offer-accepted"),
        "accept-return" => (disputes::accept_return, "dispute-done-return-accepted"),
        "return-received" => (disputes::return_received, "dispute-done-return-received"),
        _ => return Err(AppError::NotFound),
    };
    act(ctx, &state, id, done, move |conn, cfg, a| {
        run(conn, cfg, id, a)
    })
    .await
}

pub(super) async fn appeal(
    ctx: Ctx,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<ActionInput>,
) -> Page {
    let id = id.into_inner();
    let input = form.into_inner();
    let mut errors = FormErrors::default();
    let Some(text) = errors.take("statement", statement(&input.statement)) else {
        return invalid(ctx, &state, id, input, errors).await;
    };
    act(
        ctx,
        &state,
        id,
        "dispute-done-appealed",
        move |conn, cfg, a| disputes::appeal(conn, cfg, id, a, &text),
    )
    .await
}

pub(super) async fn decide(
    ctx: Ctx,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<ActionInput>,
) -> Page {
    let id = id.into_inner();
    if !ctx.is_admin() {
        // Buyer and seller learn it is not theirs to decide; others that it is not there.
        require_user(&ctx)?;
    }
    let input = form.into_inner();
    let mut errors = FormErrors::default();
    if !disputes::DECISIONS.contains(&input.decision.as_str()) {
        errors.add("decision", "dispute-decision-required");
    }
    let mut amount = 0;
    if input.decision == "partial" {
        let (currency, most) = order_money(&state, id).await?;
        match crate::listings::price::parse(&input.amount, ctx.locale, &currency) {
            Ok(a) if a > 0 && a < most => amount = a,
            Ok(_) => errors.add("amount", "dispute-amount-range"),
            Err(k) => errors.add("amount", k),
        }
    }
    let reason = errors.take("statement", statement(&input.statement));
    let (Some(reason), true) = (reason, errors.is_empty()) else {
        return invalid(ctx, &state, id, input, errors).await;
    };
    let decision = input.decision.clone();
    act(
        ctx,
        &state,
        id,
        "dispute-done-decided",
        move |conn, cfg, a| disputes::decide(conn, cfg, id, a, &decision, amount, &reason),
    )
    .await
}
