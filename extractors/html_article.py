"""HTML page → ParsedDocument: metadata, pre-clean, body paragraphs.

The decoded string is parsed once, with the lxml parser trafilatura itself uses, and the
tree is handed to trafilatura (it mis-detects GBK when given bytes, and re-parsing costs
time). Pages with more elements than `[html] max_elements` raise `PageTooComplex` (a
recorded drop). In order:

1. metadata from the untouched tree: <meta> tags → JSON-LD → <time> (date, author, site
   name, title candidates, declared language), then a registered site class
   (extractors/sites/) where a golden page proved the generic readers wrong;
2. pre-clean: scripts, ruby pinyin (<rt>/<rp>), navigation and ad/share/recommendation
   blocks removed, layout tables turned into <div>s;
3. body: trafilatura in precision mode, rechecked in balanced mode when it kept little,
   then continued into same-class sibling containers an ad had split off; a leading
   repeat of the headline is dropped;
4. the dateline and byline under the headline when the tags gave none.

Every threshold is in the [html] section of seeds/cleaning.toml. Hands on raw paragraphs;
the Chinese cleaning rules (cleaning.py) run after, on HTML and plain text alike.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from lxml import etree
from lxml.html import HtmlElement, fromstring
from trafilatura import bare_extraction, load_html
from trafilatura.settings import Extractor

from extractors.cleaning import (
    DEFAULT_RULES_PATH,
    LanguageRules,
    guess_language,
    read_rules,
    strip_pinyin_glosses,
)
from extractors.dates import parse_dateline, parse_timestamp
from extractors.normalize import match_key
from extractors.records import ParsedDocument
from extractors.sites import SiteMetadata, site_for

_SPACES = re.compile(r"\s+")
# Where the primary subtag of a declared language ends ("zh-CN", "en_US", "zh, en").
_LANGUAGE_SUBTAG_END = re.compile(r"[-_,;\s]")
_TABLE_SECTIONS = ("thead", "tbody", "tfoot")
_CELLS = ("td", "th")
# A nested table or block elements in cells make a table a layout box, not data.
_LAYOUT_INSIDE = "boolean(.//table|.//p|.//div|.//br|.//ul|.//ol|.//h1|.//h2|.//h3)"
# A data table has a row with two cells, and no cell longer than a value is.
_WIDE_ROW = "boolean((tr|*/tr)[count(td|th) >= 2])"
_LONG_CELL = "boolean((tr|*/tr)/*[self::td or self::th][string-length(normalize-space()) > $limit])"
# Wrappers that class-token removal never touches: they hold the whole page.
_NEVER_REMOVED = frozenset({"html", "body", "main", "article"})
# A JSON-LD block is walked this far at most (hostile pages nest without end).
_JSON_LD_MAX_NODES = 500
_ARTICLE_TYPES = ("article", "posting", "news", "report")
# Body paragraphs are matched to page <p>s on this many leading non-space characters.
_KEY_CHARS = 40
_MIN_KEY_CHARS = 10
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 "
    "h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul"
    .split()
)
# The dateline window reads at most this many text nodes after the headline.
_FOLLOWING_TEXT = "following::text()[position() <= 60]"
# Headlines shorter than this (as letters) are too generic to recognise in the body.
_MIN_TITLE_KEY = 4


class PageTooComplex(ValueError):
    """The page has more elements than `max_elements`: recorded as a drop, never parsed."""


@dataclass(frozen=True)
class HtmlRules:
    """The compiled [html] and [language] sections of cleaning.toml."""

    max_elements: int
    max_elements_for_fallbacks: int
    remove_tags: tuple[str, ...]
    class_tokens: frozenset[str]
    class_pattern: re.Pattern[str]  # any of `class_tokens` as a whole class/id word part
    max_block_share: float
    title_suffix: re.Pattern[str]
    max_title_suffixes: int
    min_title_chars_to_strip: int
    min_title_chars_left: int
    max_data_cell_chars: int
    max_table_link_share: float
    recheck_below_chars: int
    recheck_below_page_share: float
    prefer_balanced_below: float
    continuation_min_paragraphs: int
    continuation_min_gain: float
    max_paragraph_link_share: float
    title_scan_paragraphs: int
    date_meta: tuple[str, ...]
    author_meta: tuple[str, ...]
    site_meta: tuple[str, ...]
    dateline_scan_chars: int
    byline_patterns: tuple[re.Pattern[str], ...]
    max_author_chars: int
    language: LanguageRules

    @classmethod
    def load(cls, path: str | Path = DEFAULT_RULES_PATH) -> HtmlRules:
        return cls.from_toml(read_rules(path))

    @classmethod
    def from_toml(cls, toml: dict) -> HtmlRules:
        raw = toml["html"]
        tables, body, meta = raw["tables"], raw["body"], raw["metadata"]
        return cls(
            max_elements=int(raw["max_elements"]),
            max_elements_for_fallbacks=int(body["max_elements_for_fallbacks"]),
            remove_tags=tuple(raw["remove_tags"]),
            class_tokens=frozenset(raw["remove_class_tokens"]),
            class_pattern=_token_pattern(raw["remove_class_tokens"]),
            max_block_share=float(raw["max_block_share"]),
            title_suffix=re.compile(raw["title_suffix_pattern"]),
            max_title_suffixes=int(raw["max_title_suffixes"]),
            min_title_chars_to_strip=int(raw["min_title_chars_to_strip"]),
            min_title_chars_left=int(raw["min_title_chars_left"]),
            max_data_cell_chars=int(tables["max_data_cell_chars"]),
            max_table_link_share=float(tables["max_link_share"]),
            recheck_below_chars=int(body["recheck_below_chars"]),
            recheck_below_page_share=float(body["recheck_below_page_share"]),
            prefer_balanced_below=float(body["prefer_balanced_below"]),
            continuation_min_paragraphs=int(body["continuation_min_paragraphs"]),
            continuation_min_gain=float(body["continuation_min_gain"]),
            max_paragraph_link_share=float(body["max_paragraph_link_share"]),
            title_scan_paragraphs=int(body["title_scan_paragraphs"]),
            date_meta=tuple(name.lower() for name in meta["date_meta"]),
            author_meta=tuple(name.lower() for name in meta["author_meta"]),
            site_meta=tuple(name.lower() for name in meta["site_meta"]),
            dateline_scan_chars=int(meta["dateline_scan_chars"]),
            byline_patterns=tuple(re.compile(p) for p in meta["byline_patterns"]),
            max_author_chars=int(meta["max_author_chars"]),
            language=LanguageRules.from_toml(toml),
        )


def _token_pattern(tokens: list[str]) -> re.Pattern[str]:
    """Matches a class/id value holding one of `tokens` between separators (space _ -)."""
    words = "|".join(sorted(map(re.escape, tokens), key=len, reverse=True))
    return re.compile(rf"(?:^|[\s_\-])(?:{words})(?=$|[\s_\-])", re.I)


@dataclass(frozen=True)
class PageMetadata:
    """What the markup says about the page, before the body is looked at."""

    titles: tuple[str, ...]  # best first: og:title, <title>, <h1>, JSON-LD headline
    published_at: datetime | None
    author: str | None
    site_name: str | None
    declared_language: str | None
    canonical_url: str | None  # <link rel=canonical> or og:url: where a saved page came from


def parse_html(
    html: str, *, url: str | None, rules: HtmlRules, now: datetime | None = None
) -> ParsedDocument:
    tree = load_tree(html)
    if tree is None:
        return ParsedDocument(title=None, paragraphs=[])
    elements = int(tree.xpath("count(//*)"))
    if elements > rules.max_elements:
        raise PageTooComplex(f"{elements} elements")
    meta = read_metadata(tree, rules, now)
    # A saved page (file: URL) is recognised by the address it declares for itself.
    site = site_for(url) or site_for(meta.canonical_url)
    quirks = site.metadata(tree, now) if site is not None else SiteMetadata()
    removed = preclean_tree(tree, rules)
    paragraphs = extract_body(tree, rules, elements=elements)
    site_name = quirks.site_name or meta.site_name
    title, headlines = None, list(meta.titles)
    if meta.titles:
        title, suffix_site = split_title(meta.titles[0], rules)
        site_name = site_name or suffix_site
        headlines.insert(1, title)  # a page prints its headline, not its <title>
        paragraphs, repeats = _drop_headline_repeats(paragraphs, headlines, rules)
        removed["title_repeat"] += repeats
    published = quirks.published_at or meta.published_at
    author = quirks.author or meta.author
    if published is None or author is None:
        window = _text_after_headline(tree, headlines, rules.dateline_scan_chars)
        published = published or (parse_dateline(window, now=now) if window else None)
        author = author or (_byline(window, rules) if window else None)
    return ParsedDocument(
        title=title or None,
        paragraphs=paragraphs,
        published_at=published,
        site_name=site_name,
        author=author,
        language=guess_language("\n".join(paragraphs), meta.declared_language, rules.language),
        removed=tuple(sorted(removed.items())),
    )


def load_tree(html: str) -> HtmlElement | None:
    """Parse like trafilatura does; a bare fragment is wrapped in a document first."""
    tree = load_html(html)
    if tree is None:
        # trafilatura rejects fragments (no <html>, one top-level block): give them a body.
        return load_html(f"<html><body>{html}</body></html>")
    if tree.tag != "html":  # a page that starts with some other element: wrap it
        document = fromstring("<html><body></body></html>")
        document.find("body").append(tree)
        return document
    return tree


# --- metadata ------------------------------------------------------------------------


def read_metadata(tree: HtmlElement, rules: HtmlRules, now: datetime | None) -> PageMetadata:
    """Title candidates, date, author, site and declared language from tags and JSON-LD."""
    metas = _meta_values(tree)
    ld = _json_ld(tree)
    published = None
    for name in rules.date_meta:
        if name in metas and (published := parse_timestamp(metas[name], now=now)):
            break
    if published is None and ld.get("datePublished"):
        published = parse_timestamp(ld["datePublished"], now=now)
    if published is None:
        published = _time_element_date(tree, now)
    author = ld.get("author") or next(
        (metas[name] for name in rules.author_meta if _is_byline(metas.get(name), rules)), None
    )
    site = next((metas[name] for name in rules.site_meta if metas.get(name)), None)
    titles = [
        metas.get("og:title") or metas.get("twitter:title"),
        _text(tree.find(".//title")),
        _text(tree.find(".//h1")),
        ld.get("headline"),
    ]
    return PageMetadata(
        titles=tuple(dict.fromkeys(t for t in titles if t)),
        published_at=published,
        author=author if _is_byline(author, rules) else None,
        site_name=site or ld.get("publisher"),
        declared_language=_declared_language(tree, metas),
        canonical_url=_canonical_url(tree, metas),
    )


def _meta_values(tree: HtmlElement) -> dict[str, str]:
    """<meta name|property|itemprop=K content=V> as {k: v}, first occurrence wins."""
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if not content or not content.strip():
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attribute)
            if key:
                values.setdefault(key.strip().lower(), _SPACES.sub(" ", content).strip())
    return values


def _json_ld(tree: HtmlElement) -> dict[str, str]:
    """datePublished, headline, author and publisher of the page's article object."""
    found: dict[str, str] = {}
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):
            continue
        for item in _json_objects(data):
            kind = str(item.get("@type", "")).lower()
            if not any(word in kind for word in _ARTICLE_TYPES) and "datePublished" not in item:
                continue
            for key in ("datePublished", "headline"):
                if isinstance(item.get(key), str):
                    found.setdefault(key, item[key])
            for key in ("author", "publisher"):
                name = _ld_name(item.get(key))
                if name:
                    found.setdefault(key, name)
    return found


def _json_objects(data: object) -> Iterator[dict]:
    stack, seen = [data], 0
    while stack and seen < _JSON_LD_MAX_NODES:
        node = stack.pop()
        seen += 1
        if isinstance(node, dict):
            yield node
            stack.extend(v for v in node.values() if isinstance(v, (dict, list)))
        elif isinstance(node, list):
            stack.extend(reversed(node))


def _ld_name(value: object) -> str | None:
    if isinstance(value, list):
        names = [n for n in (_ld_name(v) for v in value[:5]) if n]
        return ", ".join(names) or None
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() or None if isinstance(value, str) else None


def _time_element_date(tree: HtmlElement, now: datetime | None) -> datetime | None:
    """The <time> marked as the publication date, else the first <time datetime=…>."""
    first = None
    for time in tree.iter("time"):
        value = time.get("datetime") or _text(time)
        if not value:
            continue
        marked = time.get("pubdate") is not None or time.get("itemprop") == "datePublished"
        if marked:
            return parse_timestamp(value, now=now)
        if first is None and time.get("datetime"):
            first = value
    return parse_timestamp(first, now=now) if first else None


def _canonical_url(tree: HtmlElement, metas: dict[str, str]) -> str | None:
    for link in tree.iter("link"):
        if (link.get("rel") or "").strip().lower() == "canonical" and link.get("href"):
            return link.get("href").strip()
    return metas.get("og:url")


def _declared_language(tree: HtmlElement, metas: dict[str, str]) -> str | None:
    declared = tree.get("lang") or tree.get("xml:lang") or metas.get("content-language")
    if not declared:
        return None
    primary = _LANGUAGE_SUBTAG_END.split(declared.strip().lower(), maxsplit=1)[0]
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else None


def _is_byline(value: str | None, rules: HtmlRules) -> bool:
    """A person or desk, not a profile URL or a CMS credit line."""
    return bool(value) and len(value) <= rules.max_author_chars and "://" not in value


def _text_after_headline(tree: HtmlElement, headlines: list[str], limit: int) -> str:
    """The visible text just after the headline (the <h1>, else the title found in the
    text), where datelines and bylines sit."""
    anchors = [h for h in tree.iter("h1") if h.text_content().strip()]
    anchor = anchors[0] if anchors else None
    if len(anchors) > 1:  # a logo or section name may come first: prefer the headline
        keys = {_headline_key(h) for h in headlines if h}
        anchor = next((h for h in anchors if _headline_key(h.text_content()) in keys), anchor)
    if anchor is not None:
        return _joined_text(anchor.xpath(_FOLLOWING_TEXT), limit)
    body = tree.find("body")
    if body is None:
        return ""
    text = _joined_text(body.xpath(".//text()"), None)
    for headline in filter(None, (_SPACES.sub(" ", h).strip() for h in headlines)):
        at = text.find(headline)
        if at >= 0:
            return text[at + len(headline) : at + len(headline) + limit].strip()
    return ""


def _joined_text(texts: list, limit: int | None) -> str:
    """Text nodes joined as a reader sees them: a space between blocks, none inside a line
    ("作者：刘<ruby>峰</ruby>" stays "刘峰", "作者：张三</div><p>记者…" does not run on)."""
    parts, size = [], 0
    for text in texts:
        element = text.getparent()
        if element is not None and element.tag in _BLOCK_TAGS:
            parts.append(" ")  # text opening a block, or the tail after one
        piece = _SPACES.sub(" ", str(text))
        parts.append(piece)
        size += len(piece)
        if limit is not None and size >= limit:
            break
    return _SPACES.sub(" ", "".join(parts)).strip()[:limit]


def _byline(window: str, rules: HtmlRules) -> str | None:
    for pattern in rules.byline_patterns:
        match = pattern.search(window)
        if match:
            return match.group(1)
    return None


def split_title(title: str, rules: HtmlRules) -> tuple[str, str | None]:
    """(title without site suffixes, the last suffix stripped — usually the site name)."""
    title = _SPACES.sub(" ", title).strip()
    if len(title) <= rules.min_title_chars_to_strip:
        return title, None
    site = None
    for _ in range(rules.max_title_suffixes):
        match = rules.title_suffix.search(title)
        if match is None or match.start() < rules.min_title_chars_left:
            break
        if site is None:
            site = match.group(0).strip(" _|｜-–—") or None
        title = title[: match.start()].strip()
    return title, site


def strip_title_suffix(title: str, rules: HtmlRules) -> str:
    return split_title(title, rules)[0]


# --- pre-clean -----------------------------------------------------------------------


def preclean(html: str, rules: HtmlRules) -> str:
    """The pre-cleaned page as HTML (for debugging a site; the pipeline keeps the tree)."""
    tree = load_tree(html)
    if tree is None:
        return ""
    preclean_tree(tree, rules)
    return etree.tostring(tree, encoding="unicode", method="html")


def preclean_tree(tree: HtmlElement, rules: HtmlRules) -> Counter[str]:
    """Remove furniture in place; returns how many blocks each step removed or changed."""
    removed: Counter[str] = Counter()
    etree.strip_elements(tree, *rules.remove_tags, with_tail=False)
    for table in list(tree.iter("table")):
        if _is_layout_table(table, rules):
            removed["layout_table"] += 1
            for part in [table, *_table_parts(table)]:
                part.tag = "div"
    body = tree.find("body")
    total = len(body.text_content()) if body is not None else 0
    dropped: set[HtmlElement] = set()
    for value in tree.xpath("//@class|//@id"):
        if not rules.class_pattern.search(value):
            continue
        node = value.getparent()
        if node.tag in _NEVER_REMOVED or node.getparent() is None or node in dropped:
            continue
        if any(ancestor in dropped for ancestor in node.iterancestors()):
            continue
        # A block holding much of the page's text is a wrapper around the article (class
        # names like "main-share-wrap" are common), never an ad: leave it to trafilatura.
        if len(node.text_content()) > rules.max_block_share * total:
            continue
        node.drop_tree()
        dropped.add(node)
        removed["html_block"] += 1
    return removed


def _table_parts(table: HtmlElement) -> Iterator[HtmlElement]:
    """Sections, rows and cells of this table, not of tables nested in its cells."""
    for child in table:
        rows = list(child) if child.tag in _TABLE_SECTIONS else [child]
        if child.tag in _TABLE_SECTIONS:
            yield child
        for row in rows:
            if row.tag == "tr":
                yield row
                yield from (cell for cell in row if cell.tag in _CELLS)
            elif row.tag in _CELLS:
                yield row


def _is_layout_table(table: HtmlElement, rules: HtmlRules) -> bool:
    # XPath does the counting in C; tables are many on old portals.
    if table.xpath(_LAYOUT_INSIDE):
        return True
    text = _visible_chars(table.text_content())
    if not text:
        return True
    links = _visible_chars("".join(table.xpath(".//a//text()")))
    if links > rules.max_table_link_share * text:
        return True
    if table.xpath("count(tr|*/tr)") < 2 or not table.xpath(_WIDE_ROW):
        return True
    return text > rules.max_data_cell_chars and bool(
        table.xpath(_LONG_CELL, limit=rules.max_data_cell_chars)
    )


# --- body ----------------------------------------------------------------------------


def extract_body(tree: HtmlElement, rules: HtmlRules, *, elements: int = 0) -> list[str]:
    """Body paragraphs of a pre-cleaned tree (trafilatura works on its own copy).

    `elements` is the page's size before the pre-clean: the fallbacks only run on pages
    up to `max_elements_for_fallbacks`.
    """
    paragraphs = _trafilatura(tree, precise=True, fallbacks=False)
    extracted = sum(map(_visible_chars, paragraphs))
    balanced = None
    if extracted < rules.recheck_below_chars:
        fallbacks = elements <= rules.max_elements_for_fallbacks
        balanced = _trafilatura(tree, precise=False, fallbacks=fallbacks)
    elif extracted < rules.recheck_below_page_share * _visible_chars(tree.text_content()):
        balanced = _trafilatura(tree, precise=False, fallbacks=False)
    if balanced and extracted < rules.prefer_balanced_below * sum(map(_visible_chars, balanced)):
        paragraphs = balanced
    return continue_split_body(tree, paragraphs, rules)


def _trafilatura(tree: HtmlElement, *, precise: bool, fallbacks: bool) -> list[str]:
    document = bare_extraction(tree, options=_extractor(precise, fallbacks))
    text = document.text if document is not None else ""
    return [line for line in (text or "").split("\n") if line.strip()]


@lru_cache(maxsize=4)
def _extractor(precise: bool, fallbacks: bool) -> Extractor:
    """trafilatura's options, built once: building them per call costs ~0.2 ms (a clock
    and time-zone lookup). The fallbacks (readability, then justext) cost more than the
    main extractor does."""
    return Extractor(
        output_format="python", fast=not fallbacks, precision=precise, comments=False,
        tables=True, with_metadata=False,
    )


def continue_split_body(tree: HtmlElement, paragraphs: list[str], rules: HtmlRules) -> list[str]:
    """Add paragraphs of same-class sibling containers that an ad or widget split off."""
    index = {k: i for i, p in enumerate(paragraphs) if len(k := _key(p)) >= _MIN_KEY_CHARS}
    if not index:
        return paragraphs
    found = []  # (container, text, index in `paragraphs` or None, the <p> element)
    holders: set[HtmlElement] = set()
    classes: set[tuple[str, str]] = set()
    for p in tree.xpath("//p[../@class]"):  # only classed containers can be matched
        container = p.getparent()
        raw = p.text_content()
        key = _key(raw[: 4 * _KEY_CHARS])  # the key reads only the paragraph's start
        if not key:
            continue
        at = index.get(key)
        found.append((container, raw, at, p))
        if at is not None:
            holders.add(container)
            if container.get("class"):
                classes.add((container.tag, container.get("class")))
    if not classes:
        return paragraphs
    extra: dict[HtmlElement, tuple[int, list[str]]] = {}
    last = -1
    for container, raw, at, p in found:
        if at is not None:
            last = at
            continue
        if container in holders or (container.tag, container.get("class")) not in classes:
            continue
        text = _SPACES.sub(" ", raw).strip()
        links = sum(_visible_chars(a.text_content()) for a in p.iter("a"))
        if links > rules.max_paragraph_link_share * _visible_chars(text):
            continue
        extra.setdefault(container, (last, []))[1].append(text)
    inserts: dict[int, list[str]] = {}
    for after, texts in extra.values():
        if len(texts) >= rules.continuation_min_paragraphs:
            inserts.setdefault(after, []).extend(texts)
    gain = sum(_visible_chars(t) for texts in inserts.values() for t in texts)
    if gain < rules.continuation_min_gain * sum(map(_visible_chars, paragraphs)):
        return paragraphs
    merged = list(inserts.get(-1, []))
    for i, paragraph in enumerate(paragraphs):
        merged.append(paragraph)
        merged.extend(inserts.get(i, []))
    return merged


def _drop_headline_repeats(
    paragraphs: list[str], headlines: list[str], rules: HtmlRules
) -> tuple[list[str], int]:
    """Drop leading paragraphs that are the headline (or most of it) printed again."""
    keys = {_headline_key(h) for h in headlines if h}
    keys = [k for k in keys if len(k) >= _MIN_TITLE_KEY]
    kept, dropped = [], 0
    for index, paragraph in enumerate(paragraphs):
        if index - dropped < rules.title_scan_paragraphs:
            key = _headline_key(paragraph)
            if key and any(key == k or (key in k and 2 * len(key) >= len(k)) for k in keys):
                dropped += 1
                continue
        kept.append(paragraph)
    return kept, dropped


def _headline_key(text: str) -> str:
    return match_key(strip_pinyin_glosses(text)[0])


def _key(text: str) -> str:
    return _SPACES.sub("", text)[:_KEY_CHARS]


def _visible_chars(text: str) -> int:
    return len(text) - sum(text.count(c) for c in " \n\t\r\u3000\xa0")


def _text(node: HtmlElement | None) -> str | None:
    if node is None:
        return None
    return _SPACES.sub(" ", node.text_content()).strip() or None
