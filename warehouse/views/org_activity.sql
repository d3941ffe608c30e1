-- org_activity: per organisation, events by type and the latest event date.
CREATE OR REPLACE VIEW org_activity AS
WITH final AS (
    SELECT organization,
           count(*) AS events,
           count(*) FILTER (WHERE event_type = 'release') AS releases,
           count(*) FILTER (WHERE event_type = 'upgrade') AS upgrades,
           count(*) FILTER (WHERE event_type IN ('filing', 'registration')) AS filings,
           count(*) FILTER (WHERE event_type = 'open_source') AS open_source,
           count(*) FILTER (WHERE event_type IN ('acquisition', 'funding')) AS deals,
           count(DISTINCT model) AS models,
           max(coalesce(event_date, reported_on)) AS latest
    FROM events
    WHERE organization IS NOT NULL
    GROUP BY organization
)
SELECT * FROM final ORDER BY events DESC, organization;
