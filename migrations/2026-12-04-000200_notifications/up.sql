-- Optional emails (messages, offers, price drops, saved-search alerts, follows digest,
-- review reminders) are on until a member turns a kind off: a row here means "off".
CREATE TABLE notification_optouts (
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, kind)
);

-- The one-click unsubscribe link of an optional email (RFC 8058), sent as the
-- List-Unsubscribe header; NULL for transactional mail, which cannot be turned off.
ALTER TABLE outbound_emails ADD COLUMN unsubscribe_url TEXT;
