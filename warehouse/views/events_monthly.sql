-- events_monthly: events per type and month of the event, else of its first news report
-- (events with neither date have no month and are left out).
CREATE OR REPLACE VIEW events_monthly AS
WITH dated AS (
    SELECT event_type, date_trunc('month', coalesce(event_date, reported_on))::DATE AS month
    FROM events
    WHERE coalesce(event_date, reported_on) IS NOT NULL
),
final AS (
    SELECT month, event_type, count(*) AS events
    FROM dated
    GROUP BY ALL
)
SELECT * FROM final ORDER BY month, event_type;
