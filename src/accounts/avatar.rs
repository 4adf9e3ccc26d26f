//! The member's picture in settings: upload (or replace) and remove. The file goes
//! through the listing photos' pipeline (`listings::photos::for_accounts`); the account
//! rule sets it; the file it replaced is deleted only after that commit.

use actix_web::http::StatusCode;
use actix_web::web;

use super::routes::{settings_for, Page};
use super::rules;
use super::views::Section;
use crate::db;
use crate::listings::photos;
use crate::web::auth::require_user;
use crate::web::form::FormErrors;
use crate::web::{redirect, render_status, AppError, Ctx};
use crate::AppState;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/me/settings/avatar").post(upload))
        .service(web::resource("/me/settings/avatar/remove").post(remove));
}

/// The settings page again with the picture's error, the rest as it was.
fn refused(ctx: Ctx, user: &crate::web::auth::User, key: &'static str) -> Page {
    let mut errors = FormErrors::default();
    errors.add(photos::for_accounts::FIELD, key);
    render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &settings_for(ctx, user, Section::Avatar, errors),
    )
}

async fn upload(ctx: Ctx, state: web::Data<AppState>, payload: actix_multipart::Multipart) -> Page {
    let user = require_user(&ctx)?.clone();
    let mut form = crate::web::multipart::read(payload, &photos::for_accounts::LIMITS).await?;
    if form.too_many {
        return refused(ctx, &user, "avatar-one");
    }
    let Some(file) = form.files.pop() else {
        return refused(ctx, &user, "avatar-missing");
    };
    let key = match photos::for_accounts::store(&state, user.id, file).await? {
        Ok(key) => key,
        Err(e) => return refused(ctx, &user, e.key()),
    };
    let (uid, k) = (user.id, key.clone());
    let replaced = db::run(&state.pool, move |conn| {
        Ok(rules::set_avatar(conn, uid, Some(&k))?)
    })
    .await?;
    forget_files(&state, replaced).await?;
    ctx.flash("success", ctx.t("avatar-saved"));
    Ok(redirect("/me/settings#avatar"))
}

async fn remove(ctx: Ctx, state: web::Data<AppState>) -> Page {
    let uid = require_user(&ctx)?.id;
    let removed = db::run(&state.pool, move |conn| {
        Ok(rules::set_avatar(conn, uid, None)?)
    })
    .await?;
    forget_files(&state, removed).await?;
    ctx.flash("success", ctx.t("avatar-removed"));
    Ok(redirect("/me/settings#avatar"))
}

/// Deletes the files of a picture nobody points at any more (after the commit; file I/O
/// on the blocking pool).
async fn forget_files(state: &AppState, key: Option<String>) -> Result<(), AppError> {
    let Some(key) = key else {
        return Ok(());
    };
    let storage = state.storage.clone();
    web::block(move || photos::delete(storage.as_ref(), &key))
        .await
        .map_err(|e| AppError::Internal(e.into()))
}
