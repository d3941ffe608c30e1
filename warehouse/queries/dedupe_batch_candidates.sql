-- Pairs of batch articles sharing at least one LSH band (positions, first < second).
SELECT DISTINCT x.position AS first, y.position AS second
FROM dedupe_batch_bands AS x
JOIN dedupe_batch_bands AS y ON x.band_key = y.band_key AND x.position < y.position;
