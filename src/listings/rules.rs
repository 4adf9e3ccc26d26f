//! The rules of a seller's changes to listings: create, edit (with its photos), status
//! changes, holiday mode. Each rule is one transaction of its own (it opens it, so a
//! handler cannot forget it) and says why it refused with a `ListingError`.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::error::ListingError;
use super::limits::{self, Publishing};
use super::model::{self, Listing, ListingFields, Photo};
use super::status::ListingStatus;
use crate::config::NewAccounts;
use crate::db::schema::{listing_photos, listings, users};
use crate::signals::{self, Subject};

type Rule<T> = Result<T, ListingError>;

/// The member asking to change a listing: only its seller or an admin may.
#[derive(Clone, Copy, Debug)]
pub struct Editor {
    pub user_id: i64,
    pub admin: bool,
}

impl Editor {
    pub fn may_change(&self, listing: &Listing) -> bool {
        self.may_change_of(listing.seller_id)
    }

    fn may_change_of(&self, seller_id: i64) -> bool {
        self.admin || seller_id == self.user_id
    }
}

/// A listing the editor may change, with its photos; a removed one or anyone else's is
/// `NotFound` (private to them).
pub fn editable(
    conn: &mut PgConnection,
    editor: Editor,
    listing_id: i64,
) -> Rule<(Listing, Vec<Photo>)> {
    let listing = model::find(conn, listing_id)?;
    if !editor.may_change(&listing) || listing.status == ListingStatus::Removed {
        return Err(ListingError::NotFound);
    }
    let photos = model::photos_of(conn, listing_id)?;
    Ok((listing, photos))
}

/// A photo of the listing after the edit: an existing row (by id) or a new stored key.
#[derive(Clone, Debug)]
pub enum PhotoRef {
    Existing(i64),
    New {
        key: String,
        width: i32,
        height: i32,
    },
}

/// Creates a listing with its photos; published at once when `publish`, within a new
/// member's daily limit and with a flag for the signals the seller confirmed.
pub fn create(
    conn: &mut PgConnection,
    seller_id: i64,
    fields: &ListingFields,
    photos: &[PhotoRef],
    publish: bool,
    publishing: &Publishing,
) -> Rule<i64> {
    conn.transaction(|conn| {
        refuse_if_restricted(conn, seller_id)?;
        if publish {
            limits::check(conn, seller_id, publishing.new_accounts)?;
        }
        let id: i64 = diesel::insert_into(listings::table)
            .values((
                fields,
                listings::seller_id.eq(seller_id),
                listings::status.eq(if publish {
                    ListingStatus::Active
                } else {
                    ListingStatus::Draft
                }),
                listings::published_at.eq(if publish {
                    Some(chrono::Utc::now())
                } else {
                    None
                }),
            ))
            .returning(listings::id)
            .get_result(conn)?;
        save_photos(conn, id, photos)?;
        if publish {
            add_search_words(conn, id)?;
            signals::record(conn, Subject::listing(id), seller_id, &publishing.confirmed)?;
        }
        Ok(id)
    })
}

/// A new sale (a listing created, a draft published, a listing relisted) needs the
/// seller's standing with moderation; open orders never ask.
fn refuse_if_restricted(conn: &mut PgConnection, seller_id: i64) -> Rule<()> {
    if crate::moderation::standing(conn, seller_id)?.may_sell() {
        Ok(())
    } else {
        Err(ListingError::SellingRestricted)
    }
}

/// How an edit ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Edited {
    /// Saved; the photo keys that were dropped, to delete from storage after the commit.
    Saved(Vec<String>),
    /// Buyers reserved or gave back stock since the form was opened and the form changes
    /// the quantity too: nothing saved; the quantity on sale now.
    StockChanged(i32),
}

/// Saves the edit under a lock on the listing. `stock_seen` is the quantity the form
/// showed when it was opened: the form's quantity replaces the stock only if the stock is
/// still that; when orders changed it meanwhile, an untouched quantity keeps the stock
/// as it is now and a changed one is refused (`StockChanged`), so an edit never puts back
/// units a buyer holds.
pub fn update(
    conn: &mut PgConnection,
    listing_id: i64,
    fields: &ListingFields,
    stock_seen: Option<i32>,
    photos: &[PhotoRef],
    publish: bool,
    publishing: &Publishing,
) -> Rule<Edited> {
    conn.transaction(|conn| {
        let current: Listing = listings::table
            .find(listing_id)
            .for_update()
            .select(Listing::as_select())
            .first(conn)?;
        if publish && current.status == ListingStatus::Draft {
            limits::check(conn, current.seller_id, publishing.new_accounts)?;
        }
        let quantity = match stock_seen {
            _ if fields.quantity == current.quantity => current.quantity,
            Some(seen) if seen == current.quantity => fields.quantity,
            Some(seen) if seen == fields.quantity => current.quantity,
            _ => return Ok(Edited::StockChanged(current.quantity)),
        };
        let fields = ListingFields {
            quantity,
            ..fields.clone()
        };
        diesel::update(listings::table.find(listing_id))
            .set((&fields, listings::updated_at.eq(diesel::dsl::now)))
            .execute(conn)?;
        if publish && current.status == ListingStatus::Draft {
            refuse_if_restricted(conn, current.seller_id)?;
            diesel::update(listings::table.find(listing_id))
                .set((
                    listings::status.eq(ListingStatus::Active),
                    listings::published_at.eq(diesel::dsl::now),
                ))
                .execute(conn)?;
        }
        let kept: Vec<i64> = photos
            .iter()
            .filter_map(|p| {
                if let PhotoRef::Existing(id) = p {
                    Some(*id)
                } else {
                    None
                }
            })
            .collect();
        let dropped: Vec<String> = diesel::delete(
            listing_photos::table
                .filter(listing_photos::listing_id.eq(listing_id))
                .filter(listing_photos::id.ne_all(&kept)),
        )
        .returning(listing_photos::storage_key)
        .get_results(conn)?;
        save_photos(conn, listing_id, photos)?;
        if publish {
            add_search_words(conn, listing_id)?;
            let subject = Subject::listing(listing_id);
            signals::record(conn, subject, current.seller_id, &publishing.confirmed)?;
        }
        Ok(Edited::Saved(dropped))
    })
}

/// Writes positions of kept photos and inserts the new ones, in the given order.
fn save_photos(conn: &mut PgConnection, listing_id: i64, photos: &[PhotoRef]) -> QueryResult<()> {
    for (pos, p) in photos.iter().enumerate() {
        match p {
            PhotoRef::Existing(id) => {
                diesel::update(
                    listing_photos::table
                        .filter(listing_photos::id.eq(id))
                        .filter(listing_photos::listing_id.eq(listing_id)),
                )
                .set(listing_photos::position.eq(pos as i32))
                .execute(conn)?;
            }
            PhotoRef::New { key, width, height } => {
                // Already taken by a twin submit of the same form: the row exists.
                if !super::photos::forget_pending(conn, key)? {
                    continue;
                }
                diesel::insert_into(listing_photos::table)
                    .values((
                        listing_photos::listing_id.eq(listing_id),
                        listing_photos::position.eq(pos as i32),
                        listing_photos::storage_key.eq(key),
                        listing_photos::width.eq(width),
                        listing_photos::height.eq(height),
                    ))
                    .execute(conn)?;
            }
        }
    }
    Ok(())
}

/// How an allowed status change ended.
#[derive(Debug, PartialEq, Eq)]
pub enum StatusChange {
    Done,
    /// Publishing needs at least one photo: nothing changed.
    NeedsPhoto,
    /// A draft's text has scam signals (contact details, paying elsewhere): it is
    /// published from its edit form, which shows the warning; nothing changed.
    HasSignals,
}

/// Changes the status, checking the editor and the transition under a row lock. A
/// draft's first publication keeps to the new members' limit (`new_accounts`).
pub fn set_status(
    conn: &mut PgConnection,
    editor: Editor,
    listing_id: i64,
    to: ListingStatus,
    new_accounts: Option<NewAccounts>,
) -> Rule<StatusChange> {
    conn.transaction(|conn| {
        let (seller_id, status, title, description): (i64, ListingStatus, String, String) =
            listings::table
                .find(listing_id)
                .select((
                    listings::seller_id,
                    listings::status,
                    listings::title,
                    listings::description,
                ))
                .for_update()
                .first(conn)?;
        if !editor.may_change_of(seller_id) {
            return Err(ListingError::NotFound);
        }
        if !status.may_become(to) {
            return Err(ListingError::NotAllowed { from: status, to });
        }
        if to == ListingStatus::Active {
            refuse_if_restricted(conn, seller_id)?;
            let photos: i64 = listing_photos::table
                .filter(listing_photos::listing_id.eq(listing_id))
                .count()
                .get_result(conn)?;
            if photos == 0 {
                return Ok(StatusChange::NeedsPhoto);
            }
        }
        let first_publish = status == ListingStatus::Draft && to == ListingStatus::Active;
        if first_publish {
            if !signals::scan_all(&[&title, &description]).is_empty() {
                return Ok(StatusChange::HasSignals);
            }
            limits::check(conn, seller_id, new_accounts)?;
        }
        diesel::update(listings::table.find(listing_id))
            .set((
                listings::status.eq(to),
                // Remembered so stock given back by an order cannot relist it.
                listings::sold_by_hand.eq(to == ListingStatus::Sold),
                listings::updated_at.eq(diesel::dsl::now),
            ))
            .execute(conn)?;
        if to == ListingStatus::Active {
            add_search_words(conn, listing_id)?;
        }
        if first_publish {
            diesel::update(listings::table.find(listing_id))
                .set(listings::published_at.eq(diesel::dsl::now))
                .execute(conn)?;
        }
        Ok(StatusChange::Done)
    })
}

/// Holiday mode: listings stay visible, buying is off until `until` (None ends it).
pub fn set_holiday(conn: &mut PgConnection, user_id: i64, until: Option<NaiveDate>) -> Rule<()> {
    diesel::update(users::table.find(user_id))
        .set(users::holiday_until.eq(until))
        .execute(conn)?;
    Ok(())
}

/// The seller's return date if they are on holiday today.
pub fn holiday_until(conn: &mut PgConnection, user_id: i64) -> QueryResult<Option<NaiveDate>> {
    let until: Option<NaiveDate> = users::table
        .find(user_id)
        .select(users::holiday_until)
        .first(conn)?;
    Ok(until.filter(|d| *d >= chrono::Utc::now().date_naive()))
}

/// Adds the words of a listing that goes live to the typo-correction vocabulary at once
/// (the worker rebuilds the whole vocabulary, with exact counts, every hour).
pub fn add_search_words(conn: &mut PgConnection, listing_id: i64) -> QueryResult<()> {
    diesel::sql_query(
        "INSERT INTO search_words (word, listings) \
         SELECT word, 1 FROM ts_stat(format('SELECT search FROM listings WHERE id = %s', $1)) \
         WHERE length(word) >= 3 \
         ON CONFLICT (word) DO NOTHING",
    )
    .bind::<diesel::sql_types::BigInt, _>(listing_id)
    .execute(conn)
    .map(|_| ())
}
