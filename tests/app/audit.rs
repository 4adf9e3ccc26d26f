//! The audit log keeps every row it was given, in order, and refuses to change one.

use diesel::connection::SimpleConnection;
use serde_json::json;

use crate::helpers::factories::{user, UserSpec};
use crate::helpers::spawn_app;

#[tokio::test]
async fn audit_rows_are_paged_newest_first_and_never_change() {
    let app = spawn_app().await;
    let mut spec = UserSpec::new("mod@example.com");
    spec.role = "moderator";
    let moderator = user(&app, spec).await;
    let (rows, update, delete, truncate) = app
        .db(move |c| {
            let actor = pasar::accounts::model::find(c, moderator).expect("moderator");
            for (n, reason) in ["first", "second", "third"].iter().enumerate() {
                pasar::audit::record(
                    c,
                    pasar::audit::Entry {
                        actor: &actor,
                        action: "listing.hide",
                        subject_kind: "listing",
                        subject_id: 7 + n as i64,
                        reason,
                        before: json!({"status": "active"}),
                        after: json!({"status": "hidden"}),
                    },
                )
                .expect("record");
            }
            let all = pasar::audit::page(c, &Default::default(), None, 2).expect("page");
            let older =
                pasar::audit::page(c, &Default::default(), Some(all[1].id), 10).expect("older");
            let one = pasar::audit::Filter {
                subject: Some(("listing".into(), 8)),
                actor_id: None,
            };
            let about = pasar::audit::page(c, &one, None, 10).expect("about one");
            let reasons = |rows: &[pasar::audit::Row]| {
                rows.iter().map(|r| r.reason.clone()).collect::<Vec<_>>()
            };
            let rows = (reasons(&all), reasons(&older), reasons(&about));
            let update = c
                .batch_execute("UPDATE audit_log SET reason = 'rewritten'")
                .is_err();
            let delete = c.batch_execute("DELETE FROM audit_log").is_err();
            let truncate = c.batch_execute("TRUNCATE audit_log").is_err();
            (rows, update, delete, truncate)
        })
        .await;
    assert_eq!(rows.0, ["third", "second"]);
    assert_eq!(rows.1, ["first"]);
    assert_eq!(rows.2, ["second"]);
    assert!(update && delete && truncate, "the log must refuse changes");
    assert_eq!(
        app.count("SELECT count(*) AS n FROM audit_log WHERE actor_role = 'moderator'")
            .await,
        3
    );
}
