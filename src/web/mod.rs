//! Cross-cutting HTTP: the error pages, the per-request page context (locale, user,
//! CSRF token, flash messages), who is asking (`auth`), forms (`form`), CSRF checks,
//! security headers, rate limits, requests dropped when their client left
//! (`disconnect`), random tokens and the embedded static assets. It never imports a
//! feature: what features contribute is registered in `site::Site`.

pub mod assets;
pub mod auth;
pub mod client;
pub mod cpu;
pub mod csrf;
pub mod ctx;
pub mod disconnect;
pub mod error;
pub mod error_pages;
pub mod form;
pub mod gate;
pub mod headers;
pub mod hygiene;
pub mod multipart;
pub mod rate_limit;
pub mod redirect;
pub mod render;
pub mod site;
pub mod token;

pub use auth::{require_admin, require_user, require_verified, User};
pub use ctx::{Ctx, Flash};
pub use error::AppError;
pub use form::FormErrors;
pub use render::{redirect, render, render_status};
