//! The backstop for text that arrives outside a form: the path, the query string and
//! the headers the app reads. A control character there (a NUL most of all, which
//! PostgreSQL refuses in text) is never something our own links or a browser send, so
//! the request is refused with a translated 400 page before any handler sees it. Form
//! fields are checked by each form with `web::form::plain_text`, so their errors
//! show on the form with the input kept.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpResponse, ResponseError};

use super::AppError;

/// The `x-pasar-reason` that makes the 400 page say what was wrong.
pub const REASON: &str = "control-characters";

/// Headers some part of the app reads as text (locale, CSRF, htmx, client address,
/// conditional requests).
const READ_HEADERS: &[&str] = &[
    "accept-language",
    "content-length",
    "content-type",
    "cookie",
    "hx-boosted",
    "hx-history-restore-request",
    "hx-request",
    "if-none-match",
    "origin",
    "pasar-signature",
    "referer",
    "sec-fetch-site",
    "stripe-signature",
    "x-csrf-token",
    "x-forwarded-for",
];

pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    if let Some(part) = refused_part(&req) {
        tracing::info!(part, "request refused: control character");
        let mut resp: HttpResponse = AppError::BadRequest.error_response();
        resp.headers_mut().insert(
            HeaderName::from_static(super::error::REASON_HEADER),
            HeaderValue::from_static(REASON),
        );
        return Ok(req.into_response(resp).map_into_right_body());
    }
    next.call(req)
        .await
        .map(ServiceResponse::map_into_left_body)
}

/// Which part of the request carries a control character, if any.
fn refused_part(req: &ServiceRequest) -> Option<&'static str> {
    if has_control(&percent_decode(req.uri().path().as_bytes())) {
        return Some("path");
    }
    if has_control(&percent_decode(req.query_string().as_bytes())) {
        return Some("query");
    }
    for name in READ_HEADERS {
        for value in req.headers().get_all(*name) {
            // Taken as sent: the app never percent-decodes a header.
            if has_control_header(value.as_bytes()) {
                return Some("header");
            }
        }
    }
    None
}

/// Control characters other than the tab, which HTTP allows in a header as white space.
fn has_control_header(bytes: &[u8]) -> bool {
    String::from_utf8_lossy(bytes)
        .chars()
        .any(|c| c.is_control() && c != '\t')
}

/// Control characters, also C1 ones in UTF-8 (`char::is_control`), tabs included: no
/// path or query string of ours has a reason to carry one.
fn has_control(bytes: &[u8]) -> bool {
    String::from_utf8_lossy(bytes).chars().any(char::is_control)
}

/// `%XX` escapes decoded; anything else, broken escapes included, kept as it is.
fn percent_decode(raw: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'%' && i + 2 < raw.len() {
            if let (Some(h), Some(l)) = (hex(raw[i + 1]), hex(raw[i + 2])) {
                out.push(h * 16 + l);
                i += 3;
                continue;
            }
        }
        out.push(raw[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_decoded_before_the_check() {
        assert_eq!(percent_decode(b"a%2Fe%00"), b"a/e\0");
        assert_eq!(percent_decode(b"100%"), b"100%");
        assert_eq!(percent_decode(b"%zz%4"), b"%zz%4");
        assert!(has_control(&percent_decode(b"q=%00")));
        assert!(has_control(&percent_decode(b"q=%C2%85")));
        assert!(has_control(&percent_decode(b"q=a%09b")));
        assert!(!has_control(&percent_decode(
            b"q=caf%C3%A9+au+lait&sort=new"
        )));
        assert!(!has_control(&percent_decode(b"q=%E2%82%AC%20%FF")));
    }
}
