"""Chinese and numeric date expressions: publication datelines and event dates.

Publication dates are absolute (2023-11-17 11:11, 2023年11月17日). Event dates in news
are often partial (3月16日, 今年3月, 10月) and are resolved against the article's
publication date with the precision the text gave.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from extractors.records import EventDate

_FULL = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*(?P<H>\d{1,2})[:：时](?P<M>\d{2})(?:[:：分](?P<S>\d{2}))?)?"
)
# Partial dates inside sentences, most specific first.
_EVENT_PATTERNS = (
    ("ymd", re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})[日号]")),
    ("ym", re.compile(r"((?:19|20)\d{2})年(\d{1,2})月")),
    ("this_md", re.compile(r"(今年|去年|前年)(\d{1,2})月(\d{1,2})[日号]")),
    ("this_m", re.compile(r"(今年|去年|前年)(\d{1,2})月(?:份|初|中|底|末)?")),
    ("md", re.compile(r"(?<![\d年])(\d{1,2})月(\d{1,2})[日号]")),
    ("m", re.compile(r"(?<![\d年])(\d{1,2})月(?:份|初|中旬|下旬|上旬|底|末)")),
    ("y", re.compile(r"((?:19|20)\d{2})年(?![\d月度])")),
    ("recent", re.compile(r"近日|日前|近期|本周|此前不久|刚刚")),
    ("today", re.compile(r"今天|今日")),
)
_RELATIVE_YEARS = {"今年": 0, "去年": -1, "前年": -2}


def parse_dateline(text: str, *, now: datetime | None = None) -> datetime | None:
    """First absolute date(-time) in `text`, or None. Future dates are rejected."""
    for match in _FULL.finditer(text):
        try:
            value = datetime(
                int(match["y"]), int(match["m"]), int(match["d"]),
                int(match["H"] or 0), int(match["M"] or 0), int(match["S"] or 0),
            )
        except ValueError:
            continue
        if now is not None and value > now:
            continue
        return value
    return None


def find_dateline(text: str) -> re.Match[str] | None:
    return _FULL.search(text)


def resolve_event_date(sentence: str, reference: date | None) -> EventDate | None:
    """The most specific date the sentence states, resolved against `reference`.

    `reference` is the publication date; partial dates without it stay unresolved (None),
    except when they carry their own year. A month-day later than the reference month is
    read as last year's (news reports the past).
    """
    for kind, pattern in _EVENT_PATTERNS:
        match = pattern.search(sentence)
        if not match:
            continue
        resolved = _resolve(kind, match, reference)
        if resolved is not None:
            return resolved
    return None


def _resolve(kind: str, match: re.Match[str], ref: date | None) -> EventDate | None:
    try:
        if kind == "ymd":
            return EventDate(date(int(match[1]), int(match[2]), int(match[3])), "day")
        if kind == "ym":
            return EventDate(date(int(match[1]), int(match[2]), 1), "month")
        if kind == "y":
            return EventDate(date(int(match[1]), 1, 1), "year")
        if ref is None:
            return None
        if kind in ("this_md", "this_m"):
            year = ref.year + _RELATIVE_YEARS[match[1]]
            if kind == "this_md":
                return EventDate(date(year, int(match[2]), int(match[3])), "day")
            return EventDate(date(year, int(match[2]), 1), "month")
        if kind == "md":
            month, day = int(match[1]), int(match[2])
            year = ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1
            return EventDate(date(year, month, day), "day")
        if kind == "m":
            month = int(match[1])
            year = ref.year if month <= ref.month else ref.year - 1
            return EventDate(date(year, month, 1), "month")
        if kind == "today":
            return EventDate(ref, "day")
        if kind == "recent":
            # "近日" is within weeks of publication: claim the month, not the day.
            return EventDate(ref.replace(day=1), "month")
    except ValueError:  # 2月30日 and friends
        return None
    return None
