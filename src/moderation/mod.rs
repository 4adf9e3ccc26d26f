//! Reports, moderation with due process, and transparency (issue 11): members report a
//! listing or a member against the published rules (`/rules`), reports on one thing
//! are grouped in one open case, moderators decide with a rule and the facts, the member
//! reads a statement of reasons and may appeal once to a different moderator, and the
//! sanctions (`standing`) keep open orders going while refusing new sales and purchases.
//! `/transparency` sums it all up per quarter.

pub mod emails;
pub mod error;
pub mod for_admin;
pub mod for_signals;
pub mod jobs;
pub mod model;
pub mod routes;
pub mod rules;
pub mod standing;
pub mod transparency;
pub mod views;

pub use error::Error;
pub use standing::{standing, Standing};
