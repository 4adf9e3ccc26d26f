//! Browse and search: `/search` and `/c/{slug}`. The query string becomes a typed
//! `SearchQuery`; the listings matching it load in one keyset-paged query (no OFFSET),
//! with capped counts per category, and a typo-corrected second try when full-text
//! search finds (almost) nothing. `refresh_search_words` keeps the vocabulary that the
//! correction draws from.
//!
//! The SQL is assembled from fixed text and bound values (`Conditions`); what a visitor
//! types only ever travels as a bind parameter.

use std::sync::Arc;

use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::{web, HttpRequest, HttpResponse};
use base64::Engine;
use chrono::{DateTime, Utc};
use diesel::dsl::sql;
use diesel::expression::{is_aggregate, SqlLiteral, ValidGrouping};
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::{Array, BigInt, Bool, Float, Integer, Jsonb, Nullable, Text, Timestamptz};

use super::categories::{AttrDef, AttrKind, CategoryTree};
use super::model::{card_columns, ListingCard, CONDITIONS, CURRENCIES};
use super::price;
use super::search_views::{self as views, ResultsFragment};
use crate::db::schema::{listings, users};
use crate::i18n::Locale;
use crate::web::{render, AppError, Ctx};
use crate::AppState;

/// Cards per page.
pub const PAGE_SIZE: i64 = 24;
/// Counting stops after this many matching rows, so a query matching half the catalogue
/// costs no more than one matching a thousand; the page then says "More than 1,000".
/// Every counted row is a heap visit (the full-text index cannot count by itself): at
/// 10,000 the counts alone took 20-35 ms for a word in 1% of a million listings.
pub const COUNT_CAP: i64 = 1_000;
/// Below this many results a typo-corrected query is tried.
const FEW_RESULTS: i64 = 3;
/// Longest search text kept (longer is cut): enough for any real query, and it bounds
/// the work of parsing and correcting it.
const MAX_QUERY_CHARS: usize = 200;
/// Most search words kept: each is one more tsquery term for every row the full-text
/// index returns, and one more typo-correction lookup.
pub const MAX_QUERY_WORDS: usize = 12;
/// Longest city, country or attribute value accepted as a filter.
const MAX_FILTER_CHARS: usize = 80;
/// Trigram similarity a stored word needs to be a candidate for a mistyped one. pg_trgm's
/// default (0.3) misses swapped letters in short words ("chiar" is 0.2 from "chair").
const SIMILARITY: f32 = 0.2;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/search").get(search_page))
        .service(web::resource("/c/{slug}").get(category_page));
}

// ---- the query ----------------------------------------------------------------------

/// How results are ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sort {
    /// Full-text rank (only with search words; without them it means `Newest`).
    Relevance,
    Newest,
    PriceAsc,
    PriceDesc,
}

impl Sort {
    pub const ALL: [Sort; 4] = [
        Sort::Relevance,
        Sort::Newest,
        Sort::PriceAsc,
        Sort::PriceDesc,
    ];

    pub fn parse(s: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|x| x.code() == s)
    }

    pub fn code(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::PriceAsc => "price_asc",
            Sort::PriceDesc => "price_desc",
        }
    }

    fn by_price(self) -> bool {
        matches!(self, Sort::PriceAsc | Sort::PriceDesc)
    }
}

/// Where the next page starts: the last row's sort key and id. Travels as `after=`,
/// base64url so that nobody is tempted to build one by hand.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cursor {
    /// Relevance over all matches: the last row's rank and id.
    Rank {
        rank: f32,
        id: i64,
    },
    /// Relevance by windows of the newest matches (see `RANK_WINDOW`): the window the
    /// last row came from (its newest row) and the last row's rank and id inside it.
    Window {
        window_at: DateTime<Utc>,
        window_id: i64,
        rank: f32,
        id: i64,
    },
    /// Relevance by windows, the last window used up: the next window starts after
    /// its oldest row.
    NextWindow {
        at: DateTime<Utc>,
        id: i64,
    },
    Newest {
        at: DateTime<Utc>,
        id: i64,
    },
    Price {
        minor: i64,
        id: i64,
    },
}

impl Cursor {
    pub fn encode(&self) -> String {
        let plain = match self {
            // The rank's bits, so the float comes back exactly (it is compared exactly).
            Cursor::Rank { rank, id } => format!("r.{:08x}.{id}", rank.to_bits()),
            Cursor::Window {
                window_at,
                window_id,
                rank,
                id,
            } => format!(
                "w.{}.{window_id}.{:08x}.{id}",
                window_at.timestamp_micros(),
                rank.to_bits()
            ),
            Cursor::NextWindow { at, id } => format!("x.{}.{id}", at.timestamp_micros()),
            Cursor::Newest { at, id } => format!("n.{}.{id}", at.timestamp_micros()),
            Cursor::Price { minor, id } => format!("p.{minor}.{id}"),
        };
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(plain)
    }

    /// `None` for anything that is not a cursor we made.
    pub fn decode(s: &str) -> Option<Cursor> {
        if s.len() > 120 {
            return None;
        }
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(s.trim())
            .ok()?;
        let plain = String::from_utf8(bytes).ok()?;
        let parts: Vec<&str> = plain.split('.').collect();
        let id = |s: &str| s.parse::<i64>().ok().filter(|n| *n > 0);
        let time = |s: &str| DateTime::from_timestamp_micros(s.parse().ok()?);
        let rank = |s: &str| {
            let r = f32::from_bits(u32::from_str_radix(s, 16).ok()?);
            r.is_finite().then_some(r)
        };
        match parts.as_slice() {
            ["r", r, rid] => Some(Cursor::Rank {
                rank: rank(r)?,
                id: id(rid)?,
            }),
            ["w", at, wid, r, rid] => Some(Cursor::Window {
                window_at: time(at)?,
                window_id: id(wid)?,
                rank: rank(r)?,
                id: id(rid)?,
            }),
            ["x", at, xid] => Some(Cursor::NextWindow {
                at: time(at)?,
                id: id(xid)?,
            }),
            ["n", at, nid] => Some(Cursor::Newest {
                at: time(at)?,
                id: id(nid)?,
            }),
            ["p", minor, pid] => Some(Cursor::Price {
                minor: minor.parse().ok().filter(|n| *n >= 0)?,
                id: id(pid)?,
            }),
            _ => None,
        }
    }

    fn fits(&self, sort: Sort) -> bool {
        matches!(
            (self, sort),
            (
                Cursor::Rank { .. } | Cursor::Window { .. } | Cursor::NextWindow { .. },
                Sort::Relevance
            ) | (Cursor::Newest { .. }, Sort::Newest)
                | (Cursor::Price { .. }, Sort::PriceAsc | Sort::PriceDesc)
        )
    }
}

/// Something wrong with the filters, told on the page while the rest still applies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// `min` could not be read; the Fluent key says why.
    MinInvalid(&'static str),
    MaxInvalid(&'static str),
    /// `min` is above `max`: the price filter is left out.
    RangeInverted,
    /// `category=` names no category: all categories are searched.
    UnknownCategory(String),
    /// The search text was longer than `MAX_QUERY_CHARS` or `MAX_QUERY_WORDS`: only
    /// its beginning is searched.
    QueryCut,
}

/// The parsed query string of `/search` and `/c/{slug}`. Raw texts are kept as typed,
/// so the form shows them again, errors included.
#[derive(Clone, Debug)]
pub struct SearchQuery {
    pub q: String,
    /// Category slug as given (`/c/{slug}` sets it from the path).
    pub category: String,
    pub conditions: Vec<String>,
    pub min_raw: String,
    pub max_raw: String,
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub currency: String,
    /// Whether `currency` came from the query (it then stays in links).
    pub currency_given: bool,
    pub ships: bool,
    pub pickup: bool,
    pub country: String,
    pub city: String,
    /// `a.<key>=value` pairs, in query order, non-empty values only.
    pub attrs: Vec<(String, String)>,
    /// The sort asked for (`None`: the default, relevance with words, else newest).
    pub sort_given: Option<Sort>,
    pub after: Option<Cursor>,
    pub notices: Vec<Notice>,
}

/// The currency price filters and price sorts use unless `currency=` says otherwise:
/// the one most people reading this language pay in.
pub fn default_currency(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "USD",
        Locale::Id => "IDR",
        Locale::El | Locale::Fr => "EUR",
    }
}

/// Trims, drops control characters and cuts to `max` characters.
fn clean(raw: &str, max: usize) -> String {
    let s: String = raw
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| !c.is_control())
        .take(max)
        .collect();
    s.trim().to_string()
}

/// The search text cut to `MAX_QUERY_WORDS` words and `MAX_QUERY_CHARS` characters, and
/// whether anything was cut.
fn bounded_query(raw: &str) -> (String, bool) {
    let full = clean(raw, usize::MAX);
    let words: Vec<&str> = full.split(' ').collect();
    let kept = words
        .iter()
        .take(MAX_QUERY_WORDS)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let text = clean(&kept, MAX_QUERY_CHARS);
    let cut = text.len() < full.len();
    (text, cut)
}

fn truthy(v: &str) -> bool {
    matches!(v, "1" | "on" | "true" | "yes")
}

impl SearchQuery {
    /// Reads a raw query string. Never fails: what cannot be understood is ignored or
    /// becomes a `Notice`.
    pub fn parse(query_string: &str, locale: Locale) -> SearchQuery {
        let mut q = SearchQuery {
            q: String::new(),
            category: String::new(),
            conditions: Vec::new(),
            min_raw: String::new(),
            max_raw: String::new(),
            min: None,
            max: None,
            currency: default_currency(locale).to_string(),
            currency_given: false,
            ships: false,
            pickup: false,
            country: String::new(),
            city: String::new(),
            attrs: Vec::new(),
            sort_given: None,
            after: None,
            notices: Vec::new(),
        };
        let mut after = String::new();
        // Lossy decoding: broken percent-escapes or UTF-8 never turn into a 400.
        for (k, v) in url::form_urlencoded::parse(query_string.as_bytes()) {
            match k.as_ref() {
                "q" => {
                    let (text, cut) = bounded_query(&v);
                    q.q = text;
                    if cut && !q.notices.contains(&Notice::QueryCut) {
                        q.notices.push(Notice::QueryCut);
                    }
                }
                "category" => q.category = clean(&v, MAX_FILTER_CHARS),
                "condition" => {
                    if let Some(c) = CONDITIONS.iter().find(|c| **c == v.as_ref()) {
                        if !q.conditions.iter().any(|x| x == c) {
                            q.conditions.push(c.to_string());
                        }
                    }
                }
                "min" => q.min_raw = clean(&v, 40),
                "max" => q.max_raw = clean(&v, 40),
                "currency" => {
                    if let Some(c) = CURRENCIES.iter().find(|c| **c == v.as_ref()) {
                        q.currency = c.to_string();
                        q.currency_given = true;
                    }
                }
                "ships" => q.ships = truthy(&v),
                "pickup" => q.pickup = truthy(&v),
                "country" => q.country = clean(&v, MAX_FILTER_CHARS),
                "city" => q.city = clean(&v, MAX_FILTER_CHARS),
                "sort" => q.sort_given = Sort::parse(&v),
                "after" => after = v.into_owned(),
                key => {
                    if let Some(attr) = key.strip_prefix("a.") {
                        let value = clean(&v, MAX_FILTER_CHARS);
                        let known = attr.len() <= 30
                            && attr.chars().all(|c| c.is_ascii_lowercase() || c == '_');
                        if known && !value.is_empty() {
                            q.attrs.retain(|(k, _)| k != attr);
                            q.attrs.push((attr.to_string(), value));
                        }
                    }
                }
            }
        }
        if !q.min_raw.is_empty() {
            match price::parse(&q.min_raw, locale, &q.currency) {
                Ok(m) => q.min = Some(m),
                Err(e) => q.notices.push(Notice::MinInvalid(e)),
            }
        }
        if !q.max_raw.is_empty() {
            match price::parse(&q.max_raw, locale, &q.currency) {
                Ok(m) => q.max = Some(m),
                Err(e) => q.notices.push(Notice::MaxInvalid(e)),
            }
        }
        if let (Some(lo), Some(hi)) = (q.min, q.max) {
            if lo > hi {
                q.min = None;
                q.max = None;
                q.notices.push(Notice::RangeInverted);
            }
        }
        // A cursor of another sort (the sort was changed by hand) restarts at page one.
        q.after = Cursor::decode(&after).filter(|c| c.fits(q.sort()));
        q
    }

    /// The order in effect: relevance needs words to rank by.
    pub fn sort(&self) -> Sort {
        match self.sort_given {
            Some(Sort::Relevance) | None if self.q.is_empty() => Sort::Newest,
            Some(s) => s,
            None => Sort::Relevance,
        }
    }

    pub fn attr(&self, key: &str) -> &str {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    pub fn has_condition(&self, c: &str) -> bool {
        self.conditions.iter().any(|x| x == c)
    }

    /// Whether price filters or a price sort make the currency matter.
    pub fn uses_currency(&self) -> bool {
        self.min.is_some() || self.max.is_some() || self.sort().by_price()
    }

    /// Whether any filter beyond the words (and the category) is set.
    pub fn has_filters(&self) -> bool {
        !self.conditions.is_empty()
            || self.min.is_some()
            || self.max.is_some()
            || self.ships
            || self.pickup
            || !self.country.is_empty()
            || !self.city.is_empty()
            || !self.attrs.is_empty()
    }

    /// The canonical query-string pairs: only what is set, in a fixed order, so equal
    /// searches share one URL. `with_category` is false on `/c/{slug}` (the path says it).
    pub fn pairs(&self, with_category: bool) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        let mut push = |k: &str, v: &str| {
            if !v.is_empty() {
                out.push((k.to_string(), v.to_string()));
            }
        };
        push("q", &self.q);
        if with_category {
            push("category", &self.category);
        }
        for c in &self.conditions {
            push("condition", c);
        }
        push("min", &self.min_raw);
        push("max", &self.max_raw);
        if self.currency_given || self.uses_currency() {
            push("currency", &self.currency);
        }
        if self.ships {
            push("ships", "1");
        }
        if self.pickup {
            push("pickup", "1");
        }
        push("country", &self.country);
        push("city", &self.city);
        for (k, v) in &self.attrs {
            out.push((format!("a.{k}"), v.clone()));
        }
        if let Some(s) = self.sort_given {
            out.push(("sort".into(), s.code().into()));
        }
        out
    }
}

/// `path?pairs`, or just `path` when there are none.
pub fn href(path: &str, pairs: &[(String, String)]) -> String {
    if pairs.is_empty() {
        return path.to_string();
    }
    let mut ser = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        ser.append_pair(k, v);
    }
    format!("{path}?{}", ser.finish())
}

// ---- SQL assembled from fixed text and binds -----------------------------------------

/// A value bound to a placeholder. Its `Debug` is an SQL literal of the value, so
/// `statements::note` can hand the test statements it can `EXPLAIN EXECUTE`.
#[derive(Clone)]
enum Bind {
    Text(String),
    Texts(Vec<String>),
    Int(i32),
    Ints(Vec<i32>),
    BigInt(i64),
    Float(f32),
    Time(DateTime<Utc>),
    Json(serde_json::Value),
}

fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

impl std::fmt::Debug for Bind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let list = |items: Vec<String>, ty: &str| {
            if items.is_empty() {
                format!("'{{}}'::{ty}[]")
            } else {
                format!("ARRAY[{}]::{ty}[]", items.join(", "))
            }
        };
        match self {
            Bind::Text(v) => write!(f, "{}::text", quote(v)),
            Bind::Texts(v) => f.write_str(&list(v.iter().map(|x| quote(x)).collect(), "text")),
            Bind::Int(v) => write!(f, "{v}::int4"),
            Bind::Ints(v) => f.write_str(&list(v.iter().map(|x| x.to_string()).collect(), "int4")),
            Bind::BigInt(v) => write!(f, "{v}::int8"),
            // `{:?}` of a float reads back as the same float.
            Bind::Float(v) => write!(f, "'{v:?}'::real"),
            Bind::Time(v) => write!(f, "{}::timestamptz", quote(&v.to_rfc3339())),
            Bind::Json(v) => write!(f, "{}::jsonb", quote(&v.to_string())),
        }
    }
}

/// Each variant binds as its SQL type; a variant pushed as another type is a bug here.
macro_rules! bind_to_sql {
    ($($variant:ident => $sql:ty),* $(,)?) => {$(
        impl diesel::serialize::ToSql<$sql, Pg> for Bind {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, Pg>,
            ) -> diesel::serialize::Result {
                match self {
                    Bind::$variant(v) => diesel::serialize::ToSql::<$sql, Pg>::to_sql(v, out),
                    _ => Err("bind of another type".into()),
                }
            }
        }
    )*};
}

bind_to_sql!(
    Text => Text,
    Texts => Array<Text>,
    Int => Integer,
    Ints => Array<Integer>,
    BigInt => BigInt,
    Float => Float,
    Time => Timestamptz,
    Json => Jsonb,
);

#[derive(Clone, Debug)]
enum Piece {
    /// Only `'static` text: user input cannot end up in the SQL itself.
    Sql(&'static str),
    Bind(Bind),
}

/// A boolean SQL expression built at run time from fixed text and bound values, usable
/// as a diesel `filter` and inside the hand-written counting queries alike.
#[derive(Clone, Debug, Default)]
pub struct Conditions {
    pieces: Vec<Piece>,
}

impl Conditions {
    /// Starts another condition, joined to the previous ones with AND.
    fn cond(&mut self, sql: &'static str) -> &mut Self {
        if !self.pieces.is_empty() {
            self.pieces.push(Piece::Sql(" AND "));
        }
        self.pieces.push(Piece::Sql(sql));
        self
    }

    fn sql(&mut self, sql: &'static str) -> &mut Self {
        self.pieces.push(Piece::Sql(sql));
        self
    }

    fn bind(&mut self, b: Bind) -> &mut Self {
        self.pieces.push(Piece::Bind(b));
        self
    }

    /// Adds all of `other`'s conditions (AND).
    fn and_all(&mut self, other: Conditions) -> &mut Self {
        if other.pieces.is_empty() {
            return self;
        }
        self.cond("(");
        self.pieces.extend(other.pieces);
        self.sql(")")
    }
}

impl QueryFragment<Pg> for Conditions {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        if self.pieces.is_empty() {
            out.push_sql("TRUE");
            return Ok(());
        }
        out.push_sql("(");
        for p in &self.pieces {
            match p {
                Piece::Sql(s) => out.push_sql(s),
                Piece::Bind(b @ Bind::Text(_)) => out.push_bind_param::<Text, _>(b)?,
                Piece::Bind(b @ Bind::Texts(_)) => out.push_bind_param::<Array<Text>, _>(b)?,
                Piece::Bind(b @ Bind::Int(_)) => out.push_bind_param::<Integer, _>(b)?,
                Piece::Bind(b @ Bind::Ints(_)) => out.push_bind_param::<Array<Integer>, _>(b)?,
                Piece::Bind(b @ Bind::BigInt(_)) => out.push_bind_param::<BigInt, _>(b)?,
                Piece::Bind(b @ Bind::Float(_)) => out.push_bind_param::<Float, _>(b)?,
                Piece::Bind(b @ Bind::Time(_)) => out.push_bind_param::<Timestamptz, _>(b)?,
                Piece::Bind(b @ Bind::Json(_)) => out.push_bind_param::<Jsonb, _>(b)?,
            }
        }
        out.push_sql(")");
        Ok(())
    }
}

impl QueryId for Conditions {
    type QueryId = ();
    // The text varies with the filters, so prepared statements are not cached by type.
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl Expression for Conditions {
    type SqlType = Bool;
}

impl<QS> AppearsOnTable<QS> for Conditions {}
impl<QS> SelectableExpression<QS> for Conditions {}
impl<GB> ValidGrouping<GB> for Conditions {
    type IsAggregate = is_aggregate::Never;
}

/// A real-valued SQL expression with binds (the full-text rank), to select.
#[derive(Clone, Debug)]
struct Rank(Conditions);

impl QueryFragment<Pg> for Rank {
    fn walk_ast<'b>(&'b self, out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        self.0.walk_ast(out)
    }
}

impl QueryId for Rank {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl Expression for Rank {
    type SqlType = Float;
}

impl<QS> AppearsOnTable<QS> for Rank {}
impl<QS> SelectableExpression<QS> for Rank {}
impl<GB> ValidGrouping<GB> for Rank {
    type IsAggregate = is_aggregate::Never;
}

/// The tsquery of the search words, as the generated `search` column was built:
/// the `simple` configuration over lower-cased, unaccented text. `websearch_to_tsquery`
/// never fails on odd input and understands "quotes", `or` and `-word`.
fn push_tsquery(c: &mut Conditions, words: &str) {
    c.sql("websearch_to_tsquery('simple', pasar_unaccent(lower(")
        .bind(Bind::Text(words.to_string()))
        .sql(")))");
}

/// The full-text rank of a listing (title words weigh more: weight A).
fn rank_expr(words: &str) -> Rank {
    let mut c = Conditions::default();
    c.sql("ts_rank(listings.search, ");
    push_tsquery(&mut c, words);
    c.sql(")");
    Rank(c)
}

/// Lets the plan regression test see a statement before it runs (`statements`).
trait Noted: Sized {
    fn noted(self) -> Self;
}

impl<Q: QueryFragment<Pg>> Noted for Q {
    fn noted(self) -> Self {
        super::statements::note(&self);
        self
    }
}

// ---- the search ---------------------------------------------------------------------

/// What a search resolved to, besides its results.
#[derive(Clone, Debug, Default)]
pub struct Scope {
    /// The chosen category and all below it.
    pub category: Option<i32>,
    pub category_ids: Vec<i32>,
    /// Attribute filters that apply (known to the category, valid values).
    pub attrs: Vec<(AttrDef, String)>,
    /// Whether the counts cover every category (`/search` shows them all, so the
    /// visitor can switch) or only the chosen one (`/c/{slug}` shows its subcategories).
    pub count_all_categories: bool,
}

/// A number of results, exact or "at least".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Count {
    pub n: i64,
    /// Counting stopped at `COUNT_CAP`.
    pub capped: bool,
}

/// One page of results.
#[derive(Clone, Debug, Default)]
pub struct Outcome {
    pub cards: Vec<ListingCard>,
    pub next: Option<Cursor>,
    pub total: Count,
    /// Matches per category id (see `Scope::count_all_categories`), capped like `total`.
    pub by_category: Vec<(i32, i64)>,
    pub by_category_capped: bool,
    /// The corrected words whose results are shown instead (nothing matched the typed ones).
    pub corrected: Option<String>,
    /// A correction that finds more, offered as a link (a few results matched).
    pub suggestion: Option<String>,
}

/// Resolves the category and the attribute filters against the tree.
pub fn resolve(tree: &CategoryTree, q: &mut SearchQuery) -> Scope {
    let mut scope = Scope::default();
    if !q.category.is_empty() {
        match tree.by_slug(&q.category) {
            Some(c) => {
                scope.category = Some(c.id);
                scope.category_ids = tree.with_descendants(c.id);
            }
            None => {
                q.notices.push(Notice::UnknownCategory(q.category.clone()));
                q.category.clear();
            }
        }
    }
    let defs = match scope.category {
        Some(id) => tree.attributes(id),
        // Without a category, any attribute some category knows (brand is everywhere).
        None => {
            let mut all: Vec<AttrDef> = Vec::new();
            for c in &tree.all {
                for d in tree.attributes(c.id) {
                    if !all.iter().any(|a| a.key == d.key) {
                        all.push(d);
                    }
                }
            }
            all
        }
    };
    for (key, value) in &q.attrs {
        let Some(def) = defs.iter().find(|d| &d.key == key) else {
            continue;
        };
        let ok = match def.kind {
            // Options differ between categories (shoe sizes, clothes sizes): without a
            // category, an option of any category with this key is fine.
            AttrKind::Select => scope.category.is_none() || def.options.iter().any(|o| o == value),
            AttrKind::Number => value.parse::<i32>().is_ok_and(|n| (0..=9999).contains(&n)),
            AttrKind::Text => true,
        };
        if ok {
            scope.attrs.push((def.clone(), value.clone()));
        }
    }
    scope
}

/// The WHERE clause for the query. `with_category` is false for the per-category
/// counts, which show every category's matches.
fn conditions(q: &SearchQuery, words: &str, scope: &Scope, with_category: bool) -> Conditions {
    let mut c = plain_conditions(q, scope, with_category);
    c.and_all(selective_conditions(words, scope));
    c
}

/// The filters the list indexes order by or that rarely narrow much (status, category,
/// price, condition, delivery, place).
fn plain_conditions(q: &SearchQuery, scope: &Scope, with_category: bool) -> Conditions {
    let mut c = Conditions::default();
    // Every list index is partial on the status; an active listing has been published,
    // and the keyset cursors need its date.
    c.cond("listings.status = 'active' AND listings.published_at IS NOT NULL");
    match scope.category_ids.as_slice() {
        _ if !with_category => {}
        [] => {}
        // Equality, not `= ANY`: only then can the (category_id, ...) indexes deliver
        // their rows in date or price order.
        [one] => {
            c.cond("listings.category_id = ").bind(Bind::Int(*one));
        }
        many => {
            c.cond("listings.category_id = ANY(")
                .bind(Bind::Ints(many.to_vec()))
                .sql(")");
        }
    }
    if !q.conditions.is_empty() {
        c.cond("listings.condition = ANY(")
            .bind(Bind::Texts(q.conditions.clone()))
            .sql(")");
    }
    // Prices compare within one currency (no exchange rates), and that is also what lets
    // the (currency, price_minor, id) index deliver price order.
    if q.uses_currency() {
        c.cond("listings.currency = ")
            .bind(Bind::Text(q.currency.clone()));
    }
    if let Some(min) = q.min {
        c.cond("listings.price_minor >= ").bind(Bind::BigInt(min));
    }
    if let Some(max) = q.max {
        c.cond("listings.price_minor <= ").bind(Bind::BigInt(max));
    }
    if q.ships {
        c.cond("listings.ships");
    }
    if q.pickup {
        c.cond("listings.pickup");
    }
    if !q.country.is_empty() {
        c.cond("lower(listings.country) = lower(")
            .bind(Bind::Text(q.country.clone()))
            .sql(")");
    }
    if !q.city.is_empty() {
        c.cond("lower(listings.city) = lower(")
            .bind(Bind::Text(q.city.clone()))
            .sql(")");
    }
    c
}

/// The filters with an index of their own that may match few rows, in any order of
/// date or price: the words (full text) and the attributes (jsonb containment).
fn selective_conditions(words: &str, scope: &Scope) -> Conditions {
    let mut c = Conditions::default();
    if !words.is_empty() {
        c.cond("listings.search @@ ");
        push_tsquery(&mut c, words);
    }
    for (def, value) in &scope.attrs {
        // Containment (`@>`) is what the jsonb_path_ops GIN index answers. Free text
        // (brands) is stored as typed, so the usual spellings are tried: as given,
        // lower case, Capitalised and UPPER.
        let variants: Vec<String> = if def.kind == AttrKind::Text {
            let lower = value.to_lowercase();
            let mut capital = String::new();
            let mut chars = lower.chars();
            if let Some(first) = chars.next() {
                capital.extend(first.to_uppercase());
                capital.push_str(chars.as_str());
            }
            let mut v = vec![value.clone(), lower, capital, value.to_uppercase()];
            v.dedup();
            let mut unique: Vec<String> = Vec::new();
            for x in v {
                if !unique.contains(&x) {
                    unique.push(x);
                }
            }
            unique
        } else {
            vec![value.clone()]
        };
        c.cond("(");
        for (i, v) in variants.into_iter().enumerate() {
            if i > 0 {
                c.sql(" OR ");
            }
            let mut obj = serde_json::Map::new();
            obj.insert(def.key.clone(), serde_json::Value::String(v));
            c.sql("listings.attributes @> ")
                .bind(Bind::Json(serde_json::Value::Object(obj)));
        }
        c.sql(")");
    }
    c
}

/// Rows after the cursor, in the sort's direction (row comparisons match the indexes'
/// column order, so they are index conditions, not filters).
fn after_cursor(c: &mut Conditions, cursor: &Cursor, sort: Sort) {
    match (cursor, sort) {
        // Relevance pages by its own rules (see `relevance_page`).
        (Cursor::Rank { .. } | Cursor::Window { .. } | Cursor::NextWindow { .. }, _) => {}
        (Cursor::Newest { at, id }, _) => {
            c.cond("(listings.published_at, listings.id) < (")
                .bind(Bind::Time(*at))
                .sql(", ")
                .bind(Bind::BigInt(*id))
                .sql(")");
        }
        (Cursor::Price { minor, id }, Sort::PriceDesc) => {
            c.cond("(listings.price_minor, listings.id) < (")
                .bind(Bind::BigInt(*minor))
                .sql(", ")
                .bind(Bind::BigInt(*id))
                .sql(")");
        }
        (Cursor::Price { minor, id }, _) => {
            c.cond("(listings.price_minor, listings.id) > (")
                .bind(Bind::BigInt(*minor))
                .sql(", ")
                .bind(Bind::BigInt(*id))
                .sql(")");
        }
    }
}

/// How many rows of the sort's index a page may walk looking for matches of the words
/// or attributes before asking their own index instead. Walking finds a page quickly
/// when matches are common and spread out; but matches can cluster at the other end of
/// the order (iPhones are never the cheapest items: a cheapest-first walk for "iphone"
/// read 430,000 rows, a second), and the planner cannot know. So the walk is bounded,
/// and a page it cannot fill is read through the words' or attributes' index and
/// sorted: either way at most about this many rows plus the matches.
const WALK_LIMIT: i64 = 5_000;

/// `SELECT id, published_at, price_minor, rank` of the first `limit` rows matching
/// `selective` among the first `WALK_LIMIT` rows matching `plain` in `order`. The inner
/// rows keep the name `listings`, so the conditions read the same inside and out.
struct BoundedWalk {
    plain: Conditions,
    selective: Conditions,
    /// Fixed text: the sort's columns.
    order: &'static str,
    rank: Option<Rank>,
    limit: i64,
}

impl QueryFragment<Pg> for BoundedWalk {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql("SELECT listings.id, listings.published_at, listings.price_minor, ");
        match &self.rank {
            Some(r) => r.walk_ast(out.reborrow())?,
            None => out.push_sql("0::real"),
        }
        out.push_sql(
            " FROM (SELECT listings.id, listings.published_at, listings.price_minor, \
             listings.search, listings.attributes FROM listings WHERE ",
        );
        self.plain.walk_ast(out.reborrow())?;
        out.push_sql(" ORDER BY ");
        out.push_sql(self.order);
        out.push_sql(" LIMIT ");
        out.push_bind_param::<BigInt, _>(&WALK_LIMIT)?;
        out.push_sql(") listings WHERE ");
        self.selective.walk_ast(out.reborrow())?;
        out.push_sql(" ORDER BY ");
        out.push_sql(self.order);
        out.push_sql(" LIMIT ");
        out.push_bind_param::<BigInt, _>(&self.limit)?;
        Ok(())
    }
}

impl QueryId for BoundedWalk {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl Query for BoundedWalk {
    type SqlType = (BigInt, Nullable<Timestamptz>, BigInt, Float);
}

impl RunQueryDsl<PgConnection> for BoundedWalk {}

/// A row of a relevance window: id, published_at, rank.
type WindowRow = (i64, Option<DateTime<Utc>>, f32);

/// A row of a bounded walk: id, published_at, price, rank.
type WalkRow = (i64, Option<DateTime<Utc>>, i64, f32);

fn order_of(sort: Sort) -> &'static str {
    match sort {
        Sort::PriceAsc => "listings.price_minor, listings.id",
        Sort::PriceDesc => "listings.price_minor DESC, listings.id DESC",
        Sort::Newest | Sort::Relevance => "listings.published_at DESC, listings.id DESC",
    }
}

/// Below this many matches a page is read from the most selective index and sorted,
/// rather than by walking the sort's index until enough matches turn up.
const FEW_MATCHES: i64 = 1_000;

/// The sort columns, plain (the planner may walk the index in that order) or, with few
/// matches, as expressions no index provides: the planner then fetches the matches
/// through the selective index (full text, attributes) and sorts them. Its row estimates
/// for rare words and attribute values are too rough to make that choice itself, and
/// walking a million-row index for three matches costs hundreds of milliseconds.
fn date_key(few: bool) -> SqlLiteral<Nullable<Timestamptz>> {
    sql(if few {
        "(listings.published_at + interval '0 s')"
    } else {
        "listings.published_at"
    })
}

fn price_key(few: bool) -> SqlLiteral<BigInt> {
    sql(if few {
        "(listings.price_minor + 0)"
    } else {
        "listings.price_minor"
    })
}

/// One page of cards (one query: listings joined with sellers, the first photo by a
/// subquery), plus the cursor of the page after it. `total` (counted first) tells
/// whether the matches are few.
fn page(
    conn: &mut PgConnection,
    q: &SearchQuery,
    words: &str,
    scope: &Scope,
    total: Count,
) -> QueryResult<(Vec<ListingCard>, Option<Cursor>)> {
    let few = !total.capped && total.n < FEW_MATCHES;
    let sort = q.sort();
    if sort == Sort::Relevance && !words.is_empty() {
        return relevance_page(conn, q, words, scope, total);
    }
    let sort = if sort == Sort::Relevance {
        Sort::Newest
    } else {
        sort
    };
    let selective = selective_conditions(words, scope);
    let mut few = few;
    if !few && !selective.pieces.is_empty() {
        let mut plain = plain_conditions(q, scope, true);
        if let Some(cursor) = &q.after {
            after_cursor(&mut plain, cursor, sort);
        }
        let mut rows: Vec<WalkRow> = BoundedWalk {
            plain,
            selective,
            order: order_of(sort),
            rank: None,
            limit: PAGE_SIZE + 1,
        }
        .noted()
        .load(conn)?;
        if rows.len() as i64 > PAGE_SIZE {
            rows.truncate(PAGE_SIZE as usize);
            let next = rows.last().and_then(|&(id, at, minor, _)| match sort {
                Sort::PriceAsc | Sort::PriceDesc => Some(Cursor::Price { minor, id }),
                _ => at.map(|at| Cursor::Newest { at, id }),
            });
            let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
            return Ok((cards_in_order(conn, &ids)?, next));
        }
        // The walked stretch held less than a page: ask the selective index.
        few = true;
    } else if !few && scope.category_ids.len() > 1 {
        return merged_page(conn, q, scope, sort);
    }
    let mut filter = conditions(q, words, scope, true);
    if let Some(cursor) = &q.after {
        after_cursor(&mut filter, cursor, sort);
    }
    let query = listings::table
        .inner_join(users::table)
        .filter(filter)
        .limit(PAGE_SIZE + 1)
        .select(card_columns())
        .into_boxed();
    let mut cards: Vec<ListingCard> = match sort {
        Sort::PriceAsc => query
            .order((price_key(few).asc(), listings::id.asc()))
            .noted()
            .load(conn)?,
        Sort::PriceDesc => query
            .order((price_key(few).desc(), listings::id.desc()))
            .noted()
            .load(conn)?,
        Sort::Newest | Sort::Relevance => query
            .order((date_key(few).desc(), listings::id.desc()))
            .noted()
            .load(conn)?,
    };
    let next = if cards.len() as i64 > PAGE_SIZE {
        cards.truncate(PAGE_SIZE as usize);
        cards.last().and_then(|card| match sort {
            Sort::PriceAsc | Sort::PriceDesc => Some(Cursor::Price {
                minor: card.price_minor,
                id: card.id,
            }),
            _ => card
                .published_at
                .map(|at| Cursor::Newest { at, id: card.id }),
        })
    } else {
        None
    };
    Ok((cards, next))
}

/// A page of a category with subcategories, without words or attributes: the page of
/// each subcategory from its own (category_id, date or price) index, merged. One index
/// walk over all categories in date or price order could pass thousands of rows of other
/// categories first (cars are never the cheapest items).
fn merged_page(
    conn: &mut PgConnection,
    q: &SearchQuery,
    scope: &Scope,
    sort: Sort,
) -> QueryResult<(Vec<ListingCard>, Option<Cursor>)> {
    let mut rows: Vec<(i64, Option<DateTime<Utc>>, i64)> = Vec::new();
    for &id in &scope.category_ids {
        let one = Scope {
            category_ids: vec![id],
            ..scope.clone()
        };
        let mut filter = conditions(q, "", &one, true);
        if let Some(cursor) = &q.after {
            after_cursor(&mut filter, cursor, sort);
        }
        let query = listings::table
            .filter(filter)
            .limit(PAGE_SIZE + 1)
            .select((listings::id, listings::published_at, listings::price_minor))
            .into_boxed();
        rows.extend(match sort {
            Sort::PriceAsc => query
                .order((listings::price_minor.asc(), listings::id.asc()))
                .noted()
                .load::<(i64, Option<DateTime<Utc>>, i64)>(conn)?,
            Sort::PriceDesc => query
                .order((listings::price_minor.desc(), listings::id.desc()))
                .noted()
                .load(conn)?,
            Sort::Newest | Sort::Relevance => query
                .order((listings::published_at.desc(), listings::id.desc()))
                .noted()
                .load(conn)?,
        });
    }
    match sort {
        Sort::PriceAsc => rows.sort_by_key(|r| (r.2, r.0)),
        Sort::PriceDesc => rows.sort_by_key(|r| std::cmp::Reverse((r.2, r.0))),
        Sort::Newest | Sort::Relevance => rows.sort_by_key(|r| std::cmp::Reverse((r.1, r.0))),
    }
    let next = if rows.len() as i64 > PAGE_SIZE {
        rows.truncate(PAGE_SIZE as usize);
        rows.last().and_then(|&(id, at, minor)| match sort {
            Sort::PriceAsc | Sort::PriceDesc => Some(Cursor::Price { minor, id }),
            _ => at.map(|at| Cursor::Newest { at, id }),
        })
    } else {
        None
    };
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    Ok((cards_in_order(conn, &ids)?, next))
}

/// How many of the newest matches are ranked together when a query matches more than
/// `COUNT_CAP` listings: a page's worth. Ranking every match of a common word means
/// reading tens of thousands of rows, and with listings stored in no particular date
/// order each row of a window is a random heap visit (about 2 µs on a 2-core machine;
/// a word in 1% of a million listings needs 100 visits per windowed row). So broad
/// queries show the newest matches, best match first within each page; queries with
/// fewer matches are ranked exactly (their rows were just read by the counts).
pub const RANK_WINDOW: i64 = PAGE_SIZE;

/// Where a relevance window starts: at its newest row (inclusive), or just after the
/// previous window's oldest row.
#[derive(Clone, Copy)]
enum WindowStart {
    Top,
    AtOrBefore(DateTime<Utc>, i64),
    Before(DateTime<Utc>, i64),
}

/// Loads the cards of `ids`, in that order.
fn cards_in_order(conn: &mut PgConnection, ids: &[i64]) -> QueryResult<Vec<ListingCard>> {
    let mut cards: Vec<ListingCard> = listings::table
        .inner_join(users::table)
        .filter(listings::id.eq_any(ids))
        .select(card_columns())
        .load(conn)?;
    cards.sort_by_key(|c| ids.iter().position(|id| *id == c.id));
    Ok(cards)
}

/// A page sorted by relevance. With all matches counted (`few`), or paging on from such
/// a page, every match is ranked; otherwise windows of the newest matches are.
fn relevance_page(
    conn: &mut PgConnection,
    q: &SearchQuery,
    words: &str,
    scope: &Scope,
    total: Count,
) -> QueryResult<(Vec<ListingCard>, Option<Cursor>)> {
    let exact = match q.after {
        Some(Cursor::Rank { .. }) => true,
        Some(_) => false,
        None => !total.capped,
    };
    if !exact {
        return window_page(conn, q, words, scope);
    }
    let mut filter = conditions(q, words, scope, true);
    if let Some(Cursor::Rank { rank, id }) = q.after {
        filter.cond("(ts_rank(listings.search, ");
        push_tsquery(&mut filter, words);
        filter
            .sql("), listings.id) < (")
            .bind(Bind::Float(rank))
            .sql(", ")
            .bind(Bind::BigInt(id))
            .sql(")");
    }
    let mut rows: Vec<(i64, f32)> = listings::table
        .filter(filter)
        .order((rank_expr(words).desc(), listings::id.desc()))
        .limit(PAGE_SIZE + 1)
        .select((listings::id, rank_expr(words)))
        .noted()
        .load(conn)?;
    let next = if rows.len() as i64 > PAGE_SIZE {
        rows.truncate(PAGE_SIZE as usize);
        rows.last().map(|&(id, rank)| Cursor::Rank { rank, id })
    } else {
        None
    };
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    Ok((cards_in_order(conn, &ids)?, next))
}

/// The first `RANK_WINDOW + 1` matches from `start`, newest first, with their rank: a
/// bounded walk of the date index, or when that finds too few, through the words'
/// index (see `WALK_LIMIT`).
fn window_rows(
    conn: &mut PgConnection,
    q: &SearchQuery,
    words: &str,
    scope: &Scope,
    start: WindowStart,
) -> QueryResult<Vec<WindowRow>> {
    let bound = |c: &mut Conditions| match start {
        WindowStart::Top => {}
        WindowStart::AtOrBefore(at, id) => {
            c.cond("(listings.published_at, listings.id) <= (")
                .bind(Bind::Time(at))
                .sql(", ")
                .bind(Bind::BigInt(id))
                .sql(")");
        }
        WindowStart::Before(at, id) => {
            c.cond("(listings.published_at, listings.id) < (")
                .bind(Bind::Time(at))
                .sql(", ")
                .bind(Bind::BigInt(id))
                .sql(")");
        }
    };
    let mut plain = plain_conditions(q, scope, true);
    bound(&mut plain);
    let walked: Vec<WalkRow> = BoundedWalk {
        plain,
        selective: selective_conditions(words, scope),
        order: order_of(Sort::Newest),
        rank: Some(rank_expr(words)),
        limit: RANK_WINDOW + 1,
    }
    .noted()
    .load(conn)?;
    if walked.len() as i64 > RANK_WINDOW {
        return Ok(walked
            .into_iter()
            .map(|(id, at, _, r)| (id, at, r))
            .collect());
    }
    let mut filter = conditions(q, words, scope, true);
    bound(&mut filter);
    listings::table
        .filter(filter)
        .order((date_key(true).desc(), listings::id.desc()))
        .limit(RANK_WINDOW + 1)
        .select((listings::id, listings::published_at, rank_expr(words)))
        .noted()
        .load(conn)
}

/// A relevance page by windows: walks windows of `RANK_WINDOW` newest matches, ranks
/// each with `ts_rank` and takes the rows after the cursor.
fn window_page(
    conn: &mut PgConnection,
    q: &SearchQuery,
    words: &str,
    scope: &Scope,
) -> QueryResult<(Vec<ListingCard>, Option<Cursor>)> {
    let (mut start, mut after) = match q.after {
        Some(Cursor::Window {
            window_at,
            window_id,
            rank,
            id,
        }) => (
            WindowStart::AtOrBefore(window_at, window_id),
            Some((rank, id)),
        ),
        Some(Cursor::NextWindow { at, id }) => (WindowStart::Before(at, id), None),
        _ => (WindowStart::Top, None),
    };
    // (id, rank, the window's newest row)
    let mut picked: Vec<(i64, f32, (DateTime<Utc>, i64))> = Vec::new();
    let mut next = None;
    // Two windows always fill a page (a window holds a page).
    for _ in 0..3 {
        // One row more than the window says whether another window follows.
        let mut window = window_rows(conn, q, words, scope, start)?;
        let more_windows = window.len() as i64 > RANK_WINDOW;
        window.truncate(RANK_WINDOW as usize);
        let (Some(first), Some(last)) = (window.first(), window.last()) else {
            break;
        };
        // `conditions` keeps only published listings, so these are set.
        let (Some(top_at), Some(end_at)) = (first.1, last.1) else {
            break;
        };
        let top = (top_at, first.0);
        let end = (end_at, last.0);
        let mut ranked: Vec<(i64, f32)> = window.into_iter().map(|(id, _, r)| (id, r)).collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0)));
        let mut left_in_window = 0;
        for (id, rank) in ranked {
            let past_cursor = match after {
                // Rows after (rank, id) in (rank DESC, id DESC) order.
                Some((r, i)) => rank < r || (rank == r && id < i),
                None => true,
            };
            if !past_cursor {
                continue;
            }
            if (picked.len() as i64) < PAGE_SIZE {
                picked.push((id, rank, top));
            } else {
                left_in_window += 1;
            }
        }
        if picked.len() as i64 == PAGE_SIZE {
            next = if left_in_window > 0 {
                picked
                    .last()
                    .map(|&(id, rank, (window_at, window_id))| Cursor::Window {
                        window_at,
                        window_id,
                        rank,
                        id,
                    })
            } else if more_windows {
                Some(Cursor::NextWindow {
                    at: end.0,
                    id: end.1,
                })
            } else {
                None
            };
            break;
        }
        if !more_windows {
            break;
        }
        start = WindowStart::Before(end.0, end.1);
        after = None;
    }
    let ids: Vec<i64> = picked.iter().map(|p| p.0).collect();
    Ok((cards_in_order(conn, &ids)?, next))
}

/// `SELECT category_id, count(*)` over at most `COUNT_CAP` matching rows.
struct CappedCounts {
    filter: Conditions,
}

impl QueryFragment<Pg> for CappedCounts {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql(
            "SELECT m.category_id, count(*) FROM (SELECT listings.category_id FROM listings WHERE ",
        );
        self.filter.walk_ast(out.reborrow())?;
        out.push_sql(" LIMIT ");
        // One row more than the cap tells "exactly 1,000" from "more".
        out.push_bind_param::<BigInt, _>(&(COUNT_CAP + 1))?;
        out.push_sql(") m GROUP BY m.category_id");
        Ok(())
    }
}

impl QueryId for CappedCounts {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl Query for CappedCounts {
    type SqlType = (Integer, BigInt);
}

impl RunQueryDsl<PgConnection> for CappedCounts {}

/// What the counting queries found.
struct Counts {
    /// Matches per category id (of every category, or of the chosen one).
    by_category: Vec<(i32, i64)>,
    by_category_capped: bool,
    /// Matches of the whole query.
    total: Count,
}

/// Matches per category id and the total for the query.
fn counts(
    conn: &mut PgConnection,
    q: &SearchQuery,
    words: &str,
    scope: &Scope,
) -> QueryResult<Counts> {
    let rows: Vec<(i32, i64)> = CappedCounts {
        filter: conditions(q, words, scope, !scope.count_all_categories),
    }
    .noted()
    .load(conn)?;
    let seen: i64 = rows.iter().map(|(_, n)| n).sum();
    let capped = seen > COUNT_CAP;
    let total = if scope.category_ids.is_empty() || !scope.count_all_categories {
        Count {
            n: seen.min(COUNT_CAP),
            capped,
        }
    } else if !capped {
        Count {
            n: rows
                .iter()
                .filter(|(id, _)| scope.category_ids.contains(id))
                .map(|(_, n)| n)
                .sum(),
            capped: false,
        }
    } else {
        // The capped sample says little about one category: count it on its own.
        let own: Vec<(i32, i64)> = CappedCounts {
            filter: conditions(q, words, scope, true),
        }
        .noted()
        .load(conn)?;
        let n: i64 = own.iter().map(|(_, n)| n).sum();
        Count {
            n: n.min(COUNT_CAP),
            capped: n > COUNT_CAP,
        }
    };
    Ok(Counts {
        by_category: rows,
        by_category_capped: capped,
        total,
    })
}

/// Runs the query: a page of results and the counts; when the words find fewer than a
/// few listings, the words corrected against `search_words` are tried too.
pub fn run(conn: &mut PgConnection, q: &SearchQuery, scope: &Scope) -> QueryResult<Outcome> {
    let found = counts(conn, q, &q.q, scope)?;
    let (cards, next) = page(conn, q, &q.q, scope, found.total)?;
    let mut out = Outcome {
        cards,
        next,
        total: found.total,
        by_category: found.by_category,
        by_category_capped: found.by_category_capped,
        corrected: None,
        suggestion: None,
    };
    if q.q.is_empty() || q.after.is_some() || out.total.n >= FEW_RESULTS {
        return Ok(out);
    }
    let Some(better) = correct(conn, &q.q)? else {
        return Ok(out);
    };
    let found = counts(conn, q, &better, scope)?;
    if found.total.n <= out.total.n {
        return Ok(out);
    }
    if out.total.n == 0 {
        // Nothing matched what was typed: show what the corrected words find.
        let mut fixed = q.clone();
        fixed.q = better.clone();
        let (cards, next) = page(conn, &fixed, &better, scope, found.total)?;
        out = Outcome {
            cards,
            next,
            total: found.total,
            by_category: found.by_category,
            by_category_capped: found.by_category_capped,
            corrected: Some(better),
            suggestion: None,
        };
    } else {
        out.suggestion = Some(better);
    }
    Ok(out)
}

#[derive(QueryableByName)]
struct Candidate {
    #[diesel(sql_type = BigInt)]
    ord: i64,
    /// The typed word, lower-cased and unaccented.
    #[diesel(sql_type = Text)]
    word: String,
    /// Listings using the typed word itself.
    #[diesel(sql_type = Integer)]
    own: i32,
    #[diesel(sql_type = Nullable<Text>)]
    candidate: Option<String>,
    #[diesel(sql_type = Nullable<Integer>)]
    listings: Option<i32>,
}

/// How many similar words per typed word are compared by edit distance.
const CANDIDATES: i64 = 20;

/// Edit distance counting a swap of two neighbours as one edit (optimal string
/// alignment): typos are mostly swaps, and trigram similarity rates them poorly
/// ("chiar" is nearer to "car" than to "chair" in trigrams).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// The search words with each unknown word replaced by the nearest word of active
/// listings (`search_words`), and a known but rare word by a near one at least ten
/// times as common ("chiar" in one listing, "chair" in forty); `None` when nothing
/// changes. The trigram index finds the candidates; the edit distance picks one, at most
/// one edit away per three letters.
pub fn correct(conn: &mut PgConnection, words: &str) -> QueryResult<Option<String>> {
    // Words as the tsvector has them: split on what is not a letter or digit. Operators
    // of websearch syntax (quotes, `-`, `or`) are dropped: a corrected query is plain.
    let tokens: Vec<String> = words
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("or"))
        .take(10)
        .map(str::to_string)
        .collect();
    if tokens.is_empty() {
        return Ok(None);
    }
    let rows: Vec<Candidate> = conn.transaction(|conn| {
        // `%` uses this threshold and the trigram index; SET LOCAL ends with the
        // transaction, so the pooled connection keeps the default.
        diesel::sql_query(format!(
            "SET LOCAL pg_trgm.similarity_threshold = {SIMILARITY}"
        ))
        .execute(conn)?;
        diesel::sql_query(
            "SELECT u.ord, l.w AS word, o.own, c.word AS candidate, c.listings \
             FROM unnest($1::text[]) WITH ORDINALITY AS u(raw, ord) \
             CROSS JOIN LATERAL (SELECT pasar_unaccent(lower(u.raw)) AS w) l \
             CROSS JOIN LATERAL (SELECT COALESCE((SELECT k.listings FROM search_words k \
                                 WHERE k.word = l.w), 0) AS own) o \
             LEFT JOIN LATERAL (SELECT s.word, s.listings FROM search_words s \
                                WHERE length(l.w) >= 3 AND s.word % l.w AND s.word <> l.w \
                                ORDER BY similarity(s.word, l.w) DESC, s.listings DESC \
                                LIMIT $2) c ON true \
             ORDER BY u.ord",
        )
        .bind::<Array<Text>, _>(&tokens)
        .bind::<BigInt, _>(CANDIDATES)
        .load(conn)
    })?;
    let mut changed = false;
    let mut fixed = Vec::with_capacity(tokens.len());
    for (i, typed) in tokens.into_iter().enumerate() {
        let mine: Vec<&Candidate> = rows.iter().filter(|r| r.ord == i as i64 + 1).collect();
        let Some(first) = mine.first() else {
            fixed.push(typed);
            continue;
        };
        let allowed = (first.word.chars().count() / 3).max(1);
        let best = mine
            .iter()
            .filter_map(|r| Some((r.candidate.as_deref()?, r.listings?)))
            .filter(|(_, n)| i64::from(*n) >= 10 * i64::from(first.own))
            .map(|(w, n)| (edit_distance(&first.word, w), -i64::from(n), w))
            .filter(|(d, _, _)| *d <= allowed)
            .min();
        match best {
            Some((_, _, w)) => {
                changed = true;
                fixed.push(w.to_string());
            }
            // Unchanged words stay as typed (accents and capitals included).
            None => fixed.push(typed),
        }
    }
    Ok(changed.then(|| fixed.join(" ")))
}

/// Rebuilds `search_words` from the `search` vectors of active listings (words of 3
/// letters or more, with the number of listings using each). One statement; run by the
/// seeders and periodically by the job worker.
pub fn refresh_search_words(conn: &mut PgConnection) -> QueryResult<usize> {
    conn.transaction(|conn| {
        diesel::sql_query("DELETE FROM search_words").execute(conn)?;
        diesel::sql_query(
            "INSERT INTO search_words (word, listings) \
             SELECT word, ndoc FROM ts_stat( \
               'SELECT search FROM listings WHERE status = ''active''') \
             WHERE length(word) >= 3",
        )
        .execute(conn)
    })
}

// ---- handlers -----------------------------------------------------------------------

type Page = Result<HttpResponse, AppError>;

/// htmx asks for the fragment only for its own swaps: a boosted navigation and a
/// history restore (we keep no history cache) need the whole page.
fn wants_fragment(req: &HttpRequest) -> bool {
    let h = req.headers();
    h.contains_key("hx-request")
        && !h.contains_key("hx-boosted")
        && !h.contains_key("hx-history-restore-request")
}

/// A resolved and answered search (kept in `Caches::search`).
pub struct Found {
    tree: Arc<CategoryTree>,
    q: SearchQuery,
    scope: Scope,
    outcome: Outcome,
}

/// Loads the tree, resolves the query and runs it, all on one connection; or takes the
/// answer the process gave to the same page a moment ago. `None`: no such category.
async fn load(
    state: &AppState,
    req: &HttpRequest,
    locale: crate::i18n::Locale,
    slug: Option<String>,
) -> Result<Option<Arc<Found>>, AppError> {
    let key = format!("{}|{}|{}", locale.code(), req.path(), req.query_string());
    // Held until the answer is in: a client's searches beyond its share wait for none
    // of the pool's connections.
    let client = crate::web::client::ip(req, state.config.trusted_proxies);
    let _pass = state
        .searches
        .enter(&client)
        .ok_or(AppError::SearchesBusy)?;
    let mut q = SearchQuery::parse(req.query_string(), locale);
    // On a category page the path names the category; `category=` does not override it.
    if slug.is_some() {
        q.category.clear();
    }
    let (pool, caches) = (state.pool.clone(), state.caches.clone());
    state
        .caches
        .search
        .get_or_load(key, move || async move {
            crate::db::run(&pool, move |conn| {
                let tree = CategoryTree::cached(conn, &caches.tree)?;
                let on_category_page = slug.is_some();
                if let Some(slug) = slug {
                    if tree.by_slug(&slug).is_none() {
                        return Ok(None);
                    }
                    q.category = slug;
                }
                let mut scope = resolve(&tree, &mut q);
                scope.count_all_categories = !on_category_page;
                let outcome = run(conn, &q, &scope)?;
                Ok(Some(Arc::new(Found {
                    tree,
                    q,
                    scope,
                    outcome,
                })))
            })
            .await
        })
        .await
}

async fn search_page(ctx: Ctx, req: HttpRequest, state: web::Data<AppState>) -> Page {
    results_page(ctx, req, &state, None).await
}

async fn category_page(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Page {
    results_page(ctx, req, &state, Some(slug.into_inner())).await
}

async fn results_page(ctx: Ctx, req: HttpRequest, state: &AppState, slug: Option<String>) -> Page {
    let found = load(state, &req, ctx.locale, slug.clone())
        .await?
        .ok_or(AppError::NotFound)?;
    let f = &*found;
    let view = views::build(
        &ctx,
        &f.tree,
        f.q.clone(),
        f.scope.clone(),
        f.outcome.clone(),
        slug,
    );
    respond(&req, ctx, view)
}

/// The whole page, or for htmx's live updates the results fragment; either way the
/// browser's address bar gets the canonical URL of these results.
fn respond(req: &HttpRequest, ctx: Ctx, view: views::Results) -> Page {
    let url = view.self_url.clone();
    let category_page = view.category.clone().filter(|_| view.path != "/search");
    let mut resp = if wants_fragment(req) {
        render(&ResultsFragment { ctx, r: view })?
    } else if let Some(category) = category_page {
        render(&views::CategoryPage {
            ctx,
            r: view,
            category,
        })?
    } else {
        render(&views::SearchPage { ctx, r: view })?
    };
    let headers = resp.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&url) {
        headers.insert(HeaderName::from_static("hx-push-url"), v);
    }
    // The same URL answers a page or a fragment: caches must keep them apart.
    headers.insert(header::VARY, HeaderValue::from_static("HX-Request"));
    Ok(resp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_reject_garbage() {
        let at = DateTime::from_timestamp_micros(1_780_000_000_123_456).expect("time");
        for c in [
            Cursor::Rank {
                rank: 0.0607927,
                id: 42,
            },
            Cursor::Window {
                window_at: at,
                window_id: 3,
                rank: 1e-20,
                id: 42,
            },
            Cursor::NextWindow { at, id: 5 },
            Cursor::Newest { at, id: 7 },
            Cursor::Price {
                minor: 12_50,
                id: 9,
            },
        ] {
            assert_eq!(Cursor::decode(&c.encode()), Some(c));
        }
        for bad in [
            "",
            "garbage",
            "cC4tMS4y",
            "bi4xLjA",
            "bi4xLjI.x",
            &"A".repeat(200),
        ] {
            assert_eq!(Cursor::decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn parsing_keeps_input_and_ignores_nonsense() {
        let q = SearchQuery::parse(
            "q=++red%20%20bike+&condition=good&condition=evil&condition=good&min=abc&max=20\
             &sort=evil&after=zzz&a.size=M&a.Bad=1&ships=1&currency=XXX",
            Locale::Fr,
        );
        assert_eq!(q.q, "red bike");
        assert_eq!(q.conditions, vec!["good"]);
        assert_eq!(q.min, None);
        assert_eq!(q.min_raw, "abc");
        assert_eq!(q.max, Some(2000));
        assert_eq!(q.currency, "EUR");
        assert_eq!(q.sort(), Sort::Relevance);
        assert_eq!(q.after, None);
        assert_eq!(q.attrs, vec![("size".to_string(), "M".to_string())]);
        assert!(q.ships && !q.pickup);
        assert_eq!(q.notices, vec![Notice::MinInvalid("price-invalid")]);
    }

    #[test]
    fn long_queries_are_cut_and_said_so() {
        let words: Vec<String> = (0..20).map(|i| format!("w{i}")).collect();
        let q = SearchQuery::parse(&format!("q={}", words.join("+")), Locale::En);
        assert_eq!(q.q, words[..MAX_QUERY_WORDS].join(" "));
        assert_eq!(q.notices, vec![Notice::QueryCut]);
        let q = SearchQuery::parse(&format!("q={}", "x".repeat(500)), Locale::En);
        assert_eq!(q.q.chars().count(), MAX_QUERY_CHARS);
        assert_eq!(q.notices, vec![Notice::QueryCut]);
        let q = SearchQuery::parse("q=+red++bike+", Locale::En);
        assert_eq!((q.q.as_str(), q.notices.len()), ("red bike", 0));
    }

    #[test]
    fn swapped_letters_are_one_edit() {
        assert_eq!(edit_distance("chiar", "chair"), 1);
        assert_eq!(edit_distance("chiar", "car"), 2);
        assert_eq!(edit_distance("iphnoe", "iphone"), 1);
        assert_eq!(edit_distance("καφες", "καφεσ"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn defaults_and_canonical_pairs() {
        let q = SearchQuery::parse("min=10&max=5", Locale::Id);
        assert_eq!(q.currency, "IDR");
        assert_eq!(q.notices, vec![Notice::RangeInverted]);
        assert_eq!(q.sort(), Sort::Newest);
        let q = SearchQuery::parse("q=lamp&min=5&sort=price_asc&foo=bar", Locale::En);
        assert_eq!(
            href("/search", &q.pairs(true)),
            "/search?q=lamp&min=5&currency=USD&sort=price_asc"
        );
    }
}
