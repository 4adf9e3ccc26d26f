//! Demo listings (`pasar seed --demo`): about 400 listings from the demo members, each
//! written in its seller's language and priced in their currency (Indonesian sellers in
//! rupiah, Greek and French ones in euros, English ones in dollars), spread over every
//! category, with one to three pictures drawn by the program.
//!
//! Everything is decided by `plan()` from a fixed seed before the database is touched,
//! so every run plans the same listings. A seller who already has listings is skipped,
//! which makes a second run add nothing; each seller's listings go in one transaction,
//! so an interrupted run leaves every seller either complete or untouched, and the next
//! run finishes the job.

use anyhow::Context;
use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;

use super::catalogue::{self, Item, ITEMS};
use super::pictures;
use super::rng::Rng;
use super::{demo_email, PEOPLE};
use crate::db::schema::{listing_photos, listings, users};
use crate::listings::categories::{AttrDef, AttrKind, CategoryTree};
use crate::listings::model::ListingFields;
use crate::listings::photos;
use crate::storage::Storage;

/// How many listings the demo plans.
pub const DEMO_LISTINGS: usize = 400;
/// The seed of the whole plan; change it and every demo listing changes.
const SEED: u64 = 0x5041_5341_5244_454D;

/// One demo listing, fully decided except for database ids.
#[derive(Clone, Debug)]
pub struct Planned {
    /// Position in the plan; also seeds the listing's pictures.
    pub n: usize,
    /// Index of the seller in the demo people.
    pub seller: usize,
    pub item: &'static Item,
    pub locale: &'static str,
    pub title: String,
    pub description: String,
    pub condition: &'static str,
    pub price_minor: i64,
    pub currency: &'static str,
    pub quantity: i32,
    pub ships: bool,
    pub shipping_minor: Option<i64>,
    pub pickup: bool,
    pub city: &'static str,
    pub country: &'static str,
    pub status: &'static str,
    /// How long before the seeding it was published (drafts: created), in seconds.
    pub age_secs: i64,
    pub photos: u32,
    pub views: i64,
    pub favourites: i32,
    /// Seeds the per-listing choices that need the category tree (sizes, colours).
    attr_seed: u64,
}

/// The currency a seller of `locale` prices in.
pub fn currency_for(locale: &str) -> &'static str {
    match locale {
        "id" => "IDR",
        "el" | "fr" => "EUR",
        _ => "USD",
    }
}

/// A price people would type: whole rupiah thousands, round euro and dollar amounts.
pub fn price_minor(eur: f64, currency: &str) -> i64 {
    match currency {
        "IDR" => ((eur * 17_000.0 / 1_000.0).round() as i64).max(1) * 1_000,
        "USD" => (round_price(eur * 1.08) * 100.0).round() as i64,
        _ => (round_price(eur) * 100.0).round() as i64,
    }
}

fn round_price(v: f64) -> f64 {
    let step = if v < 10.0 {
        0.5
    } else if v < 100.0 {
        1.0
    } else if v < 1000.0 {
        5.0
    } else {
        50.0
    };
    ((v / step).round() * step).max(step)
}

/// What a condition does to the asking price.
fn condition_factor(condition: &str) -> f64 {
    match condition {
        "new_with_tags" => 1.2,
        "new" => 1.12,
        "like_new" => 1.0,
        "good" => 0.85,
        "fair" => 0.65,
        _ => 0.35,
    }
}

/// Big things are usually collected, not posted.
fn bulky(category: &str) -> bool {
    matches!(category, "motorbikes" | "furniture" | "vehicles" | "garden")
}

/// The whole demo, decided up front: the same on every run.
pub fn plan() -> Vec<Planned> {
    let mut rng = Rng::new(SEED);
    let sellers: Vec<usize> = PEOPLE
        .iter()
        .enumerate()
        .filter(|(_, p)| p.5 != "admin")
        .map(|(i, _)| i)
        .collect();
    // Some members sell a lot, others a few things.
    let weights: Vec<usize> = sellers.iter().map(|_| 1 + rng.below(3)).collect();
    let total: usize = weights.iter().sum();
    let mut order: Vec<usize> = (0..ITEMS.len()).collect();
    let mut out = Vec::with_capacity(DEMO_LISTINGS);
    for n in 0..DEMO_LISTINGS {
        // Every item is used before any is used again, so all categories get listings.
        if n % ITEMS.len() == 0 {
            rng.shuffle(&mut order);
        }
        let item = &ITEMS[order[n % ITEMS.len()]];
        let mut pick = rng.below(total);
        let mut seller = sellers[0];
        for (s, w) in sellers.iter().zip(&weights) {
            if pick < *w {
                seller = *s;
                break;
            }
            pick -= w;
        }
        out.push(plan_one(n, seller, item));
    }
    out
}

fn plan_one(n: usize, seller: usize, item: &'static Item) -> Planned {
    let (_, _, city, country, locale, _) = PEOPLE[seller];
    let mut l = Rng::new(SEED ^ (n as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let text = item.text(locale);
    let condition = *l.pick(item.conditions);
    let currency = currency_for(locale);
    let (lo, hi) = item.eur;
    let eur = (f64::from(lo) + l.unit_f64() * f64::from(hi - lo)) * condition_factor(condition);
    let price_minor = price_minor(eur, currency);

    let ships = if bulky(item.category) {
        l.chance(0.15)
    } else {
        l.chance(0.8)
    };
    let pickup = !ships || l.chance(0.5);
    let shipping_minor = ships.then(|| {
        if l.chance(0.2) {
            0
        } else {
            match currency {
                "IDR" => l.between(9, 35) * 1_000,
                "USD" => (round_price(4.0 + l.unit_f64() * 11.0) * 100.0) as i64,
                _ => (round_price(3.5 + l.unit_f64() * 8.5) * 100.0) as i64,
            }
        }
    });

    // The item's own sentences, then maybe a general remark and a word on delivery,
    // keeping to at most four sentences.
    let mut description = text.description.to_string();
    let mut sentences = description.matches(". ").count() + 1;
    if sentences < 4 && l.chance(0.45) {
        description.push(' ');
        description.push_str(l.pick::<&str>(catalogue::extras(locale)));
        sentences += 1;
    }
    if sentences < 4 && l.chance(0.55) {
        description.push(' ');
        if ships && (!pickup || l.chance(0.5)) {
            description.push_str(catalogue::shipping_note(locale));
        } else {
            description.push_str(&catalogue::pickup_note(locale, city));
        }
    }

    let r = l.unit_f64();
    let status = if r < 0.03 {
        "draft"
    } else if r < 0.08 {
        "paused"
    } else if r < 0.13 {
        "sold"
    } else {
        "active"
    };
    let age_secs = l.between(10 * 60, 60 * 86_400);
    let days = age_secs / 86_400;
    let views = if status == "draft" {
        0
    } else {
        (days + 1) * l.between(2, 25)
    };
    let favourites = (views / l.between(12, 40)) as i32;
    let quantity = if matches!(condition, "new" | "new_with_tags") && l.chance(0.4) {
        l.between(2, 5) as i32
    } else {
        1
    };
    let photos = match l.below(10) {
        0..=2 => 1,
        3..=6 => 2,
        _ => 3,
    };
    Planned {
        n,
        seller,
        item,
        locale,
        title: text.title.to_string(),
        description,
        condition,
        price_minor,
        currency,
        quantity,
        ships,
        shipping_minor,
        pickup,
        city,
        country,
        status,
        age_secs,
        photos,
        views,
        favourites,
        attr_seed: l.next_u64(),
    }
}

/// The listing's attributes: the item's fixed ones, plus a size, colour, age or language
/// where the category asks for one. Only values the listing form would accept.
/// `defs` are the category's (`CategoryTree::attributes`).
pub fn attributes(defs: &[AttrDef], item: &Item, locale: &str, seed: u64) -> serde_json::Value {
    let mut rng = Rng::new(seed);
    let slug = item.category;
    let wears = slug.contains("clothing") || slug.contains("shoes");
    let mut out = serde_json::Map::new();
    for def in defs {
        let fixed = item
            .attributes
            .iter()
            .find(|(k, _)| *k == def.key)
            .map(|(_, v)| v.to_string());
        let select = def.kind == AttrKind::Select && !def.options.is_empty();
        let value = match fixed {
            Some(v) => Some(v),
            None if select => match def.key.as_str() {
                "language" => def.options.iter().find(|o| *o == locale).cloned(),
                "size" if wears => Some(rng.pick(&def.options).clone()),
                "colour" if rng.chance(0.75) => Some(rng.pick(&def.options).clone()),
                "age" | "material" => Some(rng.pick(&def.options).clone()),
                _ => None,
            },
            None => None,
        };
        let Some(value) = value else { continue };
        if def.kind == AttrKind::Select && !def.options.contains(&value) {
            continue;
        }
        out.insert(def.key.clone(), serde_json::Value::String(value));
    }
    serde_json::Value::Object(out)
}

/// Adds the planned demo listings of every demo member who has no listings yet.
/// Returns how many listings were added (0 on a second run).
pub fn demo_listings(conn: &mut PgConnection, storage: &dyn Storage) -> anyhow::Result<usize> {
    demo_listings_with(conn, storage, pictures::WIDTH)
}

/// `demo_listings` with pictures `width` pixels wide (4:5 portrait, at least 100).
/// Drawing and re-encoding pictures is nearly all of the seeding time, so the tests,
/// built without optimisation, use small ones.
pub fn demo_listings_with(
    conn: &mut PgConnection,
    storage: &dyn Storage,
    width: u32,
) -> anyhow::Result<usize> {
    let width = width.max(100);
    let tree = CategoryTree::load(conn)?;
    let plan = plan();
    let now = Utc::now();
    let mut added = 0;
    for (s, person) in PEOPLE.iter().enumerate() {
        let mine: Vec<&Planned> = plan.iter().filter(|p| p.seller == s).collect();
        if mine.is_empty() {
            continue;
        }
        let seller_id: Option<i64> = users::table
            .filter(users::email.eq(demo_email(person.1)))
            .select(users::id)
            .first(conn)
            .optional()?;
        let Some(seller_id) = seller_id else {
            continue;
        };
        // Checked before drawing pictures, so a second run costs a few queries only.
        if has_listings(conn, seller_id)? {
            continue;
        }
        added += seed_seller(conn, storage, &tree, seller_id, &mine, now, width)
            .with_context(|| format!("demo listings of {}", person.1))?;
    }
    Ok(added)
}

fn has_listings(conn: &mut PgConnection, seller_id: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        listings::table.filter(listings::seller_id.eq(seller_id)),
    ))
    .get_result(conn)
}

/// A stored picture of a planned listing: (index in the seller's list, position, key,
/// width, height).
type Stored = (usize, u32, String, i32, i32);

/// Draws and stores the seller's pictures, then inserts their listings in one
/// transaction. The pictures are stored first because storage may be slow or remote and
/// no connection should wait on it inside a transaction; if the transaction fails or
/// another run got there first, they are deleted again.
fn seed_seller(
    conn: &mut PgConnection,
    storage: &dyn Storage,
    tree: &CategoryTree,
    seller_id: i64,
    mine: &[&Planned],
    now: DateTime<Utc>,
    width: u32,
) -> anyhow::Result<usize> {
    let mut jobs = Vec::new();
    for (i, p) in mine.iter().enumerate() {
        let category = tree
            .by_slug(p.item.category)
            .with_context(|| format!("no category {}", p.item.category))?;
        let top = tree
            .trail(category.id)
            .first()
            .map(|c| c.slug.clone())
            .unwrap_or_default();
        for shot in 0..p.photos {
            jobs.push(PhotoJob {
                index: i,
                shot,
                slug: p.item.category,
                top: top.clone(),
                seed: SEED ^ p.n as u64,
                width,
            });
        }
    }
    let stored = store_pictures(storage, &jobs)?;

    let result = conn.transaction(|conn| -> anyhow::Result<usize> {
        // The row lock makes two seeders running at once take turns; the second one
        // then sees the listings and adds nothing.
        users::table
            .find(seller_id)
            .select(users::id)
            .for_update()
            .first::<i64>(conn)?;
        if has_listings(conn, seller_id)? {
            return Ok(0);
        }
        for (i, p) in mine.iter().enumerate() {
            insert_one(conn, tree, seller_id, p, now, i, &stored)?;
        }
        Ok(mine.len())
    });
    match result {
        Ok(0) | Err(_) => {
            for (_, _, key, _, _) in &stored {
                photos::delete(storage, key);
            }
        }
        Ok(_) => {}
    }
    result
}

fn insert_one(
    conn: &mut PgConnection,
    tree: &CategoryTree,
    seller_id: i64,
    p: &Planned,
    now: DateTime<Utc>,
    index: usize,
    stored: &[Stored],
) -> anyhow::Result<()> {
    let category_id = tree
        .by_slug(p.item.category)
        .map(|c| c.id)
        .with_context(|| format!("no category {}", p.item.category))?;
    let fields = ListingFields {
        category_id,
        title: p.title.clone(),
        description: p.description.clone(),
        condition: p.condition.to_string(),
        price_minor: p.price_minor,
        currency: p.currency.to_string(),
        quantity: p.quantity,
        ships: p.ships,
        shipping_minor: p.shipping_minor,
        pickup: p.pickup,
        city: p.city.to_string(),
        country: p.country.to_string(),
        attributes: attributes(&tree.attributes(category_id), p.item, p.locale, p.attr_seed),
    };
    let at = now - Duration::seconds(p.age_secs);
    let published = (p.status != "draft").then_some(at);
    // Written a little before publishing; sold and paused ones changed since.
    let created = at - Duration::minutes(5 + (p.age_secs % 115));
    let updated = match p.status {
        "sold" | "paused" => at + Duration::seconds(p.age_secs / 2),
        _ => at,
    };
    let id: i64 = diesel::insert_into(listings::table)
        .values((
            &fields,
            listings::seller_id.eq(seller_id),
            listings::status.eq(p.status),
            listings::published_at.eq(published),
            listings::created_at.eq(created),
            listings::updated_at.eq(updated),
            listings::views.eq(p.views),
            listings::favourites.eq(p.favourites),
        ))
        .returning(listings::id)
        .get_result(conn)?;
    let rows: Vec<_> = stored
        .iter()
        .filter(|s| s.0 == index)
        .map(|(_, shot, key, w, h)| {
            (
                listing_photos::listing_id.eq(id),
                listing_photos::position.eq(*shot as i32),
                listing_photos::storage_key.eq(key.clone()),
                listing_photos::width.eq(*w),
                listing_photos::height.eq(*h),
            )
        })
        .collect();
    diesel::insert_into(listing_photos::table)
        .values(&rows)
        .execute(conn)?;
    Ok(())
}

/// One picture to draw.
struct PhotoJob {
    /// Which listing (index in the caller's list).
    index: usize,
    /// Position among the listing's photos.
    shot: u32,
    slug: &'static str,
    top: String,
    seed: u64,
    width: u32,
}

/// Draws, checks, re-encodes and stores pictures on every core. Drawing and JPEG work
/// dominate seeding time, and the pictures are independent. On any failure the pictures
/// stored so far are deleted and the first error returned.
fn store_pictures(storage: &dyn Storage, jobs: &[PhotoJob]) -> anyhow::Result<Vec<Stored>> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(1, 8);
    let next = AtomicUsize::new(0);
    let outcomes: Vec<(Vec<Stored>, Option<anyhow::Error>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(job) = jobs.get(i) else {
                            return (done, None);
                        };
                        match store_one(storage, job) {
                            Ok(s) => done.push(s),
                            Err(e) => {
                                // Make the other threads stop picking up work.
                                next.store(jobs.len(), Ordering::Relaxed);
                                return (done, Some(e));
                            }
                        }
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| {
                    (
                        Vec::new(),
                        Some(anyhow::anyhow!("a picture thread panicked")),
                    )
                })
            })
            .collect()
    });
    let mut stored = Vec::with_capacity(jobs.len());
    let mut failure = None;
    for (done, err) in outcomes {
        stored.extend(done);
        if failure.is_none() {
            failure = err;
        }
    }
    if let Some(e) = failure {
        for (_, _, key, _, _) in &stored {
            photos::delete(storage, key);
        }
        return Err(e);
    }
    Ok(stored)
}

/// Draws a picture and runs it through the upload path (`photos::process`), so the
/// stored sizes and dimensions are exactly what an uploaded photo would get.
pub(crate) fn picture(
    slug: &str,
    top: &str,
    seed: u64,
    shot: u32,
    width: u32,
) -> anyhow::Result<photos::Processed> {
    let height = width * pictures::HEIGHT / pictures::WIDTH;
    let upload = pictures::encode(&pictures::draw(slug, top, seed, shot, width, height))?;
    Ok(photos::process(&upload)?)
}

fn store_one(storage: &dyn Storage, job: &PhotoJob) -> anyhow::Result<Stored> {
    let processed = picture(job.slug, &job.top, job.seed, job.shot, job.width)?;
    let key = photos::store(storage, &processed)?;
    Ok((
        job.index,
        job.shot,
        key,
        processed.width as i32,
        processed.height as i32,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_plan_is_stable_and_varied() {
        let a = plan();
        let b = plan();
        assert_eq!(a.len(), DEMO_LISTINGS);
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(
                (x.seller, &x.title, x.price_minor),
                (y.seller, &y.title, y.price_minor)
            );
        }
        let locales: HashSet<_> = a.iter().map(|p| p.locale).collect();
        assert_eq!(locales.len(), 4);
        let currencies: HashSet<_> = a.iter().map(|p| p.currency).collect();
        assert_eq!(currencies.len(), 3);
        let categories: HashSet<_> = a.iter().map(|p| p.item.category).collect();
        assert_eq!(
            categories.len(),
            ITEMS
                .iter()
                .map(|i| i.category)
                .collect::<HashSet<_>>()
                .len()
        );
        let sellers: HashSet<_> = a.iter().map(|p| p.seller).collect();
        assert_eq!(
            sellers.len(),
            PEOPLE.len() - 1,
            "every member but the admin sells"
        );
        let count = |s: &str| a.iter().filter(|p| p.status == s).count();
        assert!((4..=25).contains(&count("draft")), "{}", count("draft"));
        assert!((8..=35).contains(&count("paused")), "{}", count("paused"));
        assert!((8..=35).contains(&count("sold")), "{}", count("sold"));
        assert!(a.iter().filter(|p| p.quantity > 1).count() >= 3);
        assert!(a.iter().any(|p| p.ships && p.pickup));
        assert!(a.iter().any(|p| !p.ships && p.pickup));
        assert!(a.iter().any(|p| p.shipping_minor == Some(0)));
        for p in &a {
            assert!(p.ships || p.pickup);
            assert!(p.price_minor > 0);
            assert!((1..=3).contains(&p.photos));
        }
    }

    #[test]
    fn prices_convert_and_round() {
        assert_eq!(price_minor(100.0, "EUR"), 10_000);
        assert_eq!(price_minor(100.0, "USD"), 11_000);
        assert_eq!(price_minor(100.0, "IDR"), 1_700_000);
        assert_eq!(price_minor(12.34, "IDR"), 210_000);
        assert_eq!(price_minor(7.3, "EUR"), 750);
        assert_eq!(price_minor(1234.0, "EUR"), 125_000);
        assert_eq!(price_minor(0.01, "EUR"), 50);
    }
}
