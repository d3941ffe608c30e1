"""The nightly flow: the one place that writes down the order of the stages.

discover+fetch → keep changed pages → extract+clean → dedupe → events → store → alert.
Every task takes the whole batch (a Prefect task run costs milliseconds of bookkeeping, an
article microseconds of work) and is a thin verb over a pure stage function. Flow
parameters are paths only: pages and articles never travel through the Prefect API.
"""

from __future__ import annotations

import os
import signal
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.logging.loggers import flow_run_logger
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn

from alerts.send import SendReport, recipients_for, send_due_alerts, send_operator_message
from extractors.article import ExtractionSettings, extract_articles
from extractors.crawl import WEB_KINDS, CrawlPolicy, CrawlState, crawl
from extractors.dedupe import (
    DedupeResult,
    Signature,
    assign,
    assign_stories,
    default_settings,
    signatures,
)
from extractors.discover import discover_files
from extractors.events import CueRules, extract_mentions
from extractors.fetch import fetch_files, registry_files
from extractors.gazetteer import Gazetteer
from extractors.records import Article, Dropped, Mention, Page, Source, StageResult
from extractors.registry import (
    LinkedFiling,
    RegistryProblem,
    RegistryRow,
    link_filings,
    normalised_name,
    page_has_registry_table,
    parse_registry_file,
)
from flows.config import Config, CrawlSettings, load_config
from flows.summary import RunSummary
from warehouse.connect import WarehouseLocked, connect, utc_now
from warehouse.dedupe import backfill, match_stories
from warehouse.reads import (
    crawl_validators,
    stored_page_hashes,
    stored_page_urls,
    stored_pages,
)
from warehouse.runs import close_run, open_run
from warehouse.store import StoreBatch, StoreCounts, leftover_spools, load_spool, spool_batch

T = TypeVar("T")
# Tasks hash nothing (inputs are large batches) and retry only where I/O can flake.
BATCH_TASK = {"cache_policy": NO_CACHE, "persist_result": False}
# Crash tests set this to a checkpoint name; the process then SIGKILLs itself there.
CRASH_ENV = "MODELWATCH_CRASH_AT"
# Reads of history (stored hashes, validators) wait at most this long for another process's
# lock, then the night goes on without history (fetching and extracting everything); only
# the final write waits the full warehouse.lock_timeout_s.
HISTORY_LOCK_WAIT_S = 5.0
# The nightly schedule; prefect.yaml states the same (a test keeps them equal).
NIGHTLY_CRON = "0 2 * * *"
NIGHTLY_TIMEZONE = "Asia/Shanghai"


def crash_point(name: str) -> None:
    """Test hook: die here, as a power cut would, when MODELWATCH_CRASH_AT names this point."""
    if os.environ.get(CRASH_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)


def read_history(config: Config, read: Callable[[Any], T], default: T) -> T:
    """A read of what earlier nights stored; while another process holds the warehouse,
    the night carries on as if there were no history (it only costs work)."""
    wait = min(config.warehouse.lock_timeout_s, HISTORY_LOCK_WAIT_S)
    try:
        with connect(config.warehouse.path, lock_timeout_s=wait) as con:
            return read(con)
    except WarehouseLocked as exc:
        get_run_logger().warning("reading history skipped: %s", exc)
        return default


@dataclass(frozen=True)
class ChangedPages:
    pages: list[Page]
    unchanged: int
    new: int


@dataclass(frozen=True)
class Fetched:
    """What the fetch stage hands on: pages, what answered 304, and how each source did."""

    pages: list[Page]
    dropped: list[Dropped]
    not_modified: int
    requests: int
    validators: dict[str, tuple[str | None, str | None]]
    per_source: dict[str, dict[str, int]]


@task(name="fetch_pages", **BATCH_TASK)
def fetch_pages(sources: tuple[Source, ...], config: Config) -> Fetched:
    """Local files and the web crawl (one shared client, polite per host) as one batch."""
    pages: list[Page] = []
    dropped: list[Dropped] = []
    per_source: dict[str, dict[str, int]] = {}
    web: list[Source] = []
    for source in sources:
        if source.kind == "files":
            found = discover_files(source)
            fetched = fetch_files(found.items, max_bytes=config.crawl.max_bytes)
            failed = found.dropped + fetched.dropped
            pages.extend(fetched.items)
            dropped.extend(failed)
            per_source[source.name] = {"fetched": len(fetched.items), "failed": len(failed)}
        elif source.kind == "registry" and source.path:  # a local copy of the registry lists
            files = registry_files(source, max_bytes=config.crawl.max_bytes)
            pages.extend(files.items)
            dropped.extend(files.dropped)
            per_source[source.name] = {"fetched": len(files.items), "failed": len(files.dropped)}
        elif source.kind in WEB_KINDS:
            web.append(source)
        else:
            dropped.append(Dropped("discover", source.name, "kind_not_supported", source.kind))
    if not web:
        return Fetched(pages, dropped, 0, 0, {}, per_source)
    state = read_history(
        config, lambda con: CrawlState(crawl_validators(con), stored_page_urls(con)),
        CrawlState())
    with crawl_progress() as progress:
        result = crawl(web, crawl_policy(config.crawl), state, progress)
    for name, counts in result.counts.items():
        numbers = {key: value for key, value in vars(counts).items() if key != "failed"}
        per_source[name] = {**numbers, "failed": sum(n for _, n in counts.failed)}
    return Fetched(pages + result.pages, dropped + result.dropped, len(result.not_modified),
                   result.requests, result.validators, per_source)


def crawl_policy(settings: CrawlSettings) -> CrawlPolicy:
    return CrawlPolicy(**vars(settings))


@contextmanager
def crawl_progress() -> Iterator[Callable[[int, int], None] | None]:
    """A live request counter on a terminal; nothing in logs or under a scheduler."""
    if not sys.stderr.isatty():
        yield None
        return
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), transient=True,
                  console=Console(stderr=True)) as bar:
        task_id = bar.add_task("crawling", total=None)

        def update(requests: int, pages: int) -> None:
            bar.update(task_id, description=f"crawling: {requests} requests, {pages} pages")

        yield update


@dataclass(frozen=True)
class RegistryRead:
    filings: list[LinkedFiling]
    problems: list[RegistryProblem]


@task(name="read_registry", **BATCH_TASK)
def read_registry(pages: list[Page], config: Config, gazetteer: Gazetteer) -> RegistryRead:
    """Registry lists → filings linked to models (gazetteer, else names the news used)."""
    rows: dict[str, RegistryRow] = {}
    problems: list[RegistryProblem] = []
    for page in pages:
        if page.charset is not None and not page_has_registry_table(
                page.body.decode(page.charset, errors="replace")):
            continue  # an announcement page that only links to its spreadsheets
        parsed = parse_registry_file(page.body, page.url, page.content_type)
        for row in parsed.rows:
            rows.setdefault(row.key, row)  # the same 备案号 in two lists is one filing
        problems.extend(parsed.problems)
    if not rows:
        return RegistryRead([], problems)
    news_models = read_history(config, news_model_names, {})
    return RegistryRead(link_filings(list(rows.values()), gazetteer, news_models), problems)


def news_model_names(con) -> dict[str, str]:
    """Normalised name → model, for every model an event already names."""
    models = con.execute("SELECT DISTINCT model FROM events WHERE model IS NOT NULL").fetchall()
    return {normalised_name(model): model for (model,) in models}


@task(name="load_stored_pages", **BATCH_TASK)
def load_stored_pages(config: Config) -> Fetched:
    """For `reprocess`: the stored raw pages stand in for tonight's fetch."""
    with connect(config.warehouse.path, lock_timeout_s=config.warehouse.lock_timeout_s) as con:
        pages = stored_pages(con)
    return Fetched(pages, [], 0, 0, {}, {})


@task(name="select_changed_pages", **BATCH_TASK)
def select_changed_pages(pages: list[Page], config: Config) -> ChangedPages:
    """Pages whose bytes the warehouse does not hold yet: only these are extracted."""
    stored = read_history(config, lambda con: stored_page_hashes(con, [p.url for p in pages]), {})
    changed = [page for page in pages if stored.get(page.url) != page.content_hash]
    new = sum(page.url not in stored for page in changed)
    return ChangedPages(changed, len(pages) - len(changed), new)


@task(name="extract_articles", **BATCH_TASK)
def extract(pages: list[Page]) -> StageResult[Article]:
    return extract_articles(pages, ExtractionSettings.load(), now=datetime.now())


@dataclass(frozen=True)
class Deduped:
    articles: list[Article]
    signatures: list[Signature]
    result: DedupeResult | None  # None: the warehouse was locked, exact-text stories only


@task(name="dedupe_articles", **BATCH_TASK)
def dedupe(articles: list[Article], config: Config) -> Deduped:
    """Stories against the batch and all history (band join in DuckDB), then verified."""
    # The settings the store's persist and the start-of-night backfill use: one reading of
    # seeds/dedupe.toml per process, so sketches and band keys never mix two schemes.
    settings = default_settings()
    sketches = signatures(articles, settings)
    result = read_history(config, lambda con: match_stories(con, sketches, settings), None)
    if result is None:
        return Deduped(assign_stories(articles, {}), [], None)
    return Deduped(assign(articles, result), sketches, result)


@task(name="extract_events", **BATCH_TASK)
def find_events(articles: list[Article], gazetteer: Gazetteer) -> list[Mention]:
    return extract_mentions(articles, gazetteer, CueRules.load())


@task(name="store_batch", retries=2, retry_delay_seconds=[2, 10], **BATCH_TASK)
def store(batch: StoreBatch, config: Config) -> StoreCounts:
    """Spool, then load in one short transaction (retried: the lock may be busy)."""
    folder = spool_batch(batch, config.warehouse.spool_dir)
    crash_point("spooled")
    with connect(config.warehouse.path, lock_timeout_s=config.warehouse.lock_timeout_s) as con:
        return load_spool(con, folder, checkpoint=crash_point, batch=batch)


@task(name="send_alerts", **BATCH_TASK)
def send_alerts(config: Config) -> SendReport:
    return send_due_alerts(
        config.warehouse.path, recipients_for(config),
        lock_timeout_s=config.warehouse.lock_timeout_s, checkpoint=crash_point,
    )


def _run_id() -> str:
    from prefect.runtime import flow_run

    return str(flow_run.id or uuid.uuid4())


def report_failed_night(flow, flow_run, state) -> None:
    """on_failure / on_crashed hook: log it, and email the operator when SMTP is set."""
    logger = flow_run_logger(flow_run, flow)
    message = f"nightly run {flow_run.name} ({flow_run.id}) ended {state.name}: {state.message}"
    logger.error(message)
    try:
        config = load_config(flow_run.parameters.get("config_path"),
                             db_path=flow_run.parameters.get("db_path"))
        recipients = recipients_for(config) if config.alerts.operator else None
        if recipients is not None and recipients.smtp_url:
            where = send_operator_message(recipients, config.alerts.operator,
                                          subject="[modelwatch] nightly run failed",
                                          body=message)
            logger.info("operator told: %s", where)
    except Exception as exc:  # the hook must never hide the failure it reports
        logger.error("could not email the operator: %s", exc)


@flow(name="nightly", log_prints=False, on_failure=[report_failed_night],
      on_crashed=[report_failed_night])
def nightly(config_path: str | None = None, db_path: str | None = None,
            reprocess: bool = False) -> RunSummary:
    """One night: every enabled source through every stage into the warehouse.

    With `reprocess`, nothing is fetched: every stored page is extracted again with
    today's rules and gazetteer, and its articles, stories and events are replaced."""
    config = load_config(config_path, db_path=db_path)
    started = time.perf_counter()
    summary = RunSummary(run_id=_run_id(), warehouse=str(config.warehouse.path))
    _open(config, summary)
    status = "failed"
    new_events: list[dict] = []
    try:
        new_events = _run_stages(config, summary, reprocess=reprocess)
        status = summary.status
    except Exception as exc:
        summary.errors.append(f"{type(exc).__name__}: {exc}")
        raise
    finally:
        summary.duration_s = time.perf_counter() - started
        _close(config, summary, status)
    get_run_logger().info(
        "run %s %s: %s", summary.run_id, summary.status,
        "; ".join(f"{stage} {numbers}" for stage, numbers in summary.stages.items()),
    )
    create_markdown_artifact(key="nightly-summary", markdown=summary.markdown(new_events),
                             description="counts per stage, new events, failures")
    create_table_artifact(key="nightly-new-events", table=_plain_rows(new_events) or [{}],
                          description="events first seen tonight")
    return summary


def _open(config: Config, summary: RunSummary) -> None:
    """Record the run as running and first load what an earlier, failed night spooled."""

    def start(con) -> list[str]:
        open_run(con, summary.run_id, utc_now())
        replayed = []
        for folder in leftover_spools(config.warehouse.spool_dir, keep=summary.run_id):
            load_spool(con, folder)
            replayed.append(folder.name)
        backfill(con)  # sketches for replayed articles (and warehouses older than them)
        return replayed

    replayed = read_history(config, start, [])
    if replayed:
        summary.count("replay", spools=len(replayed))


def _plain_rows(rows: list[dict]) -> list[dict]:
    return [{k: (str(v) if v is not None else "") for k, v in row.items()} for row in rows]


def _as_task(task_, *args):
    return task_(*args)


def _as_function(task_, *args):
    return task_.fn(*args)


def run_without_prefect(config: Config) -> RunSummary:
    """The same stages in the same order as plain calls: the baseline for the overhead
    benchmark (benchmarks/flow_overhead.py), not a way to run nights."""
    summary = RunSummary(run_id=f"direct-{uuid.uuid4()}", warehouse=str(config.warehouse.path))
    _run_stages(config, summary, call=_as_function)
    return summary


def _run_stages(config: Config, summary: RunSummary, call=_as_task,
                reprocess: bool = False) -> list[dict]:
    """Every stage in order; returns tonight's new events."""
    sources = tuple(s for s in config.sources if s.enabled)
    with _timed(summary, "fetch"):
        if reprocess:
            fetched = call(load_stored_pages, config)
            changed = ChangedPages(fetched.pages, 0, 0)
        else:
            fetched = call(fetch_pages, sources, config)
            changed = call(select_changed_pages, fetched.pages, config)
    crash_point("fetched")
    summary.dropped.extend(fetched.dropped)
    summary.sources.update(fetched.per_source)
    summary.count("fetch", sources=len(sources), requests=fetched.requests,
                  pages=len(fetched.pages), new=changed.new,
                  changed=len(changed.pages) - changed.new, unchanged=changed.unchanged,
                  not_modified=fetched.not_modified)
    kinds = {source.name: source.kind for source in config.sources}
    registry_pages = [p for p in changed.pages if kinds.get(p.source) == "registry"]
    article_pages = [p for p in changed.pages if kinds.get(p.source) != "registry"]
    with _timed(summary, "extract"):
        extracted = call(extract, article_pages)
    crash_point("extracted")
    summary.dropped.extend(extracted.dropped)
    summary.count("extract", articles=len(extracted.items), dropped=len(extracted.dropped))
    with _timed(summary, "dedupe"):
        deduped = call(dedupe, extracted.items, config)
    articles = deduped.articles
    stats = deduped.result.stats if deduped.result else {}
    summary.count("dedupe", articles=len(articles),
                  stories=len({article.story_id for article in articles}),
                  near_duplicates=stats.get("minhash_merged", 0),
                  merged_stories=stats.get("merged_stories", 0))
    with _timed(summary, "events"):
        gazetteer = Gazetteer.load()
        mentions = call(find_events, articles, gazetteer)
    if registry_pages:
        with _timed(summary, "registry"):
            registry = call(read_registry, registry_pages, config, gazetteer)
        summary.count("registry", documents=len(registry_pages),
                      filings=len(registry.filings), problems=len(registry.problems))
    else:
        registry = RegistryRead([], [])
    summary.count("events", mentions=len(mentions),
                  events=len({mention.event_id for mention in mentions}))
    with _timed(summary, "store"):
        counts = call(
            store,
            StoreBatch(
                run_id=summary.run_id, sources=list(config.sources), pages=changed.pages,
                articles=articles, mentions=mentions, dropped=summary.dropped,
                gazetteer=gazetteer, validators=fetched.validators,
                source_counts=fetched.per_source, registry=registry.filings,
                registry_problems=registry.problems, signatures=deduped.signatures,
                dedupe=deduped.result,
            ),
            config,
        )
    crash_point("stored")
    summary.count("store", pages=counts.new_pages, articles=counts.new_articles,
                  mentions=counts.new_mentions, events=counts.new_events,
                  alerts_queued=counts.new_alerts)
    with _timed(summary, "alert"):
        report = call(send_alerts, config)
    summary.count("alert", digests=report.digests_sent, alerts_sent=report.alerts_sent,
                  alerts_failed=report.alerts_failed)
    summary.deliveries.extend(report.deliveries)
    summary.errors.extend(f"alert delivery: {error}" for error in report.errors)
    return list(counts.new_event_rows)


def _close(config: Config, summary: RunSummary, status: str) -> None:
    try:
        with connect(config.warehouse.path,
                     lock_timeout_s=config.warehouse.lock_timeout_s) as con:
            close_run(
                con, summary.run_id, finished_at=utc_now(), status=status,
                duration_s=summary.duration_s,
                counts={**summary.stages, "sources": summary.sources},
                dropped=summary.dropped_by_reason, summary=summary.render(),
            )
    except Exception as exc:  # the run's own outcome matters more than its log row
        get_run_logger().warning("could not record the run in %s: %s",
                                 config.warehouse.path, exc)


@contextmanager
def _timed(summary: RunSummary, stage: str) -> Iterator[None]:
    """Record a stage's wall time in the summary."""
    start = time.perf_counter()
    try:
        yield
    finally:
        summary.seconds[stage] = time.perf_counter() - start
