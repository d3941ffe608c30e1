-- $article_ids, $text_hashes, $schemes, $shingles, $minhashes: signatures (parallel lists,
-- batch order); $now: load time (UTC); $bands, $band_bytes: the banding of the scheme.
-- Keyed and idempotent: an unchanged signature changes nothing; a changed one replaces its
-- bands, and the pairs of an article whose text changed are decided again.
CREATE OR REPLACE TEMP TABLE dedupe_staged AS
SELECT *
FROM (
    SELECT unnest($article_ids::VARCHAR[]) AS article_id,
           unnest($text_hashes::VARCHAR[]) AS text_hash,
           unnest($schemes::VARCHAR[]) AS scheme,
           unnest($shingles::INTEGER[]) AS shingles,
           unnest($minhashes::BLOB[]) AS minhash,
           unnest(range(len($article_ids::VARCHAR[]))) AS position
)
QUALIFY row_number() OVER (PARTITION BY article_id ORDER BY position) = 1;

CREATE OR REPLACE TEMP TABLE dedupe_changed AS
SELECT s.article_id, d.article_id IS NOT NULL AND d.text_hash <> s.text_hash AS retexted
FROM dedupe_staged AS s
LEFT JOIN dedupe_signatures AS d USING (article_id)
WHERE d.article_id IS NULL
   OR d.text_hash <> s.text_hash
   OR d.scheme <> s.scheme
   OR d.shingles <> s.shingles
   OR d.minhash IS DISTINCT FROM s.minhash;

DELETE FROM dedupe_pairs
WHERE article_a IN (SELECT article_id FROM dedupe_changed WHERE retexted)
   OR article_b IN (SELECT article_id FROM dedupe_changed WHERE retexted);

INSERT INTO dedupe_signatures (article_id, text_hash, scheme, shingles, minhash, signed_at)
SELECT article_id, text_hash, scheme, shingles, minhash, $now
FROM dedupe_staged
WHERE article_id IN (SELECT article_id FROM dedupe_changed)
ON CONFLICT (article_id) DO UPDATE SET
    text_hash = excluded.text_hash, scheme = excluded.scheme, shingles = excluded.shingles,
    minhash = excluded.minhash, signed_at = excluded.signed_at;

DELETE FROM dedupe_bands
WHERE signature_id IN (
    SELECT d.signature_id FROM dedupe_signatures AS d JOIN dedupe_changed USING (article_id));

-- band_key: see dedupe_bands in schema/003_stories.sql.
INSERT INTO dedupe_bands (signature_id, band, band_key)
SELECT d.signature_id, t.band::USMALLINT,
       (t.band::HUGEINT << 96)
       + (d.minhash[t.band * $band_bytes + 1 : (t.band + 1) * $band_bytes])::BIT::HUGEINT
FROM dedupe_signatures AS d
JOIN dedupe_changed USING (article_id), range($bands) AS t(band)
WHERE d.minhash IS NOT NULL
ON CONFLICT (signature_id, band) DO UPDATE SET band_key = excluded.band_key;
