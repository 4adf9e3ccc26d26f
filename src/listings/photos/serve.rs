//! `GET /media/{name}`: the public photos of listings. Names never change content, so
//! browsers and proxies may keep them for a year and revalidation is answered without
//! reading storage.

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};

use super::files::valid_name;
use crate::web::AppError;
use crate::AppState;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/media/{name}")
            .route(web::get().to(serve))
            .route(web::head().to(serve)),
    );
}

/// `GET /media/{name}`: a stored photo. Names never change content, so browsers and
/// proxies may keep them for a year and revalidation is answered without reading storage.
async fn serve(
    req: HttpRequest,
    state: web::Data<AppState>,
    name: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let name = name.into_inner();
    if !valid_name(&name) {
        return Err(AppError::NotFound);
    }
    let etag = format!("\"{name}\"");
    let cache = (header::CACHE_CONTROL, "public, max-age=31536000, immutable");
    let not_modified = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    if not_modified {
        return Ok(HttpResponse::NotModified()
            .insert_header(cache)
            .insert_header((header::ETAG, etag))
            .finish());
    }
    let storage = state.storage.clone();
    let lookup = name.clone();
    let bytes = web::block(move || storage.get(&lookup))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("blocking pool: {e}")))?
        .map_err(|e| AppError::Internal(anyhow::Error::new(e).context("reading a photo")))?
        .ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok()
        .content_type("image/jpeg")
        .insert_header(cache)
        .insert_header((header::ETAG, etag))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .body(bytes))
}
