"""Write one run's stage outputs to the warehouse in a single short transaction.

The records are first spooled as JSON-lines files (one per table) next to the warehouse,
then loaded set-wise with `INSERT … SELECT … ON CONFLICT` (warehouse/queries/*.sql). The
write lock is held only for the load, and a load that fails can be replayed from the
spool. Every load is keyed, so storing the same batch twice changes nothing.
"""

from __future__ import annotations

import base64
import json
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from extractors.dedupe import DedupeResult, Signature
from extractors.gazetteer import Gazetteer
from extractors.records import Article, Dropped, Mention, Page, Source
from extractors.registry import LinkedFiling, RegistryProblem
from warehouse.connect import run_sql_file, sql_file, utc_now
from warehouse.dedupe import persist


@dataclass(frozen=True)
class StoreBatch:
    """Everything one run hands to the warehouse."""

    run_id: str
    sources: list[Source] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    gazetteer: Gazetteer | None = None
    # canonical URL → (ETag, Last-Modified) the crawl saw, to send back next time.
    validators: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    # source name → tonight's counts (fetched, not_modified, failed …) for source_health.
    source_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    registry: list[LinkedFiling] = field(default_factory=list)
    registry_problems: list[RegistryProblem] = field(default_factory=list)
    # MinHash signatures and story decisions: persisted in the same transaction; a spool
    # replayed without them gets its signatures from backfill() and exact-text stories.
    signatures: list[Signature] = field(default_factory=list)
    dedupe: DedupeResult | None = None


@dataclass(frozen=True)
class StoreCounts:
    """Rows each table gained (new) by this load, alerts queued, and the new events."""

    new_pages: int
    new_articles: int
    new_mentions: int
    new_events: int
    new_alerts: int
    new_event_rows: tuple[dict, ...] = ()


def spool_batch(batch: StoreBatch, spool_dir: Path) -> Path:
    """Write the batch as JSON lines under spool_dir/<run_id>/ and return that folder."""
    folder = spool_dir / batch.run_id
    folder.mkdir(parents=True, exist_ok=True)
    _write_jsonl(folder / "sources.jsonl", (_source_row(s, batch.run_id) for s in batch.sources))
    _write_jsonl(folder / "pages.jsonl", (_page_row(p) for p in batch.pages))
    _write_jsonl(folder / "articles.jsonl", (_article_row(a) for a in batch.articles))
    _write_jsonl(folder / "mentions.jsonl", (_mention_row(m) for m in batch.mentions))
    _write_jsonl(folder / "dropped.jsonl", (_dropped_row(d, batch.run_id) for d in batch.dropped))
    _write_jsonl(folder / "crawl_state.jsonl", (
        {"url": url, "etag": etag, "last_modified": modified}
        for url, (etag, modified) in batch.validators.items()))
    _write_jsonl(folder / "registry.jsonl", (_registry_row(f, batch.run_id)
                                             for f in batch.registry))
    _write_jsonl(folder / "registry_problems.jsonl", (
        {"source_url": p.source_file, "sheet": p.sheet, "row_index": p.row_index,
         "reason": p.reason, "detail": p.detail, "raw": " | ".join(p.raw)}
        for p in batch.registry_problems))
    _write_jsonl(folder / "source_runs.jsonl", (
        {"run_id": batch.run_id, "source": name, **numbers}
        for name, numbers in batch.source_counts.items()))
    gazetteer = batch.gazetteer
    _write_jsonl(folder / "organizations.jsonl", _organization_rows(gazetteer))
    _write_jsonl(folder / "models.jsonl", _model_rows(gazetteer))
    return folder


def load_spool(con: duckdb.DuckDBPyConnection, folder: Path,
               checkpoint: Callable[[str], None] | None = None,
               batch: StoreBatch | None = None) -> StoreCounts:
    """Load a spooled batch in one transaction; on success the spool folder is removed.

    `checkpoint("loading")` is called inside the transaction, before it commits (the crash
    tests kill the process there)."""
    now = utc_now()
    before = _table_counts(con)
    con.execute("BEGIN TRANSACTION")
    try:
        run_sql_file(
            con, "load_gazetteer.sql", now=now,
            organizations_path=str(folder / "organizations.jsonl"),
            models_path=str(folder / "models.jsonl"),
        )
        for name, spooled in (
            ("load_sources.sql", "sources.jsonl"),
            ("load_pages.sql", "pages.jsonl"),
            ("load_articles.sql", "articles.jsonl"),
            ("load_mentions.sql", "mentions.jsonl"),
            ("load_dropped.sql", "dropped.jsonl"),
            ("load_crawl_state.sql", "crawl_state.jsonl"),
            ("load_source_runs.sql", "source_runs.jsonl"),
        ):
            run_sql_file(con, name, path=str(folder / spooled), now=now)
        run_sql_file(con, "load_registry.sql", path=str(folder / "registry.jsonl"),
                     problems_path=str(folder / "registry_problems.jsonl"), now=now)
        if batch is not None and batch.dedupe is not None:
            persist(con, batch.signatures, batch.dedupe, now=now)
            run_sql_file(con, "dedupe_affected_events.sql")
        run_sql_file(con, "merge_events.sql", now=now)
        run_sql_file(con, "create_alerts.sql", now=now)
        if checkpoint is not None:
            checkpoint("loading")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    after = _table_counts(con)
    cursor = con.execute(sql_file("new_events.sql"), [now])
    columns = [d[0] for d in cursor.description]
    new_events = tuple(dict(zip(columns, row, strict=True)) for row in cursor.fetchall())
    shutil.rmtree(folder, ignore_errors=True)
    return StoreCounts(
        **{f"new_{name}": after[name] - before[name] for name in before},
        new_event_rows=new_events,
    )


def leftover_spools(spool_dir: Path, keep: str | None = None) -> list[Path]:
    """Spools of earlier runs that never reached the warehouse, oldest first."""
    if not spool_dir.is_dir():
        return []
    folders = [f for f in spool_dir.iterdir() if f.is_dir() and f.name != keep
               and (f / "articles.jsonl").exists()]
    return sorted(folders, key=lambda folder: folder.stat().st_mtime)


def _table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    row = con.execute(
        "SELECT (SELECT count(*) FROM pages), (SELECT count(*) FROM articles),"
        " (SELECT count(*) FROM event_mentions), (SELECT count(*) FROM events),"
        " (SELECT count(*) FROM alerts)"
    ).fetchone()
    return dict(zip(("pages", "articles", "mentions", "events", "alerts"), row, strict=True))


def _write_jsonl(path: Path, rows: Iterable[dict]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False, default=str))
            handle.write("\n")


def _source_row(source: Source, run_id: str) -> dict:
    return {
        "name": source.name, "kind": source.kind, "url": source.url, "path": source.path,
        "enabled": source.enabled, "run_id": run_id,
    }


def _page_row(page: Page) -> dict:
    return {
        "url": page.url, "source": page.source, "final_url": page.final_url,
        "status": page.status, "content_type": page.content_type, "charset": page.charset,
        "headers": dict(page.headers), "body_b64": base64.b64encode(page.body).decode("ascii"),
        "content_hash": page.content_hash, "fetched_at": page.fetched_at.isoformat(),
    }


def _article_row(article: Article) -> dict:
    return {
        "article_id": article.article_id, "url": article.url, "source": article.source,
        "title": article.title,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "site_name": article.site_name, "author": article.author, "text": article.text,
        "text_simplified": article.text_simplified, "text_hash": article.text_hash,
        "story_id": article.story_id, "removed": dict(article.removed),
        "language": article.language,
    }


def _mention_row(mention: Mention) -> dict:
    date = mention.event_date
    return {
        "event_id": mention.event_id, "article_id": mention.article_id,
        "sentence_index": mention.sentence_index, "event_type": mention.event_type,
        "model": mention.model, "organization": mention.organization,
        "version": mention.version,
        "event_date": date.value.isoformat() if date else None,
        "date_precision": date.precision if date else None,
        "batch": mention.batch, "cue": mention.cue, "sentence": mention.sentence,
        "model_status": mention.model_status,
    }


def _registry_row(filing: LinkedFiling, run_id: str) -> dict:
    row = filing.row
    return {
        "number_key": row.key, "number": row.number, "kind": row.kind,
        "province": row.province, "listed_model": row.model, "filer": row.filer,
        "filed_on": row.filed_on.isoformat() if row.filed_on else None,
        "model": filing.model, "organization": filing.organization,
        "model_status": filing.model_status, "event_id": filing.event_id,
        "source_url": row.source_file, "sheet": row.sheet, "row_index": row.row_index,
        "run_id": run_id,
    }


def _dropped_row(dropped: Dropped, run_id: str) -> dict:
    return {
        "run_id": run_id, "stage": dropped.stage, "item": dropped.item,
        "reason": dropped.reason, "detail": dropped.detail,
    }


def _organization_rows(gazetteer: Gazetteer | None) -> Iterable[dict]:
    if gazetteer is None:
        return
    for name, entry in gazetteer.organizations.items():
        yield {
            "organization": name,
            "aliases": list(entry.aliases),
            "country": entry.country,
        }


def _model_rows(gazetteer: Gazetteer | None) -> Iterable[dict]:
    if gazetteer is None:
        return
    for name, entry in gazetteer.models.items():
        yield {
            "model": name, "organization": entry.organization,
            "aliases": list(entry.aliases), "family": entry.family,
            "status": "gazetteer",
        }
