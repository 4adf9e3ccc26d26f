//! From "Buy now" to a paid order: the order is created with its stock reserved (one
//! conditional update, so two buyers cannot both take the last item), then the buyer
//! chooses delivery, sees the price breakdown and goes to the payment page.

use chrono::Utc;
use diesel::prelude::*;

use super::emails::{self, EmailArg};
use super::fees::breakdown;
use super::model::{self, Order, OrderStatus, Payment};
use super::payments;
use super::state::{self, Initiator, Relation, EXPIRE_JOB};
use super::Error;
use crate::config::Config;
use crate::db::schema::{addresses, orders};
use crate::listings::for_orders::{self, Availability};
use crate::listings::model::Listing;
use crate::web::form::FormErrors;

/// Why a listing cannot be bought right now (shown on the listing page).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    OwnListing,
    NotForSale,
    OnHoliday,
    NotEnough,
    BadQuantity,
    /// The buyer is suspended or banned (moderation): no new purchases.
    Sanctioned,
}

impl Refusal {
    pub fn key(self) -> &'static str {
        match self {
            Refusal::OwnListing => "buy-own-listing",
            Refusal::NotForSale => "buy-not-for-sale",
            Refusal::OnHoliday => "buy-on-holiday",
            Refusal::NotEnough => "buy-not-enough",
            Refusal::BadQuantity => "buy-bad-quantity",
            Refusal::Sanctioned => "mod-buying-restricted",
        }
    }
}

/// What "Buy now" did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bought {
    /// A new order waiting for payment.
    Placed(i64),
    /// The same form sent again (a double click, a reload that posts again): the order
    /// its first submit made, and nothing reserved twice.
    Again(i64),
    Refused(Refusal),
}

/// The buyer's order made with this idempotency key, if any.
pub fn by_key(conn: &mut PgConnection, buyer_id: i64, key: &str) -> QueryResult<Option<i64>> {
    orders::table
        .filter(orders::buyer_id.eq(buyer_id))
        .filter(orders::idempotency_key.eq(key))
        .select(orders::id)
        .first(conn)
        .optional()
}

/// "Buy now": reserves `quantity` and creates the order waiting for payment, in one
/// transaction. The same `key` twice gives the same order: a twin request that
/// committed first makes this one's insert find its row, and a savepoint takes this
/// one's reservation back before answering the twin's order.
pub fn buy(
    conn: &mut PgConnection,
    cfg: &Config,
    buyer_id: i64,
    listing_id: i64,
    quantity: i32,
    key: &str,
) -> Result<Bought, Error> {
    conn.transaction(|conn| {
        if let Some(id) = by_key(conn, buyer_id, key)? {
            return Ok(Bought::Again(id));
        }
        match conn.transaction(|conn| place(conn, cfg, buyer_id, listing_id, quantity, key)) {
            Err(Error::Twin) => {
                // Read committed: this statement sees the twin's committed order.
                let id = by_key(conn, buyer_id, key)?.ok_or(Error::WrongState)?;
                Ok(Bought::Again(id))
            }
            other => other,
        }
    })
}

fn place(
    conn: &mut PgConnection,
    cfg: &Config,
    buyer_id: i64,
    listing_id: i64,
    quantity: i32,
    key: &str,
) -> Result<Bought, Error> {
    let listing: Listing = crate::listings::model::find(conn, listing_id)
        .optional()?
        .ok_or(Error::NotFound)?;
    if listing.seller_id == buyer_id {
        return Ok(Bought::Refused(Refusal::OwnListing));
    }
    if !crate::moderation::standing(conn, buyer_id)?.may_buy() {
        return Ok(Bought::Refused(Refusal::Sanctioned));
    }
    let availability = for_orders::availability(&listing);
    if availability == Availability::Hidden {
        return Err(Error::NotFound);
    }
    if crate::accounts::model::is_leaving(conn, listing.seller_id)? {
        return Ok(Bought::Refused(Refusal::NotForSale));
    }
    if crate::listings::rules::holiday_until(conn, listing.seller_id)?.is_some() {
        return Ok(Bought::Refused(Refusal::OnHoliday));
    }
    if !(1..=1_000).contains(&quantity) {
        return Ok(Bought::Refused(Refusal::BadQuantity));
    }
    if !for_orders::reserve(conn, listing_id, quantity)? {
        return Ok(Bought::Refused(if availability == Availability::OnSale {
            Refusal::NotEnough
        } else {
            Refusal::NotForSale
        }));
    }
    let delivery = if listing.ships { "ship" } else { "pickup" };
    let shipping = listing.shipping_minor.filter(|_| listing.ships);
    let b = breakdown(cfg, listing.price_minor, quantity, shipping);
    let pay_by = state::after(cfg.orders.pay_within);
    let id: Option<i64> = diesel::insert_into(orders::table)
        .values((
            orders::buyer_id.eq(buyer_id),
            orders::seller_id.eq(listing.seller_id),
            orders::listing_id.eq(listing_id),
            orders::idempotency_key.eq(key),
            orders::title.eq(&listing.title),
            orders::quantity.eq(quantity),
            orders::currency.eq(&listing.currency),
            orders::item_minor.eq(b.item),
            orders::shipping_minor.eq(b.shipping),
            orders::protection_fee_minor.eq(b.protection_fee),
            orders::total_minor.eq(b.total),
            orders::seller_fee_minor.eq(b.seller_fee),
            orders::delivery.eq(delivery),
            orders::pay_by.eq(pay_by),
            orders::quoted_shipping_minor.eq(listing.shipping_minor),
        ))
        .on_conflict_do_nothing()
        .returning(orders::id)
        .get_result(conn)
        .optional()?;
    // A twin request with the same key committed first: undo this one's reservation.
    let id = id.ok_or(Error::Twin)?;
    model::event(conn, id, Some(buyer_id), "placed", "")?;
    state::job(conn, EXPIRE_JOB, id, pay_by)?;
    let o = model::find(conn, id)?;
    let p = emails::parties(conn, &o)?;
    emails::send(
        conn,
        cfg,
        &o,
        &p.buyer,
        "order_placed",
        &[("date", EmailArg::Date(pay_by))],
    )?;
    Ok(Bought::Placed(id))
}

/// A delivery address as typed at checkout.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct AddressInput {
    pub name: String,
    pub line1: String,
    pub line2: String,
    pub city: String,
    pub postcode: String,
    pub country: String,
}

impl AddressInput {
    /// The address as the order keeps it: one line per part, empty parts left out.
    pub fn lines(&self) -> String {
        let place = format!("{} {}", self.postcode.trim(), self.city.trim());
        [
            self.name.trim(),
            self.line1.trim(),
            self.line2.trim(),
            place.trim(),
            self.country.trim(),
        ]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("\n")
    }

    pub fn check(&self, errors: &mut FormErrors) {
        let fields = [
            ("name", &self.name, true),
            ("line1", &self.line1, true),
            ("line2", &self.line2, false),
            ("city", &self.city, true),
            ("postcode", &self.postcode, false),
            ("country", &self.country, true),
        ];
        for (name, value, required) in fields {
            let v = value.trim();
            if required && v.is_empty() {
                errors.add(name, "address-required");
            } else if v.chars().count() > 120 {
                errors.add(name, "address-too-long");
            } else if let Err(key) = crate::web::form::plain_text(v, false) {
                errors.add(name, key);
            }
        }
    }
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = addresses, check_for_backend(diesel::pg::Pg))]
pub struct SavedAddress {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    pub line1: String,
    pub line2: String,
    pub city: String,
    pub postcode: String,
    pub country: String,
}

impl SavedAddress {
    pub fn input(&self) -> AddressInput {
        AddressInput {
            name: self.name.clone(),
            line1: self.line1.clone(),
            line2: self.line2.clone(),
            city: self.city.clone(),
            postcode: self.postcode.clone(),
            country: self.country.clone(),
        }
    }

    /// The saved address as a choice: the same parts as the order keeps (the postcode
    /// with the city), on one line.
    pub fn one_line(&self) -> String {
        self.input().lines().replace('\n', ", ")
    }
}

/// Forgets the user's saved addresses (an account kept only for its orders' sake).
pub fn forget_addresses(conn: &mut PgConnection, user_id: i64) -> QueryResult<usize> {
    diesel::delete(addresses::table.filter(addresses::user_id.eq(user_id))).execute(conn)
}

pub fn saved_addresses(conn: &mut PgConnection, user_id: i64) -> QueryResult<Vec<SavedAddress>> {
    addresses::table
        .filter(addresses::user_id.eq(user_id))
        .order(addresses::id.desc())
        .limit(5)
        .select(SavedAddress::as_select())
        .load(conn)
}

/// What the buyer chose at checkout.
#[derive(Clone, Debug)]
pub struct Choice {
    pub quantity: i32,
    pub pickup: bool,
    pub address: AddressInput,
    /// Keep the address for the buyer's next orders.
    pub save: bool,
}

/// A pending order as checkout left it, ready to pay.
#[derive(Clone, Debug)]
pub struct Chosen {
    pub order: Order,
    /// The order's payment still open, to send the buyer back to it.
    pub open: Option<Payment>,
    /// How many payments the order had (the provider's attempt number).
    pub attempts: usize,
}

/// The buyer's checkout form applied to their pending order, in one transaction: the
/// quantity (reserving or giving back the difference), delivery and address, the money
/// recomputed. `None`: not enough left for the new quantity, and nothing changed.
pub fn choose(
    conn: &mut PgConnection,
    cfg: &Config,
    id: i64,
    buyer_id: i64,
    choice: &Choice,
) -> Result<Option<Chosen>, Error> {
    conn.transaction(|conn| {
        let actor = Initiator::User {
            id: buyer_id,
            admin: false,
        };
        let (o, _) = state::lock_for(
            conn,
            id,
            actor,
            &[Relation::Buyer],
            &[OrderStatus::PendingPayment],
        )?;
        if !set_quantity(conn, &o, choice.quantity)? {
            return Ok(None);
        }
        let o = model::find(conn, o.id)?;
        let order = set_delivery(conn, cfg, &o, choice.pickup, &choice.address, choice.save)?;
        let open = payments::open_for(conn, order.id)?;
        let attempts = payments::of_order(conn, order.id)?.len();
        Ok(Some(Chosen {
            order,
            open,
            attempts,
        }))
    })
}

/// Changes how many units a pending order holds, reserving or giving back the
/// difference with the same conditional update as "Buy now". `false`: not enough left.
pub fn set_quantity(conn: &mut PgConnection, o: &Order, quantity: i32) -> Result<bool, Error> {
    let delta = quantity - o.quantity;
    if delta == 0 {
        return Ok(true);
    }
    if !for_orders::change_reservation(conn, o.listing_id, delta)? {
        return Ok(false);
    }
    let unit = o.item_minor / i64::from(o.quantity.max(1));
    diesel::update(orders::table.find(o.id))
        .set((
            orders::quantity.eq(quantity),
            orders::item_minor.eq(unit * i64::from(quantity)),
        ))
        .execute(conn)?;
    Ok(true)
}

/// Sets delivery (and the address) of a pending order and recomputes its money.
pub fn set_delivery(
    conn: &mut PgConnection,
    cfg: &Config,
    o: &Order,
    pickup: bool,
    address: &AddressInput,
    save: bool,
) -> Result<Order, Error> {
    let unit = o.item_minor / i64::from(o.quantity.max(1));
    // The prices of "Buy now": the listing may have changed since, even its currency.
    let shipping = if pickup {
        None
    } else {
        o.quoted_shipping_minor
    };
    let b = breakdown(cfg, unit, o.quantity, shipping);
    let a = if pickup {
        AddressInput::default()
    } else {
        address.clone()
    };
    diesel::update(orders::table.find(o.id))
        .set((
            orders::delivery.eq(if pickup { "pickup" } else { "ship" }),
            orders::shipping_minor.eq(b.shipping),
            orders::protection_fee_minor.eq(b.protection_fee),
            orders::total_minor.eq(b.total),
            orders::seller_fee_minor.eq(b.seller_fee),
            orders::ship_address.eq(a.lines()),
            orders::updated_at.eq(Utc::now()),
        ))
        .execute(conn)?;
    if save && !pickup {
        let known = saved_addresses(conn, o.buyer_id)?.iter().any(|s| {
            s.line1 == a.line1.trim() && s.city == a.city.trim() && s.name == a.name.trim()
        });
        if !known {
            diesel::insert_into(addresses::table)
                .values((
                    addresses::user_id.eq(o.buyer_id),
                    addresses::name.eq(a.name.trim()),
                    addresses::line1.eq(a.line1.trim()),
                    addresses::line2.eq(a.line2.trim()),
                    addresses::city.eq(a.city.trim()),
                    addresses::postcode.eq(a.postcode.trim()),
                    addresses::country.eq(a.country.trim()),
                ))
                .execute(conn)?;
        }
    }
    Ok(model::find(conn, o.id)?)
}
