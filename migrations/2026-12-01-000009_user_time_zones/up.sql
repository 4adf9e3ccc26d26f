-- Each member's IANA time zone: pages and emails show times on their clock. Members who
-- signed up before get the usual zone of their language (the same guess sign-up makes when
-- the browser says nothing).
ALTER TABLE users ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';
UPDATE users SET time_zone = CASE locale
    WHEN 'el' THEN 'Europe/Athens'
    WHEN 'fr' THEN 'Europe/Paris'
    WHEN 'id' THEN 'Asia/Jakarta'
    ELSE 'UTC'
END;
