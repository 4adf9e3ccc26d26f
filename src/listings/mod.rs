//! Listings: create and edit (with photos), categories, browse and search, the listing
//! page and the seller's own list.

pub mod caches;
pub mod categories;
pub mod fields;
pub mod manage;
pub mod model;
pub mod nearby;
pub mod photos;
pub mod price;
pub mod routes;
pub mod search;
pub mod search_views;
pub mod statements;
pub mod storage;
pub mod view_count;
pub mod views;
