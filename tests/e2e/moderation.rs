//! A report walks through action, statement of reasons, appeal and reversal, by
//! clicking: a member reports a listing, a moderator hides it with a rule and the
//! facts, the seller reads the statement of reasons and appeals, a second moderator
//! reinstates it and the listing is public again.

use super::*;

async fn report_hide_appeal_reinstate(c: Client, base: String, listing: i64) -> anyhow::Result<()> {
    // The member reports the listing from its page.
    log_in(&c, &base, "reporter@example.com").await?;
    c.goto(&format!("{base}/listings/{listing}")).await?;
    click(&c, &format!("a[href='/report/listing/{listing}']")).await?;
    see(&c, "Report a problem").await?;
    click(&c, "#reason-counterfeit").await?;
    fill(&c, "#body", "The logo is misprinted: a replica.").await?;
    click(&c, "form[action^='/report/'] button[type=submit]").await?;
    see(&c, "your report was sent to the moderators").await?;
    log_out(&c).await?;

    // A moderator hides it, citing rule 2 and the facts.
    log_in(&c, &base, "mod1@example.com").await?;
    click(&c, "details.menu summary").await?;
    click(&c, "details.menu a[href='/admin']").await?;
    // The dashboard counts the case and leads to the queue.
    see(&c, "reported case waits for a decision").await?;
    click(&c, "li a[href='/admin/reports']").await?;
    see(&c, "Open cases, oldest first").await?;
    click(&c, "table a[href^='/admin/reports/']").await?;
    see(&c, "The logo is misprinted: a replica.").await?;
    c.find(Locator::Css("#action"))
        .await?
        .select_by_value("hide_listing")
        .await?;
    c.find(Locator::Css("#rule"))
        .await?
        .select_by_value("2")
        .await?;
    fill(&c, "#facts", "The logo on the strap is a known replica's.").await?;
    click(&c, ".decide-form button[type=submit]").await?;
    see(&c, "Decision recorded").await?;
    log_out(&c).await?;
    c.goto(&format!("{base}/listings/{listing}")).await?;
    see(&c, "Page not found").await?;

    // The seller reads the statement of reasons from their settings and appeals.
    log_in(&c, &base, "seller@example.com").await?;
    click(&c, "details.menu summary").await?;
    click(&c, "details.menu a[href='/me/settings']").await?;
    click(&c, "a[href='/me/decisions']").await?;
    click(&c, "a[href^='/me/decisions/']").await?;
    see(&c, "Statement of reasons").await?;
    see(&c, "Rule 2 — Counterfeits").await?;
    see(&c, "The logo on the strap is a known replica's.").await?;
    fill(
        &c,
        "#body",
        "It is genuine: here is the shop's invoice number 4411.",
    )
    .await?;
    click(&c, "form[action$='/appeal'] button[type=submit]").await?;
    see(&c, "Your appeal was sent").await?;
    log_out(&c).await?;

    // A second moderator reverses it.
    log_in(&c, &base, "mod2@example.com").await?;
    click(&c, "details.menu summary").await?;
    click(&c, "details.menu a[href='/admin']").await?;
    see(&c, "appeal waits for a second moderator").await?;
    click(&c, "a[href='/admin/reports#appeals']").await?;
    click(&c, "table a[href^='/admin/appeals/']").await?;
    see(&c, "invoice number 4411").await?;
    click(&c, "#outcome-reverse").await?;
    fill(&c, "#note", "The invoice checks out.").await?;
    click(&c, ".decide-form button[type=submit]").await?;
    see(&c, "Appeal decided").await?;
    log_out(&c).await?;

    // Public again.
    c.goto(&format!("{base}/listings/{listing}")).await?;
    see(&c, "Vintage camera").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_report_is_acted_on_appealed_and_reversed_by_clicking() {
    use helpers::factories::{user, UserSpec};
    let app = spawn_app().await;
    let seller = user(&app, UserSpec::new("seller@example.com")).await;
    user(&app, UserSpec::new("reporter@example.com")).await;
    for email in ["mod1@example.com", "mod2@example.com"] {
        let mut m = UserSpec::new(email);
        m.role = "moderator";
        user(&app, m).await;
    }
    let listing = camera_listing(&app, seller).await;
    let browser = Browser::start().await;
    let base = app.addr.clone();
    browser
        .journey("moderation-report-appeal", move |c| {
            report_hide_appeal_reinstate(c, base, listing)
        })
        .await;
}
