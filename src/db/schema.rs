// @generated automatically by Diesel CLI.

pub mod sql_types {
    #[derive(diesel::query_builder::QueryId, Clone, diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "tsvector", schema = "pg_catalog"))]
    pub struct Tsvector;
}

diesel::table! {
    categories (id) {
        id -> Int4,
        parent_id -> Nullable<Int4>,
        slug -> Text,
        position -> Int4,
        attributes -> Jsonb,
    }
}

diesel::table! {
    email_tokens (id) {
        id -> Int8,
        user_id -> Int8,
        purpose -> Text,
        token_hash -> Bytea,
        email -> Text,
        expires_at -> Timestamptz,
        used_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    jobs (id) {
        id -> Int8,
        kind -> Text,
        payload -> Jsonb,
        status -> Text,
        run_at -> Timestamptz,
        attempts -> Int4,
        max_attempts -> Int4,
        last_error -> Nullable<Text>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    listing_photos (id) {
        id -> Int8,
        listing_id -> Int8,
        position -> Int4,
        storage_key -> Text,
        width -> Int4,
        height -> Int4,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::sql_types::Tsvector;

    listings (id) {
        id -> Int8,
        seller_id -> Int8,
        category_id -> Int4,
        title -> Text,
        description -> Text,
        condition -> Text,
        price_minor -> Int8,
        currency -> Text,
        quantity -> Int4,
        ships -> Bool,
        shipping_minor -> Nullable<Int8>,
        pickup -> Bool,
        city -> Text,
        country -> Text,
        attributes -> Jsonb,
        status -> Text,
        views -> Int8,
        favourites -> Int4,
        search -> Nullable<Tsvector>,
        published_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    outbound_emails (id) {
        id -> Int8,
        user_id -> Nullable<Int8>,
        to_address -> Text,
        kind -> Text,
        locale -> Text,
        subject -> Text,
        body_text -> Text,
        body_html -> Text,
        status -> Text,
        attempts -> Int4,
        last_error -> Nullable<Text>,
        created_at -> Timestamptz,
        sent_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    rate_limits (key) {
        key -> Text,
        window_start -> Timestamptz,
        hits -> Int4,
    }
}

diesel::table! {
    search_words (word) {
        word -> Text,
        listings -> Int4,
    }
}

diesel::table! {
    users (id) {
        id -> Int8,
        email -> Text,
        email_verified_at -> Nullable<Timestamptz>,
        password_hash -> Text,
        display_name -> Text,
        bio -> Text,
        city -> Text,
        country -> Text,
        locale -> Text,
        role -> Text,
        session_version -> Int4,
        pending_email -> Nullable<Text>,
        deletion_requested_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        holiday_until -> Nullable<Date>,
    }
}

diesel::joinable!(email_tokens -> users (user_id));
diesel::joinable!(listing_photos -> listings (listing_id));
diesel::joinable!(listings -> categories (category_id));
diesel::joinable!(listings -> users (seller_id));
diesel::joinable!(outbound_emails -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    categories,
    email_tokens,
    jobs,
    listing_photos,
    listings,
    outbound_emails,
    rate_limits,
    search_words,
    users,
);
