//! Scam signals (issue 11, point 11): contact details and "pay outside the site" requests
//! found in what members write, shown to the author as a warning before publishing and
//! handed to moderators as flags. The detector (`scan`) is pure; `flags` is the one
//! table this feature owns. Listings (and later reviews) call it through `scan` and
//! `flags::record`; moderation reads the queue through `for_moderation`.

mod detect;
pub mod flags;
pub mod for_moderation;
mod iban;
mod phone;

pub use detect::{fingerprint, scan, scan_all, Finding, FindingKind};
pub use flags::{record, Subject};
