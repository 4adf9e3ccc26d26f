//! The admin's pages: disputes waiting for a decision, and the books.

use actix_web::web;

use super::Page;
use crate::db;
use crate::orders::views::{AdminDisputesPage, BooksPage};
use crate::orders::{disputes, ledger};
use crate::web::auth::require_admin;
use crate::web::{render, Ctx};
use crate::AppState;

pub(super) async fn admin_disputes(ctx: Ctx, state: web::Data<AppState>) -> Page {
    require_admin(&ctx)?;
    let rows = db::run(&state.pool, |conn| Ok(disputes::queue(conn, 200)?)).await?;
    render(&AdminDisputesPage { ctx, rows })
}

pub(super) async fn books(ctx: Ctx, state: web::Data<AppState>) -> Page {
    require_admin(&ctx)?;
    let (totals, problems) = db::run(&state.pool, |conn| {
        Ok((ledger::totals(conn)?, ledger::imbalances(conn)?))
    })
    .await?;
    render(&BooksPage {
        ctx,
        totals,
        problems,
    })
}
