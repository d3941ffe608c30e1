-- $scheme, $limit: stored articles without a sketch of this scheme, oldest first, for
-- `backfill` (a warehouse older than the dedupe tables, or a changed [sketch] setting).
SELECT a.article_id, a.text_hash, a.text_simplified
FROM articles AS a
LEFT JOIN dedupe_signatures AS s ON s.article_id = a.article_id AND s.scheme = $scheme
WHERE s.article_id IS NULL
ORDER BY a.first_seen_at, a.article_id
LIMIT $limit;
