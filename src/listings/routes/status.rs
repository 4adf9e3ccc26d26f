//! `POST /listings/{id}/status`: publish, pause, mark sold, relist or remove.

use actix_web::web;

use super::{editor, Page};
use crate::db;
use crate::listings::error::ListingError;
use crate::listings::rules::{self, StatusChange};
use crate::listings::status::ListingStatus;
use crate::web::auth::require_verified;
use crate::web::{redirect, AppError, Ctx};
use crate::AppState;

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub(super) struct StatusForm {
    to: String,
    next: String,
}

pub(super) async fn change_status(
    ctx: Ctx,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<StatusForm>,
) -> Page {
    let user = require_verified(&ctx)?.clone();
    let id = id.into_inner();
    let to = ListingStatus::parse(&form.to).ok_or(AppError::BadRequest)?;
    let editor = editor(&user);
    let new_accounts = Some(state.config.new_accounts);
    let outcome = db::run(&state.pool, move |conn| {
        Ok(rules::set_status(conn, editor, id, to, new_accounts))
    })
    .await?;
    match outcome {
        Ok(StatusChange::Done) => ctx.flash("success", ctx.t(&format!("flash-status-{to}"))),
        Ok(StatusChange::NeedsPhoto) => ctx.flash("error", ctx.t("photos-required")),
        Ok(StatusChange::HasSignals) => {
            // The edit form shows what was found and the "publish anyway" choice.
            ctx.flash("error", ctx.t("signals-publish-from-form"));
            return Ok(redirect(&format!("/listings/{id}/edit")));
        }
        Err(ListingError::DailyLimit(rules)) => {
            ctx.flash("error", super::limit_message(&ctx, rules))
        }
        Err(ListingError::SellingRestricted) => return super::selling_restricted(&ctx),
        Err(e) => return Err(e.into()),
    }
    let next = if form.next.is_empty() {
        "/me/listings".to_string()
    } else {
        crate::web::redirect::local_target(&state.config.base_url, Some(&form.next))
    };
    Ok(redirect(&next))
}

/// The status buttons a row of "my listings" offers (templates/listings/mine.html).
pub fn quick_actions(status: &ListingStatus) -> &'static [ListingStatus] {
    status.quick_actions()
}
