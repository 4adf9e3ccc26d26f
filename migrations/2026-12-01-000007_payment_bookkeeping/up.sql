-- Money that can be traced: the order knows the payment that funded it, a payment
-- given straight back has a status of its own and keeps what was refunded of it, and
-- every ledger row of a payment or a refund names the payment it concerns.
ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check CHECK (status IN (
    'pending', 'processing', 'succeeded', 'failed', 'cancelled', 'given_back'));
ALTER TABLE payments ADD COLUMN refunded_minor BIGINT NOT NULL DEFAULT 0;
ALTER TABLE payments ADD CONSTRAINT payments_refunded_check
    CHECK (refunded_minor >= 0 AND refunded_minor <= amount_minor);

ALTER TABLE orders ADD COLUMN payment_id BIGINT REFERENCES payments (id);
-- The listing's shipping price at "Buy now", in the order's currency: the seller may
-- change the listing (or its currency) while the buyer checks out.
ALTER TABLE orders ADD COLUMN quoted_shipping_minor BIGINT CHECK (quoted_shipping_minor >= 0);

ALTER TABLE ledger_entries ADD COLUMN payment_id BIGINT REFERENCES payments (id);
CREATE INDEX ledger_entries_payment_idx ON ledger_entries (payment_id) WHERE payment_id IS NOT NULL;

-- The books from before, as well as they can be told: a paid order was funded by a
-- succeeded payment of its total; any other succeeded payment was money given back.
UPDATE orders o SET payment_id = (
    SELECT min(p.id) FROM payments p
     WHERE p.order_id = o.id AND p.status = 'succeeded' AND p.amount_minor = o.total_minor)
 WHERE o.paid_at IS NOT NULL;
UPDATE payments p SET status = 'given_back'
 WHERE p.status = 'succeeded' AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.payment_id = p.id);
UPDATE orders o SET quoted_shipping_minor = l.shipping_minor
  FROM listings l WHERE l.id = o.listing_id;
-- A row of a given-back payment's amount was that payment's (in or straight back out);
-- the others were the funding payment's.
UPDATE ledger_entries e SET payment_id = coalesce(
    (SELECT min(p.id) FROM payments p WHERE p.order_id = o.id AND p.status = 'given_back'
        AND p.amount_minor = abs(e.amount_minor)),
    o.payment_id,
    (SELECT min(p.id) FROM payments p
      WHERE p.order_id = o.id AND p.status IN ('succeeded', 'given_back')))
  FROM orders o WHERE e.order_id = o.id AND e.kind IN ('payment', 'refund');
UPDATE payments p SET refunded_minor = least(p.amount_minor, coalesce((
    SELECT sum(e.amount_minor) FROM ledger_entries e
     WHERE e.payment_id = p.id AND e.kind = 'refund' AND e.account = 'provider'), 0));
