-- Whether a mention's model came from the gazetteer or was discovered in the text, and how
-- many distinct sources report each event.
ALTER TABLE event_mentions ADD COLUMN IF NOT EXISTS model_status VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS source_count INTEGER;
