-- One batch of signatures (parallel lists in batch order, article ids unique) and its LSH
-- band keys, as temp tables for the candidate queries. $article_ids, $text_hashes,
-- $minhashes, $shingles: the lists; $bands, $band_bytes (4 × rows): the scheme's banding;
-- $min_shingles: shorter texts get no bands (exact matching only). Band keys as in
-- dedupe_bands: band · 2^96 + the band's bytes of the sketch as a 96-bit integer.
CREATE OR REPLACE TEMP TABLE dedupe_batch AS
SELECT unnest($article_ids::VARCHAR[]) AS article_id,
       unnest($text_hashes::VARCHAR[]) AS text_hash,
       unnest($minhashes::BLOB[]) AS minhash,
       unnest($shingles::INTEGER[]) AS shingles,
       unnest(range(len($article_ids::VARCHAR[]))) AS position;

CREATE OR REPLACE TEMP TABLE dedupe_batch_bands AS
SELECT b.position, b.article_id,
       (t.band::HUGEINT << 96)
       + (b.minhash[t.band * $band_bytes + 1 : (t.band + 1) * $band_bytes])::BIT::HUGEINT
           AS band_key
FROM dedupe_batch AS b, range($bands) AS t(band)
WHERE b.minhash IS NOT NULL AND b.shingles >= $min_shingles;
