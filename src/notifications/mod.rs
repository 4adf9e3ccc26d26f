//! The emails people control (issue 12): every optional email (new messages, offers,
//! price drops, saved-search alerts, the follows digest, review reminders) is sent
//! through `send`, which honours the member's settings and gives the email a signed
//! one-click unsubscribe link (footer and RFC 8058 headers). Mail about orders, money
//! and the account is transactional and goes straight to `mail::outbox`: it cannot be
//! turned off.

pub mod links;
pub mod settings;

pub use links::{unsubscribe_url, verify, Link};
pub use settings::{allows, allows_each, set};

use diesel::prelude::*;

use crate::config::Config;
use crate::mail::{outbox, Email};

crate::text_enum! {
    /// A kind of optional email, as kept in `notification_optouts.kind`.
    pub enum Kind {
        Messages = "messages",
        Offers = "offers",
        PriceDrops = "price_drops",
        SavedSearches = "saved_searches",
        FollowsDigest = "follows_digest",
        ReviewReminders = "review_reminders",
    }
}

impl Kind {
    /// The message key of the kind's name on the settings page and the unsubscribe page.
    pub fn label_key(self) -> &'static str {
        match self {
            Kind::Messages => "notify-kind-messages",
            Kind::Offers => "notify-kind-offers",
            Kind::PriceDrops => "notify-kind-price-drops",
            Kind::SavedSearches => "notify-kind-saved-searches",
            Kind::FollowsDigest => "notify-kind-follows-digest",
            Kind::ReviewReminders => "notify-kind-review-reminders",
        }
    }
}

/// Queues an optional email of `kind` to member `user_id`, unless they turned that kind
/// off: `None` then. Call inside the transaction of the change that causes it, like
/// `outbox::enqueue`.
pub fn send(
    conn: &mut PgConnection,
    cfg: &Config,
    user_id: i64,
    kind: Kind,
    email: Email,
) -> QueryResult<Option<i64>> {
    if !allows(conn, user_id, kind)? {
        return Ok(None);
    }
    let email = email
        .user(user_id)
        .unsubscribe(unsubscribe_url(cfg, user_id, kind));
    outbox::enqueue(conn, &email, &cfg.base_url).map(Some)
}
