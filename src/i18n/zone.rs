//! Time zones: IANA names from the `chrono-tz` database, the guess made from a language
//! when the browser gives none, and the list a member chooses from in settings.

use std::sync::LazyLock;

use chrono_tz::Tz;

use super::Locale;

/// The cookie the browser's script sets to its zone, for visitors who are not signed in.
pub const TZ_COOKIE: &str = "tz";

/// The regions of the IANA database whose zones are places people live. The other
/// names (`Etc/GMT+3`, `US/Pacific`, `EST5EDT`, ...) are legacy aliases or offsets that
/// would only lengthen the list offered in settings and make two names for one choice.
const REGIONS: [&str; 9] = [
    "Africa/",
    "America/",
    "Antarctica/",
    "Asia/",
    "Atlantic/",
    "Australia/",
    "Europe/",
    "Indian/",
    "Pacific/",
];

static LISTED: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut names: Vec<&'static str> = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| tz.name())
        .filter(|n| *n == "UTC" || REGIONS.iter().any(|r| n.starts_with(r)))
        .collect();
    names.sort_unstable();
    names
});

/// The zone names offered in settings, sorted.
pub fn listed() -> &'static [&'static str] {
    &LISTED
}

/// A zone by its IANA name. Names outside the offered list (`Etc/UTC`, an old alias a
/// browser may report) are still zones and are accepted; a typo or text that is no zone
/// is refused.
pub fn parse(name: &str) -> Option<Tz> {
    name.trim().parse::<Tz>().ok()
}

/// The zone most speakers of `locale` live in: the best guess when the browser says
/// nothing. English is spoken everywhere, so it gets UTC rather than a wrong country.
pub fn for_locale(locale: Locale) -> Tz {
    match locale {
        Locale::En => Tz::UTC,
        Locale::Id => Tz::Asia__Jakarta,
        Locale::El => Tz::Europe__Athens,
        Locale::Fr => Tz::Europe__Paris,
    }
}

/// The zone of a member as stored (a name the database no longer knows falls back to the
/// language's zone rather than to an error).
pub fn of_user(name: &str, locale: Locale) -> Tz {
    parse(name).unwrap_or_else(|| for_locale(locale))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_zone_names_only() {
        assert_eq!(parse("Europe/Athens"), Some(Tz::Europe__Athens));
        assert_eq!(parse(" Asia/Jakarta "), Some(Tz::Asia__Jakarta));
        assert_eq!(parse("UTC"), Some(Tz::UTC));
        assert_eq!(parse("Etc/UTC"), Some(Tz::Etc__UTC));
        assert_eq!(parse("Mars/Olympus_Mons"), None);
        assert_eq!(parse("europe/athens"), None);
        assert_eq!(parse(""), None);
        assert!(listed().contains(&"Europe/Athens"));
        assert!(!listed().contains(&"Etc/GMT+3"));
        assert!(listed().len() > 300, "{}", listed().len());
        assert!(listed().windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn languages_guess_their_zone() {
        assert_eq!(for_locale(Locale::El).name(), "Europe/Athens");
        assert_eq!(for_locale(Locale::Fr).name(), "Europe/Paris");
        assert_eq!(for_locale(Locale::Id).name(), "Asia/Jakarta");
        assert_eq!(for_locale(Locale::En).name(), "UTC");
        assert_eq!(of_user("nowhere", Locale::El), Tz::Europe__Athens);
    }
}
