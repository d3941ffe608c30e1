-- $story_ids: stored stories a batch copies → when each was first seen (the oldest story
-- survives a merge).
SELECT story_id, min(first_seen_at) AS founded
FROM articles
WHERE story_id IN (SELECT unnest($story_ids::VARCHAR[]))
GROUP BY story_id;
