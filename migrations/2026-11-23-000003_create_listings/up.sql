-- Listings, their photos and the category tree; full-text search (simple + unaccent)
-- and trigram indexes for typo tolerance.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE; generated columns and indexes need an IMMUTABLE wrapper
-- with the dictionary named explicitly.
CREATE FUNCTION pasar_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

CREATE TABLE categories (
    id SERIAL PRIMARY KEY,
    parent_id INTEGER REFERENCES categories (id),
    slug TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL DEFAULT 0,
    -- Attribute definitions, inherited by subcategories:
    -- [{"key": "size", "kind": "select", "options": ["S", "M"]}, {"key": "brand", "kind": "text"}]
    attributes JSONB NOT NULL DEFAULT '[]'::jsonb
);
CREATE INDEX categories_parent_id_idx ON categories (parent_id);

ALTER TABLE users ADD COLUMN holiday_until DATE;

CREATE TABLE listings (
    id BIGSERIAL PRIMARY KEY,
    seller_id BIGINT NOT NULL REFERENCES users (id),
    category_id INTEGER NOT NULL REFERENCES categories (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    condition TEXT NOT NULL
        CHECK (condition IN ('new_with_tags', 'new', 'like_new', 'good', 'fair', 'for_parts')),
    price_minor BIGINT NOT NULL CHECK (price_minor >= 0),
    currency TEXT NOT NULL CHECK (currency IN ('IDR', 'EUR', 'USD')),
    quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 0),
    ships BOOLEAN NOT NULL DEFAULT false,
    -- Shipping price when `ships`; 0 means free shipping.
    shipping_minor BIGINT CHECK (shipping_minor >= 0),
    pickup BOOLEAN NOT NULL DEFAULT false,
    city TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    attributes JSONB NOT NULL DEFAULT '{}'::jsonb,
    status TEXT NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'active', 'paused', 'sold', 'removed')),
    views BIGINT NOT NULL DEFAULT 0,
    favourites INTEGER NOT NULL DEFAULT 0,
    search TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', pasar_unaccent(lower(title))), 'A')
        || setweight(to_tsvector('simple', pasar_unaccent(lower(description))), 'B')
    ) STORED,
    published_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX listings_seller_idx ON listings (seller_id, status, updated_at DESC);
CREATE INDEX listings_active_recent_idx ON listings (published_at DESC, id DESC) WHERE status = 'active';
CREATE INDEX listings_active_category_recent_idx
    ON listings (category_id, published_at DESC, id DESC) WHERE status = 'active';
CREATE INDEX listings_active_category_price_idx
    ON listings (category_id, currency, price_minor, id) WHERE status = 'active';
CREATE INDEX listings_active_price_idx ON listings (currency, price_minor, id) WHERE status = 'active';
CREATE INDEX listings_search_idx ON listings USING GIN (search) WHERE status = 'active';
CREATE INDEX listings_attributes_idx ON listings USING GIN (attributes jsonb_path_ops) WHERE status = 'active';

CREATE TABLE listing_photos (
    id BIGSERIAL PRIMARY KEY,
    listing_id BIGINT NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    -- Random base name in the photo storage; sizes are stored as <key>-<width>.jpg.
    storage_key TEXT NOT NULL UNIQUE,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX listing_photos_listing_idx ON listing_photos (listing_id, position);

-- Distinct words of active listings, for "did you mean" and typo-tolerant search.
CREATE TABLE search_words (
    word TEXT PRIMARY KEY,
    listings INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX search_words_trgm_idx ON search_words USING GIN (word gin_trgm_ops);

-- The category tree (names and attribute labels are Fluent messages: cat-<slug>, attr-<key>).
INSERT INTO categories (slug, position, attributes) VALUES
    ('electronics', 1, '[{"key":"brand","kind":"text"},{"key":"model","kind":"text"},{"key":"year","kind":"number"}]'),
    ('women', 2, '[{"key":"brand","kind":"text"},{"key":"size","kind":"select","options":["XS","S","M","L","XL","XXL"]},{"key":"colour","kind":"select","options":["black","white","grey","red","blue","green","yellow","pink","brown","beige","multi"]}]'),
    ('men', 3, '[{"key":"brand","kind":"text"},{"key":"size","kind":"select","options":["XS","S","M","L","XL","XXL"]},{"key":"colour","kind":"select","options":["black","white","grey","red","blue","green","yellow","pink","brown","beige","multi"]}]'),
    ('kids', 4, '[{"key":"brand","kind":"text"},{"key":"age","kind":"select","options":["0-1","1-3","3-6","6-9","9-12","12+"]}]'),
    ('home', 5, '[{"key":"brand","kind":"text"},{"key":"colour","kind":"select","options":["black","white","grey","red","blue","green","yellow","pink","brown","beige","multi"]}]'),
    ('garden', 6, '[{"key":"brand","kind":"text"}]'),
    ('sports', 7, '[{"key":"brand","kind":"text"},{"key":"size","kind":"text"}]'),
    ('vehicles', 8, '[{"key":"brand","kind":"text"},{"key":"model","kind":"text"},{"key":"year","kind":"number"}]'),
    ('books', 9, '[{"key":"author","kind":"text"},{"key":"language","kind":"select","options":["en","id","el","fr","other"]}]'),
    ('music', 10, '[{"key":"brand","kind":"text"},{"key":"model","kind":"text"}]'),
    ('collectibles', 11, '[{"key":"year","kind":"number"}]'),
    ('beauty', 12, '[{"key":"brand","kind":"text"}]'),
    ('pets', 13, '[{"key":"brand","kind":"text"}]'),
    ('tools', 14, '[{"key":"brand","kind":"text"},{"key":"model","kind":"text"}]'),
    ('jewellery', 15, '[{"key":"brand","kind":"text"},{"key":"material","kind":"select","options":["gold","silver","steel","leather","other"]}]');

INSERT INTO categories (parent_id, slug, position, attributes)
SELECT p.id, c.slug, c.position, c.attributes::jsonb
FROM (VALUES
    ('electronics', 'phones', 1, '[]'), ('electronics', 'computers', 2, '[]'),
    ('electronics', 'audio', 3, '[]'), ('electronics', 'cameras', 4, '[]'),
    ('electronics', 'gaming', 5, '[]'),
    ('women', 'women-clothing', 1, '[]'),
    ('women', 'women-shoes', 2, '[{"key":"size","kind":"select","options":["35","36","37","38","39","40","41","42"]}]'),
    ('women', 'women-bags', 3, '[]'),
    ('men', 'men-clothing', 1, '[]'),
    ('men', 'men-shoes', 2, '[{"key":"size","kind":"select","options":["39","40","41","42","43","44","45","46"]}]'),
    ('men', 'men-watches', 3, '[]'),
    ('kids', 'kids-clothing', 1, '[]'), ('kids', 'toys', 2, '[]'), ('kids', 'strollers', 3, '[]'),
    ('home', 'furniture', 1, '[]'), ('home', 'kitchen', 2, '[]'), ('home', 'decor', 3, '[]'),
    ('garden', 'plants', 1, '[]'), ('garden', 'garden-tools', 2, '[]'),
    ('sports', 'bikes', 1, '[]'), ('sports', 'fitness', 2, '[]'), ('sports', 'outdoor', 3, '[]'),
    ('vehicles', 'car-parts', 1, '[]'), ('vehicles', 'motorbikes', 2, '[]'),
    ('books', 'fiction', 1, '[]'), ('books', 'non-fiction', 2, '[]'), ('books', 'comics', 3, '[]'),
    ('music', 'instruments', 1, '[]'), ('music', 'records', 2, '[]'),
    ('collectibles', 'coins-stamps', 1, '[]'), ('collectibles', 'art', 2, '[]'),
    ('beauty', 'skincare', 1, '[]'), ('beauty', 'fragrance', 2, '[]'),
    ('pets', 'pet-supplies', 1, '[]'),
    ('tools', 'power-tools', 1, '[]'), ('tools', 'hand-tools', 2, '[]'),
    ('jewellery', 'rings', 1, '[]'), ('jewellery', 'necklaces', 2, '[]')
) AS c (parent, slug, position, attributes)
JOIN categories p ON p.slug = c.parent;
