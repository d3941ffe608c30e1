-- The official filing registry (网信办 lists of 已备案 / 已登记 services): one row per 备案号,
-- linked to the event it proves; problem rows are kept, never silently dropped.
CREATE TABLE IF NOT EXISTS registry_filings (
    number_key      VARCHAR PRIMARY KEY,    -- 备案号 casefolded (spellings vary by list)
    number          VARCHAR NOT NULL,       -- as printed in the first list that had it
    kind            VARCHAR NOT NULL,       -- filing | registration
    province        VARCHAR,
    listed_model    VARCHAR NOT NULL,       -- the name the list gives
    filer           VARCHAR,
    filed_on        DATE,
    model           VARCHAR NOT NULL,       -- canonical: gazetteer or news name, else listed
    organization    VARCHAR,
    event_id        VARCHAR NOT NULL,
    source_url      VARCHAR NOT NULL,
    sheet           VARCHAR,
    row_index       INTEGER,
    first_seen_at   TIMESTAMP NOT NULL,
    run_id          VARCHAR
);

CREATE TABLE IF NOT EXISTS registry_problems (
    source_url      VARCHAR NOT NULL,
    sheet           VARCHAR NOT NULL,       -- '' for CSV
    row_index       INTEGER NOT NULL,
    reason          VARCHAR NOT NULL,
    detail          VARCHAR,
    raw             VARCHAR,
    first_seen_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (source_url, sheet, row_index, reason)
);

-- Events the registry proves: the number and the official date beside the news dates.
ALTER TABLE events ADD COLUMN IF NOT EXISTS registry_number VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS registry_filed_on DATE;
