//! Listing pages: sell and edit (`form`), status changes (`status`), the listing itself
//! (`show`), the seller's own list and holiday mode (`mine`). Browse and search live in
//! `search`; the public profile, built from accounts and listings, in `pages::profile`.

mod form;
mod mine;
mod show;
mod status;

use actix_web::{web, HttpResponse};

use super::rules::Editor;
use crate::web::auth::User;
use crate::web::AppError;

// Named by paths elsewhere: `cache.rs` keeps listing pages, templates/listings/mine.html
// asks for a row's buttons.
pub use show::ListingData;
pub use status::quick_actions;

type Page = Result<HttpResponse, AppError>;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/sell")
            .get(form::sell_page)
            .post(form::create),
    )
    .service(web::resource("/sell/attributes").get(form::attributes_fragment))
    .service(web::resource("/listings/{id}").get(show::show))
    .service(
        web::resource("/listings/{id}/edit")
            .get(form::edit_page)
            .post(form::update),
    )
    .service(web::resource("/listings/{id}/status").post(status::change_status))
    .service(web::resource("/me/listings").get(mine::my_listings))
    .service(web::resource("/me/holiday").post(mine::start_holiday))
    .service(web::resource("/me/holiday/end").post(mine::end_holiday));
    super::search::configure(cfg);
    super::photos::configure(cfg);
}

/// Why a new member cannot publish now (issue 11), in the reader's language.
fn limit_message(ctx: &crate::web::Ctx, rules: crate::config::NewAccounts) -> String {
    ctx.t2(
        "signals-limit-reached",
        "count",
        i64::from(rules.listings_per_day),
        "days",
        i64::from(rules.days),
    )
}

fn editor(user: &User) -> Editor {
    Editor {
        user_id: user.id,
        admin: user.role.is_admin(),
    }
}

/// A new sale refused by moderation: said on the member's decisions page, where the
/// reason and the appeal are.
pub(super) fn selling_restricted(ctx: &crate::web::Ctx) -> Page {
    ctx.flash("error", ctx.t("mod-selling-restricted"));
    Ok(crate::web::redirect("/me/decisions"))
}
