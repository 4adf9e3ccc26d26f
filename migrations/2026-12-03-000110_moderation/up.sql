-- Reports, moderation decisions and appeals (issue 11). One open case per reported
-- thing groups its reports; a decision closes the case and is the statement of reasons
-- the member reads; an appeal is one row per decision at most (UNIQUE: once only).

-- A listing hidden by moderation: 'hidden', with the status it had and why it is held
-- ('decision': a decision about the listing; 'account': its seller's sanction), so
-- lifting one kind of hold never reveals a listing the other still holds.
ALTER TABLE listings DROP CONSTRAINT listings_status_check;
ALTER TABLE listings ADD CONSTRAINT listings_status_check
    CHECK (status IN ('draft', 'active', 'paused', 'sold', 'removed', 'hidden'));
ALTER TABLE listings ADD COLUMN held_status TEXT
    CHECK (held_status IN ('draft', 'active', 'paused', 'sold'));
ALTER TABLE listings ADD COLUMN hold TEXT CHECK (hold IN ('decision', 'account'));
ALTER TABLE listings ADD CONSTRAINT listings_hold_consistent
    CHECK ((status = 'hidden') = (hold IS NOT NULL AND held_status IS NOT NULL));

CREATE TABLE moderation_cases (
    id BIGSERIAL PRIMARY KEY,
    -- 'review' is allowed already: the reviews feature adds its target without a migration.
    target_kind TEXT NOT NULL CHECK (target_kind IN ('listing', 'member', 'review')),
    target_id BIGINT NOT NULL,
    -- Who the case is about (a listing's seller, the member, a review's author).
    member_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    opened_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    closed_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX moderation_cases_one_open ON moderation_cases (target_kind, target_id)
    WHERE status = 'open';
CREATE INDEX moderation_cases_queue ON moderation_cases (opened_at, id) WHERE status = 'open';
CREATE INDEX moderation_cases_member ON moderation_cases (member_id, id);

CREATE TABLE moderation_reports (
    id BIGSERIAL PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES moderation_cases (id) ON DELETE CASCADE,
    -- NULL with automated: a notice from the scam signals, nobody to write back to.
    reporter_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    automated BOOLEAN NOT NULL DEFAULT false,
    reason TEXT NOT NULL
        CHECK (reason IN ('prohibited', 'counterfeit', 'scam', 'harassment', 'misleading', 'other')),
    body TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX moderation_reports_case ON moderation_reports (case_id, id);
CREATE INDEX moderation_reports_reporter ON moderation_reports (reporter_id);
CREATE INDEX moderation_reports_created ON moderation_reports (created_at);

CREATE TABLE moderation_decisions (
    id BIGSERIAL PRIMARY KEY,
    case_id BIGINT REFERENCES moderation_cases (id) ON DELETE SET NULL,
    member_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    moderator_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('listing', 'member', 'review')),
    target_id BIGINT NOT NULL,
    action TEXT NOT NULL CHECK (action IN
        ('dismiss', 'hide_listing', 'remove_review', 'warn', 'restrict_selling', 'suspend', 'ban')),
    -- The number of the published rule (moderation::MarketRule); a dismissal cites none.
    rule SMALLINT CHECK (rule BETWEEN 1 AND 99),
    facts TEXT NOT NULL,
    automated BOOLEAN NOT NULL,
    -- Restrictions and suspensions end; a ban has none.
    ends_at TIMESTAMPTZ,
    appeal_by TIMESTAMPTZ NOT NULL,
    -- The effects were undone: the sanction ran out, or an appeal reversed it.
    lifted_at TIMESTAMPTZ,
    reversed_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (action = 'dismiss' OR rule IS NOT NULL)
);
CREATE INDEX moderation_decisions_member ON moderation_decisions (member_id, id);
CREATE INDEX moderation_decisions_in_force ON moderation_decisions (member_id)
    WHERE action IN ('restrict_selling', 'suspend', 'ban') AND lifted_at IS NULL;
CREATE INDEX moderation_decisions_created ON moderation_decisions (created_at);

CREATE TABLE moderation_appeals (
    id BIGSERIAL PRIMARY KEY,
    decision_id BIGINT NOT NULL UNIQUE REFERENCES moderation_decisions (id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'reversed')),
    decided_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    decided_at TIMESTAMPTZ
);
CREATE INDEX moderation_appeals_open ON moderation_appeals (created_at, id) WHERE status = 'open';
