-- Account deletion takes the seller's listings with it (their photos cascade from the
-- listing); a listing an order points at still blocks the delete, and the account is
-- then anonymised instead (src/accounts/deletion.rs).
ALTER TABLE listings DROP CONSTRAINT listings_seller_id_fkey;
ALTER TABLE listings ADD CONSTRAINT listings_seller_id_fkey
    FOREIGN KEY (seller_id) REFERENCES users (id) ON DELETE CASCADE;

-- The seller marked the listing sold: stock given back by an expired or cancelled order
-- must not put it on sale again (a listing sold out by orders does go back on sale).
ALTER TABLE listings ADD COLUMN sold_by_hand BOOLEAN NOT NULL DEFAULT false;
