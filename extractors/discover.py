"""Sources → page references: which pages each enabled source offers tonight.

`files` sources expand their glob (relative to the folder of the config that declared
them); their URL is `file:<relative path>`, so the same corpus gets the same article ids
on every machine. Web kinds are discovered by the crawler (extractors/crawl.py).
"""

from __future__ import annotations

from pathlib import Path

from extractors.records import Dropped, PageRef, Source, StageResult

STAGE = "discover"
FILE_SUFFIXES = {".txt": "text/plain", ".text": "text/plain", ".html": "text/html",
                 ".htm": "text/html", ".xhtml": "application/xhtml+xml"}


def discover_files(source: Source) -> StageResult[PageRef]:
    pattern = source.path or ""
    absolute = Path(pattern).is_absolute()
    base = Path(Path(pattern).anchor) if absolute else Path(source.base_dir)
    if absolute:
        pattern = str(Path(pattern).relative_to(base))
    refs: list[PageRef] = []
    dropped: list[Dropped] = []
    for path in sorted(base.glob(pattern)):
        if not path.is_file():
            continue
        url = "file:" + (path.as_posix() if absolute else path.relative_to(base).as_posix())
        if path.suffix.lower() not in FILE_SUFFIXES:
            dropped.append(Dropped(STAGE, url, "unsupported_file_type", path.suffix))
            continue
        refs.append(PageRef(source=source.name, url=url, local_path=str(path)))
    if not refs and not dropped:
        dropped.append(Dropped(STAGE, source.name, "no_files_match", f"{base}/{pattern}"))
    return StageResult(refs, dropped)


def media_type_for(path: str) -> str:
    return FILE_SUFFIXES.get(Path(path).suffix.lower(), "application/octet-stream")
