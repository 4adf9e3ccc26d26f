//! The sell and edit form: `GET`/`POST /sell`, `GET`/`POST /listings/{id}/edit` and the
//! attribute inputs of a category.

use actix_web::http::StatusCode;
use actix_web::web;

use super::{editor, Page};
use crate::db;
use crate::i18n::Locale;
use crate::listings::categories::CategoryTree;
use crate::listings::error::ListingError;
use crate::listings::input::{self, ListingInput};
use crate::listings::limits::Publishing;
use crate::listings::model::{self, Listing};
use crate::listings::photos::{self, upload::FormPhotos};
use crate::listings::rules::{self, PhotoRef};
use crate::listings::status::ListingStatus;
use crate::listings::views::{AttributesFragment, Caution, FormPhoto, ListingFormPage};
use crate::signals;
use crate::web::auth::require_verified;
use crate::web::auth::User;
use crate::web::form::FormErrors;
use crate::web::{multipart, redirect, render, render_status, AppError, Ctx};
use crate::AppState;

fn default_currency(locale: Locale) -> &'static str {
    match locale {
        Locale::Id => "IDR",
        Locale::En => "USD",
        Locale::El | Locale::Fr => "EUR",
    }
}

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

pub(super) async fn sell_page(ctx: Ctx, state: web::Data<AppState>) -> Page {
    let user = require_verified(&ctx)?.clone();
    let uid = user.id;
    let (tree, standing) = db::run(&state.pool, move |conn| {
        Ok((
            CategoryTree::load(conn)?,
            crate::moderation::standing(conn, uid)?,
        ))
    })
    .await?;
    if !standing.may_sell() {
        return super::selling_restricted(&ctx);
    }
    let input = blank_input(&ctx, &user);
    render(&ListingFormPage {
        ctx,
        listing_id: None,
        status: ListingStatus::Draft,
        input,
        errors: FormErrors::default(),
        tree,
        attributes: Vec::new(),
        photos: Vec::new(),
        photo_errors: Vec::new(),
        stock_seen: None,
        caution: Caution::default(),
    })
}

#[derive(serde::Deserialize)]
pub(super) struct CategoryQuery {
    category: Option<String>,
}

pub(super) async fn attributes_fragment(
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

/// Everything a submitted sell/edit form carries, after reading the multipart body and
/// processing the new photos.
struct Submitted {
    input: ListingInput,
    photos: FormPhotos,
    too_many: bool,
    /// The stock the edit form showed when it was opened (`rules::update`).
    stock_seen: Option<i32>,
    /// The "publish anyway" box: the fingerprint of the findings it confirms.
    signals_ok: String,
}

impl Submitted {
    fn refs(&self) -> Vec<PhotoRef> {
        self.photos.photos.iter().map(|(r, _)| r.clone()).collect()
    }

    /// The scam signals of the title and description when the form publishes, with the
    /// seller's answer to the warning.
    fn caution(&self, publish: bool) -> Caution {
        let findings = if publish {
            signals::scan_all(&[&self.input.title, &self.input.description])
        } else {
            Vec::new()
        };
        Caution {
            findings,
            confirmed: self.signals_ok.clone(),
            limit_error: None,
        }
    }

    fn photo_problems(&self, errors: &mut FormErrors) {
        if self.too_many {
            errors.add("photos", "photo-too-many");
        }
        if self.photos.duplicate {
            errors.add("photos", "photo-duplicate");
        }
        if self.photos.expired {
            errors.add("photos", "photo-expired");
        }
    }
}

async fn read_submission(
    ctx: &Ctx,
    state: &AppState,
    user: &User,
    payload: actix_multipart::Multipart,
    existing: &[model::Photo],
) -> Result<Submitted, AppError> {
    let mut form = multipart::read(payload, &photos::upload::FORM_LIMITS).await?;
    let input = ListingInput::from_pairs(&form.fields);
    let stock_seen = form
        .field("stock_seen")
        .and_then(|v| v.trim().parse::<i32>().ok());
    let signals_ok = form.field("signals_ok").unwrap_or_default().to_string();
    let too_many = form.too_many;
    let photos = photos::upload::take(ctx, state, user.id, &mut form, existing).await?;
    Ok(Submitted {
        input,
        photos,
        too_many,
        stock_seen,
        signals_ok,
    })
}

pub(super) async fn create(
    ctx: Ctx,
    state: web::Data<AppState>,
    payload: actix_multipart::Multipart,
) -> Page {
    let user = require_verified(&ctx)?.clone();
    let sub = read_submission(&ctx, &state, &user, payload, &[]).await?;
    let tree = db::run(&state.pool, |conn| Ok(CategoryTree::load(conn)?)).await?;
    let mut errors = FormErrors::default();
    sub.photo_problems(&mut errors);
    let count = sub.photos.photos.len();
    let checked = input::check(&sub.input, &tree, ctx.locale, count, &mut errors);
    let publish = sub.input.publish();
    let mut caution = sub.caution(publish);
    let warned = !caution.findings.is_empty() && !caution.is_confirmed();
    let (Some(fields), true, false) = (
        checked,
        sub.photos.errors.is_empty() && errors.is_empty(),
        warned,
    ) else {
        return form_again(ctx, tree, None, ListingStatus::Draft, sub, errors, caution);
    };
    let refs = sub.refs();
    let seller = user.id;
    let publishing = Publishing {
        new_accounts: Some(state.config.new_accounts),
        confirmed: caution.findings.clone(),
    };
    let created = db::run(&state.pool, move |conn| {
        Ok(rules::create(
            conn,
            seller,
            &fields,
            &refs,
            publish,
            &publishing,
        ))
    })
    .await?;
    let id = match created {
        Ok(id) => id,
        Err(ListingError::SellingRestricted) => return super::selling_restricted(&ctx),
        Err(ListingError::DailyLimit(rules)) => {
            // Nothing saved; the form comes back as typed, photos kept.
            caution.limit_error = Some(super::limit_message(&ctx, rules));
            return form_again(ctx, tree, None, ListingStatus::Draft, sub, errors, caution);
        }
        Err(e) => return Err(e.into()),
    };
    if publish {
        ctx.flash("success", ctx.t("flash-listing-published"));
        Ok(redirect(&format!("/listings/{id}")))
    } else {
        ctx.flash("success", ctx.t("flash-listing-saved"));
        Ok(redirect("/me/listings?status=draft"))
    }
}

fn form_again(
    ctx: Ctx,
    tree: CategoryTree,
    listing_id: Option<i64>,
    status: ListingStatus,
    sub: Submitted,
    errors: FormErrors,
    caution: Caution,
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
            photos: sub.photos.photos.into_iter().map(|(_, f)| f).collect(),
            photo_errors: sub.photos.errors,
            stock_seen: sub.stock_seen,
            caution,
        },
    )
}

/// Loads a listing the user may change; anyone else gets 404 (it is private to them).
async fn owned(
    state: &AppState,
    user: &User,
    id: i64,
) -> Result<(Listing, Vec<model::Photo>, CategoryTree), AppError> {
    let editor = editor(user);
    db::run(&state.pool, move |conn| {
        let (listing, photos) = rules::editable(conn, editor, id)?;
        Ok((listing, photos, CategoryTree::load(conn)?))
    })
    .await
}

pub(super) async fn edit_page(ctx: Ctx, state: web::Data<AppState>, id: web::Path<i64>) -> Page {
    let user = require_verified(&ctx)?.clone();
    let (listing, photos, tree) = owned(&state, &user, id.into_inner()).await?;
    let input = ListingInput::of_listing(&listing, ctx.locale);
    // Warned at once: a draft the status button would not publish comes here.
    let caution = Caution {
        findings: signals::scan_all(&[&listing.title, &listing.description]),
        ..Caution::default()
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
        status: listing.status,
        input,
        errors: FormErrors::default(),
        tree,
        attributes,
        photos,
        photo_errors: Vec::new(),
        stock_seen: Some(listing.quantity),
        caution,
    })
}

pub(super) async fn update(
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
    sub.photo_problems(&mut errors);
    // Saving a live listing keeps it live; only a draft can stay a draft.
    let publish = sub.input.publish() || listing.status != ListingStatus::Draft;
    let mut input_for_check = sub.input.clone();
    if publish {
        input_for_check.action = "publish".into();
    }
    let count = sub.photos.photos.len();
    let checked = input::check(&input_for_check, &tree, ctx.locale, count, &mut errors);
    let mut caution = sub.caution(publish);
    let warned = !caution.findings.is_empty() && !caution.is_confirmed();
    let (Some(fields), true, false) = (
        checked,
        sub.photos.errors.is_empty() && errors.is_empty(),
        warned,
    ) else {
        return form_again(ctx, tree, Some(id), listing.status, sub, errors, caution);
    };
    let refs = sub.refs();
    let stock_seen = sub.stock_seen;
    let publishing = Publishing {
        new_accounts: Some(state.config.new_accounts),
        confirmed: caution.findings.clone(),
    };
    let outcome = db::run(&state.pool, move |conn| {
        Ok(rules::update(
            conn,
            id,
            &fields,
            stock_seen,
            &refs,
            publish,
            &publishing,
        ))
    })
    .await?;
    let dropped = match outcome {
        Ok(rules::Edited::Saved(dropped)) => dropped,
        Ok(rules::Edited::StockChanged(now)) => {
            // The form comes back as typed; saving it again sets the quantity.
            let mut sub = sub;
            sub.stock_seen = Some(now);
            errors.add("quantity", "edit-stock-changed");
            return form_again(ctx, tree, Some(id), listing.status, sub, errors, caution);
        }
        Err(ListingError::DailyLimit(rules)) => {
            caution.limit_error = Some(super::limit_message(&ctx, rules));
            return form_again(ctx, tree, Some(id), listing.status, sub, errors, caution);
        }
        Err(ListingError::SellingRestricted) => return super::selling_restricted(&ctx),
        Err(e) => return Err(e.into()),
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
