//! `scan`: what in a text points buyers away from Pasar. Pure functions over the text;
//! the patterns are compiled once. See docs/decisions.md (issue 11, scam signals) for
//! what is caught and what is knowingly missed.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::{iban, phone};

crate::text_enum! {
    /// What was found; the word is kept in the flags' JSON and names the warning's
    /// message (`signals-kind-<word>`).
    pub enum FindingKind {
        Phone = "phone",
        Email = "email",
        Iban = "iban",
        Messaging = "messaging",
        OffSite = "off_site",
    }
}

impl Serialize for FindingKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for FindingKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        FindingKind::parse(&s).ok_or_else(|| serde::de::Error::custom("unknown finding kind"))
    }
}

/// One signal: its kind and the words that matched, as the member wrote them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub kind: FindingKind,
    pub excerpt: String,
}

/// The longest excerpt kept (in characters); a match is a few words.
const EXCERPT_CHARS: usize = 80;

/// Accents optional: each vowel of a pattern also matches its accented forms (Greek is
/// often typed without its tonos, French without accents, and capitals drop them), and
/// a Greek sigma matches the final one.
fn fold(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() * 2);
    for c in pattern.chars() {
        let class = match c {
            'α' => "[αά]",
            'ε' => "[εέ]",
            'η' => "[ηή]",
            'ι' => "[ιίϊΐ]",
            'ο' => "[οό]",
            'υ' => "[υύϋΰ]",
            'ω' => "[ωώ]",
            'σ' => "[σς]",
            'e' => "[eéèêë]",
            'a' => "[aàâä]",
            'i' => "[iîï]",
            'o' => "[oô]",
            'u' => "[uùûü]",
            'c' => "[cç]",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(class);
    }
    out
}

fn compile(pattern: &str) -> Regex {
    // The patterns are constants of this file, each compiled by its tests.
    Regex::new(pattern).expect("signals pattern compiles")
}

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}"));

/// "name at gmail dot com", "name [at] yahoo [dot] fr", "όνομα παπάκι gmail τελεία com".
static EMAIL_SPELLED: LazyLock<Regex> = LazyLock::new(|| {
    let at = r"(?:@|\(at\)|\[at\]|\{at\}|\bat\b|\barobase\b|παπάκι|παπακι)";
    let dot = r"(?:\.|\(dot\)|\[dot\]|\{dot\}|\bdot\b|\bpoint\b|\btitik\b|τελεία|τελεια)";
    let tld =
        r"(?:com|net|org|fr|gr|id|co\s*(?:\.|dot|point|titik)\s*(?:id|uk)|uk|eu|de|io|me|info)";
    compile(&format!(
        r"(?i)\b[a-z0-9][a-z0-9._%+-]*\s*{at}\s*(?:gmail|yahoo|hotmail|outlook|live|icloud|proton(?:mail)?|ymail|aol|orange|free|wanadoo|laposte|sfr|otenet|windowslive|[a-z0-9-]+mail)\s*{dot}\s*{tld}\b"
    ))
});

static IBAN: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b[a-z]{2}[0-9]{2}(?:[ ]?[a-z0-9]){11,32}"));

/// Messaging links: wa.me/…, t.me/…, line.me/…
static MESSAGING_LINK: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:wa\.me|api\.whatsapp\.com|chat\.whatsapp\.com|t\.me|telegram\.me|telegram\.dog|line\.me|lin\.ee|u\.wechat\.com|signal\.me|signal\.group|invite\.viber\.com|viber\.click)/[^\s<>]*",
    )
});

/// The names of messaging apps (and the ways members shorten them).
fn apps() -> String {
    fold(
        r"(?:whats\s?app|whatsap|watsap|wasap|wa|telegram|tele|tg|wechat|weixin|signal|viber|messenger|instagram|insta|line|γουατσαπ|βαιμπερ|βαϊμπερ|τελεγκραμ|μεσεντζερ)",
    )
}

/// A messaging app's name, to find the phone number typed right after it.
static APP: LazyLock<Regex> = LazyLock::new(|| compile(&format!(r"(?i)\b{}\b", apps())));

/// A messaging app named with a handle: "telegram: @budi", "line id: budi88",
/// "id line budi88", "viber @nikos".
static APP_HANDLE: LazyLock<Regex> = LazyLock::new(|| {
    let apps = apps();
    compile(&format!(
        r"(?i)\b(?:{apps}\b(?:\s+(?:me|ke|au|on|sur|στο|at))?\s*[:=\-]?\s*@[a-z0-9_][a-z0-9_.]{{2,31}}|{apps}\s*id\s*[:=\-]?\s*@?[a-z0-9_][a-z0-9_.]{{2,31}}|\bid\s*{apps}\b\s*[:=\-]?\s*@?[a-z0-9_][a-z0-9_.]{{2,31}})"
    ))
});

/// "@handle" somewhere near a messaging app's name.
static HANDLE: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)(?:^|[^a-z0-9_.@])(@[a-z0-9_][a-z0-9_.]{2,31})"));
static MESSAGING_WORD: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        "(?i){}",
        fold(
            r"\b(?:whats\s?app|wa|telegram|tg|wechat|weixin|signal|viber|line|messenger|instagram|insta|γουατσαπ|βαιμπερ|τελεγκραμ)\b"
        )
    ))
});

/// Requests to pay or to talk outside the site, in the four languages.
static OFF_SITE: LazyLock<Regex> = LazyLock::new(|| {
    let phrases = [
        // English
        r"pay(?:ing|ment)?\s+(?:me\s+)?(?:outside|off)\s+(?:of\s+)?(?:the\s+)?(?:site|app|platform|pasar)",
        r"pay(?:ing|ment)?\s+outside",
        r"(?:outside|off)\s+(?:of\s+)?(?:the\s+)?(?:site|app|platform|pasar)\b",
        r"bank\s+transfer\s+only",
        r"(?:only|just)\s+(?:by\s+)?bank\s+transfer",
        r"(?:direct|wire)\s+(?:bank\s+)?transfer",
        r"pay\s+(?:me\s+)?directly",
        r"western\s+union",
        r"money\s*gram",
        r"pay\s*pal\s+(?:as\s+)?(?:friends?\s*(?:and|&|n)\s*family|f\s*&\s*f|f\s*n\s*f|ff)\b",
        r"friends?\s+(?:and|&)\s+family",
        r"(?:contact|message|text|call|write|add|reach|dm)\s+me\s+(?:on|via|at|through|in)\s+(?:whats\s?app|telegram|signal|viber|wechat|line|messenger|instagram)",
        r"(?:text|call|whatsapp)\s+me\s+(?:on|at)\s+\+?[0-9]",
        // Indonesian
        r"transfer\s+langsung",
        r"(?:tf|trf|transfer)\s+(?:ke\s+)?(?:rek(?:ening)?|norek|no\.?\s*rek)",
        r"bayar\s+(?:di\s+)?luar",
        r"bayar\s+langsung",
        r"di\s+luar\s+(?:aplikasi|situs|web|website|pasar|platform)",
        r"(?:hubungi|kontak|chat|hub|wa)\s+(?:saya\s+|aku\s+|kami\s+)?(?:di\s+|ke\s+|via\s+|lewat\s+)?(?:wa|whatsapp|telegram|tele|line|ig|dm)\b",
        r"langsung\s+(?:ke\s+|via\s+)?(?:wa|whatsapp|telegram)\b",
        r"\bjapri\b",
        r"\brekber\b",
        // Greek
        r"πληρωμ(?:η|ης)\s+εκτος",
        r"εκτος\s+(?:της\s+|του\s+)?(?:πλατφορμας|σελιδας|ιστοσελιδας|εφαρμογης|site|pasar)",
        r"στειλ(?:ε|τε)\s+(?:μου\s+)?(?:μηνυμα\s+)?(?:στο|σε|μεσω)\s+(?:viber|whatsapp|messenger|telegram|signal|βαιμπερ|τηλεφωνο|κινητο)",
        r"(?:επικοινωνια|επικοινωνηστε|επικοινωνησε|μηνυμα)\s+(?:μαζι\s+μου\s+)?(?:στο|σε|μεσω|απο)\s+(?:viber|whatsapp|messenger|telegram|signal|βαιμπερ|τηλεφωνο|κινητο)",
        r"(?:τραπεζικη\s+)?καταθεση\s+σε\s+(?:τραπεζικο\s+)?λογαριασμο",
        r"τραπεζικη\s+μεταφορα",
        r"απευθειας\s+(?:πληρωμη|καταθεση|μεταφορα)",
        r"(?:παρε|παρτε)\s+με\s+(?:ενα\s+)?(?:τηλεφωνο|τηλ)",
        // French
        r"virement\s+(?:bancaire\s+)?(?:direct|uniquement|seulement)",
        r"(?:uniquement|seulement)\s+(?:par\s+)?virement",
        r"pa(?:yer|iement|yez)\s+(?:en\s+)?(?:dehors|hors)\s+(?:du\s+site|de\s+la\s+plateforme|de\s+l'application|de\s+pasar|du\s+site\s+pasar)",
        r"(?:en\s+dehors|hors)\s+(?:du\s+site|de\s+la\s+plateforme|plateforme|site)\b",
        r"paiement\s+direct",
        r"(?:contactez|ecrivez|appelez|joignez)[\s-]+moi\s+(?:sur|par|via|au)\s+(?:whats\s?app|telegram|signal|viber|messenger|le\s+0|\+?[0-9])",
        r"mandat\s+cash",
        r"pay\s*pal\s+(?:entre\s+)?(?:proches|amis)",
    ];
    let all: Vec<String> = phrases.iter().map(|p| format!("(?:{})", fold(p))).collect();
    compile(&format!(r"(?i)\b(?:{})", all.join("|")))
});

fn excerpt(text: &str, start: usize, end: usize) -> String {
    let s = text[start..end].trim();
    if s.chars().count() <= EXCERPT_CHARS {
        return s.to_string();
    }
    let mut cut: String = s.chars().take(EXCERPT_CHARS - 1).collect();
    cut.push('…');
    cut
}

/// Everything in `text` that points a buyer away from Pasar, in the order it appears,
/// each stretch of text reported once (a phone number inside "WA 0812…" is the
/// messaging finding).
pub fn scan(text: &str) -> Vec<Finding> {
    let mut hits: Vec<(usize, usize, FindingKind)> = Vec::new();
    let add = |hits: &mut Vec<(usize, usize, FindingKind)>, s: usize, e: usize, k| {
        if !hits.iter().any(|(hs, he, _)| s < *he && *hs < e) {
            hits.push((s, e, k));
        }
    };
    for m in MESSAGING_LINK.find_iter(text) {
        add(&mut hits, m.start(), m.end(), FindingKind::Messaging);
    }
    for m in EMAIL.find_iter(text).chain(EMAIL_SPELLED.find_iter(text)) {
        add(&mut hits, m.start(), m.end(), FindingKind::Email);
    }
    for m in APP_HANDLE.find_iter(text) {
        add(&mut hits, m.start(), m.end(), FindingKind::Messaging);
    }
    for m in IBAN.find_iter(text) {
        if let Some(len) = iban::valid_prefix(m.as_str()) {
            add(&mut hits, m.start(), m.start() + len, FindingKind::Iban);
        }
    }
    let phones = phone::find(text);
    // "WA 0812…", "viber: 69…": the number with its app is one messaging finding.
    for m in APP.find_iter(text) {
        let near = phones.iter().find(|p| {
            p.start >= m.end()
                && p.start - m.end() <= 16
                && !text[m.end()..p.start].contains(|c: char| c.is_ascii_digit() || c == '\n')
        });
        if let Some(p) = near {
            add(&mut hits, m.start(), p.end, FindingKind::Messaging);
        }
    }
    for span in phones {
        add(&mut hits, span.start, span.end, FindingKind::Phone);
    }
    if MESSAGING_WORD.is_match(text) {
        for c in HANDLE.captures_iter(text) {
            if let Some(m) = c.get(1) {
                add(&mut hits, m.start(), m.end(), FindingKind::Messaging);
            }
        }
    }
    for m in OFF_SITE.find_iter(text) {
        add(&mut hits, m.start(), m.end(), FindingKind::OffSite);
    }
    hits.sort_by_key(|(s, _, _)| *s);
    hits.into_iter()
        .map(|(s, e, kind)| Finding {
            kind,
            excerpt: excerpt(text, s, e),
        })
        .collect()
}

/// The findings of several texts of one thing (a listing's title and description).
pub fn scan_all(texts: &[&str]) -> Vec<Finding> {
    texts.iter().flat_map(|t| scan(t)).collect()
}

/// A short stable name of a list of findings: a form's "publish anyway" carries it, so
/// it confirms exactly what the warning showed.
pub fn fingerprint(findings: &[Finding]) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for f in findings {
        h.update(f.kind.as_str().as_bytes());
        h.update([0]);
        h.update(f.excerpt.as_bytes());
        h.update([0]);
    }
    hex::encode(&h.finalize()[..8])
}

#[cfg(test)]
mod tests;
