-- The temp tables of one match or persist call.
DROP TABLE IF EXISTS dedupe_batch;
DROP TABLE IF EXISTS dedupe_batch_bands;
DROP TABLE IF EXISTS dedupe_staged;
DROP TABLE IF EXISTS dedupe_changed;
DROP TABLE IF EXISTS dedupe_staged_pairs;
DROP TABLE IF EXISTS dedupe_merges;
