-- Pairs of batch articles sharing at least one LSH band (positions, first < second), in a
-- fixed order so that the same batch is always decided the same way.
SELECT DISTINCT x.position AS first, y.position AS second
FROM dedupe_batch_bands AS x
JOIN dedupe_batch_bands AS y ON x.band_key = y.band_key AND x.position < y.position
ORDER BY first, second;
