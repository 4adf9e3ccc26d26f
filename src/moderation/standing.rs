//! A member's standing: what the sanctions in force now allow. Listings ask it before a
//! new sale (create, publish), orders before a purchase ("Buy now"), and the start-up
//! gate before any page; what a sanction does not stop (open orders, reading one's
//! decisions, appealing) never asks.

use diesel::prelude::*;

use super::model::Action;
use crate::db::schema::moderation_decisions as d;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Standing {
    /// Suspended or banned: signed in only to read why and appeal.
    pub locked: bool,
    /// Selling restricted (or locked): no new listings, none published.
    pub no_selling: bool,
}

impl Standing {
    pub fn may_sell(self) -> bool {
        !self.no_selling && !self.locked
    }

    pub fn may_buy(self) -> bool {
        !self.locked
    }
}

/// One indexed query: the account sanctions of the member in force now.
pub fn standing(conn: &mut PgConnection, user_id: i64) -> QueryResult<Standing> {
    let actions: Vec<Action> = d::table
        .filter(d::member_id.eq(user_id))
        .filter(d::action.eq_any([Action::RestrictSelling, Action::Suspend, Action::Ban]))
        .filter(d::lifted_at.is_null())
        .filter(d::reversed_at.is_null())
        .filter(d::ends_at.is_null().or(d::ends_at.gt(diesel::dsl::now)))
        .select(d::action)
        .load(conn)?;
    Ok(Standing {
        locked: actions
            .iter()
            .any(|a| matches!(a, Action::Suspend | Action::Ban)),
        no_selling: actions.contains(&Action::RestrictSelling),
    })
}
