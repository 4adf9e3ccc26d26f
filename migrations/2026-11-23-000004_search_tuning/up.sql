-- Search tuning: Greek final sigma folded into sigma, and indexes for the city and
-- country filters.

-- "ς" only ends a word: a shopper typing "καφεσ" or a word cut short ("παπουτσ") should
-- still match. Folding it into "σ" on both sides (listings and queries) does that.
CREATE OR REPLACE FUNCTION pasar_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT translate(public.unaccent('public.unaccent'::regdictionary, $1), 'ς', 'σ') $$;

-- Stored vectors were computed with the old function; a generated column is only
-- recomputed when it is added again.
DROP INDEX listings_search_idx;
ALTER TABLE listings DROP COLUMN search;
ALTER TABLE listings ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', pasar_unaccent(lower(title))), 'A')
    || setweight(to_tsvector('simple', pasar_unaccent(lower(description))), 'B')
) STORED;
CREATE INDEX listings_search_idx ON listings USING GIN (search) WHERE status = 'active';

-- The vocabulary holds words as the old function made them: rebuild it as the worker
-- does (src/listings/search.rs, refresh_search_words).
DELETE FROM search_words;
INSERT INTO search_words (word, listings)
    SELECT word, ndoc FROM ts_stat('SELECT search FROM listings WHERE status = ''active''')
    WHERE length(word) >= 3;

CREATE INDEX listings_active_city_idx ON listings (lower(city)) WHERE status = 'active';
CREATE INDEX listings_active_country_idx ON listings (lower(country)) WHERE status = 'active';
