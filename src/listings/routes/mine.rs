//! The seller's own list (`GET /me/listings`, a tab per status) and holiday mode.

use actix_web::web;
use diesel::prelude::*;

use super::Page;
use crate::db::{self, schema::listings, schema::users};
use crate::listings::model;
use crate::listings::rules;
use crate::listings::status::ListingStatus;
use crate::listings::views::MyListingsPage;
use crate::web::auth::require_user;
use crate::web::{redirect, render, Ctx};
use crate::AppState;

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub(super) struct TabQuery {
    status: String,
}

pub(super) async fn my_listings(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<TabQuery>,
) -> Page {
    let user = require_user(&ctx)?.clone();
    let tab = ListingStatus::parse(&q.status)
        .filter(|s| ListingStatus::TABS.contains(s))
        .unwrap_or(ListingStatus::Active);
    let uid = user.id;
    let (counts, rows, holiday) = db::run(&state.pool, move |conn| {
        let counts: Vec<(ListingStatus, i64)> = listings::table
            .filter(listings::seller_id.eq(uid))
            .group_by(listings::status)
            .select((listings::status, diesel::dsl::count_star()))
            .load(conn)?;
        let rows = listings::table
            .inner_join(users::table)
            .filter(listings::seller_id.eq(uid))
            .filter(listings::status.eq(tab))
            .order((listings::updated_at.desc(), listings::id.desc()))
            .limit(200)
            .select(model::card_columns())
            .load(conn)?;
        Ok((counts, rows, rules::holiday_until(conn, uid)?))
    })
    .await?;
    let tabs = ListingStatus::TABS
        .into_iter()
        .map(|s| {
            let n = counts
                .iter()
                .find(|(st, _)| *st == s)
                .map_or(0, |(_, n)| *n);
            (s.as_str(), n)
        })
        // The moderation tab only when something is held: most sellers never see it.
        .filter(|(s, n)| *s != ListingStatus::Hidden.as_str() || *n > 0)
        .collect();
    render(&MyListingsPage {
        ctx,
        tab,
        tabs,
        rows,
        holiday_until: holiday,
        today: chrono::Utc::now().date_naive(),
    })
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub(super) struct HolidayForm {
    until: String,
}

pub(super) async fn start_holiday(
    ctx: Ctx,
    state: web::Data<AppState>,
    form: web::Form<HolidayForm>,
) -> Page {
    let user = require_user(&ctx)?.clone();
    let today = chrono::Utc::now().date_naive();
    let until = chrono::NaiveDate::parse_from_str(form.until.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| *d > today && *d <= today + chrono::Duration::days(366));
    let Some(until) = until else {
        ctx.flash("error", ctx.t("holiday-date-invalid"));
        return Ok(redirect("/me/listings"));
    };
    let uid = user.id;
    db::run(&state.pool, move |conn| {
        Ok(rules::set_holiday(conn, uid, Some(until))?)
    })
    .await?;
    ctx.flash(
        "success",
        ctx.t1("flash-holiday-on", "date", ctx.day(until)),
    );
    Ok(redirect("/me/listings"))
}

pub(super) async fn end_holiday(ctx: Ctx, state: web::Data<AppState>) -> Page {
    let user = require_user(&ctx)?.clone();
    let uid = user.id;
    db::run(&state.pool, move |conn| {
        Ok(rules::set_holiday(conn, uid, None)?)
    })
    .await?;
    ctx.flash("success", ctx.t("flash-holiday-off"));
    Ok(redirect("/me/listings"))
}
