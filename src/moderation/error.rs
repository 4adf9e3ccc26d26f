//! Why a moderation rule refused, and what each refusal answers at the handler.

use crate::web::AppError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No such case, decision, appeal or reportable thing (or not theirs to see).
    #[error("not found")]
    NotFound,
    /// Reporting oneself or one's own listing.
    #[error("cannot report your own")]
    OwnTarget,
    /// The case was decided meanwhile (a second moderator's tab, a double submit).
    #[error("already decided")]
    AlreadyDecided,
    /// A decision that cannot be appealed (a dismissal), or one appealed already.
    #[error("already appealed")]
    AlreadyAppealed,
    /// The six months for an appeal have passed.
    #[error("appeal window closed")]
    AppealTooLate,
    /// The moderator who made the decision cannot decide its appeal.
    #[error("same moderator")]
    SameModerator,
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

impl Error {
    /// The message shown on the form the refusal belongs to.
    pub fn key(&self) -> Option<&'static str> {
        match self {
            Error::OwnTarget => Some("mod-error-own"),
            Error::AlreadyDecided => Some("mod-error-decided"),
            Error::AlreadyAppealed => Some("mod-error-appealed"),
            Error::AppealTooLate => Some("mod-error-appeal-late"),
            Error::SameModerator => Some("mod-error-same-moderator"),
            Error::NotFound | Error::Db(_) => None,
        }
    }
}

impl From<Error> for AppError {
    fn from(e: Error) -> AppError {
        match e {
            Error::NotFound => AppError::NotFound,
            Error::OwnTarget => AppError::BadRequest,
            Error::SameModerator => AppError::Forbidden,
            Error::AlreadyDecided | Error::AlreadyAppealed | Error::AppealTooLate => {
                AppError::Conflict
            }
            Error::Db(e) => e.into(),
        }
    }
}
