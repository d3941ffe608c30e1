"""RSS 2.0, RSS 1.0 and Atom parsing, and the safe XML parser's refusals."""

from __future__ import annotations

import resource
import time
from datetime import datetime
from pathlib import Path

import pytest

from extractors.feeds import XmlError, parse_date, parse_feed, parse_xml

FIXTURES = Path(__file__).parent / "fixtures" / "crawl"
BASE = "https://news.example.cn/feed.xml"


def load(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_rss_items_links_titles_and_dates() -> None:
    feed = parse_feed(load("feed_rss.xml"), BASE)
    assert feed.kind == "rss" and feed.title == "科技新闻 - AI"
    assert [item.url for item in feed.items] == [
        "https://news.example.cn/articles/glm-45.html?utm_source=rss&utm_medium=feed",
        "https://news.example.cn/articles/kimi-k2.html",  # relative link resolved
        "https://news.example.cn/articles/filing-10.html",  # permalink guid
        "https://news.example.cn/private/preview.html",
    ]  # the non-permalink guid and the mailto: link are not items to fetch
    first, second, third, fourth = feed.items
    assert first.title == "智谱发布GLM-4.5，开源权重"
    assert first.published_at == datetime(2025, 7, 28, 2, 0)  # +0800 → naive UTC
    assert second.published_at == datetime(2025, 7, 11, 13, 30)
    assert third.published_at == datetime(2025, 7, 30, 1, 0)  # dc:date
    assert fourth.published_at == datetime(2025, 6, 1, 8, 0)


def test_atom_entries_use_alternate_links_and_xml_base() -> None:
    feed = parse_feed(load("feed_atom.xml"), "https://blog.example.cn/atom.xml")
    assert feed.kind == "atom" and feed.title == "AI 观察"
    assert [item.url for item in feed.items] == [
        "https://blog.example.cn/ai/posts/qwen3",
        "https://blog.example.cn/ai/posts/r1-0528",
    ]
    assert feed.items[0].published_at == datetime(2025, 4, 29, 2, 0)  # published over updated
    assert feed.items[1].published_at == datetime(2025, 5, 28, 4, 0)  # updated when no published


def test_rss1_rdf_items() -> None:
    feed = parse_feed(load("feed_rdf.xml"), "https://old.example.cn/index.rdf")
    assert feed.kind == "rdf" and feed.title == "旧站 RSS 1.0"
    assert [item.url for item in feed.items] == [
        "https://old.example.cn/a/1.html", "https://old.example.cn/a/2.html"]
    assert feed.items[0].published_at == datetime(2023, 10, 17, 2, 0)


def test_gbk_declared_feed_and_stray_ampersands_are_read() -> None:
    body = ('<?xml version="1.0" encoding="gbk"?><rss version="2.0"><channel>'
            "<title>新浪科技</title><item><title>百川智能 & 零一万物</title><link>https://tech.example.cn/a?x=1&y=2</link>"
            "</item></channel></rss>").encode("gbk")
    feed = parse_feed(body, BASE)
    assert feed.title == "新浪科技"
    assert feed.items[0].url == "https://tech.example.cn/a?x=1&y=2"


def test_billion_laughs_is_refused_quickly_without_memory_growth() -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    with pytest.raises(XmlError) as caught:
        parse_feed(load("billion_laughs.xml"), BASE)
    assert time.monotonic() - started < 0.5
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 50_000  # the expanded document would be ~3 GB
    assert caught.value.reason == "feed_parse_error"
    assert "DOCTYPE" in caught.value.detail


def test_utf16_entity_bomb_is_refused_after_parsing_without_expansion() -> None:
    # The byte scan cannot see "<!DOCTYPE" in UTF-16; the parsed tree's DTD check catches it.
    body = load("billion_laughs.xml").decode().replace(
        '<?xml version="1.0"?>', '<?xml version="1.0" encoding="utf-16"?>').encode("utf-16")
    started = time.monotonic()
    with pytest.raises(XmlError) as caught:
        parse_feed(body, BASE)
    assert time.monotonic() - started < 0.5
    assert caught.value.reason == "feed_parse_error"


def test_external_entities_are_never_resolved() -> None:
    body = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b"<rss><channel><title>&x;</title></channel></rss>")
    with pytest.raises(XmlError, match="DOCTYPE"):
        parse_feed(body, BASE)


def test_external_dtd_reference_is_not_fetched() -> None:
    body = (b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS '
            b'0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">'
            b"<rss version='0.91'><channel><title>Old</title><item>"
            b"<link>https://old.example.cn/1</link></item></channel></rss>")
    feed = parse_feed(body, BASE)
    assert [item.url for item in feed.items] == ["https://old.example.cn/1"]


@pytest.mark.parametrize(
    ("body", "reason", "detail"),
    [
        (b"<!DOCTYPE html><html><body>Not here</body></html>", "not_a_feed", "HTML"),
        (b"\n  <html lang='zh'><head></head></html>", "not_a_feed", "HTML"),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": []}', "not_a_feed", "JSON"),
        (b"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'/>", "not_a_feed",
         "sitemap"),
        (b"<opml version='2.0'><body/></opml>", "not_a_feed", "opml"),
        (b"", "feed_parse_error", "empty"),
        (b"   \n", "feed_parse_error", "empty"),
        (b"\x00\x01\x02 binary", "feed_parse_error", "XML"),
        (b"<rss version='2.0'></rss>", "feed_parse_error", "channel"),
    ],
)
def test_bad_feeds_give_clear_reasons(body: bytes, reason: str, detail: str) -> None:
    with pytest.raises(XmlError) as caught:
        parse_feed(body, BASE)
    assert caught.value.reason == reason
    assert detail in caught.value.detail


def test_truncated_feed_keeps_the_complete_items() -> None:
    body = load("feed_rss.xml")
    cut = body[: body.index(b"<title>\xe7\xac\xac\xe5\x8d\x81")]  # inside the third item
    feed = parse_feed(cut, BASE)
    assert [item.url.rsplit("/", 1)[1] for item in feed.items][:2] == [
        "glm-45.html?utm_source=rss&utm_medium=feed", "kimi-k2.html"]


def test_parse_xml_rejects_html_with_the_callers_reason() -> None:
    with pytest.raises(XmlError) as caught:
        parse_xml(b"<html><body/></html>", error_reason="sitemap_parse_error")
    assert caught.value.reason == "sitemap_parse_error"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mon, 28 Jul 2025 10:00:00 +0800", datetime(2025, 7, 28, 2, 0)),
        ("Mon, 28 Jul 2025 10:00:00 GMT", datetime(2025, 7, 28, 10, 0)),
        ("2025-07-28T10:00:00Z", datetime(2025, 7, 28, 10, 0)),
        ("2025-07-28T10:00:00.123+08:00", datetime(2025, 7, 28, 2, 0, 0, 123000)),
        ("2025-07-28", datetime(2025, 7, 28)),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(text: str | None, expected: datetime | None) -> None:
    assert parse_date(text) == expected
