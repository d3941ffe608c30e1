"""Typed records that cross stage boundaries: sources → pages → articles → mentions.

Every stage takes and returns these frozen dataclasses (never dicts), so a stage can be
tested alone and the flow only wires them together.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Generic, TypeVar

T = TypeVar("T")

SOURCE_KINDS = ("feed", "sitemap", "listing", "page", "files", "registry")
EVENT_TYPES = (
    "release",
    "upgrade",
    "filing",
    "registration",
    "open_source",
    "price_change",
    "acquisition",
    "funding",
)
DATE_PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True)
class Source:
    """One declared source of pages (an entry of `[[sources]]`)."""

    name: str
    kind: str
    url: str | None = None
    path: str | None = None
    enabled: bool = True
    # Relative `path` globs are resolved against this folder (the config's own folder).
    base_dir: str = "."
    options: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class PageRef:
    """A page to fetch: where it is and which source found it."""

    source: str
    url: str
    # Local file path for `files` sources; None for HTTP.
    local_path: str | None = None


@dataclass(frozen=True)
class Page:
    """Raw bytes of one fetched page, kept so re-extraction never needs a re-crawl."""

    source: str
    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes
    content_hash: str
    fetched_at: datetime
    charset: str | None = None
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ParsedDocument:
    """What a parser found in a page before cleaning: title, metadata, raw paragraphs."""

    title: str | None
    paragraphs: list[str]
    published_at: datetime | None = None
    site_name: str | None = None
    author: str | None = None
    # "zh", "en", … from the share of CJK letters in the body (None: no letters at all).
    language: str | None = None
    # Parser-level removals (pre-clean rule → blocks), merged into Article.removed.
    removed: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class Article:
    """Clean body text and metadata of one page."""

    article_id: str
    url: str
    source: str
    title: str
    text: str
    # Simplified-Chinese, NFKC-normalised copy of `text`, used for matching and dedupe.
    text_simplified: str
    text_hash: str
    published_at: datetime | None = None
    site_name: str | None = None
    author: str | None = None
    removed: tuple[tuple[str, int], ...] = ()  # cleaning rule → lines/paragraphs removed
    story_id: str | None = None
    language: str | None = None  # "zh", "en", … (share of CJK letters, else <html lang>)


@dataclass(frozen=True)
class Dropped:
    """An item a stage could not use, with the reason (counted and stored, never lost)."""

    stage: str
    item: str
    reason: str
    detail: str = ""


@dataclass(frozen=True)
class EventDate:
    """A date as precise as the news said it: 3月16日 (day), 今年3月 (month), 2023年 (year)."""

    value: date
    precision: str


@dataclass(frozen=True)
class Mention:
    """One event as stated in one sentence of one article."""

    event_id: str
    article_id: str
    event_type: str
    model: str | None
    organization: str | None
    sentence: str
    cue: str
    sentence_index: int
    event_date: EventDate | None = None
    batch: int | None = None
    version: str | None = None
    model_status: str = "gazetteer"  # or "discovered" for names the gazetteer lacks


@dataclass(frozen=True)
class StageResult(Generic[T]):  # noqa: UP046 (3.11 has no PEP 695)
    """What a stage hands on plus what it dropped, so the run summary can count both."""

    items: list[T] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
