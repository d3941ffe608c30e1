"""Local HTML/text files → `<stem>.txt` (body) and `<stem>.json` (metadata) per input.

The step behind `modelwatch extract PATH... [--out DIR]`, for a user debugging a new site
and for quality benchmarks. Every file goes through `extract_document`, the code path of
the nightly run, so what it writes is what the warehouse would get. A dropped input gets
its `.json` with the reason and no `.txt`; a path that cannot be read is reported, never
raised. Hands back an `ExtractReport` listing what was written and what was dropped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from extractors.article import STAGE, Extraction, ExtractionSettings, extract_document
from extractors.fetch import content_hash
from extractors.records import Article, Dropped, Page, ParsedDocument

# File name endings read as HTML and as plain text; folders are searched for these.
HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".php", ".asp", ".aspx", ".jsp")
TEXT_SUFFIXES = (".txt", ".text")
# Without --out, outputs go to this folder beside each input (never over the input).
DEFAULT_OUT_DIRNAME = "extracted"
SOURCE = "extract-cli"


@dataclass(frozen=True)
class ExtractedFile:
    """The outputs written for one input file."""

    input: Path
    json_path: Path
    text_path: Path | None  # None when the input was dropped
    dropped: Dropped | None = None


@dataclass(frozen=True)
class ExtractReport:
    """What `extract_paths` wrote and what it could not use."""

    files: tuple[ExtractedFile, ...]
    # Every input that gave no article: extraction drops (they have a .json too) and paths
    # that could not be read at all ("not_found", "unsupported_file_type", "read_error").
    dropped: tuple[Dropped, ...]

    @property
    def written(self) -> list[Path]:
        return [p for f in self.files for p in (f.text_path, f.json_path) if p is not None]

    @property
    def ok(self) -> bool:
        return not self.dropped


def extract_paths(
    paths: list[Path],
    out_dir: Path | None = None,
    *,
    settings: ExtractionSettings | None = None,
    now: datetime | None = None,
) -> ExtractReport:
    """Extract every HTML/text file named or found (recursively) under `paths`."""
    settings = settings or ExtractionSettings.load()
    now = now or datetime.now()
    files: list[ExtractedFile] = []
    dropped: list[Dropped] = []
    used: set[Path] = set()
    for path, problem in _inputs(paths, out_dir):
        if problem is not None:
            dropped.append(Dropped(STAGE, _url(path), problem))
            continue
        try:
            body = path.read_bytes()
        except OSError as exc:
            dropped.append(Dropped(STAGE, _url(path), "read_error", str(exc)))
            continue
        extraction = extract_document(_page(path, body, now), settings, now=now)
        target = _unique_stem(out_dir or path.parent / DEFAULT_OUT_DIRNAME, path.stem, used)
        written = _write(target, path, extraction)
        files.append(written)
        if written.dropped is not None:
            dropped.append(written.dropped)
    return ExtractReport(tuple(files), tuple(dropped))


def _inputs(paths: list[Path], out_dir: Path | None) -> Iterator[tuple[Path, str | None]]:
    """(file, None) for each input file, or (path, reason) when it cannot be one.

    Folders are searched recursively, skipping earlier outputs (the output folder and any
    `extracted/` folder inside them), so a second run does not read its own results.
    """
    skip = out_dir.resolve() if out_dir is not None else None
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.is_file() and _media_type(p)
                and DEFAULT_OUT_DIRNAME not in p.relative_to(path).parts[:-1]
                and (skip is None or not p.resolve().is_relative_to(skip))
            )
            yield from ((p, None) for p in found)
        elif not path.exists():
            yield path, "not_found"
        elif _media_type(path) is None:
            yield path, "unsupported_file_type"
        else:
            yield path, None


def _media_type(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "text/html"
    if suffix in TEXT_SUFFIXES:
        return "text/plain"
    return None


def _url(path: Path) -> str:
    """`file:<path as given>`, the form the pipeline's `files` sources use."""
    return "file:" + path.as_posix()


def _page(path: Path, body: bytes, now: datetime) -> Page:
    url = _url(path)
    return Page(
        source=SOURCE, url=url, final_url=url, status=200,
        content_type=_media_type(path) or "text/plain", body=body,
        content_hash=content_hash(body), fetched_at=now,
    )


def _unique_stem(folder: Path, stem: str, used: set[Path]) -> Path:
    """`folder/stem`, or `folder/stem-2`, … when an earlier input of this run took it."""
    candidate, n = folder / stem, 1
    while candidate in used:
        n += 1
        candidate = folder / f"{stem}-{n}"
    used.add(candidate)
    return candidate


def _write(target: Path, source: Path, extraction: Extraction) -> ExtractedFile:
    target.parent.mkdir(parents=True, exist_ok=True)
    json_path = target.with_name(target.name + ".json")
    text_path = target.with_name(target.name + ".txt")
    outcome = extraction.outcome
    meta = _metadata(source, extraction)
    json_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", "utf-8")
    if isinstance(outcome, Dropped):
        text_path.unlink(missing_ok=True)  # a stale body from an earlier run would mislead
        return ExtractedFile(source, json_path, None, outcome)
    text_path.write_text(outcome.text + "\n", encoding="utf-8")
    return ExtractedFile(source, json_path, text_path)


def _metadata(source: Path, extraction: Extraction) -> dict:
    outcome, parsed = extraction.outcome, extraction.parsed
    meta: dict = {"input": str(source), "charset": extraction.charset}
    if isinstance(outcome, Article):
        meta.update(status="ok", **_described(outcome))
        meta.update(
            chars=len(outcome.text),
            paragraphs=outcome.text.count("\n\n") + 1,
            removed=dict(outcome.removed),
            article_id=outcome.article_id,
            text_hash=outcome.text_hash,
        )
    else:
        meta.update(status="dropped", reason=outcome.reason, detail=outcome.detail)
        if parsed is not None:  # what the parser saw before the page was dropped
            meta.update(**_described(parsed), removed=dict(parsed.removed))
    return meta


def _described(document: Article | ParsedDocument) -> dict:
    """The fields an article shares with its parsed document, as JSON values."""
    published = document.published_at
    return {
        "title": document.title,
        "published_at": published.isoformat() if published else None,
        "site_name": document.site_name,
        "author": document.author,
        "language": document.language,
    }
