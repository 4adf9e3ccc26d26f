//! Bench data (`pasar seed --bench N`): a thousand bench sellers and N listings, loaded
//! with PostgreSQL `COPY` in batches, for load tests of list pages and search.
//!
//! Listings mix the catalogue's titles and sentences across the four languages, so
//! full-text search meets common words ("iphone", "sepeda", "ποδήλατο", "vélo"), the same
//! thing in several languages, and rare words (made-up hashtags, each on a few dozen
//! listings per million). Categories, prices, currencies, cities and ages (up to a year)
//! vary; 95% are active. Generation runs on its own thread while the previous batch is
//! being copied, so the database, not the generator, sets the pace.
//!
//! Running it again tops up to N listings rather than adding N more. No pictures are
//! drawn per listing: `bench_photos` gives the newest thousand a copy of one of twenty
//! pictures, so the first pages show photos like a real site.

use std::collections::HashMap;
use std::io::Write;
use std::time::Instant;

use anyhow::Context;
use chrono::{DateTime, Duration, Utc};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;

use super::catalogue::{self, Item, ITEMS};
use super::listings::{attributes, currency_for, picture, price_minor};
use super::pictures;
use super::rng::Rng;
use super::{refresh_search, DEMO_PASSWORD, PEOPLE};
use crate::db::schema::{listing_photos, listings, users};
use crate::listings::categories::{AttrDef, CategoryTree};
use crate::listings::photos;
use crate::storage::Storage;

/// Bench sellers, `bench-<n>@bench.pasar.test`.
pub const BENCH_SELLERS: usize = 1000;
/// Rows per `COPY`: large enough that per-statement costs vanish, small enough that
/// progress shows and a batch's text (about 8 MB) stays modest.
const BATCH: usize = 20_000;
/// Distinct made-up words; with a 30% chance per listing each lands on about 15 listings
/// per million, the "rare word" case of search.
const RARE_WORDS: u64 = 20_000;
const SEED: u64 = 0x4245_4E43_4850_4153;
const LOCALES: [&str; 4] = ["en", "id", "el", "fr"];

/// The email of bench seller `n`.
pub fn bench_email(n: usize) -> String {
    format!("bench-{n}@bench.pasar.test")
}

/// A bench seller as listings need them.
#[derive(Clone, Debug)]
struct Seller {
    id: i64,
    locale: String,
    city: String,
    country: String,
}

/// Adds bench sellers and listings until the bench sellers hold `n` listings, then
/// analyzes the table and refreshes the search vocabulary. Returns how many listings
/// were added. Progress goes to the log.
pub fn seed_bench(conn: &mut PgConnection, n: usize) -> anyhow::Result<usize> {
    let started = Instant::now();
    let sellers = ensure_sellers(conn)?;
    let existing: i64 = listings::table
        .inner_join(users::table)
        .filter(users::email.like("%@bench.pasar.test"))
        .count()
        .get_result(conn)?;
    let from = usize::try_from(existing).unwrap_or(0);
    if from >= n {
        tracing::info!(existing, "bench listings already loaded");
        return Ok(0);
    }
    let tree = CategoryTree::load(conn)?;
    let categories = Categories::new(&tree)?;
    // Losing the last commits of a bench load to a crash costs nothing; waiting for
    // every commit's WAL flush costs time. Only this session is affected.
    conn.batch_execute("SET synchronous_commit = off")?;
    let now = Utc::now();
    let total = n - from;
    let mut added = 0usize;
    std::thread::scope(|scope| -> anyhow::Result<()> {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<u8>>(2);
        let sellers = &sellers;
        let categories = &categories;
        let generator = scope.spawn(move || {
            let mut i = from;
            while i < n {
                let end = (i + BATCH).min(n);
                let batch = copy_rows(i..end, sellers, categories, now);
                if tx.send(batch).is_err() {
                    // The loader stopped (it failed); its error is reported there.
                    return;
                }
                i = end;
            }
        });
        for batch in rx {
            let rows = copy(conn, batch)?;
            added += rows;
            let secs = started.elapsed().as_secs_f64();
            tracing::info!(
                rows = added,
                of = total,
                per_second = (added as f64 / secs.max(0.001)) as u64,
                "bench listings loaded"
            );
        }
        generator
            .join()
            .map_err(|_| anyhow::anyhow!("the bench generator panicked"))?;
        Ok(())
    })?;
    conn.batch_execute("SET synchronous_commit = on")?;
    let loaded = started.elapsed();
    conn.batch_execute("ANALYZE listings; ANALYZE users")?;
    refresh_search(conn)?;
    tracing::info!(
        added,
        load_seconds = loaded.as_secs_f64(),
        total_seconds = started.elapsed().as_secs_f64(),
        "bench data ready"
    );
    Ok(added)
}

/// Inserts the bench sellers that are missing and returns them all.
fn ensure_sellers(conn: &mut PgConnection) -> anyhow::Result<Vec<Seller>> {
    let have: i64 = users::table
        .filter(users::email.like("%@bench.pasar.test"))
        .count()
        .get_result(conn)?;
    if usize::try_from(have).unwrap_or(0) < BENCH_SELLERS {
        // Every bench seller can sign in with the demo password (one hash for all).
        let hash = bcrypt::hash(DEMO_PASSWORD, 12)?;
        let mut rng = Rng::new(SEED);
        let rows: Vec<_> = (1..=BENCH_SELLERS)
            .map(|n| {
                let person = rng.pick(PEOPLE);
                let first = person.0.split(' ').next().unwrap_or("Bench");
                (
                    users::email.eq(bench_email(n)),
                    users::password_hash.eq(hash.clone()),
                    users::display_name.eq(format!("{first} {n}")),
                    users::city.eq(person.2),
                    users::country.eq(person.3),
                    users::locale.eq(person.4),
                    users::email_verified_at.eq(diesel::dsl::now),
                )
            })
            .collect();
        for chunk in rows.chunks(500) {
            diesel::insert_into(users::table)
                .values(chunk)
                .on_conflict_do_nothing()
                .execute(conn)?;
        }
    }
    let sellers = users::table
        .filter(users::email.like("%@bench.pasar.test"))
        .order(users::id)
        .select((users::id, users::locale, users::city, users::country))
        .load::<(i64, String, String, String)>(conn)?
        .into_iter()
        .map(|(id, locale, city, country)| Seller {
            id,
            locale,
            city,
            country,
        })
        .collect::<Vec<_>>();
    anyhow::ensure!(!sellers.is_empty(), "no bench sellers");
    Ok(sellers)
}

/// Category ids and attribute definitions by slug, looked up once rather than per row.
struct Categories {
    ids: HashMap<&'static str, i32>,
    attrs: HashMap<i32, Vec<AttrDef>>,
}

impl Categories {
    fn new(tree: &CategoryTree) -> anyhow::Result<Categories> {
        let mut ids = HashMap::new();
        let mut attrs = HashMap::new();
        for item in ITEMS {
            let c = tree
                .by_slug(item.category)
                .with_context(|| format!("no category {}", item.category))?;
            ids.insert(item.category, c.id);
            attrs.entry(c.id).or_insert_with(|| tree.attributes(c.id));
        }
        Ok(Categories { ids, attrs })
    }
}

/// A made-up word for "rare word" searches: four syllables, the same for the same `k`.
pub fn rare_word(k: u64) -> String {
    const SYLLABLES: [&str; 20] = [
        "ka", "lo", "mi", "ra", "tu", "ne", "so", "vi", "da", "pe", "zu", "go", "ri", "ba", "fe",
        "ho", "ju", "ky", "wa", "xo",
    ];
    // Spread consecutive k over the 160 000 possible words.
    let mut v = (k.wrapping_mul(7_919) + 13) % 160_000;
    let mut word = String::with_capacity(8);
    for _ in 0..4 {
        word.push_str(SYLLABLES[(v % 20) as usize]);
        v /= 20;
    }
    word
}

/// Short words sellers add to titles, by language.
fn title_words(locale: &str) -> &'static [&'static str] {
    match locale {
        "id" => &[
            "mulus",
            "murah",
            "original",
            "jarang pakai",
            "nego",
            "bekas",
        ],
        "el" => &[
            "σαν καινούργιο",
            "ευκαιρία",
            "γνήσιο",
            "ελάχιστα χρησιμοποιημένο",
        ],
        "fr" => &[
            "comme neuf",
            "bon état",
            "à saisir",
            "original",
            "peu servi",
        ],
        _ => &["like new", "bargain", "original", "barely used", "must go"],
    }
}

/// One listing's columns, in `COPY` text format.
fn copy_row(
    i: usize,
    sellers: &[Seller],
    categories: &Categories,
    now: DateTime<Utc>,
    out: &mut Vec<u8>,
) {
    let mut r = Rng::new(SEED ^ (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let seller = &sellers[r.below(sellers.len())];
    let item: &Item = r.pick(ITEMS);
    // Most people write in their own language; some write in another.
    let locale = if r.chance(0.8) {
        seller.locale.as_str()
    } else {
        *r.pick(&LOCALES)
    };
    let text = item.text(locale);

    let mut title = text.title.to_string();
    if r.chance(0.3) {
        title.push_str(" – ");
        title.push_str(r.pick::<&str>(title_words(locale)));
    }
    let title = truncate(&title, 80);

    let mut description = text.description.to_string();
    if r.chance(0.5) {
        // A sentence from another listing of the same language: more shared words.
        let other = r.pick(ITEMS).text(locale).description;
        if let Some(first) = other.split(". ").next() {
            description.push(' ');
            description.push_str(first.trim_end_matches('.'));
            description.push('.');
        }
    }
    if r.chance(0.4) {
        description.push(' ');
        description.push_str(r.pick::<&str>(catalogue::extras(locale)));
    }
    if r.chance(0.3) {
        description.push_str(" #");
        description.push_str(&rare_word(r.next_u64() % RARE_WORDS));
    }

    let condition = *r.pick(item.conditions);
    let currency = if r.chance(0.9) {
        currency_for(&seller.locale)
    } else {
        *r.pick(&["IDR", "EUR", "USD"])
    };
    let (lo, hi) = item.eur;
    let eur = f64::from(lo) + r.unit_f64() * f64::from(hi - lo);
    let price = price_minor(eur, currency);
    let quantity = if r.chance(0.03) { r.between(2, 10) } else { 1 };
    let ships = r.chance(0.75);
    let pickup = !ships || r.chance(0.5);
    let shipping = ships.then(|| match currency {
        "IDR" => r.between(0, 35) * 1_000,
        _ => r.between(0, 12) * 100,
    });
    let category_id = categories.ids.get(item.category).copied().unwrap_or(1);
    let attrs = categories
        .attrs
        .get(&category_id)
        .map(|defs| attributes(defs, item, locale, r.next_u64()))
        .unwrap_or_else(|| serde_json::Value::Object(Default::default()));

    let s = r.unit_f64();
    let status = if s < 0.95 {
        "active"
    } else if s < 0.97 {
        "sold"
    } else if s < 0.99 {
        "paused"
    } else {
        "draft"
    };
    let age = r.between(60, 365 * 86_400);
    let at = now - Duration::seconds(age);
    let views = r.between(0, (age / 86_400 + 1) * 20);
    let favourites = views / r.between(10, 50);

    let fields: [Field; 20] = [
        Field::Int(seller.id),
        Field::Int(i64::from(category_id)),
        Field::Text(&title),
        Field::Text(&description),
        Field::Text(condition),
        Field::Int(price),
        Field::Text(currency),
        Field::Int(quantity),
        Field::Bool(ships),
        shipping.map_or(Field::Null, Field::Int),
        Field::Bool(pickup),
        Field::Text(&seller.city),
        Field::Text(&seller.country),
        Field::Owned(attrs.to_string()),
        Field::Text(status),
        Field::Int(views),
        Field::Int(favourites),
        if status == "draft" {
            Field::Null
        } else {
            Field::Time(at)
        },
        Field::Time(at - Duration::minutes(10)),
        Field::Time(at),
    ];
    for (k, f) in fields.iter().enumerate() {
        if k > 0 {
            out.push(b'\t');
        }
        f.write(out);
    }
    out.push(b'\n');
}

/// A column value in `COPY` text format.
enum Field<'a> {
    Null,
    Int(i64),
    Bool(bool),
    Text(&'a str),
    Owned(String),
    Time(DateTime<Utc>),
}

impl Field<'_> {
    fn write(&self, out: &mut Vec<u8>) {
        match self {
            Field::Null => out.extend_from_slice(b"\\N"),
            Field::Int(v) => {
                let _ = write!(out, "{v}");
            }
            Field::Bool(b) => out.push(if *b { b't' } else { b'f' }),
            Field::Text(s) => escape(s, out),
            Field::Owned(s) => escape(s, out),
            Field::Time(t) => {
                let _ = write!(out, "{}", t.format("%Y-%m-%d %H:%M:%S%.6f+00"));
            }
        }
    }
}

/// `COPY` text format: backslash, tab, newline and carriage return are escaped.
fn escape(s: &str, out: &mut Vec<u8>) {
    for b in s.bytes() {
        match b {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(b),
        }
    }
}

fn truncate(s: &str, max: usize) -> String {
    s.chars()
        .take(max)
        .collect::<String>()
        .trim_end()
        .to_string()
}

fn copy_rows(
    range: std::ops::Range<usize>,
    sellers: &[Seller],
    categories: &Categories,
    now: DateTime<Utc>,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(range.len() * 400);
    for i in range {
        copy_row(i, sellers, categories, now, &mut out);
    }
    out
}

/// Runs one `COPY listings (...) FROM STDIN` with the prepared rows.
fn copy(conn: &mut PgConnection, rows: Vec<u8>) -> anyhow::Result<usize> {
    use listings::dsl as l;
    let n = diesel::copy_from(listings::table)
        .from_raw_data(
            (
                l::seller_id,
                l::category_id,
                l::title,
                l::description,
                l::condition,
                l::price_minor,
                l::currency,
                l::quantity,
                l::ships,
                l::shipping_minor,
                l::pickup,
                l::city,
                l::country,
                l::attributes,
                l::status,
                l::views,
                l::favourites,
                l::published_at,
                l::created_at,
                l::updated_at,
            ),
            |w: &mut dyn Write| -> Result<(), diesel::result::Error> {
                w.write_all(&rows)
                    .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))
            },
        )
        .execute(conn)?;
    Ok(n)
}

/// Gives the newest `count` active bench listings without photos one photo each: a
/// stored copy (under its own key, as keys are unique) of one of twenty pictures drawn
/// once. Returns how many photos were added.
pub fn bench_photos(
    conn: &mut PgConnection,
    storage: &dyn Storage,
    count: i64,
) -> anyhow::Result<usize> {
    let tree = CategoryTree::load(conn)?;
    let wanted: Vec<(i64, i32)> = listings::table
        .inner_join(users::table)
        .filter(users::email.like("%@bench.pasar.test"))
        .filter(listings::status.eq(crate::listings::status::ListingStatus::Active))
        .filter(diesel::dsl::not(diesel::dsl::exists(
            listing_photos::table.filter(listing_photos::listing_id.eq(listings::id)),
        )))
        .order((listings::published_at.desc(), listings::id.desc()))
        .limit(count)
        .select((listings::id, listings::category_id))
        .load(conn)?;
    if wanted.is_empty() {
        return Ok(0);
    }
    // Twenty pictures from as many categories, drawn and re-encoded once.
    let mut originals = Vec::new();
    for (i, item) in ITEMS
        .iter()
        .step_by((ITEMS.len() / 20).max(1))
        .take(20)
        .enumerate()
    {
        let top = tree
            .by_slug(item.category)
            .and_then(|c| tree.trail(c.id).first().map(|t| t.slug.clone()))
            .unwrap_or_default();
        let processed = picture(item.category, &top, SEED ^ i as u64, 0, pictures::WIDTH)?;
        let (w, h) = (processed.width as i32, processed.height as i32);
        originals.push((processed, w, h));
    }
    let mut rows = Vec::with_capacity(wanted.len());
    for (k, (listing_id, _)) in wanted.iter().enumerate() {
        let (processed, w, h) = &originals[k % originals.len()];
        let key = photos::store(storage, processed)?;
        rows.push((
            listing_photos::listing_id.eq(*listing_id),
            listing_photos::position.eq(0),
            listing_photos::storage_key.eq(key),
            listing_photos::width.eq(*w),
            listing_photos::height.eq(*h),
        ));
    }
    let mut added = 0;
    for chunk in rows.chunks(1000) {
        added += diesel::insert_into(listing_photos::table)
            .values(chunk)
            .execute(conn)?;
    }
    tracing::info!(added, "bench photos stored");
    Ok(added)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_words_are_stable_and_distinct() {
        assert_eq!(rare_word(1), rare_word(1));
        let words: std::collections::HashSet<String> = (0..RARE_WORDS).map(rare_word).collect();
        assert_eq!(words.len() as u64, RARE_WORDS);
        assert!(words.iter().all(|w| w.len() == 8));
    }

    #[test]
    fn copy_text_is_escaped() {
        let mut out = Vec::new();
        escape("a\tb\\c\nd", &mut out);
        assert_eq!(out, b"a\\tb\\\\c\\nd");
        let mut out = Vec::new();
        Field::Null.write(&mut out);
        Field::Bool(true).write(&mut out);
        assert_eq!(out, b"\\Nt");
        assert_eq!(truncate(&"é".repeat(100), 80).chars().count(), 80);
    }
}
