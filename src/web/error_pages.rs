//! Renders every error response (ours, the router's 404/405, the extractors' 400/413)
//! as a translated page in the site's layout, keeping its status and headers.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{header, StatusCode};
use actix_web::middleware::Next;
use actix_web::{web, Error, HttpResponse};
use askama::Template;

use super::render::Rendered;
use super::Ctx;
use crate::web::site::Site;

#[derive(Template)]
#[template(path = "errors/error.html")]
pub struct ErrorPage {
    pub ctx: Ctx,
    pub status: u16,
    pub title: String,
    pub message: String,
    /// Offer to send the verification link again (403 for unverified users).
    pub resend: bool,
}

pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    // Inner layers answer errors as responses (see csrf), so an `Err` here is rare and
    // passes through unrendered.
    let res = next.call(req).await?.map_into_boxed_body();
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error())
        || res.response().extensions().get::<Rendered>().is_some()
    {
        return Ok(res);
    }
    let (req, old) = res.into_parts();
    let Some(state) = req.app_data::<web::Data<Site>>().cloned() else {
        return Ok(ServiceResponse::new(req, old));
    };
    let ctx = match Ctx::load(&req).await {
        Ok(c) => c,
        Err(_) => Ctx::anonymous(&req, &state),
    };
    let retry_after = old
        .headers()
        .get(header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<i64>().ok());
    let reason = old.headers().get(super::error::REASON_HEADER);
    let unverified = reason.is_some_and(|v| v.as_bytes() == b"unverified");
    let busy = reason.is_some_and(|v| v.as_bytes() == b"busy");
    let refused = reason.is_some_and(|v| v.as_bytes() == super::hygiene::REASON.as_bytes());
    let mut page = page_for(ctx, status, retry_after, unverified);
    if refused {
        page.message = page.ctx.t("hygiene-refused-text");
    }
    match reason.map(|v| v.as_bytes()) {
        Some(b"slow") => page.message = page.ctx.t("error-slow-text"),
        Some(b"searches") => page.message = page.ctx.t("error-searches-text"),
        _ => {}
    }
    if busy {
        page.title = page.ctx.t("error-busy-title");
        page.message = page.ctx.t("error-busy-text");
    }
    let mut resp = HttpResponse::build(status);
    resp.content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"));
    for name in [header::RETRY_AFTER, header::ALLOW] {
        if let Some(v) = old.headers().get(&name) {
            resp.insert_header((name.clone(), v.clone()));
        }
    }
    let body = match page.render() {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "error page failed to render");
            status.canonical_reason().unwrap_or("Error").to_string()
        }
    };
    Ok(ServiceResponse::new(req, resp.body(body)))
}

fn page_for(ctx: Ctx, status: StatusCode, retry_after: Option<i64>, unverified: bool) -> ErrorPage {
    if unverified {
        let title = ctx.t("error-unverified-title");
        let message = ctx.t("error-unverified-text");
        return ErrorPage {
            ctx,
            status: status.as_u16(),
            title,
            message,
            resend: true,
        };
    }
    let code = match status.as_u16() {
        c @ (400 | 403 | 404 | 405 | 409 | 413 | 429 | 503) => c,
        c if c >= 500 => 500,
        _ => 400,
    };
    let title = ctx.t(&format!("error-{code}-title"));
    let message = match (code, retry_after) {
        (429, Some(secs)) => ctx.tn("error-429-wait", "minutes", (secs + 59) / 60),
        _ => ctx.t(&format!("error-{code}-text")),
    };
    ErrorPage {
        ctx,
        status: status.as_u16(),
        title,
        message,
        resend: false,
    }
}
