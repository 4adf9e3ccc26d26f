//! The home page: newest members (accounts), newest listings near the viewer and the
//! top categories (listings).

use actix_web::{web, HttpResponse};
use askama::Template;
use std::sync::Arc;

use diesel::PgConnection;

use crate::accounts::{self, model::MemberCard};
use crate::db;
use crate::listings::caches::Caches;
use crate::listings::nearby::Country;
use crate::listings::{self, categories::Category, categories::CategoryTree, model::ListingCard};
use crate::web::{render, AppError, Ctx};
use crate::AppState;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/").get(home));
}

/// The home page's sections, the same for every viewer of one country (kept in
/// `AppState::home`).
pub struct HomeData {
    members: Vec<MemberCard>,
    member_count: i64,
    recent: Vec<ListingCard>,
    categories: Vec<Category>,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    ctx: Ctx,
    members: Vec<MemberCard>,
    member_count: i64,
    recent: Vec<ListingCard>,
    categories: Vec<Category>,
}

async fn home(ctx: Ctx, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let (pool, caches) = (state.pool.clone(), state.caches.clone());
    let near = Country::of_viewer(ctx.user.as_ref().map(|u| u.country.as_str()), ctx.locale);
    let key = near.as_ref().map(Country::cache_key).unwrap_or_default();
    let data = state
        .home
        .get_or_load(key, move || async move {
            Ok(Arc::new(
                db::run(&pool, move |conn| load(conn, &caches, near.as_ref())).await?,
            ))
        })
        .await?;
    render(&HomePage {
        ctx,
        members: data.members.clone(),
        member_count: data.member_count,
        recent: data.recent.clone(),
        categories: data.categories.clone(),
    })
}

fn load(
    conn: &mut PgConnection,
    caches: &Caches,
    near: Option<&Country>,
) -> Result<HomeData, AppError> {
    let members = accounts::model::newest_members(conn, 8)?;
    let member_count = accounts::model::member_count(conn)?;
    let mut recent = listings::nearby::newest(conn, near, None, None, 24)?;
    listings::model::with_ratings(conn, &mut recent)?;
    let categories = CategoryTree::cached(conn, &caches.tree)?
        .top_level()
        .into_iter()
        .cloned()
        .collect();
    Ok(HomeData {
        members,
        member_count,
        recent,
        categories,
    })
}
