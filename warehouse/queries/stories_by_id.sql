-- $story_ids: stories → their canonical article and copy count (the `stories` view).
SELECT story_id, canonical_article_id, copies
FROM stories
WHERE story_id IN (SELECT unnest($story_ids::VARCHAR[]))
ORDER BY story_id;
