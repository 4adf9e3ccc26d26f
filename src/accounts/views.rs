//! Page templates of the account pages and the form values they echo back.

use askama::Template;
use serde::Deserialize;

use crate::web::form::FormErrors;
use crate::web::Ctx;

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct SignupForm {
    pub display_name: String,
    pub email: String,
    pub password: String,
    /// The browser's zone, filled in by `tz.js`; empty without JavaScript.
    pub time_zone: String,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct LoginForm {
    pub email: String,
    pub password: String,
    pub next: String,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct EmailForm {
    pub email: String,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct NewPasswordForm {
    pub password: String,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ProfileForm {
    pub display_name: String,
    pub bio: String,
    pub city: String,
    pub country: String,
    pub locale: String,
    pub time_zone: String,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ChangeEmailForm {
    pub new_email: String,
    pub current_password: String,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ChangePasswordForm {
    pub current_password: String,
    pub new_password: String,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct DeleteForm {
    pub current_password: String,
}

#[derive(Template)]
#[template(path = "accounts/signup.html")]
pub struct SignupPage {
    pub ctx: Ctx,
    pub form: SignupForm,
    pub errors: FormErrors,
}

#[derive(Template)]
#[template(path = "accounts/login.html")]
pub struct LoginPage {
    pub ctx: Ctx,
    pub form: LoginForm,
    /// A message about the whole form (wrong email or password).
    pub failure: Option<String>,
    pub errors: FormErrors,
}

#[derive(Template)]
#[template(path = "accounts/forgot.html")]
pub struct ForgotPage {
    pub ctx: Ctx,
    pub form: EmailForm,
    pub errors: FormErrors,
    pub sent: bool,
}

#[derive(Template)]
#[template(path = "accounts/reset.html")]
pub struct ResetPage {
    pub ctx: Ctx,
    pub token: String,
    /// False when the link is unknown, used or expired.
    pub valid: bool,
    pub errors: FormErrors,
}

/// Which settings section a message belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Section {
    None,
    Profile,
    Email,
    Password,
    Delete,
    Avatar,
}

#[derive(Template)]
#[template(path = "accounts/settings.html")]
pub struct SettingsPage {
    pub ctx: Ctx,
    pub profile: ProfileForm,
    pub new_email: String,
    pub pending_email: Option<String>,
    pub email: String,
    pub verified: bool,
    /// The member's picture, if they set one.
    pub avatar: Option<String>,
    pub section: Section,
    pub errors: FormErrors,
}

impl SettingsPage {
    /// The zones a member may choose from.
    pub fn zones(&self) -> &'static [&'static str] {
        crate::i18n::zone::listed()
    }

    pub fn zone_is(&self, name: &str) -> bool {
        self.profile.time_zone == name
    }

    /// A zone outside the offered list: the member's own (an alias the browser gave) or a
    /// refused value sent back, shown first so the form keeps what it holds.
    pub fn unlisted_zone(&self) -> Option<&str> {
        let z = self.profile.time_zone.as_str();
        (!z.is_empty() && crate::i18n::zone::listed().binary_search(&z).is_err()).then_some(z)
    }

    /// The error of `field` if it belongs to the section that was submitted.
    pub fn err(&self, section: Section, field: &str) -> Option<&'static str> {
        if self.section == section {
            self.errors.get(field)
        } else {
            None
        }
    }
}
