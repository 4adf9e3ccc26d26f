//! Listing pages: sell, edit, status changes, the listing itself, the seller's own list,
//! holiday mode and public profiles. Browse and search live in `search`.

use std::sync::Arc;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use diesel::prelude::*;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::categories::CategoryTree;
use super::fields::{self, ListingInput};
use super::manage::{self, Actor, PhotoRef, StatusChange};
use super::model::{self, ListingCard, MAX_PHOTOS, STATUSES};
use super::nearby::{self, Country};
use super::photos;
use super::views::*;
use crate::accounts::fields::FormErrors;
use crate::accounts::model::User;
use crate::accounts::routes::require_user;
use crate::db::{self, schema::listings, schema::users};
use crate::i18n::Locale;
use crate::web::{redirect, render, render_status, AppError, Ctx};
use crate::AppState;

type Page = Result<HttpResponse, AppError>;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/sell").get(sell_page).post(create))
        .service(web::resource("/sell/attributes").get(attributes_fragment))
        .service(web::resource("/listings/{id}").get(show))
        .service(
            web::resource("/listings/{id}/edit")
                .get(edit_page)
                .post(update),
        )
        .service(web::resource("/listings/{id}/status").post(change_status))
        .service(web::resource("/me/listings").get(my_listings))
        .service(web::resource("/me/holiday").post(start_holiday))
        .service(web::resource("/me/holiday/end").post(end_holiday))
        .service(web::resource("/u/{id}").get(profile));
    super::search::configure(cfg);
    super::photos::configure(cfg);
}

// moved: re-export for branches in flight
pub use crate::web::auth::require_verified;

fn actor(user: &User) -> Actor {
    Actor {
        user_id: user.id,
        admin: user.role == "admin",
    }
}

fn default_currency(locale: Locale) -> &'static str {
    match locale {
        Locale::Id => "IDR",
        Locale::En => "USD",
        Locale::El | Locale::Fr => "EUR",
    }
}

// ---- the sell and edit form ---------------------------------------------------------

fn blank_input(ctx: &Ctx, user: &User) -> ListingInput {
    ListingInput {
        currency: default_currency(ctx.locale).into(),
        quantity: "1".into(),
        ships: true,
        city: user.city.clone(),
        country: user.country.clone(),
        condition: "good".into(),
        ..Default::default()
    }
}

async fn sell_page(ctx: Ctx, state: web::Data<AppState>) -> Page {
    let user = require_verified(&ctx)?.clone();
    let tree = db::run(&state.pool, |conn| Ok(CategoryTree::load(conn)?)).await?;
    let input = blank_input(&ctx, &user);
    render(&ListingFormPage {
        ctx,
        listing_id: None,
        status: "draft".into(),
        input,
        errors: FormErrors::default(),
        tree,
        attributes: Vec::new(),
        photos: Vec::new(),
        photo_errors: Vec::new(),
        stock_seen: None,
    })
}

#[derive(serde::Deserialize)]
struct CategoryQuery {
    category: Option<String>,
}

async fn attributes_fragment(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<CategoryQuery>,
) -> Page {
    let tree = db::run(&state.pool, |conn| Ok(CategoryTree::load(conn)?)).await?;
    let attributes = q
        .category
        .as_deref()
        .and_then(|c| c.parse::<i32>().ok())
        .filter(|id| tree.get(*id).is_some())
        .map(|id| tree.attributes(id))
        .unwrap_or_default();
    render(&AttributesFragment {
        ctx,
        attributes,
        input: ListingInput::default(),
        errors: FormErrors::default(),
    })
}

/// How long a pending photo's token stays good: well within the day after which the
/// worker deletes the files of forms nobody saved (`jobs::worker`), so a form never
/// claims a file that is gone.
const PENDING_TTL_SECS: i64 = 12 * 3600;

/// The MAC of a pending photo's token: this user, this key and size, until `expires`.
fn pending_mac(
    secret: &[u8],
    user_id: i64,
    key: &str,
    width: i32,
    height: i32,
    expires: i64,
) -> Option<Hmac<Sha256>> {
    let mut m = Hmac::<Sha256>::new_from_slice(secret).ok()?;
    m.update(format!("pending-photo:{user_id}:{key}:{width}:{height}:{expires}").as_bytes());
    Some(m)
}

/// Signs a pending photo (uploaded with a form that had errors) to this user, until
/// `now + PENDING_TTL_SECS`, so a form cannot claim photos it did not upload, nor
/// photos the worker may already have deleted.
fn sign(secret: &[u8], user_id: i64, key: &str, width: i32, height: i32, now: i64) -> String {
    let expires = now + PENDING_TTL_SECS;
    let tag = pending_mac(secret, user_id, key, width, height, expires)
        .map(|m| hex::encode(m.finalize().into_bytes()))
        .unwrap_or_default();
    format!("p:{key}:{width}:{height}:{expires}:{tag}")
}

/// Why a `p:` token was not taken.
#[derive(Debug, PartialEq, Eq)]
enum PendingToken {
    /// Not ours, not this user's, or tampered with: ignored.
    Invalid,
    /// Ours, but too old: the photo must be added again.
    Expired,
}

fn verify_pending(
    secret: &[u8],
    user_id: i64,
    token: &str,
    now: i64,
) -> Result<(String, i32, i32), PendingToken> {
    let parts: Vec<&str> = token.split(':').collect();
    let ["p", key, w, h, expires, tag] = parts[..] else {
        return Err(PendingToken::Invalid);
    };
    let parsed = (
        w.parse(),
        h.parse(),
        expires.parse::<i64>(),
        hex::decode(tag),
    );
    let (Ok(w), Ok(h), Ok(expires), Ok(tag)) = parsed else {
        return Err(PendingToken::Invalid);
    };
    let mac = pending_mac(secret, user_id, key, w, h, expires).ok_or(PendingToken::Invalid)?;
    mac.verify_slice(&tag).map_err(|_| PendingToken::Invalid)?;
    if expires < now {
        return Err(PendingToken::Expired);
    }
    Ok((key.to_string(), w, h))
}

/// Everything a submitted sell/edit form carries, after reading the multipart body and
/// processing the new photos.
struct Submitted {
    input: ListingInput,
    /// The photos in their final order (kept, pending and newly uploaded).
    photos: Vec<(PhotoRef, FormPhoto)>,
    photo_errors: Vec<(String, String)>,
    /// A photo was listed twice (taken once).
    duplicate: bool,
    /// A pending photo's token expired or its file is no longer waiting (dropped).
    expired: bool,
    too_many: bool,
    /// The stock the edit form showed when it was opened (`manage::update`).
    stock_seen: Option<i32>,
}

async fn read_submission(
    ctx: &Ctx,
    state: &AppState,
    user: &User,
    payload: actix_multipart::Multipart,
    existing: &[model::Photo],
) -> Result<Submitted, AppError> {
    let form = photos::read_form(payload).await?;
    let input = ListingInput::from_pairs(&form.fields);
    let stock_seen = form
        .field("stock_seen")
        .and_then(|v| v.trim().parse::<i32>().ok());
    let secret = state.config.secret.0.clone();
    let removed: Vec<String> = form
        .fields
        .iter()
        .filter(|(k, _)| k == "remove")
        .map(|(_, v)| v.clone())
        .collect();
    let now = chrono::Utc::now().timestamp();
    // Photos already there, in the order the form lists them (`photo` fields), with
    // an optional `pos.<token>` number to move one. A photo listed twice is taken once
    // and the form says so (a listing holds each photo once).
    let mut ordered: Vec<(i64, usize, PhotoRef, FormPhoto)> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    let (mut duplicate, mut expired) = (false, false);
    for (i, (_, token)) in form.fields.iter().filter(|(k, _)| k == "photo").enumerate() {
        if removed.contains(token) {
            continue;
        }
        if seen.contains(&token.as_str()) {
            duplicate = true;
            continue;
        }
        seen.push(token);
        let pos = form
            .fields
            .iter()
            .find(|(k, _)| *k == format!("pos.{token}"))
            .and_then(|(_, v)| v.trim().parse::<i64>().ok())
            .unwrap_or(i as i64 + 1);
        if let Some(id) = token
            .strip_prefix("e:")
            .and_then(|id| id.parse::<i64>().ok())
        {
            if let Some(p) = existing.iter().find(|p| p.id == id) {
                let shown = FormPhoto {
                    token: token.clone(),
                    key: p.storage_key.clone(),
                    width: p.width,
                };
                ordered.push((pos, i, PhotoRef::Existing(id), shown));
            }
            continue;
        }
        match verify_pending(&secret, user.id, token, now) {
            Ok((key, w, h)) => {
                let shown = FormPhoto {
                    token: token.clone(),
                    key: key.clone(),
                    width: w,
                };
                ordered.push((
                    pos,
                    i,
                    PhotoRef::New {
                        key,
                        width: w,
                        height: h,
                    },
                    shown,
                ));
            }
            Err(PendingToken::Expired) => expired = true,
            Err(PendingToken::Invalid) => {}
        }
    }
    // A signed key no longer waiting (saved with another form, or swept) is gone too.
    let claimed: Vec<String> = ordered
        .iter()
        .filter_map(|(_, _, r, _)| match r {
            PhotoRef::New { key, .. } => Some(key.clone()),
            PhotoRef::Existing(_) => None,
        })
        .collect();
    if !claimed.is_empty() {
        let uid = user.id;
        let waiting = db::run(&state.pool, move |conn| {
            Ok(photos::still_pending(conn, uid, &claimed)?)
        })
        .await?;
        let before = ordered.len();
        ordered.retain(|(_, _, r, _)| match r {
            PhotoRef::New { key, .. } => waiting.contains(key),
            PhotoRef::Existing(_) => true,
        });
        expired |= ordered.len() < before;
    }
    ordered.sort_by_key(|(pos, i, _, _)| (*pos, *i));
    let mut photos: Vec<(PhotoRef, FormPhoto)> =
        ordered.into_iter().map(|(_, _, r, f)| (r, f)).collect();

    // New uploads: decoded, checked and re-encoded on the blocking pool, stored at once
    // so a form with other errors does not lose them.
    let mut photo_errors = Vec::new();
    for upload in form.files {
        if photos.len() >= MAX_PHOTOS {
            photo_errors.push((upload.filename.clone(), ctx.t("photo-too-many")));
            continue;
        }
        if upload.too_large {
            photo_errors.push((upload.filename.clone(), ctx.t("photo-too-large")));
            continue;
        }
        let storage = state.storage.clone();
        // Outer error: storage failed (ours, a 500); inner: the upload is not a usable photo.
        // Decoding runs on the CPU pool, away from the database's blocking threads.
        let result = state
            .cpu
            .run(
                move || -> std::io::Result<Result<(String, i32, i32), photos::PhotoError>> {
                    let processed = match photos::process(&upload.bytes) {
                        Ok(p) => p,
                        Err(e) => return Ok(Err(e)),
                    };
                    let key = photos::store(storage.as_ref(), &processed)?;
                    Ok(Ok((key, processed.width as i32, processed.height as i32)))
                },
            )
            .await?
            .map_err(|e| AppError::Internal(e.into()))?;
        match result {
            Ok((key, w, h)) => {
                let (k, uid) = (key.clone(), user.id);
                db::run(&state.pool, move |conn| {
                    Ok(photos::remember_pending(conn, &k, uid, w)?)
                })
                .await?;
                let token = sign(&secret, user.id, &key, w, h, now);
                photos.push((
                    PhotoRef::New {
                        key: key.clone(),
                        width: w,
                        height: h,
                    },
                    FormPhoto {
                        token,
                        key,
                        width: w,
                    },
                ));
            }
            Err(e) => photo_errors.push((upload.filename.clone(), ctx.t(e.key()))),
        }
    }
    Ok(Submitted {
        input,
        photos,
        photo_errors,
        duplicate,
        expired,
        too_many: form.too_many,
        stock_seen,
    })
}

async fn create(ctx: Ctx, state: web::Data<AppState>, payload: actix_multipart::Multipart) -> Page {
    let user = require_verified(&ctx)?.clone();
    let sub = read_submission(&ctx, &state, &user, payload, &[]).await?;
    let tree = db::run(&state.pool, |conn| Ok(CategoryTree::load(conn)?)).await?;
    let mut errors = FormErrors::default();
    photo_problems(&sub, &mut errors);
    let checked = fields::check(&sub.input, &tree, ctx.locale, sub.photos.len(), &mut errors);
    let (Some(fields), true) = (checked, sub.photo_errors.is_empty() && errors.is_empty()) else {
        return form_again(ctx, tree, None, "draft".into(), sub, errors);
    };
    let publish = sub.input.publish();
    let refs: Vec<PhotoRef> = sub.photos.iter().map(|(r, _)| r.clone()).collect();
    let seller = user.id;
    let id = db::run(&state.pool, move |conn| {
        Ok(manage::create(conn, seller, &fields, &refs, publish)?)
    })
    .await?;
    if publish {
        ctx.flash("success", ctx.t("flash-listing-published"));
        Ok(redirect(&format!("/listings/{id}")))
    } else {
        ctx.flash("success", ctx.t("flash-listing-saved"));
        Ok(redirect("/me/listings?status=draft"))
    }
}

fn photo_problems(sub: &Submitted, errors: &mut FormErrors) {
    if sub.too_many {
        errors.add("photos", "photo-too-many");
    }
    if sub.duplicate {
        errors.add("photos", "photo-duplicate");
    }
    if sub.expired {
        errors.add("photos", "photo-expired");
    }
}

fn form_again(
    ctx: Ctx,
    tree: CategoryTree,
    listing_id: Option<i64>,
    status: String,
    sub: Submitted,
    errors: FormErrors,
) -> Page {
    let attributes = sub
        .input
        .category
        .parse::<i32>()
        .ok()
        .map(|id| tree.attributes(id))
        .unwrap_or_default();
    render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &ListingFormPage {
            ctx,
            listing_id,
            status,
            input: sub.input,
            errors,
            tree,
            attributes,
            photos: sub.photos.into_iter().map(|(_, f)| f).collect(),
            photo_errors: sub.photo_errors,
            stock_seen: sub.stock_seen,
        },
    )
}

/// Loads a listing the actor may change; anyone else gets 404 (it is private to them).
async fn owned(
    state: &AppState,
    user: &User,
    id: i64,
) -> Result<(model::Listing, Vec<model::Photo>, CategoryTree), AppError> {
    let actor = actor(user);
    let (listing, photos, tree) = db::run(&state.pool, move |conn| {
        let listing = model::find(conn, id)?;
        let photos = model::photos_of(conn, id)?;
        Ok((listing, photos, CategoryTree::load(conn)?))
    })
    .await?;
    if !actor.may_change(&listing) || listing.status == "removed" {
        return Err(AppError::NotFound);
    }
    Ok((listing, photos, tree))
}

async fn edit_page(ctx: Ctx, state: web::Data<AppState>, id: web::Path<i64>) -> Page {
    let user = require_verified(&ctx)?.clone();
    let (listing, photos, tree) = owned(&state, &user, id.into_inner()).await?;
    let mut attributes_map = std::collections::HashMap::new();
    if let Some(obj) = listing.attributes.as_object() {
        for (k, v) in obj {
            if let Some(s) = v.as_str() {
                attributes_map.insert(k.clone(), s.to_string());
            }
        }
    }
    let input = ListingInput {
        title: listing.title.clone(),
        description: listing.description.clone(),
        category: listing.category_id.to_string(),
        condition: listing.condition.clone(),
        price: super::price::to_input(listing.price_minor, ctx.locale, &listing.currency),
        currency: listing.currency.clone(),
        quantity: listing.quantity.to_string(),
        ships: listing.ships,
        shipping_price: match listing.shipping_minor {
            Some(0) | None => String::new(),
            Some(m) => super::price::to_input(m, ctx.locale, &listing.currency),
        },
        pickup: listing.pickup,
        city: listing.city.clone(),
        country: listing.country.clone(),
        attributes: attributes_map,
        action: String::new(),
    };
    let attributes = tree.attributes(listing.category_id);
    let photos = photos
        .iter()
        .map(|p| FormPhoto {
            token: format!("e:{}", p.id),
            key: p.storage_key.clone(),
            width: p.width,
        })
        .collect();
    render(&ListingFormPage {
        ctx,
        listing_id: Some(listing.id),
        status: listing.status.clone(),
        input,
        errors: FormErrors::default(),
        tree,
        attributes,
        photos,
        photo_errors: Vec::new(),
        stock_seen: Some(listing.quantity),
    })
}

async fn update(
    ctx: Ctx,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    payload: actix_multipart::Multipart,
) -> Page {
    let user = require_verified(&ctx)?.clone();
    let id = id.into_inner();
    let (listing, existing, tree) = owned(&state, &user, id).await?;
    let sub = read_submission(&ctx, &state, &user, payload, &existing).await?;
    let mut errors = FormErrors::default();
    photo_problems(&sub, &mut errors);
    // Saving a live listing keeps it live; only a draft can stay a draft.
    let publish = sub.input.publish() || listing.status != "draft";
    let mut input_for_check = sub.input.clone();
    if publish {
        input_for_check.action = "publish".into();
    }
    let checked = fields::check(
        &input_for_check,
        &tree,
        ctx.locale,
        sub.photos.len(),
        &mut errors,
    );
    let (Some(fields), true) = (checked, sub.photo_errors.is_empty() && errors.is_empty()) else {
        return form_again(ctx, tree, Some(id), listing.status, sub, errors);
    };
    let refs: Vec<PhotoRef> = sub.photos.iter().map(|(r, _)| r.clone()).collect();
    let stock_seen = sub.stock_seen;
    let outcome = db::run(&state.pool, move |conn| {
        Ok(manage::update(
            conn, id, &fields, stock_seen, &refs, publish,
        )?)
    })
    .await?;
    let dropped = match outcome {
        manage::Edited::Saved(dropped) => dropped,
        manage::Edited::StockChanged(now) => {
            // The form comes back as typed; saving it again sets the quantity.
            let mut sub = sub;
            sub.stock_seen = Some(now);
            errors.add("quantity", "edit-stock-changed");
            return form_again(ctx, tree, Some(id), listing.status, sub, errors);
        }
    };
    let storage = state.storage.clone();
    // Files of removed photos go after the commit; a failure only leaves a stray file.
    let _ = web::block(move || {
        for key in dropped {
            photos::delete(storage.as_ref(), &key);
        }
    })
    .await;
    ctx.flash("success", ctx.t("flash-listing-updated"));
    Ok(redirect(&format!("/listings/{id}")))
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct StatusForm {
    to: String,
    next: String,
}

async fn change_status(
    ctx: Ctx,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<StatusForm>,
) -> Page {
    let user = require_verified(&ctx)?.clone();
    let id = id.into_inner();
    let to = STATUSES
        .iter()
        .find(|s| **s == form.to)
        .copied()
        .ok_or(AppError::BadRequest)?;
    let actor = actor(&user);
    let outcome = db::run(&state.pool, move |conn| {
        let listing = model::find(conn, id)?;
        if !actor.may_change(&listing) {
            return Err(AppError::NotFound);
        }
        Ok(manage::set_status(conn, id, to)?)
    })
    .await?;
    match outcome {
        StatusChange::Done => ctx.flash("success", ctx.t(&format!("flash-status-{to}"))),
        StatusChange::NeedsPhoto => ctx.flash("error", ctx.t("photos-required")),
        StatusChange::NotAllowed => return Err(AppError::Conflict),
    }
    let next = if form.next.is_empty() {
        "/me/listings".to_string()
    } else {
        crate::web::redirect::local_target(&state.config.base_url, Some(&form.next))
    };
    Ok(redirect(&next))
}

/// The status buttons a row of "my listings" offers.
pub fn quick_actions(status: &str) -> Vec<&'static str> {
    match status {
        "active" => vec!["paused", "sold", "removed"],
        "paused" => vec!["active", "sold", "removed"],
        "draft" => vec!["active", "removed"],
        "sold" => vec!["active", "removed"],
        _ => vec![],
    }
}

// ---- the listing page ---------------------------------------------------------------

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
    similar: Vec<ListingCard>,
}

async fn show(ctx: Ctx, state: web::Data<AppState>, id: web::Path<i64>) -> Page {
    let id = id.into_inner();
    let viewer = ctx.user.as_ref().map(actor);
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
                let listing = model::find(conn, id)?;
                Ok(Arc::new(ListingData {
                    photos: model::photos_of(conn, id)?,
                    tree: CategoryTree::cached(conn, &caches.tree)?,
                    seller: seller_card(conn, listing.seller_id)?,
                    similar: similar(conn, &listing, near.as_ref())?,
                    listing,
                }))
            })
            .await
        })
        .await?;
    let ListingData {
        listing,
        photos,
        tree,
        seller,
        similar,
    } = &*data;
    let (listing, photos, seller, similar) = (
        listing.clone(),
        photos.clone(),
        seller.clone(),
        similar.clone(),
    );
    let owner = viewer.is_some_and(|a| a.may_change(&listing));
    // Drafts and removed listings are private to their seller (and admins).
    if matches!(listing.status.as_str(), "draft" | "removed") && !owner {
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
    let availability = if listing.status == "active" && listing.quantity > 0 {
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

#[allow(clippy::type_complexity)]
fn seller_card(conn: &mut PgConnection, seller_id: i64) -> QueryResult<SellerCard> {
    let (id, name, city, country, verified, since, holiday): (
        i64,
        String,
        String,
        String,
        Option<chrono::DateTime<chrono::Utc>>,
        chrono::DateTime<chrono::Utc>,
        Option<chrono::NaiveDate>,
    ) = users::table
        .find(seller_id)
        .select((
            users::id,
            users::display_name,
            users::city,
            users::country,
            users::email_verified_at,
            users::created_at,
            users::holiday_until,
        ))
        .first(conn)?;
    let today = chrono::Utc::now().date_naive();
    Ok(SellerCard {
        id,
        name,
        city,
        country,
        verified: verified.is_some(),
        member_since: since,
        holiday_until: holiday.filter(|d| *d >= today),
    })
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

// ---- my listings and holiday mode ---------------------------------------------------

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct TabQuery {
    status: String,
}

async fn my_listings(ctx: Ctx, state: web::Data<AppState>, q: web::Query<TabQuery>) -> Page {
    let user = require_user(&ctx)?.clone();
    let tab: &'static str = ["active", "draft", "paused", "sold"]
        .into_iter()
        .find(|s| *s == q.status)
        .unwrap_or("active");
    let uid = user.id;
    let (counts, rows, holiday) = db::run(&state.pool, move |conn| {
        let counts: Vec<(String, i64)> = listings::table
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
        Ok((counts, rows, manage::holiday_until(conn, uid)?))
    })
    .await?;
    let tabs = ["active", "draft", "paused", "sold"]
        .into_iter()
        .map(|s| {
            (
                s,
                counts
                    .iter()
                    .find(|(st, _)| st == s)
                    .map(|(_, n)| *n)
                    .unwrap_or(0),
            )
        })
        .collect();
    render(&MyListingsPage {
        ctx,
        tab: tab.into(),
        tabs,
        rows,
        holiday_until: holiday,
        today: chrono::Utc::now().date_naive(),
    })
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct HolidayForm {
    until: String,
}

async fn start_holiday(ctx: Ctx, state: web::Data<AppState>, form: web::Form<HolidayForm>) -> Page {
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
        Ok(manage::set_holiday(conn, uid, Some(until))?)
    })
    .await?;
    ctx.flash(
        "success",
        ctx.t1("flash-holiday-on", "date", ctx.day(until)),
    );
    Ok(redirect("/me/listings"))
}

async fn end_holiday(ctx: Ctx, state: web::Data<AppState>) -> Page {
    let user = require_user(&ctx)?.clone();
    let uid = user.id;
    db::run(&state.pool, move |conn| {
        Ok(manage::set_holiday(conn, uid, None)?)
    })
    .await?;
    ctx.flash("success", ctx.t("flash-holiday-off"));
    Ok(redirect("/me/listings"))
}

// ---- public profile -----------------------------------------------------------------

async fn profile(ctx: Ctx, state: web::Data<AppState>, id: web::Path<i64>) -> Page {
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
            .filter(listings::status.eq("active"));
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

    #[test]
    fn pending_photos_are_signed_to_their_uploader_until_they_expire() {
        let now = 1_800_000_000;
        let token = sign(b"secret", 7, "abc", 640, 480, now);
        assert_eq!(
            verify_pending(b"secret", 7, &token, now),
            Ok(("abc".into(), 640, 480))
        );
        assert_eq!(
            verify_pending(b"secret", 7, &token, now + PENDING_TTL_SECS),
            Ok(("abc".into(), 640, 480))
        );
        assert_eq!(
            verify_pending(b"secret", 7, &token, now + PENDING_TTL_SECS + 1),
            Err(PendingToken::Expired)
        );
        let invalid = Err(PendingToken::Invalid);
        assert_eq!(verify_pending(b"secret", 8, &token, now), invalid);
        assert_eq!(verify_pending(b"other", 7, &token, now), invalid);
        // The expiry is signed: moving it on breaks the token.
        let later = token.replace(
            &format!(":{}:", now + PENDING_TTL_SECS),
            &format!(":{}:", now + 10 * PENDING_TTL_SECS),
        );
        assert_ne!(later, token);
        assert_eq!(verify_pending(b"secret", 7, &later, now), invalid);
        assert_eq!(
            verify_pending(b"secret", 7, "p:abc:640:480:0000", now),
            invalid
        );
        assert_eq!(
            verify_pending(b"secret", 7, "p:abc:640:480:1:zz", now),
            invalid
        );
    }
}
