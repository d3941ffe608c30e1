"""Chinese boilerplate removal on a list of paragraphs, driven by `seeds/cleaning.toml`.

Runs the same on HTML and plain-text sources: layout spaces, pinyin glosses, tail
markers (相关阅读 …, "…免责声明"), caption/credit/header lines, injected ads, trailing
link lists and repeated paragraphs. Hands on the kept paragraphs, their simplified form
(one OpenCC pass for matching, `text_simplified` and the hash) and a count of what each
rule removed. Also the cheap script-share language guess both parsers use.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from extractors import SEEDS_DIR
from extractors.normalize import simplify, strip_non_word, tidy_spaces

DEFAULT_RULES_PATH = SEEDS_DIR / "cleaning.toml"

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A gloss candidate: lowercase latin (tone marks allowed) in parentheses after a CJK char.
# The parenthesis comes first so the scan jumps from "(" to "(" (a leading look-behind is
# tried at every character).
_GLOSS = re.compile(
    rf"[(（](?<=[{_CJK}][(（])([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{{1,6}})[)）]"
)
_PINYIN_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er|in|un"
    r"|vn|ia|ie|iu|ua|uo|ui|ve|ue|a|o|e|i|u|v)r?"
)
# Column separators left at the end of a line by table layouts.
_SEPARATORS = ("|", "│", "┃")
_SEPARATORS_AND_SPACE = "|│┃ \t"
_HEADING_END = re.compile(r"[\s:：】\]]+$")
# Letters by script, for the language guess.
_CJK_LETTER = re.compile(rf"[{_CJK}\u3040-\u30ff\uac00-\ud7af]")
_KANA_HANGUL = re.compile(r"[\u3040-\u30ff\uac00-\ud7af]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
# The language guess reads this much text at most: a few thousand letters settle the script.
_LANGUAGE_SAMPLE_CHARS = 4000


def read_rules(path: str | Path = DEFAULT_RULES_PATH) -> dict:
    """cleaning.toml as parsed TOML: read once, then handed to each section's `from_toml`."""
    with Path(path).open("rb") as handle:
        return tomllib.load(handle)


@dataclass(frozen=True)
class CleaningRules:
    """The compiled form of cleaning.toml."""

    tail_markers: tuple[str, ...]
    heading_suffixes: tuple[str, ...]
    max_marker_chars: int
    min_body_share: float
    trailing_max_chars: int
    sentence_end: str
    drop_patterns: tuple[re.Pattern[str], ...]
    ad_terms: tuple[tuple[str, float], ...]
    ad_hint: re.Pattern[str]  # any ad term: most paragraphs need no scoring at all
    ad_threshold: float
    ad_max_topic_overlap: float
    ad_max_chars: int
    pinyin_enabled: bool
    repeat_min_chars: int

    @classmethod
    def load(cls, path: str | Path = DEFAULT_RULES_PATH) -> CleaningRules:
        return cls.from_toml(read_rules(path))

    @classmethod
    def from_toml(cls, raw: dict) -> CleaningRules:
        ads = raw["ads"]
        return cls(
            tail_markers=tuple(m.casefold() for m in raw["tail"]["markers"]),
            heading_suffixes=tuple(m.casefold() for m in raw["tail"]["heading_suffixes"]),
            max_marker_chars=int(raw["tail"]["max_marker_chars"]),
            min_body_share=float(raw["tail"]["min_body_share"]),
            trailing_max_chars=int(raw["trailing_links"]["max_line_chars"]),
            sentence_end=raw["trailing_links"]["sentence_end"],
            drop_patterns=tuple(re.compile(p, re.I) for p in raw["drop_lines"]["patterns"]),
            ad_terms=tuple((term.casefold(), float(w)) for term, w in ads["terms"].items()),
            ad_hint=re.compile("|".join(re.escape(term.casefold()) for term in ads["terms"])),
            ad_threshold=float(ads["threshold"]),
            ad_max_topic_overlap=float(ads["max_topic_overlap"]),
            ad_max_chars=int(ads["max_chars"]),
            pinyin_enabled=bool(raw["pinyin"]["enabled"]),
            repeat_min_chars=int(raw["repeats"]["min_chars"]),
        )


@dataclass(frozen=True)
class CleanedText:
    paragraphs: list[str]
    removed: Counter[str]
    # The kept paragraphs in simplified, NFKC-normalised form (for `text_simplified`).
    simplified: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class LanguageRules:
    """Thresholds of the script-share language guess ([language] in cleaning.toml)."""

    cjk_share: float
    kana_share: float

    @classmethod
    def load(cls, path: str | Path = DEFAULT_RULES_PATH) -> LanguageRules:
        return cls.from_toml(read_rules(path))

    @classmethod
    def from_toml(cls, raw: dict) -> LanguageRules:
        language = raw["language"]
        return cls(cjk_share=float(language["cjk_share"]), kana_share=float(language["kana_share"]))


def guess_language(text: str, declared: str | None, rules: LanguageRules) -> str | None:
    """"zh"/"ja"/"ko" by the share of CJK letters, else the declared language, else "en".

    A script count is cheap and right for what this pipeline reads (Chinese news and the
    English pages around it); the declared `<html lang>` breaks ties for other Latin text.
    """
    sample = text[:_LANGUAGE_SAMPLE_CHARS]
    cjk = len(_CJK_LETTER.findall(sample))
    latin = len(_LATIN_LETTER.findall(sample))
    if cjk + latin == 0:
        return declared
    if cjk >= rules.cjk_share * (cjk + latin):
        kana_hangul = _KANA_HANGUL.findall(sample)
        if len(kana_hangul) >= rules.kana_share * cjk:
            hangul = sum(1 for c in kana_hangul if _HANGUL.match(c))
            return "ko" if hangul * 2 > len(kana_hangul) else "ja"
        return "zh"
    if declared and declared not in ("zh", "ja", "ko"):
        return declared
    return "en"


def strip_pinyin_glosses(text: str) -> tuple[str, int]:
    """Remove 用(yòng)-style glosses; returns the text and how many were removed."""
    count = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        if _is_pinyin(match.group(1)):
            count += 1
            return ""
        return match.group(0)

    return _GLOSS.sub(replace, text), count


def _is_pinyin(word: str) -> bool:
    bare = "".join(
        c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)
    ).replace("ü", "v")
    return _PINYIN_SYLLABLE.fullmatch(bare) is not None


def clean_paragraphs(paragraphs: list[str], rules: CleaningRules) -> CleanedText:
    """Apply every rule in order; each removal is counted under the rule's name."""
    removed: Counter[str] = Counter()
    kept = _tidy_all(paragraphs, rules, removed)
    simplified = _simplify_all(kept)
    # One simplified, casefolded form per paragraph for all matching below.
    forms = [text.casefold() for text in simplified]
    rows = list(zip(kept, simplified, forms, strict=True))
    rows = _cut_at_tail_marker(rows, rules, removed)
    rows = _drop_matching_lines(rows, rules, removed)
    rows = _drop_ads(rows, rules, removed)
    rows = _drop_trailing_links(rows, rules, removed)
    rows = _drop_repeats(rows, rules, removed)
    return CleanedText([r[0] for r in rows], +removed, [r[1] for r in rows])


def _tidy_all(paragraphs: list[str], rules: CleaningRules, removed: Counter[str]) -> list[str]:
    """Layout spaces, stray separators and pinyin glosses, on all paragraphs at once.

    The regular expressions never cross a line break, so one pass over the joined text
    equals one pass per paragraph, at a fraction of the per-call cost.
    """
    if any("\n" in p for p in paragraphs):  # a paragraph's own line breaks are spaces
        paragraphs = [p.replace("\n", " ") for p in paragraphs]
    joined = tidy_spaces("\n".join(paragraphs))
    if rules.pinyin_enabled:
        joined, glosses = strip_pinyin_glosses(joined)
        removed["pinyin_gloss"] += glosses
    lines = (_strip_stray_separators(line) for line in joined.split("\n"))
    return [line for line in lines if line]


def _strip_stray_separators(line: str) -> str:
    """Trim spaces and trailing "|" column separators ("正文 |" → "正文")."""
    line = line.strip()
    while line.endswith(_SEPARATORS):
        line = line.rstrip(_SEPARATORS_AND_SPACE).rstrip()
    return line


def _simplify_all(paragraphs: list[str]) -> list[str]:
    """`simplify` of each paragraph, in one OpenCC call (per-call overhead dominates)."""
    if not paragraphs:
        return []
    joined = simplify("\n".join(paragraphs)).split("\n")
    if len(joined) == len(paragraphs):
        return joined
    return [simplify(p) for p in paragraphs]  # NFKC produced a line break: go one by one


def _is_tail_marker(form: str, rules: CleaningRules) -> bool:
    if len(form) > rules.max_marker_chars:
        return False
    if form.lstrip(" ·•-—【[").startswith(rules.tail_markers):
        return True
    return _HEADING_END.sub("", form).endswith(rules.heading_suffixes)


def _cut_at_tail_marker(rows, rules, removed):
    total = sum(len(row[0]) for row in rows) or 1
    before = 0
    for index, (paragraph, _, form) in enumerate(rows):
        if before / total >= rules.min_body_share and _is_tail_marker(form, rules):
            removed["tail_marker"] += len(rows) - index
            return rows[:index]
        before += len(paragraph)
    return rows


def _drop_matching_lines(rows, rules, removed):
    out = []
    for row in rows:
        if any(pattern.search(row[2]) for pattern in rules.drop_patterns):
            removed["caption_or_credit"] += 1
            continue
        out.append(row)
    return out


def _bigrams(form: str) -> set[str]:
    letters = strip_non_word(form)
    return {letters[i : i + 2] for i in range(len(letters) - 1)}


def _drop_ads(rows, rules, removed):
    forms = [row[2] for row in rows]
    spread: Counter[str] | None = None  # bigram → paragraphs holding it, built on demand
    out = []
    for row in rows:
        form = row[2]
        if len(form) <= rules.ad_max_chars and rules.ad_hint.search(form):
            score = sum(weight for term, weight in rules.ad_terms if term in form)
            if score >= rules.ad_threshold:
                if spread is None:
                    spread = Counter(b for f in forms for b in _bigrams(f))
                if _topic_overlap(form, spread) <= rules.ad_max_topic_overlap:
                    removed["injected_ad"] += 1
                    continue
        out.append(row)
    return out


def _topic_overlap(form: str, spread: Counter[str]) -> float:
    """Share of a paragraph's character bigrams that occur in another paragraph too.

    A pitch for a web-design firm shares almost nothing with an article on large models;
    an on-topic paragraph that merely mentions 网站建设 shares much.
    """
    own = _bigrams(form)
    if not own:
        return 1.0
    shared = sum(1 for b in own if spread[b] > 1)
    if not shared and len(spread) == len(own):
        return 1.0  # no other paragraph has letters: there is no topic to compare against
    return shared / len(own)


def _drop_trailing_links(rows, rules, removed):
    if not rows:
        return rows
    ends = tuple(rules.sentence_end)
    before = [0]  # before[i]: characters in rows[:i]
    for row in rows:
        before.append(before[-1] + len(row[0]))
    total = before[-1] or 1
    cut = len(rows)
    while cut > 1:
        last = rows[cut - 1][2].rstrip()
        if len(last) > rules.trailing_max_chars or last.endswith(ends):
            break
        if before[cut - 1] / total < rules.min_body_share:
            break
        cut -= 1
    if cut < len(rows) and not rows[cut - 1][2].rstrip().endswith(ends):
        cut = len(rows)  # no prose before the short lines: they are the article itself
    removed["trailing_links"] += len(rows) - cut
    return rows[:cut]


def _drop_repeats(rows, rules, removed):
    seen: set[str] = set()
    out = []
    for row in rows:
        key = strip_non_word(row[2])
        if len(key) >= rules.repeat_min_chars:
            if key in seen:
                removed["repeated_paragraph"] += 1
                continue
            seen.add(key)
        out.append(row)
    return out
