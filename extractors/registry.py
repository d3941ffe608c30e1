"""Official filing registry lists → RegistryRows, with every unusable row as a RegistryProblem.

The 网信办 and the provincial offices publish filed (已备案) and registered (已登记)
generative-AI services as spreadsheet attachments (.xlsx/.xls/.ods, read from bytes with
python-calamine; .csv, often GBK) or as HTML tables on the announcement page. Real lists put
a merged title row above the header, break header cells over lines, mix 全角/半角 brackets,
leave blank and footnote rows, merge 属地/备案单位/备案时间 cells over several rows and keep
several announcements (or 备案 and 登记) on separate sheets or sections. This step finds each
header row by its names (seeds/registry.toml), reads the rows under it, validates the
备案号/登记号 and reports every row it cannot use with a reason, never dropping one silently.
It also lists the attachments of an announcement page and links a row to the gazetteer.

The format is told by the bytes, not the name: gov sites serve HTML tables named .xls and
label everything application/octet-stream. SpreadsheetML 2003 (XML "xls") is reported as
unreadable, not parsed.

Hands on `RegistryParse(rows, problems, notes)`; `RegistryRow.key` (the normalised number,
casefolded) is what the owner keys `registry_filings` on and diffs against the warehouse.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import parse_qsl, unquote, urlsplit

from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum
from selectolax.lexbor import LexborHTMLParser

from extractors import SEEDS_DIR
from extractors.decode import decode_body
from extractors.gazetteer import Entry, Gazetteer
from extractors.listing import document_base
from extractors.normalize import (
    match_form,
    match_key,
    simplify,
    stable_id,
    strip_non_word,
    tidy_spaces,
)
from extractors.urls import canonical_url

RULES_PATH = SEEDS_DIR / "registry.toml"

Kind = Literal["filing", "registration"]
KINDS: tuple[Kind, ...] = ("filing", "registration")

# Problem reasons (counted by the owner, stored with the row's cells).
BAD_NUMBER = "bad_number"  # the number cell holds no valid 备案号/登记号
MISSING_NUMBER = "missing_number"  # a data row (name, filer …) without a number
MISSING_MODEL = "missing_model"  # a valid number without a model/service name
DUPLICATE = "duplicate_in_file"  # the number already appeared earlier in the same file
UNREADABLE = "unreadable_file"  # not a spreadsheet/CSV/HTML, corrupt, encrypted, empty
NO_HEADER = "no_header_found"  # no recognisable header (in the file, or in a sheet with numbers)
HIDDEN_SHEET = "hidden_sheet"  # a hidden sheet holds a registry table; its rows are not read

# Zip (xlsx, xlsm, xlsb, ods) and OLE2 (xls) containers; everything else is read as text.
_WORKBOOK_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_SPREADSHEET_ML = "urn:schemas-microsoft-com:office:spreadsheet"
_HTML_HINT = re.compile(r"<(?:table|html|!doctype\s+html|body)\b", re.I)
_SNIFF_CHARS = 4096
_CSV_DELIMITERS = ",\t;|"
# Excel's day 0 for serial dates (1900 system; the 1904 system is a Mac relic).
_EXCEL_EPOCH = date(1899, 12, 30)
_SPACE = re.compile(r"\s+")
_LINE_BREAKS = re.compile(r"[\r\n\t\v\f]+")
_ANY_SPACE = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]")
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}]) (?=[{_CJK}])")
_PARENTHESISED = re.compile(r"\([^()]*\)")
_DATE_IN_TEXT = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_DATE_DIGITS = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DATE_CODE = re.compile(r"\d{8,}")
_NUMBER_WRAPPERS = "'\"“”‘’「」『』【】[]()<>《》"


@dataclass(frozen=True)
class RegistryRow:
    """One filed or registered service as the registry lists it."""

    number: str  # normalised: Beijing-WenXinYiYan-20230821, Guangdong-Plaud-20251229S0027
    kind: Kind
    province: str | None  # Chinese short name (北京) when known, else the cell as printed
    model: str  # the model (filing) or the service/app (registration), as printed
    filer: str | None
    # The date column when there is one, else the date inside the number.
    filed_on: date | None
    source_file: str
    sheet: str | None  # sheet name, "table N" for HTML, None for CSV
    row_index: int  # 1-based: the spreadsheet row, CSV record or table row

    @property
    def key(self) -> str:
        """The identity of the filing: the number, casefolded (DeepseekChat = DeepSeekChat)."""
        return number_key(self.number)


@dataclass(frozen=True)
class LinkedFiling:
    """A registry row with the model and organisation it is about and the event it proves."""

    row: RegistryRow
    model: str  # canonical (gazetteer or an earlier news name), else the listed name
    organization: str | None
    model_status: str  # gazetteer | news | discovered
    event_id: str


@dataclass(frozen=True)
class RegistryProblem:
    """A row (or file, or sheet) the parser could not use, and why."""

    source_file: str
    sheet: str | None
    row_index: int  # 0 for file- and sheet-level problems
    reason: str
    raw: tuple[str, ...]  # the row's cells as text (trailing blanks dropped)
    detail: str = ""


@dataclass(frozen=True)
class RegistryParse:
    """Everything one file yielded: rows, problems, and the titles/footnotes it skipped."""

    rows: tuple[RegistryRow, ...] = ()
    problems: tuple[RegistryProblem, ...] = ()
    notes: tuple[str, ...] = ()


# ---------------------------------------------------------------------------------------
# Rules (seeds/registry.toml)


@dataclass(frozen=True)
class _Role:
    name: str
    contains: tuple[str, ...]
    exact: frozenset[str]


@dataclass(frozen=True, eq=False)  # identity hash: rules are cached per process
class RegistryRules:
    """The data of seeds/registry.toml, cleaned and compiled once."""

    roles: tuple[_Role, ...]
    required: tuple[frozenset[str], ...]
    scan_rows: int
    max_header_chars: int
    kind_words: tuple[tuple[Kind, tuple[str, ...]], ...]
    note_prefixes: tuple[str, ...]
    heading: re.Pattern[str]
    max_name_chars: int
    filing_code: re.Pattern[str]
    registration_code: re.Pattern[str]
    name_pattern: re.Pattern[str]
    min_year: int
    dashes: dict[int, str]
    provinces: dict[str, str]  # casefolded spelling → canonical Pinyin
    province_zh: dict[str, str]  # canonical Pinyin → Chinese short name
    zh_short: tuple[str, ...]  # Chinese short names, longest first
    province_suffixes: tuple[str, ...]
    name_suffixes: tuple[str, ...]
    name_min_chars: int
    regions: tuple[str, ...]
    legal_forms: tuple[str, ...]
    business_words: tuple[str, ...]
    max_replacement_share: float
    max_rowspan: int
    max_colspan: int
    attachment_suffixes: tuple[str, ...]


def _clean_key(text: str) -> str:
    """Header-cell form: NFKC, casefolded, no spaces, line breaks, brackets or punctuation."""
    return strip_non_word(unicodedata.normalize("NFKC", text).casefold())


def _longest_first(words: list[str], clean=_clean_key) -> tuple[str, ...]:
    """Cleaned, distinct, non-empty words, longest first (so the longest match wins)."""
    cleaned = {clean(word) for word in words}
    return tuple(sorted(filter(None, cleaned), key=lambda w: (-len(w), w)))


@cache
def load_registry_rules(path: Path = RULES_PATH) -> RegistryRules:
    """The registry rules from the TOML data file (read once per process)."""
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    roles = tuple(
        _Role(name, _longest_first(spec.get("contains", [])),
              frozenset(filter(None, map(_clean_key, spec.get("exact", [])))))
        for name, spec in raw["roles"].items()
    )
    provinces = dict(raw["provinces"])
    spellings = {name.casefold(): name for name in provinces}
    for spelling, canonical in raw.get("province_spellings", {}).items():
        if canonical not in provinces:
            raise ValueError(f"{path}: province_spellings.{spelling}: unknown {canonical!r}")
        spellings[spelling.casefold()] = canonical
    numbers = raw["numbers"]
    companies = raw["companies"]
    return RegistryRules(
        roles=roles,
        required=tuple(frozenset(need.split("|")) for need in raw["header"]["required"]),
        scan_rows=int(raw["header"]["scan_rows"]),
        max_header_chars=int(raw["header"]["max_cell_chars"]),
        kind_words=tuple((kind, _longest_first(raw["kinds"][kind])) for kind in KINDS),
        note_prefixes=tuple(unicodedata.normalize("NFKC", p).casefold()
                            for p in raw["notes"]["prefixes"]),
        heading=re.compile(raw["notes"]["heading"]),
        max_name_chars=int(raw["notes"]["max_name_chars"]),
        filing_code=re.compile(numbers["filing_code"]),
        registration_code=re.compile(numbers["registration_code"]),
        name_pattern=re.compile(numbers["name"]),
        min_year=int(numbers["min_year"]),
        dashes=str.maketrans(dict.fromkeys(numbers["dashes"], "-")),
        provinces=spellings,
        province_zh=provinces,
        zh_short=tuple(sorted(provinces.values(), key=len, reverse=True)),
        province_suffixes=tuple(sorted(raw["province_cells"]["suffixes"], key=len,
                                       reverse=True)),
        name_suffixes=_longest_first(raw["names"]["suffixes"], match_key),
        name_min_chars=int(raw["names"]["min_chars"]),
        regions=_longest_first([*companies["regions"], *provinces.values()], match_key),
        legal_forms=_longest_first(companies["legal_forms"], match_key),
        business_words=_longest_first(companies["business_words"], match_key),
        max_replacement_share=float(raw["files"]["max_replacement_share"]),
        max_rowspan=int(raw["html"]["max_rowspan"]),
        max_colspan=int(raw["html"]["max_colspan"]),
        attachment_suffixes=tuple(s.lower() for s in raw["attachments"]["suffixes"]),
    )


# ---------------------------------------------------------------------------------------
# Numbers


@dataclass(frozen=True)
class _Number:
    kind: Kind
    normalised: str
    province: str  # canonical Pinyin
    day: date


def number_key(number: str) -> str:
    """The identity of a number: casefolded (lists differ in the case of the name part)."""
    return number.casefold()


def validate_number(
    number: str, *, default_kind: Kind = "filing", rules: RegistryRules | None = None
) -> tuple[Kind, str] | None:
    """(kind, normalised number), or None when `number` is no 备案号/登记号.

    A code ending in S + serial is a registration (登记/上线编号); a date with or without a
    serial is `default_kind` (a filing, unless the table around it says 登记).
    """
    parsed = _parse_number(number, default_kind, rules or load_registry_rules())
    return (parsed.kind, parsed.normalised) if isinstance(parsed, _Number) else None


def _parse_number(text: str, default_kind: Kind, rules: RegistryRules,
                  latest: date | None = None) -> _Number | str:
    """The parsed number, or a one-line reason why it is none."""
    if not text:
        return "empty"
    cleaned = _SPACE.sub("", text)
    if not cleaned.isascii():  # full-width letters and dashes, 号, brackets, quotes
        cleaned = unicodedata.normalize("NFKC", cleaned).translate(rules.dashes)
    if "(" in cleaned:  # a remark: Beijing-WenXinYiYan-20230821（首批）
        cleaned = _PARENTHESISED.sub("", cleaned)
    cleaned = cleaned.removesuffix("号").strip(_NUMBER_WRAPPERS).removesuffix("号")
    if not cleaned:
        return "empty"
    if len(_DATE_CODE.findall(cleaned)) > 1:
        return "more than one date code (two numbers in one cell?)"
    parts = cleaned.split("-")
    if len(parts) < 3:
        return "expected <province>-<name>-<date code>"
    province = rules.provinces.get(parts[0].casefold())
    if province is None:
        return f"unknown province {parts[0]!r}"
    name = "-".join(parts[1:-1])
    if not rules.name_pattern.match(name):
        return f"bad name part {name!r}"
    code = parts[-1].upper()
    kind: Kind
    match = rules.registration_code.match(code)
    if match:
        kind = "registration"
    else:
        match = rules.filing_code.match(code)
        if not match:
            return f"bad date code {parts[-1]!r}"
        kind = default_kind
    day = _plausible_day(match.group("date"), rules, latest or _latest_day())
    if day is None:
        return f"bad or implausible date in {parts[-1]!r}"
    # The province keeps its printed spelling (ZheJiang), so the number reads as published;
    # `number_key` makes spellings that differ only in case one filing.
    return _Number(kind, f"{parts[0]}-{name}-{code}", province, day)


def _plausible_day(digits: str, rules: RegistryRules, latest: date) -> date | None:
    try:
        day = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None
    return day if _plausible(day, rules, latest) else None


def _latest_day() -> date:
    """The latest plausible date of a filing: today, give or take a time zone."""
    return date.today() + timedelta(days=1)


def _plausible(day: date, rules: RegistryRules, latest: date) -> bool:
    # A filing is never dated before the regime began, nor in the future.
    return rules.min_year <= day.year and day <= latest


# ---------------------------------------------------------------------------------------
# Cells


def _cell_text(value: object) -> str:
    """A cell as tidy text: 1.0 → "1", dates ISO, line breaks inside CJK text removed."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        if _ANY_SPACE.search(value) is None:
            return value
        text = tidy_spaces(_LINE_BREAKS.sub(" ", value))
        return _SPACE_BETWEEN_CJK.sub("", text)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _date_of(value: object, rules: RegistryRules, latest: date) -> date | None:
    """A date cell (date object, Excel serial number or text) as a plausible date."""
    day: date | None = None
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        digits = _DATE_DIGITS.match(str(int(value))) if float(value).is_integer() else None
        if digits:  # 20230831 typed as a number
            return _date_of(digits.group(0), rules, latest)
        try:
            day = _EXCEL_EPOCH + timedelta(days=int(value))
        except (OverflowError, ValueError):
            return None
    elif isinstance(value, str) and value:
        text = unicodedata.normalize("NFKC", value).strip()
        match = _DATE_IN_TEXT.search(text) or _DATE_DIGITS.match(text)
        if match:
            try:
                day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                return None
    return day if day is not None and _plausible(day, rules, latest) else None


def province_name(text: str, rules: RegistryRules | None = None) -> str | None:
    """属地 cell → Chinese short name (北京市 → 北京, 广西壮族自治区 → 广西); else as printed."""
    rules = rules or load_registry_rules()
    return _province_name(text, rules)


@lru_cache(maxsize=1024)
def _province_name(text: str, rules: RegistryRules) -> str | None:
    text = _SPACE.sub("", simplify(text))
    if not text:
        return None
    for short in rules.zh_short:
        if text.startswith(short):
            rest = text[len(short):]
            if not rest or rest in rules.province_suffixes:
                return short
    pinyin = rules.provinces.get(text.casefold())
    return rules.province_zh[pinyin] if pinyin else text


def _section_province(text: str, rules: RegistryRules) -> str | None:
    """A lone-cell section row naming a province (北京市 / 北京（12个）) → its short name."""
    stripped = _PARENTHESISED.sub("", unicodedata.normalize("NFKC", text)).strip(" :：")
    name = _province_name(stripped, rules) if len(stripped) <= 12 else None
    return name if name in rules.zh_short else None


# ---------------------------------------------------------------------------------------
# Headers


@lru_cache(maxsize=4096)
def _role_of(key: str, rules: RegistryRules) -> str | None:
    """The column role a cleaned header cell names, or None."""
    if not key or len(key) > rules.max_header_chars:
        return None
    for role in rules.roles:
        if key in role.exact:
            return role.name
    best, best_len = None, 0
    for role in rules.roles:
        for word in role.contains:
            if len(word) <= best_len:
                break  # longest first: nothing longer left in this role
            if word in key:
                best, best_len = role.name, len(word)
                break
    return best


def _map_header(texts: Sequence[str], rules: RegistryRules) -> dict[str, int] | None:
    """Role → column when `texts` is a registry header row (all required roles named)."""
    columns: dict[str, int] = {}
    for column, text in enumerate(texts):
        if text:
            role = _role_of(_clean_key(text), rules)
            if role is not None and role not in columns:
                columns[role] = column
    if all(need & columns.keys() for need in rules.required):
        return columns
    return None


def _joined(upper: Sequence[str], lower: Sequence[str]) -> list[str]:
    """Two header rows read as one (a merged 备案信息 over 备案号 | 备案时间)."""
    width = max(len(upper), len(lower))
    return [(upper[i] if i < len(upper) else "") + (lower[i] if i < len(lower) else "")
            for i in range(width)]


def _kind_of(text: str, rules: RegistryRules) -> Kind | None:
    """The kind a title, header, sheet or file name names, if exactly one."""
    key = _clean_key(text)
    named = [kind for kind, words in rules.kind_words if any(w in key for w in words)]
    return named[0] if len(named) == 1 else None


# ---------------------------------------------------------------------------------------
# Tables


@dataclass
class _Grid:
    sheet: str | None
    rows: list[list[object]]
    hidden: bool = False


@dataclass
class _Header:
    columns: dict[str, int]
    kind: Kind


@dataclass
class _Collector:
    """Mutable state of one file's parse (internal)."""

    rules: RegistryRules
    filename: str
    rows: list[RegistryRow] = field(default_factory=list)
    problems: list[RegistryProblem] = field(default_factory=list)
    notes: dict[str, None] = field(default_factory=dict)
    seen: dict[str, tuple[str | None, int]] = field(default_factory=dict)
    latest: date = field(default_factory=_latest_day)

    def problem(self, sheet: str | None, row_index: int, reason: str,
                raw: Sequence[str] = (), detail: str = "") -> None:
        cells = list(raw)
        while cells and not cells[-1]:
            cells.pop()
        self.problems.append(
            RegistryProblem(self.filename, sheet, row_index, reason, tuple(cells), detail))

    def result(self) -> RegistryParse:
        return RegistryParse(tuple(self.rows), tuple(self.problems), tuple(self.notes))


def _get(texts: Sequence[str], columns: dict[str, int], role: str) -> str:
    column = columns.get(role)
    return texts[column] if column is not None and column < len(texts) else ""


def _is_note(texts: Sequence[str], filled: Sequence[str], columns: dict[str, int],
             rules: RegistryRules) -> bool:
    """A lone-cell footnote, source line, section heading or province section row."""
    if len(filled) != 1:
        return False
    text = filled[0]
    folded = unicodedata.normalize("NFKC", text).casefold()
    if folded.startswith(rules.note_prefixes) or rules.heading.match(folded):
        return True
    if _section_province(text, rules):
        return True
    column = next(i for i, t in enumerate(texts) if t)
    names = {columns.get("model"), columns.get("service"), columns.get("number")}
    return column not in names or len(text) > rules.max_name_chars


def _parse_grid(grid: _Grid, out: _Collector) -> bool:
    """Read one sheet or table into `out`; True when it had a registry header."""
    rules = out.rules
    header: _Header | None = None
    previous: list[str] | None = None  # the last non-data row, for two-row headers
    titles: list[str] = []  # title rows since the last data row, oldest first
    section_province: str | None = None
    found = False
    for position, raw in enumerate(grid.rows):
        parsed: _Number | str = "no header"
        if header is not None:
            number_text = _cell_at(raw, header.columns["number"])
            parsed = _parse_number(number_text, header.kind, rules, out.latest)
            if isinstance(parsed, _Number):  # the common case, kept cheap
                _valid_row(grid, position, header, parsed, section_province, out)
                previous, titles = None, []
                continue
        texts = [_cell_text(value) for value in raw]
        filled = [text for text in texts if text]
        if not filled:
            continue
        if header is None and position >= rules.scan_rows:
            break
        columns = _map_header(texts, rules)
        if columns is None and previous is not None:
            columns = _map_header(_joined(previous, texts), rules)
        if columns is not None:
            if grid.hidden:
                out.problem(grid.sheet, position + 1, HIDDEN_SHEET, texts,
                            "hidden sheet with a registry header; its rows are not read")
                return True
            number_label = texts[columns["number"]] if columns["number"] < len(texts) else ""
            header = _Header(columns, _table_kind(number_label, titles, grid, out))
            found, previous, titles = True, None, []
            continue
        if header is None or _is_header_fragment(texts, header, rules):
            is_note = True
        else:
            is_note = _invalid_row(grid, position, texts, filled, header, parsed, out)
        if is_note:
            note = " ".join(filled)
            previous = texts
            titles.append(note)
            out.notes.setdefault(note)
            if len(filled) == 1:
                section_province = _section_province(note, rules) or section_province
        else:
            previous, titles = None, []
    if not found and not grid.hidden:
        _report_headerless(grid, out)
    return found


def _cell_at(raw: Sequence[object], column: int | None) -> str:
    return _cell_text(raw[column]) if column is not None and column < len(raw) else ""


def _is_header_fragment(texts: Sequence[str], header: _Header, rules: RegistryRules) -> bool:
    """The first row of a repeated two-row header: its name or number cell is a column name."""
    for role in ("number", "model", "service"):
        text = _get(texts, header.columns, role)
        if text and _role_of(_clean_key(text), rules) in ("number", "model", "service"):
            return True
    return False


def _table_kind(number_label: str, titles: list[str], grid: _Grid, out: _Collector) -> Kind:
    """The kind a table's own words say: number header, nearest title, sheet, file name."""
    for text in (number_label, *reversed(titles), grid.sheet or "", out.filename):
        kind = _kind_of(text, out.rules)
        if kind is not None:
            return kind
    return "filing"


def _invalid_row(grid: _Grid, position: int, texts: list[str], filled: list[str],
                 header: _Header, reason: _Number | str, out: _Collector) -> bool:
    """A row under a header without a valid number: a note (True) or a reported problem."""
    columns = header.columns
    if _is_note(texts, filled, columns, out.rules):
        return True
    number_text = _get(texts, columns, "number")
    has_name = _get(texts, columns, "model") or _get(texts, columns, "service")
    if not number_text and not has_name and not _get(texts, columns, "filer"):
        return True  # a 合计 line, a stray index or date: no data to lose
    if number_text:
        out.problem(grid.sheet, position + 1, BAD_NUMBER, texts, str(reason))
    else:
        out.problem(grid.sheet, position + 1, MISSING_NUMBER, texts)
    return False


def _valid_row(grid: _Grid, position: int, header: _Header, parsed: _Number,
               section_province: str | None, out: _Collector) -> None:
    """A row with a valid number → a RegistryRow, or a missing_model/duplicate problem."""
    rules = out.rules
    columns = header.columns
    raw = grid.rows[position]
    row_index = position + 1
    model = _cell_at(raw, columns.get("model"))
    service = _cell_at(raw, columns.get("service"))
    # A registration names the service (app) it registers; its model column, if any, is the
    # filed model the app calls.
    name = (service or model) if parsed.kind == "registration" else (model or service)
    if not name:
        out.problem(grid.sheet, row_index, MISSING_MODEL, [_cell_text(v) for v in raw])
        return
    key = number_key(parsed.normalised)
    first = out.seen.get(key)
    if first is not None:
        where = f"sheet {first[0]!r} row {first[1]}" if first[0] else f"row {first[1]}"
        out.problem(grid.sheet, row_index, DUPLICATE, [_cell_text(v) for v in raw],
                    f"first at {where}")
        return
    out.seen[key] = (grid.sheet, row_index)
    province_cell = _cell_at(raw, columns.get("province"))
    province = (
        (_province_name(province_cell, rules) if province_cell else None)
        or section_province
        or rules.province_zh[parsed.province]
    )
    date_column = columns.get("date")
    filed_on = None
    if date_column is not None and date_column < len(raw):
        filed_on = _date_of(raw[date_column], rules, out.latest)
    out.rows.append(RegistryRow(
        number=parsed.normalised,
        kind=parsed.kind,
        province=province,
        model=name,
        filer=_cell_at(raw, columns.get("filer")) or None,
        filed_on=filed_on or parsed.day,
        source_file=out.filename,
        sheet=grid.sheet,
        row_index=row_index,
    ))


def _report_headerless(grid: _Grid, out: _Collector) -> None:
    """A sheet without a header is ignored, unless it holds registry numbers (data lost)."""
    for position, raw in enumerate(grid.rows):
        texts = [_cell_text(value) for value in raw]
        if any("-" in t and isinstance(_parse_number(t, "filing", out.rules, out.latest),
                                       _Number)
               for t in texts):
            out.problem(grid.sheet, position + 1, NO_HEADER, texts,
                        "registry numbers under no recognisable header")
            return


# ---------------------------------------------------------------------------------------
# Files


def parse_registry_file(
    data: bytes, filename: str, content_type: str | None = None,
    *, rules: RegistryRules | None = None,
) -> RegistryParse:
    """Rows and problems of one registry file (.xlsx/.xls/.ods/.csv/.html). Never raises."""
    out = _Collector(rules or load_registry_rules(), filename)
    try:
        found = any([_parse_grid(grid, out) for grid in _grids(data, filename, content_type, out)])
    except Exception as exc:  # a damaged file must never crash a night
        out.problem(None, 0, UNREADABLE, (), f"{type(exc).__name__}: {exc}")
        return out.result()
    if not found and not any(p.reason in (UNREADABLE, NO_HEADER) for p in out.problems):
        out.problem(None, 0, NO_HEADER, (), "no sheet or table has a registry header")
    return out.result()


def _grids(data: bytes, filename: str, content_type: str | None,
           out: _Collector) -> Iterator[_Grid]:
    if not data:
        out.problem(None, 0, UNREADABLE, (), "empty file")
        return
    if data.startswith(_WORKBOOK_MAGIC):
        yield from _workbook_grids(data, out)
        return
    if b"\x00" in data[:_SNIFF_CHARS] and not data.startswith(_UTF16_BOMS):
        out.problem(None, 0, UNREADABLE, (), "binary data, not a spreadsheet, CSV or HTML file")
        return
    text, _charset = decode_body(data, content_type)
    if text.count("\ufffd") > out.rules.max_replacement_share * len(text):
        out.problem(None, 0, UNREADABLE, (), "text in no known encoding")
        return
    head = text[:_SNIFF_CHARS]
    if _SPREADSHEET_ML in head:
        out.problem(None, 0, UNREADABLE, (), "SpreadsheetML 2003 (XML) is not supported")
        return
    suffix = Path(urlsplit(filename).path).suffix.lower()
    if suffix in (".html", ".htm") or _HTML_HINT.search(head):
        yield from _html_grids(text, out.rules)
        return
    yield _csv_grid(text)


def _workbook_grids(data: bytes, out: _Collector) -> Iterator[_Grid]:
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = list(workbook.sheets_metadata)
    except Exception as exc:  # corrupt, encrypted or a zip that is no workbook
        out.problem(None, 0, UNREADABLE, (), f"{type(exc).__name__}: {exc}")
        return
    for meta in sheets:
        if meta.typ != SheetTypeEnum.WorkSheet:
            continue
        try:
            sheet = workbook.get_sheet_by_name(meta.name)
            rows = sheet.to_python(skip_empty_area=False)
            merged = sheet.merged_cell_ranges or ()
        except Exception as exc:  # one broken sheet must not hide the others
            out.problem(meta.name, 0, UNREADABLE, (), f"{type(exc).__name__}: {exc}")
            continue
        _fill_merged_down(rows, merged)
        yield _Grid(meta.name, rows, hidden=meta.visible != SheetVisibleEnum.Visible)


def _fill_merged_down(rows: list[list[object]], merged) -> None:
    """A cell merged over several rows (属地, 备案单位, 备案时间) counts for each of them.

    Only down the first column of the range: a title merged across columns stays one cell,
    so it still reads as a lone title.
    """
    for (top, left), (bottom, _right) in merged:
        if bottom <= top or top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for below in range(top + 1, min(bottom, len(rows) - 1) + 1):
            if left < len(rows[below]) and rows[below][left] in ("", None):
                rows[below][left] = value


def _csv_grid(text: str) -> _Grid:
    text = text.removeprefix("\ufeff")
    lines = [line for line in text[:_SNIFF_CHARS].splitlines() if line.strip()]
    delimiter = max(_CSV_DELIMITERS, key=lambda d: sum(line.count(d) for line in lines))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return _Grid(None, [list(row) for row in reader])


def _html_grids(html: str, rules: RegistryRules) -> Iterator[_Grid]:
    """Every <table> of a page as a grid, rowspan/colspan expanded like merged cells."""
    tree = LexborHTMLParser(html)
    for number, table in enumerate(tree.css("table"), start=1):
        rows: list[list[object]] = []
        spans: dict[int, tuple[int, str]] = {}  # column → (rows still covered, value)
        for tr in table.css("tr"):
            if _owner_table(tr) == table:  # not a row of a nested table
                rows.append(_html_row(tr, spans, rules))
        yield _Grid(f"table {number}", rows)


def _html_row(tr, spans: dict[int, tuple[int, str]], rules: RegistryRules) -> list[object]:
    """One <tr> as cells; `spans` carries rowspans from the rows above (and is updated)."""
    row: list[object] = []
    cells = [cell for cell in tr.iter() if cell.tag in ("td", "th")]
    cells.reverse()
    while True:
        column = len(row)
        if column in spans:
            left, value = spans[column]
            row.append(value)
            if left <= 1:
                del spans[column]
            else:
                spans[column] = (left - 1, value)
        elif cells:
            cell = cells.pop()
            text = cell.text(separator=" ", strip=True)
            attributes = cell.attributes
            rowspan = _span(attributes.get("rowspan"), rules.max_rowspan)
            colspan = _span(attributes.get("colspan"), rules.max_colspan)
            for offset in range(colspan):
                value = text if offset == 0 else ""
                if rowspan > 1:
                    spans[len(row)] = (rowspan - 1, value)
                row.append(value)
        elif spans and max(spans) > column:
            row.append("")  # a gap before a rowspan further right
        else:
            return row


def _owner_table(node):
    parent = node.parent
    while parent is not None and parent.tag != "table":
        parent = parent.parent
    return parent


def _span(value: str | None, limit: int) -> int:
    if not value:
        return 1
    try:
        return max(1, min(int(value.strip()), limit))
    except ValueError:
        return 1


# ---------------------------------------------------------------------------------------
# Announcement pages


def attachment_links(html: str, base_url: str, *, rules: RegistryRules | None = None) -> list[str]:
    """Canonical URLs of the spreadsheet/CSV attachments an announcement page links to."""
    rules = rules or load_registry_rules()
    tree = LexborHTMLParser(html)
    base = document_base(tree, base_url)
    links: list[str] = []
    seen: set[str] = set()
    for anchor in tree.css("a[href]"):
        url = canonical_url(anchor.attributes.get("href") or "", base)
        if url is None or url in seen:
            continue
        names = [anchor.text(strip=True), anchor.attributes.get("download") or "",
                 anchor.attributes.get("title") or ""]
        if _is_attachment(url, names, rules.attachment_suffixes):
            seen.add(url)
            links.append(url)
    return links


def _is_attachment(url: str, names: list[str], suffixes: tuple[str, ...]) -> bool:
    parts = urlsplit(url)
    candidates = [unquote(parts.path)]
    candidates += [value for _name, value in parse_qsl(parts.query)]
    candidates += names
    return any(c.strip().lower().endswith(suffixes) for c in candidates if c)


def page_has_registry_table(html: str, *, rules: RegistryRules | None = None) -> bool:
    """Whether the page itself holds a registry table (a <table> with a registry header)."""
    rules = rules or load_registry_rules()
    for grid in _html_grids(html, rules):
        previous: list[str] | None = None
        for raw in grid.rows[: rules.scan_rows]:
            texts = [_cell_text(value) for value in raw]
            if _map_header(texts, rules) or (
                previous is not None and _map_header(_joined(previous, texts), rules)
            ):
                return True
            previous = texts
    return False


# ---------------------------------------------------------------------------------------
# Linking to the gazetteer


def normalised_name(name: str, *, rules: RegistryRules | None = None) -> str:
    """Simplified, casefolded, punctuation-free name without generic suffixes (大模型, APP …)."""
    rules = rules or load_registry_rules()
    return _strip_suffixes(match_key(name), rules.name_suffixes, rules.name_min_chars)


def company_core(filer: str, *, rules: RegistryRules | None = None) -> str:
    """A filer's legal name reduced to its brand: 北京百度网讯科技有限公司 → 百度网讯."""
    rules = rules or load_registry_rules()
    text = simplify(filer)
    while _PARENTHESISED.search(text):  # （北京）, (中国)
        text = _PARENTHESISED.sub("", text)
    key = match_form(text)
    key = _strip_suffixes(key, rules.legal_forms)
    for region in rules.regions:
        if key.startswith(region) and len(key) > len(region):
            key = key[len(region):]
            if key[:1] in ("市", "省") and len(key) > 1:
                key = key[1:]
            break
    return _strip_suffixes(key, rules.business_words)


def _strip_suffixes(key: str, suffixes: tuple[str, ...], keep: int = 1) -> str:
    """Strip `suffixes` (longest first) from the end, repeatedly, leaving at least `keep`."""
    stripped = True
    while stripped:
        stripped = False
        for suffix in suffixes:
            if key.endswith(suffix) and len(key) - len(suffix) >= keep:
                key = key[: -len(suffix)]
                stripped = True
                break
    return key


@dataclass(frozen=True)
class _GazetteerIndex:
    models: dict[str, Entry | None]  # normalised name → entry (None: two models share it)
    organizations: dict[str, Entry]  # simplified, punctuation-free name → organisation
    size: tuple[int, int]  # the gazetteer's sizes when built: rebuilt if entries are added


# id → (gazetteer, its index), for the few gazetteers most recently matched against: each
# held, so that its id stays its own (a compiled Gazetteer takes no weak reference).
_INDEXES: dict[int, tuple[Gazetteer, _GazetteerIndex]] = {}
_MAX_INDEXES = 4


def _index_for(gazetteer: Gazetteer, rules: RegistryRules) -> _GazetteerIndex:
    _, index = _INDEXES.get(id(gazetteer), (None, None))
    size = (len(gazetteer.models), len(gazetteer.organizations))
    if index is None or index.size != size:
        models: dict[str, Entry | None] = {}
        for entry in gazetteer.models.values():
            for name in (entry.name, *entry.aliases):
                key = normalised_name(name, rules=rules)
                if key and models.setdefault(key, entry) not in (entry, None):
                    models[key] = None
        organizations: dict[str, Entry] = {}
        for entry in gazetteer.organizations.values():
            for name in (entry.name, *entry.aliases):
                organizations.setdefault(match_key(name), entry)
        index = _GazetteerIndex(models, organizations, size)
        _INDEXES.pop(id(gazetteer), None)
        while len(_INDEXES) >= _MAX_INDEXES:
            del _INDEXES[next(iter(_INDEXES))]  # (the oldest)
        _INDEXES[id(gazetteer)] = (gazetteer, index)
    return index


def match_gazetteer(
    row: RegistryRow, gazetteer: Gazetteer, *, rules: RegistryRules | None = None
) -> tuple[str | None, str | None]:
    """(canonical model, canonical organisation) a registry row refers to, each if known.

    The model by its normalised name against every gazetteer name and alias, else by the
    gazetteer's scanner when the name holds exactly one model of an organisation that does
    not contradict the filer. The organisation from the filer (exact alias, its brand core,
    then an alias inside the legal name), else the matched model's developer.
    """
    rules = rules or load_registry_rules()
    index = _index_for(gazetteer, rules)
    organization = _match_filer(row.filer, gazetteer, index, rules) if row.filer else None
    model = index.models.get(normalised_name(row.model, rules=rules))
    if model is None:
        found = {m.entry.name: m.entry for m in gazetteer.find(simplify(row.model))
                 if m.entry.kind == "model"}
        if len(found) == 1:
            candidate = next(iter(found.values()))
            # Only when the filer does not say otherwise: an app whose name mentions a model
            # (基于文心一言的写作助手) is usually another company's.
            if row.filer is None or candidate.organization == organization:
                model = candidate
    if organization is None and model is not None:
        organization = model.organization
    return (model.name if model else None, organization)


def _match_filer(filer: str, gazetteer: Gazetteer, index: _GazetteerIndex,
                 rules: RegistryRules) -> str | None:
    for key in (match_key(filer), company_core(filer, rules=rules)):
        entry = index.organizations.get(key)
        if entry is not None:
            return entry.name
    matches = gazetteer.find(simplify(filer))
    for match in matches:
        if match.entry.kind == "organization":
            return match.entry.name
    for match in matches:
        if match.entry.organization:
            return match.entry.organization
    return None


def link_filings(
    rows: list[RegistryRow], gazetteer: Gazetteer, news_models: dict[str, str],
    *, rules: RegistryRules | None = None,
) -> list[LinkedFiling]:
    """Each row with its model and organisation, and the id of the event it proves.

    The model is the gazetteer's canonical name when the row matches it, else a model the
    news already named (`news_models`: normalised name → model), else the listed name.
    The event id is the one extractors/events.py gives a filing of that model (type and
    model only), so a filing the news reported weeks earlier and its registry row are
    one event.
    """
    rules = rules or load_registry_rules()
    linked = []
    for row in rows:
        model, organization = match_gazetteer(row, gazetteer, rules=rules)
        status = "gazetteer"
        if model is None:
            model = news_models.get(normalised_name(row.model, rules=rules))
            status = "news"
        if model is None:
            model, status = row.model.strip(), "discovered"
        event_id = stable_id("event", row.kind, model, None, None)
        linked.append(LinkedFiling(row, model, organization, status, event_id))
    return linked
