//! Languages: Fluent messages for en, id, el, fr (files under `locales/`), and the
//! locale-aware formatting of numbers, money and dates used by pages and emails.

pub mod format;
pub mod zone;

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use serde::{Deserialize, Serialize};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Isolation marks around arguments break plain-text mail and string comparisons.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The languages Pasar speaks. Adding one means a new `locales/<code>/` folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Id,
    El,
    Fr,
}

impl Locale {
    pub const ALL: [Locale; 4] = [Locale::En, Locale::Id, Locale::El, Locale::Fr];

    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Id => "id",
            Locale::El => "el",
            Locale::Fr => "fr",
        }
    }

    /// The language's own name, as shown in the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Id => "Bahasa Indonesia",
            Locale::El => "Ελληνικά",
            Locale::Fr => "Français",
        }
    }

    /// Accepts a bare code or a tag with a region (`fr-BE`, `id_ID`).
    pub fn parse(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// Picks the best supported language from an `Accept-Language` header value,
    /// honouring q-values.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut best: Option<(f32, Locale)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("").trim();
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            if let Some(loc) = Locale::parse(tag) {
                if q > 0.0 && best.is_none_or(|(bq, _)| q > bq) {
                    best = Some((q, loc));
                }
            }
        }
        best.map(|(_, l)| l)
    }

    fn langid(self) -> LanguageIdentifier {
        match self {
            Locale::En => fluent_templates::langid!("en"),
            Locale::Id => fluent_templates::langid!("id"),
            Locale::El => fluent_templates::langid!("el"),
            Locale::Fr => fluent_templates::langid!("fr"),
        }
    }

    /// The message `key` in this language.
    pub fn t(self, key: &str) -> String {
        self.t_args(key, &[])
    }

    /// The message `key` with named arguments. Numbers passed as `Arg::Num` take part in
    /// Fluent's plural selection.
    pub fn t_args(self, key: &str, args: &[(&str, Arg)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| {
                let value = match v {
                    Arg::Str(s) => FluentValue::from(s.clone()),
                    Arg::Num(n) => FluentValue::from(*n),
                };
                (Cow::Owned(k.to_string()), value)
            })
            .collect();
        let args = if map.is_empty() { None } else { Some(&map) };
        match LOCALES.try_lookup_complete(&self.langid(), key, args) {
            Some(s) => s,
            None => {
                tracing::warn!(key, locale = self.code(), "missing translation");
                key.to_string()
            }
        }
    }
}

/// An argument to a message. Whether it is a number is decided by the caller's type,
/// never by what the text looks like: a tracking number `00123` stays text, with its
/// zeros, while a count takes part in plural selection.
#[derive(Clone, Debug)]
pub enum Arg {
    Str(String),
    Num(i64),
}

/// A value that can be passed to a message, as text or as a number by its type.
pub trait ToArg {
    fn to_arg(&self) -> Arg;
}

impl ToArg for Arg {
    fn to_arg(&self) -> Arg {
        self.clone()
    }
}

impl ToArg for str {
    fn to_arg(&self) -> Arg {
        Arg::Str(self.to_string())
    }
}

impl ToArg for String {
    fn to_arg(&self) -> Arg {
        Arg::Str(self.clone())
    }
}

impl<T: ToArg + ?Sized> ToArg for &T {
    fn to_arg(&self) -> Arg {
        (**self).to_arg()
    }
}

macro_rules! numeric_arg {
    ($($t:ty),*) => {$(
        impl ToArg for $t {
            fn to_arg(&self) -> Arg {
                // Saturates: no count or id shown on a page comes near i64::MAX.
                Arg::Num(i64::try_from(*self).unwrap_or(i64::MAX))
            }
        }
    )*};
}
numeric_arg!(i16, i32, i64, u16, u32, u64, usize);

impl<T: ToArg + ?Sized> From<&T> for Arg {
    fn from(v: &T) -> Arg {
        v.to_arg()
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(s)
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Num(n)
    }
}

impl std::fmt::Display for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tags() {
        assert_eq!(Locale::parse("fr-BE"), Some(Locale::Fr));
        assert_eq!(Locale::parse("id_ID"), Some(Locale::Id));
        assert_eq!(Locale::parse("de"), None);
    }

    #[test]
    fn accept_language_honours_q_values() {
        assert_eq!(
            Locale::from_accept_language("de-DE,de;q=0.9,el;q=0.8,fr;q=0.7"),
            Some(Locale::El)
        );
        assert_eq!(
            Locale::from_accept_language("fr;q=0.5, id"),
            Some(Locale::Id)
        );
        assert_eq!(Locale::from_accept_language("de, ja"), None);
        assert_eq!(Locale::from_accept_language("fr;q=0"), None);
    }

    #[test]
    fn messages_differ_by_language_and_take_arguments() {
        let en = Locale::En.t("nav-login");
        let id = Locale::Id.t("nav-login");
        assert_ne!(en, id);
        let s = Locale::En.t_args("email-greeting", &[("name", "Ana".into())]);
        assert!(s.contains("Ana"), "{s}");
        assert!(!s.contains('\u{2068}'), "no isolation marks");
    }

    #[test]
    fn arguments_keep_their_type() {
        assert!(matches!("00123".to_arg(), Arg::Str(s) if s == "00123"));
        assert!(matches!(String::from("42").to_arg(), Arg::Str(s) if s == "42"));
        assert!(matches!(7usize.to_arg(), Arg::Num(7)));
        assert!(matches!((&&3i32).to_arg(), Arg::Num(3)));
    }
}
