-- $story_ids, $into_story_ids, $via_article_ids: stored stories absorbed by older ones
-- (parallel lists); $now: load time (UTC). Records each merge and moves the absorbed
-- stories' stored articles; dedupe_relabelled lists them (their events' story counts
-- change).
CREATE OR REPLACE TEMP TABLE dedupe_merges AS
SELECT *
FROM (
    SELECT unnest($story_ids::VARCHAR[]) AS story_id,
           unnest($into_story_ids::VARCHAR[]) AS into_story_id,
           unnest($via_article_ids::VARCHAR[]) AS via_article_id
)
QUALIFY row_number() OVER (PARTITION BY story_id ORDER BY into_story_id) = 1;

INSERT INTO dedupe_story_merges (story_id, into_story_id, via_article_id, merged_at)
SELECT story_id, into_story_id, via_article_id, $now
FROM dedupe_merges
ON CONFLICT (story_id) DO UPDATE SET
    into_story_id = excluded.into_story_id, via_article_id = excluded.via_article_id,
    merged_at = excluded.merged_at
WHERE dedupe_story_merges.into_story_id <> excluded.into_story_id;

CREATE OR REPLACE TEMP TABLE dedupe_relabelled AS
SELECT a.article_id, a.story_id AS old_story_id, m.into_story_id AS story_id
FROM articles AS a
JOIN dedupe_merges AS m ON a.story_id = m.story_id;

UPDATE articles SET story_id = m.into_story_id
FROM dedupe_merges AS m
WHERE articles.story_id = m.story_id;
