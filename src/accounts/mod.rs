//! Accounts: sign-up, email verification, login and logout, password reset, settings,
//! account deletion with a grace period.

pub mod avatar;
pub mod deletion;
pub mod emails;
pub mod error;
pub mod fields;
pub mod for_admin;
pub mod for_listings;
pub mod jobs;
pub mod model;
pub mod routes;
pub mod rules;
pub mod tokens;
pub mod views;

pub use error::Error;
