//! `GET /u/{id}`: a member's public profile with what they have on sale.

use actix_web::web;
use diesel::prelude::*;

use super::show::seller_card;
use super::Page;
use crate::db::{self, schema::listings, schema::users};
use crate::listings::model;
use crate::listings::status::ListingStatus;
use crate::listings::views::ProfilePage;
use crate::web::{render, AppError, Ctx};
use crate::AppState;

pub(super) async fn profile(ctx: Ctx, state: web::Data<AppState>, id: web::Path<i64>) -> Page {
    let id = id.into_inner();
    let (seller, bio, listings, active_count) = db::run(&state.pool, move |conn| {
        let deleted: Option<chrono::DateTime<chrono::Utc>> = users::table
            .find(id)
            .select(users::deletion_requested_at)
            .first(conn)?;
        if deleted.is_some() {
            return Err(AppError::NotFound);
        }
        let seller = seller_card(conn, id)?;
        let bio: String = users::table.find(id).select(users::bio).first(conn)?;
        let base = listings::table
            .inner_join(users::table)
            .filter(listings::seller_id.eq(id))
            .filter(listings::status.eq(ListingStatus::Active));
        let listings = base
            .order((listings::published_at.desc(), listings::id.desc()))
            .limit(48)
            .select(model::card_columns())
            .load(conn)?;
        let count = base.count().get_result(conn)?;
        Ok((seller, bio, listings, count))
    })
    .await?;
    render(&ProfilePage {
        ctx,
        seller,
        bio,
        listings,
        active_count,
    })
}
