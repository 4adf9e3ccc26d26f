//! `GET /u/{id}`: a member's public profile: who they are (accounts), the numbers of
//! their orders that anyone can check (orders), and what they have on sale (listings).

use actix_web::{web, HttpResponse};
use askama::Template;

use crate::accounts::model::PublicMember;
use crate::db;
use crate::listings::model::ListingCard;
use crate::listings::{on_sale, photos};
use crate::orders::for_profile::{self, Trust};
use crate::web::{render, AppError, Ctx};
use crate::{accounts, AppState};

/// Listings shown on a profile; the count above them says how many there are in all.
const SHOWN: i64 = 48;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/u/{id}").get(profile));
}

#[derive(Template)]
#[template(path = "pages/profile.html")]
pub struct ProfilePage {
    pub ctx: Ctx,
    pub member: PublicMember,
    pub trust: Trust,
    pub listings: Vec<ListingCard>,
    pub active_count: i64,
    /// Ratings and the latest reviews (`templates/reviews/_profile.html`).
    pub review_section: crate::reviews::views::ProfileReviews,
}

impl ProfilePage {
    pub fn holiday_date(&self) -> Option<String> {
        self.member.holiday().map(|d| self.ctx.day(d))
    }

    pub fn avatar(&self) -> Option<String> {
        self.member.avatar_key.as_deref().map(photos::avatar_url)
    }

    pub fn initial(&self) -> char {
        self.member.display_name.chars().next().unwrap_or('?')
    }

    // Each rate is `None` below its sample (`for_profile::MIN_SAMPLE`): the page then
    // says "not enough orders yet" rather than 0 % or 100 %.

    pub fn on_time(&self) -> Option<String> {
        self.trust
            .on_time_percent()
            .map(|p| self.ctx.t1("trust-percent", "n", p))
    }

    pub fn cancelled(&self) -> Option<String> {
        self.trust
            .cancelled_percent()
            .map(|p| self.ctx.t1("trust-percent", "n", p))
    }

    /// Hours up to two days, then days (rounded).
    pub fn time_to_ship(&self) -> Option<String> {
        self.trust.median_ship_hours().map(|h| match h {
            0 => self.ctx.t("trust-under-an-hour"),
            1..=47 => self.ctx.tn("trust-hours", "count", h),
            _ => self.ctx.tn("trust-days", "count", (h + 12) / 24),
        })
    }
}

async fn profile(
    ctx: Ctx,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let (member, trust, (mut listings, active_count), review_section) =
        db::run(&state.pool, move |conn| {
            let member = accounts::model::public_member(conn, id)?.ok_or(AppError::NotFound)?;
            Ok((
                member,
                for_profile::trust(conn, id)?,
                on_sale::by_seller(conn, id, SHOWN)?,
                crate::reviews::routes::profile_section(conn, id)?,
            ))
        })
        .await?;
    // One seller: the cards carry the rating the reviews section loaded already.
    for card in listings.iter_mut() {
        card.seller_rating = review_section.ratings.seller;
    }
    render(&ProfilePage {
        ctx,
        member,
        trust,
        listings,
        active_count,
        review_section,
    })
}
