//! The emails of an order's life, one per step and party, in the recipient's language.
//! Every one has the same shape: a subject and a paragraph from Fluent
//! (`email-<kind>-subject`, `email-<kind>-body`, with `kind`'s underscores as dashes),
//! a button to the order and a table with the item, the total and the order number.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::model::Order;
use crate::config::Config;
use crate::i18n::{format, Arg};
use crate::mail::{outbox, Email};
use crate::web::auth::User;

/// Buyer and seller of an order.
pub struct Parties {
    pub buyer: User,
    pub seller: User,
}

pub fn parties(conn: &mut PgConnection, o: &Order) -> QueryResult<Parties> {
    let mut both = crate::accounts::model::find_all(conn, &[o.buyer_id, o.seller_id])?;
    let pos = |id: i64, v: &Vec<User>| v.iter().position(|u| u.id == id);
    let b = pos(o.buyer_id, &both).ok_or(diesel::result::Error::NotFound)?;
    let buyer = both.swap_remove(b);
    let s = pos(o.seller_id, &both).ok_or(diesel::result::Error::NotFound)?;
    let seller = both.swap_remove(s);
    Ok(Parties { buyer, seller })
}

/// A value for a message, formatted in the recipient's language.
pub enum EmailArg {
    Text(String),
    /// Minor units of the order's currency.
    Money(i64),
    Date(DateTime<Utc>),
    /// A message key, translated for the recipient.
    Key(String),
}

/// Queues the email `kind` about `o` to `to`, in the transaction of the change.
pub fn send(
    conn: &mut PgConnection,
    cfg: &Config,
    o: &Order,
    to: &User,
    kind: &'static str,
    args: &[(&str, EmailArg)],
) -> QueryResult<()> {
    let email = compose(cfg, o, to, kind, args);
    outbox::enqueue(conn, &email, &cfg.base_url).map(|_| ())
}

pub fn compose(
    cfg: &Config,
    o: &Order,
    to: &User,
    kind: &'static str,
    args: &[(&str, EmailArg)],
) -> Email {
    let locale = to.locale();
    let zone = to.zone();
    let key = kind.replace('_', "-");
    let mut all: Vec<(&str, Arg)> = vec![
        ("title", Arg::Str(o.title.clone())),
        ("order", Arg::Str(format!("#{}", o.id))),
    ];
    for (name, v) in args {
        let v = match v {
            EmailArg::Text(s) => Arg::Str(s.clone()),
            EmailArg::Money(m) => Arg::Str(format::money(locale, *m, &o.currency)),
            EmailArg::Date(d) => Arg::Str(format::datetime(locale, zone, *d)),
            EmailArg::Key(k) => Arg::Str(locale.t(k)),
        };
        all.push((name, v));
    }
    // The subject names the item and the order.
    let subject = locale.t_args(&format!("email-{key}-subject"), &all);
    let money = |m: i64| format::money(locale, m, &o.currency);
    let email = Email::titled(kind, locale, &to.email, &to.display_name, subject)
        .user(to.id)
        .para(locale.t_args(&format!("email-{key}-body"), &all))
        .action(
            "email-order-action",
            format!("{}/orders/{}", cfg.base_url, o.id),
        )
        .detail(locale.t("order-item"), o.title.clone());
    // The seller's own breakdown, not the buyer's total with the protection fee.
    let email = if to.id == o.seller_id {
        email
            .detail(
                locale.t_args(
                    "order-item-line",
                    &[("count", Arg::Num(i64::from(o.quantity)))],
                ),
                money(o.item_minor),
            )
            .detail(locale.t("order-shipping"), money(o.shipping_minor))
            .detail(
                locale.t("order-seller-fee"),
                format!("−{}", money(o.seller_fee_minor)),
            )
            .detail(
                locale.t("order-you-receive"),
                money(o.seller_receives_minor()),
            )
    } else {
        email.detail(locale.t("order-total"), money(o.total_minor))
    };
    email.detail(locale.t("order-number"), format!("#{}", o.id))
}
