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
    /// A new member published as many listings in the last 24 hours as they may
    /// (`listings::limits`): nothing saved.
    #[error("new members may publish {} listings a day", .0.listings_per_day)]
    DailyLimit(crate::config::NewAccounts),
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
            // The forms answer it with their own message; anywhere else it is a refusal.
            ListingError::DailyLimit(_) => AppError::Conflict,
            ListingError::SellingRestricted => AppError::Forbidden,
            // Keeps the database's own answers (a missing row is 404, a timeout 503).
            ListingError::Db(e) => e.into(),
        }
    }
}
