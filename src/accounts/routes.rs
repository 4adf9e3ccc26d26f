//! Account pages: parse the form, check the limits, run one rule, render or redirect.

use actix_web::cookie::{time::Duration as CookieDuration, Cookie, SameSite};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

use super::deletion;
use super::fields::{DisplayName, EmailAddress, NewPassword};
use super::model::{self, ProfileChanges};
use super::rules::{self, Verified};
use super::views::*;
use crate::db;
use crate::i18n::{format, zone, Locale};
use crate::web::auth::require_user;
use crate::web::auth::User;
use crate::web::ctx::LANG_COOKIE;
use crate::web::form::{limited_text, plain_text, FormErrors};
use crate::web::rate_limit::{self as limits};
use crate::web::{client, redirect, render, render_status, AppError, Ctx};
use crate::AppState;

pub(super) type Page = Result<HttpResponse, AppError>;

const BCRYPT_COST: u32 = 12;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/signup").get(signup_page).post(signup))
        .service(web::resource("/login").get(login_page).post(login))
        .service(web::resource("/logout").post(logout))
        .service(web::resource("/verify/resend").post(resend_verification))
        .service(web::resource("/verify/{token}").get(verify))
        .service(
            web::resource("/password/forgot")
                .get(forgot_page)
                .post(forgot),
        )
        .service(
            web::resource("/password/reset/{token}")
                .get(reset_page)
                .post(reset),
        )
        .service(web::resource("/me/settings").get(settings_page))
        .service(web::resource("/me/settings/profile").post(update_profile))
        .service(web::resource("/me/settings/email").post(change_email))
        .service(web::resource("/me/settings/password").post(change_password))
        .service(web::resource("/me/settings/delete").post(delete_account))
        .service(web::resource("/me/settings/sessions/end").post(end_all_sessions))
        .service(web::resource("/lang").post(switch_language));
}

/// Hashes on the CPU pool: bcrypt must never take the threads database calls need.
async fn hash_password(state: &AppState, password: String) -> Result<String, AppError> {
    state
        .cpu
        .run(move || bcrypt::hash(password, BCRYPT_COST))
        .await?
        .map_err(|e| AppError::Internal(e.into()))
}

/// Checks a password on the CPU pool; without a hash (no such account) it checks
/// against a dummy one, so the answer takes as long either way.
async fn check_password(
    state: &AppState,
    password: String,
    hash: Option<String>,
) -> Result<bool, AppError> {
    state
        .cpu
        .run(move || {
            let real = hash.is_some();
            let hash = hash.unwrap_or_else(|| DUMMY_HASH.clone());
            bcrypt::verify(password, &hash).unwrap_or(false) && real
        })
        .await
}

// ---- sign-up and verification -------------------------------------------------------

async fn signup_page(ctx: Ctx) -> Page {
    if ctx.user.is_some() {
        return Ok(redirect("/"));
    }
    render(&SignupPage {
        ctx,
        form: SignupForm::default(),
        errors: FormErrors::default(),
    })
}

async fn signup(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<SignupForm>,
) -> Page {
    let form = form.into_inner();
    let mut errors = FormErrors::default();
    let name = errors.take("display_name", DisplayName::parse(&form.display_name));
    let email = errors.take("email", EmailAddress::parse(&form.email));
    let password = errors.take(
        "password",
        NewPassword::parse(&form.password, &[&form.email, &form.display_name]),
    );
    let (Some(name), Some(email), Some(password)) = (name, email, password) else {
        let form = SignupForm {
            password: String::new(),
            ..form
        };
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &SignupPage { ctx, form, errors },
        );
    };
    let ip = client::ip(&req, state.config.trusted_proxies);
    let address = email.as_str().to_string();
    db::run(&state.pool, move |conn| {
        limits::hit(conn, &limits::SIGNUP_PER_IP, &ip)?;
        limits::hit(conn, &limits::SIGNUP_PER_ACCOUNT, &address)
    })
    .await?;
    let hash = hash_password(&state, password.expose().to_string()).await?;
    let cfg = state.config.clone();
    let locale = ctx.locale;
    // The browser's zone when its script ran, else the visitor's zone so far.
    let zone = zone::parse(&form.time_zone).unwrap_or(ctx.zone);
    let email2 = email.clone();
    let result = db::run(&state.pool, move |conn| {
        match rules::register(conn, &email2, &name, &hash, locale, zone, &cfg) {
            Ok(user) => Ok(Ok(user)),
            Err(super::Error::EmailTaken) => Ok(Err(())),
            Err(e) => Err(e.into()),
        }
    })
    .await?;
    match result {
        Ok(user) => {
            ctx.sign_in(user.id, user.session_version);
            ctx.flash(
                "success",
                ctx.t1("flash-signed-up", "email", email.as_str()),
            );
            Ok(redirect("/"))
        }
        Err(()) => {
            errors.add("email", "email-taken");
            let form = SignupForm {
                password: String::new(),
                ..form
            };
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &SignupPage { ctx, form, errors },
            )
        }
    }
}

async fn verify(ctx: Ctx, state: web::Data<AppState>, token: web::Path<String>) -> Page {
    let token = token.into_inner();
    let outcome = db::run(&state.pool, move |conn| Ok(rules::verify(conn, &token)?)).await?;
    let signed_in = ctx.user.is_some();
    match outcome {
        Verified::Done(_) => ctx.flash("success", ctx.t("flash-verified")),
        Verified::EmailTaken => ctx.flash("error", ctx.t("email-taken")),
        Verified::Invalid => ctx.flash("error", ctx.t("flash-link-invalid")),
    }
    Ok(redirect(if signed_in { "/" } else { "/login" }))
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct NextForm {
    next: String,
}

async fn resend_verification(
    ctx: Ctx,
    state: web::Data<AppState>,
    form: web::Form<NextForm>,
) -> Page {
    let user = require_user(&ctx)?;
    let id = user.id;
    let cfg = state.config.clone();
    db::run(&state.pool, move |conn| {
        limits::hit(conn, &limits::RESEND_PER_ACCOUNT, &id.to_string())?;
        // The limit's hit commits on its own, before the rule's transaction.
        Ok(rules::resend_verification(conn, id, &cfg)?)
    })
    .await?;
    ctx.flash("success", ctx.t("flash-verification-sent"));
    Ok(redirect(&redirect::local_target(
        &state.config.base_url,
        Some(&form.next),
    )))
}

// ---- login and logout --------------------------------------------------------------

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct NextQuery {
    next: String,
}

async fn login_page(ctx: Ctx, state: web::Data<AppState>, q: web::Query<NextQuery>) -> Page {
    if ctx.user.is_some() {
        return Ok(redirect(&redirect::local_target(
            &state.config.base_url,
            Some(&q.next),
        )));
    }
    let form = LoginForm {
        next: q.next.clone(),
        ..Default::default()
    };
    render(&LoginPage {
        ctx,
        form,
        failure: None,
        errors: FormErrors::default(),
    })
}

async fn login(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<LoginForm>,
) -> Page {
    let form = form.into_inner();
    let mut errors = FormErrors::default();
    if form.email.trim().is_empty() {
        errors.add("email", "field-required");
    } else if let Err(key) = plain_text(&form.email, false) {
        errors.add("email", key);
    }
    if form.password.is_empty() {
        errors.add("password", "field-required");
    }
    if !errors.is_empty() {
        let form = LoginForm {
            password: String::new(),
            ..form
        };
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &LoginPage {
                ctx,
                form,
                failure: None,
                errors,
            },
        );
    }
    let ip = client::ip(&req, state.config.trusted_proxies);
    let email = form.email.trim().to_string();
    let email2 = email.clone();
    let here = limits::account_at(&email, &ip);
    let here2 = here.clone();
    let (found, failures) = db::run(&state.pool, move |conn| {
        limits::hit(conn, &limits::LOGIN_PER_IP, &ip)?;
        limits::check(conn, &limits::LOGIN_FAILURES_PER_ACCOUNT_IP, &here2)?;
        let failures = limits::hits(conn, &limits::LOGIN_FAILURES_PER_ACCOUNT, &email2)?;
        Ok((model::find_by_email_with_hash(conn, &email2)?, failures))
    })
    .await?;
    // An account guessed at from many addresses is slowed down, not locked: its owner
    // still gets in, a little later. The wait holds no thread.
    tokio::time::sleep(limits::login_delay(failures)).await;
    // Without an account, a bcrypt check still runs so timing does not tell.
    let hash = found.as_ref().map(|(_, h)| h.clone());
    let ok = check_password(&state, form.password.clone(), hash).await?;
    let email2 = email.clone();
    let here2 = here.clone();
    let Some((user, _)) = found.filter(|_| ok) else {
        db::run(&state.pool, move |conn| {
            limits::hit(conn, &limits::LOGIN_FAILURES_PER_ACCOUNT_IP, &here2)?;
            // Only counted: past its limit it slows attempts down instead.
            match limits::hit(conn, &limits::LOGIN_FAILURES_PER_ACCOUNT, &email2) {
                Ok(()) | Err(AppError::TooMany(_)) => Ok(()),
                Err(e) => Err(e),
            }
        })
        .await?;
        let failure = Some(ctx.t("login-failed"));
        let form = LoginForm {
            password: String::new(),
            ..form
        };
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &LoginPage {
                ctx,
                form,
                failure,
                errors,
            },
        );
    };
    let uid = user.id;
    let kept = db::run(&state.pool, move |conn| {
        limits::clear(conn, &limits::LOGIN_FAILURES_PER_ACCOUNT_IP, &here)?;
        Ok(deletion::cancel(conn, uid)?)
    })
    .await?;
    ctx.sign_in(user.id, user.session_version);
    if kept {
        ctx.flash("success", ctx.t("flash-deletion-cancelled"));
    }
    Ok(redirect(&redirect::local_target(
        &state.config.base_url,
        Some(&form.next),
    )))
}

/// A bcrypt hash of a random string, checked against when no account matches.
static DUMMY_HASH: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    bcrypt::hash(crate::web::token::new_token(), BCRYPT_COST).unwrap_or_default()
});

async fn logout(ctx: Ctx) -> Page {
    ctx.sign_out();
    Ok(redirect("/"))
}

// ---- forgotten password ------------------------------------------------------------

async fn forgot_page(ctx: Ctx) -> Page {
    render(&ForgotPage {
        ctx,
        form: EmailForm::default(),
        errors: FormErrors::default(),
        sent: false,
    })
}

async fn forgot(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<EmailForm>,
) -> Page {
    let form = form.into_inner();
    let mut errors = FormErrors::default();
    let Some(email) = errors.take("email", EmailAddress::parse(&form.email)) else {
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ForgotPage {
                ctx,
                form,
                errors,
                sent: false,
            },
        );
    };
    let ip = client::ip(&req, state.config.trusted_proxies);
    let cfg = state.config.clone();
    db::run(&state.pool, move |conn| {
        limits::hit(conn, &limits::RESET_PER_IP, &ip)?;
        limits::hit(conn, &limits::RESET_PER_ACCOUNT, email.as_str())?;
        Ok(rules::request_reset(conn, &email, &cfg)?)
    })
    .await?;
    render(&ForgotPage {
        ctx,
        form,
        errors,
        sent: true,
    })
}

async fn reset_page(ctx: Ctx, state: web::Data<AppState>, token: web::Path<String>) -> Page {
    let token = token.into_inner();
    let t = token.clone();
    let valid = db::run(&state.pool, move |conn| {
        Ok(super::tokens::is_live(
            conn,
            &t,
            super::tokens::RESET_PASSWORD,
        )?)
    })
    .await?;
    let status = if valid {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    render_status(
        status,
        &ResetPage {
            ctx,
            token,
            valid,
            errors: FormErrors::default(),
        },
    )
}

async fn reset(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    form: web::Form<NewPasswordForm>,
) -> Page {
    let token = token.into_inner();
    let mut errors = FormErrors::default();
    // The token first: without a live one there is nothing to check or hash.
    let ip = client::ip(&req, state.config.trusted_proxies);
    let t = token.clone();
    let owner = db::run(&state.pool, move |conn| {
        limits::hit(conn, &limits::RESET_SUBMIT_PER_IP, &ip)?;
        let owner = super::tokens::live_owner(conn, &t, super::tokens::RESET_PASSWORD)?;
        if let Some(id) = owner {
            limits::hit(conn, &limits::RESET_SUBMIT_PER_ACCOUNT, &id.to_string())?;
        }
        Ok(owner)
    })
    .await?;
    if owner.is_none() {
        return render_status(
            StatusCode::BAD_REQUEST,
            &ResetPage {
                ctx,
                token,
                valid: false,
                errors,
            },
        );
    }
    let Some(password) = errors.take("password", NewPassword::parse(&form.password, &[])) else {
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ResetPage {
                ctx,
                token,
                valid: true,
                errors,
            },
        );
    };
    let hash = hash_password(&state, password.expose().to_string()).await?;
    let cfg = state.config.clone();
    let t = token.clone();
    let done = db::run(&state.pool, move |conn| {
        Ok(rules::reset_password(conn, &t, &hash, &cfg)?)
    })
    .await?;
    if done.is_none() {
        return render_status(
            StatusCode::BAD_REQUEST,
            &ResetPage {
                ctx,
                token,
                valid: false,
                errors,
            },
        );
    }
    ctx.sign_out();
    ctx.flash("success", ctx.t("flash-password-reset"));
    Ok(redirect("/login"))
}

// ---- settings ----------------------------------------------------------------------

pub(super) fn settings_for(
    ctx: Ctx,
    user: &User,
    section: Section,
    errors: FormErrors,
) -> SettingsPage {
    SettingsPage {
        profile: ProfileForm {
            display_name: user.display_name.clone(),
            bio: user.bio.clone(),
            city: user.city.clone(),
            country: user.country.clone(),
            locale: user.locale.clone(),
            time_zone: user.zone().name().to_string(),
        },
        new_email: String::new(),
        pending_email: user.pending_email.clone(),
        email: user.email.clone(),
        verified: user.is_verified(),
        avatar: user
            .avatar_key
            .as_deref()
            .map(crate::listings::photos::avatar_url),
        section,
        errors,
        ctx,
    }
}

async fn settings_page(ctx: Ctx) -> Page {
    let user = require_user(&ctx)?.clone();
    render(&settings_for(
        ctx,
        &user,
        Section::None,
        FormErrors::default(),
    ))
}

async fn update_profile(
    ctx: Ctx,
    state: web::Data<AppState>,
    form: web::Form<ProfileForm>,
) -> Page {
    let user = require_user(&ctx)?.clone();
    let form = form.into_inner();
    let mut errors = FormErrors::default();
    let name = errors.take("display_name", DisplayName::parse(&form.display_name));
    let bio = errors.take("bio", limited_text(&form.bio, 500, true));
    let city = errors.take("city", limited_text(&form.city, 80, false));
    let country = errors.take("country", limited_text(&form.country, 56, false));
    let locale = errors.take("locale", Locale::parse(&form.locale).ok_or("field-invalid"));
    // A form without the field (an old page) keeps the zone.
    let time_zone = match form.time_zone.trim() {
        "" => Some(user.zone()),
        name => errors.take("time_zone", zone::parse(name).ok_or("tz-invalid")),
    };
    let (Some(name), Some(bio), Some(city), Some(country), Some(locale), Some(time_zone)) =
        (name, bio, city, country, locale, time_zone)
    else {
        let mut page = settings_for(ctx, &user, Section::Profile, errors);
        page.profile = form;
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let id = user.id;
    db::run(&state.pool, move |conn| {
        let changes = ProfileChanges {
            display_name: name.as_str(),
            bio: &bio,
            city: &city,
            country: &country,
            locale: locale.code(),
            time_zone: time_zone.name(),
        };
        Ok(rules::update_profile(conn, id, &changes)?)
    })
    .await?;
    ctx.flash("success", locale.t("flash-profile-saved"));
    Ok(redirect("/me/settings"))
}

/// Loads the password hash and checks `password` against it, counted per account and
/// address: a session cookie must not be an unlimited password oracle.
async fn confirm_password(
    state: &AppState,
    req: &HttpRequest,
    user_id: i64,
    password: &str,
) -> Result<bool, AppError> {
    if password.is_empty() {
        return Ok(false);
    }
    let ip = client::ip(req, state.config.trusted_proxies);
    let hash = db::run(&state.pool, move |conn| {
        limits::hit(conn, &limits::CONFIRM_PER_IP, &ip)?;
        limits::hit(conn, &limits::CONFIRM_PER_ACCOUNT, &user_id.to_string())?;
        Ok(model::password_hash(conn, user_id)?)
    })
    .await?;
    check_password(state, password.to_string(), Some(hash)).await
}

async fn change_email(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<ChangeEmailForm>,
) -> Page {
    let user = require_user(&ctx)?.clone();
    let form = form.into_inner();
    let mut errors = FormErrors::default();
    let email = errors.take("new_email", EmailAddress::parse(&form.new_email));
    if !confirm_password(&state, &req, user.id, &form.current_password).await? {
        errors.add("current_password", "password-wrong");
    }
    let respond = |ctx: Ctx, errors: FormErrors| {
        let mut page = settings_for(ctx, &user, Section::Email, errors);
        page.new_email = form.new_email.clone();
        render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
    };
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        return respond(ctx, errors);
    };
    let cfg = state.config.clone();
    let id = user.id;
    let e2 = email.clone();
    let taken = db::run(&state.pool, move |conn| {
        match rules::request_email_change(conn, id, &e2, &cfg) {
            Ok(()) => Ok(false),
            Err(super::Error::EmailTaken) => Ok(true),
            Err(e) => Err(e.into()),
        }
    })
    .await?;
    if taken {
        errors.add("new_email", "email-taken");
        return respond(ctx, errors);
    }
    ctx.flash(
        "success",
        ctx.t1("flash-email-change-sent", "email", email.as_str()),
    );
    Ok(redirect("/me/settings"))
}

async fn change_password(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<ChangePasswordForm>,
) -> Page {
    let user = require_user(&ctx)?.clone();
    let form = form.into_inner();
    let mut errors = FormErrors::default();
    let password = errors.take(
        "new_password",
        NewPassword::parse(&form.new_password, &[&user.email, &user.display_name]),
    );
    if !confirm_password(&state, &req, user.id, &form.current_password).await? {
        errors.add("current_password", "password-wrong");
    }
    let Some(password) = password.filter(|_| errors.is_empty()) else {
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &settings_for(ctx, &user, Section::Password, errors),
        );
    };
    let hash = hash_password(&state, password.expose().to_string()).await?;
    let cfg = state.config.clone();
    let id = user.id;
    let version = db::run(&state.pool, move |conn| {
        Ok(rules::change_password(conn, id, &hash, &cfg)?)
    })
    .await?;
    // This browser stays signed in; every other session ends.
    ctx.sign_in(id, version);
    ctx.flash("success", ctx.t("flash-password-changed"));
    Ok(redirect("/me/settings"))
}

async fn delete_account(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<DeleteForm>,
) -> Page {
    let user = require_user(&ctx)?.clone();
    if !confirm_password(&state, &req, user.id, &form.current_password).await? {
        let mut errors = FormErrors::default();
        errors.add("delete_password", "password-wrong");
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &settings_for(ctx, &user, Section::Delete, errors),
        );
    }
    let uid = user.id;
    let open = db::run(&state.pool, move |conn| {
        Ok(crate::orders::open_count(conn, uid)?)
    })
    .await?;
    if open > 0 {
        let mut errors = FormErrors::default();
        errors.add("delete_password", "delete-open-orders");
        return render_status(
            StatusCode::CONFLICT,
            &settings_for(ctx, &user, Section::Delete, errors),
        );
    }
    let cfg = state.config.clone();
    let due = db::run(&state.pool, move |conn| {
        Ok(deletion::request(conn, &user, &cfg)?)
    })
    .await?;
    ctx.sign_out();
    ctx.flash(
        "info",
        ctx.t1(
            "flash-deletion-scheduled",
            "date",
            format::date(ctx.locale, ctx.zone, due),
        ),
    );
    Ok(redirect("/"))
}

/// "Log out of every device": every session of the account ends, this one too.
async fn end_all_sessions(ctx: Ctx, state: web::Data<AppState>) -> Page {
    let id = require_user(&ctx)?.id;
    db::run(&state.pool, move |conn| {
        Ok(rules::end_all_sessions(conn, id)?)
    })
    .await?;
    ctx.sign_out();
    ctx.flash("success", ctx.t("flash-signed-out-everywhere"));
    Ok(redirect("/login"))
}

// ---- language switcher -------------------------------------------------------------

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct LangForm {
    lang: String,
    next: String,
}

async fn switch_language(ctx: Ctx, state: web::Data<AppState>, form: web::Form<LangForm>) -> Page {
    let Some(locale) = Locale::parse(&form.lang) else {
        return Err(AppError::BadRequest);
    };
    if let Some(user) = &ctx.user {
        let id = user.id;
        db::run(&state.pool, move |conn| {
            Ok(rules::set_locale(conn, id, locale)?)
        })
        .await?;
    }
    let mut resp = redirect(&redirect::local_target(
        &state.config.base_url,
        Some(&form.next),
    ));
    let cookie = Cookie::build(LANG_COOKIE, locale.code())
        .path("/")
        .max_age(CookieDuration::days(365))
        .same_site(SameSite::Lax)
        .http_only(true)
        .secure(state.config.is_production())
        .finish();
    resp.add_cookie(&cookie)
        .map_err(|e| AppError::Internal(e.into()))?;
    Ok(resp)
}
