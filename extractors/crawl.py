"""Web sources → Pages: discover links (feed, sitemap, listing, page) and fetch them politely.

One shared httpx.AsyncClient. Every request first passes its host's gate (at most
`per_host_concurrency` in flight, starts at least the larger of `per_host_delay_s` and the
robots.txt Crawl-delay apart) and only then takes one of the global slots, so a slow host
ties up its own slots, never the other hosts'. Redirects are followed by hand: every hop is
checked against robots.txt and passes the gate of its own host. Connect errors, timeouts,
429 and 5xx are retried with exponential backoff and jitter (Retry-After wins, capped), then
recorded. Bodies are streamed and cut off past `max_bytes` on the wire or
`max_decompressed_bytes` after gzip/deflate. Validators from `CrawlState` make every GET
conditional; a 304 is reported, never extracted. Links already in `CrawlState.known_urls`
are not fetched again (a feed or listing answering 304 therefore offers no new links, and
failed items of an unchanged feed wait until the feed changes).

Hands on a `CrawlResult`: Pages (raw bytes, headers incl. ETag/Last-Modified, the charset
extractors/decode.py finds), the URLs answered 304, Dropped records with reasons, the
validators to store for next time, and per-source counts for the run summary.
"""

from __future__ import annotations

import asyncio
import random
import re
import time
import zlib
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TypeVar
from urllib.parse import urldefrag, urljoin, urlsplit

import httpx

from extractors.decode import decode_body
from extractors.feeds import WEB_SCHEMES, XmlError, parse_feed
from extractors.fetch import content_hash
from extractors.listing import listing_links
from extractors.records import Dropped, Page, Source
from extractors.registry import attachment_links
from extractors.robots import RobotsCache, RobotsFetch, RobotsRules
from extractors.sitemaps import INFLATE_STEP_BYTES, SitemapEntry, parse_sitemap
from extractors.urls import canonical_url, host_key, origin

T = TypeVar("T")

STAGE = "crawl"
WEB_KINDS = ("feed", "sitemap", "listing", "page", "registry")
# Pages worth keeping: the media types the article stage can parse.
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
# Feeds and sitemaps are XML, but servers label them loosely (text/html, octet-stream, no
# type at all); the parsers tell XML from HTML, so the discovery documents accept more.
XML_TYPES = frozenset({"application/xml", "text/xml", "application/rss+xml",
                       "application/atom+xml", "application/rdf+xml"})
FEED_TYPES = PAGE_TYPES | XML_TYPES | {"application/octet-stream"}
SITEMAP_TYPES = FEED_TYPES | {"application/gzip", "application/x-gzip"}
ACCEPT_PAGE = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5"
# Filing-registry announcements and their attachments: spreadsheets and CSV, which servers
# label in many ways (octet-stream, zip, x-xls …); extractors/registry.py sniffs the bytes.
REGISTRY_TYPES = PAGE_TYPES | frozenset({
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.ms-excel", "application/vnd.ms-excel.sheet.macroenabled.12",
    "application/vnd.oasis.opendocument.spreadsheet", "application/x-xls", "application/xls",
    "application/excel", "text/csv", "application/csv", "application/zip",
    "application/x-zip-compressed", "application/octet-stream", "application/download",
    "application/force-download"})
ACCEPT_REGISTRY = ("text/html,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,"
                   "application/vnd.ms-excel,text/csv;q=0.9,*/*;q=0.5")
ACCEPT_FEED = ("application/rss+xml,application/atom+xml,application/rdf+xml;q=0.9,"
               "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5")
ACCEPT_SITEMAP = "application/xml,text/xml;q=0.9,application/gzip;q=0.8,*/*;q=0.5"
ACCEPT_ROBOTS = "text/plain,*/*;q=0.5"
# Chinese first: some outlets serve an English or international shell to other languages.
ACCEPT_LANGUAGE = "zh-CN,zh;q=0.9,en;q=0.5"
# Only what `_Inflater` can undo in bounded steps; br/zstd would bypass the size cap.
ACCEPT_ENCODING = "gzip, deflate"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
TOO_MANY_REQUESTS = 429
# Per source and night, unless the source sets max_pages: a new feed or a sitemap with
# 50,000 URLs must not eat the night (the rest comes on later nights, newest first).
DEFAULT_MAX_PAGES = 200
# Child sitemaps followed per sitemap source, unless the source sets max_sitemaps.
DEFAULT_MAX_SITEMAPS = 20
# index → index → urlset is the deepest nesting seen in practice; deeper is a trap.
MAX_SITEMAP_DEPTH = 2
# robots.txt Crawl-delay is honoured up to this; a larger value would let one host hold
# the night hostage (a site that wants fewer visits than one a minute should Disallow).
MAX_CRAWL_DELAY_S = 60.0
# Wire-level headers that do not describe the stored (decoded) body, and cookies, which are
# per-visit noise and sometimes personal.
UNSTORED_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding",
                              "connection", "keep-alive", "set-cookie"})
# Retry-After given as seconds may be fractional in the wild ("1.5").
_SECONDS = re.compile(r"^\d+(\.\d+)?$")
# A body served without Content-Type counts as HTML when it starts like HTML within this.
SNIFF_BYTES = 1024
_HTML_HINTS = (b"<!doctype html", b"<html")


@dataclass(frozen=True)
class CrawlPolicy:
    """How hard and how carefully to crawl (defaults mirror flows/config.py CrawlSettings)."""

    user_agent: str
    # Requests in flight over all hosts; keep it above per_host_concurrency, or one slow
    # host could hold every slot.
    global_concurrency: int = 8
    per_host_concurrency: int = 2  # requests in flight per host
    per_host_delay_s: float = 1.0  # minimum gap between two request starts on one host
    timeout_s: float = 20.0  # per attempt, connect to last byte
    max_bytes: int = 5_000_000  # on the wire; more is aborted as too_large
    max_decompressed_bytes: int = 20_000_000  # after gzip/deflate; gzip bombs stop here
    max_redirects: int = 5
    retries: int = 3  # extra attempts after the first, on connect errors, timeouts, 429, 5xx
    backoff_base_s: float = 0.5  # first retry waits about this long, then doubling
    backoff_max_s: float = 30.0  # cap for one backoff and for Retry-After
    respect_robots: bool = True


@dataclass(frozen=True)
class CrawlState:
    """What earlier runs left: validators per canonical URL and the URLs already stored."""

    validators: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    known_urls: frozenset[str] = frozenset()


@dataclass(frozen=True)
class SourceCounts:
    """Per-source numbers for the run summary and the `runs` table."""

    discovered: int = 0  # distinct links the source offered (1 for a page source)
    known: int = 0  # skipped: already stored, or claimed by another source this run
    over_limit: int = 0  # skipped: past the source's max_pages, left for a later night
    fetched: int = 0
    not_modified: int = 0  # 304 answers, discovery documents included
    robots_skipped: int = 0
    failed: tuple[tuple[str, int], ...] = ()  # reason → count


@dataclass(frozen=True)
class CrawlResult:
    """Everything one crawl produced; nothing is lost, every skip has a record."""

    pages: list[Page]
    not_modified: list[str]
    dropped: list[Dropped]
    requests: int
    robots_skipped: list[str]
    elapsed_s: float
    # canonical URL → (ETag, Last-Modified) of every document used this run, feeds and
    # sitemaps included, so the owner can store them and send them back next time.
    validators: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    counts: dict[str, SourceCounts] = field(default_factory=dict)


@dataclass(frozen=True)
class SourceOptions:
    """The per-source options the crawler reads from `Source.options`."""

    max_pages: int = DEFAULT_MAX_PAGES
    max_sitemaps: int = DEFAULT_MAX_SITEMAPS
    link_selector: str | None = None
    link_pattern: re.Pattern[str] | None = None
    link_scope: str | None = None

    @classmethod
    def from_source(cls, source: Source) -> SourceOptions:
        """Parse and check the options; ValueError names the bad one."""
        raw = dict(source.options)
        try:
            pattern = re.compile(raw["link_pattern"]) if raw.get("link_pattern") else None
        except re.error as exc:
            raise ValueError(f"link_pattern {raw['link_pattern']!r}: {exc}") from None
        return cls(
            max_pages=_count_option(raw, "max_pages", DEFAULT_MAX_PAGES),
            max_sitemaps=_count_option(raw, "max_sitemaps", DEFAULT_MAX_SITEMAPS),
            link_selector=raw.get("link_selector") or None,
            link_pattern=pattern,
            link_scope=raw.get("link_scope") or None,
        )


# Called after every request with (requests so far, pages fetched so far): a progress bar.
Progress = Callable[[int, int], None]


def crawl(sources: list[Source], policy: CrawlPolicy, state: CrawlState,
          progress: Progress | None = None) -> CrawlResult:
    """Synchronous wrapper around `crawl_sources` (runs its own event loop)."""
    return asyncio.run(crawl_sources(sources, policy, state, progress))


async def crawl_sources(
    sources: list[Source], policy: CrawlPolicy, state: CrawlState,
    progress: Progress | None = None,
) -> CrawlResult:
    """Crawl every enabled feed/sitemap/listing/page source; other kinds are ignored."""
    started = time.monotonic()
    web = [source for source in sources if source.enabled and source.kind in WEB_KINDS]
    timeout = httpx.Timeout(policy.timeout_s)
    limits = httpx.Limits(max_connections=policy.global_concurrency,
                          max_keepalive_connections=policy.global_concurrency)
    headers = {"User-Agent": policy.user_agent, "Accept-Language": ACCEPT_LANGUAGE,
               "Accept-Encoding": ACCEPT_ENCODING}
    async with httpx.AsyncClient(headers=headers, timeout=timeout, limits=limits,
                                 follow_redirects=False) as client:
        crawler = _Crawler(client, policy, state, progress)
        await asyncio.gather(*(crawler.crawl_source(source) for source in web))
    return crawler.result(time.monotonic() - started)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or HTTP date); None if unusable."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if _SECONDS.match(value):
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff_delay(attempt: int, policy: CrawlPolicy, rng: random.Random) -> float:
    """Exponential backoff with "equal jitter": half fixed, half random, capped."""
    ceiling = min(policy.backoff_max_s, policy.backoff_base_s * 2**attempt)
    return ceiling / 2 + rng.uniform(0, ceiling / 2)


# --- what one request can come back as ----------------------------------------------------


@dataclass(frozen=True)
class _Body:
    """A 2xx answer with its (content-decoded) body."""

    url: str
    final_url: str
    status: int
    content_type: str
    headers: tuple[tuple[str, str], ...]
    body: bytes

    @property
    def media_type(self) -> str:
        return _media_type(self.content_type)

    def header(self, name: str) -> str | None:
        return next((value for key, value in self.headers if key == name), None)


@dataclass(frozen=True)
class _NotModified:
    url: str


@dataclass(frozen=True)
class _Redirect:
    location: str


@dataclass(frozen=True)
class _Failed:
    """A failure to record; `retry` says whether another attempt may help."""

    reason: str
    detail: str = ""
    status: int | None = None
    retry: bool = False
    retry_after_s: float | None = None


_Answer = _Body | _NotModified | _Failed


@dataclass
class _Tally:
    """Mutable per-source counts while crawling; frozen into SourceCounts at the end."""

    discovered: int = 0
    known: int = 0
    over_limit: int = 0
    fetched: int = 0
    not_modified: int = 0
    robots_skipped: int = 0
    failed: Counter[str] = field(default_factory=Counter)

    def freeze(self) -> SourceCounts:
        return SourceCounts(self.discovered, self.known, self.over_limit, self.fetched,
                            self.not_modified, self.robots_skipped,
                            tuple(sorted(self.failed.items())))


# --- politeness ---------------------------------------------------------------------------


class _HostGate:
    """At most `concurrency` requests in flight on one host, starts `delay_s` apart."""

    def __init__(self, concurrency: int, delay_s: float):
        self._slots = asyncio.Semaphore(concurrency)
        self._turn = asyncio.Lock()
        self._base_delay_s = delay_s
        self.delay_s = delay_s
        self._next_start = 0.0
        self._last_start: float | None = None

    @asynccontextmanager
    async def slot(self, global_slots: asyncio.Semaphore) -> AsyncIterator[None]:
        """Wait for a host slot and the host's turn, then a global slot; hold both."""
        loop = asyncio.get_running_loop()
        async with self._slots:
            async with self._turn:
                while (wait := self._next_start - loop.time()) > 0:
                    await asyncio.sleep(wait)
                # The global slot is taken last, so waiting on this host never holds one.
                await global_slots.acquire()
                self._last_start = loop.time()
                self._next_start = self._last_start + self.delay_s
            try:
                yield
            finally:
                global_slots.release()

    def hold_off(self, seconds: float) -> None:
        """No new request to this host for `seconds` (after a Retry-After)."""
        until = asyncio.get_running_loop().time() + seconds
        self._next_start = max(self._next_start, until)

    def apply_crawl_delay(self, crawl_delay_s: float | None) -> None:
        """Slow down to the robots.txt Crawl-delay when it asks for more than we use."""
        if crawl_delay_s is None:
            return
        self.delay_s = max(self._base_delay_s, min(crawl_delay_s, MAX_CRAWL_DELAY_S))
        if self._last_start is not None:
            self._next_start = max(self._next_start, self._last_start + self.delay_s)


# --- bounded content decoding ---------------------------------------------------------------


class _Inflater:
    """Undoes a gzip/deflate Content-Encoding in bounded steps (identity passes through)."""

    def __init__(self, encoding: str):
        self._encoding = encoding
        # MAX_WBITS | 32: accept a gzip or a zlib header; raw deflate is tried on failure.
        self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 32) if encoding != "identity" else None
        self._started = False

    @classmethod
    def for_header(cls, header: str | None) -> _Inflater | None:
        """An inflater for a Content-Encoding header, or None when we cannot undo it."""
        codings = [c.strip().lower() for c in (header or "").split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if not codings:
            return cls("identity")
        if len(codings) == 1 and codings[0] in ("gzip", "x-gzip", "deflate"):
            return cls(codings[0])
        return None

    def feed(self, data: bytes) -> Iterator[bytes]:
        """Decoded pieces of at most INFLATE_STEP_BYTES each; raises zlib.error."""
        if self._zlib is None:
            if data:
                yield data
            return
        pending = data
        while True:
            try:
                out = self._zlib.decompress(pending, INFLATE_STEP_BYTES)
            except zlib.error:
                if self._started or self._encoding != "deflate":
                    raise
                # Some servers send raw deflate (no zlib header) for "deflate".
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                self._started = True
                continue
            self._started = True
            if out:
                yield out
            pending = self._zlib.unconsumed_tail
            if self._zlib.eof or (not pending and len(out) < INFLATE_STEP_BYTES):
                return

    def finish(self) -> bytes:
        """Whatever is left; raises zlib.error when the stream was cut short."""
        if self._zlib is None:
            return b""
        tail = self._zlib.flush()
        if self._started and not self._zlib.eof:
            raise zlib.error("compressed body ends early")
        return tail


# --- the crawler ----------------------------------------------------------------------------


class _Crawler:
    """One run's shared state: client, gates, robots cache and everything recorded."""

    def __init__(self, client: httpx.AsyncClient, policy: CrawlPolicy, state: CrawlState,
                 progress: Progress | None = None):
        self.client = client
        self.progress = progress
        self.policy = policy
        self.state = state
        self.global_slots = asyncio.Semaphore(policy.global_concurrency)
        self.gates: dict[str, _HostGate] = {}
        self.robots = RobotsCache(self._fetch_robots, policy.user_agent)
        self.rng = random.Random()
        self.pages: list[Page] = []
        self.not_modified: list[str] = []
        self.dropped: list[Dropped] = []
        self.robots_skipped: list[str] = []
        self.validators: dict[str, tuple[str | None, str | None]] = {}
        self.tallies: dict[str, _Tally] = {}
        self.claimed: set[str] = set()
        self.requests = 0

    def result(self, elapsed_s: float) -> CrawlResult:
        return CrawlResult(
            pages=self.pages, not_modified=self.not_modified, dropped=self.dropped,
            requests=self.requests, robots_skipped=self.robots_skipped, elapsed_s=elapsed_s,
            validators=self.validators,
            counts={name: tally.freeze() for name, tally in self.tallies.items()},
        )

    # sources -------------------------------------------------------------------------------

    async def crawl_source(self, source: Source) -> None:
        tally = self.tallies.setdefault(source.name, _Tally())
        try:
            options = SourceOptions.from_source(source)
        except ValueError as exc:
            self._record(tally, source.name, _Failed("invalid_option", str(exc)))
            return
        url = canonical_url(source.url or "")
        if url is None:
            self._record(tally, source.name, _Failed("invalid_url", source.url or "no url"))
            return
        discover = {"feed": self._feed_links, "sitemap": self._sitemap_links,
                    "listing": self._listing_links}.get(source.kind)
        try:
            if source.kind == "registry":
                await self._registry_documents(source.name, url, tally)
                return
            if discover is None:  # a page source: the URL itself, re-checked every night
                tally.discovered += 1
                if url in self.claimed:  # another page source names the same URL
                    tally.known += 1
                    return
                self.claimed.add(url)
                await self._fetch_page(source.name, url, tally)
                return
            links = await discover(url, options, tally)
            await self._fetch_links(source.name, links, options, tally)
        except Exception as exc:  # a crawler bug must cost one source, not the night
            self._record(tally, url, _Failed("fetch_error", f"{type(exc).__name__}: {exc}"))

    async def _feed_links(self, url: str, options: SourceOptions, tally: _Tally) -> list[str]:
        doc = self._usable(url, await self._get(url, FEED_TYPES, ACCEPT_FEED), tally)
        if doc is None:
            return []
        try:
            feed = parse_feed(doc.body, doc.final_url)
        except XmlError as exc:
            self._record(tally, url, _Failed(exc.reason, exc.detail))
            return []
        self._remember(doc)
        return [item.url for item in _newest_first(feed.items, lambda item: item.published_at)]

    async def _sitemap_links(
        self, url: str, options: SourceOptions, tally: _Tally
    ) -> list[str]:
        entries: list[SitemapEntry] = []
        level, seen, budget = [url], {url}, options.max_sitemaps + 1  # the root counts too
        cap = self.policy.max_decompressed_bytes
        for _depth in range(MAX_SITEMAP_DEPTH + 1):
            level = level[:budget]
            budget -= len(level)
            answers = await asyncio.gather(
                *(self._get(u, SITEMAP_TYPES, ACCEPT_SITEMAP) for u in level)
            )
            children: list[SitemapEntry] = []
            for sitemap_url, answer in zip(level, answers, strict=True):
                doc = self._usable(sitemap_url, answer, tally)
                if doc is None:
                    continue
                try:
                    sitemap = parse_sitemap(doc.body, doc.final_url, max_decompressed_bytes=cap)
                except XmlError as exc:
                    self._record(tally, sitemap_url, _Failed(exc.reason, exc.detail))
                    continue
                self._remember(doc)
                (children if sitemap.kind == "index" else entries).extend(sitemap.entries)
            level = []
            for child in _newest_first(children, lambda entry: entry.newest):
                child_url = canonical_url(child.url)
                if child_url and child_url not in seen:
                    seen.add(child_url)
                    level.append(child_url)
            if not level or budget <= 0:
                break
        return [entry.url for entry in _newest_first(entries, lambda entry: entry.newest)]

    async def _listing_links(
        self, url: str, options: SourceOptions, tally: _Tally
    ) -> list[str]:
        doc = self._usable(url, await self._get(url, PAGE_TYPES, ACCEPT_PAGE), tally)
        if doc is None:
            return []
        text, _charset = decode_body(doc.body, doc.content_type)
        try:
            links = listing_links(text, doc.final_url, link_selector=options.link_selector,
                                  link_pattern=options.link_pattern, scope=options.link_scope)
        except ValueError as exc:
            self._record(tally, url, _Failed("invalid_option", str(exc)))
            return []
        self._remember(doc)
        return links

    async def _fetch_links(
        self, source: str, links: list[str], options: SourceOptions, tally: _Tally
    ) -> None:
        unique = list(dict.fromkeys(filter(None, (canonical_url(link) for link in links))))
        tally.discovered += len(unique)
        todo: list[str] = []
        for url in unique:
            if url in self.state.known_urls or url in self.claimed:
                tally.known += 1
            elif len(todo) >= options.max_pages:
                tally.over_limit += 1
            else:
                self.claimed.add(url)
                todo.append(url)
        await asyncio.gather(*(self._fetch_page(source, url, tally) for url in todo))

    async def _fetch_page(self, source: str, url: str, tally: _Tally,
                          types: frozenset[str] = PAGE_TYPES, accept: str = ACCEPT_PAGE,
                          ) -> Page | None:
        """Fetch one document of an accepted type and keep it as a Page (else a record)."""
        try:
            answer = await self._get(url, types, accept)
        except Exception as exc:  # a crawler bug must cost one page, not the night
            answer = _Failed("fetch_error", f"{type(exc).__name__}: {exc}")
        doc = self._usable(url, answer, tally)
        if doc is None:
            return None
        media_type = doc.media_type or _sniff_media_type(doc.body)
        if media_type not in types:
            self._record(tally, url, _Failed("unsupported_content_type", media_type or "none"))
            return None
        charset = None
        if media_type in PAGE_TYPES:
            _text, charset = decode_body(doc.body, doc.content_type or media_type)
        self._remember(doc)
        tally.fetched += 1
        page = Page(
            source=source, url=url, final_url=doc.final_url, status=doc.status,
            content_type=doc.content_type or media_type, body=doc.body,
            content_hash=content_hash(doc.body),
            fetched_at=datetime.now(UTC).replace(tzinfo=None),
            charset=charset, headers=doc.headers,
        )
        self.pages.append(page)
        return page

    async def _registry_documents(self, source: str, url: str, tally: _Tally) -> None:
        """An announcement page of the filing registry and every spreadsheet it links to.

        Attachments are fetched even when stored before (conditionally: an unchanged one
        costs a 304), because a registry republishes its lists under the same names."""
        tally.discovered += 1
        page = await self._fetch_page(source, url, tally, REGISTRY_TYPES, ACCEPT_REGISTRY)
        if page is None or page.charset is None:
            return
        # _fetch_page already found the charset; decoding with it gives decode_body's text
        # without running the charset search (and its detector) a second time.
        text = page.body.decode(page.charset, errors="replace")
        links = [link for link in attachment_links(text, page.final_url)
                 if link not in self.claimed]
        tally.discovered += len(links)
        self.claimed.update(links)
        await asyncio.gather(*(
            self._fetch_page(source, link, tally, REGISTRY_TYPES, ACCEPT_REGISTRY)
            for link in links))

    def _usable(self, url: str, answer: _Answer, tally: _Tally) -> _Body | None:
        """The body of a usable answer; records 304s, failures and empty bodies."""
        if isinstance(answer, _NotModified):
            self.not_modified.append(url)
            tally.not_modified += 1
            return None
        if isinstance(answer, _Failed):
            self._record(tally, url, answer)
            return None
        if not answer.body.strip():
            self._record(tally, url, _Failed("empty_body", f"status {answer.status}"))
            return None
        return answer

    def _record(self, tally: _Tally, item: str, failed: _Failed) -> None:
        self.dropped.append(Dropped(STAGE, item, failed.reason, failed.detail))
        if failed.reason == "robots_disallowed":
            tally.robots_skipped += 1
        else:
            tally.failed[failed.reason] += 1

    def _remember(self, doc: _Body) -> None:
        etag, modified = doc.header("etag"), doc.header("last-modified")
        if etag or modified:
            self.validators[doc.url] = (etag, modified)

    # one URL, redirects and robots included ------------------------------------------------

    async def _get(
        self, url: str, accept: frozenset[str] | None, accept_header: str, *,
        for_robots: bool = False,
    ) -> _Answer:
        """GET `url` following redirects; robots.txt itself is fetched unconditionally."""
        headers = {"Accept": accept_header}
        etag, modified = (None, None) if for_robots else self.state.validators.get(
            url, (None, None))
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        chain = [url]
        for _hop in range(self.policy.max_redirects + 1):
            current = chain[-1]
            if not for_robots and self.policy.respect_robots:
                rules = await self._robots_for(current)
                if not rules.allows(current):
                    self.robots_skipped.append(current)
                    why = rules.detail or f"disallowed by {rules.origin}/robots.txt"
                    if current != url:
                        why = f"redirect target {current} {why}"
                    return _Failed("robots_disallowed", why)
            answer = await self._request(current, accept, headers)
            if isinstance(answer, _Body):
                return _Body(url, current, answer.status, answer.content_type,
                             answer.headers, answer.body)
            if isinstance(answer, _NotModified):
                return _NotModified(url)
            if isinstance(answer, _Failed):
                return answer
            target = urldefrag(urljoin(current, answer.location)).url
            if urlsplit(target).scheme.lower() not in WEB_SCHEMES:
                return _Failed("fetch_error", f"redirect to a non-web URL {target!r}")
            if target in chain:
                return _Failed("too_many_redirects",
                               "redirect loop: " + " -> ".join([*chain, target]))
            chain.append(target)
        return _Failed("too_many_redirects",
                       f"more than {self.policy.max_redirects} redirects, last {chain[-1]}")

    async def _robots_for(self, url: str) -> RobotsRules:
        rules = await self.robots.rules_for(origin(url))
        self._gate(url).apply_crawl_delay(rules.crawl_delay_s)
        return rules

    async def _fetch_robots(self, robots_url: str) -> RobotsFetch:
        answer = await self._get(robots_url, None, ACCEPT_ROBOTS, for_robots=True)
        if isinstance(answer, _Body):
            return RobotsFetch(answer.status, answer.body)
        if isinstance(answer, _Failed):
            return RobotsFetch(answer.status, detail=f"{answer.reason} {answer.detail}".strip())
        return RobotsFetch(None, detail="unexpected 304")

    # one hop, with retries ----------------------------------------------------------------

    def _gate(self, url: str) -> _HostGate:
        key = host_key(url)
        if key not in self.gates:
            self.gates[key] = _HostGate(self.policy.per_host_concurrency,
                                        self.policy.per_host_delay_s)
        return self.gates[key]

    async def _request(
        self, url: str, accept: frozenset[str] | None, headers: dict[str, str]
    ) -> _Body | _NotModified | _Redirect | _Failed:
        gate = self._gate(url)
        for attempt in range(self.policy.retries + 1):
            answer = await self._attempt(gate, url, accept, headers)
            if not isinstance(answer, _Failed) or not answer.retry:
                return answer
            if attempt == self.policy.retries:
                break
            if answer.retry_after_s is not None:
                wait = min(answer.retry_after_s, self.policy.backoff_max_s)
                gate.hold_off(wait)  # the server asked the whole host to wait, not one URL
            else:
                wait = backoff_delay(attempt, self.policy, self.rng)
            await asyncio.sleep(wait)
        tries = self.policy.retries + 1
        return _Failed(answer.reason, answer.detail or f"after {tries} attempts", answer.status)

    async def _attempt(
        self, gate: _HostGate, url: str, accept: frozenset[str] | None, headers: dict[str, str]
    ) -> _Body | _NotModified | _Redirect | _Failed:
        async with gate.slot(self.global_slots):
            self.requests += 1
            if self.progress is not None:
                self.progress(self.requests, len(self.pages))
            try:
                async with asyncio.timeout(self.policy.timeout_s):
                    async with self.client.stream("GET", url, headers=headers) as response:
                        return await self._read(url, response, accept, headers)
            except (TimeoutError, httpx.TimeoutException):
                return _Failed("timeout", f"no answer within {self.policy.timeout_s:g} s",
                               retry=True)
            except (httpx.NetworkError, httpx.RemoteProtocolError) as exc:
                return _Failed("fetch_error", f"{type(exc).__name__}: {exc}", retry=True)
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                return _Failed("fetch_error", f"{type(exc).__name__}: {exc}")

    async def _read(
        self, url: str, response: httpx.Response, accept: frozenset[str] | None,
        sent: dict[str, str],
    ) -> _Body | _NotModified | _Redirect | _Failed:
        status = response.status_code
        if status == 304:
            if "If-None-Match" in sent or "If-Modified-Since" in sent:
                return _NotModified(url)
            return _Failed("http_error", "304", 304)
        if status in REDIRECT_STATUSES:
            location = response.headers.get("location")
            if not location:
                return _Failed("http_error", f"{status} without Location", status)
            return _Redirect(location)
        if status == TOO_MANY_REQUESTS or 500 <= status < 600:
            retry_after = parse_retry_after(response.headers.get("retry-after"))
            return _Failed("http_error", str(status), status, retry=True,
                           retry_after_s=retry_after)
        if not 200 <= status < 300:
            return _Failed("http_error", str(status), status)
        content_type = response.headers.get("content-type", "")
        media_type = _media_type(content_type)
        if accept is not None and media_type and media_type not in accept:
            return _Failed("unsupported_content_type", media_type)
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.policy.max_bytes:
            return _Failed("too_large", f"Content-Length {declared} > {self.policy.max_bytes}")
        inflater = _Inflater.for_header(response.headers.get("content-encoding"))
        if inflater is None:
            encoding = response.headers.get("content-encoding")
            return _Failed("fetch_error", f"unsupported Content-Encoding {encoding!r}")
        body = await self._read_body(response, inflater)
        if isinstance(body, _Failed):
            return body
        headers = tuple((key, value) for key, value in response.headers.multi_items()
                        if key not in UNSTORED_HEADERS)
        return _Body(url, url, status, content_type, headers, body)

    async def _read_body(self, response: httpx.Response, inflater: _Inflater) -> bytes | _Failed:
        """The decoded body, or too_large / decompressed_too_large as soon as a cap is hit."""
        chunks: list[bytes] = []
        wire = decoded = 0
        max_bytes, max_decoded = self.policy.max_bytes, self.policy.max_decompressed_bytes
        try:
            async for raw in response.aiter_raw():
                wire += len(raw)
                if wire > max_bytes:
                    return _Failed("too_large", f"more than {max_bytes} bytes on the wire")
                for piece in inflater.feed(raw):
                    decoded += len(piece)
                    if decoded > max_decoded:
                        return _Failed("decompressed_too_large",
                                       f"more than {max_decoded} bytes after decompression")
                    chunks.append(piece)
            chunks.append(inflater.finish())
        except zlib.error as exc:
            return _Failed("fetch_error", f"broken compressed body: {exc}")
        return b"".join(chunks)


def _count_option(raw: dict[str, str], key: str, default: int) -> int:
    if key not in raw:
        return default
    try:
        value = int(raw[key])
    except ValueError:
        raise ValueError(f"{key} {raw[key]!r}: expected a whole number") from None
    if value < 0:
        raise ValueError(f"{key} {value}: must not be negative")
    return value


def _newest_first(items: Iterable[T], date_of: Callable[[T], datetime | None]) -> list[T]:
    """Dated items newest first, then the undated ones in their original order."""
    listed = list(items)
    dated = [item for item in listed if date_of(item) is not None]
    dated.sort(key=date_of, reverse=True)  # stable: ties keep their order
    return dated + [item for item in listed if date_of(item) is None]


def _media_type(content_type: str) -> str:
    """"text/html" from "text/HTML; charset=gbk"."""
    return content_type.split(";")[0].strip().lower()


def _sniff_media_type(body: bytes) -> str:
    """A media type for a body served without one: HTML when it looks like HTML."""
    head = body[:SNIFF_BYTES].lstrip().lower()
    return "text/html" if head.startswith(_HTML_HINTS) else ""
