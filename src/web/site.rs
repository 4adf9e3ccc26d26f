//! What the shared layers reach in every request: the pool, the configuration, the CPU
//! pool, the search gate, and what the features
//! registered at start-up (who a session belongs to, the header's badges). It names no
//! feature: `startup` fills it in, and the features' own state (`AppState`) derefs to it.

use std::sync::Arc;

use diesel::PgConnection;

use crate::config::Config;
use crate::db::DbPool;
use crate::web::auth::User;
use crate::web::{cpu::CpuPool, gate::Gate};

/// Loads the member behind a session: its user id and session version (a changed
/// password bumps the version and ends every other session).
pub type SessionUser = fn(&mut PgConnection, i64, i32) -> diesel::QueryResult<Option<User>>;

/// Counts something waiting for the signed-in member, shown as a badge in the header
/// menu (orders today; unread messages and reports later).
pub type Badge = fn(&mut PgConnection, &User) -> diesel::QueryResult<i64>;

pub struct Site {
    pub pool: DbPool,
    pub config: Arc<Config>,
    /// bcrypt and photo work, away from the blocking threads database calls use.
    pub cpu: Arc<CpuPool>,
    /// Searches running per client address (`PASAR_SEARCHES_PER_CLIENT`).
    pub searches: Arc<Gate>,
    pub session_user: SessionUser,
    pub badges: Vec<Badge>,
}
