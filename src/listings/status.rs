//! A listing's status, stored as its name in the text column `listings.status` (whose
//! CHECK constraint allows exactly these five), and the changes a seller may make.

use std::fmt;

use diesel::deserialize::{self, FromSql, FromSqlRow};
use diesel::expression::AsExpression;
use diesel::pg::{Pg, PgValue};
use diesel::serialize::{self, Output, ToSql};
use diesel::sql_types::Text;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub enum ListingStatus {
    /// Saved, never published; private to its seller.
    Draft,
    /// On sale.
    Active,
    /// Taken off sale for a while by the seller.
    Paused,
    /// Sold out (by orders or by hand).
    Sold,
    /// Gone for good; orders keep pointing at the row, so it stays, private.
    Removed,
    /// Held by moderation (a decision about it, or its seller's sanction): private, the
    /// seller sees it marked so; only moderation lifts it (`for_moderation`), back to
    /// the status it had (`listings.held_status`).
    Hidden,
}

use ListingStatus::*;

impl ListingStatus {
    pub const ALL: [ListingStatus; 6] = [Draft, Active, Paused, Sold, Removed, Hidden];
    /// The tabs of "my listings", in order (removed listings are not shown).
    pub const TABS: [ListingStatus; 5] = [Active, Draft, Paused, Sold, Hidden];

    /// The name stored in the column, used in URLs, forms and message keys.
    pub fn as_str(self) -> &'static str {
        match self {
            Draft => "draft",
            Active => "active",
            Paused => "paused",
            Sold => "sold",
            Removed => "removed",
            Hidden => "hidden",
        }
    }

    pub fn parse(name: &str) -> Option<ListingStatus> {
        match name {
            "draft" => Some(Draft),
            "active" => Some(Active),
            "paused" => Some(Paused),
            "sold" => Some(Sold),
            "removed" => Some(Removed),
            "hidden" => Some(Hidden),
            _ => None,
        }
    }

    /// Whether a seller may change a listing from this status to `to`: drafts are
    /// published or removed, live items pause, sell out or go; a sold item may be
    /// relisted; removed is final; a hidden listing is moderation's to lift.
    pub fn may_become(self, to: ListingStatus) -> bool {
        matches!(
            (self, to),
            (Draft, Active | Removed)
                | (Active, Paused | Sold | Removed)
                | (Paused, Active | Sold | Removed)
                | (Sold, Active | Removed)
        )
    }

    /// The status buttons a row of "my listings" offers.
    pub fn quick_actions(self) -> &'static [ListingStatus] {
        match self {
            Active => &[Paused, Sold, Removed],
            Paused => &[Active, Sold, Removed],
            Draft => &[Active, Removed],
            Sold => &[Active, Removed],
            Removed | Hidden => &[],
        }
    }

    /// Whether anyone may see the listing; drafts, removed and hidden listings are
    /// private to their seller (and admins).
    pub fn is_public(self) -> bool {
        !matches!(self, Draft | Removed | Hidden)
    }
}

impl fmt::Display for ListingStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ToSql<Text, Pg> for ListingStatus {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        <str as ToSql<Text, Pg>>::to_sql(self.as_str(), out)
    }
}

impl FromSql<Text, Pg> for ListingStatus {
    fn from_sql(value: PgValue<'_>) -> deserialize::Result<Self> {
        let name = std::str::from_utf8(value.as_bytes())?;
        ListingStatus::parse(name).ok_or_else(|| format!("unknown listing status {name:?}").into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transitions() {
        assert!(Draft.may_become(Active));
        assert!(Active.may_become(Paused));
        assert!(Paused.may_become(Active));
        assert!(Sold.may_become(Active));
        assert!(!Removed.may_become(Active));
        assert!(!Draft.may_become(Sold));
        assert!(!Active.may_become(Draft));
        assert!(!Active.may_become(Active));
        assert!(!Hidden.may_become(Active), "only moderation lifts a hold");
        assert!(
            !Active.may_become(Hidden),
            "sellers do not hide by moderation"
        );
        assert!(!Hidden.is_public());
    }

    #[test]
    fn names_round_trip() {
        for s in ListingStatus::ALL {
            assert_eq!(ListingStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(ListingStatus::parse("bogus"), None);
        assert_eq!(ListingStatus::parse("Active"), None);
    }

    #[test]
    fn every_quick_action_is_an_allowed_change() {
        for from in ListingStatus::ALL {
            for to in from.quick_actions() {
                assert!(from.may_become(*to), "{from} -> {to}");
            }
        }
    }
}
