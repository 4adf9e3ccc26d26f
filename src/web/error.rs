//! One error type for every handler. Its response carries only a status (and
//! `Retry-After`); `error_pages` turns it into a translated page in the site's layout.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};

/// Tells `error_pages` which explanation a 403 needs (removed from the response there).
pub const REASON_HEADER: &str = "x-pasar-reason";

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("bad request")]
    BadRequest,
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("conflict")]
    Conflict,
    #[error("payload too large")]
    TooLarge,
    #[error("too many requests, retry in {0} s")]
    TooMany(u64),
    #[error("service unavailable")]
    Unavailable,
    /// The CPU pool's queue is full (a flood of password or photo work).
    #[error("busy")]
    Busy,
    /// A statement ran out of its time budget (`PASAR_STATEMENT_TIMEOUT_MS`): 503, with
    /// a page saying this search was too costly rather than that the site is down.
    #[error("statement timed out")]
    Slow,
    /// This client already has as many searches running as it may (429).
    #[error("too many searches at once")]
    SearchesBusy,
    /// Signed in, but the email address is not confirmed yet (selling, buying and
    /// messaging need it).
    #[error("email not verified")]
    Unverified,
    /// Sends the visitor to the login page, coming back to `0` afterwards.
    #[error("login required")]
    LoginRequired(String),
    #[error("internal error: {0:#}")]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    /// The same error again, for one that several requests share (a load they waited
    /// on together); causes of internal errors are kept as text.
    pub fn share(&self) -> AppError {
        match self {
            AppError::BadRequest => AppError::BadRequest,
            AppError::NotFound => AppError::NotFound,
            AppError::Forbidden => AppError::Forbidden,
            AppError::Conflict => AppError::Conflict,
            AppError::TooLarge => AppError::TooLarge,
            AppError::TooMany(s) => AppError::TooMany(*s),
            AppError::Unavailable => AppError::Unavailable,
            AppError::Slow => AppError::Slow,
            AppError::SearchesBusy => AppError::SearchesBusy,
            AppError::Busy => AppError::Busy,
            AppError::Unverified => AppError::Unverified,
            AppError::LoginRequired(n) => AppError::LoginRequired(n.clone()),
            AppError::Internal(e) => AppError::Internal(anyhow::anyhow!("{e:#}")),
        }
    }
}

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

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> AppError {
        use diesel::result::{DatabaseErrorKind, Error};
        match e {
            Error::NotFound => AppError::NotFound,
            Error::DatabaseError(DatabaseErrorKind::ClosedConnection, _) => AppError::Unavailable,
            Error::DatabaseError(DatabaseErrorKind::UnableToSendCommand, _) => {
                AppError::Unavailable
            }
            // PostgreSQL's message (SQLSTATE 57014), which diesel does not classify; the
            // server's lc_messages must stay English for this (the default).
            Error::DatabaseError(DatabaseErrorKind::Unknown, ref info)
                if info
                    .message()
                    .starts_with("canceling statement due to statement timeout") =>
            {
                tracing::warn!("statement timed out");
                AppError::Slow
            }
            other => AppError::Internal(other.into()),
        }
    }
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> AppError {
        AppError::Internal(anyhow::anyhow!("template: {e}"))
    }
}
