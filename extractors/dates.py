"""Chinese and numeric date expressions: publication datelines and event dates.

Publication dates are absolute (2023-11-17 11:11, 2023年11月17日). Event dates in news
are often partial (3月16日, 今年3月, 10月) and are resolved against the article's
publication date with the precision the text gave.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import NamedTuple

from extractors.prefilter import ScanGroup, necessary_literals
from extractors.records import EventDate

_FULL = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*(?P<H>\d{1,2})[:：时](?P<M>\d{2})(?:[:：分](?P<S>\d{2}))?)?"
)
# --- event dates (resolve_event_date) -------------------------------------------------
# Holidays on a fixed day of the year.
_HOLIDAYS = {
    "元旦": (1, 1), "情人节": (2, 14), "妇女节": (3, 8), "劳动节": (5, 1), "儿童节": (6, 1),
    "国庆节": (10, 1), "双十一": (11, 11), "双11": (11, 11), "平安夜": (12, 24), "圣诞节": (12, 25),
    "新年前夜": (12, 31), "跨年夜": (12, 31), "植树节": (3, 12), "青年节": (5, 4),
    "教师节": (9, 10), "程序员节": (10, 24), "双十二": (12, 12), "双12": (12, 12),
}
# Holidays of the lunar calendar, as days after the Spring Festival of their year ("除夕当天，
# 阿里巴巴开源…千问3.5"): the festival's date by year, 2020–2030.
_SPRING_FESTIVAL = {
    2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22), 2024: (2, 10), 2025: (1, 29),
    2026: (2, 17), 2027: (2, 6), 2028: (1, 26), 2029: (2, 13), 2030: (2, 3),
}
_LUNAR_HOLIDAYS = {
    "除夕": -1, "大年三十": -1, "春节": 0, "大年初一": 0, "正月初一": 0, "元宵节": 14,
}
_HOLIDAY_NAMES = "|".join([*_HOLIDAYS, *_LUNAR_HOLIDAYS])
# A year named relative to publication: 今年, 去年, 前年, 一年前的, 两年前.
_YEAR_WORDS = "今年|去年|前年|[一两二三四五六七八九十]年前的?"
# Partial dates inside sentences, most specific first: the first kind that matches and
# resolves wins, so "3月16日" beats "近日" in the same clause.
_EVENT_PATTERNS = (
    ("ymd", re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})[日号]")),
    # 2023.3.16 / 2023-03-16 / 2023/3/16 written inside a sentence.
    ("ymd", re.compile(r"(?<![\d.])((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d.])")),
    ("ym", re.compile(r"((?:19|20)\d{2})年(\d{1,2})月")),
    # (…and years back counted: "一年前的5月6日, DeepSeek发布…")
    ("this_md", re.compile(rf"({_YEAR_WORDS})(\d{{1,2}})月(\d{{1,2}})[日号]")),
    ("this_m", re.compile(rf"({_YEAR_WORDS})(\d{{1,2}})月(?:份|初|中|底|末)?")),
    ("md", re.compile(r"(?<![\d年.])(\d{1,2})月(\d{1,2})[日号]")),
    # A day of this month or the last: "本月8日，…开源了…", "上月28日".
    ("month_d", re.compile(r"(本月|这个月|上月|上个月)(\d{1,2})[日号]")),
    # A holiday on a fixed day: "圣诞节当天", "今年元旦"; not a period around it (圣诞节前,
    # 国庆假期).
    ("holiday", re.compile(
        rf"(今年|去年|前年)?({_HOLIDAY_NAMES})(?!前|后|期间|假期|档|季|以来)"
    )),
    # A bare month: "8月，Gartner发布…", "11月初"; not "3个月", not a range start "1-3月".
    ("m", re.compile(
        r"(?<![\d年.\-~至到])(\d{1,2})月(?:份|初|中旬|下旬|上旬|中|底|末)?(?![\d日号])"
    )),
    # A bare day of the publication month: "亚马逊23日宣布…"; not "30日内", "近7日". Only 日:
    # a bare "5号" is as often a line, a building or a document number.
    ("d", re.compile(r"(?<![\d月年.近前后第])(\d{1,2})日(?![\d内])")),
    # A weekday: "周六", "美国时间周六", "上周五", "本周二"; not "每周一", "一周年".
    ("weekday", re.compile(
        r"(?<!每)(上上|上|本|这|下)?(?:周|星期|礼拜)([一二三四五六日天])(?!年)"
    )),
    ("yesterday", re.compile(r"昨天|昨日|昨晚|昨夜|前天|前日")),
    ("today", re.compile(r"今天|今日|今晨|今早|今晚|今夜")),
    ("last_week", re.compile(r"上周|上星期|上个星期")),
    ("this_month", re.compile(r"本月|这个月|上月|上个月")),  # (当月: see events.py)
    ("recent", re.compile(r"近日|日前|近期|本周|此前不久|刚刚")),
    # A bare year says less than 近日: "近日公布2025年第四季度备案情况".
    ("y", re.compile(r"((?:19|20)\d{2})年(?![\d月度])")),
    # "今年以来", "去年上半年": the year only.
    ("this_y", re.compile(r"(今年|去年|前年)(?![\d一二三四五六七八九十])")),
)


class _DatePattern(NamedTuple):
    kind: str
    regex: re.Pattern[str]
    needs: tuple[str, ...]  # one of these is in every match (see prefilter.py)


# (each tried only on text holding one of its literals: most sentences hold a few of them;
# the literals come casefolded, the same as they are written here, no pattern spelling a capital)
_EVENT_SCANS = ScanGroup([_DatePattern(kind, regex, tuple(necessary_literals(regex) or ()))
                          for kind, regex in _EVENT_PATTERNS])
# Every event-date pattern holds one of these: text without any has no date (fast reject).
_ANY_DATE_WORD = re.compile(
    rf"\d|今|去年|前年|昨|前天|前日|月|近日|日前|近期|周|星期|礼拜|此前不久|刚刚|{_HOLIDAY_NAMES}"
)
# A date followed by 起 is when something takes effect ("4月1日0时起全面免费", "自9月6日凌晨起
# 调整价格"): a month-day after publication is then this year's, not last year's.
_EFFECTIVE = re.compile(r"[^,，。;；]{0,6}?起")
_RELATIVE_YEARS = {"今年": 0, "去年": -1, "前年": -2}
_NUMERALS = "一二三四五六七八九十"
_DAYS_BACK = {"昨天": 1, "昨日": 1, "昨晚": 1, "昨夜": 1, "前天": 2, "前日": 2}
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_WEEKS_BACK = {"上上": 2, "上": 1, "本": 0, "这": 0, "下": -1}
_LAST_MONTH = ("上月", "上个月")


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


# Datelines only match 19xx/20xx years; machine-written dates get a floor too.
_EARLIEST_YEAR = 1900


def parse_timestamp(value: str, *, now: datetime | None = None) -> datetime | None:
    """A machine-written date (ISO 8601 in meta tags, JSON-LD, <time>), else a dateline.

    The wall-clock time is kept and the offset dropped, as for Chinese datelines, which
    carry none: "2023-11-17T11:11:00+08:00" is 11:11 on the 17th.
    """
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return parse_dateline(text, now=now)
    if parsed.year < _EARLIEST_YEAR or (now is not None and parsed > now):
        return None
    return parsed


def resolve_event_date(sentence: str, reference: date | None) -> EventDate | None:
    """The most specific date the sentence states, resolved against `reference`.

    `reference` is the publication date; partial dates without it stay unresolved (None),
    except when they carry their own year. A month-day later than the reference month is
    read as last year's (news reports the past), unless 起 makes it the day something takes
    effect.
    """
    if not _ANY_DATE_WORD.search(sentence):
        return None
    for kind, pattern, _needs in _EVENT_SCANS.runnable(sentence)[0]:
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
        if kind in ("this_md", "this_m", "this_y"):
            year = ref.year + _years_back(match[1])
            if kind == "this_md":
                return EventDate(date(year, int(match[2]), int(match[3])), "day")
            if kind == "this_y":
                return EventDate(date(year, 1, 1), "year")
            return EventDate(date(year, int(match[2]), 1), "month")
        if kind == "md":
            month, day = int(match[1]), int(match[2])
            ahead = (month, day) > (ref.month, ref.day)
            year = ref.year - 1 if ahead and not _EFFECTIVE.match(match.string, match.end()) \
                else ref.year
            return EventDate(date(year, month, day), "day")
        if kind == "month_d":
            return EventDate(_month_start(ref, match[1]).replace(day=int(match[2])), "day")
        if kind == "holiday":
            if match[1]:
                holiday = _holiday(match[2], ref.year + _RELATIVE_YEARS[match[1]])
                return EventDate(holiday, "day") if holiday else None
            holiday = _holiday(match[2], ref.year)
            if holiday is not None and holiday > ref:  # (news reports the past: last year's)
                holiday = _holiday(match[2], ref.year - 1)
            return EventDate(holiday, "day") if holiday else None
        if kind == "m":
            month = int(match[1])
            year = ref.year if month <= ref.month else ref.year - 1
            return EventDate(date(year, month, 1), "month")
        if kind == "d":
            # A day after the publication day belongs to the previous month.
            day = int(match[1])
            if day <= ref.day:
                return EventDate(ref.replace(day=day), "day")
            previous = ref.replace(day=1) - timedelta(days=1)
            return EventDate(previous.replace(day=day), "day")
        if kind == "yesterday":
            return EventDate(ref - timedelta(days=_DAYS_BACK[match[0]]), "day")
        if kind == "today":
            return EventDate(ref, "day")
        if kind == "weekday":
            return EventDate(_weekday(ref, match[1], _WEEKDAYS[match[2]]), "day")
        if kind == "last_week":
            return EventDate((ref - timedelta(days=7)).replace(day=1), "month")
        if kind == "this_month":
            return EventDate(_month_start(ref, match[0]), "month")
        if kind == "recent":
            # "近日" is within weeks of publication: claim the month, not the day.
            return EventDate(ref.replace(day=1), "month")
    except ValueError:  # 2月30日 and friends
        return None
    return None


def _month_start(ref: date, word: str) -> date:
    """The first day of the month `word` names relative to `ref`: 本月 (this) or 上月 (the last)."""
    first = ref.replace(day=1)
    return (first - timedelta(days=1)).replace(day=1) if word in _LAST_MONTH else first


def _holiday(name: str, year: int) -> date | None:
    """The day of holiday `name` in `year`; None for a lunar one outside the table."""
    if name in _HOLIDAYS:
        return date(year, *_HOLIDAYS[name])
    festival = _SPRING_FESTIVAL.get(year)
    if festival is None:
        return None
    return date(year, *festival) + timedelta(days=_LUNAR_HOLIDAYS[name])


def _years_back(word: str) -> int:
    """The year offset 今年/去年/前年 or N年前(的) names: 0, -1, -2, -N."""
    if word in _RELATIVE_YEARS:
        return _RELATIVE_YEARS[word]
    return -(_NUMERALS.index(word[0].replace("两", "二")) + 1)


def _weekday(ref: date, week: str | None, weekday: int) -> date:
    """The date of a weekday named relative to `ref`: in the week (Monday first) that
    上/本/下 names, or without one the latest such day up to `ref` (news reports the past)."""
    if week is None:
        return ref - timedelta(days=(ref.weekday() - weekday) % 7)
    monday = ref - timedelta(days=ref.weekday())
    return monday - timedelta(weeks=_WEEKS_BACK[week]) + timedelta(days=weekday)
