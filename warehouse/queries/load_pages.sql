-- $path: pages.jsonl, $now: load time (UTC). A page whose bytes did not change keeps its row.
INSERT INTO pages (url, source, final_url, status, content_type, charset, headers, body,
                   content_hash, first_fetched_at, fetched_at)
SELECT url, source, final_url, status, content_type, charset, headers, from_base64(body_b64),
       content_hash, fetched_at, fetched_at
FROM read_json($path, format = 'newline_delimited', columns = {
    url: 'VARCHAR', source: 'VARCHAR', final_url: 'VARCHAR', status: 'INTEGER',
    content_type: 'VARCHAR', charset: 'VARCHAR', headers: 'JSON', body_b64: 'VARCHAR',
    content_hash: 'VARCHAR', fetched_at: 'TIMESTAMP'})
QUALIFY row_number() OVER (PARTITION BY url ORDER BY fetched_at DESC) = 1
ON CONFLICT (url) DO UPDATE SET
    source = excluded.source, final_url = excluded.final_url, status = excluded.status,
    content_type = excluded.content_type, charset = excluded.charset,
    headers = excluded.headers, body = excluded.body, content_hash = excluded.content_hash,
    fetched_at = excluded.fetched_at
WHERE pages.content_hash <> excluded.content_hash;
