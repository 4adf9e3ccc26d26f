//! What the order rules refuse, in their own words; the handlers turn it into an
//! `AppError` (and with it a status and a translated page) at the boundary.

use crate::web::AppError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No such order, or one the actor may not know about.
    #[error("no such order")]
    NotFound,
    /// A party of the order asking for a step that is the other party's.
    #[error("not this party's step")]
    Forbidden,
    /// The order (or its dispute, or its payment) is not in a state for this step.
    #[error("not in a state for this step")]
    WrongState,
    /// A twin of this "Buy now" (same idempotency key) committed first; `checkout::buy`
    /// answers it as `Bought::Again` after rolling its own work back. Never leaves it.
    #[error("a twin request made this order")]
    Twin,
    /// Input a form would not have sent (the forms check it first).
    #[error("invalid input")]
    Invalid,
    /// Too many wrong handover codes; retry in that many seconds.
    #[error("too many tries, retry in {0} s")]
    TooMany(u64),
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
    /// A broken promise of the books or the payments (a bug, never a user's doing).
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<Error> for AppError {
    fn from(e: Error) -> AppError {
        match e {
            Error::NotFound => AppError::NotFound,
            Error::Forbidden => AppError::Forbidden,
            Error::WrongState | Error::Twin => AppError::Conflict,
            Error::Invalid => AppError::BadRequest,
            Error::TooMany(secs) => AppError::TooMany(secs),
            // Keeps the pool's and the statement budget's own answers (503s).
            Error::Db(e) => AppError::from(e),
            Error::Internal(e) => AppError::Internal(e),
        }
    }
}
