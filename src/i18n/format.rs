//! Numbers, money and dates in the reader's language. Grouping and decimal marks come
//! from `num-format` (CLDR data), month and day names from chrono's locale data. Dates
//! and times are shown in the reader's time zone (the same instant is another day in
//! Jakarta than in Paris).

use chrono::{DateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetName, Tz};
use num_format::{Locale as NumLocale, ToFormattedString};

use super::Locale;

fn num_locale(locale: Locale) -> NumLocale {
    match locale {
        Locale::En => NumLocale::en,
        Locale::Id => NumLocale::id,
        Locale::El => NumLocale::el,
        Locale::Fr => NumLocale::fr,
    }
}

fn chrono_locale(locale: Locale) -> chrono::Locale {
    match locale {
        Locale::En => chrono::Locale::en_US,
        Locale::Id => chrono::Locale::id_ID,
        Locale::El => chrono::Locale::el_GR,
        Locale::Fr => chrono::Locale::fr_FR,
    }
}

/// A whole number with the language's grouping (`1,234,567`, `1.234.567`, `1 234 567`).
pub fn number(locale: Locale, n: i64) -> String {
    n.to_formatted_string(&num_locale(locale))
}

/// How many digits a currency keeps after the decimal mark. IDR is priced in whole
/// rupiah in practice, though ISO 4217 gives it two.
pub fn minor_digits(currency: &str) -> u32 {
    match currency {
        "IDR" | "JPY" => 0,
        _ => 2,
    }
}

fn symbol(currency: &str) -> &str {
    match currency {
        "EUR" => "€",
        "USD" => "US$",
        "IDR" => "Rp",
        other => other,
    }
}

/// An amount in minor units, e.g. `money(Fr, 1250, "EUR")` = `12,50 €`. English and
/// Indonesian put the symbol first, French and Greek after the number (CLDR patterns).
pub fn money(locale: Locale, minor: i64, currency: &str) -> String {
    let nloc = num_locale(locale);
    let digits = minor_digits(currency);
    let scale = 10i64.pow(digits);
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    let whole = (abs / scale as u64).to_formatted_string(&nloc);
    let amount = if digits == 0 {
        whole
    } else {
        format!(
            "{whole}{}{:0width$}",
            nloc.decimal(),
            abs % scale as u64,
            width = digits as usize
        )
    };
    let sym = symbol(currency);
    let usd_plain = if locale == Locale::En && currency == "USD" {
        "$"
    } else {
        sym
    };
    match locale {
        Locale::En | Locale::Id => format!("{sign}{usd_plain}{amount}"),
        Locale::El | Locale::Fr => format!("{sign}{amount}\u{a0}{sym}"),
    }
}

/// A calendar date in `tz`, such as `November 23, 2026` or `23 novembre 2026`.
pub fn date(locale: Locale, tz: Tz, at: DateTime<Utc>) -> String {
    let pattern = match locale {
        Locale::En => "%B %-d, %Y",
        _ => "%-d %B %Y",
    };
    at.with_timezone(&tz)
        .format_localized(pattern, chrono_locale(locale))
        .to_string()
}

/// A calendar day (no time), e.g. a holiday's return date.
pub fn day(locale: Locale, d: chrono::NaiveDate) -> String {
    let pattern = match locale {
        Locale::En => "%B %-d, %Y",
        _ => "%-d %B %Y",
    };
    d.format_localized(pattern, chrono_locale(locale))
        .to_string()
}

/// A date with the time of day in `tz`, followed by the zone's abbreviation (`EET`,
/// `CEST`, `WIB`) so nobody mistakes whose clock it is.
pub fn datetime(locale: Locale, tz: Tz, at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&tz);
    let time = match locale {
        Locale::En => local.format("%-I:%M %p").to_string(),
        _ => local.format("%H:%M").to_string(),
    };
    format!("{} {} {}", date(locale, tz, at), time, zone_label(tz, at))
}

/// The zone's abbreviation at `at`. Zones without a letter abbreviation in the database
/// (it gives `+03`) are written as an offset from UTC.
pub fn zone_label(tz: Tz, at: DateTime<Utc>) -> String {
    let offset = tz.offset_from_utc_datetime(&at.naive_utc());
    match offset.abbreviation() {
        Some(a) if a.starts_with(|c: char| c.is_ascii_alphabetic()) => a.to_string(),
        _ => {
            let secs = offset.fix().local_minus_utc();
            let sign = if secs < 0 { '-' } else { '+' };
            let (h, m) = (secs.abs() / 3600, secs.abs() % 3600 / 60);
            if m == 0 {
                format!("UTC{sign}{h}")
            } else {
                format!("UTC{sign}{h}:{m:02}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_group_by_locale() {
        assert_eq!(number(Locale::En, 1234567), "1,234,567");
        assert_eq!(number(Locale::Id, 1234567), "1.234.567");
        assert_eq!(number(Locale::El, 1234567), "1.234.567");
        assert!(number(Locale::Fr, 1234567).starts_with('1'));
        assert_ne!(number(Locale::Fr, 1234567), "1,234,567");
    }

    #[test]
    fn money_places_symbol_and_decimals() {
        assert_eq!(money(Locale::En, 1250, "EUR"), "€12.50");
        assert_eq!(money(Locale::En, 1999, "USD"), "$19.99");
        assert_eq!(money(Locale::Id, 150000, "IDR"), "Rp150.000");
        assert_eq!(money(Locale::Fr, 1250, "EUR"), "12,50\u{a0}€");
        assert_eq!(money(Locale::El, 5, "EUR"), "0,05\u{a0}€");
        assert_eq!(money(Locale::En, -1250, "EUR"), "-€12.50");
    }

    #[test]
    fn dates_use_month_names() {
        let at = Utc
            .with_ymd_and_hms(2026, 11, 23, 14, 5, 0)
            .single()
            .expect("date");
        assert_eq!(date(Locale::En, Tz::UTC, at), "November 23, 2026");
        assert_eq!(date(Locale::Fr, Tz::UTC, at), "23 novembre 2026");
        assert_eq!(date(Locale::Id, Tz::UTC, at), "23 November 2026");
        assert!(
            date(Locale::El, Tz::UTC, at).starts_with("23 Νοε"),
            "{}",
            date(Locale::El, Tz::UTC, at)
        );
    }

    #[test]
    fn times_are_in_the_readers_zone() {
        let at = Utc
            .with_ymd_and_hms(2026, 11, 23, 17, 13, 0)
            .single()
            .expect("date");
        assert_eq!(
            datetime(Locale::El, Tz::Europe__Athens, at),
            format!("{} 19:13 EET", date(Locale::El, Tz::UTC, at))
        );
        assert_eq!(
            datetime(Locale::En, Tz::UTC, at),
            "November 23, 2026 5:13 PM UTC"
        );
        assert_eq!(
            datetime(Locale::Fr, Tz::Europe__Paris, at),
            "23 novembre 2026 18:13 CET"
        );
        // Summer time has its own abbreviation.
        let summer = Utc
            .with_ymd_and_hms(2026, 7, 1, 17, 13, 0)
            .single()
            .expect("date");
        assert!(datetime(Locale::Fr, Tz::Europe__Paris, summer).ends_with("19:13 CEST"));
        // Late in the evening in UTC is already the next day in Jakarta.
        let late = Utc
            .with_ymd_and_hms(2026, 11, 23, 20, 0, 0)
            .single()
            .expect("date");
        assert_eq!(
            datetime(Locale::Id, Tz::Asia__Jakarta, late),
            "24 November 2026 03:00 WIB"
        );
        // A zone the database has no letters for gets an offset.
        assert_eq!(zone_label(Tz::Asia__Dubai, at), "UTC+4");
        assert_eq!(zone_label(Tz::Asia__Kolkata, at), "IST");
        assert_eq!(zone_label(Tz::Asia__Kathmandu, at), "UTC+5:45");
    }
}
