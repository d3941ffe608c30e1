"""Small keyed look-ups that stages need from history (pages seen, stories known)."""

from __future__ import annotations

import json

import duckdb

from extractors.records import Page


def stored_page_hashes(con: duckdb.DuckDBPyConnection, urls: list[str]) -> dict[str, str]:
    """url → content hash of the stored page, for the given urls."""
    if not urls:
        return {}
    rows = con.execute(
        "SELECT url, content_hash FROM pages WHERE url IN (SELECT unnest(?::VARCHAR[]))",
        [urls],
    ).fetchall()
    return dict(rows)


def crawl_validators(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str | None, str | None]]:
    """canonical URL → (ETag, Last-Modified) stored by earlier crawls."""
    rows = con.execute("SELECT url, etag, last_modified FROM crawl_state").fetchall()
    return {url: (etag, modified) for url, etag, modified in rows}


def stored_page_urls(con: duckdb.DuckDBPyConnection) -> frozenset[str]:
    """Every page URL the warehouse holds: links to these are not fetched again."""
    return frozenset(row[0] for row in con.execute("SELECT url FROM pages").fetchall())


def stored_pages(con: duckdb.DuckDBPyConnection) -> list[Page]:
    """Every stored page with its raw bytes: what `reprocess` extracts again, no re-crawl."""
    rows = con.execute(
        "SELECT source, url, final_url, status, content_type, body, content_hash, fetched_at,"
        " charset, headers FROM pages ORDER BY url").fetchall()
    return [
        Page(source, url, final_url, status, content_type or "", body, content_hash,
             fetched_at, charset, tuple(sorted(json.loads(headers or "{}").items())))
        for source, url, final_url, status, content_type, body, content_hash, fetched_at,
        charset, headers in rows
    ]
