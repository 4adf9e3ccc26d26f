//! The admin lists' query strings: a page number and search text, each checked so odd
//! input gets a translated message on the page instead of an error page.

use crate::web::form::{limited_text, FormErrors};

/// Rows per page on every admin list.
pub const PER_PAGE: i64 = 50;
/// Pages past this are refused: an OFFSET that large is a slow scan nobody needs.
const MAX_PAGE: i64 = 1_000;
/// Longest search text accepted.
pub const MAX_SEARCH: usize = 100;

/// `?page=`: empty or missing is the first page.
pub fn page(raw: Option<&str>, errors: &mut FormErrors) -> i64 {
    let raw = raw.unwrap_or("").trim();
    if raw.is_empty() {
        return 1;
    }
    match raw.parse::<i64>() {
        Ok(n) if (1..=MAX_PAGE).contains(&n) => n,
        _ => {
            errors.add("page", "admin-error-page");
            1
        }
    }
}

/// The rows to skip for `page`.
pub fn offset(page: i64) -> i64 {
    (page - 1) * PER_PAGE
}

/// Search text, trimmed; too long or with control characters: the error and nothing.
pub fn text(field: &'static str, raw: Option<&str>, errors: &mut FormErrors) -> String {
    errors
        .take(field, limited_text(raw.unwrap_or(""), MAX_SEARCH, false))
        .unwrap_or_default()
}

/// An id typed in a search box (`#12` and ` 12 ` too); anything else is an error.
pub fn id(field: &'static str, raw: Option<&str>, errors: &mut FormErrors) -> Option<i64> {
    let raw = raw.unwrap_or("").trim().trim_start_matches('#');
    if raw.is_empty() {
        return None;
    }
    match raw.parse::<i64>() {
        Ok(n) if n > 0 => Some(n),
        _ => {
            errors.add(field, "admin-error-id");
            None
        }
    }
}

/// Whether a page of `rows` fetched with one extra row has a next page; drops the extra.
pub fn split_more<T>(rows: &mut Vec<T>) -> bool {
    let more = rows.len() as i64 > PER_PAGE;
    rows.truncate(PER_PAGE as usize);
    more
}
