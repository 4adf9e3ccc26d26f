//! The admin area (issue 11): who may see and do what, an audit row for every admin
//! action, the `pasar admin` commands, and list pages that take any input.

use std::process::{Command, Stdio};
use std::time::Duration;

use diesel::prelude::*;
use pasar::db::schema::{audit_log, jobs, outbound_emails, users};

use crate::helpers::factories::{self, OrderState, Parties, UserSpec};
use crate::helpers::{spawn_app, TestApp, PASSWORD};

const ADMIN: &str = "admin@example.com";
const MODERATOR: &str = "mod@example.com";
const MEMBER: &str = "member@example.com";

/// An admin, a moderator and a member, nobody signed in; answers their ids.
async fn staff(app: &TestApp) -> (i64, i64, i64) {
    let mut a = UserSpec::new(ADMIN);
    a.name = "Ada Admin".into();
    a.role = "admin";
    let admin = factories::user(app, a).await;
    let mut m = UserSpec::new(MODERATOR);
    m.name = "Mo Moderator".into();
    m.role = "moderator";
    let moderator = factories::user(app, m).await;
    let mut u = UserSpec::new(MEMBER);
    u.name = "Mel Member".into();
    let member = factories::user(app, u).await;
    (admin, moderator, member)
}

async fn sign_in_as(app: &TestApp, email: &str) {
    app.logout().await;
    app.login(email, PASSWORD).await.assert_status(303);
}

/// The audit rows about one subject, oldest first: (action, actor_id, actor_role,
/// reason, before, after).
type AuditRow = (
    String,
    Option<i64>,
    String,
    String,
    serde_json::Value,
    serde_json::Value,
);

async fn audit_about(app: &TestApp, kind: &'static str, id: i64) -> Vec<AuditRow> {
    app.db(move |c| {
        audit_log::table
            .filter(audit_log::subject_kind.eq(kind))
            .filter(audit_log::subject_id.eq(id))
            .order(audit_log::id)
            .select((
                audit_log::action,
                audit_log::actor_id,
                audit_log::actor_role,
                audit_log::reason,
                audit_log::before,
                audit_log::after,
            ))
            .load(c)
            .expect("audit rows")
    })
    .await
}

/// A failed email (and its failed `send_email` job) and a failed job of another kind,
/// as the worker leaves them after the last attempt. Answers (email id, job id).
async fn failures(app: &TestApp, member: i64) -> (i64, i64) {
    // One transaction: the worker must not see the email before it is marked failed.
    app.db(move |c| {
        c.transaction::<_, diesel::result::Error, _>(|c| {
            let user = pasar::accounts::model::find(c, member).expect("member");
            let mail = pasar::accounts::emails::reset(
                user.locale(),
                &user.email,
                &user.display_name,
                "http://127.0.0.1/password/reset/x".into(),
                60,
            );
            let email = pasar::mail::outbox::enqueue(c, &mail, "http://127.0.0.1").expect("email");
            diesel::update(outbound_emails::table.find(email))
                .set((
                    outbound_emails::status.eq("failed"),
                    outbound_emails::attempts.eq(5),
                    outbound_emails::last_error.eq(Some("554 relay refused")),
                ))
                .execute(c)
                .expect("email failed");
            diesel::update(jobs::table.filter(jobs::kind.eq("send_email")))
                .set((
                    jobs::status.eq("failed"),
                    jobs::attempts.eq(5),
                    jobs::last_error.eq(Some("554 relay refused")),
                ))
                .execute(c)
                .expect("its job failed");
            // A reminder about an order that does not exist: it does nothing when run again.
            let job = diesel::insert_into(jobs::table)
                .values((
                    jobs::kind.eq("order_remind"),
                    jobs::payload.eq(serde_json::json!({ "order_id": 999_999 })),
                    jobs::status.eq("failed"),
                    jobs::attempts.eq(5),
                    jobs::last_error.eq(Some("database went away")),
                ))
                .returning(jobs::id)
                .get_result(c)
                .expect("failed job");
            Ok((email, job))
        })
        .expect("failures")
    })
    .await
}

#[tokio::test]
async fn every_admin_page_and_action_answers_by_role() {
    let app = spawn_app().await;
    let (_, _, member) = staff(&app).await;
    let (email, job) = failures(&app, member).await;
    let pages = [
        ("/admin", true),
        ("/admin/listings", true),
        ("/admin/users", false),
        (&*format!("/admin/users/{member}"), false),
        ("/admin/orders", false),
        ("/admin/failed", false),
        ("/admin/audit", false),
        ("/admin/disputes", false),
        ("/admin/books", false),
    ]
    .map(|(p, m)| (p.to_string(), m));
    let role = format!("/admin/users/{member}/role");
    let retry_email = format!("/admin/failed/emails/{email}/retry");
    let retry_job = format!("/admin/failed/jobs/{job}/retry");
    let actions: [(&str, Vec<(&str, &str)>); 3] = [
        (&role, vec![("role", "moderator"), ("reason", "helps")]),
        (&retry_email, vec![]),
        (&retry_job, vec![]),
    ];

    // Anonymous: to the login page and back.
    for (path, _) in &pages {
        let page = app.get(path).await;
        page.assert_status(303);
        let to = page.location.clone().unwrap_or_default();
        assert!(to.starts_with("/login?next="), "{path}: {to}");
    }
    for (path, fields) in &actions {
        let page = app.post(path, fields).await;
        page.assert_status(303);
        let to = page.location.clone().unwrap_or_default();
        assert!(to.starts_with("/login"), "{path}: {to}");
    }
    // A member: nothing there, and no header link.
    sign_in_as(&app, MEMBER).await;
    assert!(!app.get("/").await.contains("href=\"/admin\""));
    for (path, _) in &pages {
        app.get(path).await.assert_status(404);
    }
    for (path, fields) in &actions {
        app.post(path, fields).await.assert_status(404);
    }
    // A moderator: the dashboard and the listing search, nothing of the admin's.
    sign_in_as(&app, MODERATOR).await;
    app.get("/").await.assert_contains("href=\"/admin\"");
    for (path, for_moderators) in &pages {
        let want = if *for_moderators { 200 } else { 404 };
        app.get(path).await.assert_status(want);
    }
    for (path, fields) in &actions {
        app.post(path, fields).await.assert_status(404);
    }
    let dashboard = app.get("/admin").await;
    assert!(
        !dashboard.contains("/admin/failed") && !dashboard.contains("/admin/disputes"),
        "a moderator's dashboard and nav show only what they may act on"
    );
    // Nothing the others tried was done.
    assert_eq!(app.count("SELECT count(*) AS n FROM audit_log").await, 0);
    assert_eq!(
        app.count("SELECT count(*) AS n FROM users WHERE role = 'member'")
            .await,
        1
    );
    // An admin: everything.
    sign_in_as(&app, ADMIN).await;
    for (path, _) in &pages {
        app.get(path).await.assert_status(200);
    }
    let dashboard = app.get("/admin").await;
    dashboard
        .assert_contains("href=\"/admin/failed#emails\"")
        .assert_contains("email could not be sent")
        .assert_contains("background job failed");
    for (path, fields) in &actions {
        app.post(path, fields).await.assert_status(303);
    }
    assert_eq!(app.count("SELECT count(*) AS n FROM audit_log").await, 3);
}

#[tokio::test]
async fn a_role_change_needs_a_reason_and_is_audited_in_its_transaction() {
    let app = spawn_app().await;
    let (admin, _, member) = staff(&app).await;
    sign_in_as(&app, ADMIN).await;
    let path = format!("/admin/users/{member}/role");
    // No reason: the form again with a translated message and the choice kept.
    let page = app
        .post(&path, &[("role", "moderator"), ("reason", " ")])
        .await;
    page.assert_status(422)
        .assert_contains("Say why the role changes.")
        .assert_contains("value=\"moderator\" selected");
    // A role that does not exist.
    app.post(&path, &[("role", "owner"), ("reason", "x")])
        .await
        .assert_status(422)
        .assert_contains("Choose a role from the list.");
    // Not one's own role.
    app.post(
        &format!("/admin/users/{admin}/role"),
        &[("role", "member"), ("reason", "stepping down")],
    )
    .await
    .assert_status(422)
    .assert_contains("You cannot change your own role");
    assert!(audit_about(&app, "user", member).await.is_empty());
    // A good change: the role and its row.
    app.post(
        &path,
        &[
            ("role", "moderator"),
            ("reason", "Runs the <b>report</b> queue"),
        ],
    )
    .await
    .redirects_to(&format!("/admin/users/{member}"));
    let role: String = app
        .db(move |c| {
            users::table
                .find(member)
                .select(users::role)
                .first(c)
                .expect("role")
        })
        .await;
    assert_eq!(role, "moderator");
    let rows = audit_about(&app, "user", member).await;
    assert_eq!(rows.len(), 1);
    let (action, actor, actor_role, reason, before, after) = &rows[0];
    assert_eq!(
        (action.as_str(), *actor, actor_role.as_str()),
        ("user.role", Some(admin), "admin")
    );
    assert_eq!(reason, "Runs the <b>report</b> queue");
    assert_eq!(before["role"], "member");
    assert_eq!(after["role"], "moderator");
    // The member's page and the audit log show it, escaped.
    let page = app.get(&format!("/admin/users/{member}")).await;
    page.assert_status(200)
        .assert_contains("Runs the &#60;b&#62;report&#60;/b&#62; queue")
        .assert_contains("Changed the role")
        .assert_contains("Ada Admin (Admin)");
    assert!(!page.body.contains("<b>report</b>"), "escaped");
    app.get(&format!("/admin/audit?kind=user&subject={member}"))
        .await
        .assert_status(200)
        .assert_contains("Runs the &#60;b&#62;report&#60;/b&#62; queue");
    // The same role again writes nothing.
    app.post(&path, &[("role", "moderator"), ("reason", "again")])
        .await
        .assert_status(422)
        .assert_contains("has this role already");
    assert_eq!(audit_about(&app, "user", member).await.len(), 1);
    // A member that is not there.
    app.post(
        "/admin/users/999999/role",
        &[("role", "moderator"), ("reason", "x")],
    )
    .await
    .assert_status(404);
    // The new moderator reaches the dashboard.
    sign_in_as(&app, MEMBER).await;
    app.get("/admin").await.assert_status(200);
}

#[tokio::test]
async fn retrying_a_failed_email_and_job_runs_them_again_and_is_audited() {
    let app = spawn_app().await;
    let (admin, _, member) = staff(&app).await;
    let (email, job) = failures(&app, member).await;
    sign_in_as(&app, ADMIN).await;
    let page = app.get("/admin/failed").await;
    page.assert_status(200)
        .assert_contains("554 relay refused")
        .assert_contains("database went away")
        .assert_contains("order_remind")
        .assert_contains(&format!("/admin/failed/emails/{email}/retry"))
        .assert_contains(&format!("/admin/failed/jobs/{job}/retry"));
    // The email's own job is not listed a second time among the jobs.
    assert!(!page.contains("<code>send_email</code>"));

    app.post(&format!("/admin/failed/emails/{email}/retry"), &[])
        .await
        .redirects_to("/admin/failed");
    app.post(&format!("/admin/failed/jobs/{job}/retry"), &[])
        .await
        .redirects_to("/admin/failed");
    // The worker sends the email (to the mail folder) and runs the job.
    let done = wait_until(&app, move |c| {
        let email: String = outbound_emails::table
            .find(email)
            .select(outbound_emails::status)
            .first(c)
            .expect("email");
        let job: String = jobs::table
            .find(job)
            .select(jobs::status)
            .first(c)
            .expect("job");
        email == "sent" && job == "done"
    })
    .await;
    assert!(done, "the retried email and job ran");
    // One job for the email: its failed one went back to the queue, none was added.
    assert_eq!(
        app.count("SELECT count(*) AS n FROM jobs WHERE kind = 'send_email'")
            .await,
        1
    );
    let rows = audit_about(&app, "email", email).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, "email.retry");
    assert_eq!(rows[0].1, Some(admin));
    assert_eq!(rows[0].4["error"], "554 relay refused");
    let rows = audit_about(&app, "job", job).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, "job.retry");
    assert_eq!(rows[0].4["kind"], "order_remind");
    // A second retry of what is no longer failed changes nothing and records nothing.
    app.post(&format!("/admin/failed/jobs/{job}/retry"), &[])
        .await
        .redirects_to("/admin/failed");
    assert_eq!(audit_about(&app, "job", job).await.len(), 1);
    app.visit("/admin/failed")
        .await
        .assert_contains("Every email went out.")
        .assert_contains("No background job failed.");
}

async fn wait_until(
    app: &TestApp,
    check: impl Fn(&mut PgConnection) -> bool + Send + Sync + Clone + 'static,
) -> bool {
    for _ in 0..100 {
        let c = check.clone();
        if app.db(move |conn| c(conn)).await {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    false
}

#[tokio::test]
async fn a_dispute_decision_writes_an_audit_row() {
    let app = spawn_app().await;
    let (admin, _, _) = staff(&app).await;
    let parties = Parties {
        buyer: "buyer@example.com",
        seller: "seller@example.com",
    };
    let seller = factories::user(&app, UserSpec::new(parties.seller)).await;
    factories::user(&app, UserSpec::new(parties.buyer)).await;
    let listing = factories::listing(&app, seller, Default::default()).await;
    let order = factories::order(&app, parties, listing, OrderState::Disputed).await;
    sign_in_as(&app, ADMIN).await;
    app.get("/admin")
        .await
        .assert_contains("dispute waits for a decision");
    // A refused decision (no reason) records nothing.
    app.post(
        &format!("/orders/{order}/dispute/decide"),
        &[("decision", "release"), ("statement", "")],
    )
    .await
    .assert_status(422);
    assert!(audit_about(&app, "order", order).await.is_empty());
    app.post(
        &format!("/orders/{order}/dispute/decide"),
        &[
            ("decision", "release"),
            ("statement", "Tracking shows delivery."),
        ],
    )
    .await
    .assert_status(303);
    let rows = audit_about(&app, "order", order).await;
    assert_eq!(rows.len(), 1);
    let (action, actor, role, reason, before, after) = &rows[0];
    assert_eq!(
        (action.as_str(), *actor, role.as_str(), reason.as_str()),
        (
            "dispute.decide",
            Some(admin),
            "admin",
            "Tracking shows delivery."
        )
    );
    assert_eq!(before["status"], "open");
    assert_eq!(after["decision"], "release");
    app.get(&format!("/admin/audit?actor={admin}"))
        .await
        .assert_contains("Decided a dispute")
        .assert_contains(&format!("href=\"/orders/{order}\""));
    // The order search finds it by party and status, linking to the order page.
    app.get(&format!("/admin/orders?party={seller}&status=disputed"))
        .await
        .assert_status(200)
        .assert_contains(&format!("href=\"/orders/{order}\""));
    app.get("/admin/orders?status=completed")
        .await
        .assert_contains("Nothing matches.");
}

/// `pasar admin ...` against the test database, as an operator runs it.
fn pasar_admin(app: &TestApp, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_pasar"))
        .arg("admin")
        .args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("RUST_LOG", "warn")
        .env("DATABASE_URL", &app.db_url)
        .env("PASAR_BASE_URL", &app.addr)
        .env("PASAR_DATA", app.data_dir.display().to_string())
        .env("PASAR_SECRET", "t".repeat(64))
        .stdin(Stdio::null())
        .output()
        .expect("pasar runs")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_admin_commands_create_an_account_with_a_set_password_link_and_set_roles() {
    let app = spawn_app().await;
    let out = tokio::task::block_in_place(|| {
        pasar_admin(
            &app,
            &[
                "create-user",
                "--email",
                "Boss@Example.com",
                "--role",
                "admin",
                "--name",
                "Big Boss",
            ],
        )
    });
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let link = stdout
        .lines()
        .find(|l| l.contains("/password/reset/"))
        .expect("a set-password link")
        .trim()
        .to_string();
    assert!(
        !stdout.to_lowercase().contains("password:"),
        "no password printed"
    );
    let (role, verified, id) = app
        .db(|c| {
            users::table
                .filter(users::display_name.eq("Big Boss"))
                .select((
                    users::role,
                    users::email_verified_at.is_not_null(),
                    users::id,
                ))
                .first::<(String, bool, i64)>(c)
                .expect("created")
        })
        .await;
    assert_eq!((role.as_str(), verified), ("admin", true));
    let rows = audit_about(&app, "user", id).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].0.as_str(), rows[0].1, rows[0].2.as_str()),
        ("user.create", None, "cli")
    );
    // No password works before the link is used.
    app.login("boss@example.com", "").await.assert_status(422);
    // The link sets one, once; then the admin signs in and reaches the admin area.
    let path = crate::helpers::path_of(&link);
    app.get(&path).await.assert_status(200);
    app.post(&path, &[("password", PASSWORD)])
        .await
        .assert_status(303);
    app.get(&path).await.assert_status(400);
    sign_in_as(&app, "boss@example.com").await;
    app.get("/admin/users").await.assert_status(200);
    // The same address again is refused.
    let again = tokio::task::block_in_place(|| {
        pasar_admin(
            &app,
            &[
                "create-user",
                "--email",
                "boss@example.com",
                "--role",
                "member",
            ],
        )
    });
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists already"));

    // set-role: the role and its audit row with the command line as the actor.
    let out = tokio::task::block_in_place(|| {
        pasar_admin(
            &app,
            &[
                "set-role",
                "--email",
                "boss@example.com",
                "--role",
                "moderator",
                "--reason",
                "hands over",
            ],
        )
    });
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = audit_about(&app, "user", id).await;
    assert_eq!(rows.len(), 2);
    let (action, actor, actor_role, reason, before, after) = &rows[1];
    assert_eq!(
        (
            action.as_str(),
            *actor,
            actor_role.as_str(),
            reason.as_str()
        ),
        ("user.role", None, "cli", "hands over")
    );
    assert_eq!(
        (&before["role"], &after["role"]),
        (&"admin".into(), &"moderator".into())
    );
    // Odd input is refused with a message, and changes nothing.
    for args in [
        vec![
            "set-role",
            "--email",
            "nobody@example.com",
            "--role",
            "admin",
        ],
        vec!["set-role", "--email", "boss@example.com", "--role", "owner"],
        vec![
            "create-user",
            "--email",
            "not an address",
            "--role",
            "admin",
        ],
    ] {
        let out = tokio::task::block_in_place(|| pasar_admin(&app, &args));
        assert!(!out.status.success(), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?} says why");
    }
    assert_eq!(audit_about(&app, "user", id).await.len(), 2);
}

#[tokio::test]
async fn admin_lists_page_and_take_odd_input_without_an_error_page() {
    let app = spawn_app().await;
    let (_, _, member) = staff(&app).await;
    // 55 more members: two pages of 50.
    app.db(|c| {
        let rows: Vec<_> = (0..55)
            .map(|n| {
                (
                    users::email.eq(format!("crowd{n}@example.com")),
                    users::display_name.eq(format!("Crowd {n}")),
                    users::password_hash.eq("!"),
                )
            })
            .collect();
        diesel::insert_into(users::table)
            .values(rows)
            .execute(c)
            .expect("crowd");
    })
    .await;
    let seller = factories::user(&app, UserSpec::new("seller@example.com")).await;
    let listing = factories::listing(&app, seller, Default::default()).await;
    sign_in_as(&app, ADMIN).await;

    let first = app.get("/admin/users").await;
    first.assert_status(200).assert_contains("rel=\"next\"");
    let second = app.get("/admin/users?page=2").await;
    second
        .assert_status(200)
        .assert_contains("rel=\"prev\"")
        .assert_contains("Ada Admin");
    assert!(!second.contains("rel=\"next\""));
    // Search by name, email, id, with LIKE's wildcards taken literally.
    app.get("/admin/users?q=crowd1")
        .await
        .assert_contains("Crowd 12");
    app.get(&format!("/admin/users?q={member}"))
        .await
        .assert_contains("Mel Member");
    app.get("/admin/users?q=MEMBER%40example")
        .await
        .assert_contains("Mel Member");
    app.get("/admin/users?q=%25")
        .await
        .assert_status(200)
        .assert_contains("Nothing matches.");
    app.get("/admin/users?q=_")
        .await
        .assert_contains("Nothing matches.");

    // Odd input: the page with a translated message, never an error page.
    let long = "x".repeat(300);
    for (path, message) in [
        (
            "/admin/users?page=abc".to_string(),
            "That page number does not exist",
        ),
        (
            "/admin/users?page=-3".into(),
            "That page number does not exist",
        ),
        (
            "/admin/users?page=99999999999999999999".into(),
            "That page number does not exist",
        ),
        (format!("/admin/users?q={long}"), "too long"),
        (
            "/admin/listings?status=hidden%27--".into(),
            "Choose a status from the list.",
        ),
        (
            "/admin/listings?seller=bob".into(),
            "Enter a number, such as 42.",
        ),
        (
            "/admin/orders?id=%231x".into(),
            "Enter a number, such as 42.",
        ),
        (
            "/admin/orders?status=%3Cscript%3E".into(),
            "Choose a status from the list.",
        ),
        (
            "/admin/audit?kind=DROP%20TABLE&subject=1".into(),
            "Use a single word",
        ),
        ("/admin/audit?subject=12".into(), "Say what the number is"),
        ("/admin/audit?kind=user".into(), "Enter its number too."),
        (
            "/admin/audit?before=-1".into(),
            "Enter a number, such as 42.",
        ),
    ] {
        let page = app.get(&path).await;
        page.assert_status(400).assert_contains(message);
        assert!(page.contains("admin-nav"), "{path}: the page itself");
    }
    // In Greek too.
    app.post("/lang", &[("lang", "el"), ("next", "/")]).await;
    app.db(|c| {
        diesel::update(users::table.filter(users::email.eq(ADMIN)))
            .set(users::locale.eq("el"))
            .execute(c)
            .expect("greek")
    })
    .await;
    app.get("/admin/listings?seller=bob")
        .await
        .assert_status(400)
        .assert_contains("Γράψτε έναν αριθμό");
    // The listing search by title, id and seller links to the listing and the seller.
    let page = app
        .get(&format!(
            "/admin/listings?q=vintage&seller={seller}&status=active"
        ))
        .await;
    page.assert_status(200)
        .assert_contains(&format!("href=\"/listings/{listing}\""))
        .assert_contains(&format!("href=\"/admin/users/{seller}\""));
    app.get(&format!("/admin/listings?q={listing}"))
        .await
        .assert_contains(&format!("href=\"/listings/{listing}\""));
    app.get("/admin/listings?status=sold")
        .await
        .assert_status(200)
        .assert_contains("Δεν βρέθηκε τίποτα.");
}
