// @generated automatically by Diesel CLI.

pub mod sql_types {
    #[derive(diesel::query_builder::QueryId, Clone, diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "tsvector", schema = "pg_catalog"))]
    pub struct Tsvector;
}

diesel::table! {
    addresses (id) {
        id -> Int8,
        user_id -> Int8,
        name -> Text,
        line1 -> Text,
        line2 -> Text,
        city -> Text,
        postcode -> Text,
        country -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Int8,
        actor_id -> Nullable<Int8>,
        actor_role -> Text,
        action -> Text,
        subject_kind -> Text,
        subject_id -> Int8,
        reason -> Text,
        before -> Jsonb,
        after -> Jsonb,
        created_at -> Timestamptz,
    }
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
    dispute_evidence (id) {
        id -> Int8,
        dispute_id -> Int8,
        user_id -> Int8,
        body -> Text,
        photo_key -> Nullable<Text>,
        photo_width -> Nullable<Int4>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    disputes (id) {
        id -> Int8,
        order_id -> Int8,
        reason -> Text,
        status -> Text,
        order_status -> Text,
        evidence_until -> Timestamptz,
        offer_minor -> Nullable<Int8>,
        return_accepted -> Bool,
        decision -> Nullable<Text>,
        decision_refund_minor -> Nullable<Int8>,
        decision_reason -> Text,
        decided_by -> Nullable<Int8>,
        decided_at -> Nullable<Timestamptz>,
        final_at -> Nullable<Timestamptz>,
        appealed_by -> Nullable<Int8>,
        appeal_reason -> Text,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
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
    ledger_entries (id) {
        id -> Int8,
        movement -> Int8,
        account -> Text,
        user_id -> Nullable<Int8>,
        order_id -> Nullable<Int8>,
        kind -> Text,
        currency -> Text,
        amount_minor -> Int8,
        created_at -> Timestamptz,
        payment_id -> Nullable<Int8>,
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
        published_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        search -> Nullable<Tsvector>,
        sold_by_hand -> Bool,
        cover_key -> Nullable<Text>,
        held_status -> Nullable<Text>,
        hold -> Nullable<Text>,
    }
}

diesel::table! {
    moderation_appeals (id) {
        id -> Int8,
        decision_id -> Int8,
        body -> Text,
        status -> Text,
        decided_by -> Nullable<Int8>,
        note -> Text,
        created_at -> Timestamptz,
        decided_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    moderation_cases (id) {
        id -> Int8,
        target_kind -> Text,
        target_id -> Int8,
        member_id -> Int8,
        status -> Text,
        opened_at -> Timestamptz,
        closed_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    moderation_decisions (id) {
        id -> Int8,
        case_id -> Nullable<Int8>,
        member_id -> Int8,
        moderator_id -> Nullable<Int8>,
        target_kind -> Text,
        target_id -> Int8,
        action -> Text,
        rule -> Nullable<Int2>,
        facts -> Text,
        automated -> Bool,
        ends_at -> Nullable<Timestamptz>,
        appeal_by -> Timestamptz,
        lifted_at -> Nullable<Timestamptz>,
        reversed_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    moderation_reports (id) {
        id -> Int8,
        case_id -> Int8,
        reporter_id -> Nullable<Int8>,
        automated -> Bool,
        reason -> Text,
        body -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    member_ratings (user_id, rated_as) {
        user_id -> Int8,
        rated_as -> Text,
        count -> Int4,
        stars_sum -> Int4,
        stars_1 -> Int4,
        stars_2 -> Int4,
        stars_3 -> Int4,
        stars_4 -> Int4,
        stars_5 -> Int4,
    }
}

diesel::table! {
    notification_optouts (user_id, kind) {
        user_id -> Int8,
        kind -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    order_events (id) {
        id -> Int8,
        order_id -> Int8,
        actor_id -> Nullable<Int8>,
        kind -> Text,
        note -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    orders (id) {
        id -> Int8,
        buyer_id -> Int8,
        seller_id -> Int8,
        listing_id -> Int8,
        idempotency_key -> Text,
        title -> Text,
        quantity -> Int4,
        currency -> Text,
        item_minor -> Int8,
        shipping_minor -> Int8,
        protection_fee_minor -> Int8,
        total_minor -> Int8,
        seller_fee_minor -> Int8,
        refunded_minor -> Int8,
        delivery -> Text,
        ship_address -> Text,
        status -> Text,
        carrier -> Text,
        tracking -> Text,
        handover_code -> Text,
        cancel_reason -> Text,
        pay_by -> Timestamptz,
        ship_by -> Nullable<Timestamptz>,
        confirm_by -> Nullable<Timestamptz>,
        paid_at -> Nullable<Timestamptz>,
        shipped_at -> Nullable<Timestamptz>,
        received_at -> Nullable<Timestamptz>,
        closed_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        payment_id -> Nullable<Int8>,
        quoted_shipping_minor -> Nullable<Int8>,
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
        unsubscribe_url -> Nullable<Text>,
    }
}

diesel::table! {
    payments (id) {
        id -> Int8,
        order_id -> Int8,
        provider -> Text,
        method -> Text,
        reference -> Text,
        status -> Text,
        amount_minor -> Int8,
        currency -> Text,
        card_brand -> Text,
        card_last4 -> Text,
        virtual_account -> Text,
        provider_payment -> Text,
        failure -> Text,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        refunded_minor -> Int8,
    }
}

diesel::table! {
    payouts (id) {
        id -> Int8,
        user_id -> Int8,
        currency -> Text,
        amount_minor -> Int8,
        status -> Text,
        reference -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    pending_uploads (storage_key) {
        storage_key -> Text,
        user_id -> Int8,
        width -> Int4,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    provider_events (provider, event_id) {
        provider -> Text,
        event_id -> Text,
        received_at -> Timestamptz,
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
    reviews (id) {
        id -> Int8,
        order_id -> Int8,
        author_id -> Int8,
        subject_id -> Int8,
        author_role -> Text,
        listing_id -> Int8,
        item_title -> Text,
        stars -> Int2,
        body -> Text,
        as_described -> Nullable<Int2>,
        communication -> Nullable<Int2>,
        handover -> Nullable<Int2>,
        window_ends_at -> Timestamptz,
        published_at -> Nullable<Timestamptz>,
        removed_at -> Nullable<Timestamptz>,
        reply -> Nullable<Text>,
        replied_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    search_words (word) {
        word -> Text,
        listings -> Int4,
    }
}

diesel::table! {
    signal_flags (id) {
        id -> Int8,
        subject_kind -> Text,
        subject_id -> Int8,
        author_id -> Int8,
        findings -> Jsonb,
        created_at -> Timestamptz,
        filed_at -> Nullable<Timestamptz>,
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
        time_zone -> Text,
        avatar_key -> Nullable<Text>,
    }
}

diesel::joinable!(addresses -> users (user_id));
diesel::joinable!(dispute_evidence -> disputes (dispute_id));
diesel::joinable!(dispute_evidence -> users (user_id));
diesel::joinable!(disputes -> orders (order_id));
diesel::joinable!(email_tokens -> users (user_id));
diesel::joinable!(ledger_entries -> orders (order_id));
diesel::joinable!(ledger_entries -> payments (payment_id));
diesel::joinable!(ledger_entries -> users (user_id));
diesel::joinable!(listing_photos -> listings (listing_id));
diesel::joinable!(listings -> categories (category_id));
diesel::joinable!(listings -> users (seller_id));
diesel::joinable!(moderation_appeals -> moderation_decisions (decision_id));
diesel::joinable!(moderation_decisions -> moderation_cases (case_id));
diesel::joinable!(moderation_reports -> moderation_cases (case_id));
diesel::joinable!(notification_optouts -> users (user_id));
diesel::joinable!(order_events -> orders (order_id));
diesel::joinable!(order_events -> users (actor_id));
diesel::joinable!(orders -> listings (listing_id));
diesel::joinable!(outbound_emails -> users (user_id));
diesel::joinable!(payments -> orders (order_id));
diesel::joinable!(payouts -> users (user_id));
diesel::joinable!(pending_uploads -> users (user_id));
diesel::joinable!(signal_flags -> users (author_id));

diesel::allow_tables_to_appear_in_same_query!(
    addresses,
    audit_log,
    categories,
    dispute_evidence,
    disputes,
    email_tokens,
    jobs,
    ledger_entries,
    listing_photos,
    listings,
    member_ratings,
    moderation_appeals,
    moderation_cases,
    moderation_decisions,
    moderation_reports,
    notification_optouts,
    order_events,
    orders,
    outbound_emails,
    payments,
    payouts,
    pending_uploads,
    provider_events,
    rate_limits,
    reviews,
    search_words,
    signal_flags,
    users,
);
