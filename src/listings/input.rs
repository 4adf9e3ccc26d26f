//! What the seller typed into the sell/edit form, and its check: raw text fields in, a
//! checked `ListingFields` (or the messages per field) out. Photos are handled by
//! `photos`; their count is checked here.

use std::collections::HashMap;

use super::categories::{AttrKind, CategoryTree};
use super::model::{Listing, ListingFields, CONDITIONS, CURRENCIES, MAX_PHOTOS};
use super::price;
use crate::i18n::Locale;
use crate::web::form::{plain_text, FormErrors};

/// What the seller typed, kept as typed so a form with errors comes back unchanged.
#[derive(Clone, Debug, Default)]
pub struct ListingInput {
    pub title: String,
    pub description: String,
    pub category: String,
    pub condition: String,
    pub price: String,
    pub currency: String,
    pub quantity: String,
    pub ships: bool,
    pub shipping_price: String,
    pub pickup: bool,
    pub city: String,
    pub country: String,
    /// `a.<key>` fields.
    pub attributes: HashMap<String, String>,
    /// "publish" or "draft".
    pub action: String,
}

impl ListingInput {
    pub fn from_pairs(pairs: &[(String, String)]) -> ListingInput {
        let mut input = ListingInput::default();
        for (k, v) in pairs {
            match k.as_str() {
                "title" => input.title = v.clone(),
                "description" => input.description = v.clone(),
                "category" => input.category = v.clone(),
                "condition" => input.condition = v.clone(),
                "price" => input.price = v.clone(),
                "currency" => input.currency = v.clone(),
                "quantity" => input.quantity = v.clone(),
                "ships" => input.ships = v == "1" || v == "on",
                "shipping_price" => input.shipping_price = v.clone(),
                "pickup" => input.pickup = v == "1" || v == "on",
                "city" => input.city = v.clone(),
                "country" => input.country = v.clone(),
                "action" => input.action = v.clone(),
                key => {
                    if let Some(attr) = key.strip_prefix("a.") {
                        if !v.trim().is_empty() {
                            input
                                .attributes
                                .insert(attr.to_string(), v.trim().to_string());
                        }
                    }
                }
            }
        }
        input
    }

    /// The edit form of a saved listing, prices as the seller's language writes them.
    pub fn of_listing(listing: &Listing, locale: Locale) -> ListingInput {
        let attributes = listing
            .attributes
            .as_object()
            .map(|obj| {
                obj.iter()
                    .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
                    .collect()
            })
            .unwrap_or_default();
        ListingInput {
            title: listing.title.clone(),
            description: listing.description.clone(),
            category: listing.category_id.to_string(),
            condition: listing.condition.clone(),
            price: price::to_input(listing.price_minor, locale, &listing.currency),
            currency: listing.currency.clone(),
            quantity: listing.quantity.to_string(),
            ships: listing.ships,
            shipping_price: match listing.shipping_minor {
                Some(0) | None => String::new(),
                Some(m) => price::to_input(m, locale, &listing.currency),
            },
            pickup: listing.pickup,
            city: listing.city.clone(),
            country: listing.country.clone(),
            attributes,
            action: String::new(),
        }
    }

    pub fn publish(&self) -> bool {
        self.action != "draft"
    }

    pub fn attr(&self, key: &str) -> &str {
        self.attributes.get(key).map(String::as_str).unwrap_or("")
    }
}

fn text(raw: &str, min: usize, max: usize, multiline: bool) -> Result<String, &'static str> {
    let s = raw.trim().replace("\r\n", "\n");
    let n = s.chars().count();
    if n == 0 {
        return Err("field-required");
    }
    if n < min {
        return Err("text-too-short");
    }
    if n > max {
        return Err("text-too-long");
    }
    plain_text(&s, multiline)?;
    Ok(s)
}

/// Checks the whole form. `photo_count` is the number of photos the listing will have.
pub fn check(
    input: &ListingInput,
    tree: &CategoryTree,
    locale: Locale,
    photo_count: usize,
    errors: &mut FormErrors,
) -> Option<ListingFields> {
    let title = errors.take("title", text(&input.title, 3, 80, false));
    let description = errors.take("description", text(&input.description, 10, 5000, true));
    let category = errors.take(
        "category",
        input
            .category
            .parse::<i32>()
            .ok()
            .and_then(|id| tree.get(id))
            .map(|c| c.id)
            .ok_or(if input.category.is_empty() {
                "field-required"
            } else {
                "category-invalid"
            }),
    );
    let condition = errors.take(
        "condition",
        CONDITIONS
            .iter()
            .find(|c| **c == input.condition)
            .map(|c| c.to_string())
            .ok_or(if input.condition.is_empty() {
                "field-required"
            } else {
                "field-invalid"
            }),
    );
    let currency = errors.take(
        "currency",
        CURRENCIES
            .iter()
            .find(|c| **c == input.currency)
            .map(|c| c.to_string())
            .ok_or("field-invalid"),
    );
    let cur = currency.clone().unwrap_or_else(|| "EUR".into());
    let price_minor = errors.take("price", price::parse(&input.price, locale, &cur));
    let quantity = errors.take(
        "quantity",
        match input.quantity.trim() {
            "" => Ok(1),
            q => q
                .parse::<i32>()
                .ok()
                .filter(|n| (1..=999).contains(n))
                .ok_or("quantity-invalid"),
        },
    );
    if !input.ships && !input.pickup {
        errors.add("delivery", "delivery-required");
    }
    let shipping_minor = if input.ships {
        match input.shipping_price.trim() {
            "" => Some(0),
            raw => errors.take("shipping_price", price::parse(raw, locale, &cur)),
        }
    } else {
        None
    };
    let city = errors.take("city", limited(&input.city, 80));
    let country = errors.take("country", limited(&input.country, 56));
    if input.pickup && input.city.trim().is_empty() {
        errors.add("city", "city-required");
    }
    let attributes = category.map(|id| check_attributes(input, tree, id, errors));
    if photo_count > MAX_PHOTOS {
        errors.add("photos", "photo-too-many");
    }
    if input.publish() && photo_count == 0 {
        errors.add("photos", "photos-required");
    }
    if !errors.is_empty() {
        return None;
    }
    Some(ListingFields {
        category_id: category?,
        title: title?,
        description: description?,
        condition: condition?,
        price_minor: price_minor?,
        currency: currency?,
        quantity: quantity?,
        ships: input.ships,
        shipping_minor: if input.ships { shipping_minor } else { None },
        pickup: input.pickup,
        city: city?,
        country: country?,
        attributes: attributes?,
    })
}

fn limited(raw: &str, max: usize) -> Result<String, &'static str> {
    let s = raw.trim();
    if s.chars().count() > max {
        return Err("text-too-long");
    }
    plain_text(s, false)?;
    Ok(s.to_string())
}

/// Keeps only the category's attributes, each checked by its kind. An error is recorded
/// under the field `a.<key>`.
fn check_attributes(
    input: &ListingInput,
    tree: &CategoryTree,
    category: i32,
    errors: &mut FormErrors,
) -> serde_json::Value {
    let mut out = serde_json::Map::new();
    for def in tree.attributes(category) {
        let Some(value) = input.attributes.get(&def.key) else {
            continue;
        };
        let field: &'static str = match def.key.as_str() {
            "brand" => "a.brand",
            "model" => "a.model",
            "year" => "a.year",
            "size" => "a.size",
            "colour" => "a.colour",
            "age" => "a.age",
            "author" => "a.author",
            "language" => "a.language",
            "material" => "a.material",
            _ => "attributes",
        };
        let ok = match def.kind {
            AttrKind::Select => def.options.iter().any(|o| o == value),
            AttrKind::Number => value.parse::<i32>().is_ok_and(|n| (0..=9999).contains(&n)),
            AttrKind::Text => value.chars().count() <= 60 && plain_text(value, false).is_ok(),
        };
        if ok {
            out.insert(def.key.clone(), serde_json::Value::String(value.clone()));
        } else {
            errors.add(field, "field-invalid");
        }
    }
    serde_json::Value::Object(out)
}
