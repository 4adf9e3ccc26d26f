DROP STATISTICS IF EXISTS listings_condition_expr_stats;
CREATE INDEX listings_search_words_idx ON listings USING GIN (search) WHERE status = 'active';
DROP INDEX listings_search_idx;
ALTER INDEX listings_search_words_idx RENAME TO listings_search_idx;
-- btree_gin stays: another index may use it, and it costs nothing unused.
