//! Logging: `tracing` to stderr, filtered by `RUST_LOG`; each request's lines carry its
//! request id (tracing-actix-web's span), and the span's close line is the access log
//! (method, route, status, time).

use tracing_subscriber::{fmt, EnvFilter};

pub fn init() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,actix_server=warn,lettre=warn"));
    let _ = fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .try_init();
}
