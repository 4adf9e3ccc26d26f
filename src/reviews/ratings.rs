//! A member's ratings (`member_ratings`): count, sum and the 1–5 histogram per side,
//! changed only in the transaction that publishes, removes or restores a review, so
//! pages read one row instead of counting reviews.

use std::borrow::Borrow;
use std::collections::HashMap;

use diesel::prelude::*;
use diesel::upsert::excluded;

use super::model::Side;
use crate::db::schema::member_ratings;
use crate::i18n::{format, Arg, Locale};

/// Fewer public reviews than this show "new seller · N reviews", never an average: two
/// reviews are an anecdote, not a rating.
pub const MIN_FOR_AVERAGE: i32 = 3;

/// A member's rating on one side.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rating {
    pub count: i32,
    pub stars_sum: i32,
    /// Reviews with 1, 2, 3, 4, 5 stars.
    pub histogram: [i32; 5],
}

impl Rating {
    /// The average in tenths of a star (46 = 4.6), once there are enough reviews.
    pub fn average_tenths(&self) -> Option<i32> {
        if self.count < MIN_FOR_AVERAGE {
            return None;
        }
        // Rounded half up, in integers.
        Some((self.stars_sum * 20 + self.count) / (self.count * 2))
    }

    /// "4.6" in the reader's language (a decimal comma outside English).
    pub fn average_text(&self, locale: Locale) -> Option<String> {
        self.average_tenths().map(|t| {
            let sep = if locale == Locale::En { "." } else { "," };
            format!("{}{sep}{}", t / 10, t % 10)
        })
    }

    /// The one line a card, the listing page and checkout show: "★ 4.6 · 12 reviews",
    /// or "new seller · 2 reviews" (`side`: what the member is rated as).
    pub fn summary(&self, locale: impl Borrow<Locale>, side: Side) -> String {
        let locale = *locale.borrow();
        let count = Arg::Num(i64::from(self.count));
        match self.average_text(locale) {
            Some(avg) => locale.t_args(
                "review-summary",
                &[("average", Arg::Str(avg)), ("count", count)],
            ),
            None => locale.t_args(
                &format!("review-summary-new-{}", side.as_str()),
                &[("count", count)],
            ),
        }
    }

    /// The share of reviews with `stars` stars, in whole percent (histogram bars).
    pub fn percent(&self, stars: impl Borrow<usize>) -> i32 {
        match (
            self.histogram.get(stars.borrow().wrapping_sub(1)),
            self.count,
        ) {
            (Some(n), c) if c > 0 => n * 100 / c,
            _ => 0,
        }
    }

    /// The count as the reader writes numbers.
    pub fn count_text(&self, locale: Locale) -> String {
        format::number(locale, i64::from(self.count))
    }
}

type Row = (i64, Side, i32, i32, i32, i32, i32, i32, i32);

fn rating(r: &Row) -> Rating {
    Rating {
        count: r.2,
        stars_sum: r.3,
        histogram: [r.4, r.5, r.6, r.7, r.8],
    }
}

fn load(conn: &mut PgConnection, ids: &[i64], side: Option<Side>) -> QueryResult<Vec<Row>> {
    let mut q = member_ratings::table
        .filter(member_ratings::user_id.eq_any(ids))
        .into_boxed();
    if let Some(s) = side {
        q = q.filter(member_ratings::rated_as.eq(s));
    }
    q.select((
        member_ratings::user_id,
        member_ratings::rated_as,
        member_ratings::count,
        member_ratings::stars_sum,
        member_ratings::stars_1,
        member_ratings::stars_2,
        member_ratings::stars_3,
        member_ratings::stars_4,
        member_ratings::stars_5,
    ))
    .load(conn)
}

/// The seller ratings of many members in one query (every card of a list page; a
/// member without a row has no public review yet and gets the empty rating).
pub fn ratings_of(
    conn: &mut PgConnection,
    seller_ids: &[i64],
) -> QueryResult<HashMap<i64, Rating>> {
    let mut ids = seller_ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let mut out: HashMap<i64, Rating> = ids.iter().map(|&id| (id, Rating::default())).collect();
    for r in load(conn, &ids, Some(Side::Seller))? {
        out.insert(r.0, rating(&r));
    }
    Ok(out)
}

/// One member's ratings as a seller and as a buyer.
pub fn of_member(conn: &mut PgConnection, user_id: i64) -> QueryResult<(Rating, Rating)> {
    let (mut seller, mut buyer) = (Rating::default(), Rating::default());
    for r in load(conn, &[user_id], None)? {
        match r.1 {
            Side::Seller => seller = rating(&r),
            Side::Buyer => buyer = rating(&r),
        }
    }
    Ok((seller, buyer))
}

/// Adds (`delta` 1) or takes away (`delta` -1) one review of `stars` stars from the
/// member's rating on `side`, in the caller's transaction.
pub(super) fn apply(
    conn: &mut PgConnection,
    user_id: i64,
    side: Side,
    stars: i16,
    delta: i32,
) -> QueryResult<()> {
    let bucket = |n: i16| if stars == n { delta } else { 0 };
    let sum = delta * i32::from(stars);
    if delta < 0 {
        // A review taken away was counted, so the row exists (an upsert would check
        // its negative insert values against the table's CHECKs first).
        let row = member_ratings::table.find((user_id, side));
        return diesel::update(row)
            .set((
                member_ratings::count.eq(member_ratings::count + delta),
                member_ratings::stars_sum.eq(member_ratings::stars_sum + sum),
                member_ratings::stars_1.eq(member_ratings::stars_1 + bucket(1)),
                member_ratings::stars_2.eq(member_ratings::stars_2 + bucket(2)),
                member_ratings::stars_3.eq(member_ratings::stars_3 + bucket(3)),
                member_ratings::stars_4.eq(member_ratings::stars_4 + bucket(4)),
                member_ratings::stars_5.eq(member_ratings::stars_5 + bucket(5)),
            ))
            .execute(conn)
            .map(|_| ());
    }
    diesel::insert_into(member_ratings::table)
        .values((
            member_ratings::user_id.eq(user_id),
            member_ratings::rated_as.eq(side),
            member_ratings::count.eq(delta),
            member_ratings::stars_sum.eq(sum),
            member_ratings::stars_1.eq(bucket(1)),
            member_ratings::stars_2.eq(bucket(2)),
            member_ratings::stars_3.eq(bucket(3)),
            member_ratings::stars_4.eq(bucket(4)),
            member_ratings::stars_5.eq(bucket(5)),
        ))
        .on_conflict((member_ratings::user_id, member_ratings::rated_as))
        .do_update()
        .set((
            member_ratings::count.eq(member_ratings::count + excluded(member_ratings::count)),
            member_ratings::stars_sum
                .eq(member_ratings::stars_sum + excluded(member_ratings::stars_sum)),
            member_ratings::stars_1.eq(member_ratings::stars_1 + excluded(member_ratings::stars_1)),
            member_ratings::stars_2.eq(member_ratings::stars_2 + excluded(member_ratings::stars_2)),
            member_ratings::stars_3.eq(member_ratings::stars_3 + excluded(member_ratings::stars_3)),
            member_ratings::stars_4.eq(member_ratings::stars_4 + excluded(member_ratings::stars_4)),
            member_ratings::stars_5.eq(member_ratings::stars_5 + excluded(member_ratings::stars_5)),
        ))
        .execute(conn)
        .map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_average_below_three_reviews_and_rounding_half_up() {
        let r = |count, sum| Rating {
            count,
            stars_sum: sum,
            histogram: [0; 5],
        };
        assert_eq!(r(2, 10).average_tenths(), None);
        assert_eq!(r(3, 14).average_tenths(), Some(47)); // 4.666…
        assert_eq!(r(4, 18).average_tenths(), Some(45)); // 4.5 exactly
        assert_eq!(r(3, 13).average_tenths(), Some(43)); // 4.333…
        assert_eq!(r(3, 14).average_text(Locale::Fr).as_deref(), Some("4,7"));
        assert_eq!(r(3, 14).average_text(Locale::En).as_deref(), Some("4.7"));
    }
}
