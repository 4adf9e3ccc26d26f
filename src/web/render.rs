//! Turns askama templates into responses; a render failure becomes our 500 page.

use actix_web::http::{header, StatusCode};
use actix_web::HttpResponse;
use askama::Template;

use super::AppError;

/// Marks a response whose body is already a full page, so `error_pages` leaves it be
/// (a form re-rendered with errors has a 4xx status but is the page itself).
#[derive(Clone, Copy)]
pub struct Rendered;

pub fn render(tpl: &impl Template) -> Result<HttpResponse, AppError> {
    render_status(StatusCode::OK, tpl)
}

pub fn render_status(status: StatusCode, tpl: &impl Template) -> Result<HttpResponse, AppError> {
    let body = tpl.render()?;
    let mut resp = HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body);
    resp.extensions_mut().insert(Rendered);
    Ok(resp)
}

/// 303 See Other: after a POST the browser fetches the target with GET.
pub fn redirect(to: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, to))
        .finish()
}
