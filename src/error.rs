//! The error every use case returns, from a query to a handler. It sits below `db` and
//! `web` so the database layer never depends on the HTTP one; `web::error` gives it a
//! status and headers, `web::error_pages` a translated page.

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
