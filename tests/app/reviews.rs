//! Reviews (issue 11): from ended orders only, once per party, double-blind until both
//! wrote or the window closed (the upkeep publishes then), fixed once public, one reply
//! by the reviewed member; ratings kept on the member equal a recount from scratch.

use diesel::prelude::*;
use pasar::db::schema::{member_ratings, orders, reviews};
use pasar::reviews::input::Draft;
use pasar::reviews::{for_moderation, rules};

use crate::helpers::factories::{
    self, as_user, config as order_config, OrderState, Parties, UserSpec,
};
use crate::helpers::{spawn_app, unescape, TestApp};

const SELLER: &str = "rs-seller@example.com";
const BUYER: &str = "rs-buyer@example.com";
const STRANGER: &str = "rs-stranger@example.com";
const MODERATOR: &str = "rs-mod@example.com";
const ADMIN: &str = "rs-admin@example.com";
const PARTIES: Parties = Parties {
    buyer: BUYER,
    seller: SELLER,
};

struct World {
    seller: i64,
    buyer: i64,
    listing: i64,
}

/// A seller (writing French), a buyer, a stranger, a moderator and an admin; the
/// seller's listing has `stock` units.
async fn world(app: &TestApp, stock: i32) -> World {
    let mut s = UserSpec::new(SELLER);
    s.name = "Sam Seller".into();
    s.locale = "fr";
    let seller = factories::user(app, s).await;
    let mut b = UserSpec::new(BUYER);
    b.name = "Bea Buyer".into();
    let buyer = factories::user(app, b).await;
    factories::user(app, UserSpec::new(STRANGER)).await;
    let mut m = UserSpec::new(MODERATOR);
    m.role = "moderator";
    factories::user(app, m).await;
    let mut a = UserSpec::new(ADMIN);
    a.role = "admin";
    factories::user(app, a).await;
    let listing = factories::listing(
        app,
        seller,
        factories::ListingSpec {
            title: "Leica M6".into(),
            quantity: stock,
            ..factories::ListingSpec::default()
        },
    )
    .await;
    World {
        seller,
        buyer,
        listing,
    }
}

fn buyer_review(stars: &'static str, body: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("stars", stars),
        ("body", body),
        ("as_described", "5"),
        ("communication", "4"),
        ("handover", "3"),
    ]
}

async fn review_rows(app: &TestApp, order: i64) -> Vec<(i64, i16, bool)> {
    app.db(move |c| {
        reviews::table
            .filter(reviews::order_id.eq(order))
            .order(reviews::id)
            .select((
                reviews::author_id,
                reviews::stars,
                reviews::published_at.is_not_null(),
            ))
            .load(c)
            .expect("reviews")
    })
    .await
}

#[tokio::test]
async fn both_parties_review_once_each_and_see_the_other_only_after_writing_their_own() {
    let app = spawn_app().await;
    let w = world(&app, 2).await;
    let order = factories::order(&app, PARTIES, w.listing, OrderState::Completed).await;

    // The order page leads the buyer to the form.
    let page = app.get(&format!("/orders/{order}")).await;
    page.assert_status(200)
        .assert_contains(&format!("href=\"/orders/{order}/review\""))
        .assert_contains("Review the seller");
    let form = app.get(&format!("/orders/{order}/review")).await;
    form.assert_status(200)
        .assert_contains("name=\"stars\"")
        .assert_contains("name=\"as_described\"")
        .assert_contains("/reviews/how");

    app.post(
        &format!("/orders/{order}/review"),
        &buyer_review("5", "Exactly as described, BUYER-SECRET."),
    )
    .await
    .assert_status(303);
    assert_eq!(review_rows(&app, order).await, vec![(w.buyer, 5, false)]);
    // Still hidden: the author may change it.
    app.post(
        &format!("/orders/{order}/review"),
        &buyer_review("4", "Nearly as described, BUYER-SECRET."),
    )
    .await
    .assert_status(303);
    assert_eq!(review_rows(&app, order).await, vec![(w.buyer, 4, false)]);
    app.get(&format!("/orders/{order}/review"))
        .await
        .assert_contains("Nearly as described");

    // The seller sees that one was written, not what it says; no aspects for sellers.
    as_user(&app, SELLER).await;
    let seller_page = app.get(&format!("/orders/{order}/review")).await;
    seller_page.assert_status(200);
    assert!(!seller_page.contains("BUYER-SECRET"), "double-blind");
    seller_page.assert_contains("Bea Buyer a écrit un avis");
    assert!(!seller_page.contains("name=\"as_described\""));
    assert!(!app
        .get(&format!("/u/{}", w.seller))
        .await
        .contains("BUYER-SECRET"));
    let order_page = app.get(&format!("/orders/{order}")).await;
    assert!(unescape(&order_page.body).contains("L'acheteur vous a évalué"));

    // The second review publishes both, in its transaction.
    app.post(
        &format!("/orders/{order}/review"),
        &[("stars", "5"), ("body", "SELLER-TEXT quick payment.")],
    )
    .await
    .assert_status(303);
    assert_eq!(
        review_rows(&app, order).await,
        vec![(w.buyer, 4, true), (w.seller, 5, true)]
    );
    app.get(&format!("/orders/{order}/review"))
        .await
        .assert_contains("BUYER-SECRET");
    as_user(&app, BUYER).await;
    app.get(&format!("/orders/{order}/review"))
        .await
        .assert_contains("SELLER-TEXT");

    // Fixed once public, and still one per party.
    let again = app
        .post(
            &format!("/orders/{order}/review"),
            &buyer_review("1", "Changed my mind about everything here."),
        )
        .await;
    again.redirects_to(&format!("/orders/{order}/review"));
    assert_eq!(
        review_rows(&app, order).await,
        vec![(w.buyer, 4, true), (w.seller, 5, true)]
    );
    let dup = app
        .db(move |c| {
            diesel::sql_query(format!(
                "INSERT INTO reviews (order_id, author_id, subject_id, author_role, listing_id, \
                 item_title, stars, window_ends_at) SELECT order_id, author_id, subject_id, \
                 author_role, listing_id, item_title, 5, window_ends_at FROM reviews \
                 WHERE order_id = {order} AND author_role = 'seller'"
            ))
            .execute(c)
        })
        .await;
    assert!(dup.is_err(), "the unique index refuses a second review");

    // Each shows the item it was for and "verified purchase", on the profile too.
    let profile = app.get(&format!("/u/{}", w.seller)).await;
    profile
        .assert_contains("Verified purchase")
        .assert_contains("Leica M6")
        .assert_contains("BUYER-SECRET")
        .assert_contains("New seller · 1 review");
    assert!(!profile.contains("★ 4"), "no average under three reviews");
}

#[tokio::test]
async fn no_review_before_the_order_ended_nor_of_a_cancelled_one() {
    let app = spawn_app().await;
    let w = world(&app, 3).await;
    let paid = factories::order(&app, PARTIES, w.listing, OrderState::Paid).await;
    let cancelled = factories::order(&app, PARTIES, w.listing, OrderState::Cancelled).await;
    for order in [paid, cancelled] {
        app.get(&format!("/orders/{order}/review"))
            .await
            .redirects_to(&format!("/orders/{order}"));
        app.post(&format!("/orders/{order}/review"), &buyer_review("5", ""))
            .await
            .redirects_to(&format!("/orders/{order}"));
        assert!(review_rows(&app, order).await.is_empty());
        assert!(!app
            .get(&format!("/orders/{order}"))
            .await
            .contains(&format!("/orders/{order}/review")));
    }
    let _ = w.buyer;
}

#[tokio::test]
async fn bad_input_comes_back_translated_with_the_input_kept() {
    let app = spawn_app().await;
    let w = world(&app, 1).await;
    let order = factories::order(&app, PARTIES, w.listing, OrderState::Completed).await;
    as_user(&app, SELLER).await;
    let page = app
        .post(
            &format!("/orders/{order}/review"),
            &[("stars", "2"), ("body", "Trop lent")],
        )
        .await;
    page.assert_status(422)
        .assert_contains("Pour 1 à 3 étoiles")
        .assert_contains("Trop lent")
        .assert_contains("value=\"2\" checked");
    let page = app
        .post(&format!("/orders/{order}/review"), &[("stars", "9")])
        .await;
    page.assert_status(422)
        .assert_contains("Choisissez de 1 à 5 étoiles");
    // The buyer must rate the three aspects.
    as_user(&app, BUYER).await;
    let page = app
        .post(
            &format!("/orders/{order}/review"),
            &[("stars", "5"), ("body", "Lovely"), ("handover", "4")],
        )
        .await;
    page.assert_status(422)
        .assert_contains("Choose from 1 to 5 stars.")
        .assert_contains("Lovely");
    assert!(review_rows(&app, order).await.is_empty());
    let _ = w.buyer;
}

#[tokio::test]
async fn who_may_write_edit_reply_and_view() {
    let app = spawn_app().await;
    let w = world(&app, 1).await;
    let order = factories::order(&app, PARTIES, w.listing, OrderState::Completed).await;
    let page = format!("/orders/{order}/review");
    let reply = format!("/orders/{order}/review/reply");
    let write = buyer_review("5", "Great.");

    // Anonymous: to the login page, for every action.
    app.logout().await;
    assert!(app
        .get(&page)
        .await
        .location
        .is_some_and(|l| l.starts_with("/login")));
    for path in [&page, &reply] {
        let p = app.post(path, &write).await;
        assert!(
            p.location
                .as_deref()
                .is_some_and(|l| l.starts_with("/login")),
            "{path}: {:?}",
            p.location
        );
    }
    // A stranger learns nothing: 404 everywhere.
    as_user(&app, STRANGER).await;
    app.get(&page).await.assert_status(404);
    app.post(&page, &write).await.assert_status(404);
    app.post(&reply, &[("reply", "Hi")])
        .await
        .assert_status(404);
    // Moderators and admins may look (only at what is public) but not write or reply.
    for staff in [MODERATOR, ADMIN] {
        as_user(&app, staff).await;
        let p = app.get(&page).await;
        p.assert_status(200);
        assert!(!p.contains("name=\"stars\""), "{staff} gets no form");
        app.post(&page, &write).await.assert_status(404);
        app.post(&reply, &[("reply", "Hi")])
            .await
            .assert_status(404);
    }
    assert!(review_rows(&app, order).await.is_empty());

    // The parties: write, edit while hidden; no reply before it is public.
    as_user(&app, BUYER).await;
    app.post(&page, &write).await.assert_status(303);
    app.post(&page, &buyer_review("4", ""))
        .await
        .assert_status(303);
    as_user(&app, SELLER).await;
    app.post(&reply, &[("reply", "Merci")])
        .await
        .redirects_to(&page);
    as_user(&app, MODERATOR).await;
    assert!(!app.get(&page).await.contains("Great"));
    as_user(&app, SELLER).await;
    app.post(&page, &[("stars", "5"), ("body", "")])
        .await
        .assert_status(303);
    // Staff see both once public.
    as_user(&app, MODERATOR).await;
    let staff_page = app.get(&page).await;
    staff_page.assert_status(200);
    assert_eq!(staff_page.body.matches("class=\"review\"").count(), 2);

    // One reply, by the reviewed member only.
    as_user(&app, SELLER).await;
    app.post(&reply, &[("reply", "")]).await.assert_status(422);
    app.post(&reply, &[("reply", "Merci beaucoup !")])
        .await
        .redirects_to(&page);
    app.post(&reply, &[("reply", "Encore merci")])
        .await
        .redirects_to(&page);
    let replies: Vec<Option<String>> = app
        .db(move |c| {
            reviews::table
                .filter(reviews::order_id.eq(order))
                .order(reviews::id)
                .select(reviews::reply)
                .load(c)
                .expect("replies")
        })
        .await;
    assert_eq!(replies, vec![Some("Merci beaucoup !".to_string()), None]);
    as_user(&app, STRANGER).await;
    app.get(&format!("/u/{}/reviews", w.seller))
        .await
        .assert_status(200)
        .assert_contains("Merci beaucoup !");
    let _ = w.buyer;
}

#[tokio::test]
async fn the_window_closing_publishes_what_was_written_and_ends_writing() {
    let app = spawn_app().await;
    let w = world(&app, 1).await;
    let order = factories::order(&app, PARTIES, w.listing, OrderState::Completed).await;
    app.post(
        &format!("/orders/{order}/review"),
        &buyer_review("5", "ALONE-REVIEW of a fine camera."),
    )
    .await
    .assert_status(303);
    // Nothing due yet.
    let n = app
        .db(|c| rules::publish_due(c, 500).expect("publish"))
        .await;
    assert_eq!(n, 0);
    // Time passes: the order ended 15 days ago (the window is 14).
    app.db(move |c| {
        let ago = chrono::Utc::now() - chrono::Duration::days(15);
        diesel::update(orders::table.find(order))
            .set(orders::closed_at.eq(ago))
            .execute(c)
            .expect("order ended earlier");
        diesel::update(reviews::table.filter(reviews::order_id.eq(order)))
            .set(reviews::window_ends_at.eq(ago + chrono::Duration::days(14)))
            .execute(c)
            .expect("window moved")
    })
    .await;
    let n = app
        .db(|c| rules::publish_due(c, 500).expect("publish"))
        .await;
    assert_eq!(n, 1);
    assert_eq!(review_rows(&app, order).await, vec![(w.buyer, 5, true)]);
    as_user(&app, SELLER).await;
    app.get(&format!("/orders/{order}/review"))
        .await
        .assert_contains("ALONE-REVIEW");
    app.post(
        &format!("/orders/{order}/review"),
        &[("stars", "5"), ("body", "")],
    )
    .await
    .redirects_to(&format!("/orders/{order}"));
    assert_eq!(review_rows(&app, order).await.len(), 1);
    let (count, sum): (i32, i32) = app
        .db(move |c| {
            member_ratings::table
                .find((w.seller, "seller"))
                .select((member_ratings::count, member_ratings::stars_sum))
                .first(c)
                .expect("rating")
        })
        .await;
    assert_eq!((count, sum), (1, 5));
}

#[tokio::test]
async fn review_text_with_html_is_shown_escaped() {
    let app = spawn_app().await;
    let w = world(&app, 1).await;
    let order = factories::order(&app, PARTIES, w.listing, OrderState::Completed).await;
    let evil = "<script>alert('x')</script><b>bold</b> and more words here";
    app.post(
        &format!("/orders/{order}/review"),
        &[
            ("stars", "2"),
            ("body", evil),
            ("as_described", "2"),
            ("communication", "2"),
            ("handover", "2"),
        ],
    )
    .await
    .assert_status(303);
    as_user(&app, SELLER).await;
    app.post(
        &format!("/orders/{order}/review"),
        &[("stars", "5"), ("body", "")],
    )
    .await
    .assert_status(303);
    app.post(
        &format!("/orders/{order}/review/reply"),
        &[("reply", "<img src=x onerror=alert(1)>")],
    )
    .await
    .assert_status(303);
    for path in [
        format!("/orders/{order}/review"),
        format!("/u/{}", w.seller),
        format!("/u/{}/reviews", w.seller),
    ] {
        let p = app.get(&path).await;
        p.assert_status(200)
            .assert_contains("&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62;")
            .assert_contains("&#60;img src=x");
        // The raw body (`contains` also looks at the unescaped text).
        assert!(!p.body.contains("<script>alert"), "{path}");
        assert!(!p.body.contains("<b>bold"), "{path}");
        assert!(!p.body.contains("<img src=x"), "{path}");
    }
}

/// The ratings table recounted from the reviews themselves.
fn recount(c: &mut PgConnection) -> Vec<(i64, String, i32, i32, [i32; 5])> {
    let rows: Vec<(i64, String, i16)> = reviews::table
        .filter(reviews::published_at.is_not_null())
        .filter(reviews::removed_at.is_null())
        .select((reviews::subject_id, reviews::author_role, reviews::stars))
        .load(c)
        .expect("reviews");
    let mut m: std::collections::BTreeMap<(i64, String), (i32, i32, [i32; 5])> = Default::default();
    for (subject, author_role, stars) in rows {
        let side = if author_role == "buyer" {
            "seller"
        } else {
            "buyer"
        };
        let e = m.entry((subject, side.to_string())).or_default();
        e.0 += 1;
        e.1 += i32::from(stars);
        e.2[(stars - 1) as usize] += 1;
    }
    m.into_iter()
        .map(|((u, s), (n, sum, h))| (u, s, n, sum, h))
        .collect()
}

fn kept(c: &mut PgConnection) -> Vec<(i64, String, i32, i32, [i32; 5])> {
    member_ratings::table
        .filter(member_ratings::count.gt(0))
        .order((member_ratings::user_id, member_ratings::rated_as))
        .select((
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
        .load::<(i64, String, i32, i32, i32, i32, i32, i32, i32)>(c)
        .expect("ratings")
        .into_iter()
        .map(|(u, s, n, sum, a, b, cc, d, e)| (u, s, n, sum, [a, b, cc, d, e]))
        .collect()
}

#[tokio::test]
async fn ratings_equal_a_recount_after_random_reviews_reveals_and_removals() {
    let app = spawn_app().await;
    let w = world(&app, 4).await;
    // The buyer sells too, so both members are rated on both sides.
    let other = factories::listing(
        &app,
        w.buyer,
        factories::ListingSpec {
            quantity: 3,
            ..factories::ListingSpec::default()
        },
    )
    .await;
    let mut orders_made = Vec::new();
    for _ in 0..4 {
        orders_made.push(factories::order(&app, PARTIES, w.listing, OrderState::Completed).await);
    }
    let back = Parties {
        buyer: SELLER,
        seller: BUYER,
    };
    for _ in 0..3 {
        orders_made.push(factories::order(&app, back, other, OrderState::Completed).await);
    }
    let (seller, buyer) = (w.seller, w.buyer);
    let (a, b) = app
        .db(move |c| {
            let cfg = order_config();
            let mut rng = pasar::seed::rng::Rng::new(11);
            for step in 0..120 {
                let order = orders_made[rng.below(orders_made.len())];
                let (ob, os): (i64, i64) = orders::table
                    .find(order)
                    .select((orders::buyer_id, orders::seller_id))
                    .first(c)
                    .expect("order");
                match rng.below(10) {
                    0..=4 => {
                        let author = if rng.below(2) == 0 { ob } else { os };
                        let stars = 1 + rng.below(5) as i16;
                        let draft = Draft {
                            stars,
                            body: "Twenty characters or more of text.".into(),
                            aspects: (author == ob).then_some([stars, 3, 4]),
                        };
                        let _ = rules::write(c, &cfg, order, author, &draft);
                    }
                    5 => {
                        // The window of this order closes.
                        diesel::update(reviews::table.filter(reviews::order_id.eq(order)))
                            .set(reviews::window_ends_at.eq(chrono::Utc::now()))
                            .execute(c)
                            .expect("window");
                        rules::publish_due(c, 500).expect("publish");
                    }
                    6 | 7 => {
                        let ids: Vec<i64> = reviews::table
                            .select(reviews::id)
                            .order(reviews::id)
                            .load(c)
                            .expect("ids");
                        if !ids.is_empty() {
                            for_moderation::remove(c, ids[rng.below(ids.len())]).expect("remove");
                        }
                    }
                    _ => {
                        let ids: Vec<i64> = reviews::table
                            .select(reviews::id)
                            .order(reviews::id)
                            .load(c)
                            .expect("ids");
                        if !ids.is_empty() {
                            for_moderation::restore(c, ids[rng.below(ids.len())]).expect("restore");
                        }
                    }
                }
                assert_eq!(kept(c), recount(c), "after step {step}");
            }
            (kept(c), recount(c))
        })
        .await;
    assert_eq!(a, b);
    assert!(
        a.iter().any(|r| r.0 == seller) && a.iter().any(|r| r.0 == buyer),
        "both members were rated: {a:?}"
    );
}
