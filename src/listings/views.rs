//! Page templates of selling and the listing page, and what they show.

use askama::Template;
use chrono::NaiveDate;

use super::categories::{AttrDef, Category, CategoryTree};
use super::input::ListingInput;
use super::model::{Listing, ListingCard, Photo, CONDITIONS, CURRENCIES};
use super::status::ListingStatus;
use crate::accounts::for_listings::SellerCard;
use crate::signals::Finding;
use crate::web::form::FormErrors;
use crate::web::Ctx;

/// A photo already uploaded, shown in the form: a saved one (`e:<id>`) or one uploaded
/// with a form that had errors (`p:<signed key>`), so nothing is uploaded twice.
#[derive(Clone, Debug)]
pub struct FormPhoto {
    pub token: String,
    pub key: String,
    pub width: i32,
}

#[derive(Template)]
#[template(path = "listings/form.html")]
pub struct ListingFormPage {
    pub ctx: Ctx,
    /// `None` when creating.
    pub listing_id: Option<i64>,
    pub status: ListingStatus,
    pub input: ListingInput,
    pub errors: FormErrors,
    pub tree: CategoryTree,
    pub attributes: Vec<AttrDef>,
    pub photos: Vec<FormPhoto>,
    /// Messages about single uploaded files (name: message).
    pub photo_errors: Vec<(String, String)>,
    /// Editing: the stock when the form was opened (sent back as `stock_seen`).
    pub stock_seen: Option<i32>,
    pub caution: Caution,
}

/// What the form says before publishing (issue 11): the scam signals found in title and
/// description with the "publish anyway" box, and a new member's daily limit reached.
#[derive(Clone, Debug, Default)]
pub struct Caution {
    pub findings: Vec<Finding>,
    /// The box's value as sent back; ticked again when it still names these findings.
    pub confirmed: String,
    pub limit_error: Option<String>,
}

impl Caution {
    /// The value of the "publish anyway" box: it confirms these findings only, so text
    /// changed since the warning is warned about again.
    pub fn fingerprint(&self) -> String {
        crate::signals::fingerprint(&self.findings)
    }

    pub fn is_confirmed(&self) -> bool {
        !self.findings.is_empty() && self.confirmed == self.fingerprint()
    }

    pub fn kind_key(&self, f: &Finding) -> String {
        format!("signals-kind-{}", f.kind)
    }
}

impl ListingFormPage {
    pub fn conditions(&self) -> [&'static str; 6] {
        CONDITIONS
    }

    pub fn currencies(&self) -> [&'static str; 3] {
        CURRENCIES
    }

    pub fn err(&self, field: &str) -> Option<&'static str> {
        self.errors.get(field)
    }

    pub fn action(&self) -> String {
        match self.listing_id {
            Some(id) => format!("/listings/{id}/edit"),
            None => "/sell".to_string(),
        }
    }

    pub fn is_selected_category(&self, c: &Category) -> bool {
        self.input.category == c.id.to_string()
    }

    /// A draft is published by saving (the others stay as they are).
    pub fn is_draft(&self) -> bool {
        self.status == ListingStatus::Draft
    }
}

/// The attribute inputs of one category (swapped in by htmx when the category changes).
#[derive(Template)]
#[template(path = "listings/_attributes.html")]
pub struct AttributesFragment {
    pub ctx: Ctx,
    pub attributes: Vec<AttrDef>,
    pub input: ListingInput,
    pub errors: FormErrors,
}

#[derive(Template)]
#[template(path = "listings/show.html")]
pub struct ListingPage {
    pub ctx: Ctx,
    pub listing: Listing,
    pub photos: Vec<Photo>,
    pub trail: Vec<Category>,
    pub attributes: Vec<(String, String)>,
    pub seller: SellerCard,
    /// Rated as a seller (reviews).
    pub seller_rating: crate::reviews::Rating,
    pub similar: Vec<ListingCard>,
    pub owner: bool,
    /// The description as safe HTML (escaped text, links, line breaks).
    pub description_html: String,
    pub canonical: String,
    pub og_image: Option<String>,
    pub json_ld: String,
    /// Idempotency key of the "Buy now" form: a double submit makes one order.
    pub buy_key: String,
}

impl ListingPage {
    pub fn photo_alt(&self, n: impl std::borrow::Borrow<usize>) -> String {
        self.ctx.t2(
            "listing-photo-alt",
            "title",
            &self.listing.title,
            "n",
            *n.borrow(),
        )
    }

    pub fn photo_src(&self, p: &Photo) -> String {
        super::photos::url(&p.storage_key, super::photos::best_width(p.width, 640))
    }

    pub fn photo_srcset(&self, p: &Photo) -> String {
        super::photos::srcset(&p.storage_key, p.width)
    }

    /// The gallery's shape follows the first photo (the nearest common ratio), so a
    /// landscape photo is not shown in a tall box with bands.
    pub fn gallery_shape(&self) -> &'static str {
        let Some(p) = self.photos.first().filter(|p| p.height > 0) else {
            return "shape-4-5";
        };
        let ratio = f64::from(p.width) / f64::from(p.height);
        [
            (16.0 / 9.0, "shape-16-9"),
            (3.0 / 2.0, "shape-3-2"),
            (4.0 / 3.0, "shape-4-3"),
            (1.0, "shape-1-1"),
            (4.0 / 5.0, "shape-4-5"),
        ]
        .into_iter()
        .min_by(|a, b| (a.0 - ratio).abs().total_cmp(&(b.0 - ratio).abs()))
        .map_or("shape-4-5", |(_, class)| class)
    }

    pub fn holiday_date(&self) -> Option<String> {
        self.seller.holiday_until.map(|d| self.ctx.day(d))
    }

    /// The seller's picture at its smallest stored size (shown at most 96 px wide).
    pub fn seller_avatar(&self) -> Option<String> {
        self.seller
            .avatar_key
            .as_deref()
            .map(super::photos::avatar_url)
    }

    /// On sale: the buy form is offered (unless the seller is on holiday).
    pub fn is_active(&self) -> bool {
        self.listing.status == ListingStatus::Active
    }

    pub fn is_sold(&self) -> bool {
        self.listing.status == ListingStatus::Sold
    }
}

/// One row of "my listings".
#[derive(Template)]
#[template(path = "listings/mine.html")]
pub struct MyListingsPage {
    pub ctx: Ctx,
    pub tab: ListingStatus,
    /// (status, count) for every tab, in order.
    pub tabs: Vec<(&'static str, i64)>,
    pub rows: Vec<ListingCard>,
    pub holiday_until: Option<NaiveDate>,
    pub today: NaiveDate,
}

impl MyListingsPage {
    pub fn is_danger(&self, to: &ListingStatus) -> bool {
        *to == ListingStatus::Removed
    }

    pub fn holiday_date(&self) -> Option<String> {
        self.holiday_until.map(|d| self.ctx.day(d))
    }

    pub fn min_holiday(&self) -> String {
        (self.today + chrono::Duration::days(1))
            .format("%Y-%m-%d")
            .to_string()
    }
}
