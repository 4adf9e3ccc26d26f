//! Moved to `crate::storage` (photos are not the only files the app will keep).
// moved: re-export for branches in flight
pub use crate::storage::*;
