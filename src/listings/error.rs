//! Why a listings rule refused, and what each refusal answers at the handler boundary.

use super::status::ListingStatus;
use crate::web::AppError;

#[derive(Debug, thiserror::Error)]
pub enum ListingError {
    /// No such listing, or one the editor may not change (private to its seller, so the
    /// same answer as a missing one).
    #[error("no such listing")]
    NotFound,
    /// A status change the listing's status does not allow.
    #[error("a {from} listing cannot become {to}")]
    NotAllowed {
        from: ListingStatus,
        to: ListingStatus,
    },
    /// The seller may not start a new sale now (moderation: selling restricted,
    /// suspended or banned); the handler says so and points to their decisions.
    #[error("selling restricted by moderation")]
    SellingRestricted,
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

impl From<ListingError> for AppError {
    fn from(e: ListingError) -> AppError {
        match e {
            ListingError::NotFound => AppError::NotFound,
            ListingError::NotAllowed { .. } => AppError::Conflict,
            ListingError::SellingRestricted => AppError::Forbidden,
            // Keeps the database's own answers (a missing row is 404, a timeout 503).
            ListingError::Db(e) => e.into(),
        }
    }
}
