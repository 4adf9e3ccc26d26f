//! The admin pages' models.

use std::collections::HashMap;

use askama::Template;

use super::paging;
use super::Counted;
use crate::audit;
use crate::jobs::queue::Failed;
use crate::listings::for_admin::Row as ListingRow;
use crate::listings::status::ListingStatus;
use crate::mail::outbox::OutboundEmail;
use crate::moderation::views::Words as _;
use crate::orders::model::{Order, OrderStatus};
use crate::web::auth::{User, UserRole};
use crate::web::form::FormErrors;
use crate::web::Ctx;

/// A query string for a list's link to another page of it, with the other fields kept.
fn link(path: &str, fields: &[(&str, &str)]) -> String {
    let kept: Vec<(&str, &str)> = fields
        .iter()
        .copied()
        .filter(|(_, v)| !v.is_empty())
        .collect();
    match serde_urlencoded::to_string(&kept) {
        Ok(q) if !q.is_empty() => format!("{path}?{q}"),
        _ => path.to_string(),
    }
}

/// What every list page shows under its table.
pub struct Pager {
    pub page: i64,
    pub more: bool,
}

#[derive(Template)]
#[template(path = "admin/dashboard.html")]
pub struct DashboardPage {
    pub ctx: Ctx,
    pub items: Vec<Counted>,
}

#[derive(Template)]
#[template(path = "admin/users.html")]
pub struct UsersPage {
    pub ctx: Ctx,
    pub q: String,
    pub rows: Vec<User>,
    pub pager: Pager,
    pub errors: FormErrors,
}

impl UsersPage {
    pub fn page_link(&self, page: i64) -> String {
        link(
            "/admin/users",
            &[("q", &self.q), ("page", &page.to_string())],
        )
    }

    pub fn role_name(&self, role: &UserRole) -> String {
        self.ctx.t(&format!("admin-role-{role}"))
    }
}

#[derive(Template)]
#[template(path = "admin/user.html")]
pub struct UserPage {
    pub ctx: Ctx,
    pub member: User,
    /// (all, on sale)
    pub listings: (i64, i64),
    /// (bought, sold)
    pub orders: (i64, i64),
    pub history: Vec<audit::Row>,
    /// Moderation's decisions about the member (sanctions, warnings), newest first.
    pub sanctions: Vec<crate::moderation::for_admin::Entry>,
    pub names: HashMap<i64, String>,
    /// The role form as sent, and what was wrong with it.
    pub role: String,
    pub reason: String,
    pub errors: FormErrors,
}

impl crate::moderation::views::Words for UserPage {
    fn ctx(&self) -> &Ctx {
        &self.ctx
    }
}

impl UserPage {
    pub fn roles(&self) -> &'static [UserRole] {
        UserRole::ALL
    }

    pub fn role_name(&self, role: &UserRole) -> String {
        self.ctx.t(&format!("admin-role-{role}"))
    }

    pub fn actor_of(&self, row: &audit::Row) -> String {
        actor_name(&self.ctx, &self.names, row)
    }

    pub fn action(&self, row: &audit::Row) -> String {
        action_name(&self.ctx, row)
    }

    pub fn json(&self, v: &serde_json::Value) -> String {
        json_text(v)
    }

    pub fn subject_href(&self, row: &audit::Row) -> Option<String> {
        subject_link(row)
    }

    /// The history's rows, under the name the shared audit table reads.
    pub fn rows(&self) -> &[audit::Row] {
        &self.history
    }
}

#[derive(Template)]
#[template(path = "admin/listings.html")]
pub struct ListingsPage {
    pub ctx: Ctx,
    pub q: String,
    pub seller: String,
    pub status: String,
    pub rows: Vec<ListingRow>,
    pub names: HashMap<i64, String>,
    pub pager: Pager,
    pub errors: FormErrors,
}

impl ListingsPage {
    pub fn statuses(&self) -> &'static [ListingStatus] {
        &ListingStatus::ALL
    }

    pub fn status_name(&self, s: &ListingStatus) -> String {
        self.ctx.t(&format!("admin-listing-status-{}", s.as_str()))
    }

    pub fn seller_name(&self, id: &i64) -> String {
        self.names
            .get(id)
            .cloned()
            .unwrap_or_else(|| format!("#{id}"))
    }

    pub fn page_link(&self, page: i64) -> String {
        link(
            "/admin/listings",
            &[
                ("q", &self.q),
                ("seller", &self.seller),
                ("status", &self.status),
                ("page", &page.to_string()),
            ],
        )
    }
}

#[derive(Template)]
#[template(path = "admin/orders.html")]
pub struct OrdersPage {
    pub ctx: Ctx,
    pub id: String,
    pub party: String,
    pub status: String,
    pub rows: Vec<Order>,
    pub names: HashMap<i64, String>,
    pub pager: Pager,
    pub errors: FormErrors,
}

impl OrdersPage {
    pub fn statuses(&self) -> &'static [OrderStatus] {
        OrderStatus::ALL
    }

    pub fn status_name(&self, s: &OrderStatus) -> String {
        self.ctx
            .t(&format!("order-status-{}", s.as_str().replace('_', "-")))
    }

    pub fn name(&self, id: &i64) -> String {
        self.names
            .get(id)
            .cloned()
            .unwrap_or_else(|| format!("#{id}"))
    }

    pub fn page_link(&self, page: i64) -> String {
        link(
            "/admin/orders",
            &[
                ("id", &self.id),
                ("party", &self.party),
                ("status", &self.status),
                ("page", &page.to_string()),
            ],
        )
    }
}

#[derive(Template)]
#[template(path = "admin/failed.html")]
pub struct FailedPage {
    pub ctx: Ctx,
    pub emails: Vec<OutboundEmail>,
    pub email_count: i64,
    pub jobs: Vec<Failed>,
    pub job_count: i64,
}

impl FailedPage {
    /// The most a list shows (the counts say how many there are).
    pub fn shown(&self) -> i64 {
        paging::PER_PAGE
    }
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
pub struct AuditPage {
    pub ctx: Ctx,
    pub kind: String,
    pub subject: String,
    pub actor: String,
    pub rows: Vec<audit::Row>,
    pub names: HashMap<i64, String>,
    /// The id the next (older) page starts below.
    pub older: Option<i64>,
    pub errors: FormErrors,
}

impl AuditPage {
    pub fn actor_of(&self, row: &audit::Row) -> String {
        actor_name(&self.ctx, &self.names, row)
    }

    pub fn action(&self, row: &audit::Row) -> String {
        action_name(&self.ctx, row)
    }

    pub fn older_link(&self, before: &i64) -> String {
        link(
            "/admin/audit",
            &[
                ("kind", &self.kind),
                ("subject", &self.subject),
                ("actor", &self.actor),
                ("before", &before.to_string()),
            ],
        )
    }

    pub fn subject_href(&self, row: &audit::Row) -> Option<String> {
        subject_link(row)
    }

    pub fn json(&self, v: &serde_json::Value) -> String {
        json_text(v)
    }
}

/// Where a row's subject can be looked at, if it has a page.
fn subject_link(row: &audit::Row) -> Option<String> {
    match row.subject_kind.as_str() {
        "user" => Some(format!("/admin/users/{}", row.subject_id)),
        "order" => Some(format!("/orders/{}", row.subject_id)),
        "listing" => Some(format!("/listings/{}", row.subject_id)),
        _ => None,
    }
}

/// Before/after as readable text (`{}` shows as a dash).
fn json_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Object(m) if m.is_empty() => "–".into(),
        other => serde_json::to_string_pretty(other).unwrap_or_default(),
    }
}

/// Who acted: a member's name with their role then, or the command line.
fn actor_name(ctx: &Ctx, names: &HashMap<i64, String>, row: &audit::Row) -> String {
    match row.actor_id {
        Some(id) => {
            let name = names.get(&id).cloned().unwrap_or_else(|| format!("#{id}"));
            let role = ctx.t(&format!("admin-role-{}", row.actor_role));
            format!("{name} ({role})")
        }
        None if row.actor_role == crate::audit::COMMAND_LINE => ctx.t("admin-audit-command-line"),
        None => ctx.t("admin-audit-system"),
    }
}

/// An action's translated name; one the admin area does not know (a newer feature's)
/// shows as its stable code.
fn action_name(ctx: &Ctx, row: &audit::Row) -> String {
    let key = format!("admin-action-{}", row.action.replace(['.', '_'], "-"));
    let text = ctx.t(&key);
    if text == key {
        row.action.clone()
    } else {
        text
    }
}
