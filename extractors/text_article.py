"""Plain-text article → ParsedDocument: title line, dateline/header lines, paragraphs.

Plain-text copies of Chinese news start with the title, then often a header line such as
`来源: 经济日报 作者: 发布时间: 2024-04-19` or `国际金融报 2023-11-17 11:11`. Header
lines are recognised by their labels or by a date, and only near the top.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from extractors.cleaning import LanguageRules, guess_language
from extractors.dates import find_dateline, parse_dateline
from extractors.records import ParsedDocument

# Header lines are looked for only among the first few lines after the title.
HEADER_SCAN_LINES = 3
MAX_TITLE_CHARS = 80
MAX_HEADER_CHARS = 120
# An unlabelled dateline has at most this many characters on either side of the date.
MAX_DATELINE_SIDE_CHARS = 20
_CLAUSE_MARK = re.compile(r"[，,。]")
_SENTENCE_END = ("。", "！", "？", "!", "?", "；", ";", "…")
_LABEL = re.compile(r"(来源|來源|作者|发布时间|發布時間|时间|日期|编辑|责任编辑|记者)\s*[:：]\s*")
_SOURCE_LABELS = {"来源", "來源"}
_AUTHOR_LABELS = {"作者", "记者"}


def parse_text(
    text: str, *, now: datetime | None = None, language: LanguageRules | None = None
) -> ParsedDocument:
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        return ParsedDocument(title=None, paragraphs=[])
    title = None
    if _looks_like_title(lines[0]):
        title, lines = lines[0], lines[1:]
    site_name = author = None
    published_at = None
    for index, line in enumerate(lines[:HEADER_SCAN_LINES]):
        header = _parse_header(line, now=now)
        if header is None:
            continue
        site_name, author, published_at = header
        lines = lines[:index] + lines[index + 1 :]
        break
    return ParsedDocument(
        title=title,
        paragraphs=lines,
        published_at=published_at,
        site_name=site_name,
        author=author,
        language=guess_language("\n".join(lines), None, language or _default_language()),
    )


@lru_cache(maxsize=1)
def _default_language() -> LanguageRules:
    return LanguageRules.load()


def _looks_like_title(line: str) -> bool:
    return len(line) <= MAX_TITLE_CHARS and not line.endswith(_SENTENCE_END)


def _parse_header(line: str, *, now: datetime | None):
    """(site, author, published_at) when the line is a header line, else None."""
    if len(line) > MAX_HEADER_CHARS or line.endswith(_SENTENCE_END):
        return None
    labels = list(_LABEL.finditer(line))
    if labels:
        fields: dict[str, str] = {}
        for index, label in enumerate(labels):
            end = labels[index + 1].start() if index + 1 < len(labels) else len(line)
            value = line[label.end() : end]
            date = find_dateline(value)  # "来源：新华网 2024年3月5日" — the date is no name
            fields[label.group(1)] = (value[: date.start()] if date else value).strip()
        site = next((v for k, v in fields.items() if k in _SOURCE_LABELS and v), None)
        author = next((v for k, v in fields.items() if k in _AUTHOR_LABELS and v), None)
        return site, author, parse_dateline(line, now=now)
    match = find_dateline(line)
    if match is None:
        return None
    # An unlabelled dateline: "国际金融报 2023-11-17 11:11" — the words before the date
    # name the outlet, and nothing but a short name may stand there.
    before = line[: match.start()].strip(" |·-—")
    after = line[match.end() :].strip()
    if (len(before) > MAX_DATELINE_SIDE_CHARS or len(after) > MAX_DATELINE_SIDE_CHARS
            or _CLAUSE_MARK.search(before)):
        return None
    return (before or None), None, parse_dateline(line, now=now)
