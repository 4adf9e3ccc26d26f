//! Review pages: an order's review page with the form and the reply
//! (`/orders/{id}/review`), a member's reviews (`/u/{id}/reviews`) and
//! "how reviews work" (`/reviews/how`).

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::Utc;

use super::input::{check_reply, ReplyForm, ReviewForm};
use super::model::{self, Filter, Review, Side};
use super::rules::{self, Written};
use super::views::{
    HowPage, MemberReviewsPage, OrderReviewPage, ProfileReviews, Ratings, ReviewCard,
};
use super::{ratings, Error};
use crate::db;
use crate::orders::for_reviews;
use crate::web::auth::require_user;
use crate::web::form::FormErrors;
use crate::web::{redirect, render, render_status, AppError, Ctx};
use crate::AppState;

type Page = Result<HttpResponse, AppError>;

/// Reviews on one page of a member's reviews.
const PER_PAGE: i64 = 10;
/// Reviews the profile shows before "all reviews".
const ON_PROFILE: i64 = 3;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/orders/{id}/review")
            .get(order_page)
            .post(submit),
    )
    .service(web::resource("/orders/{id}/review/reply").post(submit_reply))
    .service(web::resource("/u/{id}/reviews").get(member_page))
    .service(web::resource("/reviews/how").get(how));
}

fn cards(conn: &mut diesel::PgConnection, rows: Vec<Review>) -> Result<Vec<ReviewCard>, AppError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.author_id).collect();
    let names = crate::accounts::model::display_names(conn, &ids)?;
    Ok(rows
        .into_iter()
        .map(|r| ReviewCard {
            author_name: names.get(&r.author_id).cloned().unwrap_or_default(),
            r,
        })
        .collect())
}

/// The order's review page for a party (or a moderator or admin, who see only what is
/// public); `None` when the order is not over (the caller sends the party back to it).
async fn load(
    ctx: Ctx,
    state: &AppState,
    order_id: i64,
    form: Option<ReviewForm>,
    errors: FormErrors,
    reply: ReplyForm,
    reply_error: Option<&'static str>,
) -> Result<Result<OrderReviewPage, Ctx>, AppError> {
    let user = require_user(&ctx)?;
    let (viewer, staff) = (user.id, user.can_moderate());
    let cfg = state.config.clone();
    let found = db::run(&state.pool, move |conn| {
        let (buyer, seller) = for_reviews::parties(conn, order_id)?.ok_or(AppError::NotFound)?;
        let side = if viewer == buyer {
            Some(Side::Buyer)
        } else if viewer == seller {
            Some(Side::Seller)
        } else if staff {
            None
        } else {
            return Err(AppError::NotFound);
        };
        let Some(ended) = for_reviews::ended(conn, order_id)? else {
            return Ok(None);
        };
        let rows = model::of_order(conn, order_id)?;
        let all = cards(conn, rows)?;
        let names = crate::accounts::model::display_names(conn, &[buyer, seller])?;
        Ok(Some((side, ended, all, names, buyer, seller)))
    })
    .await?;
    let Some((side, ended, all, names, buyer, seller)) = found else {
        return Ok(Err(ctx));
    };
    // Staff look at the buyer's side: "mine" is the buyer's review, shown once public.
    let me = match side {
        Some(_) => viewer,
        None => buyer,
    };
    let other_id = if me == buyer { seller } else { buyer };
    let (mut mine, mut theirs) = (None, None);
    for c in all {
        if c.r.author_id == me {
            mine = Some(c);
        } else {
            theirs = Some(c);
        }
    }
    if side.is_none() {
        mine = mine.filter(|c| c.r.published_at.is_some());
    }
    let theirs_written = theirs.is_some();
    // Double-blind: the other party's review stays hidden until it is published.
    let theirs = theirs.filter(|c| c.r.published_at.is_some() && c.r.removed_at.is_none());
    let mine = mine.filter(|c| side.is_some() || c.r.removed_at.is_none());
    let window_ends = rules::window_end(&cfg, &ended);
    let form = form.unwrap_or_else(|| match &mine {
        Some(c) => ReviewForm::of(&super::input::Draft {
            stars: c.r.stars,
            body: c.r.body.clone(),
            aspects: match (c.r.as_described, c.r.communication, c.r.handover) {
                (Some(a), Some(b), Some(h)) => Some([a, b, h]),
                _ => None,
            },
        }),
        None => ReviewForm::default(),
    });
    Ok(Ok(OrderReviewPage {
        ctx,
        order_id,
        listing_id: ended.listing_id,
        title: ended.title,
        other_id,
        other_name: names.get(&other_id).cloned().unwrap_or_default(),
        side,
        mine,
        theirs,
        theirs_written,
        window_ends,
        window_open: window_ends > Utc::now(),
        form,
        errors,
        reply,
        reply_error,
    }))
}

/// Back to the order with a message (the order is not over, the window closed, the
/// review was published meanwhile).
fn to_order(ctx: &Ctx, order_id: i64, key: &str) -> HttpResponse {
    ctx.flash("error", ctx.t(key));
    redirect(&format!("/orders/{order_id}"))
}

async fn order_page(ctx: Ctx, state: web::Data<AppState>, id: web::Path<i64>) -> Page {
    let id = id.into_inner();
    match load(
        ctx,
        &state,
        id,
        None,
        FormErrors::default(),
        ReplyForm::default(),
        None,
    )
    .await?
    {
        Ok(page) => render(&page),
        Err(ctx) => Ok(to_order(&ctx, id, "review-error-not-ended")),
    }
}

/// The page again with the form's errors and what was typed (422).
async fn invalid(
    ctx: Ctx,
    state: &AppState,
    id: i64,
    form: Option<ReviewForm>,
    errors: FormErrors,
    reply: ReplyForm,
    reply_error: Option<&'static str>,
) -> Page {
    match load(ctx, state, id, form, errors, reply, reply_error).await? {
        Ok(page) => render_status(StatusCode::UNPROCESSABLE_ENTITY, &page),
        Err(ctx) => Ok(to_order(&ctx, id, "review-error-not-ended")),
    }
}

/// A refusal a form cannot fix: back to where the member can see why.
fn refused(ctx: &Ctx, id: i64, e: Error) -> Page {
    match e {
        Error::NotEnded | Error::WindowClosed => Ok(to_order(ctx, id, e.key())),
        Error::Published | Error::NoReply => {
            ctx.flash("error", ctx.t(e.key()));
            Ok(redirect(&format!("/orders/{id}/review")))
        }
        other => Err(other.into()),
    }
}

async fn submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<ReviewForm>,
) -> Page {
    let id = id.into_inner();
    let user = require_user(&ctx)?;
    let author = user.id;
    let form = form.into_inner();
    let cfg = state.config.clone();
    // Who writes decides the fields (the buyer rates three aspects too).
    let side = db::run(&state.pool, move |conn| {
        Ok(rules::may_write(conn, &cfg, id, author).map(|(_, side)| side))
    })
    .await?;
    let side = match side {
        Ok(s) => s,
        Err(e) => return refused(&ctx, id, e),
    };
    let draft = match form.check(side) {
        Ok(d) => d,
        Err(errors) => {
            return invalid(
                ctx,
                &state,
                id,
                Some(form),
                errors,
                ReplyForm::default(),
                None,
            )
            .await
        }
    };
    let cfg = state.config.clone();
    let done = db::run(&state.pool, move |conn| {
        Ok(rules::write(conn, &cfg, id, author, &draft))
    })
    .await?;
    match done {
        Ok(Written::Saved) => ctx.flash("success", ctx.t("review-done-saved")),
        Ok(Written::Published) => ctx.flash("success", ctx.t("review-done-published")),
        Err(e) => return refused(&ctx, id, e),
    }
    Ok(redirect(&format!("/orders/{id}/review")))
}

async fn submit_reply(
    ctx: Ctx,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<ReplyForm>,
) -> Page {
    let id = id.into_inner();
    let user = require_user(&ctx)?;
    let subject = user.id;
    let form = form.into_inner();
    let text = match check_reply(&form.reply) {
        Ok(t) => t,
        Err(key) => {
            return invalid(
                ctx,
                &state,
                id,
                None,
                FormErrors::default(),
                form,
                Some(key),
            )
            .await
        }
    };
    let done = db::run(&state.pool, move |conn| {
        Ok(rules::reply(conn, id, subject, &text))
    })
    .await?;
    match done {
        Ok(()) => {
            ctx.flash("success", ctx.t("review-done-replied"));
            Ok(redirect(&format!("/orders/{id}/review")))
        }
        Err(e) => refused(&ctx, id, e),
    }
}

/// The filters of a member's reviews page; anything unknown is ignored (a link that
/// went stale still shows reviews).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct MemberQuery {
    #[serde(rename = "as")]
    side: String,
    stars: String,
    page: String,
}

/// The profile's reviews section: both ratings and the latest public reviews.
pub fn profile_section(
    conn: &mut diesel::PgConnection,
    member_id: i64,
) -> Result<ProfileReviews, AppError> {
    let (seller, buyer) = ratings::of_member(conn, member_id)?;
    let (latest, _) = model::public_of(conn, member_id, Filter::default(), 0, ON_PROFILE)?;
    Ok(ProfileReviews {
        member_id,
        ratings: Ratings { seller, buyer },
        latest: cards(conn, latest)?,
    })
}

async fn member_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    query: web::Query<MemberQuery>,
) -> Page {
    let id = id.into_inner();
    let q = query.into_inner();
    let filter = Filter {
        rated_as: Side::parse(&q.side),
        stars: q.stars.parse::<i16>().ok().filter(|n| (1..=5).contains(n)),
    };
    let page = q
        .page
        .parse::<i64>()
        .ok()
        .filter(|p| (1..=10_000).contains(p))
        .map_or(0, |p| p - 1);
    let (name, section, rows, more) = db::run(&state.pool, move |conn| {
        let member = crate::accounts::model::public_member(conn, id)?.ok_or(AppError::NotFound)?;
        let section = profile_section(conn, id)?;
        let (rows, more) = model::public_of(conn, id, filter, page, PER_PAGE)?;
        Ok((member.display_name, section, cards(conn, rows)?, more))
    })
    .await?;
    render(&MemberReviewsPage {
        ctx,
        member_id: id,
        name,
        section,
        filter,
        reviews: rows,
        page,
        more,
    })
}

async fn how(ctx: Ctx, state: web::Data<AppState>) -> Page {
    render(&HowPage {
        ctx,
        days: state.config.review_window.as_secs() / 86_400,
    })
}
