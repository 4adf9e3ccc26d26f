//! Demo orders between demo members, so a new visitor sees the buying side alive: sales
//! completed (with balances), one waiting to be shipped, one on its way, one in dispute;
//! the first four from one seller, whose profile then shows its trust numbers.
//! They go through the same rules as real orders (reservation, sandbox payment, ledger,
//! emails), so the books balance. Nothing is added once any order exists.

use diesel::prelude::*;

use crate::config::Config;
use crate::db::schema::{listings, orders, users};
use crate::listings::model::Listing;
use crate::orders::checkout::{self, AddressInput, Bought};
use crate::orders::payments::{self, PaymentOutcome, Started};
use crate::orders::state::{self, Initiator};
use crate::orders::{disputes, model};
use crate::web::AppError;

/// (buyer, where the order ends up)
const SCENARIOS: [(&str, &str); 6] = [
    ("camille", "completed"),
    ("siti", "completed"),
    ("maria", "completed"),
    ("emma", "paid"),
    ("lucas", "shipped"),
    ("budi", "disputed"),
];

pub fn demo_orders(conn: &mut PgConnection, cfg: &Config) -> Result<usize, AppError> {
    let any: bool =
        diesel::select(diesel::dsl::exists(orders::table.select(orders::id))).get_result(conn)?;
    if any {
        return Ok(0);
    }
    // The first four go to one seller, so a demo profile has enough orders for its trust
    // numbers (`orders::for_profile`, 3 at least); the others spread out.
    let first_buyers: Vec<String> = SCENARIOS[..4]
        .iter()
        .map(|(local, _)| super::demo_email(local))
        .collect();
    let buyers = users::table
        .filter(users::email.eq_any(first_buyers))
        .select(users::id);
    let star: Option<i64> = listings::table
        .filter(listings::status.eq(crate::listings::status::ListingStatus::Active))
        .filter(listings::ships.eq(true))
        .filter(listings::seller_id.ne_all(buyers.load::<i64>(conn)?))
        .order(listings::id)
        .offset(3)
        .select(listings::seller_id)
        .first(conn)
        .optional()?;
    let mut made = 0;
    for (i, (local, end)) in SCENARIOS.iter().enumerate() {
        let Some((buyer, name, city, country)) = users::table
            .filter(users::email.eq(super::demo_email(local)))
            .select((users::id, users::display_name, users::city, users::country))
            .first::<(i64, String, String, String)>(conn)
            .optional()?
        else {
            continue;
        };
        // A shipped item of someone else, a different one for each scenario.
        let mut items = listings::table
            .filter(listings::status.eq(crate::listings::status::ListingStatus::Active))
            .filter(listings::ships.eq(true))
            .filter(listings::seller_id.ne(buyer))
            .order(listings::id)
            .into_boxed();
        let offset = match star {
            Some(seller) if i < 4 => {
                items = items.filter(listings::seller_id.eq(seller));
                i as i64
            }
            _ => 7 * i as i64 + 3,
        };
        let Some(listing) = items
            .offset(offset)
            .select(Listing::as_select())
            .first(conn)
            .optional()?
        else {
            continue;
        };
        conn.transaction(|conn| play(conn, cfg, i, buyer, &name, &city, &country, &listing, end))?;
        made += 1;
    }
    Ok(made)
}

#[allow(clippy::too_many_arguments)]
pub(super) fn play(
    conn: &mut PgConnection,
    cfg: &Config,
    i: usize,
    buyer: i64,
    name: &str,
    city: &str,
    country: &str,
    listing: &Listing,
    end: &str,
) -> Result<(), crate::orders::Error> {
    let key = format!("demo-order-{i}");
    let (Bought::Placed(id) | Bought::Again(id)) =
        checkout::buy(conn, cfg, buyer, listing.id, 1, &key)?
    else {
        return Ok(());
    };
    let o = model::find(conn, id)?;
    let address = AddressInput {
        name: name.to_string(),
        line1: format!("{} Demo Street", 10 + i),
        line2: String::new(),
        city: city.to_string(),
        postcode: format!("{:05}", 10_000 + i * 111),
        country: country.to_string(),
    };
    let o = checkout::set_delivery(conn, cfg, &o, false, &address, i == 0)?;
    let started = Started {
        reference: format!("sbx_demo_{i}"),
        method: "card",
        redirect: String::new(),
        virtual_account: String::new(),
    };
    let p = payments::record(conn, "sandbox", &o, &started)?;
    crate::orders::payment_events::apply_outcome(
        conn,
        cfg,
        p,
        &PaymentOutcome::Succeeded {
            brand: "visa".into(),
            last4: "4242".into(),
            provider_payment: started.reference.clone(),
        },
    )?;
    if end == "paid" {
        return Ok(());
    }
    let seller = Initiator::User {
        id: o.seller_id,
        admin: false,
    };
    let buyer = Initiator::User {
        id: buyer,
        admin: false,
    };
    state::ship(
        conn,
        cfg,
        id,
        seller,
        "PosIndonesia",
        &format!("DEMO{:06}", 4_200 + i),
    )?;
    match end {
        "completed" => state::confirm(conn, cfg, id, buyer),
        "disputed" => disputes::open(
            conn,
            cfg,
            id,
            buyer,
            "not_as_described",
            "The colour is not the one in the photos.",
        ),
        _ => Ok(()),
    }
}
