-- Alerts still to deliver, with what the digest shows of their event. Rows left in
-- 'sending' by a crash come back with their message_id so the same digest is rebuilt.
WITH evidence AS (
    SELECT m.event_id,
           list(DISTINCT a.url ORDER BY a.url) AS urls,
           arg_min(m.sentence, length(m.sentence)) AS sentence,
           arg_min(a.title, length(m.sentence)) AS title
    FROM event_mentions AS m
    JOIN articles AS a USING (article_id)
    GROUP BY m.event_id
),
listed AS (
    SELECT event_id, list(DISTINCT source_url ORDER BY source_url) AS urls
    FROM registry_filings
    GROUP BY event_id
)
SELECT al.alert_id, al.status, al.message_id, e.event_type, e.model, e.organization,
       e.batch, e.event_date, e.date_precision, e.first_seen_at,
       coalesce(mo.status, 'discovered') AS model_status,
       list_distinct(list_concat(coalesce(ev.urls, []), coalesce(li.urls, []))) AS urls,
       ev.sentence, ev.title, e.registry_number, e.registry_filed_on
FROM alerts AS al
JOIN events AS e USING (event_id)
LEFT JOIN models AS mo ON mo.model = e.model
LEFT JOIN evidence AS ev USING (event_id)
LEFT JOIN listed AS li USING (event_id)
WHERE al.status IN ('pending', 'sending')
ORDER BY al.status = 'sending' DESC, e.first_seen_at, e.event_date NULLS LAST, e.model;
