//! Order pages and actions: buy now, checkout, the order page with its next action,
//! my purchases, my sales (with the balance and payouts), the admin's disputes and books.

use actix_web::{web, HttpResponse};
use chrono::Utc;
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{Nullable, Text};

use super::checkout;
use super::disputes;
use super::model::{self, Order};
use super::payments::{self, Method};
use super::state::{self, Actor, Role};
use super::views::{
    ActionInput, AdminDisputesPage, BooksPage, ListingBrief, OrderPage, OrderRow, OrdersPage,
};
use super::{ledger, needs_action};
use crate::accounts::fields::FormErrors;
use crate::accounts::model::User;
use crate::accounts::routes::require_user;
use crate::config::Config;
use crate::db::{self, schema::listings, schema::orders, schema::payouts, schema::users};
use crate::listings::routes::require_verified;
use crate::web::{redirect, render, render_status, AppError, Ctx};
use crate::AppState;

type Page = Result<HttpResponse, AppError>;

/// The order routes; only the configured payment provider's pages and webhook exist.
pub fn configure(cfg: &mut web::ServiceConfig, sandbox: bool) {
    cfg.service(
        web::resource("/listings/{id}/buy")
            .post(buy)
            // After logging in to buy, `next=` brings the visitor here with a GET.
            .get(back_to_listing),
    )
    .service(web::resource("/orders/{id}").get(show))
    .service(web::resource("/orders/{id}/checkout").post(checkout_submit))
    .service(web::resource("/orders/{id}/abandon").post(abandon))
    .service(web::resource("/orders/{id}/ship").post(ship))
    .service(web::resource("/orders/{id}/handover").post(handover))
    .service(web::resource("/orders/{id}/confirm").post(confirm))
    .service(web::resource("/orders/{id}/cancel").post(cancel))
    .service(web::resource("/orders/{id}/dispute").post(open_dispute))
    .service(web::resource("/orders/{id}/dispute/evidence").post(add_evidence))
    .service(web::resource("/orders/{id}/evidence/{evidence}/{size}").get(evidence_photo))
    .service(web::resource("/orders/{id}/dispute/offer").post(offer))
    .service(web::resource("/orders/{id}/dispute/appeal").post(appeal))
    .service(web::resource("/orders/{id}/dispute/decide").post(decide))
    // accept-offer, accept-return, return-received: buttons without fields. After the
    // named steps, which match first.
    .service(web::resource("/orders/{id}/dispute/{step}").post(dispute_step))
    .service(web::resource("/me/purchases").get(purchases))
    .service(web::resource("/me/sales").get(sales))
    .service(web::resource("/me/payouts").post(payout))
    .service(web::resource("/admin/disputes").get(admin_disputes))
    .service(web::resource("/admin/books").get(books));
    if sandbox {
        payments::sandbox::configure(cfg);
    } else {
        cfg.service(web::resource("/webhooks/stripe").post(stripe_webhook));
    }
}

pub fn actor(user: &User) -> Actor {
    Actor::User {
        id: user.id,
        admin: user.role == "admin",
    }
}

/// Reasons a buyer or a seller may give for cancelling a paid order.
pub const CANCEL_REASONS: [&str; 5] = [
    "changed_mind",
    "seller_late",
    "out_of_stock",
    "cannot_meet",
    "other",
];

// ---- buy now ------------------------------------------------------------------------

#[derive(serde::Deserialize)]
struct BuyForm {
    #[serde(default)]
    quantity: String,
    #[serde(default)]
    key: String,
}

async fn back_to_listing(id: web::Path<i64>) -> HttpResponse {
    redirect(&format!("/listings/{}", id.into_inner()))
}

async fn buy(
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
        || crate::accounts::fields::plain_text(&form.key, false).is_err()
    {
        uuid::Uuid::new_v4().to_string()
    } else {
        form.key.trim().to_string()
    };
    let cfg = state.config.clone();
    let key2 = key.clone();
    let result = db::transaction(&state.pool, move |conn| {
        checkout::buy(conn, &cfg, buyer, listing_id, quantity, &key2)
    })
    .await;
    let outcome = match result {
        // A twin submit committed first; its order is ours.
        Err(AppError::Conflict) => {
            let found = db::run(&state.pool, move |conn| {
                Ok(checkout::by_key(conn, buyer, &key)?)
            })
            .await?;
            Ok(found.ok_or(AppError::Conflict)?)
        }
        Err(e) => return Err(e),
        Ok(r) => r,
    };
    match outcome {
        Ok(order_id) => Ok(redirect(&format!("/orders/{order_id}"))),
        Err(refusal) => {
            ctx.flash("error", ctx.t(refusal.key()));
            Ok(redirect(&format!("/listings/{listing_id}")))
        }
    }
}

// ---- the order page -------------------------------------------------------------------

/// Loads everything the order page shows, for a viewer allowed to see it.
async fn load_page(
    ctx: Ctx,
    state: &AppState,
    id: i64,
    input: ActionInput,
    errors: FormErrors,
) -> Result<OrderPage, AppError> {
    let user = require_user(&ctx)?;
    let actor = actor(user);
    let page = db::run(&state.pool, move |conn| {
        let o = model::find(conn, id)
            .optional()?
            .ok_or(AppError::NotFound)?;
        let role = state::role(&o, actor)?;
        let listing = listings::table
            .find(o.listing_id)
            .select((
                listings::id,
                listings::ships,
                listings::pickup,
                listings::shipping_minor,
                listings::city,
                listings::quantity,
                sql::<Nullable<Text>>(
                    "(SELECT p.storage_key FROM listing_photos p \
                      WHERE p.listing_id = listings.id ORDER BY p.position LIMIT 1)",
                ),
            ))
            .first::<(i64, bool, bool, Option<i64>, String, i32, Option<String>)>(conn)
            .optional()?
            .map(
                |(id, ships, pickup, shipping_minor, city, available, photo_key)| ListingBrief {
                    id,
                    ships,
                    pickup,
                    shipping_minor,
                    city,
                    photo_key,
                    available,
                },
            );
        let names: Vec<(i64, String)> = users::table
            .filter(users::id.eq_any([o.buyer_id, o.seller_id]))
            .select((users::id, users::display_name))
            .load(conn)?;
        let name = |id: i64| {
            names
                .iter()
                .find(|(i, _)| *i == id)
                .map(|(_, n)| n.clone())
                .unwrap_or_default()
        };
        let dispute = disputes::of_order(conn, o.id)?;
        let evidence = match &dispute {
            Some(d) => disputes::evidence(conn, d.id)?,
            None => Vec::new(),
        };
        let addresses = if role == Role::Buyer && o.status == "pending_payment" {
            checkout::saved_addresses(conn, o.buyer_id)?
        } else {
            Vec::new()
        };
        Ok((
            o.clone(),
            role,
            listing,
            name(o.buyer_id),
            name(o.seller_id),
            model::events(conn, o.id)?,
            payments::of_order(conn, o.id)?,
            payments::open_for(conn, o.id)?,
            dispute,
            evidence,
            addresses,
        ))
    })
    .await?;
    let (
        o,
        role,
        listing,
        buyer_name,
        seller_name,
        events,
        payments,
        open_payment,
        dispute,
        evidence,
        addresses,
    ) = page;
    Ok(OrderPage {
        ctx,
        o,
        role,
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
    })
}

async fn show(ctx: Ctx, state: web::Data<AppState>, id: web::Path<i64>) -> Page {
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
async fn invalid(
    ctx: Ctx,
    state: &AppState,
    id: i64,
    input: ActionInput,
    errors: FormErrors,
) -> Page {
    let page = load_page(ctx, state, id, input, errors).await?;
    render_status(actix_web::http::StatusCode::UNPROCESSABLE_ENTITY, &page)
}

/// Runs one order action in a transaction, then shows the order with a message.
async fn act<F>(ctx: Ctx, state: &AppState, id: i64, done_key: &str, f: F) -> Page
where
    F: FnOnce(&mut PgConnection, &Config, Actor) -> Result<(), AppError> + Send + 'static,
{
    let user = require_user(&ctx)?;
    let actor = actor(user);
    let cfg = state.config.clone();
    db::transaction(&state.pool, move |conn| f(conn, &cfg, actor)).await?;
    ctx.flash("success", ctx.t(done_key));
    Ok(redirect(&format!("/orders/{id}")))
}

// ---- checkout -----------------------------------------------------------------------

async fn checkout_submit(
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
    if o.status != "pending_payment" {
        return Err(AppError::Conflict);
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
    let ready = db::transaction(&state.pool, move |conn| {
        let actor = Actor::User {
            id: buyer,
            admin: false,
        };
        let (o, _) = state::lock_for(conn, id, actor, &[Role::Buyer], &["pending_payment"])?;
        if !checkout::set_quantity(conn, &o, quantity)? {
            return Ok(None);
        }
        let o = model::find(conn, o.id)?;
        let o = checkout::set_delivery(conn, &cfg, &o, pickup, &address, save)?;
        let open = payments::open_for(conn, o.id)?;
        let attempt = payments::of_order(conn, o.id)?.len();
        Ok(Some((o, open, attempt)))
    })
    .await?;
    let Some((o, open, attempt)) = ready else {
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
    db::transaction(&state.pool, move |conn| {
        Ok(payments::record(conn, name, &o, &s2)?)
    })
    .await?;
    Ok(redirect(&started.redirect))
}

async fn abandon(ctx: Ctx, state: web::Data<AppState>, id: web::Path<i64>) -> Page {
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

// ---- delivery and the end of a deal ---------------------------------------------------

/// Text that must be given: `limited_text`, and not empty.
fn required(raw: &str, max: usize, multiline: bool) -> Result<String, &'static str> {
    crate::accounts::fields::limited_text(raw, max, multiline).and_then(|s| {
        if s.is_empty() {
            Err("field-required")
        } else {
            Ok(s)
        }
    })
}

async fn ship(
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

async fn handover(
    ctx: Ctx,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<ActionInput>,
) -> Page {
    let id = id.into_inner();
    let input = form.into_inner();
    let user = require_user(&ctx)?;
    let a = actor(user);
    let cfg = state.config.clone();
    let code = input.code.clone();
    let ok = db::transaction(&state.pool, move |conn| {
        state::hand_over(conn, &cfg, id, a, &code)
    })
    .await?;
    if !ok {
        let mut errors = FormErrors::default();
        errors.add("code", "handover-code-wrong");
        return invalid(ctx, &state, id, input, errors).await;
    }
    ctx.flash("success", ctx.t("order-done-handed-over"));
    Ok(redirect(&format!("/orders/{id}")))
}

async fn confirm(ctx: Ctx, state: web::Data<AppState>, id: web::Path<i64>) -> Page {
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

async fn cancel(
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

// ---- disputes -----------------------------------------------------------------------

/// A statement of up to 2,000 characters, line breaks allowed.
fn statement(raw: &str) -> Result<String, &'static str> {
    required(raw, 2_000, true)
}

async fn open_dispute(
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
async fn add_evidence(
    ctx: Ctx,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    payload: actix_multipart::Multipart,
) -> Page {
    use crate::listings::photos;
    let id = id.into_inner();
    let user = require_user(&ctx)?;
    let (a, uid) = (actor(user), user.id);
    db::run(&state.pool, move |conn| {
        disputes::may_add_evidence(conn, id, a)
    })
    .await?;
    let form = crate::web::multipart::read(payload, &photos::upload::limits(1)).await?;
    let body = form.field("body").unwrap_or("").to_string();
    let input = ActionInput {
        body: body.clone(),
        ..ActionInput::default()
    };
    let mut errors = FormErrors::default();
    let text = match crate::accounts::fields::limited_text(&body, 2_000, true) {
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
async fn evidence_photo(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<(i64, i64, u32)>,
) -> Page {
    let (id, evidence_id, size) = path.into_inner();
    let a = actor(require_user(&ctx)?);
    let (key, width) = db::run(&state.pool, move |conn| {
        disputes::evidence_photo(conn, id, evidence_id, a)
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

async fn offer(
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
async fn dispute_step(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<(i64, String)>,
) -> Page {
    type Step = fn(&mut PgConnection, &Config, i64, Actor) -> Result<(), AppError>;
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

async fn appeal(
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

async fn decide(
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

// ---- my purchases and my sales --------------------------------------------------------

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct ListQuery {
    status: String,
}

/// Filters of the order lists: what needs me, under way, finished.
const FILTERS: [&str; 4] = ["action", "open", "done", "all"];
const OPEN: [&str; 5] = ["pending_payment", "paid", "shipped", "received", "disputed"];
const DONE: [&str; 4] = ["completed", "cancelled", "expired", "refunded"];

async fn purchases(ctx: Ctx, state: web::Data<AppState>, q: web::Query<ListQuery>) -> Page {
    list(ctx, state, q.into_inner(), "purchases").await
}

async fn sales(ctx: Ctx, state: web::Data<AppState>, q: web::Query<ListQuery>) -> Page {
    list(ctx, state, q.into_inner(), "sales").await
}

async fn list(ctx: Ctx, state: web::Data<AppState>, q: ListQuery, side: &'static str) -> Page {
    let user = require_user(&ctx)?.id;
    let selling = side == "sales";
    let filter = FILTERS
        .iter()
        .find(|f| **f == q.status)
        .copied()
        .unwrap_or("all");
    let (rows, filters, balances, payouts) = db::run(&state.pool, move |conn| {
        // Newest first; the other party's name and the first photo in the same query.
        let other = if selling {
            "(SELECT u.display_name FROM users u WHERE u.id = orders.buyer_id)"
        } else {
            "(SELECT u.display_name FROM users u WHERE u.id = orders.seller_id)"
        };
        let mine = if selling {
            orders::seller_id.eq(user).into_boxed_bool()
        } else {
            orders::buyer_id.eq(user).into_boxed_bool()
        };
        let all: Vec<(Order, Option<String>, Option<String>)> = orders::table
            .filter(mine)
            .order(orders::id.desc())
            .limit(200)
            .select((
                Order::as_select(),
                sql::<Nullable<Text>>(other),
                sql::<Nullable<Text>>(
                    "(SELECT p.storage_key FROM listing_photos p \
                      WHERE p.listing_id = orders.listing_id ORDER BY p.position LIMIT 1)",
                ),
            ))
            .load(conn)?;
        let rows: Vec<OrderRow> = all
            .into_iter()
            .map(|(o, other, photo)| OrderRow {
                needs_action: needs_action(&o, selling),
                o,
                other_name: other.unwrap_or_default(),
                photo_key: photo,
            })
            .collect();
        let count = |f: &str| -> i64 { rows.iter().filter(|r| matches(f, r)).count() as i64 };
        let filters: Vec<(&'static str, i64)> = FILTERS.iter().map(|f| (*f, count(f))).collect();
        let rows: Vec<OrderRow> = rows.into_iter().filter(|r| matches(filter, r)).collect();
        let (balances, payouts) = if selling {
            let payouts = payouts::table
                .filter(payouts::user_id.eq(user))
                .order(payouts::id.desc())
                .limit(20)
                .select((
                    payouts::created_at,
                    payouts::currency,
                    payouts::amount_minor,
                ))
                .load(conn)?;
            (ledger::seller_overview(conn, user)?, payouts)
        } else {
            (Vec::new(), Vec::new())
        };
        Ok((rows, filters, balances, payouts))
    })
    .await?;
    render(&OrdersPage {
        ctx,
        side,
        filter: filter.to_string(),
        filters,
        rows,
        balances,
        payouts,
    })
}

fn matches(filter: &str, r: &OrderRow) -> bool {
    match filter {
        "action" => r.needs_action,
        "open" => OPEN.contains(&r.o.status.as_str()),
        "done" => DONE.contains(&r.o.status.as_str()),
        _ => true,
    }
}

trait IntoBoxedBool {
    fn into_boxed_bool(
        self,
    ) -> Box<dyn BoxableExpression<orders::table, diesel::pg::Pg, SqlType = diesel::sql_types::Bool>>;
}

impl<E> IntoBoxedBool for E
where
    E: BoxableExpression<orders::table, diesel::pg::Pg, SqlType = diesel::sql_types::Bool>
        + 'static,
{
    fn into_boxed_bool(
        self,
    ) -> Box<dyn BoxableExpression<orders::table, diesel::pg::Pg, SqlType = diesel::sql_types::Bool>>
    {
        Box::new(self)
    }
}

#[derive(serde::Deserialize)]
struct PayoutForm {
    #[serde(default)]
    currency: String,
}

async fn payout(ctx: Ctx, state: web::Data<AppState>, form: web::Form<PayoutForm>) -> Page {
    let user = require_user(&ctx)?.id;
    let currency = form.into_inner().currency;
    if !crate::listings::model::CURRENCIES.contains(&currency.as_str()) {
        return Err(AppError::BadRequest);
    }
    let c2 = currency.clone();
    let paid = db::transaction(&state.pool, move |conn| ledger::payout(conn, user, &c2)).await?;
    if paid > 0 {
        ctx.flash(
            "success",
            ctx.t1("payout-done", "amount", ctx.money(&paid, &currency)),
        );
    } else {
        ctx.flash("error", ctx.t("payout-nothing"));
    }
    Ok(redirect("/me/sales"))
}

// ---- admin --------------------------------------------------------------------------

fn require_admin(ctx: &Ctx) -> Result<(), AppError> {
    require_user(ctx)?;
    if ctx.is_admin() {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

async fn admin_disputes(ctx: Ctx, state: web::Data<AppState>) -> Page {
    require_admin(&ctx)?;
    let rows = db::run(&state.pool, |conn| Ok(disputes::queue(conn, 200)?)).await?;
    render(&AdminDisputesPage { ctx, rows })
}

async fn books(ctx: Ctx, state: web::Data<AppState>) -> Page {
    require_admin(&ctx)?;
    let (totals, problems) = db::run(&state.pool, |conn| {
        Ok((ledger::totals(conn)?, ledger::imbalances(conn)?))
    })
    .await?;
    render(&BooksPage {
        ctx,
        totals,
        problems,
    })
}

// ---- Stripe's webhook -----------------------------------------------------------------

async fn stripe_webhook(
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
    body: web::Bytes,
) -> HttpResponse {
    let crate::config::PaymentSettings::Stripe { webhook_secret, .. } = &state.config.payments
    else {
        return HttpResponse::NotFound().finish();
    };
    let header = req
        .headers()
        .get("stripe-signature")
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    let event = match payments::stripe::verified_event(&webhook_secret.0, header, &body) {
        Err(()) => return HttpResponse::BadRequest().body("bad signature"),
        // Types we do not use are acknowledged, or Stripe would retry them for days.
        Ok(None) => return HttpResponse::Ok().body("ignored"),
        Ok(Some(e)) => e,
    };
    let cfg = state.config.clone();
    match db::transaction(&state.pool, move |conn| {
        payments::apply(conn, &cfg, "stripe", &event)
    })
    .await
    {
        Ok(_) => HttpResponse::Ok().body("ok"),
        Err(e) => {
            tracing::warn!(error = %e, "stripe webhook failed");
            HttpResponse::ServiceUnavailable().body("try again")
        }
    }
}
