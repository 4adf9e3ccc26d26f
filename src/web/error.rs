//! The HTTP side of [`AppError`]: its response carries only a status (and
//! `Retry-After`); `error_pages` turns it into a translated page in the site's layout.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};

pub use crate::error::AppError;

/// Tells `error_pages` which explanation a 403 needs (removed from the response there).
pub const REASON_HEADER: &str = "x-pasar-reason";

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::BadRequest => StatusCode::BAD_REQUEST,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden | AppError::Unverified => StatusCode::FORBIDDEN,
            AppError::Conflict => StatusCode::CONFLICT,
            AppError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::TooMany(_) | AppError::SearchesBusy => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable | AppError::Busy | AppError::Slow => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            AppError::LoginRequired(_) => StatusCode::SEE_OTHER,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let AppError::Internal(e) = self {
            // Logged once here, with the whole cause chain.
            tracing::error!(error = format!("{e:#}"), "internal error");
        }
        let mut resp = HttpResponse::build(self.status_code());
        match self {
            AppError::LoginRequired(next) => {
                let to = format!(
                    "/login?next={}",
                    url::form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>()
                );
                resp.insert_header((header::LOCATION, to));
            }
            AppError::TooMany(secs) => {
                resp.insert_header((header::RETRY_AFTER, secs.to_string()));
            }
            AppError::Unavailable => {
                resp.insert_header((header::RETRY_AFTER, "5"));
            }
            AppError::Unverified => {
                resp.insert_header((REASON_HEADER, "unverified"));
            }
            AppError::Slow => {
                resp.insert_header((header::RETRY_AFTER, "5"));
                resp.insert_header((REASON_HEADER, "slow"));
            }
            AppError::SearchesBusy => {
                resp.insert_header((header::RETRY_AFTER, "2"));
                resp.insert_header((REASON_HEADER, "searches"));
            }
            AppError::Busy => {
                resp.insert_header((header::RETRY_AFTER, "2"));
                resp.insert_header((REASON_HEADER, "busy"));
            }
            _ => {}
        }
        resp.finish()
    }
}
