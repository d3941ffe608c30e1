-- $1: the load time: events this load created, for the run's artifacts.
SELECT event_type, model, organization, version, event_date, date_precision, batch,
       article_count AS articles
FROM events
WHERE first_seen_at = $1
ORDER BY event_type, event_date NULLS LAST, model;
