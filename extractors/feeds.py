"""Feed bytes → feed items (link, title, date) for RSS 2.0, RSS 1.0 (RDF) and Atom.

XML from the web is parsed with a locked-down lxml parser (no entity expansion, no network,
no DTD loading, no huge trees) and any DOCTYPE with an internal subset is refused before
parsing, so an entity bomb costs microseconds and yields a clear `XmlError`. A body that is
really HTML or JSON is reported as "not_a_feed" rather than as a broken feed. Links come
back absolute (resolved against xml:base and the feed URL); dates as naive UTC.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

from lxml import etree

# Only these schemes are items worth fetching (no mailto:, javascript:, magnet:, ...).
WEB_SCHEMES = ("http", "https")
# The prolog (XML declaration, comments, DOCTYPE) of a real feed fits in a few KiB; a
# DOCTYPE with an internal subset is refused wherever it starts within this window.
PROLOG_SCAN_BYTES = 64 * 1024
# How much of the body to look at when deciding "this is HTML/JSON, not XML".
SNIFF_BYTES = 1024
_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
_DOCTYPE = re.compile(rb"<!DOCTYPE\s+[^\[>]*(\[)?", re.I)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
                         re.I | re.S)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# "&" that starts no entity or character reference ("?a=1&b=2" pasted into a <link>).
# Safe on bytes for UTF-8 and GBK/GB18030, where 0x26 is never part of a multibyte char.
_BARE_AMPERSAND = re.compile(rb"&(?!#\d+;|#x[0-9A-Fa-f]+;|[A-Za-z_][\w.-]*;)")


class XmlError(Exception):
    """A document that cannot be used; `reason` is the Dropped reason to record."""

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed."""

    url: str
    title: str | None = None
    published_at: datetime | None = None  # naive UTC


@dataclass(frozen=True)
class Feed:
    """A parsed feed: its flavour, title and items in document order."""

    kind: str  # "rss" | "rdf" | "atom"
    title: str | None
    items: tuple[FeedItem, ...]


def parse_xml(body: bytes, *, error_reason: str) -> etree._Element:
    """Root element of untrusted XML, parsed safely; raises XmlError(error_reason, …)."""
    if not body.strip():
        raise XmlError(error_reason, "empty document")
    head = body[:SNIFF_BYTES].lstrip()
    for bom in _BOMS:
        head = head.removeprefix(bom)
    if head.startswith((b"{", b"[")):
        raise XmlError(error_reason, "document is JSON, not XML")
    if _HTML_START.match(head):
        raise XmlError(error_reason, "document is HTML, not XML")
    doctype = _DOCTYPE.search(body[:PROLOG_SCAN_BYTES])
    if doctype and doctype.group(1):
        raise XmlError(error_reason, "DOCTYPE with an internal subset (entity declarations) "
                                     "refused")
    root = None
    for data, recover in _parse_attempts(body):
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                                 load_dtd=False, dtd_validation=False, recover=recover,
                                 remove_comments=True, remove_pis=True)
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError as exc:
            if recover:
                raise XmlError(error_reason, f"not well-formed XML: {exc}") from None
            continue
        except ValueError as exc:  # e.g. an unknown encoding in the XML declaration
            raise XmlError(error_reason, f"unreadable XML: {exc}") from None
        if root is not None:
            break
    if root is None:
        raise XmlError(error_reason, "no root element")
    dtd = root.getroottree().docinfo.internalDTD  # set when the byte scan missed (UTF-16)
    if dtd is not None and next(dtd.iterentities(), None) is not None:
        raise XmlError(error_reason, "DOCTYPE with an internal subset (entity declarations) "
                                     "refused")
    if local_name(root) == "html":
        raise XmlError(error_reason, "document is HTML, not XML")
    return root


def _parse_attempts(body: bytes) -> Iterator[tuple[bytes, bool]]:
    """(data, recover) to try in turn; the repair pass only runs when strict parsing fails."""
    # Strict first; then with bare "&" escaped (feeds routinely carry raw query strings);
    # then libxml2's recovery, which keeps what precedes a truncation or a broken tag.
    yield body, False
    repaired = _BARE_AMPERSAND.sub(b"&amp;", body)
    if repaired != body:
        yield repaired, False
    yield repaired, True


def parse_feed(body: bytes, base_url: str) -> Feed:
    """Items of an RSS/Atom feed; raises XmlError ("not_a_feed" or "feed_parse_error")."""
    try:
        root = parse_xml(body, error_reason="feed_parse_error")
    except XmlError as exc:
        if exc.detail.startswith("document is"):
            raise XmlError("not_a_feed", exc.detail) from None
        raise
    kind = local_name(root)
    if kind == "rss":
        channel = _child(root, "channel")
        if channel is None:
            raise XmlError("feed_parse_error", "RSS without <channel>")
        items = [_rss_item(item, base_url) for item in _children(channel, "item")]
        return Feed("rss", text_of(_child(channel, "title")), _keep(items))
    if kind == "RDF":
        channel = _child(root, "channel")
        items = [_rss_item(item, base_url) for item in _children(root, "item")]
        return Feed("rdf", text_of(_child(channel, "title")) if channel is not None else None,
                    _keep(items))
    if kind == "feed":
        base = urljoin(base_url, root.get(_XML_BASE) or "")
        items = [_atom_entry(entry, base) for entry in _children(root, "entry")]
        return Feed("atom", text_of(_child(root, "title")), _keep(items))
    if kind in ("urlset", "sitemapindex"):
        raise XmlError("not_a_feed", f"document is a sitemap (<{kind}>), not a feed")
    raise XmlError("not_a_feed", f"root element <{kind}> is not rss, RDF or feed")


def local_name(element: etree._Element) -> str:
    """Tag name without namespace ("" for comments and processing instructions)."""
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def parse_date(text: str | None) -> datetime | None:
    """RFC 822 (RSS) or ISO 8601 (Atom, W3C) date → naive UTC; None when unreadable."""
    if not text or not text.strip():
        return None
    text = text.strip()
    value: datetime | None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        try:
            value = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


def absolute_web_url(link: str | None, base: str) -> str | None:
    """`link` resolved against `base` when it is an http(s) URL, else None."""
    if not link or not link.strip():
        return None
    url = urljoin(base, link.strip())
    return url if urlsplit(url).scheme.lower() in WEB_SCHEMES else None


def _rss_item(item: etree._Element, base_url: str) -> FeedItem | None:
    link = text_of(_child(item, "link"))
    if not link:
        guid = _child(item, "guid")
        # A guid is a link only when it says so (isPermaLink defaults to true).
        if guid is not None and (guid.get("isPermaLink") or "true").lower() == "true":
            link = text_of(guid)
    if not link:
        link = item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
    url = absolute_web_url(link, base_url)
    if url is None:
        return None
    date = text_of(_child(item, "pubDate")) or text_of(_child(item, "date"))  # dc:date
    return FeedItem(url=url, title=text_of(_child(item, "title")), published_at=parse_date(date))


def _atom_entry(entry: etree._Element, base: str) -> FeedItem | None:
    base = urljoin(base, entry.get(_XML_BASE) or "")
    href = None
    for link in _children(entry, "link"):
        rel = (link.get("rel") or "alternate").lower()
        if rel == "alternate" and link.get("href"):
            href = urljoin(urljoin(base, link.get(_XML_BASE) or ""), link.get("href") or "")
            break
    url = absolute_web_url(href, base)
    if url is None:
        return None
    date = (text_of(_child(entry, "published")) or text_of(_child(entry, "updated"))
            or text_of(_child(entry, "issued")) or text_of(_child(entry, "modified")))  # Atom 0.3
    return FeedItem(url=url, title=text_of(_child(entry, "title")), published_at=parse_date(date))


def _keep(items: list[FeedItem | None]) -> tuple[FeedItem, ...]:
    return tuple(item for item in items if item is not None)


def _children(parent: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in parent if local_name(child) == name]


def _child(parent: etree._Element, name: str) -> etree._Element | None:
    return next((child for child in parent if local_name(child) == name), None)


def text_of(element: etree._Element | None) -> str | None:
    """All text inside `element`, stripped; None when absent or blank."""
    if element is None:
        return None
    text = "".join(element.itertext()).strip()
    return text or None
