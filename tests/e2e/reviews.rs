//! Reviews in Chromium (issue 11): after a completed order the buyer and the seller each
//! click from the order page to the review form, write, and see the other's review only
//! once they have written their own.

use super::*;

/// The page's visible text.
async fn body_text(c: &Client) -> anyhow::Result<String> {
    Ok(c.find(Locator::Css("body")).await?.text().await?)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reviews_both_ways_double_blind() {
    use helpers::factories::{self, OrderState, Parties, UserSpec};
    let app = spawn_app().await;
    let mut s = UserSpec::new("e2e-seller@example.com");
    s.name = "Sam Seller".into();
    let seller = factories::user(&app, s).await;
    let mut b = UserSpec::new("e2e-buyer@example.com");
    b.name = "Bea Buyer".into();
    factories::user(&app, b).await;
    let listing = camera_listing(&app, seller).await;
    let parties = Parties {
        buyer: "e2e-buyer@example.com",
        seller: "e2e-seller@example.com",
    };
    let order = factories::order(&app, parties, listing, OrderState::Completed).await;
    let base = app.addr.clone();
    let browser = Browser::start().await;
    browser
        .journey("reviews-both-ways", |c| async move {
            let form_link = format!("a[href='/orders/{order}/review']");
            // The buyer goes from the order to the form and writes first.
            log_in(&c, &base, "e2e-buyer@example.com").await?;
            c.goto(&format!("{base}/orders/{order}")).await?;
            click(&c, &form_link).await?;
            see(&c, "Your review of Sam Seller").await?;
            click(&c, "input[name=stars][value='5']").await?;
            for field in ["as_described", "communication", "handover"] {
                c.find(Locator::Css(&format!("select#{field}")))
                    .await?
                    .select_by_value("5")
                    .await?;
            }
            fill(&c, "#body", "BUYER-WORDS: the camera works perfectly.").await?;
            click(&c, "form.review-form button[type=submit]").await?;
            see(&c, "Your review is saved.").await?;
            see(&c, "No review has been written yet.").await?;
            log_out(&c).await?;

            // The seller sees that a review exists, not what it says, until writing theirs.
            log_in(&c, &base, "e2e-seller@example.com").await?;
            c.goto(&format!("{base}/orders/{order}")).await?;
            see(&c, "The buyer has reviewed you").await?;
            click(&c, &form_link).await?;
            see(&c, "Bea Buyer has written a review.").await?;
            anyhow::ensure!(
                !body_text(&c).await?.contains("BUYER-WORDS"),
                "the seller saw the buyer's review before writing theirs"
            );
            click(&c, "input[name=stars][value='4']").await?;
            fill(&c, "#body", "SELLER-WORDS: paid at once.").await?;
            click(&c, "form.review-form button[type=submit]").await?;
            see(&c, "both reviews are now public").await?;
            see(&c, "BUYER-WORDS").await?;
            shot(&c, "reviews-order-seller-1280").await?;
            log_out(&c).await?;

            // The buyer now reads the seller's review, and the profile shows the rating.
            log_in(&c, &base, "e2e-buyer@example.com").await?;
            c.goto(&format!("{base}/orders/{order}")).await?;
            click(&c, &form_link).await?;
            see(&c, "SELLER-WORDS").await?;
            c.set_window_size(390, 844).await?;
            c.goto(&format!("{base}/u/{seller}")).await?;
            see(&c, "New seller · 1 review").await?;
            see(&c, "BUYER-WORDS").await?;
            shot(&c, "reviews-profile-390").await?;
            Ok(())
        })
        .await;
    let published = app
        .count("SELECT count(*) AS n FROM reviews WHERE published_at IS NOT NULL")
        .await;
    assert_eq!(published, 2);
}
