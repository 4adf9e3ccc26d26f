ALTER TABLE listings RESET (fillfactor);
DROP TRIGGER IF EXISTS listing_photos_cover ON listing_photos;
DROP FUNCTION IF EXISTS listing_photos_cover();
DROP FUNCTION IF EXISTS listing_cover_refresh(BIGINT);
ALTER TABLE listings DROP COLUMN IF EXISTS cover_key;
