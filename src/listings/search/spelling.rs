//! Spelling: the search words corrected against the vocabulary of active listings
//! (`search_words`), and the rebuild of that vocabulary.

use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Integer, Nullable, Text};

/// Trigram similarity a stored word needs to be a candidate for a mistyped one. pg_trgm's
/// default (0.3) misses swapped letters in short words ("chiar" is 0.2 from "chair").
pub(super) const SIMILARITY: f32 = 0.2;

#[derive(QueryableByName)]
pub(super) struct Candidate {
    #[diesel(sql_type = BigInt)]
    ord: i64,
    /// The typed word, lower-cased and unaccented.
    #[diesel(sql_type = Text)]
    word: String,
    /// Listings using the typed word itself.
    #[diesel(sql_type = Integer)]
    own: i32,
    #[diesel(sql_type = Nullable<Text>)]
    candidate: Option<String>,
    #[diesel(sql_type = Nullable<Integer>)]
    listings: Option<i32>,
}

/// How many similar words per typed word are compared by edit distance.
pub(super) const CANDIDATES: i64 = 20;

/// Edit distance counting a swap of two neighbours as one edit (optimal string
/// alignment): typos are mostly swaps, and trigram similarity rates them poorly
/// ("chiar" is nearer to "car" than to "chair" in trigrams).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// The search words with each unknown word replaced by the nearest word of active
/// listings (`search_words`), and a known but rare word by a near one at least ten
/// times as common ("chiar" in one listing, "chair" in forty); `None` when nothing
/// changes. The trigram index finds the candidates; the edit distance picks one, at most
/// one edit away per three letters.
pub fn correct(conn: &mut PgConnection, words: &str) -> QueryResult<Option<String>> {
    // Words as the tsvector has them: split on what is not a letter or digit. Operators
    // of websearch syntax (quotes, `-`, `or`) are dropped: a corrected query is plain.
    let tokens: Vec<String> = words
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("or"))
        .take(10)
        .map(str::to_string)
        .collect();
    if tokens.is_empty() {
        return Ok(None);
    }
    let rows: Vec<Candidate> = conn.transaction(|conn| {
        // `%` uses this threshold and the trigram index; SET LOCAL ends with the
        // transaction, so the pooled connection keeps the default.
        diesel::sql_query(format!(
            "SET LOCAL pg_trgm.similarity_threshold = {SIMILARITY}"
        ))
        .execute(conn)?;
        diesel::sql_query(
            "SELECT u.ord, l.w AS word, o.own, c.word AS candidate, c.listings \
             FROM unnest($1::text[]) WITH ORDINALITY AS u(raw, ord) \
             CROSS JOIN LATERAL (SELECT pasar_unaccent(lower(u.raw)) AS w) l \
             CROSS JOIN LATERAL (SELECT COALESCE((SELECT k.listings FROM search_words k \
                                 WHERE k.word = l.w), 0) AS own) o \
             LEFT JOIN LATERAL (SELECT s.word, s.listings FROM search_words s \
                                WHERE length(l.w) >= 3 AND s.word % l.w AND s.word <> l.w \
                                ORDER BY similarity(s.word, l.w) DESC, s.listings DESC \
                                LIMIT $2) c ON true \
             ORDER BY u.ord",
        )
        .bind::<Array<Text>, _>(&tokens)
        .bind::<BigInt, _>(CANDIDATES)
        .load(conn)
    })?;
    let mut changed = false;
    let mut fixed = Vec::with_capacity(tokens.len());
    for (i, typed) in tokens.into_iter().enumerate() {
        let mine: Vec<&Candidate> = rows.iter().filter(|r| r.ord == i as i64 + 1).collect();
        let Some(first) = mine.first() else {
            fixed.push(typed);
            continue;
        };
        let allowed = (first.word.chars().count() / 3).max(1);
        let best = mine
            .iter()
            .filter_map(|r| Some((r.candidate.as_deref()?, r.listings?)))
            .filter(|(_, n)| i64::from(*n) >= 10 * i64::from(first.own))
            .map(|(w, n)| (edit_distance(&first.word, w), -i64::from(n), w))
            .filter(|(d, _, _)| *d <= allowed)
            .min();
        match best {
            Some((_, _, w)) => {
                changed = true;
                fixed.push(w.to_string());
            }
            // Unchanged words stay as typed (accents and capitals included).
            None => fixed.push(typed),
        }
    }
    Ok(changed.then(|| fixed.join(" ")))
}

/// Rebuilds `search_words` from the `search` vectors of active listings (words of 3
/// letters or more, with the number of listings using each). One statement; run by the
/// seeders and periodically by the job worker.
pub fn refresh_search_words(conn: &mut PgConnection) -> QueryResult<usize> {
    conn.transaction(|conn| {
        diesel::sql_query("DELETE FROM search_words").execute(conn)?;
        diesel::sql_query(
            "INSERT INTO search_words (word, listings) \
             SELECT word, ndoc FROM ts_stat( \
               'SELECT search FROM listings WHERE status = ''active''') \
             WHERE length(word) >= 3",
        )
        .execute(conn)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swapped_letters_are_one_edit() {
        assert_eq!(edit_distance("chiar", "chair"), 1);
        assert_eq!(edit_distance("chiar", "car"), 2);
        assert_eq!(edit_distance("iphnoe", "iphone"), 1);
        assert_eq!(edit_distance("καφες", "καφεσ"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
