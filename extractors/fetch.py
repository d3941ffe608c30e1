"""Page references → Pages with raw bytes. Local files here; HTTP in extractors/crawl.py.

A page that cannot be read becomes a `Dropped` record with the reason; nothing raises.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from extractors.discover import media_type_for
from extractors.records import Dropped, Page, PageRef, StageResult

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
