-- $now: load time (UTC). Recompute the merged row of every affected event from all of its
-- mentions: the most precise date (earliest among equals), the most stated batch, and
-- how many mentions, articles and stories carry it. first_seen_at never moves.
WITH mention_rows AS (
    SELECT m.*, a.story_id, a.published_at, a.source,
           CASE m.date_precision WHEN 'day' THEN 0 WHEN 'month' THEN 1 WHEN 'year' THEN 2 END
               * 1000000 + (m.event_date - DATE '1900-01-01') AS date_rank
    FROM event_mentions AS m
    JOIN articles AS a USING (article_id)
    WHERE m.event_id IN (SELECT event_id FROM affected_events)
),
merged AS (
    SELECT event_id,
           any_value(event_type) AS event_type,
           any_value(model) AS model,
           mode(organization) AS organization,
           any_value(version) AS version,
           arg_min(event_date, date_rank) FILTER (WHERE event_date IS NOT NULL) AS event_date,
           arg_min(date_precision, date_rank) FILTER (WHERE event_date IS NOT NULL)
               AS date_precision,
           mode(batch) FILTER (WHERE batch IS NOT NULL) AS batch,
           count(*) AS mention_count,
           count(DISTINCT article_id) AS article_count,
           count(DISTINCT story_id) AS story_count,
           min(published_at)::DATE AS reported_on,
           count(DISTINCT source) AS source_count
    FROM mention_rows
    GROUP BY event_id
)
INSERT INTO events (event_id, event_type, model, organization, version, event_date,
                    date_precision, batch, mention_count, article_count, story_count,
                    reported_on, source_count, first_seen_at, updated_at)
SELECT *, $now, $now FROM merged
ON CONFLICT (event_id) DO UPDATE SET
    organization = excluded.organization, event_date = excluded.event_date,
    date_precision = excluded.date_precision, batch = excluded.batch,
    mention_count = excluded.mention_count, article_count = excluded.article_count,
    story_count = excluded.story_count, reported_on = excluded.reported_on,
    source_count = excluded.source_count,
    updated_at = excluded.updated_at
WHERE events.event_date IS DISTINCT FROM excluded.event_date
   OR events.batch IS DISTINCT FROM excluded.batch
   OR events.organization IS DISTINCT FROM excluded.organization
   OR events.mention_count <> excluded.mention_count
   OR events.article_count <> excluded.article_count
   OR events.story_count <> excluded.story_count
   OR events.reported_on IS DISTINCT FROM excluded.reported_on
   OR events.source_count IS DISTINCT FROM excluded.source_count;

-- An event no article states any more goes, unless an alert already announced it or the
-- registry proves it.
DELETE FROM events
WHERE event_id IN (SELECT event_id FROM affected_events)
  AND event_id NOT IN (SELECT event_id FROM event_mentions)
  AND event_id NOT IN (SELECT event_id FROM alerts)
  AND registry_number IS NULL;
