-- $path: dropped.jsonl
INSERT INTO dropped_items (run_id, stage, item, reason, detail)
SELECT run_id, stage, item, reason, detail
FROM read_json($path, format = 'newline_delimited', columns = {
    run_id: 'VARCHAR', stage: 'VARCHAR', item: 'VARCHAR', reason: 'VARCHAR',
    detail: 'VARCHAR'})
ON CONFLICT DO NOTHING;
