-- $path: sources.jsonl, $now: load time (UTC)
INSERT INTO sources (name, kind, url, path, enabled, first_seen_at, last_run_id)
SELECT name, kind, url, path, enabled, $now, run_id
FROM read_json($path, format = 'newline_delimited', columns = {
    name: 'VARCHAR', kind: 'VARCHAR', url: 'VARCHAR', path: 'VARCHAR', enabled: 'BOOLEAN',
    run_id: 'VARCHAR'})
ON CONFLICT (name) DO UPDATE SET
    kind = excluded.kind, url = excluded.url, path = excluded.path,
    enabled = excluded.enabled, last_run_id = excluded.last_run_id;
