-- model_timeline: per model, first news date, releases, upgrades (versions) and filing.
CREATE OR REPLACE VIEW model_timeline AS
WITH per_model AS (
    SELECT model,
           any_value(organization) AS organization,
           min(coalesce(event_date, reported_on)) AS first_seen_in_news,
           min(event_date) FILTER (WHERE event_type = 'release') AS released_on,
           count(*) FILTER (WHERE event_type = 'upgrade') AS upgrades,
           string_agg(DISTINCT version, ', ' ORDER BY version)
               FILTER (WHERE event_type = 'upgrade') AS versions,
           min(coalesce(event_date, reported_on)) FILTER (WHERE event_type = 'filing')
               AS filed_on,
           min(coalesce(event_date, reported_on)) FILTER (WHERE event_type = 'registration')
               AS registered_on,
           count(*) AS events
    FROM events
    WHERE model IS NOT NULL
    GROUP BY model
),
final AS (
    SELECT p.*, coalesce(m.status, 'discovered') AS model_status
    FROM per_model AS p
    LEFT JOIN models AS m USING (model)
)
SELECT * FROM final ORDER BY first_seen_in_news NULLS LAST, model;
