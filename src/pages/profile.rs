//! `GET /u/{id}`: a member's public profile (accounts) with what they have on sale and
//! whether they are on holiday (listings).

use actix_web::{web, HttpResponse};

use crate::accounts;
use crate::db;
use crate::listings::views::{ProfilePage, SellerCard};
use crate::listings::{on_sale, rules};
use crate::web::{render, AppError, Ctx};
use crate::AppState;

/// Listings shown on a profile; the count above them says how many there are in all.
const SHOWN: i64 = 48;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/u/{id}").get(profile));
}

async fn profile(
    ctx: Ctx,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let (member, holiday_until, (mut listings, active_count), review_section) =
        db::run(&state.pool, move |conn| {
            let member = accounts::model::public_member(conn, id)?.ok_or(AppError::NotFound)?;
            Ok((
                member,
                rules::holiday_until(conn, id)?,
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
        seller: SellerCard {
            id: member.id,
            name: member.display_name,
            city: member.city,
            country: member.country,
            verified: member.verified,
            member_since: member.member_since,
            holiday_until,
            rating: review_section.ratings.seller,
        },
        bio: member.bio,
        listings,
        active_count,
        review_section,
    })
}
