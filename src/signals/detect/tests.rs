//! The detector against the corpus of each language (`src/signals/corpus/*.txt`): lines
//! that must be found with their kind, and lines of ordinary listings that must not flag.

use super::*;

fn check_corpus(name: &str, corpus: &str) {
    let mut failures = Vec::new();
    let mut lines = 0;
    for line in corpus.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((kind, text)) = line.split_once(" | ") else {
            panic!("{name}: a corpus line needs `kind | text`: {line}");
        };
        lines += 1;
        let found = scan(text);
        if kind == "none" {
            if !found.is_empty() {
                failures.push(format!("must not flag: {text:?} -> {found:?}"));
            }
        } else {
            let want =
                FindingKind::parse(kind).unwrap_or_else(|| panic!("{name}: unknown kind {kind:?}"));
            if !found.iter().any(|f| f.kind == want) {
                failures.push(format!("must find {kind}: {text:?} -> {found:?}"));
            }
        }
    }
    assert!(
        lines >= 30,
        "{name}: the corpus is too small ({lines} lines)"
    );
    assert!(
        failures.is_empty(),
        "{name}: {} of {lines} lines wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn english_corpus() {
    check_corpus("en", include_str!("../corpus/en.txt"));
}

#[test]
fn indonesian_corpus() {
    check_corpus("id", include_str!("../corpus/id.txt"));
}

#[test]
fn greek_corpus() {
    check_corpus("el", include_str!("../corpus/el.txt"));
}

#[test]
fn french_corpus() {
    check_corpus("fr", include_str!("../corpus/fr.txt"));
}

#[test]
fn excerpts_are_what_was_written() {
    let found = scan("Nice camera. WA 0812-3456-7890 or budi at gmail dot com");
    assert_eq!(
        found,
        vec![
            Finding {
                kind: FindingKind::Messaging,
                excerpt: "WA 0812-3456-7890".into()
            },
            Finding {
                kind: FindingKind::Email,
                excerpt: "budi at gmail dot com".into()
            },
        ]
    );
    let phone = scan("Ring +33 6 12 34 56 78, evenings");
    assert_eq!(phone[0].excerpt, "+33 6 12 34 56 78");
}

#[test]
fn an_iban_needs_its_checksum() {
    assert!(scan("GR16 0110 1250 0000 0001 2300 695")
        .iter()
        .any(|f| f.kind == FindingKind::Iban));
    // One digit changed: the same shape, not an IBAN.
    assert!(scan("GR16 0110 1250 0000 0001 2300 696").is_empty());
    assert!(scan("Model AB12 CDEF GHIJ KLMN").is_empty());
}

#[test]
fn long_and_odd_texts_stay_cheap_and_whole() {
    let long = "0 ".repeat(20_000) + &"é@".repeat(5_000) + "+";
    let _ = scan(&long);
    let excerpt = scan(&format!("pay outside the site {}", "x".repeat(200)));
    assert_eq!(excerpt[0].kind, FindingKind::OffSite);
    assert!(excerpt[0].excerpt.chars().count() <= EXCERPT_CHARS);
    assert!(scan("").is_empty());
}

#[test]
fn findings_round_trip_through_json() {
    let found = scan("call 06 12 34 56 78");
    let json = serde_json::to_value(&found).expect("json");
    assert_eq!(json[0]["kind"], "phone");
    let back: Vec<Finding> = serde_json::from_value(json).expect("back");
    assert_eq!(back, found);
}
