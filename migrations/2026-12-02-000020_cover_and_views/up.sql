-- Cards read their cover photo from the listing row (no subquery per card), and view
-- counts are added by HOT updates (see docs/decisions.md, issue 9: cards-views).

-- The first photo (by position, then id), kept by a trigger so every path that writes
-- photos (the sell form, edits, seeding, account deletion) keeps it right.
ALTER TABLE listings ADD COLUMN cover_key TEXT;

CREATE FUNCTION listing_cover_refresh(lid BIGINT) RETURNS void
    LANGUAGE sql
    AS $$
    UPDATE listings l SET cover_key = c.key
    FROM (SELECT (SELECT p.storage_key FROM listing_photos p WHERE p.listing_id = lid
                  ORDER BY p.position, p.id LIMIT 1) AS key) c
    WHERE l.id = lid AND l.cover_key IS DISTINCT FROM c.key
$$;

CREATE FUNCTION listing_photos_cover() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM listing_cover_refresh(OLD.listing_id);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.listing_id <> OLD.listing_id) THEN
        PERFORM listing_cover_refresh(NEW.listing_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER listing_photos_cover
    AFTER INSERT OR DELETE OR UPDATE OF listing_id, position, storage_key ON listing_photos
    FOR EACH ROW EXECUTE FUNCTION listing_photos_cover();

UPDATE listings l SET cover_key = p.storage_key
FROM (SELECT DISTINCT ON (listing_id) listing_id, storage_key FROM listing_photos
      ORDER BY listing_id, position, id) p
WHERE l.id = p.listing_id;

-- Room on every page for new row versions: a view count (no index holds `views`) then
-- stays on its page as a HOT update instead of a new entry in each of the table's
-- indexes. Pages written before this keep their fill until rewritten or pruned.
ALTER TABLE listings SET (fillfactor = 85);
