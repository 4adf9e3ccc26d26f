//! The admin area: a dashboard of what waits for moderators and admins, members and
//! their roles, listing and order search, failed emails and jobs with a retry, and the
//! audit log; plus the `pasar admin` commands. It owns no table: it reads and changes
//! other features through their `for_admin` functions and writes the audit log.
//!
//! routes.rs (handlers) · rules.rs (each opens its transaction and writes its audit
//! row) · cli.rs (the commands `main.rs` runs through `startup`) · paging.rs (page
//! numbers and search text from the query string) · views.rs (page models)

pub mod cli;
pub mod paging;
pub mod routes;
pub mod rules;
pub mod views;

use diesel::{PgConnection, QueryResult};

use crate::web::auth::User;

/// Who may act on a waiting item; nobody else sees it on the dashboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// Moderators and admins (reports, appeals).
    Moderators,
    /// Admins only (disputes, failed emails and jobs).
    Admins,
}

impl Audience {
    pub fn includes(self, user: &User) -> bool {
        match self {
            Audience::Moderators => user.can_moderate(),
            Audience::Admins => user.is_admin(),
        }
    }
}

/// Something waiting for a moderator or an admin, contributed by the feature that owns
/// it and registered at start-up (`startup::waiting`), like the header badges.
pub struct Waiting {
    /// Message key of the dashboard line, given the count as `count`.
    pub label: &'static str,
    /// The page where it is worked on.
    pub href: &'static str,
    pub audience: Audience,
    pub count: fn(&mut PgConnection) -> QueryResult<i64>,
}

/// One line of the dashboard, counted.
#[derive(Clone, Debug)]
pub struct Counted {
    pub label: &'static str,
    pub href: &'static str,
    pub count: i64,
}

/// The registered items this member may act on, counted in the caller's connection.
pub fn waiting_for(
    conn: &mut PgConnection,
    items: &[Waiting],
    user: &User,
) -> QueryResult<Vec<Counted>> {
    items
        .iter()
        .filter(|w| w.audience.includes(user))
        .map(|w| {
            Ok(Counted {
                label: w.label,
                href: w.href,
                count: (w.count)(conn)?,
            })
        })
        .collect()
}
