//! Account fields parsed into types that can only hold valid values. A parse failure is
//! the Fluent key of the message shown next to the field.

use crate::web::form::plain_text;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(raw: &str) -> Result<EmailAddress, &'static str> {
        let s = raw.trim();
        if s.is_empty() {
            return Err("field-required");
        }
        if plain_text(s, false).is_err() {
            return Err("email-invalid");
        }
        if s.chars().count() > 254 {
            return Err("email-too-long");
        }
        let valid = email_address::EmailAddress::parse_with_options(
            s,
            email_address::Options::default()
                .without_display_text()
                .without_domain_literal(),
        )
        .is_ok();
        // A deliverable address needs a dot in its domain (`a@localhost` is not one).
        let domain_ok = s
            .rsplit_once('@')
            .is_some_and(|(_, d)| d.contains('.') && !d.ends_with('.'));
        if !valid || !domain_ok {
            return Err("email-invalid");
        }
        Ok(EmailAddress(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Clone, Debug)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(raw: &str) -> Result<DisplayName, &'static str> {
        // Checked before whitespace is folded, which would hide a tab or line break.
        plain_text(raw, false).map_err(|_| "name-invalid")?;
        let s: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if s.is_empty() {
            return Err("field-required");
        }
        let n = s.chars().count();
        if n < 2 {
            return Err("name-too-short");
        }
        if n > 50 {
            return Err("name-too-long");
        }
        if s.chars().any(|c| c.is_control() || matches!(c, '<' | '>')) {
            return Err("name-invalid");
        }
        Ok(DisplayName(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password: long enough, within bcrypt's 72 bytes, and not guessable (zxcvbn,
/// which also penalises the user's own name and email).
pub struct NewPassword(String);

impl NewPassword {
    pub fn parse(raw: &str, user_inputs: &[&str]) -> Result<NewPassword, &'static str> {
        if raw.is_empty() {
            return Err("field-required");
        }
        plain_text(raw, false)?;
        if raw.chars().count() < 8 {
            return Err("password-too-short");
        }
        if raw.len() > 72 {
            return Err("password-too-long");
        }
        if (zxcvbn::zxcvbn(raw, user_inputs).score() as u8) < 3 {
            return Err("password-too-weak");
        }
        Ok(NewPassword(raw.to_string()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::form::limited_text;

    #[test]
    fn emails() {
        assert!(EmailAddress::parse(" Ana@Example.com ").is_ok());
        assert_eq!(EmailAddress::parse("").err(), Some("field-required"));
        assert_eq!(EmailAddress::parse("ana").err(), Some("email-invalid"));
        assert_eq!(
            EmailAddress::parse("ana@localhost").err(),
            Some("email-invalid")
        );
        assert_eq!(
            EmailAddress::parse("Ana <ana@x.com>").err(),
            Some("email-invalid")
        );
        let long = format!("{}@example.com", "a".repeat(250));
        assert_eq!(EmailAddress::parse(&long).err(), Some("email-too-long"));
    }

    #[test]
    fn names() {
        assert_eq!(
            DisplayName::parse("  Ana   Maria ").map(|n| n.0).ok(),
            Some("Ana Maria".into())
        );
        assert_eq!(DisplayName::parse("A").err(), Some("name-too-short"));
        assert_eq!(
            DisplayName::parse(&"x".repeat(51)).err(),
            Some("name-too-long")
        );
        assert_eq!(DisplayName::parse("<script>").err(), Some("name-invalid"));
    }

    #[test]
    fn control_characters_are_refused_everywhere_but_breaks_in_multiline_text() {
        for bad in ["a\0b", "a\u{7}b", "a\u{1b}[31m", "a\u{7f}", "a\u{85}b"] {
            assert_eq!(limited_text(bad, 100, true).err(), Some("text-invalid"));
            assert_eq!(limited_text(bad, 100, false).err(), Some("text-invalid"));
            assert_eq!(
                EmailAddress::parse(&format!("{bad}@example.com")).err(),
                Some("email-invalid")
            );
            assert_eq!(DisplayName::parse(bad).err(), Some("name-invalid"));
            let pw = format!("{bad} long enough words");
            assert_eq!(NewPassword::parse(&pw, &[]).err(), Some("text-invalid"));
        }
        assert_eq!(
            limited_text("one\r\ntwo\tthree", 100, true).ok(),
            Some("one\ntwo\tthree".into())
        );
        assert_eq!(limited_text("a\tb", 100, false).err(), Some("text-invalid"));
        assert_eq!(limited_text("a\nb", 100, false).err(), Some("text-invalid"));
        assert_eq!(DisplayName::parse("Ana\tMaria").err(), Some("name-invalid"));
    }

    #[test]
    fn passwords() {
        assert_eq!(
            NewPassword::parse("short", &[]).err(),
            Some("password-too-short")
        );
        assert_eq!(
            NewPassword::parse("password123", &[]).err(),
            Some("password-too-weak")
        );
        assert_eq!(
            NewPassword::parse(&"Ab1!".repeat(20), &[]).err(),
            Some("password-too-long")
        );
        assert!(NewPassword::parse("correct horse battery staple", &[]).is_ok());
        assert_eq!(
            NewPassword::parse("anamaria2024", &["anamaria2024@example.com"]).err(),
            Some("password-too-weak")
        );
    }
}
