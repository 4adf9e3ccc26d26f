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

/// Countries with one zone (or one where nearly everyone lives), by ISO 3166 code: the
/// region of an `Accept-Language` tag (`fr-BE`, `en-GB`) then names the zone. Countries
/// spanning several zones (US, CA, AU, BR, RU, ...) are left to the other guesses.
const COUNTRIES: [(&str, Tz); 24] = [
    ("AT", Tz::Europe__Vienna),
    ("BE", Tz::Europe__Brussels),
    ("CH", Tz::Europe__Zurich),
    ("CY", Tz::Asia__Nicosia),
    ("DE", Tz::Europe__Berlin),
    ("DK", Tz::Europe__Copenhagen),
    ("ES", Tz::Europe__Madrid),
    ("FI", Tz::Europe__Helsinki),
    ("FR", Tz::Europe__Paris),
    ("GB", Tz::Europe__London),
    ("GR", Tz::Europe__Athens),
    ("ID", Tz::Asia__Jakarta),
    ("IE", Tz::Europe__Dublin),
    ("IN", Tz::Asia__Kolkata),
    ("IT", Tz::Europe__Rome),
    ("LU", Tz::Europe__Luxembourg),
    ("MC", Tz::Europe__Monaco),
    ("MY", Tz::Asia__Kuala_Lumpur),
    ("NL", Tz::Europe__Amsterdam),
    ("PL", Tz::Europe__Warsaw),
    ("PT", Tz::Europe__Lisbon),
    ("SE", Tz::Europe__Stockholm),
    ("SG", Tz::Asia__Singapore),
    ("SN", Tz::Africa__Dakar),
];

/// The zone of the first country named by an `Accept-Language` value that has one
/// (`el-GR,el;q=0.9` gives Athens, `en-GB` London; a bare `en` gives nothing).
pub fn from_accept_language(header: &str) -> Option<Tz> {
    header.split(',').find_map(|part| {
        let tag = part.split(';').next()?.trim();
        let region = tag.split(['-', '_']).nth(1)?.to_ascii_uppercase();
        COUNTRIES
            .iter()
            .find(|(code, _)| *code == region)
            .map(|(_, tz)| *tz)
    })
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

    #[test]
    fn countries_of_the_browser_name_a_zone() {
        assert_eq!(
            from_accept_language("en-GB,en;q=0.8"),
            Some(Tz::Europe__London)
        );
        assert_eq!(from_accept_language("fr-be"), Some(Tz::Europe__Brussels));
        assert_eq!(
            from_accept_language("en, el-GR;q=0.5"),
            Some(Tz::Europe__Athens)
        );
        assert_eq!(from_accept_language("en-US,en;q=0.9"), None);
        assert_eq!(from_accept_language("el"), None);
        assert_eq!(from_accept_language(""), None);
        assert!(COUNTRIES.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
