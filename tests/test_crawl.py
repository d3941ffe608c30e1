"""The crawler against real loopback HTTP servers: discovery, politeness, robots, safety."""

from __future__ import annotations

import asyncio
import gzip
import random
import socket
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from extractors.crawl import (
    CrawlPolicy,
    CrawlResult,
    CrawlState,
    backoff_delay,
    crawl,
    crawl_sources,
    parse_retry_after,
)
from extractors.decode import decode_body
from extractors.records import Source
from extractors.robots import parse_robots, product_token
from extractors.urls import canonical_url
from tests.crawl_server import Reply, Site

FIXTURES = Path(__file__).parent / "fixtures" / "crawl"
FIXTURE_BASE = b"https://news.example.cn"
UA = "modelwatch-test/0.1 (+https://example.org/contact)"
# Server-side arrival gaps differ from client-side start gaps by the jitter of one loopback
# round trip; a few milliseconds is plenty.
# A request that leaves the client on time can still be timestamped late by the loopback
# server's handler thread (the GIL is shared with the crawler's event loop on a loaded CI
# core); one late stamp shortens the next gap by as much. Measured: up to 0.022 s.
ARRIVAL_JITTER_S = 0.04
HTML = "text/html; charset=utf-8"


def policy(**overrides: object) -> CrawlPolicy:
    settings: dict[str, object] = {
        "user_agent": UA, "per_host_delay_s": 0.02, "timeout_s": 2.0, "retries": 2,
        "backoff_base_s": 0.01, "backoff_max_s": 0.5,
    }
    settings.update(overrides)
    return CrawlPolicy(**settings)  # type: ignore[arg-type]


def article(title: str) -> bytes:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><h1>{title}</h1><p>{title}的正文。</p></body></html>").encode()


def fixture(name: str, site: Site | None = None) -> bytes:
    data = (FIXTURES / name).read_bytes()
    return data.replace(FIXTURE_BASE, site.base_url.encode()) if site else data


def source(kind: str, url: str, name: str = "src", **options: object) -> Source:
    return Source(name=name, kind=kind, url=url,
                  options=tuple(sorted((k, str(v)) for k, v in options.items())))


def reasons(result: CrawlResult) -> dict[str, str]:
    return {dropped.item: dropped.reason for dropped in result.dropped}


def assert_spaced(times: list[float], delay_s: float) -> None:
    """Every two arrivals k apart are at least k delays apart, up to one late timestamp.

    Checking every pair, not only neighbours, keeps a gate that is short by less than the
    jitter on each gap from passing: its shortfall adds up over the run.
    """
    for j, earlier in enumerate(times):
        for k in range(j + 1, len(times)):
            interval = times[k] - earlier
            assert interval >= (k - j) * delay_s - ARRIVAL_JITTER_S, (j, k, interval)


@pytest.fixture
def sites() -> Iterator[Callable[..., Site]]:
    """Start loopback sites on demand; all are stopped at the end of the test."""
    started: list[Site] = []

    def make(host: str = "127.0.0.1") -> Site:
        site = Site(host).start()
        started.append(site)
        return site

    yield make
    for site in started:
        site.stop()


@pytest.fixture
def site(sites: Callable[..., Site]) -> Site:
    return sites()


# --- discovery ------------------------------------------------------------------------------


def test_feed_fetches_new_items_skips_known_and_robots_disallowed(site: Site) -> None:
    site.route("/robots.txt", Reply(body=fixture("robots.txt"), content_type="text/plain"))
    feed_url = site.route("/feed", Reply(body=fixture("feed_rss.xml", site),
                                         content_type="application/rss+xml"))
    for name in ("glm-45", "kimi-k2", "filing-10"):
        site.route(f"/articles/{name}.html", Reply(body=article(name)))
    known = canonical_url(site.url("/articles/kimi-k2.html"))
    assert known is not None

    result = crawl([source("feed", feed_url, name="ai-feed")], policy(per_host_delay_s=0.0),
                   CrawlState(known_urls=frozenset({known})))

    assert sorted(page.url for page in result.pages) == [
        site.url("/articles/filing-10.html"), site.url("/articles/glm-45.html")]
    requested = site.paths()
    assert "/articles/kimi-k2.html" not in requested  # known: not fetched again
    assert "/private/preview.html" not in requested  # robots: never requested
    assert "/articles/glm-45.html" in requested  # utm_* dropped before fetching
    assert result.robots_skipped == [site.url("/private/preview.html")]
    assert reasons(result) == {site.url("/private/preview.html"): "robots_disallowed"}
    counts = result.counts["ai-feed"]
    assert (counts.discovered, counts.known, counts.fetched, counts.robots_skipped) == (4, 1, 2, 1)
    assert all(hit.headers["user-agent"] == UA for hit in site.hits)
    assert result.requests == len(site.hits) == 4
    page = result.pages[0]
    assert page.source == "ai-feed" and page.status == 200 and page.charset == "utf-8"


def test_sitemap_index_follows_plain_news_and_gzip_sitemaps(site: Site) -> None:
    index_url = site.route("/sitemaps/index.xml", Reply(body=fixture("sitemap_index.xml", site),
                                                        content_type="application/xml"))
    site.route("/sitemaps/pages.xml", Reply(body=fixture("sitemap_pages.xml", site),
                                            content_type="text/xml"))
    # Transport-compressed: Content-Encoding gzip, undone by the crawler.
    site.route("/sitemaps/news.xml", Reply(body=gzip.compress(fixture("sitemap_news.xml", site)),
                                           content_type="application/xml",
                                           headers={"Content-Encoding": "gzip"}))
    # A .xml.gz file: the body itself is gzip, undone by the sitemap parser.
    site.route("/sitemaps/archive.xml.gz",
               Reply(body=gzip.compress(fixture("sitemap_archive.xml", site)),
                     content_type="application/x-gzip"))
    names = ["baichuan-4", "yi-lightning", "hunyuan-t1", "doubao-1-5", "ernie-4", "spark-3"]
    for name in names:
        site.route(f"/articles/{name}.html", Reply(body=article(name)))

    result = crawl([source("sitemap", index_url)], policy(respect_robots=False), CrawlState())

    assert sorted(page.url for page in result.pages) == sorted(
        site.url(f"/articles/{name}.html") for name in names)
    assert result.dropped == []
    assert result.counts["src"].discovered == 6


def test_sitemap_max_pages_takes_the_newest(site: Site) -> None:
    index_url = site.route("/sitemaps/index.xml", Reply(body=fixture("sitemap_index.xml", site),
                                                        content_type="application/xml"))
    site.route("/sitemaps/pages.xml", Reply(body=fixture("sitemap_pages.xml", site)))
    site.route("/sitemaps/news.xml", Reply(body=fixture("sitemap_news.xml", site)))
    site.route("/sitemaps/archive.xml.gz", Reply(status=404))
    site.route("/articles/yi-lightning.html", Reply(body=article("yi")))
    site.route("/articles/baichuan-4.html", Reply(body=article("baichuan")))
    site.route("/articles/hunyuan-t1.html", Reply(body=article("hunyuan")))

    result = crawl([source("sitemap", index_url, max_pages=3)], policy(respect_robots=False),
                   CrawlState())

    # 2025-06-01, 2025-05-22, 2025-03-21 are the three newest of the four dated entries.
    assert sorted(page.url.rsplit("/", 1)[1] for page in result.pages) == [
        "baichuan-4.html", "hunyuan-t1.html", "yi-lightning.html"]
    assert result.counts["src"].over_limit == 1
    assert reasons(result) == {site.url("/sitemaps/archive.xml.gz"): "http_error"}


def test_listing_links_narrowed_by_selector_pattern_and_scope(site: Site) -> None:
    listing = site.route("/tech/", Reply(body=fixture("listing.html", site)))
    for path in ("/tech/2025-07-28/doc-glm45.shtml", "/tech/2025-07-11/doc-kimik2.shtml",
                 "/tech/2025-07-30/doc-filing10.shtml", "/tech/2025-07-01/doc-sponsored.shtml"):
        site.route(path, Reply(body=article(path)))

    result = crawl([source("listing", listing, link_selector="div.news-list",
                           link_pattern=r"/tech/\d{4}-\d{2}-\d{2}/doc-\w+\.shtml")],
                   policy(respect_robots=False), CrawlState())

    assert sorted(page.url for page in result.pages) == [
        site.url("/tech/2025-07-11/doc-kimik2.shtml"),
        site.url("/tech/2025-07-28/doc-glm45.shtml"),
        site.url("/tech/2025-07-30/doc-filing10.shtml"),
    ]
    assert "/tech/2025-07-01/doc-sponsored.shtml" not in site.paths()  # outside the selector
    assert result.dropped == []


def test_page_source_and_links_shared_by_two_sources_are_fetched_once(site: Site) -> None:
    feed = (b"<rss version='2.0'><channel><item><link>/a.html</link></item>"
            b"<item><link>/a.html#top</link></item></channel></rss>")
    feed_url = site.route("/feed", Reply(body=feed, content_type="text/xml"))
    page_url = site.route("/a.html", Reply(body=article("a")))

    result = crawl([source("page", page_url, name="one"), source("feed", feed_url, name="two"),
                    source("page", page_url + "#again", name="three")],
                   policy(respect_robots=False), CrawlState())

    assert [page.url for page in result.pages] == [page_url]
    assert site.paths().count("/a.html") == 1
    assert result.counts["two"].known == 1 and result.counts["three"].known == 1


def test_feed_that_is_html_or_an_entity_bomb_is_recorded(site: Site) -> None:
    html_feed = site.route("/feed-html", Reply(body=fixture("listing.html")))
    bomb_feed = site.route("/feed-bomb", Reply(body=fixture("billion_laughs.xml"),
                                               content_type="application/rss+xml"))
    started = time.monotonic()
    result = crawl([source("feed", html_feed, name="html"), source("feed", bomb_feed, name="bomb")],
                   policy(respect_robots=False), CrawlState())
    assert time.monotonic() - started < 2
    assert reasons(result) == {html_feed: "not_a_feed", bomb_feed: "feed_parse_error"}
    bomb = next(d for d in result.dropped if d.item == bomb_feed)
    assert "DOCTYPE" in bomb.detail
    assert result.counts["bomb"].failed == (("feed_parse_error", 1),)


def test_bad_source_options_are_recorded(site: Site) -> None:
    url = site.route("/tech/", Reply(body=fixture("listing.html")))
    result = crawl([source("listing", url, name="bad-regex", link_pattern="(unclosed"),
                    source("listing", url, name="bad-css", link_selector="div[[["),
                    source("listing", url, name="bad-limit", max_pages="lots")],
                   policy(respect_robots=False), CrawlState())
    assert sorted(d.reason for d in result.dropped) == ["invalid_option"] * 3
    assert result.pages == []


# --- pages: charset, incremental --------------------------------------------------------------


def test_gbk_page_without_charset_header_keeps_raw_bytes(site: Site) -> None:
    raw = fixture("gbk_article.html")
    url = site.route("/gbk.html", Reply(body=raw, content_type="text/html"))

    result = crawl([source("page", url)], policy(respect_robots=False), CrawlState())

    (page,) = result.pages
    assert page.body == raw
    assert page.charset == "gb18030"  # declared gb2312, read as its superset
    assert page.content_type == "text/html"
    text, _ = decode_body(page.body, page.content_type)
    assert "文心大模型4.5" in text and "𠀀" in text


def test_conditional_get_gives_304_and_no_page(site: Site) -> None:
    modified = "Wed, 30 Jul 2025 01:00:00 GMT"
    url = site.route("/a.html", Reply(body=article("a")), etag='"v1"', last_modified=modified)

    first = crawl([source("page", url)], policy(respect_robots=False), CrawlState())
    (page,) = first.pages
    headers = dict(page.headers)
    assert headers["etag"] == '"v1"' and headers["last-modified"] == modified
    assert first.validators == {url: ('"v1"', modified)}

    second = crawl([source("page", url)], policy(respect_robots=False),
                   CrawlState(validators=first.validators))
    assert second.pages == [] and second.dropped == []
    assert second.not_modified == [url]
    assert second.counts["src"].not_modified == 1
    assert site.hits[-1].headers["if-none-match"] == '"v1"'
    assert site.hits[-1].headers["if-modified-since"] == modified


def test_unchanged_feed_answers_304_and_offers_no_links(site: Site) -> None:
    feed = b"<rss version='2.0'><channel><item><link>/a.html</link></item></channel></rss>"
    feed_url = site.route("/feed", Reply(body=feed, content_type="application/rss+xml"),
                          etag='"feed-1"')
    site.route("/a.html", Reply(body=article("a")))
    first = crawl([source("feed", feed_url)], policy(respect_robots=False), CrawlState())
    assert first.validators[feed_url] == ('"feed-1"', None)

    state = CrawlState(validators=first.validators,
                       known_urls=frozenset(page.url for page in first.pages))
    second = asyncio.run(crawl_sources([source("feed", feed_url)], policy(respect_robots=False),
                                       state))
    assert second.not_modified == [feed_url]
    assert second.requests == 1 and second.pages == []


# --- retries, redirects, failures -------------------------------------------------------------


def test_429_with_retry_after_is_honoured_then_succeeds(site: Site) -> None:
    url = site.route("/busy.html", Reply(status=429, headers={"Retry-After": "0.3"}),
                     Reply(body=article("busy")))
    result = crawl([source("page", url)], policy(respect_robots=False), CrawlState())
    assert [page.url for page in result.pages] == [url]
    assert result.requests == 2
    arrivals = site.arrivals()
    assert len(arrivals) == 2
    assert_spaced(arrivals, 0.3)


def test_500_then_200_recovers_and_persistent_500_is_recorded(site: Site) -> None:
    flaky = site.route("/flaky.html", Reply(status=500), Reply(body=article("flaky")))
    broken = site.route("/broken.html", Reply(status=503))
    missing = site.route("/missing.html", Reply(status=404))
    result = crawl([source("page", flaky, name="a"), source("page", broken, name="b"),
                    source("page", missing, name="c")],
                   policy(respect_robots=False, retries=2), CrawlState())
    assert [page.url for page in result.pages] == [flaky]
    details = {d.item: (d.reason, d.detail) for d in result.dropped}
    assert details == {broken: ("http_error", "503"), missing: ("http_error", "404")}
    assert site.paths().count("/broken.html") == 3  # first try + 2 retries
    assert site.paths().count("/missing.html") == 1  # a 404 is not retried
    assert result.counts["b"].failed == (("http_error", 1),)


def test_redirect_chain_is_followed_and_loops_and_long_chains_stop(site: Site) -> None:
    start = site.route("/r1", Reply(status=301, headers={"Location": "/r2"}))
    site.route("/r2", Reply(status=302, headers={"Location": site.url("/final.html#x")}))
    site.route("/final.html", Reply(body=article("final")))
    loop = site.route("/loop-a", Reply(status=302, headers={"Location": "/loop-b"}))
    site.route("/loop-b", Reply(status=307, headers={"Location": "/loop-a"}))
    long = site.route("/hop0", Reply(status=302, headers={"Location": "/hop1"}))
    for hop in range(1, 4):
        site.route(f"/hop{hop}", Reply(status=302, headers={"Location": f"/hop{hop + 1}"}))

    result = crawl([source("page", start, name="a"), source("page", loop, name="b"),
                    source("page", long, name="c")],
                   policy(respect_robots=False, max_redirects=2), CrawlState())

    (page,) = result.pages
    assert (page.url, page.final_url) == (start, site.url("/final.html"))
    assert reasons(result) == {loop: "too_many_redirects", long: "too_many_redirects"}
    assert "loop" in next(d.detail for d in result.dropped if d.item == loop)
    assert site.paths().count("/loop-a") == 1 and site.paths().count("/loop-b") == 1
    assert "/hop3" not in site.paths()  # stopped after max_redirects hops


def test_redirect_into_a_disallowed_path_is_not_followed(site: Site) -> None:
    site.route("/robots.txt", Reply(body=b"User-agent: *\nDisallow: /private/\n",
                                    content_type="text/plain"))
    url = site.route("/go", Reply(status=302, headers={"Location": "/private/x.html"}))
    site.route("/private/x.html", Reply(body=article("x")))
    result = crawl([source("page", url)], policy(), CrawlState())
    assert reasons(result) == {url: "robots_disallowed"}
    assert result.robots_skipped == [site.url("/private/x.html")]
    assert "/private/x.html" not in site.paths()


def test_size_caps_unsupported_types_and_empty_bodies(site: Site) -> None:
    declared = site.route("/big-declared.html", Reply(body=b"x" * 1024, repeat=300))
    streamed = site.route("/big-streamed.html", Reply(body=b"x" * 1024, repeat=300,
                                                      send_length=False))
    bomb = site.route("/bomb.html", Reply(body=gzip.compress(b"\0" * 20_000_000, 9),
                                          headers={"Content-Encoding": "gzip"}))
    small_gzip = site.route("/gz.html", Reply(body=gzip.compress(article("gz")),
                                              headers={"Content-Encoding": "gzip"}))
    png = site.route("/logo.png", Reply(body=b"\x89PNG\r\n\x1a\n" + b"\0" * 100,
                                        content_type="image/png"))
    pdf = site.route("/report.pdf", Reply(body=b"%PDF-1.7", content_type="application/pdf"))
    empty = site.route("/empty.html", Reply(body=b""))
    untyped = site.route("/untyped", Reply(body=article("untyped"), content_type=None))

    sources = [source("page", url, name=str(i)) for i, url in enumerate(
        [declared, streamed, bomb, small_gzip, png, pdf, empty, untyped])]
    result = crawl(sources, policy(respect_robots=False, max_bytes=100_000,
                                   max_decompressed_bytes=1_000_000), CrawlState())

    assert reasons(result) == {
        declared: "too_large", streamed: "too_large", bomb: "decompressed_too_large",
        png: "unsupported_content_type", pdf: "unsupported_content_type", empty: "empty_body",
    }
    pages = {page.url: page for page in result.pages}
    assert pages[small_gzip].body == article("gz")  # decoded, and no stale Content-Encoding
    assert "content-encoding" not in dict(pages[small_gzip].headers)
    assert pages[untyped].content_type == "text/html"  # sniffed


def test_truncated_body_and_refused_connection_are_recorded(site: Site) -> None:
    truncated = site.route("/cut.html", Reply(body=b"<html>short", content_length=5000))
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    refused = f"http://127.0.0.1:{closed_port}/x.html"
    result = crawl([source("page", truncated, name="a"), source("page", refused, name="b")],
                   policy(respect_robots=False, retries=1), CrawlState())
    assert reasons(result) == {truncated: "fetch_error", refused: "fetch_error"}
    assert site.paths().count("/cut.html") == 2


def test_slow_host_times_out_without_stalling_other_hosts(sites: Callable[..., Site]) -> None:
    slow, fast = sites("127.0.0.1"), sites("127.0.0.2")
    hang = slow.route("/slow.html", Reply(hang=True))
    urls = [fast.route(f"/p{i}.html", Reply(body=article(str(i)))) for i in range(6)]

    started = time.monotonic()
    result = crawl([source("page", hang, name="slow")]
                   + [source("page", url, name=f"fast{i}") for i, url in enumerate(urls)],
                   policy(respect_robots=False, timeout_s=0.4, retries=1,
                          per_host_delay_s=0.02, global_concurrency=2), CrawlState())

    assert reasons(result) == {hang: "timeout"}
    assert sorted(page.url for page in result.pages) == sorted(urls)
    assert slow.paths().count("/slow.html") == 2
    # Every fast page arrived while the slow host was still inside its first attempt.
    assert max(fast.arrivals()) - started < 0.4
    assert time.monotonic() - started < 2


# --- politeness and robots -----------------------------------------------------------------


def test_per_host_delay_and_concurrency_hold_on_every_host(sites: Callable[..., Site]) -> None:
    hosts = [sites("127.0.0.1"), sites("127.0.0.2")]
    sources = []
    for h, host in enumerate(hosts):
        for i in range(6):
            url = host.route(f"/p{i}.html", Reply(body=article(str(i)), delay_s=0.05))
            sources.append(source("page", url, name=f"h{h}p{i}"))

    started = time.monotonic()
    result = crawl(sources, policy(respect_robots=False, per_host_delay_s=0.1,
                                   per_host_concurrency=2), CrawlState())
    elapsed = time.monotonic() - started

    assert len(result.pages) == 12
    for host in hosts:
        assert_spaced(host.arrivals(), 0.1)
        assert host.max_in_flight <= 2
    # The hosts were crawled side by side: 5 gaps of 0.1 s each, not 11.
    assert elapsed < 0.5 + 0.05 + 0.4


def test_per_host_concurrency_is_the_limit_when_responses_are_slow(site: Site) -> None:
    urls = [site.route(f"/p{i}.html", Reply(body=article(str(i)), delay_s=0.25))
            for i in range(6)]
    result = crawl([source("page", url, name=str(i)) for i, url in enumerate(urls)],
                   policy(respect_robots=False, per_host_delay_s=0.01, per_host_concurrency=2,
                          global_concurrency=8), CrawlState())
    assert len(result.pages) == 6
    assert site.max_in_flight == 2


def test_robots_crawl_delay_slows_the_host_down(site: Site) -> None:
    site.route("/robots.txt", Reply(body=b"User-agent: *\nCrawl-delay: 0.15\n",
                                    content_type="text/plain"))
    urls = [site.route(f"/p{i}.html", Reply(body=article(str(i)))) for i in range(4)]
    result = crawl([source("page", url, name=str(i)) for i, url in enumerate(urls)],
                   policy(per_host_delay_s=0.02), CrawlState())
    assert len(result.pages) == 4
    page_arrivals = site.arrivals("/p")
    assert_spaced(page_arrivals, 0.15)
    assert site.paths().count("/robots.txt") == 1


def test_robots_missing_allows_all_unreachable_disallows_all(sites: Callable[..., Site]) -> None:
    missing, failing, ignored = sites("127.0.0.1"), sites("127.0.0.2"), sites("127.0.0.3")
    missing.route("/robots.txt", Reply(status=404))
    failing.route("/robots.txt", Reply(status=503))
    ignored.route("/robots.txt", Reply(body=b"User-agent: *\nDisallow: /\n"))
    a = missing.route("/a.html", Reply(body=article("a")))
    b = failing.route("/b.html", Reply(body=article("b")))
    c = ignored.route("/c.html", Reply(body=article("c")))

    result = crawl([source("page", a, name="a"), source("page", b, name="b")],
                   policy(retries=1), CrawlState())
    assert [page.url for page in result.pages] == [a]
    assert result.robots_skipped == [b]
    (dropped,) = result.dropped
    assert dropped.reason == "robots_disallowed" and "unavailable" in dropped.detail
    assert "/b.html" not in failing.paths()
    assert failing.paths().count("/robots.txt") == 2  # 5xx is retried, then disallow

    unchecked = crawl([source("page", c)], policy(respect_robots=False), CrawlState())
    assert [page.url for page in unchecked.pages] == [c]
    assert ignored.paths() == ["/c.html"]


# --- units ------------------------------------------------------------------------------------


def test_parse_retry_after_seconds_dates_and_garbage() -> None:
    now = datetime(2025, 7, 30, 12, 0, tzinfo=UTC)
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("0.5") == 0.5
    assert parse_retry_after(format_datetime(now + timedelta(seconds=30), usegmt=True),
                             now=now) == 30.0
    assert parse_retry_after(format_datetime(now - timedelta(hours=1), usegmt=True),
                             now=now) == 0.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after("") is None and parse_retry_after(None) is None


def test_backoff_grows_exponentially_with_jitter_and_a_cap() -> None:
    rules = policy(backoff_base_s=0.5, backoff_max_s=3.0)
    rng = random.Random(7)
    for attempt, ceiling in enumerate([0.5, 1.0, 2.0, 3.0, 3.0]):
        delays = [backoff_delay(attempt, rules, rng) for _ in range(50)]
        assert all(ceiling / 2 <= d <= ceiling for d in delays)
        assert len(set(delays)) > 1  # jittered


def test_robots_rules_longest_match_wildcards_and_groups() -> None:
    text = (FIXTURES / "robots.txt").read_text()
    rules = parse_robots(text, "https://news.example.cn", UA)
    base = "https://news.example.cn"
    assert rules.allows(f"{base}/articles/a.html")
    assert not rules.allows(f"{base}/private/secret.html")
    assert rules.allows(f"{base}/private/open-day.html")  # longer Allow wins
    assert not rules.allows(f"{base}/private/open-day.html?x=1")  # "$" anchors the end
    assert rules.crawl_delay_s == 0.15
    assert rules.sitemaps == ("https://news.example.cn/sitemaps/index.xml",)
    bad = parse_robots(text, base, "BadBot/2.0")
    assert not bad.allows(f"{base}/articles/a.html")
    assert bad.allows(f"{base}/robots.txt")
    assert product_token(UA) == "modelwatch-test"
    chinese = parse_robots("User-agent: *\nDisallow: /新闻/*.pdf\n", base, UA)
    assert not chinese.allows(f"{base}/%E6%96%B0%E9%97%BB/2025/a.pdf")
    assert chinese.allows(f"{base}/%E6%96%B0%E9%97%BB/2025/a.html")
    empty = parse_robots("User-agent: *\nDisallow:\n", base, UA)
    assert empty.allows(f"{base}/anything")
