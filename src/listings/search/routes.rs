//! The handlers of `/search` and `/c/{slug}`: the whole page, or for htmx the results
//! fragment, answered from the page cache when the same page was just asked for.

use std::sync::Arc;

use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::{web, HttpRequest, HttpResponse};

use super::super::categories::CategoryTree;
use super::outcome::{run, Outcome};
use super::query::SearchQuery;
use super::scope::{resolve, Scope};
use super::views::{self, ResultsFragment};
use crate::web::{render, AppError, Ctx};
use crate::AppState;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/search").get(search_page))
        .service(web::resource("/c/{slug}").get(category_page));
}

pub(super) type Page = Result<HttpResponse, AppError>;

/// htmx asks for the fragment only for its own swaps: a boosted navigation and a
/// history restore (we keep no history cache) need the whole page.
pub(super) fn wants_fragment(req: &HttpRequest) -> bool {
    let h = req.headers();
    h.contains_key("hx-request")
        && !h.contains_key("hx-boosted")
        && !h.contains_key("hx-history-restore-request")
}

/// A resolved and answered search (kept in `Caches::search`).
pub struct Found {
    tree: Arc<CategoryTree>,
    q: SearchQuery,
    scope: Scope,
    outcome: Outcome,
}

/// Loads the tree, resolves the query and runs it, all on one connection; or takes the
/// answer the process gave to the same page a moment ago. `None`: no such category.
pub(super) async fn load(
    state: &AppState,
    req: &HttpRequest,
    locale: crate::i18n::Locale,
    slug: Option<String>,
) -> Result<Option<Arc<Found>>, AppError> {
    let key = format!("{}|{}|{}", locale.code(), req.path(), req.query_string());
    // Held until the answer is in: a client's searches beyond its share wait for none
    // of the pool's connections.
    let client = crate::web::client::ip(req, state.config.trusted_proxies);
    let _pass = state
        .searches
        .enter(&client)
        .ok_or(AppError::SearchesBusy)?;
    let mut q = SearchQuery::parse(req.query_string(), locale);
    // On a category page the path names the category; `category=` does not override it.
    if slug.is_some() {
        q.category.clear();
    }
    let (pool, caches) = (state.pool.clone(), state.caches.clone());
    state
        .caches
        .search
        .get_or_load(key, move || async move {
            crate::db::run(&pool, move |conn| {
                let tree = CategoryTree::cached(conn, &caches.tree)?;
                let on_category_page = slug.is_some();
                if let Some(slug) = slug {
                    if tree.by_slug(&slug).is_none() {
                        return Ok(None);
                    }
                    q.category = slug;
                }
                let mut scope = resolve(&tree, &mut q);
                scope.count_all_categories = !on_category_page;
                let mut outcome = run(conn, &q, &scope)?;
                crate::listings::model::with_ratings(conn, &mut outcome.cards)?;
                Ok(Some(Arc::new(Found {
                    tree,
                    q,
                    scope,
                    outcome,
                })))
            })
            .await
        })
        .await
}

pub(super) async fn search_page(ctx: Ctx, req: HttpRequest, state: web::Data<AppState>) -> Page {
    results_page(ctx, req, &state, None).await
}

pub(super) async fn category_page(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Page {
    results_page(ctx, req, &state, Some(slug.into_inner())).await
}

pub(super) async fn results_page(
    ctx: Ctx,
    req: HttpRequest,
    state: &AppState,
    slug: Option<String>,
) -> Page {
    let found = load(state, &req, ctx.locale, slug.clone())
        .await?
        .ok_or(AppError::NotFound)?;
    let f = &*found;
    let view = views::build(
        &ctx,
        &f.tree,
        f.q.clone(),
        f.scope.clone(),
        f.outcome.clone(),
        slug,
    );
    respond(&req, ctx, view)
}

/// The whole page, or for htmx's live updates the results fragment; either way the
/// browser's address bar gets the canonical URL of these results.
pub(super) fn respond(req: &HttpRequest, ctx: Ctx, view: views::Results) -> Page {
    let url = view.self_url.clone();
    let category_page = view.category.clone().filter(|_| view.path != "/search");
    let mut resp = if wants_fragment(req) {
        render(&ResultsFragment { ctx, r: view })?
    } else if let Some(category) = category_page {
        render(&views::CategoryPage {
            ctx,
            r: view,
            category,
        })?
    } else {
        render(&views::SearchPage { ctx, r: view })?
    };
    let headers = resp.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&url) {
        headers.insert(HeaderName::from_static("hx-push-url"), v);
    }
    // The same URL answers a page or a fragment: caches must keep them apart.
    headers.insert(header::VARY, HeaderValue::from_static("HX-Request"));
    Ok(resp)
}
