//! The shape every email shares: a subject, a greeting, paragraphs, an optional button
//! and an optional table of details, all already translated. One text and one HTML
//! layout render them, so every email has both parts, the site's name and a link back.

use askama::Template;

use crate::i18n::Locale;

#[derive(Clone, Debug)]
pub struct Action {
    pub label: String,
    pub url: String,
}

#[derive(Clone, Debug)]
pub struct Email {
    pub to: String,
    pub user_id: Option<i64>,
    /// What the email is about (`verify_email`, `reset_password`, ...), for logs and tests.
    pub kind: &'static str,
    pub locale: Locale,
    pub subject: String,
    pub greeting: String,
    pub paragraphs: Vec<String>,
    pub action: Option<Action>,
    pub details: Vec<(String, String)>,
    /// The one-click unsubscribe link of an optional email (shown in the footer and sent
    /// as `List-Unsubscribe`); `None` for mail about orders, money and the account.
    pub unsubscribe: Option<String>,
}

impl Email {
    /// Starts an email to a person, greeting them by name in their language.
    pub fn new(
        kind: &'static str,
        locale: Locale,
        to: &str,
        name: &str,
        subject_key: &str,
    ) -> Email {
        Email::titled(kind, locale, to, name, locale.t(subject_key))
    }

    /// Starts an email whose subject is already translated (one with arguments).
    pub fn titled(
        kind: &'static str,
        locale: Locale,
        to: &str,
        name: &str,
        subject: String,
    ) -> Email {
        Email {
            to: to.to_string(),
            user_id: None,
            kind,
            locale,
            subject,
            greeting: locale.t_args("email-greeting", &[("name", name.into())]),
            paragraphs: Vec::new(),
            action: None,
            details: Vec::new(),
            unsubscribe: None,
        }
    }

    pub fn user(mut self, id: i64) -> Email {
        self.user_id = Some(id);
        self
    }

    pub fn para(mut self, text: String) -> Email {
        self.paragraphs.push(text);
        self
    }

    pub fn action(mut self, label_key: &str, url: String) -> Email {
        self.action = Some(Action {
            label: self.locale.t(label_key),
            url,
        });
        self
    }

    pub fn detail(mut self, label: String, value: String) -> Email {
        self.details.push((label, value));
        self
    }

    /// Marks the email optional: its footer and headers carry this unsubscribe link.
    pub fn unsubscribe(mut self, url: String) -> Email {
        self.unsubscribe = Some(url);
        self
    }

    /// Renders the plain-text and HTML parts.
    pub fn render(&self, base_url: &str) -> Result<(String, String), askama::Error> {
        let footer = self
            .locale
            .t_args("email-footer", &[("site", "Pasar".into())]);
        let unsubscribe = self
            .unsubscribe
            .as_ref()
            .map(|_| self.locale.t("email-unsubscribe"));
        let text = TextLayout {
            m: self,
            base_url,
            footer: &footer,
            unsubscribe: unsubscribe.as_deref(),
        }
        .render()?;
        let html = HtmlLayout {
            m: self,
            base_url,
            footer: &footer,
            unsubscribe: unsubscribe.as_deref(),
        }
        .render()?;
        Ok((text, html))
    }
}

#[derive(Template)]
#[template(path = "emails/layout.txt")]
struct TextLayout<'a> {
    m: &'a Email,
    base_url: &'a str,
    footer: &'a str,
    /// The footer's "stop these emails" line, when the email is optional.
    unsubscribe: Option<&'a str>,
}

#[derive(Template)]
#[template(path = "emails/layout.html")]
struct HtmlLayout<'a> {
    m: &'a Email,
    base_url: &'a str,
    footer: &'a str,
    /// The footer's "stop these emails" line, when the email is optional.
    unsubscribe: Option<&'a str>,
}
