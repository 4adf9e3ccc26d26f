//! Listings: create and edit (with photos), categories, browse and search, the listing
//! page and the seller's own list.

pub mod caches;
pub mod categories;
pub mod country;
pub mod error;
pub mod for_accounts;
pub mod for_admin;
pub mod for_moderation;
pub mod for_orders;
pub mod input;
pub mod limits;
pub mod model;
pub mod nearby;
pub mod on_sale;
pub mod photos;
pub mod price;
pub mod routes;
pub mod rules;
pub mod search;
pub mod statements;
pub mod status;
pub mod view_count;
pub mod views;
