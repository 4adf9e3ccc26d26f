//! The escrow ledger. Every money movement is a set of entries sharing one `movement`
//! id whose amounts sum to zero per currency (double entry), written in the same
//! transaction as the order change that causes it. A positive amount goes into an
//! account, a negative one comes out of it.
//!
//! Accounts: `provider` (money at the payment provider, outside Pasar), `escrow` (held
//! for open orders), `fees` (the platform's), `seller` (a seller's available balance)
//! and `payouts` (paid out to sellers, outside again).

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use super::model::{Order, Payment};
use super::Error;
use crate::db::schema::{ledger_entries, payouts};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Account {
    Provider,
    Escrow,
    Fees,
    Seller(i64),
    Payouts,
}

impl Account {
    fn name(self) -> &'static str {
        match self {
            Account::Provider => "provider",
            Account::Escrow => "escrow",
            Account::Fees => "fees",
            Account::Seller(_) => "seller",
            Account::Payouts => "payouts",
        }
    }

    fn user_id(self) -> Option<i64> {
        match self {
            Account::Seller(id) => Some(id),
            _ => None,
        }
    }
}

/// Writes one movement. Legs of zero are left out; legs that do not sum to zero are a
/// bug in the caller and write nothing.
pub fn post(
    conn: &mut PgConnection,
    order_id: Option<i64>,
    kind: &str,
    currency: &str,
    legs: &[(Account, i64)],
) -> Result<(), Error> {
    post_for(conn, order_id, None, kind, currency, legs)
}

/// `post` for a movement of one payment (money in, a refund): every row names it.
fn post_for(
    conn: &mut PgConnection,
    order_id: Option<i64>,
    payment_id: Option<i64>,
    kind: &str,
    currency: &str,
    legs: &[(Account, i64)],
) -> Result<(), Error> {
    let sum: i64 = legs.iter().map(|(_, a)| a).sum();
    if sum != 0 {
        return Err(Error::Internal(anyhow::anyhow!(
            "unbalanced ledger movement {kind}: {legs:?}"
        )));
    }
    let legs: Vec<_> = legs.iter().filter(|(_, a)| *a != 0).collect();
    if legs.is_empty() {
        return Ok(());
    }
    let movement: i64 = diesel::select(diesel::dsl::sql::<BigInt>("nextval('ledger_movements')"))
        .get_result(conn)?;
    let rows: Vec<_> = legs
        .iter()
        .map(|(account, amount)| {
            (
                ledger_entries::movement.eq(movement),
                ledger_entries::account.eq(account.name()),
                ledger_entries::user_id.eq(account.user_id()),
                ledger_entries::order_id.eq(order_id),
                ledger_entries::payment_id.eq(payment_id),
                ledger_entries::kind.eq(kind),
                ledger_entries::currency.eq(currency),
                ledger_entries::amount_minor.eq(*amount),
            )
        })
        .collect();
    diesel::insert_into(ledger_entries::table)
        .values(rows)
        .execute(conn)?;
    Ok(())
}

/// The buyer's payment arrived: all of it goes into escrow.
pub fn payment_received(conn: &mut PgConnection, o: &Order, p: &Payment) -> Result<(), Error> {
    post_for(
        conn,
        Some(o.id),
        Some(p.id),
        "payment",
        &p.currency,
        &[
            (Account::Provider, -p.amount_minor),
            (Account::Escrow, p.amount_minor),
        ],
    )
}

/// Money back to the buyer, out of escrow, to the payment `p`. Callers go through
/// `refunds::refund`, which also counts it on the payment.
pub fn refund(conn: &mut PgConnection, o: &Order, p: &Payment, amount: i64) -> Result<(), Error> {
    post_for(
        conn,
        Some(o.id),
        Some(p.id),
        "refund",
        &p.currency,
        &[(Account::Escrow, -amount), (Account::Provider, amount)],
    )
}

/// The deal is done: what is left in escrow goes to the seller, less the seller's fee;
/// the fees (and the buyer's protection fee) go to the platform. `o` carries the final
/// `refunded_minor` and `seller_fee_minor`.
pub fn release(conn: &mut PgConnection, o: &Order) -> Result<(), Error> {
    let to_seller = o.seller_receives_minor();
    let to_fees = o.protection_fee_minor + o.seller_fee_minor;
    let held = to_seller + to_fees;
    post(
        conn,
        Some(o.id),
        "release",
        &o.currency,
        &[
            (Account::Escrow, -held),
            (Account::Seller(o.seller_id), to_seller),
            (Account::Fees, to_fees),
        ],
    )
}

/// Still held in escrow for this order (what was paid in, less what left).
pub fn held_for(conn: &mut PgConnection, order_id: i64) -> QueryResult<i64> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = BigInt)]
        held: i64,
    }
    diesel::sql_query(
        "SELECT coalesce(sum(amount_minor), 0)::bigint AS held FROM ledger_entries \
         WHERE order_id = $1 AND account = 'escrow'",
    )
    .bind::<BigInt, _>(order_id)
    .get_result::<Row>(conn)
    .map(|r| r.held)
}

/// A seller's available balance per currency.
pub fn balances(conn: &mut PgConnection, user_id: i64) -> QueryResult<Vec<(String, i64)>> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Text)]
        currency: String,
        #[diesel(sql_type = BigInt)]
        amount: i64,
    }
    let rows: Vec<Row> = diesel::sql_query(
        "SELECT currency, sum(amount_minor)::bigint AS amount FROM ledger_entries \
         WHERE account = 'seller' AND user_id = $1 GROUP BY currency ORDER BY currency",
    )
    .bind::<BigInt, _>(user_id)
    .load(conn)?;
    Ok(rows.into_iter().map(|r| (r.currency, r.amount)).collect())
}

/// What the seller will still receive from orders whose money is in escrow (after the
/// fee as it stands), per currency.
pub fn held_for_seller(conn: &mut PgConnection, seller: i64) -> QueryResult<Vec<(String, i64)>> {
    use crate::db::schema::orders;
    let open: Vec<Order> = orders::table
        .filter(orders::seller_id.eq(seller))
        .filter(orders::status.eq_any(super::model::OrderStatus::HELD))
        .select(Order::as_select())
        .load(conn)?;
    let mut sums: Vec<(String, i64)> = Vec::new();
    for o in open {
        let amount = o.seller_receives_minor();
        match sums.iter_mut().find(|(c, _)| *c == o.currency) {
            Some((_, s)) => *s += amount,
            None => sums.push((o.currency.clone(), amount)),
        }
    }
    Ok(sums)
}

/// A seller's money per currency: (currency, available, held until buyers confirm).
pub fn seller_overview(
    conn: &mut PgConnection,
    seller: i64,
) -> QueryResult<Vec<(String, i64, i64)>> {
    let available = balances(conn, seller)?;
    let held = held_for_seller(conn, seller)?;
    let mut currencies: Vec<&String> = available
        .iter()
        .map(|(c, _)| c)
        .chain(held.iter().map(|(c, _)| c))
        .collect();
    currencies.sort();
    currencies.dedup();
    let get =
        |v: &[(String, i64)], c: &str| v.iter().find(|(x, _)| x == c).map(|(_, a)| *a).unwrap_or(0);
    Ok(currencies
        .into_iter()
        .map(|c| (c.clone(), get(&available, c), get(&held, c)))
        .collect())
}

/// Pays a seller's available balance in one currency out (the sandbox payout: the
/// money leaves the ledger to the `payouts` account). Returns the amount, 0 when there
/// was nothing to pay.
pub fn payout(conn: &mut PgConnection, user_id: i64, currency: &str) -> Result<i64, Error> {
    conn.transaction(|conn| {
        // One payout at a time per seller: the balance cannot be paid twice.
        diesel::sql_query("SELECT pg_advisory_xact_lock(7001, $1::int)")
            .bind::<BigInt, _>(user_id)
            .execute(conn)?;
        let available = balances(conn, user_id)?
            .into_iter()
            .find(|(c, _)| c == currency)
            .map(|(_, a)| a)
            .unwrap_or(0);
        if available <= 0 {
            return Ok(0);
        }
        post(
            conn,
            None,
            "payout",
            currency,
            &[
                (Account::Seller(user_id), -available),
                (Account::Payouts, available),
            ],
        )?;
        diesel::insert_into(payouts::table)
            .values((
                payouts::user_id.eq(user_id),
                payouts::currency.eq(currency),
                payouts::amount_minor.eq(available),
                payouts::reference.eq(format!("sandbox-payout-{}", uuid::Uuid::new_v4())),
            ))
            .execute(conn)?;
        Ok(available)
    })
}

/// What does not balance. Empty when the books are right:
/// - every movement, and every currency, sums to zero;
/// - no closed order still holds money in escrow;
/// - per order, escrow holds what its payments brought in, less what was refunded of
///   them, less what was released, and never less than nothing;
/// - every payment or refund row names a payment of its own order, and what the
///   ledger refunded of a payment is what the payment says, never more than it took;
/// - an order's refunds are its funding payment's, and no seller's balance is below zero.
pub fn imbalances(conn: &mut PgConnection) -> QueryResult<Vec<String>> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Text)]
        what: String,
    }
    let rows: Vec<Row> = diesel::sql_query(
        "SELECT 'movement ' || movement || ' ' || currency || ': ' || sum(amount_minor) AS what \
           FROM ledger_entries GROUP BY movement, currency HAVING sum(amount_minor) <> 0 \
         UNION ALL \
         SELECT 'currency ' || currency || ': ' || sum(amount_minor) \
           FROM ledger_entries GROUP BY currency HAVING sum(amount_minor) <> 0 \
         UNION ALL \
         SELECT 'order ' || o.id || ' holds ' || coalesce(sum(e.amount_minor), 0) || ' ' || o.currency \
           FROM orders o LEFT JOIN ledger_entries e ON e.order_id = o.id AND e.account = 'escrow' \
          WHERE o.status NOT IN ('paid', 'shipped', 'received', 'disputed') \
          GROUP BY o.id HAVING coalesce(sum(e.amount_minor), 0) <> 0 \
         UNION ALL \
         SELECT 'order ' || o.id || ' escrow ' || h.held || ' but paid ' || m.paid \
                || ' - refunded ' || m.refunded || ' - released ' || h.released \
           FROM orders o \
           CROSS JOIN LATERAL (SELECT coalesce(sum(e.amount_minor), 0) AS held, \
                  coalesce(-sum(e.amount_minor) FILTER (WHERE e.kind = 'release'), 0) AS released \
             FROM ledger_entries e WHERE e.order_id = o.id AND e.account = 'escrow') h \
           CROSS JOIN LATERAL (SELECT \
                  coalesce(sum(p.amount_minor) FILTER (WHERE p.status IN ('succeeded', 'given_back')), 0) AS paid, \
                  coalesce(sum(p.refunded_minor), 0) AS refunded \
             FROM payments p WHERE p.order_id = o.id) m \
          WHERE h.held <> m.paid - m.refunded - h.released OR h.held < 0 \
         UNION ALL \
         SELECT 'ledger entry ' || e.id || ' (' || e.kind || ') names no payment of order ' \
                || coalesce(e.order_id::text, '-') \
           FROM ledger_entries e LEFT JOIN payments p ON p.id = e.payment_id \
          WHERE e.kind IN ('payment', 'refund') \
            AND (p.id IS NULL OR e.order_id IS DISTINCT FROM p.order_id) \
         UNION ALL \
         SELECT 'payment ' || p.id || ' refunded ' || coalesce(r.refunded, 0) || ' in the ledger, ' \
                || p.refunded_minor || ' on the payment, of ' || p.amount_minor \
           FROM payments p LEFT JOIN (SELECT payment_id, sum(amount_minor) AS refunded \
             FROM ledger_entries WHERE kind = 'refund' AND account = 'provider' \
             GROUP BY payment_id) r ON r.payment_id = p.id \
          WHERE coalesce(r.refunded, 0) <> p.refunded_minor OR p.refunded_minor > p.amount_minor \
         UNION ALL \
         SELECT 'order ' || o.id || ' refunded ' || o.refunded_minor || ' but its payment ' \
                || p.id || ' ' || p.refunded_minor \
           FROM orders o JOIN payments p ON p.id = o.payment_id \
          WHERE p.order_id <> o.id OR p.status <> 'succeeded' OR p.refunded_minor <> o.refunded_minor \
         UNION ALL \
         SELECT 'seller ' || user_id || ' balance ' || sum(amount_minor) || ' ' || currency \
           FROM ledger_entries WHERE account = 'seller' \
          GROUP BY user_id, currency HAVING sum(amount_minor) < 0",
    )
    .load(conn)?;
    Ok(rows.into_iter().map(|r| r.what).collect())
}

/// Totals per account and currency, for the admin's books page.
pub fn totals(conn: &mut PgConnection) -> QueryResult<Vec<(String, String, i64)>> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Text)]
        account: String,
        #[diesel(sql_type = Text)]
        currency: String,
        #[diesel(sql_type = BigInt)]
        amount: i64,
    }
    let rows: Vec<Row> = diesel::sql_query(
        "SELECT account, currency, sum(amount_minor)::bigint AS amount FROM ledger_entries \
         GROUP BY account, currency ORDER BY currency, account",
    )
    .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| (r.account, r.currency, r.amount))
        .collect())
}
