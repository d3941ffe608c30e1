-- source_health: per source, pages fetched and failed over all nights, the last good
-- night, and the articles and event mentions it contributed.
CREATE OR REPLACE VIEW source_health AS
WITH nights AS (
    SELECT source,
           count(*) AS nights,
           sum(fetched) AS fetched,
           sum(not_modified) AS not_modified,
           sum(failed) AS failed,
           sum(robots_skipped) AS robots_skipped,
           max(loaded_at) FILTER (WHERE fetched + not_modified > 0) AS last_success_at,
           max(loaded_at) AS last_run_at
    FROM source_runs
    GROUP BY source
),
stored AS (
    SELECT source, count(*) AS articles FROM articles GROUP BY source
),
mentioned AS (
    -- Mentions, not distinct events: a count distinct over every mention is the slow part,
    -- and "how much event evidence came from here" is what the health check asks.
    SELECT a.source, count(*) AS mentions
    FROM event_mentions AS m
    JOIN articles AS a USING (article_id)
    GROUP BY a.source
),
final AS (
    SELECT s.name AS source, s.kind, s.enabled,
           coalesce(n.nights, 0) AS nights, coalesce(n.fetched, 0) AS fetched,
           coalesce(n.not_modified, 0) AS not_modified, coalesce(n.failed, 0) AS failed,
           coalesce(n.robots_skipped, 0) AS robots_skipped,
           n.last_success_at, n.last_run_at,
           coalesce(a.articles, 0) AS articles, coalesce(m.mentions, 0) AS event_mentions
    FROM sources AS s
    LEFT JOIN nights AS n ON n.source = s.name
    LEFT JOIN stored AS a ON a.source = s.name
    LEFT JOIN mentioned AS m ON m.source = s.name
)
SELECT * FROM final ORDER BY enabled DESC, source;
