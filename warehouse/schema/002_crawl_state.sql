-- Crawl state per canonical URL (pages, feeds, sitemaps, listings): the validators sent back
-- as If-None-Match / If-Modified-Since next time, so unchanged documents cost a 304.
CREATE TABLE IF NOT EXISTS crawl_state (
    url            VARCHAR PRIMARY KEY,
    etag           VARCHAR,
    last_modified  VARCHAR,
    updated_at     TIMESTAMP NOT NULL
);
