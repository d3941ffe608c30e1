-- new_models: models discovered in the news (not in the gazetteer), per week first seen.
CREATE OR REPLACE VIEW new_models AS
WITH final AS (
    SELECT date_trunc('week', first_seen_at)::DATE AS week,
           count(*) AS models,
           list(model ORDER BY model) AS names
    FROM models
    WHERE status = 'discovered'
    GROUP BY ALL
)
SELECT * FROM final ORDER BY week DESC;
