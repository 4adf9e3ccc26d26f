//! A country as members and listings write it: a code or a name in one of the site's
//! languages, recognised as the same country.

use crate::i18n::Locale;

/// Countries people write in several ways (a code, or the name in one of the site's
/// languages), with the message that names them.
const KNOWN: &[(&str, &str, &[&str])] = &[
    (
        "GR",
        "country-gr",
        &[
            "gr",
            "grc",
            "greece",
            "ελλάδα",
            "ελλαδα",
            "ellada",
            "grèce",
            "grece",
            "yunani",
        ],
    ),
    (
        "FR",
        "country-fr",
        &["fr", "fra", "france", "γαλλία", "γαλλια", "prancis"],
    ),
    (
        "ID",
        "country-id",
        &[
            "id",
            "idn",
            "indonesia",
            "indonésie",
            "indonesie",
            "ινδονησία",
            "ινδονησια",
        ],
    ),
];

/// A country as members and listings write it: a known one, or the words typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Country {
    Known(&'static str),
    Typed(String),
}

impl Country {
    pub fn parse(raw: &str) -> Option<Country> {
        let s = raw.trim().to_lowercase();
        if s.is_empty() {
            return None;
        }
        Some(
            KNOWN
                .iter()
                .find(|(_, _, spellings)| spellings.contains(&s.as_str()))
                .map_or(Country::Typed(s), |(code, _, _)| Country::Known(code)),
        )
    }

    /// The member's country from their settings, else the one their language suggests
    /// (English suggests none: it is spoken everywhere).
    pub fn of_viewer(settings: Option<&str>, locale: Locale) -> Option<Country> {
        settings.and_then(Country::parse).or(match locale {
            Locale::El => Some(Country::Known("GR")),
            Locale::Fr => Some(Country::Known("FR")),
            Locale::Id => Some(Country::Known("ID")),
            _ => None,
        })
    }

    pub fn message_key(&self) -> Option<&'static str> {
        match self {
            Country::Known(code) => KNOWN.iter().find(|k| k.0 == *code).map(|k| k.1),
            Country::Typed(_) => None,
        }
    }

    /// What keeps cached pages of different countries apart.
    pub fn cache_key(&self) -> String {
        match self {
            Country::Known(code) => (*code).to_string(),
            Country::Typed(s) => format!("~{s}"),
        }
    }

    /// The lower-case spellings a listing of this country may carry.
    pub(super) fn spellings(&self) -> Vec<String> {
        match self {
            Country::Known(code) => KNOWN
                .iter()
                .filter(|k| k.0 == *code)
                .flat_map(|k| k.2.iter().map(|s| s.to_string()))
                .collect(),
            Country::Typed(s) => vec![s.clone()],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_country_agree() {
        for s in ["GR", "Greece", " Ελλάδα ", "grèce"] {
            assert_eq!(Country::parse(s), Some(Country::Known("GR")), "{s}");
        }
        assert_eq!(
            Country::parse("Portugal"),
            Some(Country::Typed("portugal".into()))
        );
        assert_eq!(Country::parse("  "), None);
        // Settings win over the language; English alone prefers nothing.
        assert_eq!(
            Country::of_viewer(Some("France"), Locale::El),
            Some(Country::Known("FR"))
        );
        assert_eq!(
            Country::of_viewer(Some(""), Locale::El),
            Some(Country::Known("GR"))
        );
        assert_eq!(Country::of_viewer(None, Locale::En), None);
    }
}
