//! The crowd's paths: drawn per request from lists the script took from the bench data,
//! in the proportions of issue 9 (40 % listing pages, 25 % searches, 15 % category
//! pages, 10 % home, 10 % filtered or sorted results).

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use anyhow::Context;
use rand::seq::SliceRandom;
use rand::Rng;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    Listing,
    Search,
    Category,
    Home,
    Filtered,
    /// The bare reference server's 24-card page.
    Reference,
}

impl Class {
    pub const CROWD: [Class; 5] = [
        Class::Listing,
        Class::Search,
        Class::Category,
        Class::Home,
        Class::Filtered,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Class::Listing => "listing",
            Class::Search => "search",
            Class::Category => "category",
            Class::Home => "home",
            Class::Filtered => "filtered",
            Class::Reference => "reference",
        }
    }
}

pub struct Lists {
    pub ids: Vec<i64>,
    /// Already URL-encoded; a third misspelt by one dropped letter.
    pub queries: Vec<String>,
    pub slugs: Vec<String>,
    pub sellers: Vec<i64>,
}

pub fn read_lines(path: &Path) -> anyhow::Result<Vec<String>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect())
}

fn numbers(path: &Path) -> anyhow::Result<Vec<i64>> {
    read_lines(path)?
        .iter()
        .map(|l| {
            l.parse()
                .with_context(|| format!("{}: {l}", path.display()))
        })
        .collect()
}

pub fn encode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// Every third word loses one letter (not the first): the typos the trigram correction
/// has to fix. Drawn once, so a run asks for the same 400 queries throughout.
fn misspell(words: Vec<String>, rng: &mut impl Rng) -> Vec<String> {
    words
        .into_iter()
        .enumerate()
        .map(|(i, w)| {
            let chars: Vec<char> = w.chars().collect();
            if i % 3 == 0 && chars.len() >= 4 {
                let drop = rng.gen_range(1..chars.len());
                chars
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != drop)
                    .map(|(_, c)| c)
                    .collect()
            } else {
                w
            }
        })
        .collect()
}

impl Lists {
    pub fn read(dir: &Path) -> anyhow::Result<Lists> {
        let mut rng = rand::thread_rng();
        let words = misspell(read_lines(&dir.join("words"))?, &mut rng);
        Ok(Lists {
            ids: numbers(&dir.join("ids"))?,
            queries: words.iter().map(|w| encode(w)).collect(),
            slugs: read_lines(&dir.join("slugs"))?,
            sellers: numbers(&dir.join("sellers"))?,
        })
    }

    /// One request of the crowd's mix.
    pub fn crowd(&self, rng: &mut impl Rng) -> (Class, String) {
        let roll = rng.gen_range(0..100);
        let class = match roll {
            0..=39 => Class::Listing,
            40..=64 => Class::Search,
            65..=79 => Class::Category,
            80..=89 => Class::Home,
            _ => Class::Filtered,
        };
        (class, self.path(class, rng))
    }

    fn query(&self, rng: &mut impl Rng) -> &str {
        self.queries.choose(rng).map_or("iphone", String::as_str)
    }

    fn slug(&self, rng: &mut impl Rng) -> &str {
        self.slugs.choose(rng).map_or("electronics", String::as_str)
    }

    pub fn path(&self, class: Class, rng: &mut impl Rng) -> String {
        match class {
            Class::Listing => format!("/listings/{}", self.ids.choose(rng).copied().unwrap_or(1)),
            Class::Search => format!("/search?q={}", self.query(rng)),
            Class::Category => format!("/c/{}", self.slug(rng)),
            Class::Home => "/".to_string(),
            Class::Filtered => match rng.gen_range(0..5) {
                0 => format!("/search?q={}&sort=price_asc", self.query(rng)),
                1 => format!("/search?q={}&sort=price_desc", self.query(rng)),
                2 => format!("/search?q={}&sort=newest", self.query(rng)),
                3 => format!(
                    "/search?q={}&condition=good&min=1&max=1000",
                    self.query(rng)
                ),
                _ => format!("/c/{}?sort=price_asc", self.slug(rng)),
            },
            Class::Reference => format!("/ref/{}", self.sellers.choose(rng).copied().unwrap_or(1)),
        }
    }
}

/// What one run of the crowd (or of the reference mix) asks for, and when it measures.
pub struct Plan {
    pub addr: String,
    pub lists: Arc<Lists>,
    pub reference: bool,
    pub measure_from: Instant,
    pub until: Instant,
}
