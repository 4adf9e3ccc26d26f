ALTER TABLE listings DROP COLUMN sold_by_hand;
ALTER TABLE listings DROP CONSTRAINT listings_seller_id_fkey;
ALTER TABLE listings ADD CONSTRAINT listings_seller_id_fkey
    FOREIGN KEY (seller_id) REFERENCES users (id);
