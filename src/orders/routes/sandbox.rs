//! The sandbox provider's hosted payment page (a card form, a simulated bank transfer)
//! and its signed webhook: what a real processor's page and callbacks would do, inside
//! the app. The test cards are in `payments/sandbox.rs`.

use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::Utc;

use crate::db;
use crate::orders::model::{self, Order, OrderStatus, Payment, PaymentStatus};
use crate::orders::payment_events;
use crate::orders::payments::sandbox::{
    self, charge, event_from_json, webhook_secret, CardInput, Charge,
};
use crate::orders::payments::{self, signature, Event, PaymentOutcome};
use crate::web::auth::require_user;
use crate::web::form::FormErrors;
use crate::web::{redirect, render, AppError, Ctx};
use crate::AppState;

use super::Page;

pub(super) fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/pay/sandbox/{reference}").get(page))
        .service(web::resource("/pay/sandbox/{reference}/card").post(pay_card))
        .service(web::resource("/pay/sandbox/{reference}/transfer").post(simulate_transfer))
        .service(web::resource("/webhooks/sandbox").post(webhook));
}

#[derive(Template)]
#[template(path = "orders/sandbox_pay.html")]
struct PayPage {
    ctx: Ctx,
    order: Order,
    payment: Payment,
    input: CardInput,
    errors: FormErrors,
    declined: Option<&'static str>,
}

impl PayPage {
    fn is_transfer(&self) -> bool {
        self.payment.method == "bank_transfer"
    }

    fn processing(&self) -> bool {
        self.payment.status == PaymentStatus::Processing
    }

    fn declined_key(&self) -> String {
        format!(
            "pay-declined-{}",
            self.declined.unwrap_or("card_declined").replace('_', "-")
        )
    }
}

/// The payment and its order, for the order's buyer only.
async fn load(
    state: &AppState,
    ctx: &Ctx,
    reference: String,
) -> Result<(Order, Payment), AppError> {
    let user = require_user(ctx)?.id;
    let (o, p) = db::run(&state.pool, move |conn| {
        let p = payments::by_reference(conn, "sandbox", &reference)?.ok_or(AppError::NotFound)?;
        let o = model::find(conn, p.order_id)?;
        Ok((o, p))
    })
    .await?;
    if o.buyer_id != user || p.provider != "sandbox" {
        return Err(AppError::NotFound);
    }
    Ok((o, p))
}

async fn page(ctx: Ctx, state: web::Data<AppState>, reference: web::Path<String>) -> Page {
    let (order, payment) = load(&state, &ctx, reference.into_inner()).await?;
    if !PaymentStatus::OPEN.contains(&payment.status) || order.status != OrderStatus::PendingPayment
    {
        return Ok(redirect(&format!("/orders/{}", order.id)));
    }
    render(&PayPage {
        ctx,
        order,
        payment,
        input: CardInput::default(),
        errors: FormErrors::default(),
        declined: None,
    })
}

async fn pay_card(
    ctx: Ctx,
    state: web::Data<AppState>,
    reference: web::Path<String>,
    form: web::Form<CardInput>,
) -> Page {
    let (order, payment) = load(&state, &ctx, reference.into_inner()).await?;
    if !PaymentStatus::OPEN.contains(&payment.status) || order.status != OrderStatus::PendingPayment
    {
        return Ok(redirect(&format!("/orders/{}", order.id)));
    }
    let mut input = form.into_inner();
    let result = charge(&input, Utc::now().date_naive());
    // The CVC is never shown again, as on a processor's page.
    input.cvc.clear();
    let charge = match result {
        Err(errors) => {
            return crate::web::render_status(
                actix_web::http::StatusCode::UNPROCESSABLE_ENTITY,
                &PayPage {
                    ctx,
                    order,
                    payment,
                    input,
                    errors,
                    declined: None,
                },
            )
        }
        Ok(c) => c,
    };
    let event_id = format!("charge_{}", uuid::Uuid::new_v4().simple());
    let (outcome, delayed) = match &charge {
        Charge::Paid { brand, last4 } => (
            PaymentOutcome::Succeeded {
                brand: brand.clone(),
                last4: last4.clone(),
                provider_payment: payment.reference.clone(),
            },
            None,
        ),
        Charge::Declined(code) => (PaymentOutcome::Failed((*code).to_string()), None),
        Charge::Processing { brand, last4 } => (
            PaymentOutcome::Processing,
            Some(PaymentOutcome::Succeeded {
                brand: brand.clone(),
                last4: last4.clone(),
                provider_payment: payment.reference.clone(),
            }),
        ),
    };
    let cfg = state.config.clone();
    let event = Event {
        id: event_id,
        reference: payment.reference.clone(),
        outcome,
    };
    let payment = db::run(&state.pool, move |conn| {
        charged(conn, &cfg, &event, delayed)?.ok_or(AppError::NotFound)
    })
    .await?;
    match charge {
        Charge::Declined(code) => crate::web::render_status(
            actix_web::http::StatusCode::PAYMENT_REQUIRED,
            &PayPage {
                ctx,
                order,
                payment,
                input,
                errors: FormErrors::default(),
                declined: Some(code),
            },
        ),
        Charge::Paid { .. } => {
            ctx.flash("success", ctx.t("pay-succeeded"));
            Ok(redirect(&format!("/orders/{}", order.id)))
        }
        Charge::Processing { .. } => Ok(redirect(&format!("/pay/sandbox/{}", payment.reference))),
    }
}

/// The sandbox processor's answer applied as a provider's event, and its later callback
/// (a card still processing, a bank transfer on its way) queued with it, in one
/// transaction: a callback must never run for an event that did not commit.
fn charged(
    conn: &mut diesel::PgConnection,
    cfg: &crate::config::Config,
    event: &Event,
    later: Option<PaymentOutcome>,
) -> Result<Option<Payment>, crate::orders::Error> {
    use diesel::Connection;
    conn.transaction(|conn| {
        let p = payment_events::apply(conn, cfg, "sandbox", event)?;
        if let Some(later) = later {
            sandbox::schedule_callback(conn, &event.reference, later)?;
        }
        Ok(p)
    })
}

async fn simulate_transfer(
    ctx: Ctx,
    state: web::Data<AppState>,
    reference: web::Path<String>,
) -> Page {
    let (order, payment) = load(&state, &ctx, reference.into_inner()).await?;
    if payment.method != "bank_transfer" || order.status != OrderStatus::PendingPayment {
        return Err(AppError::Conflict);
    }
    let cfg = state.config.clone();
    let reference = payment.reference.clone();
    db::run(&state.pool, move |conn| {
        let event = Event {
            id: format!("transfer_{}", uuid::Uuid::new_v4().simple()),
            reference: reference.clone(),
            outcome: PaymentOutcome::Processing,
        };
        let paid = PaymentOutcome::Succeeded {
            brand: "bank_transfer".into(),
            last4: String::new(),
            provider_payment: reference,
        };
        charged(conn, &cfg, &event, Some(paid))?;
        Ok(())
    })
    .await?;
    Ok(redirect(&format!("/pay/sandbox/{}", payment.reference)))
}

/// Signed sandbox events (`Pasar-Signature`, Stripe's scheme), applied once per id.
async fn webhook(req: HttpRequest, state: web::Data<AppState>, body: web::Bytes) -> HttpResponse {
    let secret = webhook_secret(&state.config.secret.0);
    let header = req
        .headers()
        .get("pasar-signature")
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !signature::verify(&secret, header, &body, Utc::now().timestamp()) {
        return HttpResponse::BadRequest().body("bad signature");
    }
    let Some(event) = serde_json::from_slice(&body)
        .ok()
        .as_ref()
        .and_then(event_from_json)
    else {
        return HttpResponse::BadRequest().body("bad event");
    };
    let cfg = state.config.clone();
    match db::run(&state.pool, move |conn| {
        Ok(payment_events::apply(conn, &cfg, "sandbox", &event)?)
    })
    .await
    {
        Ok(_) => HttpResponse::Ok().body("ok"),
        Err(e) => {
            tracing::warn!(error = %e, "sandbox webhook failed");
            HttpResponse::ServiceUnavailable().body("try again")
        }
    }
}
