-- $1 type, $2 model substring, $3 organisation substring, $4 since (date), $5 limit.
-- NULL parameters do not filter. Newest first; undated events after dated ones.
SELECT e.event_type, e.model, e.organization, e.version, e.event_date, e.date_precision,
       e.batch, e.article_count AS articles, e.story_count AS stories,
       e.first_seen_at,
       (SELECT arg_min(m.sentence, length(m.sentence)) FROM event_mentions AS m
        WHERE m.event_id = e.event_id) AS evidence
FROM events AS e
WHERE ($1 IS NULL OR e.event_type = $1)
  AND ($2 IS NULL OR e.model ILIKE '%' || $2 || '%')
  AND ($3 IS NULL OR e.organization ILIKE '%' || $3 || '%')
  AND ($4 IS NULL OR e.event_date >= $4)
ORDER BY e.event_date DESC NULLS LAST, e.first_seen_at DESC, e.model
LIMIT $5;
