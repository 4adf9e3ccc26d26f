//! The category tree: top-level categories with subcategories, and the attributes each
//! category asks for (inherited from the parent). Names are Fluent messages `cat-<slug>`.

use diesel::prelude::*;
use serde::Deserialize;

use crate::db::schema::categories;
use crate::i18n::Locale;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = categories, check_for_backend(diesel::pg::Pg))]
pub struct Category {
    pub id: i32,
    pub parent_id: Option<i32>,
    pub slug: String,
    pub position: i32,
    pub attributes: serde_json::Value,
}

impl Category {
    /// Takes the locale by value or reference (templates pass references).
    pub fn name(&self, locale: impl std::borrow::Borrow<Locale>) -> String {
        locale.borrow().t(&format!("cat-{}", self.slug))
    }
}

/// How an attribute is entered and filtered.
#[derive(Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum AttrKind {
    Text,
    Number,
    Select,
}

#[derive(Deserialize, Clone, Debug)]
pub struct AttrDef {
    pub key: String,
    pub kind: AttrKind,
    #[serde(default)]
    pub options: Vec<String>,
}

impl AttrDef {
    pub fn label(&self, locale: impl std::borrow::Borrow<Locale>) -> String {
        locale.borrow().t(&format!("attr-{}", self.key))
    }

    /// The shown text of an option: colours and materials are translated, sizes are not.
    pub fn option_label(&self, option: &str, locale: impl std::borrow::Borrow<Locale>) -> String {
        match self.key.as_str() {
            "colour" | "material" | "language" => {
                locale.borrow().t(&format!("{}-{}", self.key, option))
            }
            _ => option.to_string(),
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct CategoryTree {
    pub all: Vec<Category>,
}

impl CategoryTree {
    pub fn load(conn: &mut PgConnection) -> QueryResult<CategoryTree> {
        let all = categories::table
            .order((categories::position, categories::id))
            .select(Category::as_select())
            .load(conn)?;
        Ok(CategoryTree { all })
    }

    /// The tree from the process's cache, loaded on a miss. Categories change only with
    /// migrations, so a cached tree is never wrong for long.
    pub fn cached(
        conn: &mut PgConnection,
        kept: &crate::cache::Slot<CategoryTree>,
    ) -> QueryResult<std::sync::Arc<CategoryTree>> {
        kept.get_or_load(|| CategoryTree::load(conn))
    }

    pub fn get(&self, id: i32) -> Option<&Category> {
        self.all.iter().find(|c| c.id == id)
    }

    pub fn by_slug(&self, slug: &str) -> Option<&Category> {
        self.all.iter().find(|c| c.slug == slug)
    }

    pub fn top_level(&self) -> Vec<&Category> {
        self.all.iter().filter(|c| c.parent_id.is_none()).collect()
    }

    /// Takes the id by value or reference (templates pass references).
    pub fn children(&self, id: impl std::borrow::Borrow<i32>) -> Vec<&Category> {
        let id = *id.borrow();
        self.all
            .iter()
            .filter(|c| c.parent_id == Some(id))
            .collect()
    }

    /// The category and all below it (a top-level page shows its subcategories' items).
    pub fn with_descendants(&self, id: i32) -> Vec<i32> {
        let mut out = vec![id];
        let mut i = 0;
        while i < out.len() {
            let parent = out[i];
            out.extend(
                self.all
                    .iter()
                    .filter(|c| c.parent_id == Some(parent))
                    .map(|c| c.id),
            );
            i += 1;
        }
        out
    }

    /// From the top-level category down to `id`.
    pub fn trail(&self, id: i32) -> Vec<&Category> {
        let mut out = Vec::new();
        let mut cur = self.get(id);
        while let Some(c) = cur {
            out.push(c);
            cur = c.parent_id.and_then(|p| self.get(p));
        }
        out.reverse();
        out
    }

    /// Attributes of a category: the parent's, then its own (an own one with the same
    /// key replaces the parent's).
    pub fn attributes(&self, id: i32) -> Vec<AttrDef> {
        let mut out: Vec<AttrDef> = Vec::new();
        for c in self.trail(id) {
            let defs: Vec<AttrDef> =
                serde_json::from_value(c.attributes.clone()).unwrap_or_default();
            for d in defs {
                if let Some(existing) = out.iter_mut().find(|e| e.key == d.key) {
                    *existing = d;
                } else {
                    out.push(d);
                }
            }
        }
        out
    }
}
