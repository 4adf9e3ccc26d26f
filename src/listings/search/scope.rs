//! What a search resolves to against the category tree: the category with all below it,
//! and the attribute filters that apply.

use super::super::categories::{AttrDef, AttrKind, CategoryTree};
use super::query::{Notice, SearchQuery};

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

/// Whether rows in a price range are best read through the price index, in its order
/// (counts and price pages): the range has an upper bound, which with its currency makes
/// the index walk cover only the rows in the range, and neither words nor attributes
/// (their own index reads those) nor several categories (no price index orders those)
/// are asked for. The planner's estimate of a range multiplies the currency's share by
/// the range's share of all prices, cents and rupiah alike, so an IDR range that holds
/// nothing is expected to hold a fifth of the table. A lower bound alone (`min=0`) may
/// cover a whole currency: walking it for a rare condition read 36,000 rows in price
/// order where the sequential scan the planner picks found its 1,001 in 48,000 rows read in
/// heap order (225 against 14 ms), so it stays the planner's choice.
pub(super) fn walks_price_range(
    q: &SearchQuery,
    scope: &Scope,
    has_selective: bool,
    with_category: bool,
) -> bool {
    q.max.is_some() && !has_selective && !(with_category && scope.category_ids.len() > 1)
}
