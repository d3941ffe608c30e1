-- $now: load time (UTC). The outbox: the first filing or registration event of a model gets
-- a pending alert in the same transaction that stores the event.
INSERT INTO alerts (alert_id, event_id, status, created_at, attempts)
SELECT substr(sha256('alert:' || e.event_id), 1, 16), e.event_id, 'pending', $now, 0
FROM events AS e
WHERE e.event_type IN ('filing', 'registration')
  AND e.event_id IN (SELECT event_id FROM affected_events)
ON CONFLICT DO NOTHING;
