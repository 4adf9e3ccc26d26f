//! What the review rules refuse; the handlers turn it into an `AppError` (a status and
//! a translated page) or, for what a form can fix, into the form's errors.

use crate::web::AppError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No such order, or one the asker is no party of (the same answer, so strangers
    /// learn nothing).
    #[error("no such order")]
    NotFound,
    /// The order is not over yet: there is nothing to review.
    #[error("the order has not ended")]
    NotEnded,
    /// The review window of the order closed.
    #[error("the review window has closed")]
    WindowClosed,
    /// The review is public, so it is fixed.
    #[error("the review is published and can no longer change")]
    Published,
    /// No published review to reply to, or a reply was already posted.
    #[error("no reply possible")]
    NoReply,
    /// Input a form would not have sent (the forms check it first).
    #[error("invalid input")]
    Invalid,
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

impl Error {
    /// The message shown when a form's submission is refused for the state it found.
    pub fn key(&self) -> &'static str {
        match self {
            Error::NotEnded => "review-error-not-ended",
            Error::WindowClosed => "review-error-window-closed",
            Error::Published => "review-error-published",
            Error::NoReply => "review-error-no-reply",
            _ => "review-error-invalid",
        }
    }
}

impl From<Error> for AppError {
    fn from(e: Error) -> AppError {
        match e {
            Error::NotFound => AppError::NotFound,
            Error::NotEnded | Error::WindowClosed | Error::Published | Error::NoReply => {
                AppError::Conflict
            }
            Error::Invalid => AppError::BadRequest,
            Error::Db(e) => AppError::from(e),
        }
    }
}
