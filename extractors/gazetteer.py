"""Model and organisation gazetteer (seeds/models.csv, seeds/organizations.csv) and its matcher.

Matching runs on simplified, casefolded text with a first-character index over every
alias, longest alias first, so 文心大模型4.0 wins over 文心 and 智谱AI over 智谱. Latin
aliases must stand alone (GPT-4 does not match inside GPT-40), but may follow another
match directly (智谱AI|GLM). A match carries the version its alias names (文心大模型4.0 →
4.0, DeepSeek-V3 → V3) or that follows it (通义千问 2.5, 文心大模型4.0 Turbo).
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from extractors import SEEDS_DIR
from extractors.normalize import casefold_in_place, simplify

_LATIN = re.compile(r"[a-z0-9]")
# A word of four letters or more, and a version glued to it that is no size (not Yi34B).
_WORD = re.compile(r"[a-z]{4,}")
_GLUED_VERSION = re.compile(r"\d+(?:\.\d+)*(?![\d.]*[a-z])")
_VERSION = re.compile(r"\s?-?v?(\d+(?:\.\d+)*)(?![\d.]*[a-z]{2})", re.I)
# …and one right after a quoted name's closing quote: dotted, or after V (“大瓦特”2.0, “星河”V3).
_QUOTED_VERSION = re.compile(r"[vV]?(\d+\.\d+(?:\.\d+)*|(?<=[vV])\d+)(?![\d.%])")
OPENING_QUOTES = "“\"「『"
CLOSING_QUOTES = "”\"」』"
# A whole number set apart after a Latin name is its generation (Baichuan 4, Gemini-2), and so is
# one glued to it where the matcher let it (XuanYuan3-70B, see `_GLUED_VERSION`), unless a
# unit or a measure word makes it a figure (Kimi 2月, Qwen 72B, DeepSeek 3款), or a letter glued
# to it makes it part of another name (Step-1X).
_NOT_A_FIGURE = (
    r"(?![\d.A-Za-z]|\s*[个款亿万千百年月日天倍%％家名位项次期届种份条号点时分秒bBmMkKtT])")
_GENERATION = re.compile(rf"[\s-]?(\d{{1,2}}){_NOT_A_FIGURE}")
# A label of one capital and a number right after a name: MiniMax-M1, Kimi K2, 混元T1, 可灵O1,
# Vidu Q3.
_LETTER_VERSION = re.compile(r"[\s-]?([KMOQRTX]\d+(?:\.\d+)?)(?![\dA-Za-z.])")
# A name of one family of lettered labels (minimax-m1, baichuan-m1): its stem and its letter.
_LETTERED_NAME = re.compile(r"(.+?)[\s-]?([kmoqrtx])\d+(?:\.\d+)?")
# …and such a label after a stem in text (MiniMax-M3, Baichuan-M4).
_LETTERED_AFTER = re.compile(r"[\s-]?(([KMOQRTXkmoqrtx])\d+(?:\.\d+)?)(?![\dA-Za-z.])")
# A name of a numbered family (海螺02, wan2.1, sam 2): its stem and number.
_NUMBERED_NAME = re.compile(r"(.+?)[\s-]?(\d+(?:\.\d+)?)")
# …and a number after such a stem in text (海螺03, Wan 3.0), not a figure.
_STEM_NUMBER = re.compile(rf"[\s-]?(\d+(?:\.\d+)?){_NOT_A_FIGURE}")
_STEM_LETTER = re.compile(r"[\s-]([a-z])$")
# Edition words that belong to a version label: 文心大模型4.0 Turbo, Gemini 1.5 Pro.
_EDITION_WORDS = (
    "turbo|pro|max|plus|ultra|lite|flash|mini|sonnet|opus|haiku|preview|exp|thinking|air|nano")
_EDITION = re.compile(rf"[\s-]?({_EDITION_WORDS})(?![a-z])", re.I)
# …or that open it, a generation number after them: Nemotron Nano 2, Gemini Ultra 1.0.
_EDITION_FIRST = re.compile(rf"[\s-]({_EDITION_WORDS})[\s-]?(\d+(?:\.\d+)?){_NOT_A_FIGURE}", re.I)
# A dated snapshot right after a name, with no version before it, is the version: Qwen-Image-2512
# (not a date's year: GPT-4o-2024-08-06).
_SNAPSHOT_ALONE = re.compile(r"-(\d{4})(?![\d.A-Za-z\-]|\s*[年月日号])")
# A checkpoint's kind after a version is no edition: Kimi-K2-Instruct is K2.
_CHECKPOINT_KIND = "Instruct|Base|Chat"
# Any other capitalised word hyphen-joined to a version names its edition too:
# DeepSeek-V3.1-Terminus, V3.2-Speciale.
_JOINED_EDITION = re.compile(
    rf"-(?!(?:{_CHECKPOINT_KIND})(?![a-z]))([A-Z][a-z]{{2,}})(?![A-Za-z\d])")
# An edition word an alias adds to a shorter name of its entry (o3-pro, mistral medium; not a
# brand: 日日新sensenova, 豆包seed) opens the version of a number after it (Mistral Medium 3); as
# a version of its own only the pro tier counts, news telling "o3-pro" as o3 upgraded (a mini, a
# nano or a preview is told as a model of its own: o3-mini, o1-preview).
_ADDED_WORD = re.compile(rf"[\s\-_]?({_EDITION_WORDS}|medium|large|small)")
_TIER_WORD = "pro"
# A preview of a version is told as that version (Wan2.5-preview, 文心5.0 Preview: 2.5, 5.0); a
# preview of an edition keeps it (Qwen3-Max-Preview).
_EARLY_BUILD = "preview"
# A version number inside an alias: qwen2.5-coder.
_INNER_NUMBER = re.compile(r"(?<=[a-z])\d+(?:\.\d+)*(?=[-_ ]?[a-z])")
# A parameter count closing an alias (Yi-34B, ChatGLM2-6B), perhaps with an edition after it
# (QVQ-72B-Preview), is a size, not a version.
# An expert count before it makes the whole the label (Mixtral 8x22B).
# An MoE model's count of active parameters (hunyuan-a13b) is its label, no size.
_SIZE_SUFFIX = re.compile(r"[\s-]?(?<![\d.xa])\d+(?:\.\d+)?[bmk](?:[\s-][a-z]+)*$", re.I)
_ACTIVE_PARAMETERS = re.compile(r"a\d+(?:\.\d+)?b")
# A dated snapshot after a version belongs to it: DeepSeek-V3-0324, R1-0528; also after the
# checkpoint's kind: Kimi-K2-Instruct-0905 is K2-0905.
_SNAPSHOT = re.compile(rf"(?:-(?:{_CHECKPOINT_KIND}))?-(\d{{4}})(?![\dA-Za-z])", re.I)
_LABEL_STRIP = " -_·.:"
_POINT_RELEASE = re.compile(r"\.\d+(?![\d.])")
_MODEL_NOUN = "大模型"
_TRAILING_NUMBER = re.compile(r"(\d+(?:\.\d+)*)$")
# A digit between letters names a variant, not a version: T2V, TI2V (text/image to video).
_VARIANT = re.compile(r"[a-z]+\d+[a-z]+")


@dataclass(frozen=True)
class Entry:
    kind: str  # "model" or "organization"
    name: str  # canonical name
    organization: str | None  # for models: the developer
    family: str | None = None
    country: str | None = None
    aliases: tuple[str, ...] = ()
    # "gazetteer" for seeds/*.csv rows, "discovered" for names extractors/discovery.py found.
    status: str = "gazetteer"
    # Text a name must not directly follow: 源大模型 is not the tail of 开源大模型.
    not_after: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    entry: Entry
    start: int
    end: int
    surface: str
    version: str | None = None


def _read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.lstrip().startswith("#")]
    return list(csv.DictReader(lines))


def _split_aliases(value: str | None) -> list[str]:
    return [alias.strip() for alias in (value or "").split("|") if alias.strip()]


class Gazetteer:
    """Canonical names and aliases with a longest-match scanner."""

    def __init__(self, models: list[dict[str, str]], organizations: list[dict[str, str]]):
        self.models: dict[str, Entry] = {}
        self.organizations: dict[str, Entry] = {}
        # First two characters (one for one-character aliases) → (folded alias, entry,
        # version label of the alias) candidates, longest first.
        self._index: dict[str, list[tuple[str, Entry, _Label | None]]] = defaultdict(
            list
        )
        self._exact: dict[str, Entry] = {}
        # (stem, letter) → the models named so (minimax-m1, minimax-m2 → abab; baichuan-m1,
        # baichuan-m2 → two models of their own); and the families a canonical name is one of
        self._lettered: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._lettered_canonical: set[tuple[str, str]] = set()
        # stem → the models a numbered name of it names (海螺02 → 海螺AI), and the stems whose
        # numbers name models of their own (see _add_numbered_stems)
        self._numbered: dict[str, set[str]] = defaultdict(set)
        self._numbered_own: set[str] = set()
        self._flagships: dict[str, Entry] | None = None
        for row in organizations:
            entry = Entry(
                "organization", row["organization"].strip(), None,
                country=(row.get("country") or "").strip() or None,
                aliases=tuple(_split_aliases(row.get("aliases"))),
            )
            self.organizations[entry.name] = entry
            self._add(entry)
        claimed = {simplify(alias).casefold() for row in (*organizations, *models)
                   for alias in (row.get("model") or row.get("organization") or "",
                                 *_split_aliases(row.get("aliases")))}
        for row in models:
            name = row["model"].strip()
            organization = row["organization"].strip() or None
            aliases = _split_aliases(row.get("aliases"))
            aliases += self._brand_aliases(name, organization, claimed)
            entry = Entry(
                "model", name, organization,
                family=(row.get("family") or "").strip() or None,
                aliases=tuple(aliases),
                not_after=tuple(_split_aliases(row.get("not_after"))),
            )
            self.models[entry.name] = entry
            self._add(entry)
        self._add_numbered_stems()
        # Longest alias first; on a tie (DeepSeek is a model and a company) the model wins,
        # because events are about models and a model knows its organisation.
        for candidates in self._index.values():
            candidates.sort(key=lambda item: (-len(item[0]), item[1].kind != "model"))
        # The same candidates by alias, and the alias lengths under each first two characters,
        # longest first: a place is tried with one lookup per length (a few), not one
        # comparison per alias (dozens under "ch" or "mi").
        self._by_alias: dict[str, list[tuple[str, Entry, _Label | None]]] = defaultdict(list)
        for candidates in self._index.values():
            for candidate in candidates:
                self._by_alias[candidate[0]].append(candidate)
        self._sizes = {first: tuple(sorted({len(key) for key, _, _ in candidates}, reverse=True))
                       for first, candidates in self._index.items()}
        # Jumping between characters that can start an alias skips most of a sentence in C.
        firsts = sorted({key[0] for key in self._index})
        self._starts = re.compile("[" + "".join(re.escape(c) for c in firsts) + "]")

    def _brand_aliases(self, name: str, organization: str | None, claimed: set[str]) -> list[str]:
        """For a model whose bare brand is an ordinary word (百灵大模型, 快意大模型), the brand
        right after its developer's name is unambiguous: 蚂蚁百灵, 快手快意, vivo蓝心."""
        brand = name.removesuffix(_MODEL_NOUN)
        org = self.organizations.get(organization or "")
        if brand == name or len(brand) < 2 or org is None:
            return []
        made = [f"{alias}{brand}" for alias in (org.name, *org.aliases)]
        return [alias for alias in made if simplify(alias).casefold() not in claimed]

    def flagship(self, organization: str) -> Entry | None:
        """The organisation's only general-purpose model, if it has exactly one."""
        if self._flagships is None:
            general: dict[str, list[Entry]] = defaultdict(list)
            for model in self.models.values():
                if model.family == "general" and model.organization:
                    general[model.organization].append(model)
            self._flagships = {org: found[0] for org, found in general.items() if len(found) == 1}
        return self._flagships.get(organization)

    @classmethod
    def load(cls, seeds: Path = SEEDS_DIR) -> Gazetteer:
        return cls(_read_rows(seeds / "models.csv"), _read_rows(seeds / "organizations.csv"))

    def lookup(self, name: str) -> Entry | None:
        """The entry one of whose names is exactly `name` (any script or case), if any."""
        return self._exact.get(simplify(name).casefold())

    def _add(self, entry: Entry) -> None:
        keys = [simplify(name).casefold() for name in (entry.name, *entry.aliases)]
        for key in filter(None, keys):
            self._index[key[:2]].append((key, entry, _label_span(key, keys)))
            if entry.kind == "model":
                self._add_to_families(entry, key, keys)
            # Models win exact lookups too (DeepSeek is a model and a company).
            if key not in self._exact or entry.kind == "model":
                self._exact[key] = entry

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches in `text` (already simplified), leftmost-longest."""
        folded = casefold_in_place(text)
        matches: list[Match] = []
        resume, last_end = 0, -1  # (where the last match ended: no match starts before)
        index = self._index
        for found in self._starts.finditer(folded):  # (one scan: C jumps between candidates)
            position = found.start()
            if position < resume:
                continue
            if folded[position : position + 2] not in index and found.group() not in index:
                continue  # (most characters that can start an alias start none here)
            match = self._match_at(folded, position, last_end)
            if match is None:
                continue
            key, entry, label = match
            end = position + len(key)
            version = None
            family = self._lettered_family(text, key, entry, end)
            if family is not None:
                entry, version, end = family
                if entry is None:  # a new member of a family of models: discovery names it
                    continue
            elif label is _NUMBERED_STEM:  # 海螺03: the stem's letter and the number
                number = _STEM_NUMBER.match(text, end)
                assert number is not None  # (_match_at took the stem for the number after it)
                letter = _STEM_LETTER.search(key)
                version = (text[position + letter.start(1)] if letter else "") + number.group(1)
                end = number.end()
            elif entry.kind == "model":
                version, end = _version_at(text, position, end, label)
            matches.append(Match(entry, position, end, text[position:end], version))
            resume = last_end = end
        return matches

    def _add_to_families(self, entry: Entry, key: str, keys: list[str]) -> None:
        """Files model name `key` (one of `keys`, the canonical first) in its lettered family
        (minimax-m1) and its numbered one (海螺02)."""
        if lettered := _LETTERED_NAME.fullmatch(key):
            stem_and_letter = (lettered[1], lettered[2])
            self._lettered[stem_and_letter].add(entry.name)
            if key == keys[0]:
                self._lettered_canonical.add(stem_and_letter)
        if numbered := _NUMBERED_NAME.fullmatch(key):
            stem = numbered.group(1)
            self._numbered[stem].add(entry.name)
            if _NUMBERED_NAME.fullmatch(keys[0]) or any(
                    stem.startswith(k) for k in keys if len(k) < len(stem)):
                self._numbered_own.add(stem)  # (GO-1, Genie 3: a number names a model of its own)

    def _add_numbered_stems(self) -> None:
        """The stem of a numbered family of one model's aliases matches before another number:
        海螺03 is 海螺AI 03 as 海螺02 is, 可图3.0 is Kolors 3.0. Not a stem a shorter name of the
        model opens (claude opus: claude reads its own versions), an edition word (opus 4), a
        short Latin word (nova, sam), nor a family whose numbers name models of their own (gpt-3,
        gpt-4; a model named with its number: Genie 3)."""
        for stem, names in self._numbered.items():
            if len(names) > 1 or stem in self._numbered_own or stem in self._exact or (
                    len(stem) < 2 or _EDITION.fullmatch(stem) or not stem[-1].isalpha()
                    or stem.isascii() and len(stem) < 5):
                continue  # (short Latin stems are words too: 华为nova 14 is a phone)
            entry = self.models[next(iter(names))]
            self._index[stem[:2]].append((stem, entry, _NUMBERED_STEM))

    def _lettered_family(
        self, text: str, key: str, entry: Entry, end: int
    ) -> tuple[Entry | None, str, int] | None:
        """A lettered label after a stem that names another entry's models (key `key`, matched
        as `entry`): the one model whose other names the family are, with the label for its
        version (MiniMax-M3 is abab, as MiniMax-M1 and -M2 are), or no entry where the family
        are models of their own (Baichuan-M4 is new, as Baichuan-M1 to -M3 are rows)."""
        after = _LETTERED_AFTER.match(text, end)
        if after is None:
            return None
        family = (key, after.group(2).casefold())
        names = self._lettered.get(family)
        if not names or entry.name in names:
            return None
        if len(names) == 1 and family not in self._lettered_canonical:
            return self.models[next(iter(names))], after.group(1), after.end()
        return None, after.group(1), after.end()

    def _match_at(self, folded: str, position: int, last_end: int):
        sizes = self._sizes.get(folded[position : position + 2], ())
        if folded[position] in self._sizes:  # one-character aliases come last: they are shortest
            sizes += (1,)
        by_alias, left = self._by_alias, len(folded) - position
        for size in sizes:
            if size > left:
                continue
            for key, entry, label in by_alias.get(folded[position : position + size], ()):
                if _LATIN.match(key[0]) and position > 0 and position != last_end:
                    if _LATIN.match(folded[position - 1]):
                        continue
                if entry.not_after and folded[:position].endswith(entry.not_after):
                    continue
                end = position + len(key)
                if label is _NUMBERED_STEM:  # (the number after it is never a Latin letter)
                    if _STEM_NUMBER.match(folded, end):
                        return key, entry, label
                    continue
                if _LATIN.match(key[-1]) and end < len(folded):
                    following = folded[end : end + 2]
                    glued = _LATIN.match(following[0]) and self._match_at(folded, end, end)
                    # (a point release of the alias's own label is its version: minimax-m2 .1)
                    own_label_ends = label is not None and label[1] == len(key)
                    if (re.match(r"[.]\d", following) and not own_label_ends) or (
                        _LATIN.match(following[0]) and not glued
                        and not (_GLUED_VERSION.match(folded, end) and _WORD.fullmatch(key))
                    ):  # (a version glued to a long name is its version: XuanYuan3-70B)
                        continue
                return key, entry, label
        return None


class _Label(NamedTuple):
    """Where in an alias its version label sits; `word`: a Latin word the alias adds to a
    shorter name (o3-pro, mistral medium), a version only as an edition or before a number."""

    start: int
    end: int
    word: bool = False


# The label of a numbered family's stem: a number must follow it (see _add_numbered_stems).
_NUMBERED_STEM = _Label(-1, -1)


def _label_span(key: str, keys: list[str]) -> _Label | None:
    """Where in alias `key` its version label sits (deepseek-v3 → v3), or None.

    The label is what the alias adds to a shorter name of the same entry (文心大模型4.0 over
    文心大模型; glm-4-plus over glm, not over glm-4, whose addition "plus" has no digit), else
    a number inserted into another name of it (qwen2.5-coder over qwen-coder), else its
    trailing number (minimax-01). A size (yi-34b), a word that is not Latin (kimi智能助手) or a
    variant (step-video-t2v) is no version, nor is a number the canonical name itself carries
    (gpt-4, 360智脑). A shorter name never splits a number (qwen2 | .5). A Latin word the alias
    adds (o3-pro, mistral medium) is a `word` label. A numbered shorter name's number opens the
    label (源2.0-m32 → 2.0-m32), and an alias that is a longer one without the canonical name
    is all label (haiku 4.5, as claude haiku 4.5).
    """
    canonical = keys[0]
    if key == canonical:
        return None
    for number in _INNER_NUMBER.finditer(key):
        if key[: number.start()] + key[number.end() :] in keys:
            # qwen2.5-coder is qwen-coder 2.5; but qwen2.5-max is qwen 2.5-max, an edition
            edition = _EDITION.fullmatch(key, number.end())
            return _Label(number.start(), edition.end() if edition else number.end())
    prefixes = sorted(
        (k for k in keys if k and len(k) < len(key) and key.startswith(k)
         and not (k[-1].isdigit() and key[len(k)] in ".0123456789")),
        key=len, reverse=True,
    )
    for at, prefix in enumerate(prefixes):
        span = _trim(key, len(prefix))
        if span is not None:
            # a word the shorter name added opens the version: mistral large 2 over mistral
            # large (over mistral) is "large 2", as Mistral Large written before a 2 is
            word = next((w for shorter in prefixes[at + 1 :]
                         if (w := _ADDED_WORD.fullmatch(prefix, len(shorter)))), None)
            if word:
                return _Label(word.start(1), span.end)
            # a numbered shorter name's number opens the version: 源2.0-M32 over 源2.0 (over 源)
            # is "2.0-M32"
            inner = _label_span(prefix, keys) if prefix[-1].isdigit() else None
            if inner is not None and not inner.word and inner.end == len(prefix):
                return _Label(inner.start, span.end)
            return span
    if prefixes:
        word = _ADDED_WORD.fullmatch(key, len(prefixes[0]))
        return _Label(*word.span(1), word=True) if word else None
    own = _TRAILING_NUMBER.search(key)
    if not own or key[0].isdigit():
        return None
    if f"{canonical} {key}" in keys:
        # the longer alias without its canonical name is all version: haiku 4.5 is claude
        # haiku 4.5, whose version is "haiku 4.5"
        return _trim(key, 0)
    base = _TRAILING_NUMBER.search(canonical)
    if base and base.group(1) == own.group(1):
        return None
    start = own.start()
    if start >= 2 and key[start - 1].isalpha() and key[start - 2] in " -_":
        start -= 1  # minimax-m1 → m1, as written
    return _trim(key, start)


def _trim(key: str, start: int) -> _Label | None:
    """key[start:] without separators and a closing size, if it holds a digit."""
    end = len(key)
    size = _SIZE_SUFFIX.search(key, start)
    if size:
        end = size.start()
    while start < end and key[start] in _LABEL_STRIP:
        start += 1
    while end > start and key[end - 1] in _LABEL_STRIP:
        end -= 1
    label = key[start:end]
    if not any(c.isdigit() for c in label) or (
            _VARIANT.fullmatch(label) and not _ACTIVE_PARAMETERS.fullmatch(label)):
        return None
    return _Label(start, end)


def version_after_quote(text: str, end: int) -> tuple[str, int] | None:
    """The version right after the closing quote at text[end] of a quoted name, and where it
    ends: “大瓦特”2.0, “星河”V3."""
    if text[end : end + 1] not in CLOSING_QUOTES:
        return None
    found = _QUOTED_VERSION.match(text, end + 1)
    return (found.group(1), found.end()) if found else None


def _version_at(
    text: str, start: int, end: int, label: _Label | None
) -> tuple[str | None, int]:
    """The version of the model matched at text[start:end] and where the match ends.

    The alias's own label (文心大模型4.0) or a number right after it (通义千问 2.5, 星火V3.0,
    Baichuan 4), either extended by an edition word (4.0 Turbo, 1.5 Pro). A word the alias
    adds opens the version (Mistral Medium 3 → Medium 3), or is the version where it is an
    edition (o3-pro → pro).
    """
    version = None
    if label is not None and label.word:
        word = text[start + label.start : start + label.end]
        version, end = _version_at(text, start, end, None)
        if version is not None:
            return f"{word} {version}", end
        return (word if word.casefold() == _TIER_WORD else None), end
    if label is not None:
        version = text[start + label[0] : start + label[1]]
        if point := _POINT_RELEASE.match(text, end):  # MiniMax-M2.1
            version, end = version + point.group(), point.end()
    else:
        match = _VERSION.match(text, end)
        quoted = start and text[start - 1] in OPENING_QUOTES and version_after_quote(text, end)
        if quoted:  # (a version after the quoted name: “大瓦特”2.0)
            version, end = quoted
        elif match and ("." in match.group(1) or match.group(0).lstrip(" -")[:1] in "vV"):
            version, end = match.group(1), match.end()
        elif lettered := _LETTER_VERSION.match(text, end):
            version, end = lettered.group(1), lettered.end()
        elif text[end - 1 : end].isascii() and text[end - 1 : end].isalpha() and (
            generation := _GENERATION.match(text, end)
        ):
            version, end = generation.group(1), generation.end()
        elif edition_first := _EDITION_FIRST.match(text, end):
            version = f"{edition_first.group(1)} {edition_first.group(2)}"
            end = edition_first.end()
        elif dated := _SNAPSHOT_ALONE.match(text, end):  # Qwen-Image-2512
            version, end = dated.group(1), dated.end()
    if version is not None:
        if snapshot := _SNAPSHOT.match(text, end):
            version, end = f"{version}-{snapshot.group(1)}", snapshot.end()
        edition = _EDITION.match(text, end) or _JOINED_EDITION.match(text, end)
        if edition and edition.group(1).casefold() == _EARLY_BUILD:
            end = edition.end()  # (an early build of the version is that version: Wan2.5-preview)
        elif edition:
            version, end = f"{version} {edition.group(1)}", edition.end()
            # (and a second one joined to it: Gemini 2.5 Flash-Lite)
            if text.startswith("-", end) and (second := _EDITION.match(text, end)):
                version, end = f"{version}-{second.group(1)}", second.end()
    return version, end
