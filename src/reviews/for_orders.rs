//! What the order page shows of reviews, registered at start-up as one of
//! `AppState::order_asides`: the seller's rating at checkout, and for a party of an
//! ended order the way to its review page (write, edit, or read).

use chrono::Utc;
use diesel::prelude::*;

use super::model::{self, Side};
use super::ratings;
use crate::config::Config;
use crate::i18n::Arg;
use crate::orders::for_reviews::{self, REVIEWABLE};
use crate::orders::model::OrderStatus;
use crate::orders::views::{Aside, AsideFor};

/// The lines for this viewer.
pub fn asides(conn: &mut PgConnection, cfg: &Config, at: AsideFor) -> QueryResult<Vec<Aside>> {
    let t = |key: &str| at.locale.t(key);
    let mut out = Vec::new();
    if at.status == OrderStatus::PendingPayment && at.viewer_id != at.seller_id {
        let r = ratings::ratings_of(conn, &[at.seller_id])?
            .remove(&at.seller_id)
            .unwrap_or_default();
        out.push(Aside {
            text: at.locale.t_args(
                "review-checkout-seller",
                &[("rating", Arg::Str(r.summary(at.locale, Side::Seller)))],
            ),
            href: Some(format!("/u/{}/reviews", at.seller_id)),
            button: false,
        });
        return Ok(out);
    }
    if !REVIEWABLE.contains(&at.status) {
        return Ok(out);
    }
    let Some(ended) = for_reviews::ended(conn, at.order_id)? else {
        return Ok(out);
    };
    let Some(other) = ended.other_party(at.viewer_id) else {
        return Ok(out);
    };
    let rows = model::of_order(conn, at.order_id)?;
    let mine = rows.iter().find(|r| r.author_id == at.viewer_id);
    let theirs = rows.iter().find(|r| r.author_id == other);
    let href = Some(format!("/orders/{}/review", at.order_id));
    let open = super::rules::window_end(cfg, &ended) > Utc::now();
    let side = if at.viewer_id == ended.buyer_id {
        Side::Buyer
    } else {
        Side::Seller
    };
    let (text, button) = match (mine, theirs) {
        (Some(m), _) if m.published_at.is_some() => (t("review-aside-read"), false),
        (None, Some(th)) if th.published_at.is_some() => (t("review-aside-read"), false),
        (Some(_), _) => (t("review-aside-edit"), false),
        (None, Some(_)) if open => (
            t(&format!("review-aside-write-waiting-{}", side.as_str())),
            true,
        ),
        (None, None) if open => (t(&format!("review-aside-write-{}", side.as_str())), true),
        _ => return Ok(out),
    };
    out.push(Aside { text, href, button });
    Ok(out)
}
