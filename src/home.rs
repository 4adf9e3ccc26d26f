//! The home page.

use actix_web::{web, HttpResponse};
use askama::Template;
use diesel::prelude::*;

use crate::db::{self, schema::users};
use crate::listings::{self, categories::Category, categories::CategoryTree, model::ListingCard};
use crate::web::{render, AppError, Ctx};
use crate::AppState;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/").get(home));
}

/// A member shown on the home page.
#[derive(Queryable)]
pub struct MemberCard {
    pub id: i64,
    pub display_name: String,
    pub city: String,
    pub country: String,
    pub verified: bool,
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
    let (members, member_count, recent, categories) = db::run(&state.pool, |conn| {
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
        let count = users::table
            .filter(users::deletion_requested_at.is_null())
            .count()
            .get_result(conn)?;
        let recent = listings::model::recent(conn, 24)?;
        let categories = CategoryTree::load(conn)?
            .top_level()
            .into_iter()
            .cloned()
            .collect();
        Ok((members, count, recent, categories))
    })
    .await?;
    render(&HomePage {
        ctx,
        members,
        member_count,
        recent,
        categories,
    })
}
