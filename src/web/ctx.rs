//! The page context every handler and template gets: the reader's language and time
//! zone, the signed-in user, the CSRF token, flash messages and the current path.

use super::token::new_token;
use std::future::Future;
use std::pin::Pin;

use actix_session::{Session, SessionExt};
use actix_web::{dev::Payload, web, FromRequest, HttpMessage, HttpRequest};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::i18n::{format, zone, Locale, ToArg};
use crate::web::auth::User;
use crate::web::site::Site;
use crate::web::AppError;

pub const LANG_COOKIE: &str = "lang";
const CSRF_KEY: &str = "csrf";
const FLASH_KEY: &str = "flash";
pub const USER_KEY: &str = "uid";
pub const VERSION_KEY: &str = "sv";
/// When the session signed in and when it was last used (Unix milliseconds), for its
/// absolute lifetime and idle timeout.
const SIGNED_IN_KEY: &str = "iat";
const SEEN_KEY: &str = "seen";

/// A one-time message shown on the next page.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Flash {
    pub kind: String,
    pub text: String,
}

#[derive(Clone)]
pub struct Ctx {
    pub locale: Locale,
    /// The zone times are shown in: the member's setting, else the browser's `tz` cookie,
    /// else the country of its language tag, else the language's usual zone.
    pub zone: Tz,
    pub user: Option<User>,
    pub csrf: String,
    /// Path and query of this request, for `next=` links and the language switcher.
    pub path: String,
    pub dev: bool,
    pub site_name: String,
    /// Things waiting for the signed-in user, the sum of the badges the features
    /// registered (`Site::badges`; shown in the header menu).
    pub actions: i64,
    session: Session,
}

impl FromRequest for Ctx {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Ctx, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { Ctx::load(&req).await })
    }
}

/// The header's count of things waiting, carried from the query to the context.
#[derive(Clone, Copy)]
struct ActionCount(i64);

impl Ctx {
    /// Builds the context once per request (later calls reuse it).
    pub async fn load(req: &HttpRequest) -> Result<Ctx, AppError> {
        if let Some(ctx) = req.extensions().get::<Ctx>() {
            return Ok(ctx.clone());
        }
        let state = req
            .app_data::<web::Data<Site>>()
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("Site missing")))?
            .clone();
        let session = req.get_session();
        let uid: Option<i64> = session.get(USER_KEY).ok().flatten();
        let version: Option<i32> = session.get(VERSION_KEY).ok().flatten();
        let expired = uid.is_some() && session_expired(&session, &state.config);
        if expired {
            session.clear();
            session.renew();
        }
        let user = match (uid, version) {
            (Some(id), Some(v)) if !expired => {
                let (session_user, badges) = (state.session_user, state.badges.clone());
                let (user, actions) = crate::db::run(&state.pool, move |conn| {
                    let user = session_user(conn, id, v)?;
                    let mut actions = 0;
                    if let Some(u) = &user {
                        for badge in &badges {
                            actions += badge(conn, u)?;
                        }
                    }
                    Ok((user, actions))
                })
                .await?;
                req.extensions_mut().insert(ActionCount(actions));
                if user.is_none() {
                    // The password changed, the account went away or all sessions ended.
                    session.remove(USER_KEY);
                    session.remove(VERSION_KEY);
                }
                user
            }
            _ => None,
        };
        let mut ctx = Ctx::anonymous(req, &state);
        if expired {
            ctx.flash("info", ctx.t("flash-session-expired"));
        }
        if let Some(u) = &user {
            ctx.locale = u.locale();
            ctx.zone = u.zone();
        }
        ctx.user = user;
        ctx.actions = req
            .extensions()
            .get::<ActionCount>()
            .map(|a| a.0)
            .unwrap_or(0);
        req.extensions_mut().insert(ctx.clone());
        Ok(ctx)
    }

    /// A context without the database (error pages while it is down).
    pub fn anonymous(req: &HttpRequest, state: &Site) -> Ctx {
        let session = req.get_session();
        let locale = req
            .cookie(LANG_COOKIE)
            .and_then(|c| Locale::parse(c.value()))
            .or_else(|| {
                req.headers()
                    .get("accept-language")
                    .and_then(|v| v.to_str().ok())
                    .and_then(Locale::from_accept_language)
            })
            .unwrap_or_default();
        let zone = req
            .cookie(zone::TZ_COOKIE)
            .and_then(|c| zone::parse(c.value()))
            .or_else(|| {
                req.headers()
                    .get("accept-language")
                    .and_then(|v| v.to_str().ok())
                    .and_then(zone::from_accept_language)
            })
            .unwrap_or_else(|| zone::for_locale(locale));
        let csrf = match session.get::<String>(CSRF_KEY).ok().flatten() {
            Some(t) => t,
            None => {
                let t = new_token();
                let _ = session.insert(CSRF_KEY, &t);
                t
            }
        };
        let path = match req.uri().path_and_query() {
            Some(pq) => pq.as_str().to_string(),
            None => "/".into(),
        };
        Ctx {
            locale,
            zone,
            user: None,
            csrf,
            path,
            dev: state.config.dev_mailbox(),
            site_name: "Pasar".into(),
            actions: 0,
            session,
        }
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn t(&self, key: &str) -> String {
        self.locale.t(key)
    }

    /// A message with one argument (templates cannot build argument lists). Numbers are
    /// passed as numbers and text as text, by the value's type.
    pub fn t1(&self, key: &str, name: &str, value: impl ToArg) -> String {
        self.locale.t_args(key, &[(name, value.to_arg())])
    }

    /// A message with two arguments, each typed like `t1`'s.
    pub fn t2(&self, key: &str, n1: &str, v1: impl ToArg, n2: &str, v2: impl ToArg) -> String {
        self.locale
            .t_args(key, &[(n1, v1.to_arg()), (n2, v2.to_arg())])
    }

    /// A message with a count, for plural forms.
    pub fn tn(&self, key: &str, name: &str, count: impl std::borrow::Borrow<i64>) -> String {
        self.locale.t_args(key, &[(name, count.borrow().to_arg())])
    }

    pub fn number(&self, n: &i64) -> String {
        format::number(self.locale, *n)
    }

    pub fn money(&self, minor: &i64, currency: &str) -> String {
        format::money(self.locale, *minor, currency)
    }

    pub fn date(&self, at: &DateTime<Utc>) -> String {
        format::date(self.locale, self.zone, *at)
    }

    pub fn day(&self, d: chrono::NaiveDate) -> String {
        format::day(self.locale, d)
    }

    pub fn datetime(&self, at: &DateTime<Utc>) -> String {
        format::datetime(self.locale, self.zone, *at)
    }

    pub fn asset(&self, name: &str) -> String {
        crate::web::assets::url(name)
    }

    pub fn locales(&self) -> [Locale; 4] {
        Locale::ALL
    }

    /// `path` of the request, for a `next=` hidden field.
    pub fn current_path(&self) -> &str {
        &self.path
    }

    pub fn is_admin(&self) -> bool {
        self.user.as_ref().is_some_and(User::is_admin)
    }

    /// Takes the pending flash messages (they show once).
    pub fn flashes(&self) -> Vec<Flash> {
        let list: Vec<Flash> = self
            .session
            .get(FLASH_KEY)
            .ok()
            .flatten()
            .unwrap_or_default();
        if !list.is_empty() {
            self.session.remove(FLASH_KEY);
        }
        list
    }

    /// Queues a message for the next page (after a redirect).
    pub fn flash(&self, kind: &str, text: String) {
        let mut list: Vec<Flash> = self
            .session
            .get(FLASH_KEY)
            .ok()
            .flatten()
            .unwrap_or_default();
        list.push(Flash {
            kind: kind.into(),
            text,
        });
        let _ = self.session.insert(FLASH_KEY, list);
    }

    /// Starts a signed-in session: a new session id (against fixation) and a new CSRF
    /// token.
    pub fn sign_in(&self, user_id: i64, session_version: i32) {
        self.session.renew();
        self.session.remove(CSRF_KEY);
        let _ = self.session.insert(USER_KEY, user_id);
        let _ = self.session.insert(VERSION_KEY, session_version);
        let _ = self.session.insert(CSRF_KEY, new_token());
        let now = Utc::now().timestamp_millis();
        let _ = self.session.insert(SIGNED_IN_KEY, now);
        let _ = self.session.insert(SEEN_KEY, now);
    }

    /// Ends the signed-in session. The cookie is emptied and renewed rather than purged:
    /// a purged session drops everything written after it, such as the flash message
    /// that says why the user was signed out.
    pub fn sign_out(&self) {
        self.session.clear();
        self.session.renew();
    }
}

/// Whether a signed-in session outlived `PASAR_SESSION_LIFETIME` or sat unused longer
/// than `PASAR_SESSION_IDLE`; a live one has its last use brought up to date (at most
/// once a minute, so most pages do not rewrite the cookie).
fn session_expired(session: &Session, cfg: &crate::config::Config) -> bool {
    let now = Utc::now().timestamp_millis();
    let get = |key: &str| session.get::<i64>(key).ok().flatten();
    // Sessions from before these limits start their clock now.
    let signed_in = get(SIGNED_IN_KEY).unwrap_or_else(|| {
        let _ = session.insert(SIGNED_IN_KEY, now);
        now
    });
    let seen = get(SEEN_KEY).unwrap_or(now);
    let lifetime = cfg.session_lifetime.as_millis() as i64;
    let idle = cfg.session_idle.as_millis() as i64;
    if now - signed_in >= lifetime || now - seen >= idle {
        return true;
    }
    if seen == now || now - seen >= (idle / 10).clamp(1_000, 60_000) {
        let _ = session.insert(SEEN_KEY, now);
    }
    false
}

/// The CSRF token the session holds, if any.
pub fn session_csrf(session: &Session) -> Option<String> {
    session.get::<String>(CSRF_KEY).ok().flatten()
}
