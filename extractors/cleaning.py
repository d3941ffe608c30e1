"""Chinese boilerplate removal on a list of paragraphs, driven by `seeds/cleaning.toml`.

Runs the same on HTML and plain-text sources: layout spaces, pinyin glosses, tail
markers (相关阅读 …), caption/credit lines, injected ads, trailing link lists and repeated
paragraphs. Hands on the kept paragraphs and a count of what each rule removed.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from extractors.normalize import match_key, simplify, tidy_spaces

DEFAULT_RULES_PATH = Path(__file__).resolve().parents[1] / "seeds" / "cleaning.toml"

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A gloss candidate: lowercase latin (tone marks allowed) in parentheses after a CJK char.
_GLOSS = re.compile(
    rf"(?<=[{_CJK}])[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{{1,6}})[)）]"
)
_PINYIN_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er|in|un"
    r"|vn|ia|ie|iu|ua|uo|ui|ve|ue|a|o|e|i|u|v)r?"
)
_STRAY_SEPARATORS = re.compile(r"[\s|│┃]+$")


@dataclass(frozen=True)
class CleaningRules:
    """The compiled form of cleaning.toml."""

    tail_markers: tuple[str, ...]
    max_marker_chars: int
    min_body_share: float
    trailing_max_chars: int
    sentence_end: str
    drop_patterns: tuple[re.Pattern[str], ...]
    ad_terms: tuple[tuple[str, float], ...]
    ad_threshold: float
    ad_max_topic_overlap: float
    ad_max_chars: int
    pinyin_enabled: bool
    repeat_min_chars: int

    @classmethod
    def load(cls, path: str | Path = DEFAULT_RULES_PATH) -> CleaningRules:
        with Path(path).open("rb") as handle:
            raw = tomllib.load(handle)
        ads = raw["ads"]
        return cls(
            tail_markers=tuple(m.casefold() for m in raw["tail"]["markers"]),
            max_marker_chars=int(raw["tail"]["max_marker_chars"]),
            min_body_share=float(raw["tail"]["min_body_share"]),
            trailing_max_chars=int(raw["trailing_links"]["max_line_chars"]),
            sentence_end=raw["trailing_links"]["sentence_end"],
            drop_patterns=tuple(re.compile(p, re.I) for p in raw["drop_lines"]["patterns"]),
            ad_terms=tuple((term.casefold(), float(w)) for term, w in ads["terms"].items()),
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
    kept: list[str] = []
    for paragraph in paragraphs:
        paragraph = _STRAY_SEPARATORS.sub("", tidy_spaces(paragraph))
        if rules.pinyin_enabled:
            paragraph, glosses = strip_pinyin_glosses(paragraph)
            removed["pinyin_gloss"] += glosses
        if paragraph:
            kept.append(paragraph)
    # One simplified, casefolded form per paragraph for all matching below.
    forms = [simplify(p).casefold() for p in kept]
    kept, forms = _cut_at_tail_marker(kept, forms, rules, removed)
    kept, forms = _drop_matching_lines(kept, forms, rules, removed)
    kept, forms = _drop_ads(kept, forms, rules, removed)
    kept, forms = _drop_trailing_links(kept, forms, rules, removed)
    kept = _drop_repeats(kept, rules, removed)
    return CleanedText(kept, +removed)


def _cut_at_tail_marker(kept, forms, rules, removed):
    total = sum(len(p) for p in kept) or 1
    before = 0
    for index, form in enumerate(forms):
        if (
            len(form) <= rules.max_marker_chars
            and form.lstrip(" ·•-—【[").startswith(rules.tail_markers)
            and before / total >= rules.min_body_share
        ):
            removed["tail_marker"] += len(kept) - index
            return kept[:index], forms[:index]
        before += len(kept[index])
    return kept, forms


def _drop_matching_lines(kept, forms, rules, removed):
    out, out_forms = [], []
    for paragraph, form in zip(kept, forms, strict=True):
        if any(pattern.search(form) for pattern in rules.drop_patterns):
            removed["caption_or_credit"] += 1
            continue
        out.append(paragraph)
        out_forms.append(form)
    return out, out_forms


def _bigrams(text: str) -> set[str]:
    letters = match_key(text)
    return {letters[i : i + 2] for i in range(len(letters) - 1)}


def _drop_ads(kept, forms, rules, removed):
    out, out_forms = [], []
    for index, (paragraph, form) in enumerate(zip(kept, forms, strict=True)):
        if len(form) <= rules.ad_max_chars:
            score = sum(weight for term, weight in rules.ad_terms if term in form)
            if score >= rules.ad_threshold and _topic_overlap(index, forms) <= (
                rules.ad_max_topic_overlap
            ):
                removed["injected_ad"] += 1
                continue
        out.append(paragraph)
        out_forms.append(form)
    return out, out_forms


def _topic_overlap(index: int, forms: list[str]) -> float:
    """Share of a paragraph's character bigrams that occur elsewhere in the article.

    A pitch for a web-design firm shares almost nothing with an article on large models;
    an on-topic paragraph that merely mentions 网站建设 shares much.
    """
    own = _bigrams(forms[index])
    if not own:
        return 1.0
    rest: set[str] = set()
    for other, form in enumerate(forms):
        if other != index:
            rest |= _bigrams(form)
    if not rest:
        return 1.0  # a one-paragraph text has no topic to compare against
    return len(own & rest) / len(own)


def _drop_trailing_links(kept, forms, rules, removed):
    if not kept:
        return kept, forms
    total = sum(len(p) for p in kept) or 1
    cut = len(kept)
    while cut > 1:
        last = forms[cut - 1].rstrip()
        if len(last) > rules.trailing_max_chars or last.endswith(tuple(rules.sentence_end)):
            break
        if sum(len(p) for p in kept[: cut - 1]) / total < rules.min_body_share:
            break
        cut -= 1
    if cut < len(kept) and not forms[cut - 1].rstrip().endswith(tuple(rules.sentence_end)):
        cut = len(kept)  # no prose before the short lines: they are the article itself
    removed["trailing_links"] += len(kept) - cut
    return kept[:cut], forms[:cut]


def _drop_repeats(kept, rules, removed):
    seen: set[str] = set()
    out = []
    for paragraph in kept:
        key = match_key(paragraph)
        if len(key) >= rules.repeat_min_chars:
            if key in seen:
                removed["repeated_paragraph"] += 1
                continue
            seen.add(key)
        out.append(paragraph)
    return out
