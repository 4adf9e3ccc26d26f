//! The outbox and its delivery: emails survive an SMTP outage, carry both parts, speak
//! the recipient's language, and permanent failures are recorded.

use std::time::Duration;

use crate::helpers::*;

#[tokio::test]
async fn email_queued_while_smtp_is_down_is_delivered_when_it_returns() {
    let mut smtp = SmtpServer::stopped();
    let app = spawn_app_with(Options {
        smtp_url: Some(smtp.url()),
        ..Default::default()
    })
    .await;
    app.signup("Dewi", "dewi@example.com", "teal kettle orbit 19")
        .await
        .redirects_to("/");
    // Let the worker fail a few times.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while app
        .count("SELECT coalesce(max(attempts), 0)::bigint AS n FROM jobs")
        .await
        < 2
    {
        assert!(std::time::Instant::now() < deadline, "worker did not try");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        app.count("SELECT count(*) AS n FROM outbound_emails WHERE status = 'queued'")
            .await,
        1
    );
    smtp.up();
    let mail = smtp
        .wait_for(
            "dewi@example.com",
            "Confirm your email",
            Duration::from_secs(30),
        )
        .await;
    assert!(mail.text.contains("/verify/"));
    app.drain_outbox(Duration::from_secs(5)).await;
    assert_eq!(
        app.count("SELECT count(*) AS n FROM outbound_emails WHERE status = 'sent'")
            .await,
        1
    );
    assert_eq!(smtp.messages().len(), 1, "delivered once");
}

#[tokio::test]
async fn emails_go_out_in_the_recipients_language() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(Options {
        smtp_url: Some(smtp.url()),
        ..Default::default()
    })
    .await;
    app.post("/lang", &[("lang", "fr"), ("next", "/")]).await;
    app.signup("Camille", "camille@example.com", "rouge piano fenêtre 31")
        .await
        .redirects_to("/");
    let mail = smtp
        .wait_for("camille@example.com", "Pasar", Duration::from_secs(15))
        .await;
    assert!(mail.text.contains("Bonjour Camille"), "{}", mail.text);
    assert!(mail.html.contains("lang=\"fr\""));
    assert!(mail.from.contains("@"));
}

#[tokio::test]
async fn a_failure_after_the_last_attempt_is_recorded() {
    let smtp = SmtpServer::stopped();
    let app = spawn_app_with(Options {
        smtp_url: Some(smtp.url()),
        extra_env: vec![
            ("PASAR_JOB_MAX_ATTEMPTS", "2".into()),
            ("PASAR_JOB_BACKOFF_MS", "50".into()),
        ],
    })
    .await;
    app.signup("Eko", "eko@example.com", "green lantern tiger 45")
        .await;
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    while app
        .count("SELECT count(*) AS n FROM outbound_emails WHERE status = 'failed'")
        .await
        == 0
    {
        assert!(
            std::time::Instant::now() < deadline,
            "email not marked failed"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM jobs WHERE status = 'failed' AND last_error IS NOT NULL"
        )
        .await,
        1
    );
}

#[tokio::test]
async fn the_dev_mailbox_lists_and_shows_mail() {
    let app = spawn_app().await;
    app.signup("Putu", "putu@example.com", "ocean temple drum 63")
        .await;
    let page = app.get("/dev/mailbox").await;
    page.assert_status(200)
        .assert_contains("putu@example.com")
        .assert_contains("Confirm your email");
    let re = regex::Regex::new(r#"href="/dev/mailbox/(\d+)""#).expect("regex");
    let id = re.captures(&page.body).expect("link")[1].to_string();
    app.get(&format!("/dev/mailbox/{id}"))
        .await
        .assert_status(200)
        .assert_contains("/verify/");
    app.get(&format!("/dev/mailbox/{id}/html"))
        .await
        .assert_status(200)
        .assert_contains("<table");
}
