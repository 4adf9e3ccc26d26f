//! The order page (checkout while pending, else the next step of whoever looks at it),
//! and the two ways every action ends: the page again with the form's errors, or a
//! redirect to it with a message.

use actix_web::web;
use chrono::Utc;
use diesel::prelude::*;

use super::{initiator, Page};
use crate::config::Config;
use crate::db;
use crate::orders::model::{self, OrderStatus};
use crate::orders::state::{self, Initiator, Relation};
use crate::orders::views::{ActionInput, OrderPage};
use crate::orders::{checkout, disputes, payments, Error};
use crate::web::auth::require_user;
use crate::web::form::FormErrors;
use crate::web::{redirect, render, render_status, AppError, Ctx};
use crate::AppState;

/// Reasons a buyer or a seller may give for cancelling a paid order.
pub const CANCEL_REASONS: [&str; 5] = [
    "changed_mind",
    "seller_late",
    "out_of_stock",
    "cannot_meet",
    "other",
];

/// Loads everything the order page shows, for a viewer allowed to see it.
async fn load_page(
    ctx: Ctx,
    state: &AppState,
    id: i64,
    input: ActionInput,
    errors: FormErrors,
) -> Result<OrderPage, AppError> {
    let user = require_user(&ctx)?;
    let actor = initiator(user);
    let (viewer_id, locale) = (user.id, ctx.locale);
    let asides_of = state.order_asides.clone();
    let cfg = state.config.clone();
    let page = db::run(&state.pool, move |conn| {
        let o = model::find(conn, id)
            .optional()?
            .ok_or(AppError::NotFound)?;
        let relation = state::relation(&o, actor)?;
        let listing = crate::listings::for_orders::brief(conn, o.listing_id)?;
        let names = crate::accounts::model::display_names(conn, &[o.buyer_id, o.seller_id])?;
        let name = |id: i64| names.get(&id).cloned().unwrap_or_default();
        let dispute = disputes::of_order(conn, o.id)?;
        let evidence = match &dispute {
            Some(d) => disputes::evidence(conn, d.id)?,
            None => Vec::new(),
        };
        let addresses = if relation == Relation::Buyer && o.status == OrderStatus::PendingPayment {
            checkout::saved_addresses(conn, o.buyer_id)?
        } else {
            Vec::new()
        };
        let mut asides = Vec::new();
        let who = crate::orders::views::AsideFor {
            order_id: o.id,
            seller_id: o.seller_id,
            viewer_id,
            status: o.status,
            locale,
        };
        for f in asides_of.iter() {
            asides.extend(f(conn, &cfg, who)?);
        }
        Ok((
            o.clone(),
            relation,
            listing,
            name(o.buyer_id),
            name(o.seller_id),
            model::events(conn, o.id)?,
            payments::of_order(conn, o.id)?,
            payments::open_for(conn, o.id)?,
            dispute,
            evidence,
            addresses,
            asides,
        ))
    })
    .await?;
    let (
        o,
        relation,
        listing,
        buyer_name,
        seller_name,
        events,
        payments,
        open_payment,
        dispute,
        evidence,
        addresses,
        asides,
    ) = page;
    Ok(OrderPage {
        ctx,
        o,
        relation,
        listing,
        buyer_name,
        seller_name,
        events,
        payments,
        open_payment,
        dispute,
        evidence,
        addresses,
        input,
        errors,
        now: Utc::now(),
        cancel_reasons: &CANCEL_REASONS,
        asides,
    })
}

pub(super) async fn show(ctx: Ctx, state: web::Data<AppState>, id: web::Path<i64>) -> Page {
    let page = load_page(
        ctx,
        &state,
        id.into_inner(),
        ActionInput::default(),
        FormErrors::default(),
    )
    .await?;
    render(&page)
}

/// The order page again with the form's errors and what was typed.
pub(super) async fn invalid(
    ctx: Ctx,
    state: &AppState,
    id: i64,
    input: ActionInput,
    errors: FormErrors,
) -> Page {
    let page = load_page(ctx, state, id, input, errors).await?;
    render_status(actix_web::http::StatusCode::UNPROCESSABLE_ENTITY, &page)
}

/// Runs one order action (a rule, which opens its own transaction), then shows the
/// order with a message.
pub(super) async fn act<F>(ctx: Ctx, state: &AppState, id: i64, done_key: &str, f: F) -> Page
where
    F: FnOnce(&mut PgConnection, &Config, Initiator) -> Result<(), Error> + Send + 'static,
{
    let user = require_user(&ctx)?;
    let actor = initiator(user);
    let cfg = state.config.clone();
    db::run(&state.pool, move |conn| Ok(f(conn, &cfg, actor)?)).await?;
    ctx.flash("success", ctx.t(done_key));
    Ok(redirect(&format!("/orders/{id}")))
}
