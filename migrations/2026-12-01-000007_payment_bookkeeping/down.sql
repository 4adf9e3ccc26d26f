DROP INDEX ledger_entries_payment_idx;
ALTER TABLE ledger_entries DROP COLUMN payment_id;
ALTER TABLE orders DROP COLUMN quoted_shipping_minor;
ALTER TABLE orders DROP COLUMN payment_id;
ALTER TABLE payments DROP CONSTRAINT payments_refunded_check;
ALTER TABLE payments DROP COLUMN refunded_minor;
UPDATE payments SET status = 'succeeded' WHERE status = 'given_back';
ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check CHECK (status IN (
    'pending', 'processing', 'succeeded', 'failed', 'cancelled'));
