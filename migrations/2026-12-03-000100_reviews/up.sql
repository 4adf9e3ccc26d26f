-- Reviews between the two parties of an ended order (issue 11). The order facts (parties,
-- item) are copied from the orders feature when the review is written, so pages of
-- reviews read no order table.
CREATE TABLE reviews (
    id BIGSERIAL PRIMARY KEY,
    order_id BIGINT NOT NULL REFERENCES orders (id),
    author_id BIGINT NOT NULL REFERENCES users (id),
    subject_id BIGINT NOT NULL REFERENCES users (id),
    -- The author's side of the order: a buyer's review rates the subject as a seller.
    author_role TEXT NOT NULL CHECK (author_role IN ('buyer', 'seller')),
    listing_id BIGINT NOT NULL,
    item_title TEXT NOT NULL,
    stars SMALLINT NOT NULL CHECK (stars BETWEEN 1 AND 5),
    body TEXT NOT NULL DEFAULT '',
    -- The buyer's three aspects; NULL on a seller's review.
    as_described SMALLINT CHECK (as_described BETWEEN 1 AND 5),
    communication SMALLINT CHECK (communication BETWEEN 1 AND 5),
    handover SMALLINT CHECK (handover BETWEEN 1 AND 5),
    CHECK ((author_role = 'buyer') = (as_described IS NOT NULL AND communication IS NOT NULL AND handover IS NOT NULL)),
    -- When the order's review window closes: what is written is published then.
    window_ends_at TIMESTAMPTZ NOT NULL,
    published_at TIMESTAMPTZ,
    -- A moderator removed it (it counts nowhere while set).
    removed_at TIMESTAMPTZ,
    reply TEXT,
    replied_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (author_id <> subject_id),
    CHECK ((reply IS NULL) = (replied_at IS NULL)),
    CHECK (reply IS NULL OR published_at IS NOT NULL),
    -- Once per party per order.
    UNIQUE (order_id, author_id)
);

-- A member's public reviews, newest first (profile and the reviews page).
CREATE INDEX reviews_subject_public_idx ON reviews (subject_id, published_at DESC, id DESC)
    WHERE published_at IS NOT NULL AND removed_at IS NULL;
-- What the window's end publishes.
CREATE INDEX reviews_unpublished_idx ON reviews (window_ends_at)
    WHERE published_at IS NULL;

-- A member's ratings, one row per side they were rated on, kept in the transaction
-- that publishes, removes or restores a review.
CREATE TABLE member_ratings (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- 'seller': rated by buyers; 'buyer': rated by sellers.
    rated_as TEXT NOT NULL CHECK (rated_as IN ('buyer', 'seller')),
    count INT NOT NULL DEFAULT 0 CHECK (count >= 0),
    stars_sum INT NOT NULL DEFAULT 0 CHECK (stars_sum >= 0),
    stars_1 INT NOT NULL DEFAULT 0 CHECK (stars_1 >= 0),
    stars_2 INT NOT NULL DEFAULT 0 CHECK (stars_2 >= 0),
    stars_3 INT NOT NULL DEFAULT 0 CHECK (stars_3 >= 0),
    stars_4 INT NOT NULL DEFAULT 0 CHECK (stars_4 >= 0),
    stars_5 INT NOT NULL DEFAULT 0 CHECK (stars_5 >= 0),
    CHECK (count = stars_1 + stars_2 + stars_3 + stars_4 + stars_5),
    PRIMARY KEY (user_id, rated_as)
);
