//! Stripe's signed webhook: a verified event is applied once; anything else is refused
//! or acknowledged so Stripe stops retrying it.

use actix_web::{web, HttpResponse};

use crate::db;
use crate::orders::{payment_events, payments};
use crate::AppState;

pub(super) async fn stripe_webhook(
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
    match db::run(&state.pool, move |conn| {
        Ok(payment_events::apply(conn, &cfg, "stripe", &event)?)
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
