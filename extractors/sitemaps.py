"""Sitemap bytes → page URLs (urlset, Google News) or child sitemaps (sitemap index).

Gzip-compressed sitemaps are inflated in bounded steps (a gzip bomb stops at the cap with
"decompressed_too_large"); XML goes through the same locked-down parser as feeds; plain
text sitemaps (one URL a line) are accepted as the protocol allows. Following an index's
children is the crawler's job: this step only says which they are.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from extractors.feeds import XmlError, absolute_web_url, local_name, parse_date, parse_xml, text_of

GZIP_MAGIC = b"\x1f\x8b"
# Inflate at most this much per step, so memory stays bounded however dense the input is
# and a gzip bomb is caught one step past the cap (the crawler's Content-Encoding too).
INFLATE_STEP_BYTES = 64 * 1024
# zlib window flag for "gzip header expected" (16 + max window bits).
GZIP_WBITS = 16 + zlib.MAX_WBITS
PARSE_ERROR = "sitemap_parse_error"


@dataclass(frozen=True)
class SitemapEntry:
    """One <url> of a urlset (a page) or one <sitemap> of an index (a child sitemap)."""

    url: str
    lastmod: datetime | None = None  # naive UTC
    published_at: datetime | None = None  # news:publication_date, naive UTC
    title: str | None = None  # news:title

    @property
    def newest(self) -> datetime | None:
        """The best date for "newest first": publication, else last modification."""
        return self.published_at or self.lastmod


@dataclass(frozen=True)
class Sitemap:
    """A parsed sitemap: "urlset" entries are pages, "index" entries are sitemaps."""

    kind: str  # "urlset" | "index"
    entries: tuple[SitemapEntry, ...]


def parse_sitemap(body: bytes, base_url: str, *, max_decompressed_bytes: int) -> Sitemap:
    """Entries of a sitemap; raises XmlError (sitemap_parse_error, decompressed_too_large)."""
    if body.startswith(GZIP_MAGIC):
        body = gunzip_bounded(body, max_decompressed_bytes)
    stripped = body.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped and not stripped.startswith(b"<"):
        return _text_sitemap(stripped, base_url)
    root = parse_xml(body, error_reason=PARSE_ERROR)
    kind = local_name(root)
    if kind == "urlset":
        return Sitemap("urlset", _entries(root, "url", base_url))
    if kind == "sitemapindex":
        return Sitemap("index", _entries(root, "sitemap", base_url))
    raise XmlError(PARSE_ERROR, f"root element <{kind}> is not urlset or sitemapindex")


def gunzip_bounded(data: bytes, limit: int) -> bytes:
    """Inflate gzip `data`, refusing (decompressed_too_large) once the output passes `limit`."""
    inflater = zlib.decompressobj(GZIP_WBITS)
    out = bytearray()
    pending = data
    try:
        while pending and not inflater.eof:
            out += inflater.decompress(pending, INFLATE_STEP_BYTES)
            if len(out) > limit:
                raise XmlError("decompressed_too_large", f"more than {limit} bytes inflated")
            pending = inflater.unconsumed_tail
        out += inflater.flush()
    except zlib.error as exc:
        raise XmlError(PARSE_ERROR, f"broken gzip data: {exc}") from None
    if len(out) > limit:
        raise XmlError("decompressed_too_large", f"more than {limit} bytes inflated")
    if not inflater.eof:
        raise XmlError(PARSE_ERROR, "truncated gzip data")
    return bytes(out)


def _entries(root: etree._Element, tag: str, base_url: str) -> tuple[SitemapEntry, ...]:
    entries = []
    for node in root:
        if local_name(node) != tag:
            continue
        fields = {local_name(child): child for child in node}
        url = absolute_web_url(text_of(fields.get("loc")), base_url)
        if url is None:
            continue
        news = fields.get("news")
        news_fields = {local_name(child): child for child in news} if news is not None else {}
        entries.append(SitemapEntry(
            url=url,
            lastmod=parse_date(text_of(fields.get("lastmod"))),
            published_at=parse_date(text_of(news_fields.get("publication_date"))),
            title=text_of(news_fields.get("title")),
        ))
    return tuple(entries)


def _text_sitemap(body: bytes, base_url: str) -> Sitemap:
    entries = []
    for line in body.decode("utf-8", "replace").splitlines():
        line = line.strip()
        if not line:
            continue
        url = absolute_web_url(line, base_url) if "://" in line else None
        if url is None:
            raise XmlError(PARSE_ERROR, "neither XML nor a text sitemap (one URL a line)")
        entries.append(SitemapEntry(url=url))
    return Sitemap("urlset", tuple(entries))
