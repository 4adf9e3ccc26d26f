//! What an order costs: the buyer's protection fee and the seller's fee, in minor units,
//! one rounding rule (half up) for the quote at checkout, what is held and what is
//! released, so the three never differ.

use crate::config::Config;

/// The money of an order, in minor units of its currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Breakdown {
    pub item: i64,
    pub shipping: i64,
    pub protection_fee: i64,
    pub total: i64,
    /// The seller's fee if nothing is refunded (taken when the money is released).
    pub seller_fee: i64,
}

/// `bps` basis points of `amount`, rounded half up.
fn share(amount: i64, bps: i64) -> i64 {
    (amount * bps + 5_000) / 10_000
}

/// The seller's fee on what the seller receives (item and shipping, less refunds): the
/// one rule for the quote, what is held and what is released, so they never differ.
pub fn seller_fee(proceeds_minor: i64, bps: i64) -> i64 {
    share(proceeds_minor.max(0), bps)
}

pub fn breakdown(cfg: &Config, unit_minor: i64, quantity: i32, shipping: Option<i64>) -> Breakdown {
    let item = unit_minor * i64::from(quantity);
    let shipping = shipping.unwrap_or(0);
    let protection_fee = share(item, cfg.orders.protection_fee_bps);
    Breakdown {
        item,
        shipping,
        protection_fee,
        total: item + shipping + protection_fee,
        seller_fee: seller_fee(item + shipping, cfg.orders.seller_fee_bps),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seller_fee_rounds_half_up_in_every_currency() {
        // EUR: 3 % of 25,50 € is 76,5 cents.
        assert_eq!(seller_fee(2_550, 300), 77);
        assert_eq!(seller_fee(2_549, 300), 76);
        assert_eq!(seller_fee(2_500, 300), 75);
        // IDR has no minor unit: 3 % of Rp 150.050 is Rp 4.501,5.
        assert_eq!(seller_fee(150_050, 300), 4_502);
        assert_eq!(seller_fee(150_000, 300), 4_500);
        assert_eq!(seller_fee(0, 300), 0);
        assert_eq!(seller_fee(-5, 300), 0);
    }
}
