//! `GET /listings/{id}`: the listing page, with what search engines and link previews
//! read from it.

use std::sync::Arc;

use actix_web::web;
use diesel::prelude::*;

use super::{editor, Page};
use crate::accounts::for_listings::{seller_card, SellerCard};
use crate::cache::Slot;
use crate::db::{self, schema::listings};
use crate::listings::categories::CategoryTree;
use crate::listings::model::{self, ListingCard};
use crate::listings::nearby::{self, Country};
use crate::listings::photos;
use crate::listings::status::ListingStatus;
use crate::listings::views::ListingPage;
use crate::web::{render, AppError, Ctx};
use crate::AppState;

/// Plain text to safe HTML: everything escaped, web links made clickable (and marked as
/// user content), line breaks kept.
pub fn description_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let escape = |s: &str| {
        askama::filters::escape(s, askama::filters::Html)
            .map(|e| e.to_string())
            .unwrap_or_default()
    };
    let mut finder = linkify::LinkFinder::new();
    finder.kinds(&[linkify::LinkKind::Url]);
    for span in finder.spans(text) {
        let s = span.as_str();
        let is_web = matches!(span.kind(), Some(linkify::LinkKind::Url))
            && (s.starts_with("https://") || s.starts_with("http://"));
        if is_web {
            let e = escape(s);
            out.push_str(&format!(
                "<a href=\"{e}\" rel=\"nofollow ugc noopener\" target=\"_blank\">{e}</a>"
            ));
        } else {
            out.push_str(&escape(s).replace('\n', "<br>\n"));
        }
    }
    out
}

/// What a listing page shows to everyone (kept in `Caches::listings`).
pub struct ListingData {
    listing: model::Listing,
    photos: Vec<model::Photo>,
    tree: Arc<CategoryTree>,
    seller: SellerCard,
    seller_rating: crate::reviews::Rating,
    similar: Vec<ListingCard>,
}

impl ListingData {
    /// Four statements with the category tree kept: the listing with its photos, its
    /// seller's card (from accounts, which own `users`), the similar items (one more
    /// per spelling of the viewer's country), then the ratings of the seller and of the
    /// similar items' sellers together (from reviews).
    pub fn load(
        conn: &mut PgConnection,
        kept_tree: &Slot<CategoryTree>,
        id: i64,
        near: Option<&Country>,
    ) -> QueryResult<ListingData> {
        let (listing, photos): (model::Listing, serde_json::Value) = listings::table
            .filter(listings::id.eq(id))
            .select((model::Listing::as_select(), model::photos_json()))
            .first(conn)?;
        let seller = seller_card(conn, listing.seller_id)?;
        let mut similar = similar(conn, &listing, near)?;
        let mut ids: Vec<i64> = similar.iter().map(|c| c.seller_id).collect();
        ids.push(listing.seller_id);
        let ratings = crate::reviews::ratings_of(conn, &ids)?;
        for c in similar.iter_mut() {
            c.seller_rating = ratings.get(&c.seller_id).copied().unwrap_or_default();
        }
        Ok(ListingData {
            photos: model::parse_photos(photos)?,
            tree: CategoryTree::cached(conn, kept_tree)?,
            seller,
            seller_rating: ratings.get(&listing.seller_id).copied().unwrap_or_default(),
            similar,
            listing,
        })
    }
}

pub(super) async fn show(ctx: Ctx, state: web::Data<AppState>, id: web::Path<i64>) -> Page {
    let id = id.into_inner();
    let viewer = ctx.user.as_ref().map(editor);
    let (pool, caches) = (state.pool.clone(), state.caches.clone());
    let near = Country::of_viewer(ctx.user.as_ref().map(|u| u.country.as_str()), ctx.locale);
    let key = (
        id,
        near.as_ref().map(Country::cache_key).unwrap_or_default(),
    );
    let data = state
        .caches
        .listings
        .get_or_load(key, move || async move {
            db::run(&pool, move |conn| {
                Ok(Arc::new(ListingData::load(
                    conn,
                    &caches.tree,
                    id,
                    near.as_ref(),
                )?))
            })
            .await
        })
        .await?;
    let ListingData {
        listing,
        photos,
        tree,
        seller,
        seller_rating,
        similar,
    } = &*data;
    let (listing, photos, seller, seller_rating, similar) = (
        listing.clone(),
        photos.clone(),
        seller.clone(),
        *seller_rating,
        similar.clone(),
    );
    let owner = viewer.is_some_and(|a| a.may_change(&listing));
    if !listing.status.is_public() && !owner {
        return Err(AppError::NotFound);
    }
    if !owner {
        state.views.hit(id);
    }
    let attributes = tree
        .attributes(listing.category_id)
        .iter()
        .filter_map(|d| {
            let v = listing.attributes.get(&d.key)?.as_str()?;
            Some((d.label(ctx.locale), d.option_label(v, ctx.locale)))
        })
        .collect();
    let canonical = format!("{}/listings/{}", state.config.base_url, listing.id);
    let og_image = photos.first().map(|p| {
        format!(
            "{}{}",
            state.config.base_url,
            photos::url(&p.storage_key, photos::best_width(p.width, 1280))
        )
    });
    let json_ld = product_json_ld(&listing, &photos, &state.config.base_url, &canonical);
    let trail = tree
        .trail(listing.category_id)
        .into_iter()
        .cloned()
        .collect();
    render(&ListingPage {
        description_html: description_html(&listing.description),
        ctx,
        listing,
        photos,
        trail,
        attributes,
        seller,
        seller_rating,
        similar,
        owner,
        canonical,
        og_image,
        json_ld,
        buy_key: uuid::Uuid::new_v4().to_string(),
    })
}

/// schema.org Product data for search engines and link previews. `<` is escaped so the
/// JSON cannot close its script element.
fn product_json_ld(
    listing: &model::Listing,
    photos: &[model::Photo],
    base: &str,
    url: &str,
) -> String {
    let digits = crate::i18n::format::minor_digits(&listing.currency);
    let price = if digits == 0 {
        listing.price_minor.to_string()
    } else {
        let scale = 10i64.pow(digits);
        format!(
            "{}.{:0w$}",
            listing.price_minor / scale,
            listing.price_minor % scale,
            w = digits as usize
        )
    };
    let condition = match listing.condition.as_str() {
        "new_with_tags" | "new" => "https://schema.org/NewCondition",
        "for_parts" => "https://schema.org/DamagedCondition",
        _ => "https://schema.org/UsedCondition",
    };
    let availability = if listing.status == ListingStatus::Active && listing.quantity > 0 {
        "https://schema.org/InStock"
    } else {
        "https://schema.org/OutOfStock"
    };
    let images: Vec<String> = photos
        .iter()
        .map(|p| {
            format!(
                "{base}{}",
                photos::url(&p.storage_key, photos::best_width(p.width, 1280))
            )
        })
        .collect();
    let value = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Product",
        "name": listing.title,
        "description": listing.description.chars().take(500).collect::<String>(),
        "image": images,
        "url": url,
        "offers": {
            "@type": "Offer",
            "price": price,
            "priceCurrency": listing.currency,
            "availability": availability,
            "itemCondition": condition,
            "url": url,
        }
    });
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// Other active items of the same category, newest first, those of the viewer's
/// country before the rest.
fn similar(
    conn: &mut PgConnection,
    listing: &model::Listing,
    near: Option<&Country>,
) -> QueryResult<Vec<ListingCard>> {
    nearby::newest(conn, near, Some(listing.category_id), Some(listing.id), 8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_are_escaped_and_linked() {
        let html = description_html(
            "Nice <b>bag</b>\nsee https://example.com/x?a=1&b=2 or javascript:alert(1)",
        );
        assert!(
            html.contains("&#60;b&#62;") || html.contains("&lt;b&gt;"),
            "{html}"
        );
        assert!(html.contains("<br>"));
        assert!(
            html.contains("<a href=\"https://example.com/x?a=1&#38;b=2\"")
                || html.contains("<a href=\"https://example.com/x?a=1&amp;b=2\""),
            "{html}"
        );
        assert!(!html.contains("<a href=\"javascript"));
    }
}
