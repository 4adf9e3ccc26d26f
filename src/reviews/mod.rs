//! Reviews between the buyer and the seller of an order that is over (issue 11):
//! written once per party, double-blind until both wrote or the window closed, then
//! fixed, with one reply by the reviewed member; and the ratings kept on each member.
//!
//! The order facts come from `orders::for_reviews`; the order page shows this feature's
//! button through a function start-up registers (`for_orders::asides`), so orders never
//! import reviews. Listings and pages read ratings through `ratings_of`.

pub mod error;
pub mod for_moderation;
pub mod for_orders;
pub mod input;
pub mod model;
pub mod ratings;
pub mod routes;
pub mod rules;
pub mod views;

pub use error::Error;
pub use ratings::{ratings_of, Rating};
