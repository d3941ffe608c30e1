-- $path: crawl_state.jsonl, $now: load time (UTC). Validators change only when the server's do.
INSERT INTO crawl_state (url, etag, last_modified, updated_at)
SELECT url, etag, last_modified, $now
FROM read_json($path, format = 'newline_delimited', columns = {
    url: 'VARCHAR', etag: 'VARCHAR', last_modified: 'VARCHAR'})
QUALIFY row_number() OVER (PARTITION BY url) = 1
ON CONFLICT (url) DO UPDATE SET
    etag = excluded.etag, last_modified = excluded.last_modified, updated_at = excluded.updated_at
WHERE crawl_state.etag IS DISTINCT FROM excluded.etag
   OR crawl_state.last_modified IS DISTINCT FROM excluded.last_modified;
