//! Listing pages: sell, edit, the listing itself, the seller's list, browse and search.

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    super::search::configure(cfg);
    super::photos::configure(cfg);
}
