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

/// The request span of `tracing-actix-web` with the secrets taken out of its target:
/// email links carry their token in the path, and a few forms carry tokens in the query.
pub struct RedactedSpan;

impl tracing_actix_web::RootSpanBuilder for RedactedSpan {
    fn on_request_start(request: &actix_web::dev::ServiceRequest) -> tracing::Span {
        use actix_web::HttpMessage;
        let route = request.match_pattern().unwrap_or_else(|| "default".into());
        let request_id = request
            .extensions()
            .get::<tracing_actix_web::RequestId>()
            .map(|id| id.to_string())
            .unwrap_or_default();
        let target = redacted_target(request.uri(), &route);
        let user_agent = request
            .headers()
            .get("user-agent")
            .and_then(|h| h.to_str().ok())
            .unwrap_or("");
        let connection = request.connection_info().clone();
        tracing::info_span!(
            "HTTP request",
            http.method = %request.method(),
            http.route = %route,
            http.host = %connection.host(),
            http.client_ip = %connection.realip_remote_addr().unwrap_or(""),
            http.user_agent = %user_agent,
            http.target = %target,
            http.status_code = tracing::field::Empty,
            otel.kind = "server",
            otel.status_code = tracing::field::Empty,
            request_id = %request_id,
            exception.message = tracing::field::Empty,
            exception.details = tracing::field::Empty,
        )
    }

    fn on_request_end<B: actix_web::body::MessageBody>(
        span: tracing::Span,
        outcome: &Result<actix_web::dev::ServiceResponse<B>, actix_web::Error>,
    ) {
        tracing_actix_web::DefaultRootSpanBuilder::on_request_end(span, outcome);
    }
}

/// Query parameters whose values never reach a log line.
const SECRET_PARAMS: [&str; 5] = ["csrf_token", "token", "code", "password", "signature"];

/// The path and query for the log: a route with a `{token}` segment is logged as its
/// pattern, and secret query parameters lose their values.
pub fn redacted_target(uri: &actix_web::http::Uri, route: &str) -> String {
    let path = if route.contains("{token}") {
        route
    } else {
        uri.path()
    };
    let Some(query) = uri.query() else {
        return path.to_string();
    };
    let query: Vec<String> = query
        .split('&')
        .map(|pair| {
            let name = pair.split('=').next().unwrap_or("");
            if SECRET_PARAMS.contains(&name) {
                format!("{name}=[redacted]")
            } else {
                pair.to_string()
            }
        })
        .collect();
    format!("{path}?{}", query.join("&"))
}

#[cfg(test)]
mod tests {
    use super::redacted_target;

    #[test]
    fn tokens_stay_out_of_the_log() {
        let uri = "/sell?csrf_token=s3cret&x=1".parse().expect("uri");
        assert_eq!(
            redacted_target(&uri, "/sell"),
            "/sell?csrf_token=[redacted]&x=1"
        );
        let uri = "/password/reset/s3cret".parse().expect("uri");
        assert_eq!(
            redacted_target(&uri, "/password/reset/{token}"),
            "/password/reset/{token}"
        );
        let uri = "/search?q=lamp".parse().expect("uri");
        assert_eq!(redacted_target(&uri, "/search"), "/search?q=lamp");
    }
}
