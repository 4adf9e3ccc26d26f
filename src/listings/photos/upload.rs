//! The photos of a submitted listing form: the ones it keeps (saved `e:<id>` and pending
//! `p:<signed key>` tokens, in the order the form lists them) and the files it uploads,
//! each checked, re-encoded and stored at once so a form with other errors does not lose
//! them.

use super::files;
use super::pending::{self, PendingToken};
use super::reencode::{self, PhotoError, MAX_BYTES};
use crate::db;
use crate::listings::model::{Photo, MAX_PHOTOS};
use crate::listings::rules::PhotoRef;
use crate::listings::views::FormPhoto;
use crate::web::multipart::{Limits, MultipartForm, Upload};
use crate::web::{AppError, Ctx};
use crate::AppState;

/// The whole multipart body: ten full-size photos plus 1 MB of fields and framing.
pub const MAX_REQUEST: usize = MAX_PHOTOS * MAX_BYTES + 1024 * 1024;

/// A form whose `photos` input keeps at most `max_files` photos (dispute evidence takes
/// one); the body may still be as large as the listing form's.
pub const fn limits(max_files: usize) -> Limits {
    Limits {
        file_field: "photos",
        max_files,
        max_file_bytes: MAX_BYTES,
        max_request: MAX_REQUEST,
    }
}

/// The sell and edit form.
pub const FORM_LIMITS: Limits = limits(MAX_PHOTOS);

/// The photos a submitted form ends with.
pub struct FormPhotos {
    /// In their final order (kept, pending and newly uploaded).
    pub photos: Vec<(PhotoRef, FormPhoto)>,
    /// Messages about single uploaded files (name, message).
    pub errors: Vec<(String, String)>,
    /// A photo was listed twice (taken once).
    pub duplicate: bool,
    /// A pending photo's token expired or its file is no longer waiting (dropped).
    pub expired: bool,
}

/// Reads the photos of `form` for `user_id`; `existing` are the listing's saved photos
/// (none when creating). Takes the form's files.
pub async fn take(
    ctx: &Ctx,
    state: &AppState,
    user_id: i64,
    form: &mut MultipartForm,
    existing: &[Photo],
) -> Result<FormPhotos, AppError> {
    let mut out = listed(state, user_id, &form.fields, existing).await?;
    for upload in std::mem::take(&mut form.files) {
        if out.photos.len() >= MAX_PHOTOS {
            out.errors
                .push((upload.filename.clone(), ctx.t("photo-too-many")));
            continue;
        }
        if upload.too_large {
            out.errors
                .push((upload.filename.clone(), ctx.t("photo-too-large")));
            continue;
        }
        let filename = upload.filename.clone();
        match store_upload(state, user_id, upload).await? {
            Ok(photo) => out.photos.push(photo),
            Err(e) => out.errors.push((filename, ctx.t(e.key()))),
        }
    }
    Ok(out)
}

/// The photos the form keeps: `photo` fields in order, with an optional `pos.<token>`
/// number to move one and `remove` fields to drop one. A photo listed twice is taken once
/// and the form says so (a listing holds each photo once).
async fn listed(
    state: &AppState,
    user_id: i64,
    fields: &[(String, String)],
    existing: &[Photo],
) -> Result<FormPhotos, AppError> {
    let secret = &state.config.secret.0;
    let removed: Vec<&String> = fields
        .iter()
        .filter(|(k, _)| k == "remove")
        .map(|(_, v)| v)
        .collect();
    let now = chrono::Utc::now().timestamp();
    let mut ordered: Vec<(i64, usize, PhotoRef, FormPhoto)> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    let (mut duplicate, mut expired) = (false, false);
    for (i, (_, token)) in fields.iter().filter(|(k, _)| k == "photo").enumerate() {
        if removed.contains(&token) {
            continue;
        }
        if seen.contains(&token.as_str()) {
            duplicate = true;
            continue;
        }
        seen.push(token);
        let pos = fields
            .iter()
            .find(|(k, _)| *k == format!("pos.{token}"))
            .and_then(|(_, v)| v.trim().parse::<i64>().ok())
            .unwrap_or(i as i64 + 1);
        if let Some(id) = token
            .strip_prefix("e:")
            .and_then(|id| id.parse::<i64>().ok())
        {
            if let Some(p) = existing.iter().find(|p| p.id == id) {
                let shown = FormPhoto {
                    token: token.clone(),
                    key: p.storage_key.clone(),
                    width: p.width,
                };
                ordered.push((pos, i, PhotoRef::Existing(id), shown));
            }
            continue;
        }
        match pending::verify_pending(secret, user_id, token, now) {
            Ok((key, w, h)) => {
                let shown = FormPhoto {
                    token: token.clone(),
                    key: key.clone(),
                    width: w,
                };
                ordered.push((
                    pos,
                    i,
                    PhotoRef::New {
                        key,
                        width: w,
                        height: h,
                    },
                    shown,
                ));
            }
            Err(PendingToken::Expired) => expired = true,
            Err(PendingToken::Invalid) => {}
        }
    }
    // A signed key no longer waiting (saved with another form, or swept) is gone too.
    let claimed: Vec<String> = ordered
        .iter()
        .filter_map(|(_, _, r, _)| match r {
            PhotoRef::New { key, .. } => Some(key.clone()),
            PhotoRef::Existing(_) => None,
        })
        .collect();
    if !claimed.is_empty() {
        let waiting = db::run(&state.pool, move |conn| {
            Ok(pending::still_pending(conn, user_id, &claimed)?)
        })
        .await?;
        let before = ordered.len();
        ordered.retain(|(_, _, r, _)| match r {
            PhotoRef::New { key, .. } => waiting.contains(key),
            PhotoRef::Existing(_) => true,
        });
        expired |= ordered.len() < before;
    }
    ordered.sort_by_key(|(pos, i, _, _)| (*pos, *i));
    Ok(FormPhotos {
        photos: ordered.into_iter().map(|(_, _, r, f)| (r, f)).collect(),
        errors: Vec::new(),
        duplicate,
        expired,
    })
}

/// Checks, re-encodes and stores one upload as pending. The outer error is ours
/// (storage or the database failed); the inner one says the upload is not a usable photo.
async fn store_upload(
    state: &AppState,
    user_id: i64,
    upload: Upload,
) -> Result<Result<(PhotoRef, FormPhoto), PhotoError>, AppError> {
    let storage = state.storage.clone();
    // Decoding runs on the CPU pool, away from the database's blocking threads.
    let result = state
        .cpu
        .run(
            move || -> std::io::Result<Result<(String, i32, i32), PhotoError>> {
                let processed = match reencode::process(&upload.bytes) {
                    Ok(p) => p,
                    Err(e) => return Ok(Err(e)),
                };
                let key = files::store(storage.as_ref(), &processed)?;
                Ok(Ok((key, processed.width as i32, processed.height as i32)))
            },
        )
        .await?
        .map_err(|e| AppError::Internal(e.into()))?;
    let (key, w, h) = match result {
        Ok(stored) => stored,
        Err(e) => return Ok(Err(e)),
    };
    let k = key.clone();
    db::run(&state.pool, move |conn| {
        Ok(pending::remember_pending(conn, &k, user_id, w)?)
    })
    .await?;
    let now = chrono::Utc::now().timestamp();
    let token = pending::sign(&state.config.secret.0, user_id, &key, w, h, now);
    Ok(Ok((
        PhotoRef::New {
            key: key.clone(),
            width: w,
            height: h,
        },
        FormPhoto {
            token,
            key,
            width: w,
        },
    )))
}
