//! The account emails, composed in the recipient's language.

use crate::i18n::{Arg, Locale};
use crate::mail::Email;

pub fn verification(locale: Locale, to: &str, name: &str, link: String, hours: u64) -> Email {
    Email::new("verify_email", locale, to, name, "email-verify-subject")
        .para(locale.t("email-verify-body"))
        .action("email-verify-action", link)
        .para(locale.t_args(
            "email-link-expires-hours",
            &[("hours", Arg::Num(hours as i64))],
        ))
        .para(locale.t("email-not-you"))
}

pub fn reset(locale: Locale, to: &str, name: &str, link: String, minutes: u64) -> Email {
    Email::new("reset_password", locale, to, name, "email-reset-subject")
        .para(locale.t("email-reset-body"))
        .action("email-reset-action", link)
        .para(locale.t_args(
            "email-link-expires-minutes",
            &[("minutes", Arg::Num(minutes as i64))],
        ))
        .para(locale.t("email-not-you"))
}

pub fn password_changed(locale: Locale, to: &str, name: &str, login_link: String) -> Email {
    Email::new(
        "password_changed",
        locale,
        to,
        name,
        "email-password-changed-subject",
    )
    .para(locale.t("email-password-changed-body"))
    .action("email-password-changed-action", login_link)
}

pub fn deletion_scheduled(
    locale: Locale,
    to: &str,
    name: &str,
    date: String,
    login_link: String,
) -> Email {
    Email::new(
        "deletion_scheduled",
        locale,
        to,
        name,
        "email-deletion-subject",
    )
    .para(locale.t_args("email-deletion-body", &[("date", Arg::Str(date))]))
    .action("email-deletion-action", login_link)
}
