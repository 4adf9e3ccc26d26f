//! IBANs: a country code, two check digits and the country's fixed length, with the
//! ISO 13616 mod-97 check, so capitals and digits that only look like one (a model
//! code, a serial) do not flag.

/// Lengths of the IBANs of the countries our members bank in and their neighbours
/// (SWIFT's IBAN registry). A code not listed is not taken for an IBAN.
const LENGTHS: &[(&str, usize)] = &[
    ("AD", 24),
    ("AE", 23),
    ("AL", 28),
    ("AT", 20),
    ("BA", 20),
    ("BE", 16),
    ("BG", 22),
    ("BH", 22),
    ("CH", 21),
    ("CY", 28),
    ("CZ", 24),
    ("DE", 22),
    ("DK", 18),
    ("EE", 20),
    ("ES", 24),
    ("FI", 18),
    ("FR", 27),
    ("GB", 22),
    ("GI", 23),
    ("GR", 27),
    ("HR", 21),
    ("HU", 28),
    ("IE", 22),
    ("IS", 26),
    ("IT", 27),
    ("LI", 21),
    ("LT", 20),
    ("LU", 20),
    ("LV", 21),
    ("MC", 27),
    ("ME", 22),
    ("MK", 19),
    ("MT", 31),
    ("NL", 18),
    ("NO", 15),
    ("PL", 28),
    ("PT", 25),
    ("RO", 24),
    ("RS", 22),
    ("SA", 24),
    ("SE", 24),
    ("SI", 19),
    ("SK", 24),
    ("SM", 27),
    ("TR", 26),
    ("UA", 29),
    ("VA", 22),
];

/// The IBAN at the start of `candidate` (letters, digits and spaces, as matched), if
/// its first characters are a valid one: the number of bytes of `candidate` it takes.
pub(super) fn valid_prefix(candidate: &str) -> Option<usize> {
    let upper = candidate.to_ascii_uppercase();
    let country = upper.get(..2)?;
    let (_, len) = LENGTHS.iter().find(|(c, _)| *c == country)?;
    let mut compact = String::with_capacity(*len);
    let mut taken = 0;
    for (i, c) in upper.char_indices() {
        if compact.len() == *len {
            break;
        }
        if c.is_ascii_alphanumeric() {
            compact.push(c);
            taken = i + 1;
        }
    }
    if compact.len() != *len || !checksum_ok(&compact) {
        return None;
    }
    // An IBAN that goes on in letters or digits ("…695X") is something else.
    let rest = &upper[taken..];
    if rest.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some(taken)
}

/// ISO 7064 mod 97-10 over the rearranged IBAN, letters as 10..35.
fn checksum_ok(iban: &str) -> bool {
    let (head, tail) = iban.split_at(4);
    let mut rem: u32 = 0;
    for c in tail.chars().chain(head.chars()) {
        let v = match c.to_digit(36) {
            Some(v) => v,
            None => return false,
        };
        rem = if v < 10 {
            (rem * 10 + v) % 97
        } else {
            (rem * 100 + v) % 97
        };
    }
    rem == 1 && head[2..].bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_the_checksum() {
        assert_eq!(valid_prefix("GR16 0110 1250 0000 0001 2300 695"), Some(33));
        assert!(valid_prefix("GR17 0110 1250 0000 0001 2300 695").is_none());
        assert_eq!(valid_prefix("fr1420041010050500013m02606"), Some(27));
        assert!(valid_prefix("DE89 3704 0044 0532 0130 00").is_some());
        assert!(valid_prefix("XX89 3704 0044 0532 0130 00").is_none());
    }
}
