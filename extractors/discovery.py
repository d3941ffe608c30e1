"""Names of models the gazetteer lacks: “X”大模型, …大模型——“X”, YonGPT, Orion-14B, 容联云X大模型.

The patterns and stop-lists are data (seeds/discovery.toml). `discover_models` returns the
candidates of one simplified text, leftmost first, without those the gazetteer already
knows; events.py turns a candidate into a model mention only where an event cue makes it
one, with `model_status="discovered"`, so a brand-new model that is filed still raises a
filing alert.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from extractors import SEEDS_DIR
from extractors.gazetteer import OPENING_QUOTES, version_after_quote
from extractors.normalize import simplify
from extractors.prefilter import MAX_LITERALS, ScanGroup, necessary_literal_sets

if TYPE_CHECKING:
    from extractors.gazetteer import Gazetteer, Match

DEFAULT_DISCOVERY_PATH = SEEDS_DIR / "discovery.toml"
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
_HAS_LATIN = re.compile(r"[A-Za-z]")
_NOT_CJK = re.compile(r"[^\u4e00-\u9fff]+")
_MODEL_NOUN = "大模型"
# A model noun and a quoted name right after a candidate: the candidate describes that name.
_NAMED_AFTER = re.compile(r"(?:大模型|大语言模型|模型)[“\"「『]")
_MODEL_NOUN_TAIL = "模型"
# A product's own word after a model's name: a capitalised word with a capital inside (UniPic).
_PRODUCT_WORD = re.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]*")
# …or a word of its own joined by a hyphen: LongCat-Image (not an edition: Qwen-Max).
_HYPHEN_WORD = re.compile(r"-([A-Z][a-z]{2,})(?![A-Za-z])")
# …or a code of its own: Step-1X (not a size: Qwen-72B, Kimi-128K).
_HYPHEN_CODE = re.compile(r"-\d+[AC-JL-SU-Z]")
# …or, in a name all in lower case, words of its own joined by hyphens: grok-code-fast-1.
_SLUG_REST = re.compile(r"(?:-[a-z0-9]+(?:\.\d+)?)+")
_SLUG_WORD = re.compile(r"[a-z]{2,}")
_LEGAL_NAME = re.compile(r"有限(?:责任)?公司$")
# What opens a list before its first owner: "新增备案的是广州某某科技有限公司的“X”", "新增备案的
# 服务包括北京某某科技有限公司的“X”".
_LIST_OPENING = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,8}?的(?:[\u4e00-\u9fff]{1,4}?(?:包括|包含|涵盖|中有)|是|为|有)"
    r"|[\u4e00-\u9fff]{1,10}?(?:包括|包含|涵盖)"
    # (a region's part of a list: "浙江地区则有杭州某某科技有限公司的“X”")
    r"|[\u4e00-\u9fff]{2,6}?(?:地区|省|市)(?:则|还|也)?有)")
# The endings of a company's or institution's full name, which no prose is: 新希望集团,
# 四川智慧蓉城运行中心, 穆罕默德·本·扎耶德人工智能大学.
_FULL_NAME_ENDINGS = ("公司", "集团", "中心", "研究院", "研究所", "实验室", "大学", "学院", "医院")
_QUOTE_MARKS = re.compile(r"[“”\"「」『』\s]")
_QUOTED_PART = re.compile(r"[“”\"「」『』]")


@dataclass(frozen=True)
class Pattern:
    kind: str  # quoted | appositive | latin | org_prefix | modified | app | service
    regex: re.Pattern[str]
    strip_generic: bool = False  # drop generic words closing the name (赤兔金融 → 赤兔)
    needs: tuple[str, ...] = ()  # one of these is in every match: else no need to search
    # The name is the value of a labelled field (服务名称：X): all of it is the name, model
    # nouns and gazetteer names inside included (服务名称：可灵数字人, 服务名称：极佳世界模型).
    field: bool = False
    # The match's end delimits the name (a list item's end), so it may end with a model noun:
    # "3. 北京极佳视界科技有限公司，极佳世界模型；" (a gazetteer name inside still wins).
    delimited: bool = False
    # More sets of which every match holds one each, read off the regex (see prefilter.py):
    # most sentences name a model noun, few also a "旗下" or a hyphen.
    also_needs: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class DiscoveryRules:
    patterns: tuple[Pattern, ...]
    min_chars: int
    max_cjk_chars: int
    max_quoted_cjk_chars: int  # a name between quotes is delimited: it may be longer
    max_chars: int
    generic: frozenset[str]
    stop_names: frozenset[str]
    bad_starts: tuple[str, ...]
    quoted_bad_starts: tuple[str, ...]
    bad_ends: tuple[str, ...]
    feature_ends: tuple[str, ...]
    owner_bad_ends: tuple[str, ...]
    bad_chars: frozenset[str]
    bad_word: re.Pattern[str]  # any of [stop] bad_words (one search, not a loop over them)
    version_like: re.Pattern[str]
    appositive_not_after: tuple[str, ...]
    delimiting_verbs: re.Pattern[str]  # a release verb closing the text before a name
    longest_generic: int
    scans: ScanGroup[Pattern]  # the patterns with their prefilters

    @classmethod
    def load(cls, path: str | Path = DEFAULT_DISCOVERY_PATH) -> DiscoveryRules:
        with Path(path).open("rb") as handle:
            raw = tomllib.load(handle)
        kinds = {"quoted", "appositive", "latin", "org_prefix", "modified", "app", "service"}
        patterns = []
        shapes = raw.get("shapes", {})
        for spec in raw["patterns"]:
            if spec["kind"] not in kinds:
                raise ValueError(f"{path}: unknown pattern kind {spec['kind']!r}")
            source = spec["regex"]
            for shape, spelled in shapes.items():  # (not str.format: regexes hold {2,8})
                source = source.replace("{" + shape + "}", spelled)
            regex = re.compile(source)
            if "name" not in regex.groupindex:
                raise ValueError(f"{path}: pattern {source!r} has no (?P<name>…) group")
            strip = bool(spec.get("strip_generic", spec["kind"] == "org_prefix"))
            needs = tuple(spec.get("needs", []))
            if any(word not in source for word in needs):
                raise ValueError(f"{path}: pattern {source!r} does not spell {needs}")
            also_needs = tuple(
                tuple(sorted(words)) for words in necessary_literal_sets(regex, casefold=False)
                if len(words) <= MAX_LITERALS and words != set(needs))
            patterns.append(Pattern(spec["kind"], regex, strip, needs, bool(spec.get("field")),
                                    bool(spec.get("delimited")), also_needs))
        stop, names = raw["stop"], raw["names"]
        generic = frozenset(simplify(word) for word in stop["generic"])
        return cls(
            patterns=tuple(patterns),
            min_chars=int(names["min_chars"]),
            max_cjk_chars=int(names["max_cjk_chars"]),
            max_quoted_cjk_chars=int(names.get("max_quoted_cjk_chars", names["max_cjk_chars"])),
            max_chars=int(names["max_chars"]),
            generic=generic,
            stop_names=frozenset(simplify(name).casefold() for name in stop["names"]),
            bad_starts=tuple(stop["bad_starts"]),
            quoted_bad_starts=tuple(stop["quoted_bad_starts"]),
            bad_ends=tuple(stop["bad_ends"]),
            feature_ends=tuple(stop.get("feature_ends", [])),
            owner_bad_ends=tuple(stop["owner_bad_ends"]),
            bad_chars=frozenset(stop["bad_chars"]),
            bad_word=re.compile("|".join(map(re.escape, stop["bad_words"])) or r"(?!x)x"),
            version_like=re.compile(stop["version_like"]),
            appositive_not_after=tuple(raw["appositive_not_after"]["words"]),
            delimiting_verbs=re.compile(
                "(?:" + "|".join(map(re.escape, raw["delimiting_verbs"]["words"])) + r")了?\s?$"),
            longest_generic=max(map(len, generic)),
            scans=ScanGroup(patterns),
        )


@lru_cache(maxsize=1)
def default_rules() -> DiscoveryRules:
    return DiscoveryRules.load()


@dataclass(frozen=True)
class Discovery:
    """One candidate model name in a text; offsets are those of the name (and version)."""

    name: str  # as the model would be stored: 赤兔, YonGPT, Orion-14B
    start: int
    end: int
    surface: str
    kind: str
    version: str | None = None
    organization: str | None = None  # for org_prefix names and owners named before a service
    # The gazetteer model a quoted spelling stands for, which the matcher cannot see across
    # the quotes: “子曰”教育大模型 → 子曰大模型.
    known: str | None = None
    phrase: str = ""  # the whole quoted match (“子曰”教育大模型), for resolving it
    field: bool = False  # the value of a labelled field (see Pattern.field)


def discover_models(
    text: str,
    gazetteer: Gazetteer | None = None,
    rules: DiscoveryRules | None = None,
    known: list[Match] | None = None,
) -> list[Discovery]:
    """Candidate model names in simplified `text` that the gazetteer does not know.

    With a gazetteer, names overlapping a gazetteer model are dropped (the gazetteer wins),
    names written inside an organisation's name keep the whole name (阅文妙笔), and names
    right after an organisation (容联云赤兔大模型) are found and attributed to it. `known`
    passes the gazetteer matches of `text` when the caller already has them.
    """
    rules = rules or default_rules()
    if known is None:
        known = gazetteer.find(text) if gazetteer is not None else []
    candidates: list[Discovery] = []
    for pattern in rules.scans.runnable(text)[0]:
        if pattern.kind == "org_prefix":
            for org in (m for m in known if m.entry.kind == "organization"):
                match = pattern.regex.match(text, org.end)
                if match:
                    found = _candidate(match, pattern.kind, text, rules, pattern.strip_generic)
                    if found is not None:
                        candidates.append(_with_org(found, org.entry.name))
            continue
        for match in pattern.regex.finditer(text):
            if pattern.kind == "appositive" and _after_quantifier(text, match, rules):
                continue
            found = _candidate(match, pattern.kind, text, rules, pattern.strip_generic,
                               pattern.field, pattern.delimited)
            if found is not None:
                candidates.append(found)
    models = [m for m in known if m.entry.kind == "model"]
    kept: list[Discovery] = []
    # (of two candidates with one span, the one that names its owner)
    ordered = sorted(candidates, key=lambda d: (d.start, d.start - d.end, not d.organization))
    for found in ordered:
        if kept and found.start < kept[-1].end:
            continue  # overlaps an earlier, longer candidate
        if _NAMED_AFTER.match(text, found.end) and found.start > 0 and (
                text[found.start - 1] not in OPENING_QUOTES) and found.kind != "org_prefix":
            continue  # "全球中期天气预报大模型“风清”": what the quoted name after it is
        inside = [m for m in models if found.start < m.end and m.start < found.end]
        if inside and not (found.field and "·" not in found.surface) and not _names_more(
            found, inside, text, rules
        ):  # (a field's value is all name, but 悟界·Emu3 is a series and a known model)
            continue  # the gazetteer knows this model
        if found.field and _owner_and_model(found, inside, known, text, rules):
            continue  # "服务名称：元象XVERSE大模型": its owner's short name and a known model
        if inside and found.organization is None and inside[0].start == found.start and (
            inside[0].entry.organization
        ):  # "Qwen Code", "Kimi-Researcher": named after the company's model, owned by it
            # (not "WiNEX Copilot")
            found = _with_org(found, inside[0].entry.organization)
        if gazetteer is not None:
            entry = gazetteer.lookup(found.name)
            if entry is not None and entry.kind == "organization" and text.startswith(
                _MODEL_NOUN, found.end
            ):  # "服务名称：猎户星空大模型": a model named after its company
                named = gazetteer.lookup(found.name + _MODEL_NOUN)
                if named is not None and named.kind == "model":
                    continue  # (one the gazetteer knows by that name: 小米大模型 is MiLM)
                found = replace(found, name=found.name + _MODEL_NOUN, organization=entry.name)
            elif entry is not None:
                continue
            found = _resolved(found, gazetteer)
            if found.organization and found.kind != "org_prefix":
                owner = _known_owner(found.organization, gazetteer)
                found = _with_org(found, owner or found.organization)
            if found.known is None and found.organization:
                # "华为终端有限公司的“小艺”": the gazetteer knows it by its owner's name and
                # its own (华为小艺)
                entry = gazetteer.lookup(found.organization + found.name)
                if entry is not None and entry.kind == "model":
                    found = replace(found, known=entry.name)
        kept.append(found)
    return kept


def is_legal_name(name: str) -> bool:
    """Whether `name` is a company's registered name (北京某某科技有限公司)."""
    return _LEGAL_NAME.search(name) is not None


def is_full_name(name: str) -> bool:
    """Whether `name` is a company's or institution's full name (新希望集团, …有限公司)."""
    return len(name) > 2 and name.endswith(_FULL_NAME_ENDINGS)


def _known_owner(name: str, gazetteer: Gazetteer) -> str | None:
    """The gazetteer's organisation for an owner written in a list: an alias (阿里 → 阿里巴巴),
    a model standing for its developer, or the organisation a legal name holds (北京百度网讯科技
    有限公司 → 百度)."""
    entry = gazetteer.lookup(name)
    if entry is None and is_legal_name(name):
        entry = next((m.entry for m in gazetteer.find(name) if m.entry.kind == "organization"),
                     None)
    if entry is None:
        return None
    return entry.name if entry.kind == "organization" else entry.organization


def _candidate(
    match: re.Match[str], kind: str, text: str, rules: DiscoveryRules, strip_generic: bool,
    field: bool = False, delimited: bool = False,
) -> Discovery | None:
    start, end = match.span("name")
    name = match["name"].strip()
    if strip_generic:
        name = _strip_generic_tail(name, rules)
        end = start + len(name)
    if field:  # (a quoted part of a cell's name is the name: "2｜“粤省事”AI助手｜…")
        name = _QUOTED_PART.sub("", name)
    # (delimited as quotes delimit it: by a field's label or a list item's end)
    quoted = field or delimited or start > 0 and text[start - 1] in OPENING_QUOTES
    if not _is_name(name, rules, quoted, field or delimited):
        return None
    version = match.groupdict().get("version")
    if version:
        end = match.end("version")
    elif quoted and (after := version_after_quote(text, end)):
        version, end = after  # “星河”2.0大模型
    owner = match.groupdict().get("brand") or match.groupdict().get("owner")
    if owner and is_legal_name(owner):
        owner = _LIST_OPENING.sub("", owner, 1)
    if owner and rules.bad_word.search(owner):
        return None  # "AI大模型正“飞入”百姓家": prose ran into a quote, no list item
    bad_starts = rules.quoted_bad_starts if is_full_name(owner or "") else rules.bad_starts
    if owner and (owner.startswith(bad_starts) or is_generic(owner, rules)
                  or owner.endswith(rules.owner_bad_ends)):
        owner = None  # "包括某银行“金睛”": no owner by name (but 新希望集团 is one)
    return Discovery(name, start, end, text[start:end], kind, version or None,
                     organization=owner or None,
                     phrase=match.group() if kind == "quoted" else "", field=field)


def _names_more(found: Discovery, inside: list[Match], text: str, rules: DiscoveryRules) -> bool:
    """Whether a delimited name (between quotes, an app after its noun, a name after a model
    noun) holding gazetteer models names something else: “豆包爱学”, 医护智能助手WiNEX Copilot,
    Agent产品Kimi-Researcher, 多模态模型Skywork UniPic (but “讯飞星火认知大模型”, “豆包App”,
    “混元Large” and 模型Kimi K2 only add generic words, an edition or a version)."""
    after_noun = text[: found.start].rstrip().endswith(_MODEL_NOUN_TAIL) or bool(
        rules.delimiting_verbs.search(text, max(0, found.start - 4), found.start))
    delimited = found.kind in ("app", "service") or after_noun or (
        found.start > 0 and text[found.start - 1] in OPENING_QUOTES)
    if not delimited or any(m.start < found.start or m.end > found.end for m in inside):
        return False
    if len({m.entry.organization for m in inside}) > 1:
        return True  # “通义百聆”: not two companies' models at once (通义, 百聆) but a new name
    if after_noun and found.kind not in ("app", "service"):
        # After a model noun only a product name of its own after the model's counts
        # (Skywork UniPic, LongCat-Image, Step-1X, not ERNIE Speed, Qwen-Max or ChatGLM2-6B)
        first = min(inside, key=lambda m: m.start)
        rest = found.surface[first.end - found.start :].strip()
        return first.start == found.start and (
            bool(_PRODUCT_WORD.fullmatch(rest)) or bool(_HYPHEN_CODE.fullmatch(rest))
            or (word := joined_word(rest, 0, rules)) is not None and word.end() == len(rest)
            or found.surface.islower() and bool(_SLUG_REST.fullmatch(rest)) and any(
                word.capitalize() not in rules.generic and word not in rules.generic
                for word in _SLUG_WORD.findall(rest)))
    rest = found.surface
    for model in sorted(inside, key=lambda m: m.start, reverse=True):
        start, end = model.start - found.start, model.end - found.start
        if "·" in (rest[start - 1 : start] + rest[end : end + 1]):
            return False  # 悟界·Emu3: a series name and the model, which the gazetteer knows
        rest = rest[:start] + rest[end:]
    rest = rest.strip(" -_")
    return bool(rest) and not is_generic(rest, rules) and not rules.version_like.match(rest)


def joined_word(text: str, at: int, rules: DiscoveryRules) -> re.Match[str] | None:
    """A word of its own joined by a hyphen at `at` to a name before it, its group 1 the word:
    "-Image" in LongCat-Image, "-Audio" in MiMo-Audio (not an edition: Qwen-Max)."""
    word = _HYPHEN_WORD.match(text, at)
    return word if word is not None and not is_generic(word.group(1), rules) else None


def _owner_and_model(
    found: Discovery, inside: list[Match], known: list[Match], text: str, rules: DiscoveryRules
) -> bool:
    """Whether `found` is only an organisation's name and then one gazetteer model (with
    generic words at most)."""
    if len(inside) != 1:
        return False
    model = inside[0]
    owner = next((m for m in known if m.entry.kind == "organization"
                  and m.start == found.start and m.end == model.start), None)
    rest = text[model.end : found.end].strip()
    return owner is not None and (not rest or is_generic(rest, rules))


def _resolved(found: Discovery, gazetteer: Gazetteer) -> Discovery:
    """The candidate marked with the gazetteer model that its name plus its model noun (the
    whole quoted phrase without quotes) spells, if any."""
    spellings = (found.name + "大模型", _QUOTE_MARKS.sub("", found.phrase))
    for spelling in spellings:
        entry = gazetteer.lookup(spelling) if spelling else None
        if entry is not None and entry.kind == "model":
            return replace(found, known=entry.name)
    return found


def _with_org(found: Discovery, organization: str) -> Discovery:
    return replace(found, organization=organization)


def _after_quantifier(text: str, match: re.Match[str], rules: DiscoveryRules) -> bool:
    before = text[max(0, match.start() - 3) : match.start()]
    return before.endswith(rules.appositive_not_after)


def _is_name(
    name: str, rules: DiscoveryRules, quoted: bool = False, delimited: bool = False
) -> bool:
    if not rules.min_chars <= len(name) <= rules.max_chars:
        return False
    if name.casefold() in rules.stop_names or rules.version_like.match(name):
        return False
    cjk_part = _NOT_CJK.sub("", name)
    # (a field's value may end with 模型: 服务名称：极佳世界模型)
    wording = cjk_part.removesuffix(_MODEL_NOUN_TAIL) if delimited else cjk_part
    if rules.bad_word.search(wording):
        return False
    # (grammar words at a name's edges are prose running into a model noun; quotes delimit a
    # name, so there only a few are: “个推AI助手” is a name, “一个令人惊叹的新模型” none)
    bad_starts = rules.quoted_bad_starts if quoted else rules.bad_starts
    if _CJK.match(name):
        if len(name) > (rules.max_quoted_cjk_chars if quoted else rules.max_cjk_chars):
            return False
        if name.startswith(bad_starts) or not quoted and name.endswith(rules.bad_ends) or (
                name.endswith(rules.feature_ends)):
            return False
        return not is_generic(name, rules)
    if not _HAS_LATIN.search(name) and not name[:1].isalpha():
        return False  # digits and punctuation only (a Greek name is one: π0)
    if name in rules.generic:
        return False  # an edition alone: "通用模型Pro、通用模型Lite"
    return not (cjk_part.startswith(bad_starts) and cjk_part) and (
        quoted or not rules.bad_chars.intersection(cjk_part))


def is_generic(name: str, rules: DiscoveryRules) -> bool:
    """Whether `name` is a concatenation of generic words (医疗行业, 人工智能): no name."""
    reachable = [True] + [False] * len(name)
    for end in range(1, len(name) + 1):
        for size in range(1, min(end, rules.longest_generic) + 1):
            if reachable[end - size] and name[end - size : end] in rules.generic:
                reachable[end] = True
                break
    return reachable[-1]


def _strip_generic_tail(name: str, rules: DiscoveryRules) -> str:
    """赤兔金融 → 赤兔: descriptive words between a name and 大模型 are not the name."""
    changed = True
    while changed and name:
        changed = False
        for size in range(min(len(name) - 1, rules.longest_generic), 0, -1):
            if name[-size:] in rules.generic:
                name, changed = name[:-size], True
                break
    return name
