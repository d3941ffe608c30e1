-- $path: source_runs.jsonl, $now: load time (UTC).
INSERT INTO source_runs (run_id, source, loaded_at, discovered, fetched, not_modified,
                         robots_skipped, failed)
SELECT run_id, source, $now, coalesce(discovered, 0), coalesce(fetched, 0),
       coalesce(not_modified, 0), coalesce(robots_skipped, 0), coalesce(failed, 0)
FROM read_json($path, format = 'newline_delimited', columns = {
    run_id: 'VARCHAR', source: 'VARCHAR', discovered: 'INTEGER', fetched: 'INTEGER',
    not_modified: 'INTEGER', robots_skipped: 'INTEGER', failed: 'INTEGER'})
ON CONFLICT DO NOTHING;
