-- $path: mentions.jsonl, $now: load time (UTC). The mentions of a re-extracted article replace
-- its old ones; every event either side touches is recorded in affected_events.
CREATE OR REPLACE TEMP TABLE staged_mentions AS
SELECT *
FROM read_json($path, format = 'newline_delimited', columns = {
    event_id: 'VARCHAR', article_id: 'VARCHAR', sentence_index: 'INTEGER',
    event_type: 'VARCHAR', model: 'VARCHAR', organization: 'VARCHAR', version: 'VARCHAR',
    event_date: 'DATE', date_precision: 'VARCHAR', batch: 'INTEGER', cue: 'VARCHAR',
    sentence: 'VARCHAR', model_status: 'VARCHAR'})
QUALIFY row_number() OVER (PARTITION BY event_id, article_id, sentence_index) = 1;

CREATE OR REPLACE TEMP TABLE affected_events AS
SELECT DISTINCT event_id FROM (
    SELECT event_id FROM event_mentions
    WHERE article_id IN (SELECT article_id FROM staged_articles)
    UNION ALL
    SELECT event_id FROM staged_mentions
);

DELETE FROM event_mentions AS m
WHERE m.article_id IN (SELECT article_id FROM staged_articles)
  AND NOT EXISTS (
      SELECT 1 FROM staged_mentions AS s
      WHERE s.event_id = m.event_id AND s.article_id = m.article_id
        AND s.sentence_index = m.sentence_index);

INSERT INTO event_mentions (event_id, article_id, sentence_index, event_type, model,
                            organization, version, event_date, date_precision, batch, cue,
                            sentence, extracted_at, model_status)
SELECT event_id, article_id, sentence_index, event_type, model, organization, version,
       event_date, date_precision, batch, cue, sentence, $now, model_status
FROM staged_mentions
ON CONFLICT (event_id, article_id, sentence_index) DO UPDATE SET
    event_date = excluded.event_date, date_precision = excluded.date_precision,
    batch = excluded.batch, cue = excluded.cue, sentence = excluded.sentence,
    organization = excluded.organization, extracted_at = excluded.extracted_at
WHERE event_mentions.event_date IS DISTINCT FROM excluded.event_date
   OR event_mentions.batch IS DISTINCT FROM excluded.batch
   OR event_mentions.sentence <> excluded.sentence
   OR event_mentions.organization IS DISTINCT FROM excluded.organization;

-- A model the gazetteer lacks, first seen in these mentions, becomes a discovered model
-- (with its first evidence), so a brand-new filed model still raises its alert.
INSERT INTO models (model, organization, aliases, family, status, first_seen_at)
SELECT DISTINCT ON (model) model, organization, [], NULL, 'discovered', $now
FROM staged_mentions
WHERE model_status = 'discovered' AND model IS NOT NULL
ORDER BY model, article_id, sentence_index
ON CONFLICT (model) DO NOTHING;
