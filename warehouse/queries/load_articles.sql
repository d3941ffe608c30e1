-- $path: articles.jsonl, $now: load time (UTC). First, remember which events the old versions
-- of these articles fed, so their merged rows are recomputed below.
CREATE OR REPLACE TEMP TABLE staged_articles AS
SELECT *
FROM read_json($path, format = 'newline_delimited', columns = {
    article_id: 'VARCHAR', url: 'VARCHAR', source: 'VARCHAR', title: 'VARCHAR',
    published_at: 'TIMESTAMP', site_name: 'VARCHAR', author: 'VARCHAR', text: 'VARCHAR',
    text_simplified: 'VARCHAR', text_hash: 'VARCHAR', story_id: 'VARCHAR', removed: 'JSON',
    language: 'VARCHAR'})
QUALIFY row_number() OVER (PARTITION BY article_id) = 1;

INSERT INTO articles (article_id, url, source, title, published_at, site_name, author, text,
                      text_simplified, text_hash, story_id, removed, first_seen_at,
                      extracted_at, language)
SELECT article_id, url, source, title, published_at, site_name, author, text,
       text_simplified, text_hash, story_id, removed, $now, $now, language
FROM staged_articles
ON CONFLICT (article_id) DO UPDATE SET
    url = excluded.url, source = excluded.source, title = excluded.title,
    published_at = excluded.published_at, site_name = excluded.site_name,
    author = excluded.author, text = excluded.text, text_simplified = excluded.text_simplified,
    text_hash = excluded.text_hash, story_id = excluded.story_id, removed = excluded.removed,
    extracted_at = excluded.extracted_at, language = excluded.language
WHERE articles.text_hash <> excluded.text_hash
   OR articles.title IS DISTINCT FROM excluded.title
   OR articles.published_at IS DISTINCT FROM excluded.published_at;
