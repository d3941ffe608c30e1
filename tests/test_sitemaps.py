"""Sitemap parsing: urlset, index, Google News, gzip (and gzip bombs), text, refusals."""

from __future__ import annotations

import gzip
import time
from datetime import datetime
from pathlib import Path

import pytest

from extractors.feeds import XmlError
from extractors.sitemaps import gunzip_bounded, parse_sitemap

FIXTURES = Path(__file__).parent / "fixtures" / "crawl"
BASE = "https://news.example.cn/sitemap.xml"
CAP = 1_000_000


def load(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_urlset_entries_with_lastmod_skip_bad_locs() -> None:
    sitemap = parse_sitemap(load("sitemap_pages.xml"), BASE, max_decompressed_bytes=CAP)
    assert sitemap.kind == "urlset"
    assert [(entry.url, entry.lastmod) for entry in sitemap.entries] == [
        ("https://news.example.cn/articles/baichuan-4.html", datetime(2025, 5, 22)),
        ("https://news.example.cn/articles/yi-lightning.html", datetime(2025, 6, 1, 12, 0)),
    ]  # the ftp: loc and the <url> without <loc> are skipped


def test_index_lists_child_sitemaps() -> None:
    sitemap = parse_sitemap(load("sitemap_index.xml"), BASE, max_decompressed_bytes=CAP)
    assert sitemap.kind == "index"
    assert [entry.url.rsplit("/", 1)[1] for entry in sitemap.entries] == [
        "pages.xml", "news.xml", "archive.xml.gz"]
    assert sitemap.entries[1].lastmod == datetime(2025, 7, 30, 0, 0)
    assert sitemap.entries[2].lastmod is None


def test_news_sitemap_publication_date_and_title() -> None:
    sitemap = parse_sitemap(load("sitemap_news.xml"), BASE, max_decompressed_bytes=CAP)
    first, second = sitemap.entries
    assert first.url == "https://news.example.cn/articles/hunyuan-t1.html"
    assert first.published_at == datetime(2025, 3, 21, 12, 0)
    assert first.title == "腾讯混元T1正式版发布"
    assert first.newest == first.published_at
    assert second.published_at == datetime(2025, 1, 22)


def test_gzip_sitemap_is_inflated() -> None:
    body = gzip.compress(load("sitemap_archive.xml"))
    sitemap = parse_sitemap(body, BASE + ".gz", max_decompressed_bytes=CAP)
    assert [entry.url.rsplit("/", 1)[1] for entry in sitemap.entries] == [
        "ernie-4.html", "spark-3.html"]


def test_gzip_bomb_stops_at_the_cap() -> None:
    bomb = gzip.compress(b"<urlset>" + b" " * 50_000_000, 9)
    assert len(bomb) < 100_000
    started = time.monotonic()
    with pytest.raises(XmlError) as caught:
        parse_sitemap(bomb, BASE, max_decompressed_bytes=CAP)
    assert caught.value.reason == "decompressed_too_large"
    assert time.monotonic() - started < 0.5


def test_gunzip_bounded_rejects_broken_and_truncated_data() -> None:
    data = gzip.compress(b"hello sitemap" * 1000)
    assert gunzip_bounded(data, CAP) == b"hello sitemap" * 1000
    with pytest.raises(XmlError, match="truncated"):
        gunzip_bounded(data[: len(data) // 2], CAP)
    with pytest.raises(XmlError, match="broken gzip"):
        gunzip_bounded(b"\x1f\x8b" + b"garbage" * 10, CAP)


def test_text_sitemap_one_url_a_line() -> None:
    body = b"https://news.example.cn/a.html\n\nhttps://news.example.cn/b.html\r\n"
    sitemap = parse_sitemap(body, BASE, max_decompressed_bytes=CAP)
    assert [entry.url for entry in sitemap.entries] == [
        "https://news.example.cn/a.html", "https://news.example.cn/b.html"]


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        (b"<!DOCTYPE html><html><body>404</body></html>", "HTML"),
        (b"Not found, sorry", "text sitemap"),
        (b"<rss version='2.0'><channel/></rss>", "urlset or sitemapindex"),
        (b"", "empty"),
    ],
)
def test_bad_sitemaps_give_clear_reasons(body: bytes, detail: str) -> None:
    with pytest.raises(XmlError) as caught:
        parse_sitemap(body, BASE, max_decompressed_bytes=CAP)
    assert caught.value.reason == "sitemap_parse_error"
    assert detail in caught.value.detail


def test_entity_bomb_sitemap_is_refused() -> None:
    body = load("billion_laughs.xml").replace(b"rss", b"urlset")
    with pytest.raises(XmlError) as caught:
        parse_sitemap(body, BASE, max_decompressed_bytes=CAP)
    assert caught.value.reason == "sitemap_parse_error"
    assert "DOCTYPE" in caught.value.detail
