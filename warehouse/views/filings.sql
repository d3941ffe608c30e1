-- filings: every filing/registration with batch, date, how many stories and sources report it
-- (unordered: add ORDER BY in the query; sorting every filing costs more than the rest).
CREATE OR REPLACE VIEW filings AS
WITH final AS (
    SELECT e.model, e.organization, e.event_type AS kind, e.batch, e.event_date AS filed_on,
           e.date_precision, e.reported_on AS first_reported_on, e.story_count AS stories,
           e.article_count AS sources, coalesce(m.status, 'discovered') AS model_status,
           e.first_seen_at, e.event_id
    FROM events AS e
    LEFT JOIN models AS m USING (model)
    WHERE e.event_type IN ('filing', 'registration')
)
SELECT * FROM final;
