//! Listing photos: checking and re-encoding uploaded images (`reencode`), storing them
//! under random names (`files`), remembering the ones of forms not saved yet (`pending`),
//! taking them from a submitted form (`upload`) and serving them at
//! `/media/<key>-<width>.jpg` (`serve`); member pictures go through the same steps
//! (`for_accounts`).
//!
//! An upload is trusted for nothing: only our own re-encoded JPEGs are ever stored or
//! served.

pub mod files;
pub mod for_accounts;
pub mod pending;
pub mod reencode;
pub mod serve;
pub mod upload;

// What other features use (seed data, dispute evidence, account deletion, the worker).
pub use files::{best_width, delete, private_file, srcset, store, store_private, url};
pub use for_accounts::url as avatar_url;
pub use pending::{forget_pending, remember_pending, sweep_abandoned};
pub use reencode::{process, PhotoError, Processed, MAX_BYTES, SIZES};
pub use serve::configure;
