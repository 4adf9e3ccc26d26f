//! Signed one-click unsubscribe links: `/unsubscribe/{token}` names the member, the kind
//! of email and a random nonce, with an HMAC so nobody can turn off someone else's
//! emails by editing a link. The nonce lets the page refuse a link used before.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::Kind;
use crate::config::Config;

/// What a valid link says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub user_id: i64,
    pub kind: Kind,
    pub nonce: String,
}

fn mac(secret: &[u8], user_id: i64, kind: Kind, nonce: &str) -> Option<Hmac<Sha256>> {
    let mut m = Hmac::<Sha256>::new_from_slice(secret).ok()?;
    m.update(format!("unsubscribe:{user_id}:{kind}:{nonce}").as_bytes());
    Some(m)
}

/// A fresh token for this member and kind (a new nonce each time).
pub fn token(secret: &[u8], user_id: i64, kind: Kind) -> String {
    let nonce = crate::web::token::new_token();
    let tag = mac(secret, user_id, kind, &nonce)
        .map(|m| hex::encode(m.finalize().into_bytes()))
        .unwrap_or_default();
    format!("{user_id}.{kind}.{nonce}.{tag}")
}

/// The absolute link for an email.
pub fn unsubscribe_url(cfg: &Config, user_id: i64, kind: Kind) -> String {
    format!(
        "{}/unsubscribe/{}",
        cfg.base_url.trim_end_matches('/'),
        token(&cfg.secret.0, user_id, kind)
    )
}

/// The link's contents when its signature holds; `None` for anything edited or made up.
pub fn verify(secret: &[u8], token: &str) -> Option<Link> {
    let mut parts = token.split('.');
    let (Some(user), Some(kind), Some(nonce), Some(tag), None) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return None;
    };
    let user_id: i64 = user.parse().ok()?;
    let kind = Kind::parse(kind)?;
    let tag = hex::decode(tag).ok()?;
    mac(secret, user_id, kind, nonce)?.verify_slice(&tag).ok()?;
    Some(Link {
        user_id,
        kind,
        nonce: nonce.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_verifies_and_an_edited_one_does_not() {
        let secret = b"test secret of some length";
        let t = token(secret, 42, Kind::PriceDrops);
        let link = verify(secret, &t).expect("own link verifies");
        assert_eq!((link.user_id, link.kind), (42, Kind::PriceDrops));
        // Another member, another kind, another secret, a cut token: all refused.
        assert_eq!(verify(secret, &t.replacen("42.", "43.", 1)), None);
        assert_eq!(verify(secret, &t.replace("price_drops", "messages")), None);
        assert_eq!(verify(b"another secret", &t), None);
        assert_eq!(verify(secret, &t[..t.len() - 2]), None);
        assert_eq!(verify(secret, "garbage"), None);
        // Two links for the same thing differ (their nonces), so each can be used once.
        assert_ne!(t, token(secret, 42, Kind::PriceDrops));
    }
}
