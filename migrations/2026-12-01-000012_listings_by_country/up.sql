-- "Near you" first: the newest active listings of one country, overall and per
-- category, each an ordered index scan (see src/listings/nearby.rs).
CREATE INDEX listings_active_country_recent_idx
    ON listings (lower(country), published_at DESC, id DESC) WHERE status = 'active';
CREATE INDEX listings_active_category_country_recent_idx
    ON listings (category_id, lower(country), published_at DESC, id DESC) WHERE status = 'active';
