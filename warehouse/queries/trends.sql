-- $by: 'week' | 'month'; $type, $org, $since: filters (NULL: none). Events per period and
-- type, dated by the event, else by its first news report; undated events have no period.
WITH dated AS (
    SELECT event_type, organization,
           coalesce(event_date, reported_on) AS day
    FROM events
    WHERE coalesce(event_date, reported_on) IS NOT NULL
),
filtered AS (
    SELECT date_trunc($by, day)::DATE AS period, event_type
    FROM dated
    WHERE ($type IS NULL OR event_type = $type)
      AND ($org IS NULL OR organization ILIKE '%' || $org || '%')
      AND ($since IS NULL OR day >= $since)
),
final AS (
    SELECT period,
           count(*) AS total,
           count(*) FILTER (WHERE event_type = 'release') AS release,
           count(*) FILTER (WHERE event_type = 'upgrade') AS upgrade,
           count(*) FILTER (WHERE event_type = 'filing') AS filing,
           count(*) FILTER (WHERE event_type = 'registration') AS registration,
           count(*) FILTER (WHERE event_type = 'open_source') AS open_source,
           count(*) FILTER (WHERE event_type = 'price_change') AS price_change,
           count(*) FILTER (WHERE event_type = 'acquisition') AS acquisition,
           count(*) FILTER (WHERE event_type = 'funding') AS funding
    FROM filtered
    GROUP BY period
)
SELECT * FROM final ORDER BY period;
