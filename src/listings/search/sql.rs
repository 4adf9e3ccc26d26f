//! SQL assembled from fixed text and bound values: the WHERE clauses of a search (the
//! filters the list indexes order by, and the selective ones with their own index) and
//! the full-text rank.

use chrono::{DateTime, Utc};
use diesel::expression::{is_aggregate, ValidGrouping};
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::sql_types::{Array, BigInt, Bool, Float, Integer, Jsonb, Text, Timestamptz};

use super::super::categories::AttrKind;
use super::query::{Cursor, SearchQuery, Sort};
use super::scope::Scope;

/// A value bound to a placeholder. Its `Debug` is an SQL literal of the value, so
/// `statements::note` can hand the test statements it can `EXPLAIN EXECUTE`.
#[derive(Clone)]
pub(super) enum Bind {
    Text(String),
    Texts(Vec<String>),
    Int(i32),
    Ints(Vec<i32>),
    BigInt(i64),
    Float(f32),
    Time(DateTime<Utc>),
    Json(serde_json::Value),
}

pub(super) fn quote(s: &str) -> String {
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
pub(super) enum Piece {
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
    pub(super) fn cond(&mut self, sql: &'static str) -> &mut Self {
        if !self.pieces.is_empty() {
            self.pieces.push(Piece::Sql(" AND "));
        }
        self.pieces.push(Piece::Sql(sql));
        self
    }

    pub(super) fn sql(&mut self, sql: &'static str) -> &mut Self {
        self.pieces.push(Piece::Sql(sql));
        self
    }

    pub(super) fn bind(&mut self, b: Bind) -> &mut Self {
        self.pieces.push(Piece::Bind(b));
        self
    }

    pub(super) fn is_empty(&self) -> bool {
        self.pieces.is_empty()
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
pub(super) struct Rank(Conditions);

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
pub(super) fn push_tsquery(c: &mut Conditions, words: &str) {
    c.sql("websearch_to_tsquery('simple', pasar_unaccent(lower(")
        .bind(Bind::Text(words.to_string()))
        .sql(")))");
}

/// The full-text rank of a listing (title words weigh more: weight A).
pub(super) fn rank_expr(words: &str) -> Rank {
    let mut c = Conditions::default();
    c.sql("ts_rank(listings.search, ");
    push_tsquery(&mut c, words);
    c.sql(")");
    Rank(c)
}

/// Lets the plan regression test see a statement before it runs (`statements`).
pub(super) trait Noted: Sized {
    fn noted(self) -> Self;
}

impl<Q: QueryFragment<Pg>> Noted for Q {
    fn noted(self) -> Self {
        super::super::statements::note(&self);
        self
    }
}

/// The WHERE clause for the query. `with_category` is false for the per-category
/// counts, which show every category's matches.
pub(super) fn conditions(
    q: &SearchQuery,
    words: &str,
    scope: &Scope,
    with_category: bool,
) -> Conditions {
    let mut c = plain_conditions(q, scope, with_category);
    c.and_all(selective_conditions(words, scope));
    c
}

/// The filters the list indexes order by or that rarely narrow much (status, category,
/// price, condition, delivery, place).
pub(super) fn plain_conditions(q: &SearchQuery, scope: &Scope, with_category: bool) -> Conditions {
    plain_conditions_for(q, scope, with_category, false)
}

/// `plain_conditions`, with `condition_outside_index` writing the condition filter as an
/// expression no index answers. The full-text index also holds the condition and
/// currency (for searches with words), so without words the planner may read it for the
/// condition alone: on a price range meant to be walked in the price index it built
/// the bitmap of every listing in that condition and currency and sorted it.
pub(super) fn plain_conditions_for(
    q: &SearchQuery,
    scope: &Scope,
    with_category: bool,
    condition_outside_index: bool,
) -> Conditions {
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
        c.cond(if condition_outside_index {
            "(listings.condition || '') = ANY("
        } else {
            "listings.condition = ANY("
        })
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
pub(super) fn selective_conditions(words: &str, scope: &Scope) -> Conditions {
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
pub(super) fn after_cursor(c: &mut Conditions, cursor: &Cursor, sort: Sort) {
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
