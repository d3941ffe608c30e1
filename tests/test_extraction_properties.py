"""Extraction never raises and never hangs, whatever the bytes: property tests and the
hostile pages a crawler meets (deep nesting, huge element counts, broken encodings)."""

import time
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.article import ExtractionSettings, extract_article
from extractors.records import Article, Dropped, Page

# Per page, in CPU seconds of this process (other test runs share the machine's two
# cores, so wall time says little). That CPU bound, asserted in extract(), is the guard:
# hypothesis' deadline is wall time, and a loaded CI machine once ran an example past it.
PAGE_SECONDS = 5.0
PROPERTY_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    database=None,  # no .hypothesis folder in the checkout
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SETTINGS = ExtractionSettings.load()
CONTENT_TYPES = ["text/html", "text/plain", "application/xhtml+xml", "text/html; charset=gbk",
                 "text/html; charset=utf-8", "text/plain; charset=big5", "text/html; charset=x"]
SENTENCE = "百度发布文心大模型4.0，用户规模已达4500万。"


def extract(body: bytes, content_type: str = "text/html") -> Article | Dropped:
    page = Page("prop", "http://127.0.0.1/p", "http://127.0.0.1/p", 200, content_type, body,
                "h", datetime(2024, 1, 1))
    started = time.process_time()
    result = extract_article(page, SETTINGS, now=datetime(2024, 1, 1))
    assert time.process_time() - started < PAGE_SECONDS
    assert isinstance(result, Article | Dropped)
    if isinstance(result, Article):
        assert result.text and result.text_hash and result.title
    return result


@PROPERTY_SETTINGS
@given(body=st.binary(max_size=4096), content_type=st.sampled_from(CONTENT_TYPES))
def test_arbitrary_bytes_never_raise(body, content_type):
    extract(body, content_type)


TAGS = ["div", "p", "span", "table", "tr", "td", "ul", "li", "a", "ruby", "rt", "rp", "h1",
        "script", "style", "article", "section", "br", "font", "iframe", "time", "meta", "b"]
ATTRIBUTES = ['class="ad"', 'class="share-bar"', 'id="comments"', 'class="content"',
              'style="display:none"', 'datetime="2031-01-01"', 'property="og:title"',
              'content="2023-11-17T11:11:00+08:00"', 'class="article-body"', ""]
TEXT = st.lists(
    st.sampled_from(list("百度发布大模型备案相关阅读扫码关注，。（）(yòng)|<>&;\"' \n\t")
                    + ["\u3000", "\xa0", "\ufffd", "\x00", "\ud7ff", "&#0;", "&amp;",
                       "2023年11月17日", "发布时间：", "记者 "]),
    max_size=40,
).map("".join)


@st.composite
def html_documents(draw) -> str:
    """Random markup: unbalanced, mis-nested, attribute soup, text in every corner."""
    parts = []
    for _ in range(draw(st.integers(0, 60))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            parts.append(f"<{draw(st.sampled_from(TAGS))} {draw(st.sampled_from(ATTRIBUTES))}>")
        elif kind == 1:
            parts.append(f"</{draw(st.sampled_from(TAGS))}>")
        else:
            parts.append(draw(TEXT))
    return "".join(parts)


@PROPERTY_SETTINGS
@given(
    html=html_documents(),
    encoding=st.sampled_from(["utf-8", "gbk", "utf-16", "big5", "latin-1"]),
    wrap=st.booleans(),
    damage=st.binary(max_size=8),
)
def test_random_markup_in_any_encoding_never_raises(html, encoding, wrap, damage):
    if wrap:
        html = f"<html><head><title>标题_网站</title></head><body>{html}<p>{SENTENCE}</p></body>"
    body = html.encode(encoding, errors="replace")
    extract(body[: len(body) // 2] + damage + body[len(body) // 2 :])


def nested(tag: str, depth: int, inner: str) -> str:
    return f"<{tag}>" * depth + inner + f"</{tag}>" * depth


PARAGRAPHS = "".join(f"<p>{SENTENCE}{i}。{SENTENCE}</p>" for i in range(5))


@pytest.mark.parametrize(
    "html",
    [
        nested("div", 10_000, PARAGRAPHS),
        nested("span", 10_000, SENTENCE),
        nested("table", 10_000, PARAGRAPHS),
        "<div>" * 100_000 + PARAGRAPHS,  # never closed
        nested("ruby", 10_000, "字<rt>zì</rt>"),
        "<html><body>" + "<p>段落</p>" * 100_000 + "</body></html>",
        "<html><body><ul>" + "<li><a href='/x'>链接</a></li>" * 100_000 + "</ul></body></html>",
        "<html><body>" + "<div class='ad'></div>" * 100_000 + PARAGRAPHS + "</body></html>",
        "<html><body><div>" + f"{SENTENCE}<br>" * 100_000 + "</div></body></html>",
        "<html><body>" + "<table><tr><td>格</td></tr></table>" * 4_500 + PARAGRAPHS + "</body>",
        "<html><head>" + '<script type="application/ld+json">' + "[" * 50_000 + "</script>"
        + "</head><body>" + PARAGRAPHS + "</body></html>",
    ],
    ids=["div-1e4", "span-1e4", "table-1e4", "unclosed-div-1e5", "ruby-1e4", "p-1e5",
         "links-1e5", "empty-ads-1e5", "br-1e5", "tables-4500", "json-ld-nesting"],
)
def test_hostile_pages_finish_in_time(html):
    extract(html.encode())


@pytest.mark.parametrize(
    "body",
    [
        b"\xef\xbb\xbf" + b"\xff" * 5000,  # a BOM, then garbage
        b"\xff\xfe" + "标题".encode("utf-16-le") + b"\x00\xd8" * 100,  # lone surrogates
        b'<meta charset="utf-8">' + SENTENCE.encode("gbk") * 50,  # lies about itself
        b'<meta charset="klingon">' + SENTENCE.encode("big5", "replace") * 50,
        bytes(range(256)) * 40,
    ],
    ids=["bom-garbage", "utf16-surrogates", "wrong-meta", "unknown-charset", "all-bytes"],
)
def test_invalid_encodings_never_raise(body):
    extract(body)
