//! Shipping, the local handover with the buyer's code, the buyer's confirmation and
//! cancelling a paid order.

use actix_web::web;

use super::page::{act, invalid, CANCEL_REASONS};
use super::{initiator, Page};
use crate::db;
use crate::orders::state::{self, Handover};
use crate::orders::views::ActionInput;
use crate::web::auth::require_user;
use crate::web::form::FormErrors;
use crate::web::{redirect, Ctx};
use crate::AppState;

/// Text that must be given: `limited_text`, and not empty.
pub(super) fn required(raw: &str, max: usize, multiline: bool) -> Result<String, &'static str> {
    crate::web::form::limited_text(raw, max, multiline).and_then(|s| {
        if s.is_empty() {
            Err("field-required")
        } else {
            Ok(s)
        }
    })
}

pub(super) async fn ship(
    ctx: Ctx,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<ActionInput>,
) -> Page {
    let id = id.into_inner();
    let input = form.into_inner();
    let mut errors = FormErrors::default();
    let carrier = errors.take("carrier", required(&input.carrier, 60, false));
    let tracking = errors.take("tracking", required(&input.tracking, 80, false));
    let (Some(carrier), Some(tracking)) = (carrier, tracking) else {
        return invalid(ctx, &state, id, input, errors).await;
    };
    act(
        ctx,
        &state,
        id,
        "order-done-shipped",
        move |conn, cfg, a| state::ship(conn, cfg, id, a, &carrier, &tracking),
    )
    .await
}

pub(super) async fn handover(
    ctx: Ctx,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<ActionInput>,
) -> Page {
    let id = id.into_inner();
    let input = form.into_inner();
    let user = require_user(&ctx)?;
    let a = initiator(user);
    let cfg = state.config.clone();
    let code = input.code.clone();
    // A wrong code is an outcome, so its counted try commits.
    let done = db::run(&state.pool, move |conn| {
        Ok(state::hand_over(conn, &cfg, id, a, &code)?)
    })
    .await?;
    if done == Handover::WrongCode {
        let mut errors = FormErrors::default();
        errors.add("code", "handover-code-wrong");
        return invalid(ctx, &state, id, input, errors).await;
    }
    ctx.flash("success", ctx.t("order-done-handed-over"));
    Ok(redirect(&format!("/orders/{id}")))
}

pub(super) async fn confirm(ctx: Ctx, state: web::Data<AppState>, id: web::Path<i64>) -> Page {
    let id = id.into_inner();
    act(
        ctx,
        &state,
        id,
        "order-done-confirmed",
        move |conn, cfg, a| state::confirm(conn, cfg, id, a),
    )
    .await
}

pub(super) async fn cancel(
    ctx: Ctx,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<ActionInput>,
) -> Page {
    let id = id.into_inner();
    let input = form.into_inner();
    if !CANCEL_REASONS.contains(&input.reason.as_str()) {
        let mut errors = FormErrors::default();
        errors.add("reason", "cancel-reason-required");
        return invalid(ctx, &state, id, input, errors).await;
    }
    let reason = input.reason.clone();
    act(
        ctx,
        &state,
        id,
        "order-done-cancelled",
        move |conn, cfg, a| state::cancel(conn, cfg, id, a, &reason),
    )
    .await
}
