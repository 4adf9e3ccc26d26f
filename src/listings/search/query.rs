//! The query string of `/search` and `/c/{slug}` as a typed `SearchQuery`: parsing that
//! never fails, bounds on what is kept, the sort, the paging cursor and the canonical
//! URL of a search.

use base64::Engine;
use chrono::{DateTime, Utc};

use super::super::model::{CONDITIONS, CURRENCIES};
use super::super::price;
use crate::i18n::Locale;

/// Longest search text kept (longer is cut): enough for any real query, and it bounds
/// the work of parsing and correcting it.
pub(super) const MAX_QUERY_CHARS: usize = 200;

/// Most search words kept: each is one more tsquery term for every row the full-text
/// index returns, and one more typo-correction lookup.
pub const MAX_QUERY_WORDS: usize = 12;

/// Longest city, country or attribute value accepted as a filter.
pub(super) const MAX_FILTER_CHARS: usize = 80;

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

    pub(super) fn by_price(self) -> bool {
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
pub(super) fn clean(raw: &str, max: usize) -> String {
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
pub(super) fn bounded_query(raw: &str) -> (String, bool) {
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

pub(super) fn truthy(v: &str) -> bool {
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
