//! Member pictures, for the accounts feature: the same checks, re-encoding, storage and
//! `/media` serving as listing photos (one pipeline that every image upload goes
//! through), with the form limits of a single picture. The picture is noted as a pending
//! upload until the account rule that sets it commits and forgets the note, so a file
//! whose save never commits is deleted by the worker's sweep like any abandoned upload.

use super::files;
use super::pending;
use super::reencode::{self, PhotoError, MAX_BYTES, SIZES};
use crate::db;
use crate::web::multipart::{Limits, Upload};
use crate::web::AppError;
use crate::AppState;

/// The settings form's file input.
pub const FIELD: &str = "avatar";

/// One picture. The body may be twice the largest file, so a file somewhat too large is
/// read to its end and answered on the form ("larger than 15 MB") rather than by a 413.
pub const LIMITS: Limits = Limits {
    file_field: FIELD,
    max_files: 1,
    max_file_bytes: MAX_BYTES,
    max_request: 2 * MAX_BYTES,
};

/// The picture's URL: its smallest stored size (pictures are shown at most 96 px wide,
/// and at most 320 px on a 3x screen).
pub fn url(key: &str) -> String {
    files::url(key, SIZES[0])
}

/// Checks and re-encodes an uploaded picture on the CPU pool, stores it, and notes it
/// as `user_id`'s pending upload. `Ok(Err(_))` is a file refused for what it is (shown
/// on the form); `Err` is the app failing.
pub async fn store(
    state: &AppState,
    user_id: i64,
    upload: Upload,
) -> Result<Result<String, PhotoError>, AppError> {
    if upload.too_large {
        return Ok(Err(PhotoError::TooLarge));
    }
    let storage = state.storage.clone();
    let stored = state
        .cpu
        .run(move || {
            let processed = match reencode::process(&upload.bytes) {
                Ok(p) => p,
                Err(e) => return Ok(Err(e)),
            };
            files::store(storage.as_ref(), &processed).map(|key| Ok((key, processed.width as i32)))
        })
        .await?
        .map_err(|e: std::io::Error| AppError::Internal(e.into()))?;
    let (key, width) = match stored {
        Ok(k) => k,
        Err(e) => return Ok(Err(e)),
    };
    let k = key.clone();
    db::run(&state.pool, move |conn| {
        Ok(pending::remember_pending(conn, &k, user_id, width)?)
    })
    .await?;
    Ok(Ok(key))
}
