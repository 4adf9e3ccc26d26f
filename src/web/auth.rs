//! Who is asking: the signed-in member every page sees (`Ctx::user`) and the checks a
//! handler makes before it does anything for them.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::db::schema::users;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::web::Ctx;

/// A member as the app sees them (never with the password hash). The accounts feature
/// owns the `users` table and loads it; every page reads it through the context.
#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = users, check_for_backend(diesel::pg::Pg))]
pub struct User {
    pub id: i64,
    pub email: String,
    pub email_verified_at: Option<DateTime<Utc>>,
    pub display_name: String,
    pub bio: String,
    pub city: String,
    pub country: String,
    pub locale: String,
    pub role: UserRole,
    pub session_version: i32,
    pub pending_email: Option<String>,
    pub deletion_requested_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// IANA name; read it through `zone()`.
    pub time_zone: String,
    /// Their picture's storage key (set in settings through the photo pipeline).
    pub avatar_key: Option<String>,
}

impl User {
    pub fn locale(&self) -> Locale {
        Locale::parse(&self.locale).unwrap_or_default()
    }

    /// The zone the member's pages and emails show times in.
    pub fn zone(&self) -> chrono_tz::Tz {
        crate::i18n::zone::of_user(&self.time_zone, self.locale())
    }

    pub fn is_verified(&self) -> bool {
        self.email_verified_at.is_some()
    }

    pub fn is_admin(&self) -> bool {
        self.role.is_admin()
    }

    pub fn can_moderate(&self) -> bool {
        self.role.can_moderate()
    }
}

crate::text_enum! {
    /// What a member may do beyond their own things.
    pub enum UserRole {
        Member = "member",
        Moderator = "moderator",
        Admin = "admin",
    }
}

impl UserRole {
    /// Decides disputes, sees the books and every order.
    pub fn is_admin(self) -> bool {
        self == UserRole::Admin
    }

    /// Works the report queue and decides appeals; admins can too.
    pub fn can_moderate(self) -> bool {
        matches!(self, UserRole::Moderator | UserRole::Admin)
    }
}

/// The signed-in user, or a trip to the login page and back.
pub fn require_user(ctx: &Ctx) -> Result<&User, AppError> {
    ctx.user
        .as_ref()
        .ok_or_else(|| AppError::LoginRequired(ctx.path.clone()))
}

/// Selling and buying need a confirmed email address.
pub fn require_verified(ctx: &Ctx) -> Result<&User, AppError> {
    let user = require_user(ctx)?;
    if user.is_verified() {
        Ok(user)
    } else {
        Err(AppError::Unverified)
    }
}

/// Admin pages answer 404 to everyone else, so they do not show that they exist.
pub fn require_admin(ctx: &Ctx) -> Result<&User, AppError> {
    let user = require_user(ctx)?;
    if ctx.is_admin() {
        Ok(user)
    } else {
        Err(AppError::NotFound)
    }
}

/// Moderation pages answer 404 to members, like the admin pages.
pub fn require_moderator(ctx: &Ctx) -> Result<&User, AppError> {
    let user = require_user(ctx)?;
    if user.can_moderate() {
        Ok(user)
    } else {
        Err(AppError::NotFound)
    }
}
