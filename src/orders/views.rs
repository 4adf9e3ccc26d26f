//! Page models of orders: the order page (checkout while pending), my purchases and my
//! sales, the admin's disputes and books.

use askama::Template;
use chrono::{DateTime, Utc};

use super::checkout::{AddressInput, SavedAddress};
use super::model::{Dispute, DisputeStatus, Evidence, Order, OrderEvent, OrderStatus, Payment};
use super::state::Relation;
use crate::web::form::FormErrors;
use crate::web::Ctx;

pub use crate::listings::for_orders::ListingBrief;

/// An integer as askama passes it (by value or through references).
pub trait Int {
    fn get(&self) -> i64;
}

impl Int for i64 {
    fn get(&self) -> i64 {
        *self
    }
}

impl<T: Int + ?Sized> Int for &T {
    fn get(&self) -> i64 {
        (**self).get()
    }
}

/// Every field any order form has, kept to show a form again with its errors.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ActionInput {
    pub quantity: String,
    pub delivery: String,
    pub address_id: String,
    #[serde(flatten)]
    pub address: AddressInput,
    pub save_address: Option<String>,
    pub method: String,
    pub carrier: String,
    pub tracking: String,
    pub code: String,
    pub reason: String,
    pub statement: String,
    pub body: String,
    pub amount: String,
    pub decision: String,
}

/// A line another feature adds to the order page for its viewer (the reviews' "write
/// your review" button, the seller's rating at checkout). Orders know no such feature:
/// start-up registers the functions that make these (`AppState::order_asides`), so the
/// arrow runs from the other feature to orders and never back.
#[derive(Clone, Debug)]
pub struct Aside {
    /// Already in the viewer's language.
    pub text: String,
    pub href: Option<String>,
    /// Shown as a button (the next thing to do) rather than a plain link.
    pub button: bool,
}

/// Who looks at which order, for the functions that add [`Aside`]s.
#[derive(Clone, Copy, Debug)]
pub struct AsideFor {
    pub order_id: i64,
    pub seller_id: i64,
    pub viewer_id: i64,
    pub status: OrderStatus,
    pub locale: crate::i18n::Locale,
}

/// A function registered at start-up that adds lines to the order page.
pub type OrderAsides = fn(
    &mut diesel::PgConnection,
    &crate::config::Config,
    AsideFor,
) -> diesel::QueryResult<Vec<Aside>>;

#[derive(Template)]
#[template(path = "orders/show.html")]
pub struct OrderPage {
    pub ctx: Ctx,
    pub o: Order,
    pub relation: Relation,
    pub listing: Option<ListingBrief>,
    pub buyer_name: String,
    pub seller_name: String,
    pub events: Vec<OrderEvent>,
    pub payments: Vec<Payment>,
    pub open_payment: Option<Payment>,
    pub dispute: Option<Dispute>,
    pub evidence: Vec<Evidence>,
    pub addresses: Vec<SavedAddress>,
    pub input: ActionInput,
    pub errors: FormErrors,
    pub now: DateTime<Utc>,
    pub cancel_reasons: &'static [&'static str],
    pub asides: Vec<Aside>,
}

impl OrderPage {
    pub fn is_buyer(&self) -> bool {
        self.relation == Relation::Buyer
    }

    pub fn is_seller(&self) -> bool {
        self.relation == Relation::Seller
    }

    pub fn is_admin(&self) -> bool {
        self.relation == Relation::Admin
    }

    pub fn money(&self, minor: impl Int) -> String {
        self.ctx.money(&minor.get(), &self.o.currency)
    }

    pub fn when(&self, at: impl std::borrow::Borrow<DateTime<Utc>>) -> String {
        self.ctx.datetime(at.borrow())
    }

    pub fn opt_when(&self, at: &Option<DateTime<Utc>>) -> String {
        at.map(|a| self.ctx.datetime(&a)).unwrap_or_default()
    }

    /// The seller missed the ship-by date.
    pub fn late(&self) -> bool {
        self.o.status == OrderStatus::Paid && self.o.ship_by.is_some_and(|at| at < self.now)
    }

    /// The name of a user id; `name_of` takes the optional actor of an event.
    pub fn name_by(&self, id: impl Int) -> String {
        self.name_of(&Some(id.get()))
    }

    pub fn name_of(&self, id: &Option<i64>) -> String {
        match id {
            None => self.ctx.t("order-system"),
            Some(id) if *id == self.o.buyer_id => self.buyer_name.clone(),
            Some(id) if *id == self.o.seller_id => self.seller_name.clone(),
            Some(_) => self.ctx.t("order-admin"),
        }
    }

    pub fn event_label(&self, e: &OrderEvent) -> String {
        self.ctx
            .t(&format!("order-event-{}", e.kind.replace('_', "-")))
    }

    pub fn status_label(&self) -> String {
        self.ctx.t(&format!("order-status-{}", self.o.status.key()))
    }

    pub fn you_receive(&self) -> i64 {
        self.o.seller_receives_minor()
    }

    pub fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field).map(|k| self.ctx.t(k))
    }

    pub fn delivery_is(&self, d: &str) -> bool {
        let chosen = if self.input.delivery.is_empty() {
            self.o.delivery.as_str()
        } else {
            self.input.delivery.as_str()
        };
        chosen == d
    }

    pub fn method_is(&self, m: &str) -> bool {
        if self.input.method.is_empty() {
            m == "card"
        } else {
            self.input.method == m
        }
    }

    pub fn address_chosen(&self, id: &i64) -> bool {
        self.input.address_id == id.to_string()
    }

    /// Where the buyer's money is now, in words (the protection note under the totals).
    pub fn protection_note(&self) -> String {
        let key = match self.o.status {
            OrderStatus::PendingPayment => "order-protection-pending",
            s if OrderStatus::HELD.contains(&s) => "order-protection-note",
            OrderStatus::Completed => "order-protection-released",
            OrderStatus::Refunded => "order-protection-returned",
            OrderStatus::Cancelled if self.o.payment_id.is_some() => "order-protection-returned",
            _ => "order-protection-none",
        };
        self.ctx.t(key)
    }

    pub fn paid_with(&self) -> Option<&Payment> {
        // The payment that funded the order, not one given back.
        let id = self.o.payment_id?;
        self.payments.iter().find(|p| p.id == id)
    }

    pub fn dispute_reason(&self, d: &Dispute) -> String {
        self.ctx
            .t(&format!("dispute-reason-{}", d.reason.replace('_', "-")))
    }

    pub fn decision_label(&self, d: &Dispute) -> String {
        self.ctx.t(&format!(
            "dispute-decision-{}",
            d.decision.as_deref().unwrap_or("release")
        ))
    }

    pub fn dispute_status(&self, d: &Dispute) -> String {
        self.ctx.t(&format!("dispute-status-{}", d.status))
    }

    /// Evidence can still be added by the parties.
    pub fn evidence_open(&self, d: &Dispute) -> bool {
        (self.is_buyer() || self.is_seller()) && super::disputes::evidence_open(d, self.now)
    }

    pub fn can_appeal(&self, d: &Dispute) -> bool {
        (self.is_buyer() || self.is_seller())
            && d.status == DisputeStatus::Decided
            && d.appealed_by.is_none()
            && d.final_at.is_some_and(|at| at > self.now)
    }

    /// Evidence photos are private to the order (`/orders/{id}/evidence/...`), not media.
    pub fn evidence_url(&self, e: &Evidence, wanted: u32) -> String {
        let size = crate::listings::photos::best_width(e.photo_width.unwrap_or(0), wanted);
        format!("/orders/{}/evidence/{}/{size}", self.o.id, e.id)
    }

    pub fn cancel_reason_label(&self) -> String {
        if self.o.cancel_reason.is_empty() {
            String::new()
        } else {
            self.ctx.t(&format!(
                "cancel-reason-{}",
                self.o.cancel_reason.replace('_', "-")
            ))
        }
    }

    pub fn reason_label(&self, r: &str) -> String {
        self.ctx
            .t(&format!("cancel-reason-{}", r.replace('_', "-")))
    }

    pub fn event_note(&self, e: &OrderEvent) -> String {
        match e.kind.as_str() {
            "cancelled_by_buyer" | "cancelled_by_seller" if !e.note.is_empty() => {
                self.reason_label(&e.note)
            }
            "dispute_opened" => self
                .ctx
                .t(&format!("dispute-reason-{}", e.note.replace('_', "-"))),
            "dispute_decided" => self.ctx.t(&format!("dispute-decision-{}", e.note)),
            "payment_failed" => self
                .ctx
                .t(&format!("pay-declined-{}", e.note.replace('_', "-"))),
            _ => e.note.clone(),
        }
    }
}

/// One row of my purchases or my sales.
#[derive(Clone, Debug)]
pub struct OrderRow {
    pub o: Order,
    pub other_name: String,
    pub photo_key: Option<String>,
    /// The viewer has something to do on this order.
    pub needs_action: bool,
}

#[derive(Template)]
#[template(path = "orders/list.html")]
pub struct OrdersPage {
    pub ctx: Ctx,
    /// "purchases" or "sales".
    pub side: &'static str,
    pub filter: String,
    pub filters: Vec<(&'static str, i64)>,
    pub rows: Vec<OrderRow>,
    /// Sales only: (currency, available, in escrow).
    pub balances: Vec<(String, i64, i64)>,
    pub payouts: Vec<(DateTime<Utc>, String, i64)>,
}

impl OrdersPage {
    pub fn status_label(&self, s: &OrderStatus) -> String {
        self.ctx.t(&format!("order-status-{}", s.key()))
    }

    pub fn title(&self) -> String {
        self.ctx.t(&format!("nav-{}", self.side))
    }

    pub fn empty_text(&self) -> String {
        self.ctx.t(&format!("orders-empty-{}", self.side))
    }

    pub fn action_label(&self, status: &OrderStatus) -> String {
        self.ctx.t(&format!("orders-action-{}", status.key()))
    }
}

#[derive(Template)]
#[template(path = "orders/admin_disputes.html")]
pub struct AdminDisputesPage {
    pub ctx: Ctx,
    pub rows: Vec<(Dispute, Order)>,
}

impl AdminDisputesPage {
    pub fn reason(&self, d: &Dispute) -> String {
        self.ctx
            .t(&format!("dispute-reason-{}", d.reason.replace('_', "-")))
    }

    pub fn status(&self, d: &Dispute) -> String {
        self.ctx.t(&format!("dispute-status-{}", d.status))
    }
}

#[derive(Template)]
#[template(path = "orders/admin_books.html")]
pub struct BooksPage {
    pub ctx: Ctx,
    pub totals: Vec<(String, String, i64)>,
    pub problems: Vec<String>,
}

impl BooksPage {
    pub fn account_label(&self, a: &str) -> String {
        self.ctx.t(&format!("books-account-{a}"))
    }
}
