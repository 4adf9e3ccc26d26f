//! Form handling every feature shares: the errors a form is re-rendered with, and the one
//! rule for the text a request carries (docs/decisions.md, "One text rule").

use std::collections::BTreeMap;

/// Field name -> message key, for re-rendering a form with its errors.
#[derive(Default, Debug, Clone, PartialEq)]
pub struct FormErrors(pub BTreeMap<&'static str, &'static str>);

impl FormErrors {
    pub fn add(&mut self, field: &'static str, key: &'static str) {
        self.0.entry(field).or_insert(key);
    }

    pub fn get(&self, field: &str) -> Option<&'static str> {
        self.0.get(field).copied()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Keeps the parsed value, or records the error and gives `None`.
    pub fn take<T>(&mut self, field: &'static str, parsed: Result<T, &'static str>) -> Option<T> {
        match parsed {
            Ok(v) => Some(v),
            Err(key) => {
                self.add(field, key);
                None
            }
        }
    }
}

/// The one rule for text a request carries, before any of it reaches the database
/// (PostgreSQL refuses NUL in text): no control character, except that a multi-line
/// field (a textarea) may hold line breaks and tabs. Callers of multi-line text turn
/// CR LF into LF. The key is the message shown next to the field.
pub fn plain_text(s: &str, multiline: bool) -> Result<(), &'static str> {
    let allowed = |c: char| multiline && matches!(c, '\n' | '\r' | '\t');
    if s.chars().any(|c| c.is_control() && !allowed(c)) {
        return Err("text-invalid");
    }
    Ok(())
}

/// Free text with a length limit (bio, city, country), under [`plain_text`].
pub fn limited_text(raw: &str, max: usize, multiline: bool) -> Result<String, &'static str> {
    let s = raw.trim();
    if s.chars().count() > max {
        return Err("text-too-long");
    }
    plain_text(s, multiline)?;
    Ok(s.replace("\r\n", "\n"))
}
