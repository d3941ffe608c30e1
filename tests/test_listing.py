"""Article links from listing pages: selector, pattern, scope, base href, dedupe."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.listing import listing_links

FIXTURES = Path(__file__).parent / "fixtures" / "crawl"
PAGE = "https://news.example.cn/tech/"
HTML = (FIXTURES / "listing.html").read_text(encoding="utf-8")


def test_all_same_host_links_by_default_canonical_and_deduplicated() -> None:
    assert listing_links(HTML, PAGE) == [
        "https://news.example.cn/",
        "https://news.example.cn/about.html",
        "https://news.example.cn/tech/2025-07-28/doc-glm45.shtml",  # from= and spm= dropped
        "https://news.example.cn/tech/2025-07-11/doc-kimik2.shtml",  # relative, no fragment
        "https://news.example.cn/tech/2025-07-30/doc-filing10.shtml",
        "https://news.example.cn/tech/2025-07-01/doc-sponsored.shtml",
    ]  # the page itself, other hosts, javascript: and mailto: are left out


def test_selector_narrows_to_anchors_inside_matched_nodes() -> None:
    links = listing_links(HTML, PAGE, link_selector="div.news-list")
    assert [link.rsplit("/", 1)[1] for link in links] == [
        "doc-glm45.shtml", "doc-kimik2.shtml", "doc-filing10.shtml"]
    # A selector that matches anchors directly works too.
    assert listing_links(HTML, PAGE, link_selector="aside a") == [
        "https://news.example.cn/tech/2025-07-01/doc-sponsored.shtml"]


def test_pattern_narrows_and_widens_scope_to_the_site() -> None:
    links = listing_links(HTML, PAGE, link_pattern=r"/tech/\d{4}-\d{2}-\d{2}/doc-\w+\.shtml")
    assert "https://finance.example.cn/tech/2025-07-29/doc-minimax.shtml" in links
    assert "https://other.example.com/tech/2025-07-29/doc-elsewhere.shtml" not in links
    assert "https://news.example.cn/about.html" not in links
    assert len(links) == 5


def test_explicit_scopes() -> None:
    host_only = listing_links(HTML, PAGE, link_pattern=r"doc-", scope="host")
    assert all(link.startswith("https://news.example.cn/") for link in host_only)
    anywhere = listing_links(HTML, PAGE, link_pattern=r"doc-", scope="any")
    assert "https://other.example.com/tech/2025-07-29/doc-elsewhere.shtml" in anywhere


def test_base_href_is_honoured() -> None:
    html = '<html><head><base href="https://news.example.cn/archive/"></head>' \
           '<body><a href="2025/a.html">a</a></body></html>'
    assert listing_links(html, "https://news.example.cn/list?page=2") == [
        "https://news.example.cn/archive/2025/a.html"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"link_selector": "div[[["}, "link_selector"),
        ({"link_pattern": "(unclosed"}, "link_pattern"),
        ({"scope": "galaxy"}, "link_scope"),
    ],
)
def test_bad_options_raise_value_error(options: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        listing_links(HTML, PAGE, **options)  # type: ignore[arg-type]


def test_empty_and_linkless_pages() -> None:
    assert listing_links("", PAGE) == []
    assert listing_links("<html><body><p>nothing</p></body></html>", PAGE) == []
