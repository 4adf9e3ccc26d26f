-- Scam signals a member chose to publish anyway (contact details, "pay outside the
-- site"): one row per confirmed save, for the moderators' queue. `filed_at` is set once
-- moderation has taken the flag into its queue; until then it is open. The subject is a
-- listing or a review by kind and id, without a foreign key: the flag is evidence and
-- stays while moderation looks at it even if the subject goes; it goes with its author.
CREATE TABLE signal_flags (
    id BIGSERIAL PRIMARY KEY,
    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('listing', 'review')),
    subject_id BIGINT NOT NULL,
    author_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    findings JSONB NOT NULL CHECK (jsonb_typeof(findings) = 'array' AND jsonb_array_length(findings) > 0),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    filed_at TIMESTAMPTZ
);
CREATE INDEX signal_flags_open_idx ON signal_flags (id) WHERE filed_at IS NULL;
CREATE INDEX signal_flags_subject_idx ON signal_flags (subject_kind, subject_id);
CREATE INDEX signal_flags_author_idx ON signal_flags (author_id);
