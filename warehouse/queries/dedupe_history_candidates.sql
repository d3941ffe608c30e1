-- Stored articles sharing at least one LSH band with a batch article: the band join that
-- compares tonight's batch with all of history inside DuckDB. Returns each candidate once
-- with what verification needs (its sketch) and its story. $scheme: only sketches of the
-- same scheme compare; $min_shingles: shorter stored texts are matched exactly only.
WITH shared AS (
    SELECT DISTINCT bb.position, h.article_id AS stored_id
    FROM dedupe_batch_bands AS bb
    JOIN dedupe_bands AS h ON h.band = bb.band AND h.band_key = bb.band_key
    WHERE h.article_id = bb.article_id
       OR h.article_id NOT IN (SELECT article_id FROM dedupe_batch)
)
SELECT s.position, s.stored_id, a.story_id, sig.minhash, sig.shingles
FROM shared AS s
JOIN dedupe_signatures AS sig ON sig.article_id = s.stored_id
JOIN articles AS a ON a.article_id = s.stored_id
WHERE sig.scheme = $scheme AND sig.shingles >= $min_shingles
ORDER BY s.position, s.stored_id;
