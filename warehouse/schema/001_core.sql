-- Core tables. Every table declares its key; loads are INSERT … ON CONFLICT on that key,
-- so re-running a night changes nothing. Timestamps are UTC except articles.published_at,
-- which is the outlet's own local time as printed (China Standard Time for Chinese news).

CREATE TABLE IF NOT EXISTS sources (
    name           VARCHAR PRIMARY KEY,
    kind           VARCHAR NOT NULL,        -- feed | sitemap | listing | page | files | registry
    url            VARCHAR,
    path           VARCHAR,
    enabled        BOOLEAN NOT NULL,
    first_seen_at  TIMESTAMP NOT NULL,
    last_run_id    VARCHAR
);

-- Raw bytes and headers of every fetched page: re-extraction never needs a re-crawl.
CREATE TABLE IF NOT EXISTS pages (
    url              VARCHAR PRIMARY KEY,   -- canonical URL (file:<relative path> for files)
    source           VARCHAR NOT NULL,
    final_url        VARCHAR NOT NULL,
    status           INTEGER NOT NULL,
    content_type     VARCHAR,
    charset          VARCHAR,
    headers          JSON,
    body             BLOB,
    content_hash     VARCHAR NOT NULL,
    first_fetched_at TIMESTAMP NOT NULL,
    fetched_at       TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
    article_id      VARCHAR PRIMARY KEY,    -- hash of the canonical URL
    url             VARCHAR NOT NULL,
    source          VARCHAR NOT NULL,
    title           VARCHAR,
    published_at    TIMESTAMP,
    site_name       VARCHAR,
    author          VARCHAR,
    text            VARCHAR NOT NULL,       -- original characters, boilerplate removed
    text_simplified VARCHAR NOT NULL,       -- simplified + NFKC, for matching and dedupe
    text_hash       VARCHAR NOT NULL,       -- hash of the punctuation-free simplified text
    story_id        VARCHAR NOT NULL,       -- copies of one text share a story
    removed         JSON,                   -- cleaning rule → paragraphs removed
    first_seen_at   TIMESTAMP NOT NULL,
    extracted_at    TIMESTAMP NOT NULL
);

-- One event as one sentence of one article states it.
CREATE TABLE IF NOT EXISTS event_mentions (
    event_id        VARCHAR NOT NULL,
    article_id      VARCHAR NOT NULL,
    sentence_index  INTEGER NOT NULL,
    event_type      VARCHAR NOT NULL,
    model           VARCHAR,
    organization    VARCHAR,
    version         VARCHAR,
    event_date      DATE,
    date_precision  VARCHAR,                -- day | month | year
    batch           INTEGER,                -- filing batch (第N批)
    cue             VARCHAR NOT NULL,
    sentence        VARCHAR NOT NULL,
    extracted_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (event_id, article_id, sentence_index)
);

-- Mentions merged: one row per (type, model or organisation, version).
CREATE TABLE IF NOT EXISTS events (
    event_id        VARCHAR PRIMARY KEY,
    event_type      VARCHAR NOT NULL,
    model           VARCHAR,
    organization    VARCHAR,
    version         VARCHAR,
    event_date      DATE,                   -- the most precise date any mention gives
    date_precision  VARCHAR,
    batch           INTEGER,
    mention_count   INTEGER NOT NULL,
    article_count   INTEGER NOT NULL,
    story_count     INTEGER NOT NULL,
    first_seen_at   TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS organizations (
    organization    VARCHAR PRIMARY KEY,
    aliases         VARCHAR[],
    country         VARCHAR
);

CREATE TABLE IF NOT EXISTS models (
    model           VARCHAR PRIMARY KEY,
    organization    VARCHAR,
    aliases         VARCHAR[],
    family          VARCHAR,
    status          VARCHAR NOT NULL,       -- gazetteer | discovered
    first_seen_at   TIMESTAMP NOT NULL
);

-- The outbox: a pending row is written in the same transaction as its event; delivery
-- moves it to sent, or back to pending with the error, and never sends a sent row again.
CREATE TABLE IF NOT EXISTS alerts (
    alert_id        VARCHAR PRIMARY KEY,
    event_id        VARCHAR NOT NULL UNIQUE,
    status          VARCHAR NOT NULL,       -- pending | sending | sent
    created_at      TIMESTAMP NOT NULL,
    sent_at         TIMESTAMP,
    message_id      VARCHAR,                -- stable, derived from the digest's alert ids
    delivery        VARCHAR,                -- eml:<path> | smtp:<host>
    attempts        INTEGER NOT NULL DEFAULT 0,
    error           VARCHAR
);

CREATE TABLE IF NOT EXISTS runs (
    run_id          VARCHAR PRIMARY KEY,
    started_at      TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP,
    status          VARCHAR NOT NULL,       -- running | ok | failed_items | failed
    duration_s      DOUBLE,
    counts          JSON,                   -- per stage: in, out, new, unchanged …
    dropped         JSON,                   -- stage:reason → count
    summary         VARCHAR                 -- the text printed at the end of the run
);

-- Every item a stage dropped, with its reason: nothing is lost silently.
CREATE TABLE IF NOT EXISTS dropped_items (
    run_id          VARCHAR NOT NULL,
    stage           VARCHAR NOT NULL,
    item            VARCHAR NOT NULL,
    reason          VARCHAR NOT NULL,
    detail          VARCHAR,
    PRIMARY KEY (run_id, stage, item)
);
