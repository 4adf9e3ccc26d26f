//! Where a request may send the browser next (`next=` on login, the language switcher,
//! "resend the link", ...). A prefix test on the raw string misses what browsers quietly
//! drop or rewrite (tabs, newlines, backslashes), so the value is parsed the way a
//! browser would, against the site's own base, and only a target with the site's origin
//! survives, reduced to its path.

use url::Url;

/// The target as a local path (with its query) when it stays on the site, else `/`.
pub fn local_target(base_url: &str, next: Option<&str>) -> String {
    next.and_then(|n| local_path(base_url, n))
        .unwrap_or_else(|| "/".into())
}

/// The local path `next` stands for, or `None` when it could leave the site.
pub fn local_path(base_url: &str, next: &str) -> Option<String> {
    // Browsers strip tabs and newlines inside URLs and trim control characters and
    // spaces around them, which turns `/\t/evil.example` into `//evil.example`: any such
    // character means the value was not written by this site.
    if next.is_empty() || next.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return None;
    }
    let base = Url::parse(base_url).ok()?;
    let target = base.join(next).ok()?;
    if target.origin() != base.origin() || !target.origin().is_tuple() {
        return None;
    }
    let path = target.path();
    // `http://our.host//evil.example` has a path a browser would read as a host.
    if !path.starts_with('/') || path.starts_with("//") || path.starts_with("/\\") {
        return None;
    }
    Some(match target.query() {
        Some(q) => format!("{path}?{q}"),
        None => path.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::local_target;

    const BASE: &str = "https://pasar.example";

    #[test]
    fn only_local_paths_survive() {
        let refused = [
            "https://evil.example",
            "http://evil.example/login",
            "//evil.example",
            "///evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "\\/evil.example",
            "/\t/evil.example",
            "\t//evil.example",
            "/\n/evil.example",
            "/\r/evil.example",
            "/\0/evil.example",
            " //evil.example",
            "//evil.example ",
            "/\u{a0}/evil.example",
            "http:evil.example",
            "HTTPS://EVIL.EXAMPLE",
            "HtTpS://evil.example",
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "//pasar.example@evil.example",
            "https://pasar.example@evil.example/",
            "https://pasar.example.evil.example/",
            "http://pasar.example/",
            "https://pasar.example:8443/",
            "https://pasar.example//evil.example",
            "/\u{2028}/evil.example",
            "",
        ];
        for payload in refused {
            assert_eq!(local_target(BASE, Some(payload)), "/", "{payload:?}");
        }
        let kept = [
            ("/me/settings", "/me/settings"),
            ("/search?q=lamp&sort=new", "/search?q=lamp&sort=new"),
            ("/x?u=https://evil.example", "/x?u=https://evil.example"),
            ("https://pasar.example/orders/7", "/orders/7"),
            ("HTTPS://PASAR.EXAMPLE/orders/7", "/orders/7"),
            // Percent-encoded slashes stay encoded: a browser reads them as a path.
            ("/%2F%2Fevil.example", "/%2F%2Fevil.example"),
            ("/%09/evil.example", "/%09/evil.example"),
            // Unicode slashes are not slashes to a URL parser; they stay in the path.
            (
                "/\u{ff0f}\u{ff0f}evil.example",
                "/%EF%BC%8F%EF%BC%8Fevil.example",
            ),
            ("/\u{2215}evil.example", "/%E2%88%95evil.example"),
            ("/a/../b", "/b"),
            // Same scheme without slashes is a relative path, to browsers too.
            ("https:evil.example", "/evil.example"),
        ];
        for (payload, expected) in kept {
            assert_eq!(local_target(BASE, Some(payload)), expected, "{payload:?}");
        }
        assert_eq!(local_target(BASE, None), "/");
    }
}
