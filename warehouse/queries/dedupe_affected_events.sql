-- After `persist` and load_mentions.sql, inside the store transaction: the events of stored
-- articles that a story merge moved (dedupe_relabelled) need their story counts
-- recomputed by merge_events.sql, like the events of the batch's own articles.
INSERT INTO affected_events
SELECT DISTINCT m.event_id
FROM event_mentions AS m
JOIN dedupe_relabelled AS r USING (article_id)
WHERE m.event_id NOT IN (SELECT event_id FROM affected_events);
