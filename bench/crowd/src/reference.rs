//! The bare reference: our stack (actix-web, diesel on an r2d2 pool through the blocking
//! pool, askama) rendering a 24-card page from one indexed query on the same listings
//! table, with nothing else (no session, no CSRF, no translation, no cache). What the
//! crowd's figures are divided by, measured in the same run on the same machine.

use askama::Template;
use diesel::pg::PgConnection;
use diesel::prelude::*;
use diesel::r2d2::{ConnectionManager, Pool};

use actix_web::{web, App, HttpResponse, HttpServer};

use crate::args::Args;

diesel::table! {
    listings (id) {
        id -> Int8,
        seller_id -> Int8,
        title -> Text,
        price_minor -> Int8,
        currency -> Text,
        city -> Text,
        status -> Text,
        updated_at -> Timestamptz,
    }
}

type DbPool = Pool<ConnectionManager<PgConnection>>;

#[derive(Queryable)]
struct Card {
    id: i64,
    title: String,
    price_minor: i64,
    currency: String,
    city: String,
}

#[derive(Template)]
#[template(
    ext = "html",
    source = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Seller {{ seller }}</title></head>
<body><main><h1>Seller {{ seller }}</h1><ul class="cards">
{% for c in cards %}<li class="card"><a href="/listings/{{ c.id }}"><h2>{{ c.title }}</h2>
<p class="price">{{ c.price_minor / 100 }}.{{ "{:02}"|format(c.price_minor % 100) }} {{ c.currency }}</p>
<p class="city">{{ c.city }}</p></a></li>
{% endfor %}</ul></main></body></html>"#
)]
struct Page {
    seller: i64,
    cards: Vec<Card>,
}

async fn page(pool: web::Data<DbPool>, seller: web::Path<i64>) -> HttpResponse {
    let seller = seller.into_inner();
    let pool = pool.into_inner();
    let cards = web::block(move || {
        let mut conn = pool.get().map_err(|e| e.to_string())?;
        use listings::dsl as l;
        l::listings
            .filter(l::seller_id.eq(seller))
            .filter(l::status.eq("active"))
            .order(l::updated_at.desc())
            .limit(24)
            .select((l::id, l::title, l::price_minor, l::currency, l::city))
            .load::<Card>(&mut conn)
            .map_err(|e| e.to_string())
    })
    .await;
    match cards {
        Ok(Ok(cards)) => match (Page { seller, cards }).render() {
            Ok(html) => HttpResponse::Ok()
                .content_type("text/html; charset=utf-8")
                .body(html),
            Err(e) => HttpResponse::InternalServerError().body(e.to_string()),
        },
        Ok(Err(e)) => HttpResponse::ServiceUnavailable().body(e),
        Err(e) => HttpResponse::InternalServerError().body(e.to_string()),
    }
}

pub fn main(args: &mut Args) -> anyhow::Result<()> {
    let addr = args.required("addr")?;
    let url = args.required("db")?;
    let size: u32 = args.get("pool", 8)?;
    let workers: usize = args.get("workers", 2)?;
    let pool = Pool::builder()
        .max_size(size)
        .build(ConnectionManager::<PgConnection>::new(url))?;
    actix_web::rt::System::new().block_on(async move {
        HttpServer::new(move || {
            App::new()
                .app_data(web::Data::new(pool.clone()))
                .route("/ref/{seller}", web::get().to(page))
        })
        .workers(workers)
        .bind(addr)?
        .run()
        .await
    })?;
    Ok(())
}
