//! "Buy now", the checkout form (delivery, address, quantity, method) that opens the
//! payment at the provider, and giving up before paying.

use actix_web::{web, HttpResponse};
use diesel::prelude::*;

use super::page::{act, invalid};
use super::Page;
use crate::db;
use crate::orders::checkout::{self, Bought, Choice, Chosen};
use crate::orders::model::{self, OrderStatus};
use crate::orders::payments::{self, Method};
use crate::orders::state;
use crate::orders::views::ActionInput;
use crate::web::auth::require_user;
use crate::web::auth::require_verified;
use crate::web::form::FormErrors;
use crate::web::{redirect, AppError, Ctx};
use crate::AppState;

#[derive(serde::Deserialize)]
pub(super) struct BuyForm {
    #[serde(default)]
    quantity: String,
    #[serde(default)]
    key: String,
}

pub(super) async fn back_to_listing(id: web::Path<i64>) -> HttpResponse {
    redirect(&format!("/listings/{}", id.into_inner()))
}

pub(super) async fn buy(
    ctx: Ctx,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<BuyForm>,
) -> Page {
    let listing_id = id.into_inner();
    let buyer = require_verified(&ctx)?.id;
    let form = form.into_inner();
    // Not a number: refused below like any quantity under 1.
    let quantity: i32 = form.quantity.trim().parse().unwrap_or(0);
    // Without a key (an old page) every submit is its own order, as before idempotency.
    let key = if form.key.trim().is_empty()
        || form.key.len() > 64
        || crate::web::form::plain_text(&form.key, false).is_err()
    {
        uuid::Uuid::new_v4().to_string()
    } else {
        form.key.trim().to_string()
    };
    let cfg = state.config.clone();
    let bought = db::run(&state.pool, move |conn| {
        Ok(checkout::buy(
            conn, &cfg, buyer, listing_id, quantity, &key,
        )?)
    })
    .await?;
    match bought {
        // A double submit lands on the order its first submit made.
        Bought::Placed(order_id) | Bought::Again(order_id) => {
            Ok(redirect(&format!("/orders/{order_id}")))
        }
        Bought::Refused(refusal) => {
            ctx.flash("error", ctx.t(refusal.key()));
            Ok(redirect(&format!("/listings/{listing_id}")))
        }
    }
}

pub(super) async fn checkout_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<ActionInput>,
) -> Page {
    let id = id.into_inner();
    let user = require_user(&ctx)?.clone();
    let input = form.into_inner();
    let buyer = user.id;
    let (o, listing, saved) = db::run(&state.pool, move |conn| {
        let o = model::find(conn, id)
            .optional()?
            .ok_or(AppError::NotFound)?;
        if o.buyer_id != buyer {
            return Err(if o.seller_id == buyer {
                AppError::Forbidden
            } else {
                AppError::NotFound
            });
        }
        let listing = crate::listings::model::find(conn, o.listing_id)?;
        let saved = checkout::saved_addresses(conn, buyer)?;
        Ok((o, listing, saved))
    })
    .await?;
    if o.status != OrderStatus::PendingPayment {
        return Err(crate::orders::Error::WrongState.into());
    }
    let mut errors = FormErrors::default();
    let pickup = match input.delivery.as_str() {
        "pickup" if listing.pickup => true,
        "ship" if listing.ships => false,
        _ => {
            errors.add("delivery", "checkout-delivery-required");
            false
        }
    };
    let mut address = input.address.clone();
    if !pickup {
        let chosen = saved.iter().find(|a| a.id.to_string() == input.address_id);
        match chosen {
            Some(a) => address = a.input(),
            None => address.check(&mut errors),
        }
    }
    let method = Method::parse(&input.method);
    if method.is_none() {
        errors.add("method", "checkout-method-required");
    }
    let quantity = match input.quantity.trim() {
        "" => o.quantity,
        q => match q.parse::<i32>() {
            Ok(n) if (1..=1_000).contains(&n) => n,
            _ => {
                errors.add("quantity", "buy-bad-quantity");
                o.quantity
            }
        },
    };
    let (Some(method), true) = (method, errors.is_empty()) else {
        return invalid(ctx, &state, id, input, errors).await;
    };
    let save = input.save_address.is_some() && input.address_id.is_empty();
    let cfg = state.config.clone();
    let choice = Choice {
        quantity,
        pickup,
        address,
        save,
    };
    let ready = db::run(&state.pool, move |conn| {
        Ok(checkout::choose(conn, &cfg, id, buyer, &choice)?)
    })
    .await?;
    let Some(Chosen {
        order: o,
        open,
        attempts: attempt,
    }) = ready
    else {
        let mut errors = FormErrors::default();
        errors.add("quantity", "buy-not-enough");
        return invalid(ctx, &state, id, input, errors).await;
    };
    // Back to a payment already under way for the same amount and method.
    if let Some(p) = open.filter(|p| {
        p.amount_minor == o.total_minor && (p.method == method.code() || p.method == "checkout")
    }) {
        if p.provider == "sandbox" {
            return Ok(redirect(&format!("/pay/sandbox/{}", p.reference)));
        }
    }
    let provider = state.payments.clone();
    let started = provider
        .start(&o, method, &state.config.base_url, attempt)
        .await;
    let started = match started {
        Ok(s) => s,
        Err(e) => {
            tracing::warn!(error = %e, "payment provider failed to start a payment");
            let mut errors = FormErrors::default();
            errors.add("method", "checkout-provider-down");
            return invalid(ctx, &state, id, input, errors).await;
        }
    };
    let name = provider.name();
    let s2 = started.clone();
    db::run(&state.pool, move |conn| {
        Ok(payments::record(conn, name, &o, &s2)?)
    })
    .await?;
    Ok(redirect(&started.redirect))
}

pub(super) async fn abandon(ctx: Ctx, state: web::Data<AppState>, id: web::Path<i64>) -> Page {
    let id = id.into_inner();
    act(
        ctx,
        &state,
        id,
        "order-done-abandoned",
        move |conn, _, a| state::abandon(conn, id, a),
    )
    .await
}
