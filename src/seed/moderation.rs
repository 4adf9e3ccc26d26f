//! Demo reports: a few open cases on demo listings and a demo member, filed through the
//! moderation feature's own rule (cases grouped, reporters mailed), so the queue the
//! demo moderator opens has work in it. Nothing is added once any report exists.

use diesel::prelude::*;

use crate::config::Config;
use crate::db::schema::{listings, moderation_reports, users};
use crate::moderation::model::{Reason, Target, TargetKind};
use crate::web::AppError;

/// (reporter, what, reason, text in the reporter's language)
const REPORTS: [(&str, &str, Reason, &str); 4] = [
    (
        "maria",
        "listing",
        Reason::Counterfeit,
        "Το λογότυπο δεν μοιάζει γνήσιο· η τιμή είναι πολύ χαμηλή για αυθεντικό.",
    ),
    (
        "camille",
        "listing",
        Reason::Counterfeit,
        "Même annonce : le vendeur m'a proposé de payer par virement en dehors du site.",
    ),
    (
        "siti",
        "listing",
        Reason::Misleading,
        "Fotonya bukan barang yang sama, kondisinya tidak sesuai deskripsi.",
    ),
    (
        "camille",
        "member",
        Reason::Harassment,
        "Il m'a insulté après que j'ai refusé son offre.",
    ),
];

pub fn demo_reports(conn: &mut PgConnection, cfg: &Config) -> Result<usize, AppError> {
    let any: bool = diesel::select(diesel::dsl::exists(
        moderation_reports::table.select(moderation_reports::id),
    ))
    .get_result(conn)?;
    if any {
        return Ok(0);
    }
    // Two listings of members the reporters are not: the first is reported twice (one
    // case, two reports), the second once; and the seller of the second as a member.
    let picked: Vec<(i64, i64)> = listings::table
        .inner_join(users::table)
        .filter(listings::status.eq(crate::listings::status::ListingStatus::Active))
        .filter(users::email.like("%@demo.pasar.test"))
        .filter(users::email.ne_all([
            super::demo_email("maria"),
            super::demo_email("camille"),
            super::demo_email("siti"),
            super::demo_email("admin"),
        ]))
        .order(listings::id)
        .offset(11)
        .limit(2)
        .select((listings::id, listings::seller_id))
        .load(conn)?;
    let [(first, _), (second, second_seller)] = picked[..] else {
        return Ok(0);
    };
    let mut made = 0;
    for (i, (local, what, reason, body)) in REPORTS.iter().enumerate() {
        let Some(reporter) = users::table
            .filter(users::email.eq(super::demo_email(local)))
            .select(crate::web::auth::User::as_select())
            .first(conn)
            .optional()?
        else {
            continue;
        };
        let target = match (*what, i) {
            ("listing", 0 | 1) => Target {
                kind: TargetKind::Listing,
                id: first,
            },
            ("listing", _) => Target {
                kind: TargetKind::Listing,
                id: second,
            },
            _ => Target {
                kind: TargetKind::Member,
                id: second_seller,
            },
        };
        crate::moderation::rules::report(conn, cfg, &reporter, target, *reason, body)?;
        made += 1;
    }
    Ok(made)
}
