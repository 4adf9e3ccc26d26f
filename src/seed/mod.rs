//! Demo and benchmark data. `pasar seed --demo` adds about 40 members and 400 listings
//! with pictures so a new installation looks like a living marketplace; a second run adds
//! nothing twice. `pasar seed --bench N` bulk-loads N listings for load tests.
//!
//! `catalogue` holds the things for sale in four languages, `listings` plans and inserts
//! the demo listings, `pictures` draws their photos, `bench` loads bench data and `rng`
//! makes all of it come out the same on every run.

pub mod bench;
pub mod catalogue;
pub mod listings;
pub mod moderation;
pub mod orders;
pub mod pictures;
pub mod reviews;
pub mod rng;

use diesel::prelude::*;

use crate::db::schema::users;
use crate::storage::Storage;

pub use bench::{bench_photos, seed_bench};
pub use listings::{demo_listings, demo_listings_with};

/// The password of every demo account (printed by the CLI, written in the README).
pub const DEMO_PASSWORD: &str = "pasar-demo-2026";

/// (display name, email local part, city, country, locale, role)
pub(crate) const PEOPLE: &[(&str, &str, &str, &str, &str, &str)] = &[
    ("Admin Pasar", "admin", "Jakarta", "ID", "en", "admin"),
    ("Siti Rahma", "siti", "Jakarta", "ID", "id", "member"),
    ("Budi Santoso", "budi", "Bandung", "ID", "id", "member"),
    ("Dewi Lestari", "dewi", "Yogyakarta", "ID", "id", "member"),
    ("Agus Pratama", "agus", "Surabaya", "ID", "id", "member"),
    ("Putu Ayu", "putu", "Denpasar", "ID", "id", "member"),
    ("Rizky Hidayat", "rizky", "Medan", "ID", "id", "member"),
    ("Nur Aini", "nur", "Makassar", "ID", "id", "member"),
    ("Wayan Sudarma", "wayan", "Ubud", "ID", "id", "member"),
    ("Intan Permata", "intan", "Semarang", "ID", "id", "member"),
    ("Eko Wibowo", "eko", "Malang", "ID", "id", "member"),
    ("Maria Papadopoulou", "maria", "Αθήνα", "GR", "el", "member"),
    (
        "Giorgos Nikolaou",
        "giorgos",
        "Θεσσαλονίκη",
        "GR",
        "el",
        "member",
    ),
    ("Eleni Georgiou", "eleni", "Πάτρα", "GR", "el", "member"),
    (
        "Dimitris Ioannou",
        "dimitris",
        "Ηράκλειο",
        "GR",
        "el",
        "member",
    ),
    (
        "Katerina Vlachou",
        "katerina",
        "Λάρισα",
        "GR",
        "el",
        "member",
    ),
    ("Nikos Antoniou", "nikos", "Βόλος", "GR", "el", "member"),
    ("Sofia Christou", "sofia", "Χανιά", "GR", "el", "member"),
    ("Yannis Pappas", "yannis", "Ρόδος", "GR", "el", "member"),
    ("Anna Konstantinou", "anna", "Κέρκυρα", "GR", "el", "member"),
    ("Camille Martin", "camille", "Paris", "FR", "fr", "member"),
    ("Lucas Bernard", "lucas", "Lyon", "FR", "fr", "member"),
    ("Chloé Dubois", "chloe", "Marseille", "FR", "fr", "member"),
    ("Hugo Petit", "hugo", "Lille", "FR", "fr", "member"),
    ("Léa Moreau", "lea", "Bordeaux", "FR", "fr", "member"),
    ("Théo Laurent", "theo", "Nantes", "FR", "fr", "member"),
    ("Manon Girard", "manon", "Toulouse", "FR", "fr", "member"),
    ("Julien Roux", "julien", "Strasbourg", "FR", "fr", "member"),
    ("Inès Fournier", "ines", "Nice", "FR", "fr", "member"),
    ("Emma Wilson", "emma", "London", "GB", "en", "member"),
    ("Oliver Brown", "oliver", "Manchester", "GB", "en", "member"),
    ("Ava Johnson", "ava", "New York", "US", "en", "member"),
    ("Liam Smith", "liam", "Austin", "US", "en", "member"),
    ("Mia Garcia", "mia", "Berlin", "DE", "en", "member"),
    ("Noah Tan", "noah", "Singapore", "SG", "en", "member"),
    ("Sarah Lim", "sarah", "Kuala Lumpur", "MY", "en", "member"),
    ("Hana Putri", "hana", "Bogor", "ID", "id", "member"),
    ("Petros Kostas", "petros", "Λευκωσία", "CY", "el", "member"),
    (
        "Élodie Lambert",
        "elodie",
        "Bruxelles",
        "BE",
        "fr",
        "member",
    ),
    ("Moussa Diallo", "moussa", "Dakar", "SN", "fr", "member"),
];

/// Demo staff who sell nothing (kept out of `PEOPLE`, whose order decides the listing
/// plan): the moderator works the report queue. (display name, email local part,
/// city, country, locale, role)
pub(crate) const STAFF: &[(&str, &str, &str, &str, &str, &str)] = &[(
    "Mira Moderator",
    "moderator",
    "Paris",
    "FR",
    "fr",
    "moderator",
)];

/// The demo accounts' emails are `<name>@demo.pasar.test`.
pub fn demo_email(local: &str) -> String {
    format!("{local}@demo.pasar.test")
}

/// Inserts the demo users that are missing. Returns how many were added.
pub fn demo(conn: &mut PgConnection, password_hash: &str) -> QueryResult<usize> {
    conn.transaction(|conn| {
        let mut added = 0;
        for (i, (name, local, city, country, locale, role)) in
            PEOPLE.iter().chain(STAFF).enumerate()
        {
            let bio = match *locale {
                _ if *role == "moderator" => {
                    "Modératrice chez Pasar : je lis vos signalements et j'y réponds."
                }
                "id" => "Suka barang bekas yang masih bagus. Kirim cepat, jujur soal kondisi.",
                "el" => "Πουλάω ό,τι δεν χρησιμοποιώ πια. Γρήγορη αποστολή, ειλικρινής περιγραφή.",
                "fr" => "Je vends ce que je n'utilise plus. Envoi rapide, description honnête.",
                _ => "Selling things I no longer use. Quick shipping, honest descriptions.",
            };
            added += diesel::insert_into(users::table)
                .values((
                    users::email.eq(demo_email(local)),
                    users::password_hash.eq(password_hash),
                    users::display_name.eq(*name),
                    users::bio.eq(bio),
                    users::city.eq(*city),
                    users::country.eq(*country),
                    users::locale.eq(*locale),
                    users::time_zone.eq(crate::i18n::zone::for_locale(
                        crate::i18n::Locale::parse(locale).unwrap_or_default(),
                    )
                    .name()),
                    users::role.eq(*role),
                    users::email_verified_at.eq(diesel::dsl::now),
                    // Spread sign-up dates over the past two years.
                    users::created_at
                        .eq(chrono::Utc::now() - chrono::Duration::days(730 - (i as i64) * 17)),
                ))
                .on_conflict_do_nothing()
                .execute(conn)?;
        }
        Ok(added)
    })
}

/// What `demo_all` added.
#[derive(Debug, Clone, Copy, Default)]
pub struct DemoSummary {
    pub users: usize,
    pub listings: usize,
    pub orders: usize,
}

/// The whole demo: members, then their listings with pictures, the derived search data,
/// then a few orders between them. Safe to run on every start (`pasar serve --demo`): what exists is left alone.
pub fn demo_all(
    conn: &mut PgConnection,
    password_hash: &str,
    storage: &dyn Storage,
    cfg: &crate::config::Config,
) -> anyhow::Result<DemoSummary> {
    let users = demo(conn, password_hash)?;
    let listings = demo_listings(conn, storage)?;
    if listings > 0 {
        refresh_search(conn)?;
    }
    let orders = orders::demo_orders(conn, cfg).map_err(|e| anyhow::anyhow!("demo orders: {e}"))?;
    reviews::demo_reviews(conn, cfg).map_err(|e| anyhow::anyhow!("demo reviews: {e}"))?;
    let reports =
        moderation::demo_reports(conn, cfg).map_err(|e| anyhow::anyhow!("demo reports: {e}"))?;
    tracing::info!(reports, "demo reports filed");
    Ok(DemoSummary {
        users,
        listings,
        orders,
    })
}

/// Brings the search vocabulary (`search_words`, used for typo tolerance) up to date
/// after a bulk load; the listings' own search vectors are generated columns.
pub fn refresh_search(conn: &mut PgConnection) -> anyhow::Result<()> {
    let words = crate::listings::search::refresh_search_words(conn)?;
    tracing::info!(words, "search vocabulary refreshed");
    Ok(())
}
