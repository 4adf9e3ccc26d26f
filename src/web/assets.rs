//! Static files compiled into the binary and served under a content-hash URL
//! (`/static/<hash>/<name>`), so browsers may cache them for a year.

use std::collections::HashMap;
use std::sync::LazyLock;

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use sha2::{Digest, Sha256};

struct Asset {
    name: &'static str,
    bytes: &'static [u8],
    mime: &'static str,
}

static ASSETS: &[Asset] = &[
    Asset {
        name: "htmx.min.js",
        bytes: include_bytes!("../../static/htmx.min.js"),
        mime: "text/javascript; charset=utf-8",
    },
    Asset {
        name: "app.js",
        bytes: include_bytes!("../../static/app.js"),
        mime: "text/javascript; charset=utf-8",
    },
    Asset {
        name: "tz.js",
        bytes: include_bytes!("../../static/tz.js"),
        mime: "text/javascript; charset=utf-8",
    },
    Asset {
        name: "app.css",
        bytes: include_bytes!("../../static/app.css"),
        mime: "text/css; charset=utf-8",
    },
    Asset {
        name: "logo.svg",
        bytes: include_bytes!("../../static/logo.svg"),
        mime: "image/svg+xml",
    },
];

static HASHES: LazyLock<HashMap<&'static str, String>> = LazyLock::new(|| {
    ASSETS
        .iter()
        .map(|a| (a.name, hex::encode(&Sha256::digest(a.bytes)[..6])))
        .collect()
});

/// The cache-busting URL of a static file.
pub fn url(name: &str) -> String {
    match HASHES.get(name) {
        Some(h) => format!("/static/{h}/{name}"),
        None => format!("/static/0/{name}"),
    }
}

pub async fn serve(path: web::Path<(String, String)>) -> HttpResponse {
    let (hash, name) = path.into_inner();
    let Some(asset) = ASSETS.iter().find(|a| a.name == name) else {
        return HttpResponse::NotFound().finish();
    };
    // An old hash still gets the file, but without the long cache lifetime.
    let cache = if HASHES.get(asset.name) == Some(&hash) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    HttpResponse::Ok()
        .content_type(asset.mime)
        .insert_header((header::CACHE_CONTROL, cache))
        .body(asset.bytes)
}

/// `/favicon.ico`: browsers and crawlers ask for it whatever the page links; the logo
/// answers (every current browser takes an SVG icon whatever the name).
pub async fn favicon() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("image/svg+xml")
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(include_bytes!("../../static/logo.svg").as_slice())
}
