"""Page references → Pages with raw bytes. Local files here; HTTP in extractors/crawl.py.

A page that cannot be read becomes a `Dropped` record with the reason; nothing raises.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from extractors.discover import media_type_for
from extractors.records import Dropped, Page, PageRef, Source, StageResult

STAGE = "fetch"


def content_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def fetch_files(refs: list[PageRef], *, max_bytes: int) -> StageResult[Page]:
    pages: list[Page] = []
    dropped: list[Dropped] = []
    for ref in refs:
        path = Path(ref.local_path or "")
        try:
            size = path.stat().st_size
            if size > max_bytes:
                dropped.append(Dropped(STAGE, ref.url, "too_large", f"{size} bytes"))
                continue
            body = path.read_bytes()
        except OSError as exc:
            dropped.append(Dropped(STAGE, ref.url, "unreadable", exc.strerror or str(exc)))
            continue
        media_type = media_type_for(str(path))
        pages.append(
            Page(
                source=ref.source,
                url=ref.url,
                final_url=ref.url,
                status=200,
                content_type=media_type,
                body=body,
                content_hash=content_hash(body),
                fetched_at=datetime.now(UTC).replace(tzinfo=None),
            )
        )
    return StageResult(pages, dropped)


def registry_files(source: Source, *, max_bytes: int) -> StageResult[Page]:
    """A registry source's local spreadsheets/CSV/HTML: every file its glob matches."""
    base = Path(source.base_dir)
    pattern = source.path or ""
    paths = sorted(Path(pattern).parent.glob(Path(pattern).name)) if Path(
        pattern).is_absolute() else sorted(base.glob(pattern))
    refs = [PageRef(source.name, "file:" + path.as_posix(), str(path))
            for path in paths if path.is_file()]
    if not refs:
        return StageResult([], [Dropped(STAGE, source.name, "no_files_match", pattern)])
    fetched = fetch_files(refs, max_bytes=max_bytes)
    return StageResult([replace(page, content_type="application/octet-stream")
                        for page in fetched.items], fetched.dropped)
