DROP INDEX listings_active_country_idx;
DROP INDEX listings_active_city_idx;

CREATE OR REPLACE FUNCTION pasar_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

DROP INDEX listings_search_idx;
ALTER TABLE listings DROP COLUMN search;
ALTER TABLE listings ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', pasar_unaccent(lower(title))), 'A')
    || setweight(to_tsvector('simple', pasar_unaccent(lower(description))), 'B')
) STORED;
CREATE INDEX listings_search_idx ON listings USING GIN (search) WHERE status = 'active';
