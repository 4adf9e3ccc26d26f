//! What search sent to the database, for the plan regression test (tests/app/plans.rs):
//! inside `recording`, every listings statement of search is kept as its SQL text (as
//! prepared) and its parameters as SQL literals, so the test can `EXPLAIN EXECUTE` the
//! very statement diesel prepared. Outside `recording` noting costs one thread-local
//! read.

use std::cell::RefCell;

use diesel::pg::Pg;
use diesel::query_builder::QueryFragment;

/// One statement as sent: `sql` with `$1`.. placeholders, `params` the values in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    pub sql: String,
    pub params: Vec<String>,
}

impl Statement {
    /// The SQL with the parameters written in (planned for these values, as a custom
    /// plan would be).
    pub fn inlined(&self) -> String {
        let mut sql = self.sql.clone();
        // From the last, so `$1` does not eat the start of `$12`.
        for (i, p) in self.params.iter().enumerate().rev() {
            sql = sql.replace(&format!("${}", i + 1), &format!("({p})"));
        }
        sql
    }
}

thread_local! {
    static RECORDED: RefCell<Option<Vec<Statement>>> = const { RefCell::new(None) };
}

/// Runs `f` and returns what it returned with the statements noted meanwhile on this
/// thread (diesel work runs on the calling thread).
pub fn recording<T>(f: impl FnOnce() -> T) -> (T, Vec<Statement>) {
    RECORDED.with(|r| *r.borrow_mut() = Some(Vec::new()));
    let out = f();
    let noted = RECORDED.with(|r| r.borrow_mut().take()).unwrap_or_default();
    (out, noted)
}

/// Keeps `query` if `recording` is on. Its binds print as SQL literals (see
/// `search::Bind`'s `Debug`), plain numbers (limits) as themselves.
pub(crate) fn note<Q: QueryFragment<Pg>>(query: &Q) {
    let on = RECORDED.with(|r| r.borrow().is_some());
    if !on {
        return;
    }
    let text = diesel::debug_query::<Pg, _>(query).to_string();
    let (sql, binds) = text.rsplit_once(" -- binds: ").unwrap_or((&text, "[]"));
    let statement = Statement {
        sql: sql.to_string(),
        params: split_list(binds),
    };
    RECORDED.with(|r| {
        if let Some(v) = r.borrow_mut().as_mut() {
            v.push(statement);
        }
    });
}

/// Splits `[a, b, c]` at the commas outside quotes and brackets.
fn split_list(list: &str) -> Vec<String> {
    let inner = list
        .trim()
        .strip_prefix('[')
        .and_then(|s| s.strip_suffix(']'))
        .unwrap_or("");
    let mut out = Vec::new();
    let (mut depth, mut quoted, mut item) = (0i32, false, String::new());
    for c in inner.chars() {
        match c {
            '\'' => quoted = !quoted,
            '[' | '(' if !quoted => depth += 1,
            ']' | ')' if !quoted => depth -= 1,
            ',' if !quoted && depth == 0 => {
                out.push(item.trim().to_string());
                item.clear();
                continue;
            }
            _ => {}
        }
        item.push(c);
    }
    if !item.trim().is_empty() {
        out.push(item.trim().to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_outside_quotes_and_brackets() {
        assert_eq!(
            split_list("['a, b'::text, ARRAY['x', 'y']::text[], 25]"),
            vec!["'a, b'::text", "ARRAY['x', 'y']::text[]", "25"]
        );
        assert!(split_list("[]").is_empty());
        let s = Statement {
            sql: "SELECT $1, $10".into(),
            params: (1..=10).map(|i| i.to_string()).collect(),
        };
        assert_eq!(s.inlined(), "SELECT (1), (10)");
    }
}
