-- $story_ids: ids the batch would give new stories → those a stored article (not in the
-- batch) already carries, so a new story must pick another.
SELECT DISTINCT story_id
FROM articles
WHERE story_id IN (SELECT unnest($story_ids::VARCHAR[]))
  AND article_id NOT IN (SELECT article_id FROM dedupe_batch);
