-- A member's picture: the storage key of a re-encoded photo (`/media/<key>-320.jpg`).
ALTER TABLE users ADD COLUMN avatar_key TEXT;
