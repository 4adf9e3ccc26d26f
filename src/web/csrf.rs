//! CSRF protection for every unsafe request: a synchronizer token from the session,
//! sent as the `csrf_token` form field or the `X-CSRF-Token` header (htmx); plus a
//! cross-site origin check. Never in the URL, which ends up in logs and `Referer`s:
//! multipart forms carry it as their first field, read here before the handler reads
//! the rest of the body.

use actix_session::SessionExt;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::web::BytesMut;
use actix_web::{web, Error, HttpMessage};
use futures_util::StreamExt;
use subtle::ConstantTimeEq;

use super::ctx::session_csrf;
use super::AppError;
use crate::web::site::Site;

/// Largest urlencoded form body accepted (the same limit the form extractor uses).
pub const FORM_LIMIT: usize = 64 * 1024;

pub async fn middleware<B: MessageBody>(
    mut req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B>>, Error> {
    match check(&mut req).await {
        Ok(()) => next
            .call(req)
            .await
            .map(ServiceResponse::map_into_left_body),
        // Answered here, so the error page still has the request to render with.
        Err(e) => Ok(req.error_response(e).map_into_right_body()),
    }
}

/// Paths of provider callbacks, exempt from the session token.
pub const WEBHOOKS: &str = "/webhooks/";

async fn check(req: &mut ServiceRequest) -> Result<(), AppError> {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    // Webhooks come from payment providers, without a session, and prove themselves with
    // a signature instead (checked by their handlers).
    if safe || req.path().starts_with(WEBHOOKS) {
        return Ok(());
    }
    if cross_site(req) {
        tracing::warn!(path = req.path(), "cross-site request refused");
        return Err(AppError::Forbidden);
    }
    let Some(expected) = session_csrf(&req.get_session()) else {
        return Err(AppError::Forbidden);
    };
    let header = req
        .headers()
        .get("x-csrf-token")
        .and_then(|h| h.to_str().ok())
        .map(str::to_string);
    if header.as_deref().is_some_and(|t| matches(t, &expected)) {
        return Ok(());
    }
    let sent = if is_form(req) {
        let body = read_body(req).await?;
        let token = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&body)
            .ok()
            .and_then(|pairs| {
                pairs
                    .into_iter()
                    .find(|(k, _)| k == "csrf_token")
                    .map(|(_, v)| v)
            });
        req.set_payload(actix_web::dev::Payload::from(body.freeze()));
        token
    } else if let Some(boundary) = multipart_boundary(req) {
        first_part_token(req, &boundary).await?
    } else {
        None
    };
    if sent.as_deref().is_some_and(|t| matches(t, &expected)) {
        Ok(())
    } else {
        tracing::info!(path = req.path(), "missing or wrong CSRF token");
        Err(AppError::Forbidden)
    }
}

fn matches(sent: &str, expected: &str) -> bool {
    bool::from(sent.as_bytes().ct_eq(expected.as_bytes()))
}

fn is_form(req: &ServiceRequest) -> bool {
    req.headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"))
}

/// The boundary of a `multipart/form-data` body.
fn multipart_boundary(req: &ServiceRequest) -> Option<String> {
    let ct = req.headers().get("content-type")?.to_str().ok()?;
    if !ct.to_ascii_lowercase().starts_with("multipart/form-data") {
        return None;
    }
    ct.split(';')
        .map(str::trim)
        .find_map(|p| p.strip_prefix("boundary="))
        .map(|b| b.trim_matches('"').to_string())
        .filter(|b| !b.is_empty())
}

/// How much of a multipart body is read looking for the token.
const PEEK_LIMIT: usize = 16 * 1024;

/// Reads the start of a multipart body for its first part, which must be `csrf_token`
/// (browsers send fields in document order, and the forms put it first), then puts what
/// was read back in front of the rest of the stream for the handler.
async fn first_part_token(
    req: &mut ServiceRequest,
    boundary: &str,
) -> Result<Option<String>, AppError> {
    let mut payload = req.take_payload();
    let mut head = BytesMut::new();
    let mut token = None;
    while head.len() < PEEK_LIMIT {
        match payload.next().await {
            Some(Ok(chunk)) => head.extend_from_slice(&chunk),
            Some(Err(_)) => return Err(AppError::BadRequest),
            None => {
                token = first_field(&head, boundary).flatten();
                break;
            }
        }
        if let Some(found) = first_field(&head, boundary) {
            token = found;
            break;
        }
    }
    let head = head.freeze();
    let rest = futures_util::stream::once(async move { Ok(head) }).chain(payload);
    req.set_payload(actix_web::dev::Payload::Stream {
        payload: Box::pin(rest),
    });
    Ok(token)
}

/// The value of the first part if it is `csrf_token`: `None` while more of the body is
/// needed to tell, `Some(None)` when the first part is something else.
fn first_field(head: &[u8], boundary: &str) -> Option<Option<String>> {
    let delim = format!("--{boundary}");
    let start = find(head, delim.as_bytes())? + delim.len();
    let rest = head.get(start..)?;
    let hdr_end = find(rest, b"\r\n\r\n")?;
    let headers = String::from_utf8_lossy(&rest[..hdr_end]).to_ascii_lowercase();
    let is_token = headers.lines().any(|l| {
        l.trim_start().starts_with("content-disposition:")
            && l.split(';').any(|p| p.trim() == "name=\"csrf_token\"")
    });
    if !is_token {
        return Some(None);
    }
    let body = &rest[hdr_end + 4..];
    let end = find(body, format!("\r\n{delim}").as_bytes())?;
    Some(String::from_utf8(body[..end].to_vec()).ok())
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Browsers say where a request comes from; another site's form or script is refused
/// even before the token is compared.
fn cross_site(req: &ServiceRequest) -> bool {
    if let Some(site) = req
        .headers()
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
    {
        if site == "cross-site" {
            return true;
        }
    }
    let Some(origin) = req.headers().get("origin").and_then(|v| v.to_str().ok()) else {
        return false;
    };
    if origin == "null" {
        return true;
    }
    let host = req.connection_info().host().to_string();
    let base = req
        .app_data::<web::Data<Site>>()
        .map(|s| s.config.base_url.clone())
        .unwrap_or_default();
    let origin_host = origin.split("://").nth(1).unwrap_or("");
    !(origin_host == host || origin == base)
}

async fn read_body(req: &mut ServiceRequest) -> Result<BytesMut, AppError> {
    if let Some(len) = req
        .headers()
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok())
    {
        if len > FORM_LIMIT {
            return Err(AppError::TooLarge);
        }
    }
    let mut payload = req.take_payload();
    let mut body = BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|_| AppError::BadRequest)?;
        if body.len() + chunk.len() > FORM_LIMIT {
            return Err(AppError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}
