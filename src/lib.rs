//! Pasar: a server-rendered consumer-to-consumer marketplace. `startup` builds the actix
//! application from the modules below; `main.rs` is a thin CLI over it and the tests
//! build the same app. See docs/architecture.md for the module map.

// Shared layers: they never import a feature (scripts/test checks it).
pub mod audit;
pub mod cache;
pub mod config;
pub mod db;
pub mod error;
pub mod i18n;
pub mod jobs;
pub mod mail;
pub mod storage;
pub mod telemetry;
pub mod web;

// Features, and the pages built from several of them.
pub mod accounts;
pub mod admin;
pub mod listings;
pub mod moderation;
pub mod notifications;
pub mod orders;
pub mod pages;
pub mod reviews;
pub mod seed;
pub mod signals;

// The one module that names every feature.
pub mod startup;

// Kept at the crate root for code written against these paths.
pub use startup::{AppState, Application};
