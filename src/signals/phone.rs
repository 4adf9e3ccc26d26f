//! Phone numbers however members type them: grouped by spaces, dots, dashes or brackets,
//! spaced out digit by digit, or written as number words ("zero eight one two…") in the
//! four languages. The text is read as runs of digit groups; a part of a run is a phone
//! number when its digits have the shape of one of the numbering plans Pasar's members
//! use (Indonesia, Greece, France, the UK and North America, or any `+` number).
//!
//! Tuned against what listings are full of: a digit group glued to letters ("S23",
//! "512GB", "600D", "120x60", "W32") is not part of a number, a comma ends a run (prices
//! like "1 250,00"), dates and year ranges have their own shape, and a number right after
//! "ISBN", "SN", "IMEI" or "ref" is the item's, not the seller's.

/// A phone number's place in the text (byte offsets).
pub(super) struct Span {
    pub start: usize,
    pub end: usize,
}

/// One group of a run: typed digits or one number word.
struct Group {
    digits: String,
    start: usize,
    end: usize,
}

#[derive(Default)]
struct Run {
    groups: Vec<Group>,
    /// `seps[k]` is what stood between group k and k + 1.
    seps: Vec<String>,
    /// Where a `+` right before the first group stood.
    plus: Option<usize>,
}

/// Separators a number may be typed with; a longer stretch than `MAX_SEP` ends the run.
fn is_sep(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{a0}' | '\u{202f}' | '.' | '-' | '(' | ')' | '_'
    )
}
const MAX_SEP: usize = 3;

/// Digits written as words, in the four languages (accents optional). English "one" or
/// French "un" often stand in a sentence; a word counts only inside a run that has the
/// shape of a whole phone number, so "un iPhone 13" stays what it is.
fn number_word(word: &str) -> Option<char> {
    let w = word.to_lowercase();
    let d = match w.as_str() {
        "zero" | "zéro" | "nol" | "kosong" | "μηδέν" | "μηδεν" => '0',
        "one" | "un" | "satu" | "ένα" | "ενα" => '1',
        "two" | "deux" | "dua" | "δύο" | "δυο" => '2',
        "three" | "trois" | "tiga" | "τρία" | "τρια" => '3',
        "four" | "quatre" | "empat" | "τέσσερα" | "τεσσερα" => '4',
        "five" | "cinq" | "lima" | "πέντε" | "πεντε" => '5',
        "six" | "enam" | "έξι" | "εξι" => '6',
        "seven" | "sept" | "tujuh" | "επτά" | "εφτά" | "επτα" | "εφτα" => '7',
        "eight" | "huit" | "delapan" | "οκτώ" | "οχτώ" | "οκτω" | "οχτω" => '8',
        "nine" | "neuf" | "sembilan" | "εννέα" | "εννιά" | "εννεα" | "εννια" => {
            '9'
        }
        _ => return None,
    };
    Some(d)
}

/// Words after which a number belongs to the item (case-insensitive, right before it).
const ITEM_NUMBER_WORDS: &[&str] = &["isbn", "sn", "s/n", "serial", "imei", "ean", "ref", "réf"];

fn after_item_word(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches(|c: char| is_sep(c) || c == ':' || c == '#');
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '/')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let word = word.to_lowercase();
    ITEM_NUMBER_WORDS.contains(&word.as_str())
}

/// Every phone number in `text`.
pub(super) fn find(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut run = Run::default();
    let mut sep = String::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_alphanumeric() {
            let mut end = i;
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_alphanumeric() {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            let token = &text[i..end];
            let digits = if token.bytes().all(|b| b.is_ascii_digit()) {
                Some(token.to_string())
            } else {
                number_word(token).map(String::from)
            };
            match digits {
                Some(digits) => {
                    if !run.groups.is_empty() {
                        run.seps.push(std::mem::take(&mut sep));
                    }
                    run.groups.push(Group {
                        digits,
                        start: i,
                        end,
                    });
                }
                // "S23", "512GB", a word: the run ends here.
                None => finish(text, &mut run, &mut out),
            }
            sep.clear();
            continue;
        }
        chars.next();
        if c == '+' && run.groups.is_empty() {
            run.plus = Some(i);
            sep.clear();
        } else if is_sep(c) && sep.chars().count() < MAX_SEP {
            if run.groups.is_empty() && run.plus.is_none() {
                continue;
            }
            sep.push(c);
        } else {
            finish(text, &mut run, &mut out);
            sep.clear();
        }
    }
    finish(text, &mut run, &mut out);
    out
}

/// Looks for phone numbers among the run's groups (the leftmost and longest first) and
/// starts a new run.
fn finish(text: &str, run: &mut Run, out: &mut Vec<Span>) {
    let run = std::mem::take(run);
    let n = run.groups.len();
    if n == 0 {
        return;
    }
    let first_start = run.plus.unwrap_or(run.groups[0].start);
    if after_item_word(text, first_start) {
        return;
    }
    let mut i = 0;
    while i < n {
        // A phone number has at most 15 digits, so at most 15 groups.
        let last = (i + 15).min(n) - 1;
        let mut found = None;
        for j in (i..=last).rev() {
            let plus = i == 0 && run.plus.is_some();
            if is_phone(&run.groups[i..=j], &run.seps[i..j], plus) {
                found = Some(j);
                break;
            }
        }
        match found {
            Some(j) => {
                let start = if i == 0 {
                    run.plus.unwrap_or(run.groups[0].start)
                } else {
                    run.groups[i].start
                };
                out.push(Span {
                    start,
                    end: run.groups[j].end,
                });
                i = j + 1;
            }
            None => i += 1,
        }
    }
}

fn is_phone(groups: &[Group], seps: &[String], plus: bool) -> bool {
    let digits: String = groups.iter().map(|g| g.digits.as_str()).collect();
    let len = digits.len();
    if !(8..=17).contains(&len) {
        return false;
    }
    // One way of separating inside a number ("06.12.34.56.78", "0812-3456-7890");
    // brackets around an area code and spaces go with any. Two kinds mean two things
    // side by side ("01.02.2024 - 05.06.2024").
    let mut kinds = seps
        .iter()
        .flat_map(|s| s.chars())
        .filter(|c| !matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}' | '(' | ')'));
    if let Some(k) = kinds.next() {
        if kinds.any(|c| c != k) {
            return false;
        }
    }
    let lens: Vec<usize> = groups.iter().map(|g| g.digits.len()).collect();
    if looks_like_date(groups) {
        return false;
    }
    let all_single = lens.iter().all(|l| *l == 1);
    let b = digits.as_bytes();
    let starts = |p: &str| digits.starts_with(p);
    if plus {
        return (10..=15).contains(&len) && b[0] != b'0';
    }
    if starts("00") {
        return (12..=17).contains(&len) && b[2] != b'0';
    }
    if b[0] == b'0' {
        return match b[1] {
            // Indonesian mobiles: 08xx, 10 to 13 digits.
            b'8' => (10..=13).contains(&len),
            b'0' => false,
            // France (10 digits), the UK (11).
            _ => len == 10 || len == 11,
        };
    }
    // Country codes without the plus: Indonesia, Greece, France, the UK.
    if (starts("628") && (11..=14).contains(&len))
        || (starts("3069") && len == 12)
        || ((starts("336") || starts("337")) && len == 11)
        || (starts("447") && len == 12)
    {
        return true;
    }
    let few_groups = lens.len() <= 5 || all_single;
    // Greek mobiles 69x and landlines 2x, ten digits.
    if len == 10 && starts("69") && few_groups {
        return true;
    }
    if len == 10 && b[0] == b'2' && (b'1'..=b'8').contains(&b[1]) && (lens.len() <= 3 || all_single)
    {
        return true;
    }
    // North America: NXX NXX XXXX, typed whole, as 3-3-4, or with a leading 1.
    let nanp = |d: &[u8]| d.len() == 10 && d[0] >= b'2' && d[3] >= b'2';
    if nanp(b) && (lens == [10] || lens == [3, 3, 4] || all_single) {
        return true;
    }
    if b[0] == b'1' && nanp(&b[1..]) && (lens == [11] || lens == [1, 3, 3, 4] || all_single) {
        return true;
    }
    false
}

/// Day, month, year (or year, month, day) side by side inside the groups.
fn looks_like_date(groups: &[Group]) -> bool {
    let year = |g: &Group| {
        g.digits.len() == 4 && (g.digits.starts_with("19") || g.digits.starts_with("20"))
    };
    let small = |g: &Group| (1..=2).contains(&g.digits.len());
    groups.windows(3).any(|w| {
        (small(&w[0]) && small(&w[1]) && year(&w[2]))
            || (year(&w[0]) && small(&w[1]) && small(&w[2]))
    })
}
