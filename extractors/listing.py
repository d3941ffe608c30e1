"""Listing-page HTML → the article links it offers, absolute and canonical, in page order.

Links can be narrowed three ways, all per-source options: a CSS selector (`link_selector`,
the anchors inside the matched nodes), a URL regex searched in the canonical URL
(`link_pattern`), and a scope (`link_scope`): "host" (same hostname, the default), "site"
(same registered domain) or "any". When a pattern is given the scope defaults to "site",
because patterns routinely name sibling hosts, e.g. (tech|finance)\\.sina\\.com\\.cn.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, SelectolaxError

from extractors.urls import canonical_url, same_host, same_site

_SCOPE_CHECKS = {
    "host": same_host,
    "site": same_site,
    "any": lambda _a, _b: True,
}


def default_scope(link_pattern: str | re.Pattern[str] | None) -> str:
    """"site" when a URL pattern already narrows the links, else "host"."""
    return "site" if link_pattern else "host"


def listing_links(
    html: str,
    page_url: str,
    *,
    link_selector: str | None = None,
    link_pattern: str | re.Pattern[str] | None = None,
    scope: str | None = None,
) -> list[str]:
    """Canonical article URLs linked from a listing page; ValueError on a bad option."""
    scope = scope or default_scope(link_pattern)
    if scope not in _SCOPE_CHECKS:
        raise ValueError(f"link_scope {scope!r}: expected one of {', '.join(_SCOPE_CHECKS)}")
    try:
        pattern = re.compile(link_pattern) if isinstance(link_pattern, str) else link_pattern
    except re.error as exc:
        raise ValueError(f"link_pattern {link_pattern!r}: {exc}") from None
    in_scope = _SCOPE_CHECKS[scope]
    tree = LexborHTMLParser(html)
    base = document_base(tree, page_url)
    try:
        roots = tree.css(link_selector) if link_selector else [tree.root]
    except SelectolaxError:
        raise ValueError(f"link_selector {link_selector!r}: not a CSS selector") from None
    own = canonical_url(page_url)
    links: list[str] = []
    seen: set[str] = set()
    for root in roots:
        if root is None:
            continue
        anchors = [root] if root.tag == "a" else root.css("a[href]")
        for anchor in anchors:
            url = canonical_url(anchor.attributes.get("href") or "", base)
            if url is None or url == own or url in seen:
                continue
            if not in_scope(url, page_url):
                continue
            if pattern is not None and not pattern.search(url):
                continue
            seen.add(url)
            links.append(url)
    return links


def document_base(tree: LexborHTMLParser, page_url: str) -> str:
    """The URL a page's relative links resolve against: its <base href>, else its own URL."""
    base_node = tree.css_first("base[href]")
    return urljoin(page_url, base_node.attributes.get("href") or "") if base_node else page_url
