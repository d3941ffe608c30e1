-- $1: how many rows. Undelivered alerts first (with their last error), then the newest sent.
SELECT al.status, e.event_type, e.model, e.organization, e.batch, al.created_at,
       al.sent_at, al.attempts, al.delivery, al.error
FROM alerts AS al
JOIN events AS e USING (event_id)
ORDER BY al.status = 'sent', coalesce(al.sent_at, al.created_at) DESC, e.model
LIMIT $1;
