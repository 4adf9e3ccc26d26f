//! The home page.

use actix_web::{web, HttpResponse};
use askama::Template;
use std::sync::Arc;

use diesel::prelude::*;

use crate::cache::Caches;
use crate::db::{self, schema::users};
use crate::listings::nearby::Country;
use crate::listings::{self, categories::Category, categories::CategoryTree, model::ListingCard};
use crate::web::{render, AppError, Ctx};
use crate::AppState;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/").get(home));
}

/// A member shown on the home page.
#[derive(Queryable, Clone)]
pub struct MemberCard {
    pub id: i64,
    pub display_name: String,
    pub city: String,
    pub country: String,
    pub verified: bool,
}

/// The home page's sections, the same for every viewer of one country (kept in
/// `Caches::home`).
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
        .caches
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
    let members = users::table
        .filter(users::deletion_requested_at.is_null())
        .order(users::id.desc())
        .limit(8)
        .select((
            users::id,
            users::display_name,
            users::city,
            users::country,
            users::email_verified_at.is_not_null(),
        ))
        .load::<MemberCard>(conn)?;
    let member_count = users::table
        .filter(users::deletion_requested_at.is_null())
        .count()
        .get_result(conn)?;
    let recent = listings::nearby::newest(conn, near, None, None, 24)?;
    let categories = CategoryTree::cached(conn, caches)?
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
