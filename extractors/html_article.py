"""HTML page → ParsedDocument: selectolax pre-clean, then trafilatura on the decoded string.

trafilatura is handed a correctly decoded `str` (it mis-detects GBK when given bytes) and
the DOM is first stripped of ruby pinyin and ad/share/recommendation blocks that it
would otherwise keep.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import trafilatura
from selectolax.lexbor import LexborHTMLParser

from extractors.cleaning import DEFAULT_RULES_PATH
from extractors.dates import parse_dateline
from extractors.records import ParsedDocument


@dataclass(frozen=True)
class HtmlRules:
    remove_tags: tuple[str, ...]
    class_tokens: frozenset[str]
    title_suffix: re.Pattern[str]
    max_block_share: float

    @classmethod
    def load(cls, path: str | Path = DEFAULT_RULES_PATH) -> HtmlRules:
        with Path(path).open("rb") as handle:
            raw = tomllib.load(handle)["html"]
        return cls(
            remove_tags=tuple(raw["remove_tags"]),
            class_tokens=frozenset(raw["remove_class_tokens"]),
            title_suffix=re.compile(raw["title_suffix_pattern"]),
            max_block_share=float(raw["max_block_share"]),
        )


_TOKEN_SPLIT = re.compile(r"[\s_\-]+")


def preclean(html: str, rules: HtmlRules) -> str:
    """Drop script/style/ruby glosses and ad-like blocks; return the cleaned HTML."""
    tree = LexborHTMLParser(html)
    tree.strip_tags(list(rules.remove_tags))
    body = tree.body
    total = len(body.text(separator="")) if body is not None else 0
    for node in tree.css("[class], [id]"):
        names = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        tokens = {token.lower() for token in _TOKEN_SPLIT.split(names) if token}
        if not tokens & rules.class_tokens or node.tag in ("html", "body", "main", "article"):
            continue
        # A block holding much of the page's text is a wrapper around the article (class
        # names like "main-share-wrap" are common), never an ad: leave it to trafilatura.
        if len(node.text(separator="")) > rules.max_block_share * total:
            continue
        node.decompose()
    return tree.html or ""


def parse_html(
    html: str, *, url: str | None, rules: HtmlRules, now: datetime | None = None
) -> ParsedDocument:
    cleaned = preclean(html, rules)
    document = trafilatura.bare_extraction(
        cleaned, url=url, with_metadata=True, include_comments=False, include_tables=True,
        favor_precision=False,
    )
    if document is None:
        return ParsedDocument(title=_page_title(html, rules), paragraphs=[])
    text = document.text or ""
    title = strip_title_suffix(document.title or _page_title(html, rules) or "", rules) or None
    published = parse_dateline(document.date, now=now) if document.date else None
    return ParsedDocument(
        title=title,
        paragraphs=[line for line in text.split("\n") if line.strip()],
        published_at=published,
        site_name=document.sitename or None,
        author=document.author or None,
    )


def strip_title_suffix(title: str, rules: HtmlRules) -> str:
    return rules.title_suffix.sub("", title.strip()) if len(title) > 12 else title.strip()


def _page_title(html: str, rules: HtmlRules) -> str | None:
    node = LexborHTMLParser(html).css_first("title")
    return strip_title_suffix(node.text(), rules) if node is not None else None
