-- Orders with buyer protection: checkout, payments, the escrow ledger, disputes.

-- Delivery addresses a buyer chose to keep for the next checkout.
CREATE TABLE addresses (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    line1 TEXT NOT NULL,
    line2 TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL,
    postcode TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX addresses_user_idx ON addresses (user_id);

CREATE TABLE orders (
    id BIGSERIAL PRIMARY KEY,
    buyer_id BIGINT NOT NULL REFERENCES users (id),
    seller_id BIGINT NOT NULL REFERENCES users (id),
    listing_id BIGINT NOT NULL REFERENCES listings (id),
    -- From the checkout form: a double submit or a reload finds the same order.
    idempotency_key TEXT NOT NULL,
    -- The listing as it was bought.
    title TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    currency TEXT NOT NULL CHECK (currency IN ('IDR', 'EUR', 'USD')),
    item_minor BIGINT NOT NULL CHECK (item_minor >= 0),
    shipping_minor BIGINT NOT NULL CHECK (shipping_minor >= 0),
    -- Paid by the buyer for the protection; kept by the platform.
    protection_fee_minor BIGINT NOT NULL CHECK (protection_fee_minor >= 0),
    total_minor BIGINT NOT NULL CHECK (total_minor >= 0),
    -- Taken from the seller's proceeds when the money is released.
    seller_fee_minor BIGINT NOT NULL CHECK (seller_fee_minor >= 0),
    refunded_minor BIGINT NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
    delivery TEXT NOT NULL CHECK (delivery IN ('ship', 'pickup')),
    -- The delivery address as the buyer gave it, one line per part (name, street,
    -- postcode and city, country); empty for local pickup.
    ship_address TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'pending_payment' CHECK (status IN (
        'pending_payment', 'paid', 'shipped', 'received', 'completed',
        'cancelled', 'expired', 'disputed', 'refunded')),
    carrier TEXT NOT NULL DEFAULT '',
    tracking TEXT NOT NULL DEFAULT '',
    -- Local pickup: the buyer shows it, the seller types it when they meet.
    handover_code TEXT NOT NULL DEFAULT '',
    cancel_reason TEXT NOT NULL DEFAULT '',
    pay_by TIMESTAMPTZ NOT NULL,
    ship_by TIMESTAMPTZ,
    confirm_by TIMESTAMPTZ,
    paid_at TIMESTAMPTZ,
    shipped_at TIMESTAMPTZ,
    received_at TIMESTAMPTZ,
    closed_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (buyer_id, idempotency_key)
);
CREATE INDEX orders_buyer_idx ON orders (buyer_id, id DESC);
CREATE INDEX orders_seller_idx ON orders (seller_id, id DESC);
CREATE INDEX orders_listing_idx ON orders (listing_id);
CREATE INDEX orders_open_idx ON orders (status) WHERE status IN ('pending_payment', 'paid', 'shipped', 'received', 'disputed');

-- The timeline of an order: who did what, when.
CREATE TABLE order_events (
    id BIGSERIAL PRIMARY KEY,
    order_id BIGINT NOT NULL REFERENCES orders (id),
    -- NULL: the system (a timeout, the payment provider).
    actor_id BIGINT REFERENCES users (id),
    kind TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX order_events_order_idx ON order_events (order_id, id);

CREATE TABLE payments (
    id BIGSERIAL PRIMARY KEY,
    order_id BIGINT NOT NULL REFERENCES orders (id),
    provider TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('card', 'bank_transfer', 'checkout')),
    -- The provider's id for this payment (sandbox reference, Stripe session id).
    reference TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN (
        'pending', 'processing', 'succeeded', 'failed', 'cancelled')),
    amount_minor BIGINT NOT NULL,
    currency TEXT NOT NULL,
    -- Never more of a card than this.
    card_brand TEXT NOT NULL DEFAULT '',
    card_last4 TEXT NOT NULL DEFAULT '',
    virtual_account TEXT NOT NULL DEFAULT '',
    -- The provider's id of the captured money (Stripe's payment intent), for refunds.
    provider_payment TEXT NOT NULL DEFAULT '',
    failure TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX payments_order_idx ON payments (order_id);

-- Events from payment providers already applied (webhooks are delivered at least once).
CREATE TABLE provider_events (
    provider TEXT NOT NULL,
    event_id TEXT NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, event_id)
);

-- Double entry: every money movement is a set of rows with one `movement` id whose
-- amounts sum to zero per currency. Accounts: 'provider' (money at the payment
-- provider, outside), 'escrow', 'fees' (the platform's), 'seller' (a user's available
-- balance, user_id set), 'payouts' (money paid out to sellers, outside).
CREATE TABLE ledger_entries (
    id BIGSERIAL PRIMARY KEY,
    movement BIGINT NOT NULL,
    account TEXT NOT NULL CHECK (account IN ('provider', 'escrow', 'fees', 'seller', 'payouts')),
    user_id BIGINT REFERENCES users (id),
    order_id BIGINT REFERENCES orders (id),
    kind TEXT NOT NULL,
    currency TEXT NOT NULL,
    amount_minor BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((account = 'seller') = (user_id IS NOT NULL))
);
CREATE SEQUENCE ledger_movements;
CREATE INDEX ledger_entries_movement_idx ON ledger_entries (movement);
CREATE INDEX ledger_entries_user_idx ON ledger_entries (user_id, currency) WHERE user_id IS NOT NULL;
CREATE INDEX ledger_entries_order_idx ON ledger_entries (order_id);

CREATE TABLE payouts (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    currency TEXT NOT NULL,
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    status TEXT NOT NULL DEFAULT 'paid' CHECK (status IN ('paid', 'failed')),
    reference TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX payouts_user_idx ON payouts (user_id, id DESC);

CREATE TABLE disputes (
    id BIGSERIAL PRIMARY KEY,
    order_id BIGINT NOT NULL UNIQUE REFERENCES orders (id),
    reason TEXT NOT NULL CHECK (reason IN ('not_received', 'not_as_described')),
    -- open -> (seller offers a partial refund | accepts a return) -> decided by an admin
    -- -> final (after the appeal window, or at once after an appeal's decision).
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'decided', 'appealed', 'closed')),
    -- The previous order status, to go back to when nothing is refunded.
    order_status TEXT NOT NULL,
    evidence_until TIMESTAMPTZ NOT NULL,
    offer_minor BIGINT,
    return_accepted BOOLEAN NOT NULL DEFAULT false,
    decision TEXT CHECK (decision IN ('refund', 'partial', 'release')),
    decision_refund_minor BIGINT,
    decision_reason TEXT NOT NULL DEFAULT '',
    decided_by BIGINT REFERENCES users (id),
    decided_at TIMESTAMPTZ,
    final_at TIMESTAMPTZ,
    appealed_by BIGINT REFERENCES users (id),
    appeal_reason TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX disputes_status_idx ON disputes (status, id);

CREATE TABLE dispute_evidence (
    id BIGSERIAL PRIMARY KEY,
    dispute_id BIGINT NOT NULL REFERENCES disputes (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    body TEXT NOT NULL DEFAULT '',
    photo_key TEXT,
    photo_width INTEGER,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX dispute_evidence_dispute_idx ON dispute_evidence (dispute_id, id);
