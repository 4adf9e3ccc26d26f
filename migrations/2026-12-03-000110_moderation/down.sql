DROP TABLE moderation_appeals;
DROP TABLE moderation_decisions;
DROP TABLE moderation_reports;
DROP TABLE moderation_cases;
UPDATE listings SET status = held_status WHERE status = 'hidden';
ALTER TABLE listings DROP CONSTRAINT listings_hold_consistent;
ALTER TABLE listings DROP COLUMN hold;
ALTER TABLE listings DROP COLUMN held_status;
ALTER TABLE listings DROP CONSTRAINT listings_status_check;
ALTER TABLE listings ADD CONSTRAINT listings_status_check
    CHECK (status IN ('draft', 'active', 'paused', 'sold', 'removed'));
