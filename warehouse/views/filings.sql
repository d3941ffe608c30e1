-- filings: every filing/registration: filed on (registry date, else the news date), 备案号,
-- first reported in the news on, by how many stories and sources, and on whose authority
-- (unordered: add ORDER BY in the query; sorting every filing costs more than the rest).
CREATE OR REPLACE VIEW filings AS
WITH final AS (
    SELECT e.model, e.organization, e.event_type AS kind, e.batch,
           coalesce(e.registry_filed_on, e.event_date) AS filed_on,
           CASE WHEN e.registry_filed_on IS NOT NULL THEN 'day' ELSE e.date_precision END
               AS date_precision,
           e.registry_number, e.reported_on AS first_reported_on,
           e.story_count AS stories, e.article_count AS articles,
           coalesce(e.source_count, 0) AS sources,
           CASE WHEN e.registry_number IS NOT NULL AND e.mention_count > 0 THEN 'registry+news'
                WHEN e.registry_number IS NOT NULL THEN 'registry' ELSE 'news' END
               AS authority,
           coalesce(m.status, 'discovered') AS model_status, e.first_seen_at, e.event_id
    FROM events AS e
    LEFT JOIN models AS m USING (model)
    WHERE e.event_type IN ('filing', 'registration')
)
SELECT * FROM final;
