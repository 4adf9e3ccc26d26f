//! Who is asking: the client's address for rate limits. Each proxy appends the address
//! it saw to `X-Forwarded-For`, and everything left of that was written by the client
//! itself; so behind `PASAR_TRUSTED_PROXIES` proxies the address is the one the
//! outermost of them saw, counted from the right. Without trusted proxies the header is
//! ignored.

use std::net::IpAddr;

use actix_web::HttpRequest;

pub fn ip(req: &HttpRequest, trusted_proxies: usize) -> String {
    let peer = req.peer_addr().map(|a| a.ip());
    let forwarded: Vec<&str> = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .collect();
    match from_forwarded(&forwarded, trusted_proxies).or(peer) {
        Some(ip) => ip.to_string(),
        None => "unknown".into(),
    }
}

/// The address `trusted` hops from the right of the `X-Forwarded-For` values.
fn from_forwarded(headers: &[&str], trusted: usize) -> Option<IpAddr> {
    if trusted == 0 {
        return None;
    }
    let hops: Vec<&str> = headers
        .iter()
        .flat_map(|h| h.split(','))
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .collect();
    // Fewer entries than proxies: the leftmost was still written by one of ours.
    let at = hops.len().saturating_sub(trusted);
    hops.get(at).and_then(|h| h.parse().ok())
}

/// Whether the request came from htmx (it then wants a fragment, not a page).
pub fn is_htmx(req: &HttpRequest) -> bool {
    req.headers().contains_key("hx-request")
}

#[cfg(test)]
mod tests {
    use super::from_forwarded;

    fn ip(headers: &[&str], trusted: usize) -> Option<String> {
        from_forwarded(headers, trusted).map(|i| i.to_string())
    }

    #[test]
    fn the_address_our_proxy_saw_wins_over_what_the_client_wrote() {
        assert_eq!(
            ip(&["6.6.6.6, 203.0.113.9"], 1).as_deref(),
            Some("203.0.113.9")
        );
        assert_eq!(
            ip(&["6.6.6.6, 203.0.113.9, 10.0.0.2"], 2).as_deref(),
            Some("203.0.113.9")
        );
        assert_eq!(
            ip(&["6.6.6.6", "203.0.113.9"], 1).as_deref(),
            Some("203.0.113.9")
        );
        assert_eq!(ip(&["203.0.113.9"], 2).as_deref(), Some("203.0.113.9"));
        assert_eq!(ip(&["2001:db8::1"], 1).as_deref(), Some("2001:db8::1"));
        assert_eq!(ip(&["6.6.6.6, 203.0.113.9"], 0), None);
        assert_eq!(ip(&["6.6.6.6, not-an-address"], 1), None);
        assert_eq!(ip(&[], 1), None);
    }
}
