//! Numbers, money and dates in the reader's language. Grouping and decimal marks come
//! from `num-format` (CLDR data), month and day names from chrono's locale data.

use chrono::{DateTime, Utc};
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

/// A calendar date such as `November 23, 2026` or `23 novembre 2026`.
pub fn date(locale: Locale, at: DateTime<Utc>) -> String {
    let pattern = match locale {
        Locale::En => "%B %-d, %Y",
        _ => "%-d %B %Y",
    };
    at.format_localized(pattern, chrono_locale(locale))
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

/// A date with the time of day (UTC).
pub fn datetime(locale: Locale, at: DateTime<Utc>) -> String {
    let time = match locale {
        Locale::En => at.format("%-I:%M %p").to_string(),
        _ => at.format("%H:%M").to_string(),
    };
    format!("{} {} UTC", date(locale, at), time)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

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
        assert_eq!(date(Locale::En, at), "November 23, 2026");
        assert_eq!(date(Locale::Fr, at), "23 novembre 2026");
        assert_eq!(date(Locale::Id, at), "23 November 2026");
        assert!(
            date(Locale::El, at).starts_with("23 Νοε"),
            "{}",
            date(Locale::El, at)
        );
    }
}
