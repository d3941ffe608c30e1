-- Near-duplicate stories (issue 5). warehouse/dedupe.py writes these tables (persist) and
-- reads them with a SQL band join (match_stories), so tonight's article is compared with
-- every stored one without loading history. `articles.story_id` stays the one place that
-- says which story an article belongs to; the `stories` view summarises it.

-- One MinHash sketch per article (extractors/minhash.py).
CREATE SEQUENCE IF NOT EXISTS dedupe_signature_ids;
CREATE TABLE IF NOT EXISTS dedupe_signatures (
    article_id    VARCHAR PRIMARY KEY,
    -- Compact key for dedupe_bands: the band join scans millions of rows, and an integer
    -- joins several times faster than a 16-character id. Never changes for an article.
    signature_id  BIGINT NOT NULL UNIQUE DEFAULT nextval('dedupe_signature_ids'),
    text_hash     VARCHAR NOT NULL,     -- articles.text_hash when signed
    scheme        VARCHAR NOT NULL,     -- shingle size, bins, seed: other schemes never compare
    shingles      INTEGER NOT NULL,     -- shingle positions in the match form
    minhash       BLOB,                 -- bins × uint32, big-endian; NULL: under one shingle
    signed_at     TIMESTAMP NOT NULL
);

-- The sketch cut into LSH bands: two articles with an equal band_key are candidates.
-- band_key = band · 2^96 + the band's `rows` (3) bin values read as one 96-bit integer:
-- exact (no hash), one column to join on. Derived from dedupe_signatures.minhash alone.
CREATE TABLE IF NOT EXISTS dedupe_bands (
    signature_id  BIGINT NOT NULL,
    band          USMALLINT NOT NULL,
    band_key      HUGEINT NOT NULL,
    PRIMARY KEY (signature_id, band)
);

-- Every pair compared and either merged or kept as a near miss: the audit trail.
CREATE TABLE IF NOT EXISTS dedupe_pairs (
    article_a    VARCHAR NOT NULL,      -- the smaller article id of the pair
    article_b    VARCHAR NOT NULL,
    method       VARCHAR NOT NULL,      -- exact (same normalised text) | minhash
    similarity   DOUBLE NOT NULL,       -- 1.0 for exact, else the estimated Jaccard
    merged       BOOLEAN NOT NULL,      -- false: a near miss, below the threshold
    threshold    DOUBLE NOT NULL,       -- jaccard_threshold in force when decided
    scheme       VARCHAR NOT NULL,
    decided_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (article_a, article_b)
);

-- A stored story absorbed by an older one, because a new article copies both.
CREATE TABLE IF NOT EXISTS dedupe_story_merges (
    story_id        VARCHAR PRIMARY KEY,  -- the absorbed story (no article carries it now)
    into_story_id   VARCHAR NOT NULL,
    via_article_id  VARCHAR NOT NULL,
    merged_at       TIMESTAMP NOT NULL
);

-- One row per story: its canonical article (the most complete text, then the earliest
-- published, then the first seen) and how many articles (copies, the canonical included)
-- and outlets carry it.
CREATE OR REPLACE VIEW stories AS
WITH members AS (
    SELECT story_id, article_id, source, title, url, published_at, first_seen_at,
           length(text) AS chars
    FROM articles
),
ranked AS (
    SELECT *,
           row_number() OVER (
               PARTITION BY story_id
               ORDER BY chars DESC, published_at ASC NULLS LAST, first_seen_at, article_id
           ) AS rank
    FROM members
),
final AS (
    SELECT story_id,
           any_value(article_id) FILTER (WHERE rank = 1) AS canonical_article_id,
           any_value(title) FILTER (WHERE rank = 1) AS title,
           any_value(url) FILTER (WHERE rank = 1) AS url,
           count(*) AS copies,
           count(DISTINCT source) AS sources,
           min(published_at) AS first_published_at,
           min(first_seen_at) AS first_seen_at,
           max(first_seen_at) AS last_seen_at
    FROM ranked
    GROUP BY story_id
)
SELECT * FROM final;
