//! Page read models and templates of browse and search: the full search page, the
//! category page and the results fragment htmx swaps while the visitor types.

use askama::Template;

use super::super::categories::{AttrDef, AttrKind, CategoryTree};
use super::super::model::{ListingCard, CONDITIONS, CURRENCIES};
use super::{href, Count, Notice, Outcome, Scope, SearchQuery, Sort, COUNT_CAP};
use crate::web::Ctx;

/// A link with a count: a category of the results.
#[derive(Clone, Debug)]
pub struct Facet {
    pub name: String,
    pub url: String,
    pub count: String,
    pub current: bool,
}

/// An entry of the category select: top-level categories hold their subcategories.
#[derive(Clone, Debug)]
pub struct CategoryOption {
    pub slug: String,
    pub name: String,
    pub children: Vec<(String, String)>,
}

/// A filter field of the category's attributes, with what the visitor chose.
#[derive(Clone, Debug)]
pub struct AttrField {
    pub key: String,
    pub label: String,
    pub select: bool,
    pub number: bool,
    /// (value, shown text) of a select.
    pub options: Vec<(String, String)>,
    pub value: String,
}

/// The category a page is about.
#[derive(Clone, Debug)]
pub struct CategoryInfo {
    pub slug: String,
    pub name: String,
    /// From the top-level category down to the parent of this one: (slug, name).
    pub parents: Vec<(String, String)>,
    /// Subcategories with their counts for the current query.
    pub children: Vec<Facet>,
}

/// Everything the search page, the category page and the fragment show.
pub struct Results {
    /// `/search` or `/c/{slug}`: where the filter form goes.
    pub path: String,
    pub q: SearchQuery,
    pub sort: &'static str,
    /// The canonical URL of these results (for `HX-Push-Url`).
    pub self_url: String,
    pub cards: Vec<ListingCard>,
    pub count: String,
    pub total: Count,
    pub next_url: Option<String>,
    pub first_url: Option<String>,
    /// The words whose results are shown instead of the typed ones.
    pub corrected: Option<String>,
    /// A better spelling to offer, with its link.
    pub suggestion: Option<(String, String)>,
    /// Categories of the results (top level on `/search`).
    pub facets: Vec<Facet>,
    pub notices: Vec<String>,
    pub attributes: Vec<AttrField>,
    pub category_options: Vec<CategoryOption>,
    pub category: Option<CategoryInfo>,
    /// Links for the no-results page: the same words without filters, and categories.
    pub clear_url: Option<String>,
    pub browse: Vec<(String, String)>,
    /// Whether `min`/`max` could not be read (the fields are marked).
    pub min_invalid: bool,
    pub max_invalid: bool,
}

impl Results {
    pub fn conditions(&self) -> &'static [&'static str] {
        &CONDITIONS
    }

    pub fn currencies(&self) -> &'static [&'static str] {
        &CURRENCIES
    }

    pub fn sorts(&self) -> [&'static str; 4] {
        Sort::ALL.map(Sort::code)
    }

    /// The heading: the words searched for, else the category, else "Search".
    pub fn has_query(&self) -> bool {
        !self.q.q.is_empty()
    }

    /// The filters unfold when one is set (or wrong), so the visitor sees what applies.
    pub fn filters_open(&self) -> bool {
        self.q.has_filters()
            || !self.q.notices.is_empty()
            || (self.path == "/search" && !self.q.category.is_empty())
    }
}

#[derive(Template)]
#[template(path = "listings/search.html")]
pub struct SearchPage {
    pub ctx: Ctx,
    pub r: Results,
}

#[derive(Template)]
#[template(path = "listings/category.html")]
pub struct CategoryPage {
    pub ctx: Ctx,
    pub r: Results,
    pub category: CategoryInfo,
}

#[derive(Template)]
#[template(path = "listings/_results_live.html")]
pub struct ResultsFragment {
    pub ctx: Ctx,
    pub r: Results,
}

/// A count for a link: "12", or "1,000+" when counting stopped (a category's share of
/// a capped count is only a lower bound).
fn count_text(ctx: &Ctx, n: i64, capped: bool) -> String {
    let shown = ctx.number(&n.min(COUNT_CAP));
    if capped {
        format!("{shown}+")
    } else {
        shown
    }
}

/// Builds the read model; `slug` is set on `/c/{slug}`.
pub fn build(
    ctx: &Ctx,
    tree: &CategoryTree,
    q: SearchQuery,
    scope: Scope,
    out: Outcome,
    slug: Option<String>,
) -> Results {
    let locale = ctx.locale;
    let on_category_page = slug.is_some();
    let path = match &slug {
        Some(s) => format!("/c/{s}"),
        None => "/search".to_string(),
    };
    let with_category = !on_category_page;
    // Links of these results use the words actually searched (a corrected query pages on
    // with the corrected words).
    let mut shown = q.clone();
    if let Some(c) = &out.corrected {
        shown.q = c.clone();
    }
    let pairs = shown.pairs(with_category);
    let self_url = {
        let mut p = pairs.clone();
        if let Some(after) = &q.after {
            p.push(("after".into(), after.encode()));
        }
        href(&path, &p)
    };
    let next_url = out.next.map(|c| {
        let mut p = pairs.clone();
        p.push(("after".into(), c.encode()));
        href(&path, &p)
    });
    let first_url = q.after.map(|_| href(&path, &pairs));
    let total = out.total;
    let count = if total.capped {
        ctx.t2(
            "search-count-capped",
            "shown",
            count_text(ctx, total.n, false),
            "count",
            total.n,
        )
    } else {
        ctx.t2(
            "search-count",
            "shown",
            count_text(ctx, total.n, false),
            "count",
            total.n,
        )
    };
    let suggestion = out.suggestion.clone().map(|s| {
        let mut sq = q.clone();
        sq.q = s.clone();
        (s, href(&path, &sq.pairs(with_category)))
    });

    // Counts per category id, rolled up into the top-level categories (and into the
    // children of the chosen one).
    let count_under = |id: i32| -> i64 {
        let ids = tree.with_descendants(id);
        out.by_category
            .iter()
            .filter(|(c, _)| ids.contains(c))
            .map(|(_, n)| n)
            .sum()
    };
    let facet_link = |slug: &str| -> String {
        let mut fq = shown.clone();
        // Attribute filters belong to a category: a new category starts without them.
        fq.attrs.clear();
        if on_category_page {
            href(&format!("/c/{slug}"), &fq.pairs(false))
        } else {
            fq.category = slug.to_string();
            href("/search", &fq.pairs(true))
        }
    };
    let mut facets = Vec::new();
    if !on_category_page {
        for c in tree.top_level() {
            let n = count_under(c.id);
            let current = scope
                .category
                .is_some_and(|sel| tree.trail(sel).first().is_some_and(|t| t.id == c.id));
            if n > 0 || current {
                facets.push(Facet {
                    name: c.name(locale),
                    url: facet_link(&c.slug),
                    count: count_text(ctx, n, out.by_category_capped),
                    current,
                });
            }
        }
    }
    let category = scope.category.and_then(|id| tree.get(id)).map(|c| {
        let trail = tree.trail(c.id);
        CategoryInfo {
            slug: c.slug.clone(),
            name: c.name(locale),
            parents: trail
                .iter()
                .filter(|t| t.id != c.id)
                .map(|t| (t.slug.clone(), t.name(locale)))
                .collect(),
            children: tree
                .children(c.id)
                .into_iter()
                .map(|child| Facet {
                    name: child.name(locale),
                    url: facet_link(&child.slug),
                    count: count_text(ctx, count_under(child.id), out.by_category_capped),
                    current: false,
                })
                .collect(),
        }
    });

    let notices = q
        .notices
        .iter()
        .map(|n| match n {
            Notice::MinInvalid(key) => ctx.t1("search-min-invalid", "reason", ctx.t(key)),
            Notice::MaxInvalid(key) => ctx.t1("search-max-invalid", "reason", ctx.t(key)),
            Notice::RangeInverted => ctx.t("search-range-inverted"),
            Notice::UnknownCategory(slug) => ctx.t1("search-category-unknown", "slug", slug),
            Notice::QueryCut => {
                let words = super::MAX_QUERY_WORDS as i64;
                ctx.t1("search-query-cut", "words", words)
            }
        })
        .collect();
    let min_invalid = q.notices.iter().any(|n| matches!(n, Notice::MinInvalid(_)));
    let max_invalid = q.notices.iter().any(|n| matches!(n, Notice::MaxInvalid(_)));

    // Attribute fields only for a chosen category: their meaning (and a select's options)
    // depend on it.
    let attributes = match scope.category {
        Some(id) => tree
            .attributes(id)
            .into_iter()
            .map(|d: AttrDef| AttrField {
                label: d.label(locale),
                select: d.kind == AttrKind::Select,
                number: d.kind == AttrKind::Number,
                options: d
                    .options
                    .iter()
                    .map(|o| (o.clone(), d.option_label(o, locale)))
                    .collect(),
                value: q.attr(&d.key).to_string(),
                key: d.key,
            })
            .collect(),
        None => Vec::new(),
    };
    let category_options = tree
        .top_level()
        .into_iter()
        .map(|c| CategoryOption {
            slug: c.slug.clone(),
            name: c.name(locale),
            children: tree
                .children(c.id)
                .into_iter()
                .map(|s| (s.slug.clone(), s.name(locale)))
                .collect(),
        })
        .collect();
    let clear_url = (q.has_filters() || (with_category && !q.category.is_empty())).then(|| {
        let mut p = Vec::new();
        if !shown.q.is_empty() {
            p.push(("q".to_string(), shown.q.clone()));
        }
        href(&path, &p)
    });
    let browse = if out.cards.is_empty() {
        tree.top_level()
            .into_iter()
            .map(|c| (c.slug.clone(), c.name(locale)))
            .collect()
    } else {
        Vec::new()
    };
    let sort = q.sort().code();
    Results {
        path,
        sort,
        self_url,
        cards: out.cards,
        count,
        total,
        next_url,
        first_url,
        corrected: out.corrected,
        suggestion,
        facets,
        notices,
        attributes,
        category_options,
        category,
        clear_url,
        browse,
        min_invalid,
        max_invalid,
        q,
    }
}
