//! `/dev/mailbox` (development with mail written to files only, `Config::dev_mailbox`):
//! the outbox as a web page, so a developer can read and follow every email without a
//! mail client. With `SMTP_URL` set the mail went to real inboxes and is not shown.

use actix_web::{web, HttpResponse};
use askama::Template;

use super::outbox::{self, OutboundEmail};
use crate::db;
use crate::web::site::Site;
use crate::web::{render, AppError, Ctx};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/dev/mailbox").get(list))
        .service(web::resource("/dev/mailbox/{id}").get(show))
        .service(web::resource("/dev/mailbox/{id}/html").get(show_html));
}

#[derive(Template)]
#[template(path = "dev/mailbox.html")]
struct MailboxPage {
    ctx: Ctx,
    emails: Vec<OutboundEmail>,
    open: Option<OutboundEmail>,
}

async fn list(ctx: Ctx, state: web::Data<Site>) -> Result<HttpResponse, AppError> {
    let emails = db::run(&state.pool, |conn| Ok(outbox::recent(conn, 100)?)).await?;
    render(&MailboxPage {
        ctx,
        emails,
        open: None,
    })
}

async fn show(
    ctx: Ctx,
    state: web::Data<Site>,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let (emails, open) = db::run(&state.pool, move |conn| {
        Ok((outbox::recent(conn, 100)?, outbox::find(conn, id)?))
    })
    .await?;
    render(&MailboxPage {
        ctx,
        emails,
        open: Some(open),
    })
}

/// The HTML part as the recipient's mail client would get it.
async fn show_html(state: web::Data<Site>, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let email = db::run(&state.pool, move |conn| Ok(outbox::find(conn, id)?)).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'",
        ))
        .body(email.body_html))
}
