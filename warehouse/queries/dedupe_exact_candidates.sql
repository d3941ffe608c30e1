-- Stored articles with the same normalised text as a batch article (dedupe_batch): one row
-- per batch position and stored story, naming that story's earliest such article. Stored
-- rows of other batch articles are old versions being replaced, so they do not count; a
-- batch article's own stored row does (an unchanged re-run keeps its story).
SELECT b.position, arg_min(a.article_id, a.first_seen_at) AS stored_id, a.story_id
FROM dedupe_batch AS b
JOIN articles AS a ON a.text_hash = b.text_hash
WHERE a.article_id = b.article_id
   OR a.article_id NOT IN (SELECT article_id FROM dedupe_batch)
GROUP BY b.position, a.story_id
ORDER BY b.position, a.story_id;
