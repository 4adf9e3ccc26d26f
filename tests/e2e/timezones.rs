//! The browser's time zone reaches the server through `static/tz.js`: the sign-up form's
//! hidden field and the `tz` cookie (issue 8).

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_up_takes_the_zone_of_the_browser() {
    let app = spawn_app().await;
    let browser = Browser::start_in(true, Some("Asia/Tokyo")).await;
    let base = app.addr.clone();
    browser
        .journey("signup-time-zone", |c| async move {
            c.goto(&format!("{base}/signup")).await?;
            let zone = c
                .execute(
                    "return Intl.DateTimeFormat().resolvedOptions().timeZone",
                    vec![],
                )
                .await?;
            anyhow::ensure!(zone == "Asia/Tokyo", "the browser is in {zone}");
            // The script told visitors' pages its zone...
            let cookie = c.get_named_cookie("tz").await?;
            anyhow::ensure!(cookie.value() == "Asia/Tokyo", "tz cookie {cookie:?}");
            fill(&c, "#display_name", "Haruka Sato").await?;
            fill(&c, "#email", "haruka@example.com").await?;
            fill(&c, "#password", "maple lantern river 73").await?;
            click(&c, "form[action='/signup'] button[type=submit]").await?;
            see(&c, "We sent a confirmation link to haruka@example.com").await?;
            // ...and the new member's settings start from it.
            c.goto(&format!("{base}/me/settings")).await?;
            let chosen = c
                .find(Locator::Css("#time_zone option:checked"))
                .await?
                .attr("value")
                .await?;
            anyhow::ensure!(
                chosen.as_deref() == Some("Asia/Tokyo"),
                "settings show {chosen:?}"
            );
            Ok(())
        })
        .await;
    let n = app
        .count("SELECT count(*) AS n FROM users WHERE time_zone = 'Asia/Tokyo'")
        .await;
    assert_eq!(n, 1);
}
