//! What the account rules refuse; handlers turn it into a form error or an `AppError`.

use crate::web::AppError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Another account has this address (checked first, and by the unique index).
    #[error("email already registered")]
    EmailTaken,
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

impl From<Error> for AppError {
    fn from(e: Error) -> AppError {
        match e {
            // Forms check it and show it on the field; reaching here is a lost race.
            Error::EmailTaken => AppError::Conflict,
            Error::Db(e) => AppError::from(e),
        }
    }
}
