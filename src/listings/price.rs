//! Prices typed by people: `12.50` in English, `12,50` in French and Greek, `150.000` in
//! Indonesian, with or without grouping and currency symbols. Stored as minor units.

use crate::i18n::format::minor_digits;
use crate::i18n::Locale;

/// The highest price accepted, in minor units (ten billion of the main unit would be
/// a typo, not a sale).
pub const MAX_MINOR: i64 = 1_000_000_000_000;

/// Parses `raw` as typed in `locale` for `currency`. Errors are Fluent keys.
pub fn parse(raw: &str, locale: Locale, currency: &str) -> Result<i64, &'static str> {
    let s: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '€' | '$' | '\''))
        .collect();
    let s = s
        .trim_start_matches("Rp")
        .trim_start_matches("rp")
        .trim_start_matches("US")
        .to_string();
    if s.is_empty() {
        return Err("field-required");
    }
    if s.starts_with('-') {
        return Err("price-negative");
    }
    if !s
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err("price-invalid");
    }
    let (decimal, group) = match locale {
        Locale::En => ('.', ','),
        Locale::Id | Locale::El => (',', '.'),
        Locale::Fr => (',', '.'),
    };
    let digits = minor_digits(currency);
    // Split off a fraction: the locale's decimal mark, or the other mark when it is used
    // once and followed by one or two digits (people type "12.50" in French too).
    let (whole, frac) = split_fraction(&s, decimal, group, digits);
    let whole: String = whole
        .chars()
        .filter(|c| *c != group && *c != decimal)
        .collect();
    if whole.is_empty() && frac.is_empty() {
        return Err("price-invalid");
    }
    if frac.len() > digits as usize || frac.contains([',', '.']) {
        return Err("price-too-precise");
    }
    let scale = 10i64.pow(digits);
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| "price-too-high")?
    };
    let frac_value: i64 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<width$}", width = digits as usize)
            .parse()
            .map_err(|_| "price-invalid")?
    };
    let minor = whole
        .checked_mul(scale)
        .and_then(|w| w.checked_add(frac_value))
        .ok_or("price-too-high")?;
    if minor > MAX_MINOR {
        return Err("price-too-high");
    }
    Ok(minor)
}

fn split_fraction(s: &str, decimal: char, group: char, digits: u32) -> (String, String) {
    if let Some(pos) = s.rfind(decimal) {
        return (s[..pos].to_string(), s[pos + 1..].to_string());
    }
    if digits > 0 && s.matches(group).count() == 1 {
        if let Some(pos) = s.rfind(group) {
            let tail = &s[pos + 1..];
            if (1..=2).contains(&tail.len()) {
                return (s[..pos].to_string(), tail.to_string());
            }
        }
    }
    (s.to_string(), String::new())
}

/// The amount as it goes back into an input (no grouping, locale's decimal mark).
pub fn to_input(minor: i64, locale: Locale, currency: &str) -> String {
    let digits = minor_digits(currency);
    if digits == 0 {
        return minor.to_string();
    }
    let scale = 10i64.pow(digits);
    let mark = if locale == Locale::En { '.' } else { ',' };
    format!(
        "{}{mark}{:0width$}",
        minor / scale,
        minor % scale,
        width = digits as usize
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english() {
        assert_eq!(parse("12.50", Locale::En, "EUR"), Ok(1250));
        assert_eq!(parse("1,234.5", Locale::En, "USD"), Ok(123450));
        assert_eq!(parse("$ 7", Locale::En, "USD"), Ok(700));
        assert_eq!(parse("150,000", Locale::En, "IDR"), Ok(150000));
    }

    #[test]
    fn french_greek_indonesian() {
        assert_eq!(parse("12,50", Locale::Fr, "EUR"), Ok(1250));
        assert_eq!(parse("1 234,50 €", Locale::Fr, "EUR"), Ok(123450));
        assert_eq!(parse("1.234,50", Locale::El, "EUR"), Ok(123450));
        assert_eq!(parse("12.50", Locale::Fr, "EUR"), Ok(1250));
        assert_eq!(parse("Rp 150.000", Locale::Id, "IDR"), Ok(150000));
        assert_eq!(parse("1.500.000", Locale::Id, "IDR"), Ok(1500000));
    }

    #[test]
    fn bad_prices() {
        assert_eq!(parse("", Locale::En, "EUR"), Err("field-required"));
        assert_eq!(parse("-5", Locale::En, "EUR"), Err("price-negative"));
        assert_eq!(parse("abc", Locale::En, "EUR"), Err("price-invalid"));
        assert_eq!(parse("1.234", Locale::En, "EUR"), Err("price-too-precise"));
        assert_eq!(parse("12,5", Locale::Id, "IDR"), Err("price-too-precise"));
        assert_eq!(
            parse("99999999999999999999", Locale::En, "EUR"),
            Err("price-too-high")
        );
        assert_eq!(
            parse("20000000000", Locale::En, "EUR"),
            Err("price-too-high")
        );
        assert_eq!(parse("1e5", Locale::En, "EUR"), Err("price-invalid"));
    }

    #[test]
    fn round_trip_for_inputs() {
        assert_eq!(to_input(1250, Locale::Fr, "EUR"), "12,50");
        assert_eq!(to_input(1250, Locale::En, "EUR"), "12.50");
        assert_eq!(to_input(150000, Locale::Id, "IDR"), "150000");
    }
}
