-- What analysts' views need without scanning every mention: the day news first reported
-- an event, and per-source results of every night.
ALTER TABLE events ADD COLUMN IF NOT EXISTS reported_on DATE;  -- earliest article date

CREATE TABLE IF NOT EXISTS source_runs (
    run_id          VARCHAR NOT NULL,
    source          VARCHAR NOT NULL,
    loaded_at       TIMESTAMP NOT NULL,
    discovered      INTEGER NOT NULL DEFAULT 0,
    fetched         INTEGER NOT NULL DEFAULT 0,
    not_modified    INTEGER NOT NULL DEFAULT 0,
    robots_skipped  INTEGER NOT NULL DEFAULT 0,
    failed          INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, source)
);
