-- Photos stored for a listing form that has not been saved yet (a form with errors keeps
-- its photos). Saving the listing takes them off this list; the worker deletes the files
-- of forms abandoned for a day.
CREATE TABLE pending_uploads (
    storage_key TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    width INTEGER NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX pending_uploads_created_idx ON pending_uploads (created_at);
