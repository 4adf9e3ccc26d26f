//! The review form's fields and their check (the one text rule of `web::form`).

use crate::web::form::{limited_text, FormErrors};

use super::model::Side;

/// Longest review text, in characters.
pub const BODY_MAX: usize = 2_000;
/// Shortest text when one is required: a reason someone else can act on.
pub const BODY_MIN: usize = 20;
/// Longest reply, in characters.
pub const REPLY_MAX: usize = 1_000;

/// Stars up to which a text is required. Three stars too: a middling score without a
/// reason tells the next buyer nothing and gives the reviewed member nothing to answer.
pub const TEXT_REQUIRED_UP_TO: i16 = 3;

/// What the form sent, kept to show it again with its errors.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ReviewForm {
    pub stars: String,
    pub body: String,
    pub as_described: String,
    pub communication: String,
    pub handover: String,
}

/// The reply form.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ReplyForm {
    pub reply: String,
}

/// A checked review.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub stars: i16,
    pub body: String,
    /// Item as described, communication, shipping or handover: the buyer's only.
    pub aspects: Option<[i16; 3]>,
}

fn one_to_five(raw: &str, missing: &'static str) -> Result<i16, &'static str> {
    match raw.trim().parse::<i16>() {
        Ok(n) if (1..=5).contains(&n) => Ok(n),
        _ => Err(missing),
    }
}

impl ReviewForm {
    /// The form of an existing review, to edit it.
    pub fn of(d: &Draft) -> ReviewForm {
        let a = d.aspects.unwrap_or_default();
        let s = |n: i16| if n == 0 { String::new() } else { n.to_string() };
        ReviewForm {
            stars: d.stars.to_string(),
            body: d.body.clone(),
            as_described: s(a[0]),
            communication: s(a[1]),
            handover: s(a[2]),
        }
    }

    /// Checks the form of a review written from `side` (the buyer also rates the three
    /// aspects).
    pub fn check(&self, side: Side) -> Result<Draft, FormErrors> {
        let mut errors = FormErrors::default();
        let stars = errors.take("stars", one_to_five(&self.stars, "review-error-stars"));
        let body = errors.take("body", limited_text(&self.body, BODY_MAX, true));
        if let (Some(s), Some(b)) = (stars, &body) {
            if s <= TEXT_REQUIRED_UP_TO && b.chars().count() < BODY_MIN {
                errors.add("body", "review-error-body-required");
            }
        }
        let aspects = if side == Side::Buyer {
            let a = errors.take(
                "as_described",
                one_to_five(&self.as_described, "review-error-aspect"),
            );
            let c = errors.take(
                "communication",
                one_to_five(&self.communication, "review-error-aspect"),
            );
            let h = errors.take(
                "handover",
                one_to_five(&self.handover, "review-error-aspect"),
            );
            match (a, c, h) {
                (Some(a), Some(c), Some(h)) => Some([a, c, h]),
                _ => None,
            }
        } else {
            None
        };
        match (stars, body, errors.is_empty()) {
            (Some(stars), Some(body), true) => Ok(Draft {
                stars,
                body,
                aspects,
            }),
            _ => Err(errors),
        }
    }
}

/// Checks a reply: required, up to [`REPLY_MAX`].
pub fn check_reply(raw: &str) -> Result<String, &'static str> {
    let s = limited_text(raw, REPLY_MAX, true)?;
    if s.is_empty() {
        return Err("review-error-reply-required");
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(stars: &str, body: &str) -> ReviewForm {
        ReviewForm {
            stars: stars.into(),
            body: body.into(),
            as_described: "5".into(),
            communication: "4".into(),
            handover: "3".into(),
        }
    }

    #[test]
    fn text_is_required_up_to_three_stars_and_optional_above() {
        for s in ["1", "2", "3"] {
            let e = form(s, "short").check(Side::Seller).err();
            assert_eq!(
                e.and_then(|e| e.get("body")),
                Some("review-error-body-required")
            );
        }
        assert!(form("4", "").check(Side::Seller).is_ok());
        assert!(form("5", "").check(Side::Seller).is_ok());
        assert!(form("2", "The item arrived broken and late.")
            .check(Side::Seller)
            .is_ok());
    }

    #[test]
    fn stars_and_aspects_are_one_to_five_and_aspects_only_for_buyers() {
        assert!(form("0", "").check(Side::Seller).is_err());
        assert!(form("6", "").check(Side::Seller).is_err());
        assert!(form("x", "").check(Side::Seller).is_err());
        let mut f = form("5", "");
        f.handover = "9".into();
        assert_eq!(
            f.check(Side::Buyer).err().and_then(|e| e.get("handover")),
            Some("review-error-aspect")
        );
        let d = f.check(Side::Seller).ok();
        assert_eq!(d.map(|d| d.aspects), Some(None));
        let d = form("5", "").check(Side::Buyer).ok();
        assert_eq!(d.map(|d| d.aspects), Some(Some([5, 4, 3])));
    }

    #[test]
    fn too_long_or_control_characters_are_refused() {
        let long = "a".repeat(BODY_MAX + 1);
        assert_eq!(
            form("5", &long)
                .check(Side::Seller)
                .err()
                .and_then(|e| e.get("body")),
            Some("text-too-long")
        );
        assert!(form("5", "a\u{0}b").check(Side::Seller).is_err());
        assert_eq!(check_reply("  "), Err("review-error-reply-required"));
    }
}
