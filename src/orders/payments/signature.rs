//! Signed webhook payloads, in Stripe's scheme (which the sandbox uses too): the header
//! is `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` (several `v1` may appear
//! while a secret is rolled). Old timestamps are refused so a captured request cannot
//! be replayed later; replays within the window are caught by the event id.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// How far a signature's time may be from ours.
pub const TOLERANCE_SECS: i64 = 300;

fn mac(secret: &[u8], t: i64, body: &[u8]) -> Option<Hmac<Sha256>> {
    let mut m = Hmac::<Sha256>::new_from_slice(secret).ok()?;
    m.update(t.to_string().as_bytes());
    m.update(b".");
    m.update(body);
    Some(m)
}

/// The header value for `body` signed at `t`.
pub fn sign(secret: &[u8], t: i64, body: &[u8]) -> String {
    let sig = mac(secret, t, body)
        .map(|m| hex::encode(m.finalize().into_bytes()))
        .unwrap_or_default();
    format!("t={t},v1={sig}")
}

/// Whether `header` signs `body` with `secret`, at a time within the tolerance of `now`.
pub fn verify(secret: &[u8], header: &str, body: &[u8], now: i64) -> bool {
    let mut t = None;
    let mut sigs = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", v)) => t = v.parse::<i64>().ok(),
            Some(("v1", v)) => sigs.extend(hex::decode(v).ok()),
            _ => {}
        }
    }
    let Some(t) = t else { return false };
    if (now - t).abs() > TOLERANCE_SECS {
        return false;
    }
    sigs.iter().any(|sig| {
        // verify_slice compares in constant time.
        mac(secret, t, body).is_some_and(|m| m.verify_slice(sig).is_ok())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_bodies_verify_and_anything_else_does_not() {
        let body = br#"{"id":"evt_1"}"#;
        let h = sign(b"whsec_test", 1_000, body);
        assert!(verify(b"whsec_test", &h, body, 1_010));
        assert!(!verify(b"whsec_other", &h, body, 1_010), "other secret");
        assert!(
            !verify(b"whsec_test", &h, br#"{"id":"evt_2"}"#, 1_010),
            "other body"
        );
        assert!(
            !verify(b"whsec_test", &h, body, 1_000 + TOLERANCE_SECS + 1),
            "too old"
        );
        assert!(
            !verify(b"whsec_test", "t=1000", body, 1_000),
            "no signature"
        );
        assert!(!verify(b"whsec_test", "garbage", body, 1_000));
        // A second, valid v1 among stale ones passes (secret rolling).
        let good = h.split("v1=").nth(1).unwrap_or_default();
        let rolled = format!("t=1000,v1={},v1={good}", "00".repeat(32));
        assert!(verify(b"whsec_test", &rolled, body, 1_000));
    }
}
