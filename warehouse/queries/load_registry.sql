-- $path: registry.jsonl, $problems_path: registry_problems.jsonl, $now: load time (UTC).
-- Runs after load_mentions.sql (which creates affected_events) and before merge_events.sql
-- and create_alerts.sql, so a filing first seen in the registry raises its alert, and one
-- the news reported earlier is the same event, now with its registry number and date.
CREATE OR REPLACE TEMP TABLE staged_registry AS
SELECT *
FROM read_json($path, format = 'newline_delimited', columns = {
    number_key: 'VARCHAR', number: 'VARCHAR', kind: 'VARCHAR', province: 'VARCHAR',
    listed_model: 'VARCHAR', filer: 'VARCHAR', filed_on: 'DATE', model: 'VARCHAR',
    organization: 'VARCHAR', model_status: 'VARCHAR', event_id: 'VARCHAR',
    source_url: 'VARCHAR', sheet: 'VARCHAR', row_index: 'INTEGER', run_id: 'VARCHAR'})
QUALIFY row_number() OVER (PARTITION BY number_key ORDER BY filed_on NULLS LAST) = 1;

INSERT INTO registry_filings (number_key, number, kind, province, listed_model, filer,
                              filed_on, model, organization, event_id, source_url, sheet,
                              row_index, first_seen_at, run_id)
SELECT number_key, number, kind, province, listed_model, filer, filed_on, model, organization,
       event_id, source_url, sheet, row_index, $now, run_id
FROM staged_registry
ON CONFLICT (number_key) DO NOTHING;

INSERT INTO models (model, organization, aliases, family, status, first_seen_at)
SELECT DISTINCT ON (model) model, organization, [], NULL, 'discovered', $now
FROM staged_registry
WHERE model_status = 'discovered'
ON CONFLICT (model) DO NOTHING;

-- One event per filed model: the earliest registry row of each event speaks for it.
CREATE OR REPLACE TEMP TABLE registry_events AS
SELECT event_id, kind, model, organization, number, filed_on
FROM staged_registry
QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY filed_on NULLS LAST, number) = 1;

INSERT INTO affected_events SELECT event_id FROM registry_events
WHERE event_id NOT IN (SELECT event_id FROM affected_events);

INSERT INTO events (event_id, event_type, model, organization, version, event_date,
                    date_precision, batch, mention_count, article_count, story_count,
                    reported_on, registry_number, registry_filed_on, first_seen_at,
                    updated_at)
SELECT event_id, kind, model, organization, NULL, filed_on,
       CASE WHEN filed_on IS NOT NULL THEN 'day' END, NULL, 0, 0, 0, NULL, number,
       filed_on, $now, $now
FROM registry_events
ON CONFLICT (event_id) DO UPDATE SET
    registry_number = excluded.registry_number,
    registry_filed_on = excluded.registry_filed_on,
    organization = coalesce(events.organization, excluded.organization),
    updated_at = excluded.updated_at
WHERE events.registry_number IS DISTINCT FROM excluded.registry_number
   OR events.registry_filed_on IS DISTINCT FROM excluded.registry_filed_on;

INSERT INTO registry_problems (source_url, sheet, row_index, reason, detail, raw,
                               first_seen_at)
SELECT source_url, coalesce(sheet, ''), row_index, reason, detail, raw, $now
FROM read_json($problems_path, format = 'newline_delimited', columns = {
    source_url: 'VARCHAR', sheet: 'VARCHAR', row_index: 'INTEGER', reason: 'VARCHAR',
    detail: 'VARCHAR', raw: 'VARCHAR'})
ON CONFLICT DO NOTHING;
