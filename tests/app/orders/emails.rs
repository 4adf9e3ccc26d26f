//! The emails of an order, delivered over SMTP in each side's language.

use std::time::Duration;

use super::*;

/// Waits until the SMTP server holds `n` messages and returns them.
async fn delivered(smtp: &crate::helpers::SmtpServer, n: usize) -> Vec<crate::helpers::Mail> {
    for _ in 0..600 {
        let all = smtp.messages();
        if all.len() >= n {
            return all;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("only {} of {n} emails arrived", smtp.messages().len());
}

#[tokio::test]
async fn the_emails_of_a_sale_and_of_a_dispute_reach_both_sides_in_their_language() {
    let smtp = crate::helpers::SmtpServer::start();
    let app = crate::helpers::spawn_app_with(crate::helpers::Options {
        smtp_url: Some(smtp.url()),
        ..Default::default()
    })
    .await;
    let d = deal(
        &app,
        Item {
            quantity: 2,
            ..Item::default()
        },
    )
    .await;
    // A sale: paid, shipped, confirmed.
    let sale = d.order(&app, OrderState::Completed).await;
    let mails = delivered(&smtp, 6).await;
    let mut got: Vec<(String, String)> = mails
        .iter()
        .map(|m| (m.to.clone(), m.subject.clone()))
        .collect();
    got.sort();
    let mut want = vec![
        (
            BUYER.to_string(),
            format!("Your order #{sale}: Vintage camera"),
        ),
        (
            BUYER.to_string(),
            "Payment received for Vintage camera".to_string(),
        ),
        (
            BUYER.to_string(),
            "Vintage camera is on its way".to_string(),
        ),
        (BUYER.to_string(), format!("Order #{sale} is complete")),
        // The seller reads French.
        (
            SELLER.to_string(),
            "Vous avez vendu Vintage camera".to_string(),
        ),
        (
            SELLER.to_string(),
            "Vous avez été payé pour Vintage camera".to_string(),
        ),
    ];
    want.sort();
    assert_eq!(got, want);
    for m in &mails {
        let link = m.link(&format!("/orders/{sale}"));
        assert_eq!(crate::helpers::path_of(&link), format!("/orders/{sale}"));
        assert!(
            m.html.contains(&format!("/orders/{sale}")),
            "HTML part links too"
        );
    }
    let shipped = mails
        .iter()
        .find(|m| m.subject.contains("on its way"))
        .expect("shipped mail");
    assert!(
        shipped.text.contains(crate::helpers::factories::TRACKING),
        "{}",
        shipped.text
    );

    // A dispute: opened, an offer, accepted.
    let disputed = d.order(&app, OrderState::Disputed).await;
    as_user(&app, SELLER).await;
    app.post(
        &format!("/orders/{disputed}/dispute/offer"),
        &[("amount", "4,00")],
    )
    .await
    .assert_status(303);
    as_user(&app, BUYER).await;
    app.post(&format!("/orders/{disputed}/dispute/accept-offer"), &[])
        .await
        .assert_status(303);
    // 6 before; this order: placed, paid, sold, shipped, 2 opened, 2 offer, refund,
    // 2 completed = 11.
    let mails = delivered(&smtp, 17).await;
    let about: Vec<_> = mails
        .iter()
        .filter(|m| m.text.contains(&format!("/orders/{disputed}")))
        .collect();
    assert_eq!(
        about.len(),
        11,
        "{:?}",
        about.iter().map(|m| &m.subject).collect::<Vec<_>>()
    );
    let refund = about
        .iter()
        .find(|m| m.to == BUYER && m.subject.starts_with("Refund"))
        .expect("refund mail");
    assert!(refund.text.contains("€4.00"), "{}", refund.text);
    let opened = about
        .iter()
        .find(|m| m.to == SELLER && m.subject.contains("litige"))
        .expect("the seller hears of the dispute in French");
    assert!(opened.text.contains("Vintage camera"));
    books_balance(&app).await;
}
