-- The language the extractor detected ("zh", "en", …), for filtering and per-language stats.
ALTER TABLE articles ADD COLUMN IF NOT EXISTS language VARCHAR;
