//! Order pages and actions, by area: buying and checkout (`buy`), the order page
//! (`page`), delivery and the end of a deal (`delivery`), disputes, my purchases and my
//! sales (`lists`), the admin's pages, the sandbox's hosted payment page and the providers' webhooks.

mod admin;
mod buy;
mod delivery;
mod disputes;
mod lists;
mod page;
mod sandbox;
mod webhooks;

use actix_web::{web, HttpResponse};

use super::state::Initiator;
use crate::web::auth::User;
use crate::web::AppError;

pub use page::CANCEL_REASONS;

type Page = Result<HttpResponse, AppError>;

/// The order routes; only the configured payment provider's pages and webhook exist.
pub fn configure(cfg: &mut web::ServiceConfig, sandbox: bool) {
    cfg.service(
        web::resource("/listings/{id}/buy")
            .post(buy::buy)
            // After logging in to buy, `next=` brings the visitor here with a GET.
            .get(buy::back_to_listing),
    )
    .service(web::resource("/orders/{id}").get(page::show))
    .service(web::resource("/orders/{id}/checkout").post(buy::checkout_submit))
    .service(web::resource("/orders/{id}/abandon").post(buy::abandon))
    .service(web::resource("/orders/{id}/ship").post(delivery::ship))
    .service(web::resource("/orders/{id}/handover").post(delivery::handover))
    .service(web::resource("/orders/{id}/confirm").post(delivery::confirm))
    .service(web::resource("/orders/{id}/cancel").post(delivery::cancel))
    .service(web::resource("/orders/{id}/dispute").post(disputes::open_dispute))
    .service(web::resource("/orders/{id}/dispute/evidence").post(disputes::add_evidence))
    .service(web::resource("/orders/{id}/evidence/{evidence}/{size}").get(disputes::evidence_photo))
    .service(web::resource("/orders/{id}/dispute/offer").post(disputes::offer))
    .service(web::resource("/orders/{id}/dispute/appeal").post(disputes::appeal))
    .service(web::resource("/orders/{id}/dispute/decide").post(disputes::decide))
    // accept-offer, accept-return, return-received: buttons without fields. After the
    // named steps, which match first.
    .service(web::resource("/orders/{id}/dispute/{step}").post(disputes::dispute_step))
    .service(web::resource("/me/purchases").get(lists::purchases))
    .service(web::resource("/me/sales").get(lists::sales))
    .service(web::resource("/me/payouts").post(lists::payout))
    .service(web::resource("/admin/disputes").get(admin::admin_disputes))
    .service(web::resource("/admin/books").get(admin::books));
    if sandbox {
        sandbox::configure(cfg);
    } else {
        cfg.service(web::resource("/webhooks/stripe").post(webhooks::stripe_webhook));
    }
}

/// The signed-in member as the initiator of an order step.
pub fn initiator(user: &User) -> Initiator {
    Initiator::User {
        id: user.id,
        admin: user.role.is_admin(),
    }
}
