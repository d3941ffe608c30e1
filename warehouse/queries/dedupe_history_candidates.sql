-- Stored articles sharing at least one LSH band with a batch article: the band join that
-- compares tonight's batch with all of history inside DuckDB. Returns each candidate once
-- with what verification needs (its sketch) and its story. $scheme: only sketches of the
-- same scheme compare; $min_shingles: shorter stored texts are matched exactly only.
-- Stored rows of other batch articles are old versions being replaced: they do not count.
WITH shared AS (
    SELECT DISTINCT bb.position, h.signature_id
    FROM dedupe_batch_bands AS bb
    JOIN dedupe_bands AS h ON h.band_key = bb.band_key
)
SELECT s.position, sig.article_id, a.story_id, sig.minhash, sig.shingles
FROM shared AS s
JOIN dedupe_signatures AS sig ON sig.signature_id = s.signature_id
JOIN articles AS a ON a.article_id = sig.article_id
JOIN dedupe_batch AS b ON b.position = s.position
WHERE sig.scheme = $scheme AND sig.shingles >= $min_shingles
  AND (sig.article_id = b.article_id
       OR sig.article_id NOT IN (SELECT article_id FROM dedupe_batch))
ORDER BY s.position, sig.article_id;
