"""Hostile input at the entry points that read untrusted text: arbitrary bytes and
adversarial structures must end in a result or a recorded error, fast, never a crash.

Bounded for CI: each property runs a fixed number of examples (FUZZ_EXAMPLES) with a
per-example deadline; the README states what is fuzzed and for how long.
"""

from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.cleaning import CleaningRules, clean_paragraphs
from extractors.events import CueRules, mentions_in_article
from extractors.feeds import XmlError, parse_feed
from extractors.gazetteer import Gazetteer
from extractors.normalize import simplify, text_hash
from extractors.records import Article
from extractors.sitemaps import parse_sitemap
from extractors.text_article import parse_text
from extractors.urls import canonical_url

FUZZ_EXAMPLES = 150
FUZZ = settings(max_examples=FUZZ_EXAMPLES, deadline=2000,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
RULES = CleaningRules.load()
GAZETTEER = Gazetteer.load()
CUES = CueRules.load()
# Text that looks like the news: Chinese, the cue words, model names, dates and punctuation.
NEWSY = st.text(alphabet=st.sampled_from(list(
    "完成备案通过登记发布推出升级开源降价收购融资第一二三批首将未尚计划对标文心一言Kimi天工"
    "大模型百度月之暗面年月日近今去0123456789、，。！？；：“”《》()（）\n ICP算法GPT-4.0")),
    max_size=400)
TEXT = st.one_of(st.text(max_size=400), NEWSY)


def article(text: str) -> Article:
    return Article("fuzz", "http://x/", "fuzz", "t", text, simplify(text), text_hash(text),
                   published_at=datetime(2024, 5, 20))


@FUZZ
@given(TEXT)
def test_events_never_crash(text):
    for mention in mentions_in_article(article(text), GAZETTEER, CUES):
        assert mention.event_type and mention.sentence


@FUZZ
@given(st.lists(TEXT, max_size=20))
def test_cleaning_never_crashes(paragraphs):
    cleaned = clean_paragraphs(paragraphs, RULES)
    assert all(isinstance(p, str) and p for p in cleaned.paragraphs)


@FUZZ
@given(TEXT)
def test_plain_text_parsing_never_crashes(text):
    parse_text(text)


XML_BITS = st.sampled_from([
    b"<?xml version='1.0'?>", b"<rss version='2.0'>", b"<channel>", b"<item>", b"<link>",
    b"http://127.0.0.1/a", b"</link>", b"</item>", b"</channel>", b"</rss>", b"<feed>",
    b"<entry>", b"<urlset>", b"<url><loc>", b"</loc></url>", b"<sitemapindex>", b"&amp;",
    b"&lol;", b"<!DOCTYPE x [<!ENTITY lol 'lol'>]>", b"\xff\xfe", b"\x00", b"<![CDATA[",
    b"]]>", b"<!--", b"-->", "中文".encode(), b"<html>",
])
XML = st.one_of(st.binary(max_size=2000), st.lists(XML_BITS, max_size=60).map(b"".join))


@FUZZ
@given(XML)
def test_feed_parsing_returns_items_or_a_recorded_reason(body):
    try:
        feed = parse_feed(body, "http://127.0.0.1/feed.xml")
    except XmlError as error:
        assert error.reason in ("feed_parse_error", "not_a_feed")
    else:
        assert all(item.url.startswith(("http://", "https://")) for item in feed.items)


@FUZZ
@given(XML)
def test_sitemap_parsing_returns_entries_or_a_recorded_reason(body):
    try:
        parse_sitemap(body, "http://127.0.0.1/sitemap.xml", max_decompressed_bytes=1_000_000)
    except XmlError as error:
        assert error.reason == "sitemap_parse_error"


@FUZZ
@given(st.text(max_size=300))
def test_url_canonicalisation_never_crashes(url):
    result = canonical_url(url)
    assert result is None or isinstance(result, str)


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deeply_nested_xml_is_refused_or_read_quickly(depth):
    import time

    body = b"<rss><channel>" + b"<x>" * depth + b"</x>" * depth + b"</channel></rss>"
    started = time.monotonic()
    try:
        parse_feed(body, "http://127.0.0.1/")
    except XmlError:
        pass
    assert time.monotonic() - started < 5
