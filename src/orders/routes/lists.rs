//! My purchases and my sales (with the balance and payouts), filtered by what needs me,
//! what is under way and what is done.

use actix_web::web;
use diesel::prelude::*;

use super::Page;
use crate::db::{self, schema::orders, schema::payouts};
use crate::orders::model::{Order, OrderStatus};
use crate::orders::views::{OrderRow, OrdersPage};
use crate::orders::{ledger, needs_action};
use crate::web::auth::require_user;
use crate::web::{redirect, render, AppError, Ctx};
use crate::AppState;

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub(super) struct ListQuery {
    status: String,
}

/// Filters of the order lists: what needs me, under way, finished.
const FILTERS: [&str; 4] = ["action", "open", "done", "all"];

pub(super) async fn purchases(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<ListQuery>,
) -> Page {
    list(ctx, state, q.into_inner(), "purchases").await
}

pub(super) async fn sales(ctx: Ctx, state: web::Data<AppState>, q: web::Query<ListQuery>) -> Page {
    list(ctx, state, q.into_inner(), "sales").await
}

async fn list(ctx: Ctx, state: web::Data<AppState>, q: ListQuery, side: &'static str) -> Page {
    let user = require_user(&ctx)?.id;
    let selling = side == "sales";
    let filter = FILTERS
        .iter()
        .find(|f| **f == q.status)
        .copied()
        .unwrap_or("all");
    let (rows, filters, balances, payouts) = db::run(&state.pool, move |conn| {
        // Newest first; the other parties' names and the first photos in one query each.
        let mine = if selling {
            orders::seller_id.eq(user).into_boxed_bool()
        } else {
            orders::buyer_id.eq(user).into_boxed_bool()
        };
        let all: Vec<Order> = orders::table
            .filter(mine)
            .order(orders::id.desc())
            .limit(200)
            .select(Order::as_select())
            .load(conn)?;
        let other_id = |o: &Order| if selling { o.buyer_id } else { o.seller_id };
        let others: Vec<i64> = all.iter().map(other_id).collect();
        let names = crate::accounts::model::display_names(conn, &others)?;
        let listing_ids: Vec<i64> = all.iter().map(|o| o.listing_id).collect();
        let photos = crate::listings::for_orders::first_photos(conn, &listing_ids)?;
        let rows: Vec<OrderRow> = all
            .into_iter()
            .map(|o| OrderRow {
                needs_action: needs_action(&o, selling),
                other_name: names.get(&other_id(&o)).cloned().unwrap_or_default(),
                photo_key: photos.get(&o.listing_id).cloned(),
                o,
            })
            .collect();
        let count = |f: &str| -> i64 { rows.iter().filter(|r| matches(f, r)).count() as i64 };
        let filters: Vec<(&'static str, i64)> = FILTERS.iter().map(|f| (*f, count(f))).collect();
        let rows: Vec<OrderRow> = rows.into_iter().filter(|r| matches(filter, r)).collect();
        let (balances, payouts) = if selling {
            let payouts = payouts::table
                .filter(payouts::user_id.eq(user))
                .order(payouts::id.desc())
                .limit(20)
                .select((
                    payouts::created_at,
                    payouts::currency,
                    payouts::amount_minor,
                ))
                .load(conn)?;
            (ledger::seller_overview(conn, user)?, payouts)
        } else {
            (Vec::new(), Vec::new())
        };
        Ok((rows, filters, balances, payouts))
    })
    .await?;
    render(&OrdersPage {
        ctx,
        side,
        filter: filter.to_string(),
        filters,
        rows,
        balances,
        payouts,
    })
}

fn matches(filter: &str, r: &OrderRow) -> bool {
    match filter {
        "action" => r.needs_action,
        "open" => OrderStatus::OPEN.contains(&r.o.status),
        "done" => OrderStatus::DONE.contains(&r.o.status),
        _ => true,
    }
}

trait IntoBoxedBool {
    fn into_boxed_bool(
        self,
    ) -> Box<dyn BoxableExpression<orders::table, diesel::pg::Pg, SqlType = diesel::sql_types::Bool>>;
}

impl<E> IntoBoxedBool for E
where
    E: BoxableExpression<orders::table, diesel::pg::Pg, SqlType = diesel::sql_types::Bool>
        + 'static,
{
    fn into_boxed_bool(
        self,
    ) -> Box<dyn BoxableExpression<orders::table, diesel::pg::Pg, SqlType = diesel::sql_types::Bool>>
    {
        Box::new(self)
    }
}

#[derive(serde::Deserialize)]
pub(super) struct PayoutForm {
    #[serde(default)]
    currency: String,
}

pub(super) async fn payout(
    ctx: Ctx,
    state: web::Data<AppState>,
    form: web::Form<PayoutForm>,
) -> Page {
    let user = require_user(&ctx)?.id;
    let currency = form.into_inner().currency;
    if !crate::listings::model::CURRENCIES.contains(&currency.as_str()) {
        return Err(AppError::BadRequest);
    }
    let c2 = currency.clone();
    let paid = db::run(&state.pool, move |conn| {
        Ok(ledger::payout(conn, user, &c2)?)
    })
    .await?;
    if paid > 0 {
        ctx.flash(
            "success",
            ctx.t1("payout-done", "amount", ctx.money(&paid, &currency)),
        );
    } else {
        ctx.flash("error", ctx.t("payout-nothing"));
    }
    Ok(redirect("/me/sales"))
}
