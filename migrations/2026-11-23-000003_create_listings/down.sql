DROP TABLE search_words;
DROP TABLE listing_photos;
DROP TABLE listings;
ALTER TABLE users DROP COLUMN holiday_until;
DROP TABLE categories;
DROP FUNCTION pasar_unaccent(text);
DROP EXTENSION IF EXISTS pg_trgm;
DROP EXTENSION IF EXISTS unaccent;
