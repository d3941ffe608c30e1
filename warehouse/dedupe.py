"""Dedupe against the warehouse: candidates by a SQL band join, keyed writes of sketches.

`match_stories(con, signatures)` stages the batch in temp tables and asks DuckDB for
stored articles with the same text hash and for stored articles sharing an LSH band with
a batch article (a join against `dedupe_bands`: history stays in the database, only the
candidates come out), and for band-sharing pairs inside the batch; then
`extractors.dedupe.decide_stories` verifies and decides. It writes nothing but temp
tables, so it can run in the dedupe task on a short connection.

`persist(con, signatures, result)` writes the signatures and their band keys, the pair
decisions and the story merges (moving the absorbed stories' stored articles). It opens
no transaction: call it inside the store transaction, after the articles are loaded.

`backfill(con)` signs stored articles that have no sketch of the current scheme (a
warehouse older than these tables, or a changed [sketch] in seeds/dedupe.toml).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

import duckdb

from extractors.dedupe import (
    DedupeResult,
    DedupeSettings,
    Signature,
    StoredCandidate,
    decide_stories,
    default_settings,
    hasher_for,
    story_id_for,
)
from warehouse.connect import query_sql_file, run_sql_file, utc_now

# Rows fetched at a time when streaming batch candidate pairs (bounded memory).
_FETCH_ROWS = 50_000


@dataclass(frozen=True)
class PersistCounts:
    """What `persist` wrote: signatures new or changed, pair rows staged, stories merged,
    and the stored articles moved to another story by those merges."""

    signatures: int
    pairs: int
    merges: int
    relabelled_article_ids: list[str]


def _stream(con: duckdb.DuckDBPyConnection, name: str) -> Iterator[tuple]:
    result = query_sql_file(con, name)
    while rows := result.fetchmany(_FETCH_ROWS):
        yield from rows


def _unique(signatures: Sequence[Signature]) -> list[Signature]:
    """One signature per article id, the first given (as the article load keeps one)."""
    seen: dict[str, Signature] = {}
    for signature in signatures:
        seen.setdefault(signature.article_id, signature)
    return list(seen.values())


def match_stories(
    con: duckdb.DuckDBPyConnection,
    signatures: Sequence[Signature],
    settings: DedupeSettings | None = None,
) -> DedupeResult:
    """Decide the story of every batch article against the batch and all stored articles."""
    settings = settings or default_settings()
    batch = _unique(signatures)
    if not batch:
        return DedupeResult([], [], [])
    scheme = settings.scheme
    try:
        run_sql_file(
            con, "dedupe_stage_batch.sql",
            article_ids=[s.article_id for s in batch],
            text_hashes=[s.text_hash for s in batch],
            minhashes=[s.minhash if s.scheme == scheme.name else None for s in batch],
            shingles=[s.shingles for s in batch],
            bands=scheme.bands, band_bytes=4 * scheme.rows, min_shingles=settings.min_shingles,
        )
        stored = [
            StoredCandidate(batch[position].article_id, stored_id, story_id, exact=True)
            for position, stored_id, story_id in query_sql_file(
                con, "dedupe_exact_candidates.sql").fetchall()
        ]
        stored += [
            StoredCandidate(batch[position].article_id, stored_id, story_id, False, minhash,
                            shingles)
            for position, stored_id, story_id, minhash, shingles in query_sql_file(
                con, "dedupe_history_candidates.sql", scheme=scheme.name,
                min_shingles=settings.min_shingles).fetchall()
        ]
        founded = dict(query_sql_file(con, "dedupe_story_founding.sql",
                                      story_ids=sorted({c.story_id for c in stored})).fetchall())
        proposed = sorted({story_id_for(s.text_hash) for s in batch})
        taken = {row[0] for row in query_sql_file(con, "dedupe_taken_stories.sql",
                                                  story_ids=proposed).fetchall()}
        # Streamed: nothing else may run on the connection until the pairs are consumed.
        return decide_stories(batch, _stream(con, "dedupe_batch_candidates.sql"), stored,
                              founded, taken, settings)
    finally:
        run_sql_file(con, "dedupe_drop_batch.sql")


def persist(
    con: duckdb.DuckDBPyConnection,
    signatures: Sequence[Signature],
    result: DedupeResult,
    settings: DedupeSettings | None = None,
    *,
    now: datetime | None = None,
) -> PersistCounts:
    """Write signatures, band keys, pair decisions and story merges (keyed, idempotent).

    Runs inside the caller's transaction. Leaves the temp table `dedupe_relabelled`
    (article_id, old_story_id, story_id): stored articles whose story a merge changed.
    """
    settings = settings or default_settings()
    now = now or utc_now()
    batch = _unique(signatures)
    scheme = settings.scheme
    run_sql_file(
        con, "dedupe_persist_signatures.sql",
        article_ids=[s.article_id for s in batch], text_hashes=[s.text_hash for s in batch],
        schemes=[s.scheme for s in batch], shingles=[s.shingles for s in batch],
        minhashes=[s.minhash for s in batch], now=now,
        bands=scheme.bands, band_bytes=4 * scheme.rows,
    )
    changed = con.execute("SELECT count(*) FROM dedupe_changed").fetchone()[0]
    pairs = result.pairs
    run_sql_file(
        con, "dedupe_persist_pairs.sql",
        firsts=[p.article_id for p in pairs], seconds=[p.other_article_id for p in pairs],
        methods=[p.method for p in pairs], similarities=[p.similarity for p in pairs],
        merged=[p.merged for p in pairs], threshold=settings.jaccard_threshold,
        scheme=scheme.name, now=now,
    )
    merges = result.merges
    run_sql_file(
        con, "dedupe_merge_stories.sql",
        story_ids=[m.story_id for m in merges], into_story_ids=[m.into_story_id for m in merges],
        via_article_ids=[m.article_id for m in merges], now=now,
    )
    relabelled = [row[0] for row in con.execute(
        "SELECT article_id FROM dedupe_relabelled ORDER BY article_id").fetchall()]
    run_sql_file(con, "dedupe_drop_batch.sql")
    return PersistCounts(changed, len(pairs), len(merges), relabelled)


def backfill(
    con: duckdb.DuckDBPyConnection,
    settings: DedupeSettings | None = None,
    *,
    batch_size: int = 5_000,
    engine: str = "auto",
) -> int:
    """Sign every stored article lacking a sketch of the current scheme; returns how many.

    One transaction per `batch_size` articles (call it outside a transaction); a crash
    loses at most one batch, which the next call signs. Stories are not re-decided: this
    makes history matchable by the nights that follow.
    """
    settings = settings or default_settings()
    hasher = hasher_for(settings.scheme)
    done = 0
    while rows := query_sql_file(con, "dedupe_unsigned_articles.sql",
                                 scheme=settings.scheme.name, limit=batch_size).fetchall():
        sketches = hasher.sketches([text for _, _, text in rows], engine=engine)
        signatures = [
            Signature(article_id, text_hash, settings.scheme.name, sketch.shingles,
                      sketch.minhash)
            for (article_id, text_hash, _), sketch in zip(rows, sketches, strict=True)
        ]
        con.execute("BEGIN TRANSACTION")
        try:
            persist(con, signatures, DedupeResult([], [], []), settings)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        done += len(rows)
    return done


def stories_by_id(con: duckdb.DuckDBPyConnection, story_ids: Sequence[str]) -> dict[str, tuple]:
    """story_id → (canonical_article_id, copies) from the `stories` view."""
    rows = query_sql_file(con, "stories_by_id.sql", story_ids=sorted(set(story_ids))).fetchall()
    return {story: (canonical, copies) for story, canonical, copies in rows}
