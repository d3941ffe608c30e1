"""Small keyed look-ups that stages need from history (pages seen, stories known)."""

from __future__ import annotations

import duckdb


def stored_page_hashes(con: duckdb.DuckDBPyConnection, urls: list[str]) -> dict[str, str]:
    """url → content hash of the stored page, for the given urls."""
    if not urls:
        return {}
    rows = con.execute(
        "SELECT url, content_hash FROM pages WHERE url IN (SELECT unnest(?::VARCHAR[]))",
        [urls],
    ).fetchall()
    return dict(rows)


def known_stories(con: duckdb.DuckDBPyConnection, text_hashes: list[str]) -> dict[str, str]:
    """text_hash → story id of the earliest stored article with that text."""
    if not text_hashes:
        return {}
    rows = con.execute(
        "SELECT text_hash, arg_min(story_id, first_seen_at) FROM articles"
        " WHERE text_hash IN (SELECT unnest(?::VARCHAR[])) GROUP BY text_hash",
        [text_hashes],
    ).fetchall()
    return dict(rows)
