//! Page models of reviews: an order's review page (the form, both reviews, the reply),
//! a member's reviews, the profile's section and "how reviews work".

use std::borrow::Borrow;

use askama::Template;
use chrono::{DateTime, Utc};

use super::input::{ReplyForm, ReviewForm};
use super::model::{Filter, Review, Side};
use super::ratings::Rating;
use crate::web::form::FormErrors;
use crate::web::Ctx;

/// A review as pages show it, with its author's name.
#[derive(Clone, Debug)]
pub struct ReviewCard {
    pub r: Review,
    pub author_name: String,
}

impl ReviewCard {
    /// "★★★★☆" (the label next to it says it in words).
    pub fn glyphs(&self) -> String {
        glyphs(self.r.stars)
    }

    /// The buyer's aspects with their message keys.
    pub fn aspects(&self) -> Vec<(&'static str, i16)> {
        [
            ("review-aspect-as-described", self.r.as_described),
            ("review-aspect-communication", self.r.communication),
            ("review-aspect-handover", self.r.handover),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect()
    }

    /// The message key of "as a buyer" / "as a seller" (the author's side).
    pub fn from_key(&self) -> &'static str {
        match self.r.author_role {
            Side::Buyer => "review-from-buyer",
            Side::Seller => "review-from-seller",
        }
    }
}

pub fn glyphs(stars: i16) -> String {
    let n = stars.clamp(0, 5) as usize;
    format!("{}{}", "★".repeat(n), "☆".repeat(5 - n))
}

/// `GET /orders/{id}/review`.
#[derive(Template)]
#[template(path = "reviews/order.html")]
pub struct OrderReviewPage {
    pub ctx: Ctx,
    pub order_id: i64,
    pub listing_id: i64,
    pub title: String,
    pub other_id: i64,
    pub other_name: String,
    /// The viewer's side; `None` for a moderator or admin looking on.
    pub side: Option<Side>,
    pub mine: Option<ReviewCard>,
    /// The other party's review, once it is public (or to staff once public).
    pub theirs: Option<ReviewCard>,
    /// The other party has written one (its content hidden until it is public).
    pub theirs_written: bool,
    pub window_ends: DateTime<Utc>,
    pub window_open: bool,
    pub form: ReviewForm,
    pub errors: FormErrors,
    pub reply: ReplyForm,
    pub reply_error: Option<&'static str>,
}

impl OrderReviewPage {
    /// The form is shown: a party, the window open, their review not public yet.
    pub fn may_write(&self) -> bool {
        self.side.is_some()
            && self.window_open
            && self
                .mine
                .as_ref()
                .is_none_or(|m| m.r.published_at.is_none())
    }

    pub fn is_buyer(&self) -> bool {
        self.side == Some(Side::Buyer)
    }

    /// The reply form under the other party's review of the viewer.
    pub fn may_reply(&self) -> bool {
        self.side.is_some()
            && self
                .theirs
                .as_ref()
                .is_some_and(|t| t.r.is_public() && t.r.reply.is_none())
    }

    pub fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field).map(|k| self.ctx.t(k))
    }

    pub fn chosen(&self, field: &str, n: &i16) -> bool {
        let v = match field {
            "stars" => &self.form.stars,
            "as_described" => &self.form.as_described,
            "communication" => &self.form.communication,
            _ => &self.form.handover,
        };
        v.trim() == n.to_string()
    }

    pub fn when(&self, at: &DateTime<Utc>) -> String {
        self.ctx.date(at)
    }

    pub fn star_choices(&self) -> [i16; 5] {
        [5, 4, 3, 2, 1]
    }

    pub fn aspect_fields(&self) -> [(&'static str, &'static str); 3] {
        [
            ("as_described", "review-aspect-as-described"),
            ("communication", "review-aspect-communication"),
            ("handover", "review-aspect-handover"),
        ]
    }
}

/// A member's two ratings and how a page shows them.
#[derive(Clone, Debug, Default)]
pub struct Ratings {
    pub seller: Rating,
    pub buyer: Rating,
}

/// The reviews section of the public profile (`templates/reviews/_profile.html`).
#[derive(Clone, Debug, Default)]
pub struct ProfileReviews {
    pub member_id: i64,
    pub ratings: Ratings,
    pub latest: Vec<ReviewCard>,
}

impl ProfileReviews {
    pub fn sides(&self) -> [(Side, &Rating); 2] {
        [
            (Side::Seller, &self.ratings.seller),
            (Side::Buyer, &self.ratings.buyer),
        ]
    }
}

/// `GET /u/{id}/reviews`.
#[derive(Template)]
#[template(path = "reviews/member.html")]
pub struct MemberReviewsPage {
    pub ctx: Ctx,
    pub member_id: i64,
    pub name: String,
    pub section: ProfileReviews,
    pub filter: Filter,
    pub reviews: Vec<ReviewCard>,
    /// Zero-based.
    pub page: i64,
    pub more: bool,
}

impl MemberReviewsPage {
    /// The query string of this filter on another page (or with another filter).
    pub fn link(
        &self,
        rated_as: impl Borrow<Option<Side>>,
        stars: impl Borrow<Option<i16>>,
        page: i64,
    ) -> String {
        let (rated_as, stars) = (*rated_as.borrow(), *stars.borrow());
        let mut parts = Vec::new();
        if let Some(s) = rated_as {
            parts.push(format!("as={}", s.as_str()));
        }
        if let Some(n) = stars {
            parts.push(format!("stars={n}"));
        }
        if page > 0 {
            parts.push(format!("page={}", page + 1));
        }
        if parts.is_empty() {
            format!("/u/{}/reviews", self.member_id)
        } else {
            format!("/u/{}/reviews?{}", self.member_id, parts.join("&"))
        }
    }

    pub fn side_is(&self, s: &Option<Side>) -> bool {
        self.filter.rated_as == *s
    }

    pub fn stars_is(&self, n: &Option<i16>) -> bool {
        self.filter.stars == *n
    }

    pub fn side_choices(&self) -> [(Option<Side>, &'static str); 3] {
        [
            (None, "review-filter-all"),
            (Some(Side::Seller), "review-filter-as-seller"),
            (Some(Side::Buyer), "review-filter-as-buyer"),
        ]
    }

    pub fn star_choices(&self) -> [Option<i16>; 6] {
        [None, Some(5), Some(4), Some(3), Some(2), Some(1)]
    }
}

/// `GET /reviews/how`.
#[derive(Template)]
#[template(path = "reviews/how.html")]
pub struct HowPage {
    pub ctx: Ctx,
    pub days: u64,
}
