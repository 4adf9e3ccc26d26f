//! Cross-cutting HTTP: the error type and its pages, the per-request page context
//! (locale, user, CSRF token, flash messages), CSRF checks, security headers, rate limits
//! and the embedded static assets.

pub mod assets;
pub mod client;
pub mod cpu;
pub mod csrf;
pub mod ctx;
pub mod error;
pub mod error_pages;
pub mod gate;
pub mod headers;
pub mod hygiene;
pub mod multipart;
pub mod rate_limit;
pub mod redirect;
pub mod render;

pub use ctx::{Ctx, Flash};
pub use error::AppError;
pub use render::{redirect, render, render_status};
