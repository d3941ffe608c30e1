"""Articles → event mentions: which model or organisation, which event, when, which batch.

Works sentence by sentence, clause by clause, on the article's simplified text (simplified
once per article; evidence sentences are cut from the original text at the same offsets).
A sentence holding none of the cue trigger words (seeds/event_cues.toml) is skipped
outright. In the others, a clause holding a cue of an event type and models (gazetteer
matches, or names discovery found: extractors/discovery.py) becomes one mention per model,
unless the cue sits in a trap (ICP备案), is negated or planned (尚未, 将, 计划), or the
sentence is a question. Models named as a yardstick (对标ChatGPT, GPT-4级) are skipped.

Models reach a cue across clauses in four data-driven ways: an enumeration continuing the
previous cue clause ("…通过备案的大模型主要是…, 包括A、B"), a list closing a filing
clause ("…名单出炉, A、B均在列"), a subject in the clause before ("A、B等大模型, 近日均已
完成备案"), and a coordinated verb ("发布X, 并同步开源模型权重"). Dates come from the
cue's clause, else from earlier clauses of the sentence, else (当天, 这一批) from the
previous sentence, resolved against the publication date. Hands on `Mention` records whose
`event_id` is the merge key (see `_event_id`); merging them into events is the warehouse's job.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from calendar import monthrange
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

from extractors import SEEDS_DIR
from extractors.dates import resolve_event_date
from extractors.discovery import (
    DEFAULT_DISCOVERY_PATH,
    Discovery,
    DiscoveryRules,
    discover_models,
    is_full_name,
    is_generic,
    is_legal_name,
    joined_word,
)
from extractors.gazetteer import Entry, Gazetteer, Match
from extractors.normalize import casefold_in_place, simplify, stable_id
from extractors.prefilter import Scan, ScanGroup, scan, trie_pattern
from extractors.records import EVENT_TYPES, Article, EventDate, Mention

DEFAULT_CUES_PATH = SEEDS_DIR / "event_cues.toml"
MAX_EVIDENCE_CHARS = 400
# (a headline in brackets opening a text is a sentence of its own: "【Meta收购Manus】财联社12月30日
# 电，Meta当地时间周一宣布…": its event is the story's, dated by the story)
_SENTENCES = re.compile(
    r"^[ \t]*【[^】\n]{1,60}】(?=[ \t]*[^\s。！？!?；;])|[^。！？!?；;\n]+[。！？!?；;]?", re.M)
# A list opened by a colon whose items end in semicolons ("其中包括：中国电信“星辰”；快手
# “快意”；…。") is one sentence: each item alone names no event. Items this long or longer
# are sentences of their own.
_COLON = re.compile(r"[:：]")
_SEMICOLONS = ("；", ";")
_LIST_ITEM_CHARS = 80
# How many sentences back in its paragraph an undated mention looks for its scene's date.
_SCENE_SENTENCES = 4
# A line this short, without a comma but with a number, may be a heading that dates the lines
# after it: "2025.09.05", "即梦AI 更新日志（2025年9月9日）" (a changelog's or a timeline's
# section; its date is read only when a line after it needs one).
_DATED_HEADING_CHARS = 40
_HEADING = re.compile(r"[^,，。;；]*\d[^,，。;；]*")
# How far after 将 a model may start and still be its object ("将推理模型o3的API价格下调"),
# unless a time comes first ("将于下月…").
_DISPOSAL_GAP = 6
_VERB_START = 1  # a clause's verb opens it: "发布X", "并推出X" (after one character at most)
_TIME_MARKERS = ("于", "在", "从", "自")
# A line opening with an item number: "1.北京生数科技有限公司…", "（2）", "③", "二、".
_LIST_ITEM = re.compile(
    r"(?:\d{1,2}[.、．)）](?!\d)|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,2})[)）]|[①-⑳•·▲■●◆]"
    r"|[一二三四五六七八九十]{1,2}、)"
)
# A colon opening a list inside a clause: "…发布第二批登记信息, 新增登记服务2款：A的“X”".
_LIST_COLON = re.compile(r"[:：]")
# Colons stay inside a clause: "通过备案的大模型有:A、B" is one statement.
# (A semicolon inside a sentence parts the items of a colon-opened list: see _colon_lists.)
_CLAUSE_SEPARATORS = ",，;；"
_CLAUSES = re.compile(f"[^{_CLAUSE_SEPARATORS}]+")
_CLAUSE_BREAK = re.compile(f"[{_CLAUSE_SEPARATORS}]")
_ITEM_SEPARATORS = ";；"
_SNAPSHOT_VERSION = re.compile(r"-\d{4}$")
_COLUMN_LABEL = re.compile(r"【[^】]{1,12}】")
_HEADLINE = re.compile(r"\s*【[^】]+】\s*")
_HEADLINE_CHARS = 64
_LEDE_LINES = 3  # the lines after a headline that may hold the story's dateline
# A headline's launch of a model the story tells of too is the story's ("腾讯混元发布并开源
# HunyuanOCR" above "…正式发布并开源OCR专家模型HunyuanOCR": 混元 is the team)
_LAUNCH_TYPES = frozenset({"release", "upgrade", "open_source"})
_FULL_STOPS = ("。", "！", "？", "!", "?", "；", ";")
# A capital letter a pattern spells, once its escapes (\D) and group syntax (?P<…>) are gone.
_CAPITAL = re.compile(r"[A-Z]")
_DATELINE = re.compile(r"^[^,，。;；]{0,16}?\d{1,2}月\s?\d{1,2}\s?日(?:[电讯]|消息)")
# Latin words that may be a name an earlier sentence introduced (RoboNeo, KAT-V1, K2 Think)…
_LATIN_NAME = re.compile(
    r"(?<![A-Za-z0-9.\-])[A-Z][A-Za-z0-9]*(?:[.\-][A-Za-z0-9]+)*"
    r"(?:\s(?:[A-Z][A-Za-z0-9]*|[vV]\d+)(?:[.\-][A-Za-z0-9]+)*)*(?![A-Za-z0-9])")
# …or a quoted name ("“小高老师”")…
_QUOTED_NAME = re.compile(r"[“\"「『]([^“”\"「」『』,，。;；:：、]{2,12})[”\"」』]")
# …and the version right after it ("Cursor 2.0").
_VERSION_AFTER_NAME = re.compile(r"[\s\-]?[vV]?(\d+(?:\.\d+)+)(?![\d.%])")
# A sentence naming a new version right after 新版本/新模型, with no cue word of its own.
_NEW_VERSION_NAMED = re.compile(r"新(?:版本|模型)[:：]?\s?[A-Za-z]")
_REGEX_SYNTAX = re.compile(r"\\.|\(\?P[<=]")
# What stands between a company's name and the short name it is given in brackets.
_BRACKETS = "()（） "
_OPENING_BRACKETS = "(（"
# A cue that is a word, no pattern.
_PLAIN_WORD = re.compile(r"[\w\u4e00-\u9fff]+")
_SHORT_NAME = re.compile(r"[（(](?:以下简称|简称)?[“\"]?")
# What stands between a parent company and its subsidiary: "国药集团旗下国药数科".
_PARENT_OF = "旗下"
# The level a legal name's region may carry: "深圳市腾讯计算机系统有限公司".
_REGION_LEVELS = ("市", "省")
# The rest of a legal name closing a clause, around a known organisation: "杭州网易云音乐科技
# 有限公司，“网易云音乐AI DJ”" (its item's name is in the next clause).
_LEGAL_NAME_CLOSING = re.compile(r"[\u4e00-\u9fff]{0,12}?(?:股份)?有限(?:责任)?公司\s*")
_QUOTES = "“”\"'‘’「」『』《》 的"
_CLOSING_QUOTES = "”\"’」』"
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}
FILING_TYPES = frozenset({"filing", "registration"})
# A version label standing alone, not inside a longer name or number.
_BARE_LABEL = r"(?<![A-Za-z0-9.\-]){}(?![A-Za-z0-9.])"
_VERSION_SEPARATORS = re.compile(r"[\s\-_]+")
_TRAILING_ZEROS = re.compile(r"(?:\.0)+(?=$|\s)")


@dataclass(frozen=True)
class EventType:
    name: str
    rank: int  # position in the cue file: the lower wins overlapping cues
    triggers: tuple[str, ...]
    context_triggers: tuple[str, ...]
    cues: tuple[Scan, ...]
    traps: tuple[Scan, ...]
    sentence_traps: tuple[re.Pattern[str], ...] = ()
    context_cues: tuple[Scan, ...] = ()
    # Matched right after an accepted cue of one of `companion_of` ("发布新一代开源模型X":
    # 开源 as an adjective of a model being released); its group `cue` is the cue.
    companion: re.Pattern[str] | None = None
    companion_of: frozenset[str] = frozenset()
    # …or searched before it, up to it: "新一代开源模型Qwen2.5正式发布".
    companion_before: re.Pattern[str] | None = None
    # The cues and context cues, and the traps, with their prefilters (see prefilter.py)
    cue_scans: ScanGroup[Scan] = field(init=False, repr=False, compare=False)
    trap_scans: ScanGroup[Scan] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "cue_scans", ScanGroup(self.cues, self.context_cues))
        object.__setattr__(self, "trap_scans", ScanGroup(self.traps))


@dataclass(frozen=True)
class CueRules:
    types: tuple[EventType, ...]
    # Any trigger word of any type, and any context trigger, casefolded: matched on casefolded
    # text (normalize.casefold_in_place), case-sensitively, which is several times faster than
    # re.I. The sentence prefilter.
    triggers: re.Pattern[str]
    context_triggers: re.Pattern[str]
    trigger_types: dict[str, frozenset[str]]  # casefolded trigger word → its types
    # Each distinct sentence trap with the types it switches off (a trap several types share
    # runs once per sentence).
    sentence_traps: ScanGroup[_SentenceTrap]
    window: int
    # Negations and plans; non-modal words first, so that 未来 is read whole before 未 is found
    # in it.
    modal_words: re.Pattern[str]
    disposal_markers: tuple[str, ...]
    disposal_objects: tuple[str, ...]
    disposal_phrases: re.Pattern[str]
    plans_after: re.Pattern[str]
    scheduled: re.Pattern[str]
    announced_types: frozenset[str]
    announced: re.Pattern[str]
    announced_plans: tuple[str, ...]
    effective_date: re.Pattern[str]
    takes_effect: re.Pattern[str]
    agreement_signed: re.Pattern[str]
    agreement_signed_after: re.Pattern[str]
    announced_before: re.Pattern[str]
    attributive_after: re.Pattern[str]
    attributive_days: int
    aside_opening: re.Pattern[str]
    licence_before: re.Pattern[str]
    question_marks: re.Pattern[str]
    reference_prefixes: tuple[str, ...]
    reference_window: int
    channel_list_before: re.Pattern[str]
    channel_verb_before: re.Pattern[str]
    channel_after: re.Pattern[str]
    reference_verbs: re.Pattern[str]
    reference_suffixes: re.Pattern[str]
    enumeration_starts: tuple[str, ...]
    enumeration_ends: tuple[str, ...]
    list_separators: re.Pattern[str]
    list_openers: tuple[str, ...]
    continuation_starts: tuple[str, ...]
    list_tails: tuple[str, ...]
    collective_before: re.Pattern[str]
    organisation_types: frozenset[str]
    investor_markers: re.Pattern[str]
    target_markers: re.Pattern[str]
    acquired_markers: re.Pattern[str]
    acquired_back: tuple[str, ...]
    acquired_side: re.Pattern[str]
    cue_opening: re.Pattern[str]
    field_label: re.Pattern[str]
    company_names: tuple[re.Pattern[str], ...]
    company_bad_starts: tuple[str, ...]
    legal_name_described: re.Pattern[str]
    regulator_ends: tuple[str, ...]
    developed_after: re.Pattern[str]
    venue_after: re.Pattern[str]
    hosting_verbs: re.Pattern[str]
    model_subject: re.Pattern[str]
    announcing_end: re.Pattern[str]
    organisation_anaphors: tuple[str, ...]
    chained_starts: tuple[str, ...]
    sentence_chained_starts: tuple[str, ...]
    chained_types: frozenset[str]
    model_anaphors: re.Pattern[str]
    own_clause_model_anaphors: re.Pattern[str]
    commentary_starts: re.Pattern[str]
    # Lines of the page around the story that a crawler kept: related links, captions,
    # bylines (see [page_furniture])
    furniture_labels: re.Pattern[str]
    furniture_title: re.Pattern[str]
    follow_on_starts: re.Pattern[str]
    investor_verbs: tuple[str, ...]
    agent_types: frozenset[str]
    counted_subject: re.Pattern[str]
    acquired_passive: re.Pattern[str]
    anaphoric_target: re.Pattern[str]
    attribution_gap: int
    owner_before: re.Pattern[str]
    joint_connectors: frozenset[str]
    series_before_name: re.Pattern[str]
    joint_markers: tuple[str, ...]
    version_after_cue: re.Pattern[str]
    release_label: re.Pattern[str]
    version_after_model: re.Pattern[str]
    version_next_clause: re.Pattern[str]
    earlier_version: re.Pattern[str]
    version_opening_clause: re.Pattern[str]
    first_versions: frozenset[str]
    folded_editions: frozenset[str]
    date_traps: tuple[str, ...]
    periods: re.Pattern[str]
    background: re.Pattern[str]
    anaphors: tuple[str, ...]
    month_anaphors: tuple[str, ...]
    day_anaphors: tuple[str, ...]
    next_day: tuple[str, ...]
    days_later: re.Pattern[str]
    days_earlier: re.Pattern[str]
    scene_links: re.Pattern[str]
    vague_dates: re.Pattern[str]
    bound_vague: re.Pattern[str]
    reporting: re.Pattern[str]
    reported_again: re.Pattern[str]
    legal_regions: tuple[str, ...]
    subsidiary_markers: re.Pattern[str]
    former_staff_after: re.Pattern[str]
    legal_name_parts: re.Pattern[str]
    repeatable_types: frozenset[str]
    versioned_types: frozenset[str]
    recalled_after_days: dict[str, int]  # by event type
    recalled_before_lead_days: int
    batch_pattern: re.Pattern[str]
    batch_traps: tuple[re.Pattern[str], ...]
    inherit_article_batch: bool
    both_lists: re.Pattern[str]
    list_heading: re.Pattern[str]
    kind_cell: re.Pattern[str]
    list_opening: re.Pattern[str]
    discovery: DiscoveryRules | None = None

    @classmethod
    def load(
        cls,
        path: str | Path = DEFAULT_CUES_PATH,
        discovery_path: str | Path | None = DEFAULT_DISCOVERY_PATH,
    ) -> CueRules:
        """Cue rules from `path`; discovery rules too unless `discovery_path` is None."""
        with Path(path).open("rb") as handle:
            raw = tomllib.load(handle)
        types = []
        for rank, (name, spec) in enumerate(raw["types"].items()):
            if name not in EVENT_TYPES:
                raise ValueError(f"{path}: unknown event type {name!r}")
            triggers = tuple(spec["triggers"])
            context_triggers = tuple(spec.get("context_triggers", []))
            context_cues = list(spec.get("context_cues", []))
            if "list_context_other" in spec:  # filing and registration lists: shared cues
                shared = raw["list_context"]
                context_triggers += tuple(shared["triggers"])
                context_cues += [cue.replace("{other}", spec["list_context_other"])
                                 .replace("{item}", shared["item"]) for cue in shared["cues"]]
            for cues, words in ((spec["cues"], triggers), (context_cues, context_triggers)):
                for cue in cues:
                    if not any(word in cue for word in words):
                        raise ValueError(f"{path}: {name} cue {cue!r} holds none of {words}")
            types.append(
                EventType(
                    name, rank, triggers, context_triggers,
                    tuple(map(scan, _compile_cues(spec["cues"]))),
                    tuple(map(scan, _compile_folded(spec.get("traps", [])))),
                    _compile_all(_sentence_trap_sources(raw, spec)),
                    tuple(map(scan, _compile_folded(context_cues))),
                    re.compile(spec["companion"], re.I) if "companion" in spec else None,
                    frozenset(spec.get("companion_of", [])),
                    re.compile(spec["companion_before"], re.I)
                    if "companion_before" in spec else None,
                )
            )
        trigger_types: dict[str, set[str]] = {}
        for spec in types:
            for word in (*spec.triggers, *spec.context_triggers):
                trigger_types.setdefault(word.casefold(), set()).add(spec.name)
        modality, roles = raw["modality"], raw["roles"]
        versions, dates = raw["versions"], raw["dates"]
        return cls(
            types=tuple(types),
            triggers=_any_word((t for spec in types for t in spec.triggers), folded=True),
            context_triggers=_any_word(
                (t for spec in types for t in spec.context_triggers), folded=True),
            trigger_types={word: frozenset(names) for word, names in trigger_types.items()},
            sentence_traps=_sentence_traps(types),
            window=int(modality["window"]),
            modal_words=_modal_words(modality),
            disposal_markers=tuple(modality.get("disposal_markers", [])),
            disposal_objects=tuple(modality.get("disposal_objects", [])),
            disposal_phrases=re.compile(modality["disposal_phrases"]),
            plans_after=re.compile(modality["plans_after"]),
            scheduled=re.compile(modality.get("scheduled", r"(?!x)x")),
            announced_types=frozenset(modality.get("announced_types", [])),
            announced=re.compile(modality.get("announced", r"(?!x)x")),
            announced_plans=tuple(modality.get("announced_plans", ["将"])),
            effective_date=re.compile(modality.get("effective_date", r"(?!x)x")),
            takes_effect=re.compile(modality.get("takes_effect", r"(?!x)x")),
            agreement_signed=re.compile(modality.get("agreement_signed", r"(?!x)x")),
            agreement_signed_after=re.compile(modality.get("agreement_signed_after", r"(?!x)x")),
            announced_before=re.compile(modality.get("announced_before", r"(?!x)x")),
            attributive_after=re.compile(modality["attributive_after"]),
            attributive_days=int(modality["attributive_days"]),
            aside_opening=re.compile(modality.get("aside_opening", r"(?!x)x")),
            licence_before=re.compile(modality["licence_before"]),
            question_marks=_any_word(modality["question_marks"]),
            reference_prefixes=tuple(roles["reference_prefixes"]),
            reference_window=int(roles["reference_window"]),
            channel_list_before=re.compile(roles.get("channel_list_before", r"(?!x)x")),
            channel_verb_before=re.compile(roles.get("channel_verb_before", r"(?!x)x")),
            channel_after=re.compile(roles.get("channel_after", r"(?!x)x"), re.I),
            reference_verbs=_words_before(roles["reference_verbs"], roles["reference_verb_gap"],
                                          also_not="的"),
            reference_suffixes=re.compile(roles["reference_suffixes"], re.I),
            enumeration_starts=tuple(roles["enumeration_starts"]),
            enumeration_ends=tuple(roles["enumeration_ends"]),
            list_separators=re.compile(roles["list_separators"]),
            list_openers=tuple(roles["list_openers"]),
            continuation_starts=tuple(roles["continuation_starts"]),
            list_tails=tuple(roles.get("list_tails", ())),
            collective_before=re.compile(roles["collective_before"]),
            organisation_types=frozenset(roles["organisation_types"]),
            investor_markers=re.compile(roles["investor_markers"]),
            target_markers=_words_before(roles["target_markers"], roles["target_gap"]),
            acquired_markers=re.compile(roles["acquired_markers"]),
            acquired_back=tuple(roles["acquired_back"]),
            acquired_side=re.compile(roles.get("acquired_side", r"(?!x)x")),
            cue_opening=re.compile(roles.get("cue_opening", r"\s*")),
            field_label=re.compile(roles.get("field_label", r"(?!x)x")),
            company_names=tuple(map(re.compile, roles["company_names"])),
            company_bad_starts=tuple(roles.get("company_bad_starts", [])),
            legal_name_described=re.compile(roles.get("legal_name_described", r"(?!x)x")),
            regulator_ends=tuple(roles.get("regulator_ends", [])),
            developed_after=re.compile(roles["developed_after"]),
            venue_after=re.compile(roles.get("venue_after", r"(?!x)x")),
            hosting_verbs=re.compile(roles.get("hosting_verbs", r"(?!x)x")),
            model_subject=re.compile(roles.get("model_subject", r"(?!x)x")),
            # (the words that report a clause's news, at its end: see `reporting`)
            announcing_end=re.compile(f"(?:{dates.get('reporting', '(?!x)x')})[:：]?\\s*$"),
            organisation_anaphors=tuple(roles["organisation_anaphors"]),
            chained_starts=tuple(roles.get("chained_starts", [])),
            sentence_chained_starts=tuple(roles.get("sentence_chained_starts", [])),
            chained_types=frozenset(roles.get("chained_types", [])),
            model_anaphors=re.compile("|".join(roles["model_anaphors"])),
            own_clause_model_anaphors=_any_word(roles.get("own_clause_model_anaphors", [])),
            commentary_starts=re.compile(roles.get("commentary_starts", r"(?!x)x")),
            furniture_labels=re.compile(raw["page_furniture"]["labels"]),
            furniture_title=re.compile(raw["page_furniture"]["title"]),
            follow_on_starts=re.compile(roles.get("follow_on_starts", r"(?!x)x")),
            investor_verbs=tuple(roles["investor_verbs"]),
            agent_types=frozenset(roles["agent_types"]),
            counted_subject=re.compile(roles["counted_subject"]),
            acquired_passive=re.compile(roles["acquired_passive"]),
            anaphoric_target=re.compile(roles["anaphoric_target"]),
            attribution_gap=int(roles["attribution_gap"]),
            owner_before=re.compile(roles["owner_before"]),
            joint_connectors=frozenset(roles.get("joint_connectors", [])),
            series_before_name=re.compile(roles.get("series_before_name", r"(?!x)x")),
            joint_markers=tuple(roles.get("joint_markers", [])),
            version_after_cue=re.compile(_with_edition(versions["after_cue"], versions)),
            release_label=re.compile(_with_edition(versions["release_label"], versions)),
            version_after_model=re.compile(_with_edition(versions["after_model"], versions)),
            version_next_clause=re.compile(versions["next_clause"]),
            earlier_version=re.compile(versions["earlier_version"]),
            version_opening_clause=re.compile(
                versions["opening_clause"] + _with_edition(versions["release_label"], versions)),
            first_versions=frozenset(versions["first"]),
            folded_editions=frozenset(versions.get("folded_editions", [])),
            date_traps=tuple(dates["traps"]),
            periods=re.compile(dates.get("periods", r"(?!x)x")),
            background=re.compile(dates["background"]),
            anaphors=tuple(dates["anaphors"]),
            month_anaphors=tuple(dates["month_anaphors"]),
            day_anaphors=tuple(dates.get("day_anaphors", [])),
            next_day=tuple(dates.get("next_day", [])),
            days_later=re.compile(dates.get("days_later", r"(?!x)x")),
            days_earlier=re.compile(dates.get("days_earlier", r"(?!x)x")),
            scene_links=_any_word([*dates["anaphors"], *dates.get("scene_links", [])]),
            vague_dates=_any_word(dates.get("vague", [])),
            bound_vague=re.compile(dates.get("bound_vague", r"(?!x)x")),
            reporting=re.compile(dates.get("reporting", r"(?!x)x")),
            reported_again=re.compile(dates.get("reported_again", r"(?!x)x")),
            legal_regions=tuple(roles.get("legal_regions", [])),
            subsidiary_markers=_any_word(roles.get("subsidiary_markers", [])),
            former_staff_after=re.compile(roles.get("former_staff_after", r"(?!x)x")),
            legal_name_parts=re.compile(roles.get("legal_name_parts", r"(?!x)x")),
            repeatable_types=frozenset(dates["repeatable_types"]),
            versioned_types=frozenset(dates["versioned_types"]),
            recalled_after_days={kind: int(days)
                                 for kind, days in dates["recalled_after_days"].items()},
            recalled_before_lead_days=int(dates["recalled_before_lead_days"]),
            batch_pattern=re.compile(raw["batches"]["pattern"]),
            batch_traps=_compile_all(raw["batches"].get("traps", [])),
            inherit_article_batch=bool(raw["batches"]["inherit_article_batch"]),
            both_lists=re.compile(raw["batches"].get("both_lists", r"(?!x)x")),
            list_heading=re.compile(raw["list_context"].get("heading", r"(?!x)x")),
            kind_cell=re.compile(raw["list_context"]["kind_cell"]),
            list_opening=re.compile(raw["list_context"].get("opening", r"(?!x)x")),
            discovery=DiscoveryRules.load(discovery_path) if discovery_path else None,
        )


def _with_edition(pattern: str, versions: dict) -> str:
    """A [versions] pattern with its `{edition}` shape written out."""
    return pattern.replace("{edition}", versions["edition"])


class _SentenceTrap(NamedTuple):
    regex: re.Pattern[str]  # searched with re.I on the sentence
    needs: tuple[str, ...]  # one of these is in every match, casefolded (see prefilter.py)
    anchored: bool  # it opens the sentence: tried there only
    names: frozenset[str]  # the types it switches off


def _sentence_trap_sources(raw: dict, spec: dict) -> list[str]:
    """A type's sentence traps: the shared lists it names, then its own."""
    return [*(trap for shared in spec.get("shared_sentence_traps", [])
              for trap in raw["shared_sentence_traps"][shared]),
            *spec.get("sentence_traps", [])]


def _sentence_traps(types: list[EventType]) -> ScanGroup[_SentenceTrap]:
    """Every type's sentence traps, each once with the types it switches off. Each is its own
    pattern with its own prefilter: an alternation of them all, tried at every position of
    every sentence with a cue, cost several times what the prefiltered ones do."""
    names: dict[re.Pattern[str], set[str]] = {}
    for event_type in types:
        for trap in event_type.sentence_traps:
            names.setdefault(trap, set()).add(event_type.name)
    return ScanGroup([_SentenceTrap(trap, scan(trap).needs, trap.pattern.startswith("^"),
                                    frozenset(switched)) for trap, switched in names.items()])


def _compile_cues(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    """A type's cue patterns, its plain words (发布, 推出, …) as one alternation, longest first:
    one scan of a sentence instead of one per word, the hot loop of extraction."""
    words = [p for p in patterns if _PLAIN_WORD.fullmatch(p)]
    others = [p for p in patterns if not _PLAIN_WORD.fullmatch(p)]
    if len(words) > 1:
        others.insert(0, "|".join(sorted(words, key=len, reverse=True)))
        return _compile_folded(others)
    return _compile_folded(patterns)


def _compile_folded(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    """Patterns searched on casefolded text (normalize.casefold_in_place): case-sensitively
    where they spell no capital letter, which is several times faster than re.I for one
    opening with Latin words ("hugging ?face|github"), else with re.I."""
    return tuple(re.compile(p, re.I if _CAPITAL.search(_REGEX_SYNTAX.sub("", p)) else 0)
                 for p in patterns)


def _compile_all(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.I) for p in patterns)


def _modal_words(modality: dict) -> re.Pattern[str]:
    plain = sorted(modality.get("not_modal", []), key=len, reverse=True)
    modal = sorted({*modality["negations"], *modality["plans"]}, key=len, reverse=True)
    alternatives = [*map(re.escape, plain), f"(?P<modal>{'|'.join(map(re.escape, modal))})"]
    return re.compile("|".join(alternatives))


def _words_before(words: list[str], gap: int, also_not: str = "") -> re.Pattern[str]:
    """One of `words`, then at most `gap` characters within the clause (none of
    `also_not`), then the end: searched with an end position, it says whether one of the
    words stands shortly before that position."""
    alternatives = "|".join(map(re.escape, words))
    return re.compile(f"(?:{alternatives})[^,，。;；、{also_not}]{{0,{int(gap)}}}$")


def _any_word(words, folded: bool = False) -> re.Pattern[str]:
    """One alternation of literal words, the longest that matches winning (a pattern that never
    matches if none); `folded`: of the casefolded words, case-sensitive, for casefolded text
    (several times faster than re.I), written as a trie (发(?:布|售)…), which the regex
    engine tries in a third less time than a list of words: the trigger words are looked for
    in every sentence."""
    if folded:
        return re.compile(trie_pattern({w.casefold() for w in words}) or r"(?!x)x")
    unique = sorted(set(words), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, unique)) or r"(?!x)x", re.I)


class _Cue(NamedTuple):  # (tuples: made for every cue candidate, they must be cheap)
    event_type: str
    rank: int
    start: int  # offsets within the clause
    end: int
    text: str
    # a companion cue ("推出的开源大语言模型X"): the end of the cue it was read with, whose
    # attribute it is too; -1 for a cue of its own
    read_with_end: int = -1


@dataclass(frozen=True)
class _Clause:
    text: str
    matches: tuple[Match, ...]  # models and organisations, offsets within the clause
    cues: tuple[_Cue, ...]  # accepted cues
    any_cue: bool  # a cue word, even a trapped or modal one
    # A cue of its own outside traps, even a modal one ("获准上线" in a filing list is none;
    # nor is a mere trigger word, 购 in "AI购物助手").
    free_cue: bool
    background: bool  # "…发布以来", "…公开邀测之后": told as background
    # (`_event_models` of the clause, for filings and for other types: asked for several
    # times per cue)
    event_models: dict[bool, list[Match]] = field(
        default_factory=dict, compare=False, repr=False, hash=False)

    def starts_with(self, words: tuple[str, ...]) -> bool:
        text = self.text.lstrip(_QUOTES)
        if not text.startswith(words):
            return False
        opening = len(self.text) - len(text)
        word = next(w for w in words if text.startswith(w))
        # (a name that starts with the word opens no such clause: 即梦 is no 即)
        return not any(m.start == opening and m.end - m.start > len(word) for m in self.matches)

    def names_a_model(self) -> bool:
        return any(m.entry.kind == "model" for m in self.matches)


@dataclass(frozen=True)
class _Found:
    """One event in one sentence, before it becomes a Mention."""

    event_type: str
    cue: str
    model: Match | None
    organization: str | None
    version: str | None
    date: EventDate | None
    batch: int | None
    # An upgrade a release cue tells of a discovered name written with its version ("发布X 2.0"):
    # the article may show it is the model's first appearance (see `_first_told`).
    released_version: bool = False
    # A date (or its absence) that no other sentence changes: a filing told of the model just
    # launched ("该模型已完成…备案") happened at some time before, not on the launch's day.
    date_settled: bool = False
    # An announced change dated by when the next sentence says it takes effect: no day of the
    # scene ("…价格将调整为…。新价格自6月15日起执行。\n同一天，…" is the announcement's day).
    takes_effect: bool = False


@dataclass(frozen=True)
class _SentenceEvents:
    found: list[_Found] = field(default_factory=list)
    types: frozenset[str] = frozenset()  # types with an accepted cue (context for the next)
    # (type, batch) named by its non-background filing and registration clauses
    batches: tuple[tuple[str, int], ...] = ()


class _Sentence(NamedTuple):  # (one per sentence of every article: cheap)
    index: int  # type: ignore[assignment]  # (a field, not tuple.index)
    paragraph: int
    simplified: str
    start: int  # offsets in the simplified text (in the original one when not aligned)
    end: int
    item: int = 0  # the numbered line of its paragraph it is on (0: before any)


# A sentence with events, what it told, and the sentences of its scene (index, text), nearest
# first: what the article-wide passes (`_taking_effect`, `_first_told`, …) read and amend.
_Told = tuple[_Sentence, _SentenceEvents, tuple[tuple[int, str], ...]]


def extract_mentions(
    articles: list[Article], gazetteer: Gazetteer, rules: CueRules
) -> list[Mention]:
    mentions: list[Mention] = []
    for article in articles:
        mentions.extend(mentions_in_article(article, gazetteer, rules))
    return mentions


def mentions_in_article(article: Article, gazetteer: Gazetteer, rules: CueRules) -> list[Mention]:
    reference = article.published_at.date() if article.published_at else None
    text = _OriginalText(article)
    found: list[_Told] = []
    batches: dict[str, list[int]] = {}  # filing type → the batches named so far
    previous: _Sentence | None = None
    # The article's last sentences, with their paragraph and item numbers
    recent: deque[tuple[int, int, int, str]] = deque(maxlen=_SCENE_SENTENCES)
    context: frozenset[str] = frozenset()
    antecedents: tuple[Match, ...] = ()  # what "该模型" refers to
    read: list[_Sentence] = []  # the sentences before this one
    earlier_names = _EarlierNames(read, text.simplified, gazetteer, rules) \
        if rules.discovery else None
    told: set[str] = set()  # the types of the last sentence with events (filings aside)
    # (sentence index, filing type) → the highest batch of that type named by then
    batch_so_far: dict[tuple[int, str], int] = {}
    heading: tuple[tuple[int, str], ...] = ()  # the last line that may be a dated heading
    furniture = _Furniture(rules)
    for sentence in text.sentences():
        if furniture.holds(sentence):
            continue  # (not the story's: "相关阅读：《月之暗面完成C轮融资》")
        same_paragraph = previous is not None and previous.paragraph == sentence.paragraph
        if not same_paragraph and len(sentence.simplified) <= _DATED_HEADING_CHARS and (
                _HEADING.fullmatch(sentence.simplified)):  # (a heading opens its paragraph)
            heading = ((sentence.index, sentence.simplified),)
        if not same_paragraph:
            # A list may open the next paragraph: "…公布备案信息。\n从名单看, A、B均在其中".
            context = context & FILING_TYPES
        if same_paragraph and found and found[-1][0] is previous:
            found[-1] = _taking_effect(found[-1], sentence.simplified, reference, rules)
            found[-1] = _dated_by_report(found[-1], sentence.simplified, reference, rules)
        folded = casefold_in_place(sentence.simplified)
        if not rules.triggers.search(folded) and not (
            context and rules.context_triggers.search(folded)
        ):
            recent.append((sentence.paragraph, sentence.item, sentence.index, sentence.simplified))
            if sentence.index == 0 and len(sentence.simplified) <= _DATED_HEADING_CHARS and (
                    when := _sentence_date(sentence.simplified, reference, rules)) and (
                    when.precision == "day"):
                # a short lede setting the scene on its day dates the story: "美国当地时间8月5日，
                # 硅谷三家头部AI公司几乎同时出招。\nOpenAI放出两款开放权重语言模型…" (not a
                # digest's "本周国内外AI领域融资动态：")
                heading = ((0, sentence.simplified),)
            # (a numbered line of a list that names nothing we can read leaves the list open
            # for the lines after it)
            previous = sentence
            antecedents = _new_version_named(sentence.simplified, gazetteer) or antecedents
            context = context & FILING_TYPES if sentence.item and same_paragraph else frozenset()
            read.append(sentence)
            continue
        # the paragraph's sentences before this one, the nearest first: those of its numbered
        # line and those before the first line (the items of a roundup are stories of their
        # own, a list's items go on with the sentence that opens it)
        earlier = tuple((n, t) for p, i, n, t in reversed(recent)
                        if p == sentence.paragraph and i in (0, sentence.item))
        # The sentences a mention without a date looks back at for its scene's date: those of
        # its paragraph, or of the one before where it says it goes on with that scene
        # ("5月21日, 阿里云宣布降价…。\n仅仅几个小时后, 百度宣布…").
        # A filing list opening a paragraph goes on with the announcement before it too
        # ("上海市网信办4月11日发布消息…完成备案。\n其中，本次新增的6款分别为：…").
        # A list naming its own batch ("第一批通过备案的大模型包括…") is another scene.
        goes_on = (context & FILING_TYPES or not same_paragraph
                   and rules.list_opening.match(sentence.simplified)) \
            and not rules.batch_pattern.search(sentence.simplified)
        # So do the lines of a list under a heading ("新增备案：\n（1）…").
        # (and a sentence saying it goes on with the scene, even inside a paragraph that has
        # no date before it: "谷歌于11月18日发布…。\n谷歌称，…。同日，谷歌还推出…")
        days_later = _days_later(sentence.simplified, rules)
        scene = tuple((n, t) for _, _, n, t in reversed(recent)) if goes_on or (
            rules.scene_links.search(sentence.simplified) or days_later) else earlier
        if heading and heading[0][0] < sentence.index and heading[0] not in scene:
            scene += heading  # (the last resort: the section's day)
        recent.append((sentence.paragraph, sentence.item, sentence.index, sentence.simplified))
        # (the sentence right before, even in the item before: "② 同日，…" goes on with ①)
        before = recent[-2][3] if same_paragraph and len(recent) > 1 else None
        if before is not None and sentence.item and days_later:
            scene = ((recent[-2][2], before), *scene)  # "② 次日凌晨，…": the day after ①
        row_context = context
        if len(context & FILING_TYPES) > 1 and (cell := rules.kind_cell.search(
                sentence.simplified)):  # (a table row of its own kind: "3｜小P助手｜…｜登记")
            row_context = _narrowed_to_kind(cell.group(), context, rules)
        events = _sentence_events(sentence.simplified, gazetteer, rules, reference, row_context,
                                  before, antecedents, earlier_names,
                                  recent[-2][3] if len(recent) > 1 else None)
        if earlier_names is not None and events.found:
            earlier_names.told(events.found)
        if told and rules.commentary_starts.match(sentence.simplified):
            # "这是国内大模型公司迄今最大的单轮融资": a comment on the event just told.
            events = replace(events, found=[f for f in events.found
                                            if f.event_type not in told])
        for kind, number in events.batches:
            batches.setdefault(kind, []).append(number)
        if events.found:
            told = {f.event_type for f in events.found} - FILING_TYPES
            found.append((sentence, events, scene))
            named: dict[str, Match] = {}
            for f in events.found:
                if f.model:
                    # (the first version told of a model: "发布A-V3.2和A-V3.2-Speciale。前者…")
                    named.setdefault(f.model.entry.name, _owned_model(f))
            antecedents = tuple(named.values()) or antecedents
            batch_so_far.update(((sentence.index, kind), max(numbers))
                                for kind, numbers in batches.items())
        else:
            antecedents = _new_version_named(sentence.simplified, gazetteer) or antecedents
        # The types stated so far in the paragraph: "…新增2款备案服务和2款登记应用。其中,
        # 新增备案服务为A；新增登记应用为B。"
        context |= events.types
        # (narrowed by the heading alone: "新增登记方面，A的“X”，所调用的已备案模型为…")
        if context & FILING_TYPES and (heading_line := rules.list_heading.match(
                sentence.simplified)):
            context = _narrowed_to_kind(heading_line.group(), context, rules)
        previous = sentence
        read.append(sentence)
    # A filing takes the highest batch named so far: a batch named only after it
    # ("…今年8月底, 首批大模型已完成备案") is background to it.
    mentions: dict[tuple[str, int], Mention] = {}
    found = _first_told(_headline_settled(found, read, reference), read, rules)
    for sentence, sentence_found in _across_sentences(found, reference, rules):
        evidence = text.original(sentence)[:MAX_EVIDENCE_CHARS]
        for event in sentence_found:
            if _is_recalled(event, reference, rules):
                continue
            batch: int | None = event.batch
            if batch is None and event.event_type in FILING_TYPES and (
                rules.inherit_article_batch
            ):
                batch = batch_so_far.get((sentence.index, event.event_type))
            model = event.model
            mention = Mention(
                event_id=_event_id(event, reference, rules),
                article_id=article.article_id,
                event_type=event.event_type,
                model=model.entry.name if model else None,
                organization=event.organization,
                sentence=evidence,
                cue=event.cue,
                sentence_index=sentence.index,
                event_date=event.date,
                batch=batch,
                version=event.version,
                model_status=model.entry.status if model else "gazetteer",
            )
            key = (mention.event_id, sentence.index)
            earlier_mention = mentions.get(key)
            if earlier_mention is None or earlier_mention.organization is None or (
                    earlier_mention.event_date is None and mention.event_date is not None):
                # (of one event found twice in a sentence, the mention that names its owner:
                # "其中包括：1.X有限公司，服务名称：Y" lists Y, and 服务名称 finds X owns it; or
                # its date: "【X完成融资】…X近日完成…融资", the headline undated)
                mentions[key] = mention
    return _with_shared_owners(
        _by_short_names(_without_refined(list(mentions.values())), text.simplified, rules))


class _Furniture:
    """The paragraphs of the page around the story that a crawler kept: those opening with a
    label of their own ("相关阅读：", "图源：", "责任编辑："), the headline lines after a
    related-links label, and a line that is only a headline in 《》. Each names events of
    other stories, or none."""

    def __init__(self, rules: CueRules) -> None:
        self.rules = rules
        self.paragraph = -1
        self.skipping = False
        self.after_links = False  # (the lines after "相关阅读：" are headlines too)

    def holds(self, sentence: _Sentence) -> bool:
        if sentence.paragraph == self.paragraph:
            return self.skipping
        self.paragraph = sentence.paragraph
        text = sentence.simplified
        if self.rules.furniture_labels.match(text):
            self.skipping = self.after_links = True
        else:
            title = self.rules.furniture_title.fullmatch(text) is not None
            self.skipping = title or (self.after_links and _is_bare_line(text))
            self.after_links = self.skipping and self.after_links
        return self.skipping


def _new_version_named(sentence: str, gazetteer: Gazetteer) -> tuple[Match, ...]:
    """The version a sentence without events names after 新版本 or 新模型, which a later
    "新模型" stands for ("…迎来版本更新。新版本Kimi-K2-Instruct-0905将…。新模型权重已…开源")."""
    if not _NEW_VERSION_NAMED.search(sentence):
        return ()
    return tuple(m for m in gazetteer.find(sentence) if m.entry.kind == "model" and m.version)[:1]


def _headline_settled(
    found: list[_Told], read: list[_Sentence], reference: date | None
) -> list[_Told]:
    """`found`, where the article opens with a headline (see `_is_headline`), less the
    headline's events the story tells too (as an event of that kind, or a launch of that model:
    the headline's short names, "发布R1", "“深度研究”", are the story's; "…发布X，API价格降至…"
    still tells a price change), the headline's owner given to the story's ownerless mention of
    what it dropped, and its other events dated by the story's first dated line."""
    if not found or len(read) < 2 or found[0][0].index != 0 or not _is_headline(read):
        return found
    headline, events, _ = found[0]
    body = [f for _, told, _ in found[1:] for f in told.found]
    kinds = {f.event_type for f in body}
    models = {f.model.entry.name for f in body if f.model}
    kept = [f for f in events.found if f.event_type not in kinds and not (
        f.model and f.model.entry.name in models and f.event_type in _LAUNCH_TYPES)]
    # (what the headline says of the owner the story leaves to 公司: "世纪天鸿：“小鸿助教”已完成…
    # 登记" over "…表示，公司AI教学产品“小鸿助教”已于…完成…登记")
    owners = {(f.event_type, f.model.entry.name): f.organization
              for f in events.found if f.model and f.organization and f not in kept}
    if owners:
        found = [(sentence, replace(told, found=[
            replace(f, organization=owners.get((f.event_type, f.model.entry.name)))
            if f.model and f.organization is None else f for f in told.found]), scene)
            for sentence, told, scene in found]
    # (dated by the story's first dated line: bylines may come first: "机器之心报道")
    lede = next(((s.index, s.simplified) for s in read[1:_LEDE_LINES + 1]
                 if resolve_event_date(s.simplified, reference) is not None), None)
    lede_scene = (lede,) if lede else ((read[1].index, read[1].simplified),)
    return [(headline, replace(events, found=kept), lede_scene), *found[1:]]


def _is_headline(read: list[_Sentence]) -> bool:
    """Whether the article's first line is its headline: in brackets ("【X发布Y】…"), or a
    short line of its own without a full stop ("腾讯混元发布并开源HunyuanOCR，参数量仅1B", as a
    crawler keeps the title above the story)."""
    first = read[0].simplified
    return _HEADLINE.fullmatch(first) is not None or (
        read[1].paragraph != read[0].paragraph and _is_bare_line(first))


def _is_bare_line(sentence: str) -> bool:
    """A headline-like line: short, without a full stop (a sentence without one of its own
    is its whole line)."""
    return len(sentence) <= _HEADLINE_CHARS and not sentence.rstrip().endswith(_FULL_STOPS)


def _with_shared_owners(mentions: list[Mention]) -> list[Mention]:
    """`mentions`, those of a model with no owner taking the one owner the article's other
    mentions of that model give it ("X发布港航领域大模型“洋山智港”，并宣布该模型已于今年7月完成…
    备案": the filing of the anaphor is X's too)."""
    owners: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.model and mention.organization:
            owners.setdefault(mention.model, set()).add(mention.organization)
    return [replace(m, organization=next(iter(owners[m.model])))
            if m.model and not m.organization and len(owners.get(m.model, ())) == 1 else m
            for m in mentions]


def _by_short_names(mentions: list[Mention], text: str, rules: CueRules) -> list[Mention]:
    """`mentions` with a funded or acquired company's legal name given as the short name the
    article also uses ("北京清程极智科技有限公司宣布完成…融资。清程极智由清华大学…创立" is about
    清程极智). (The owners of models keep the legal name a filing list gives them.)"""
    short: dict[str, str] = {}
    for mention in mentions:
        legal = mention.organization
        if mention.event_type in rules.organisation_types and legal and legal not in short and (
                is_legal_name(legal)):
            short[legal] = _short_name(legal, text, rules) or legal
    if not any(legal != name for legal, name in short.items()):
        return mentions
    return [replace(m, organization=short[m.organization])
            if m.event_type in rules.organisation_types and m.organization in short else m
            for m in mentions]


def _short_name(legal: str, text: str, rules: CueRules) -> str | None:
    """The longest start of `legal` after its region that `text` uses on its own, if any."""
    region = next((r for r in rules.legal_regions if legal.startswith(r)), "")
    rest = legal[len(region):]
    told = text.count(legal)
    for end in range(len(rest) - 1, 1, -1):
        part = rest[:end]
        if text.count(part) > told and not rules.legal_name_parts.fullmatch(part):
            return part
    return None


def _first_told(
    found: list[_Told],
    sentences: list[_Sentence],
    rules: CueRules,
) -> list[_Told]:
    """`found`, with the discovered names a release cue gives a version ("字节跳动发布同声传译模型
    Seed LiveInterpret 2.0") released under that whole name where the article names no other
    version of them and their paragraph (or numbered item) tells of no earlier one ("相比去年
    推出的1.0版本"): a name the gazetteer lacks is new to the reader, and its version part of
    its name. Their other events take that name too, less the upgrade an open-sourcing of the
    version adds ("发布并开源X 2.0" is a release and an open-sourcing of X 2.0)."""
    released = {f.model.entry.name for _, events, _ in found for f in events.found
                if f.released_version and f.model}
    if not released:
        return found
    versions: dict[str, set[str | None]] = {}  # of those models, the versions told
    for _, events, _ in found:
        for f in events.found:
            if f.model and f.model.entry.name in released:
                versions.setdefault(f.model.entry.name, set()).add(_version_key(f.version))
    passages: dict[tuple[int, int], list[str]] = {}
    for sentence in sentences:
        passages.setdefault((sentence.paragraph, sentence.item), []).append(sentence.simplified)
    new = {name for name, told in versions.items() if len(told) == 1}
    for sentence, events, _ in found:
        passage = passages[(sentence.paragraph, sentence.item)]
        opened = {f.model.entry.name for f in events.found
                  if f.model and f.event_type == "open_source"}
        for f in events.found:
            name = f.model.entry.name if f.model else None
            if name in new and (any(rules.earlier_version.search(text) for text in passage) or (
                    f.event_type == "upgrade" and not f.released_version and name not in opened)):
                new.discard(name)  # (an upgrade cue of its own: "Cursor迎来2.0版本")
    if not new:
        return found
    settled = []
    for sentence, events, scene in found:
        kept = []
        for f in events.found:
            if f.model is None or f.model.entry.name not in new:
                kept.append(f)
            elif f.released_version or f.event_type != "upgrade":
                surface, name = f.model.surface, f.model.entry.name
                if not (surface.startswith(name) and surface[len(name):].strip(" -") == f.version):
                    surface = f"{name} {f.version}"  # (not 赤兔大模型V2.0)
                model = replace(f.model, entry=replace(f.model.entry, name=surface), version=None)
                event_type = "release" if f.released_version else f.event_type
                kept.append(replace(f, event_type=event_type, model=model, version=None,
                                    released_version=False))
        settled.append((sentence, replace(events, found=kept), scene))
    return settled


def _is_recalled(event: _Found, reference: date | None, rules: CueRules) -> bool:
    """Whether an event dated by its month only lies so long before the story that the story
    recalls it, or one dated by its year only lies in a year before the story's (see
    `recalled_after_days`)."""
    when, days = event.date, rules.recalled_after_days.get(event.event_type)
    if reference is None or when is None or days is None:
        return False
    if when.precision == "year":
        return when.value.year < reference.year
    return when.precision == "month" and (reference - when.value).days > days


def _without_refined(mentions: list[Mention]) -> list[Mention]:
    """`mentions` less those of a version that a dated snapshot in the same article refines:
    "上传了新模型DeepSeek-R1-0528的权重…“R1模型已完成小版本试升级”" tells one upgrade, R1-0528,
    and so does "DeepSeek-V3的小版本更新DeepSeek-V3-0324"; and less upgrades without a version
    of a model the article upgrades to a version ("正式发布盘古大模型5.5, 对…五大基础模型进行
    全面升级" is one upgrade, 5.5)."""
    refined = {(m.event_type, m.model, _SNAPSHOT_VERSION.sub("", m.version).lstrip("vV"))
               for m in mentions if m.version and _SNAPSHOT_VERSION.search(m.version)}
    refined |= {(m.event_type, m.model, "") for m in mentions
                if m.version and m.event_type == "upgrade"}
    return [m for m in mentions
            if (m.event_type, m.model, (m.version or "").lstrip("vV")) not in refined]


def _taking_effect(told: _Told, sentence: str, reference: date | None, rules: CueRules) -> _Told:
    """The announced changes of the sentence before dated by when `sentence` says they take
    effect ("…宣布V3的API价格将调整为…。全新价格自2025年2月8日起执行"), unless that sentence
    said so itself."""
    told_sentence, events, scene = told
    if not any(f.event_type in rules.announced_types for f in events.found):
        return told
    effective = rules.takes_effect.search(sentence)
    if effective is None or rules.effective_date.search(told_sentence.simplified):
        return told
    when = _date_in(effective.group(), reference, rules)
    if when is None:
        return told
    dated = [replace(f, date=when, takes_effect=True) if f.event_type in rules.announced_types
             else f for f in events.found]
    return told_sentence, replace(events, found=dated), scene


def _dated_by_report(told: _Told, sentence: str, reference: date | None, rules: CueRules) -> _Told:
    """The undated events of the sentence before dated by `sentence` where it tells when they
    were made known ("亚马逊已同意收购Bee。7月22日，Bee联合创始人…宣布了这一消息")."""
    told_sentence, events, scene = told
    if all(f.date is not None for f in events.found) or not rules.reported_again.search(
            sentence):
        return told
    when = _sentence_date(sentence, reference, rules)
    if when is None:
        return told
    dated = [f if f.date is not None else replace(f, date=when) for f in events.found]
    return told_sentence, replace(events, found=dated), scene


def _narrowed_to_kind(label: str, context: frozenset[str], rules: CueRules) -> frozenset[str]:
    """The context after a list heading, or in a table row, that `label` (the heading, the
    row's kind cell) gives: the one kind of filing list it names ("新增登记：" opens the
    registrations after the filings), else the context as it was ("具体信息如下：")."""
    named = frozenset(t.name for t in rules.types if t.name in FILING_TYPES
                      and any(word in label for word in t.triggers))
    if len(named) != 1:
        return context
    return context - FILING_TYPES | named


def _owned_model(found: _Found) -> Match:
    """The model of `found`, with the owner the sentence gave it where the gazetteer has
    none (for "该模型…已开源" later on)."""
    model = found.model
    assert model is not None
    if model.entry.organization is not None or found.organization is None:
        return model
    return replace(model, entry=replace(model.entry, organization=found.organization))


def _across_sentences(
    found: list[_Told],
    reference: date | None,
    rules: CueRules,
) -> list[tuple[_Sentence, list[_Found]]]:
    """What one sentence cannot know, settled over the article:

    - a release of a model that the same or an earlier sentence reports an upgrade of is
      that upgrade ("豆包大模型1.5 Pro发布…新模型已在豆包App上线"), unless its date says it
      is another event;
    - an edition of a version the article reports ("Gemini 2.0…实验版Gemini 2.0 Flash") is
      that version, unless their dates are months apart (文心4.5 in March, 4.5 Turbo now);
    - a mention without a date takes the date of an earlier mention of the same model in
      its paragraph ("…近日发布FLUX.1。其中两个版本开放权重"), else the date of the nearest
      sentence before it in its paragraph that has one ("大会昨日开幕。…宣布，盘古大模型5.0
      正式亮相"), the day after it for "次日"; a sentence counting days from the scene is
      dated so even where a vague word (刚刚, 近日) gave it the month of publication.
    """
    # (type, model) → version key → its first spelling, and the months it is dated in
    versions: dict[tuple[str, str], dict[str, tuple[str, set[str | None]]]] = {}
    for _, events, _ in found:
        for f in events.found:
            if f.model and f.version:
                key = _version_key(f.version)
                if key:
                    spellings = versions.setdefault((f.event_type, f.model.entry.name), {})
                    spellings.setdefault(key, (f.version, set()))[1].add(_event_month(f.date))
    # (paragraph, model) → its first date there
    dated: dict[tuple[int, str], EventDate | None] = {}
    dated_anywhere: dict[str, EventDate | None] = {}  # model → its first date in the article
    upgraded: dict[str, set[date | None]] = {}  # by the sentences so far, with their dates
    event_dates: dict[int, EventDate] = {}  # sentence index → the date of its first event
    lead: tuple[int, date] | None = None  # the paragraph and day of the story's first events
    recalled: set[int] = set()  # the sentences telling only what came long before the lead
    settled: list[tuple[_Sentence, list[_Found]]] = []
    for sentence, events, earlier in found:
        scene: list[EventDate | None] = []  # the date of the scene, once needed
        for f in events.found:
            if f.event_type == "upgrade" and f.model:
                upgraded.setdefault(f.model.entry.name, set()).add(f.date.value if f.date else None)
        kept = []
        days_later = _days_later(sentence.simplified, rules)
        for f in events.found:
            model = f.model.entry.name if f.model else None
            if f.event_type == "release" and model in upgraded and (
                f.date is None or f.date.value in upgraded[model]
            ):
                continue
            if model and f.version:
                spellings = versions[(f.event_type, model)]
                base = _edition_base(_version_key(f.version), set(spellings),
                                     rules.folded_editions)
                month = _event_month(f.date)
                if base is not None and (
                    month is None or {month, None} & spellings[base][1]
                ):  # "今年3月推出文心4.5, 昨日发布4.5 Turbo": another event
                    f = replace(f, version=spellings[base][0])
            if days_later and f.date is not None and not f.date_settled and (
                    f.date.precision == "month" and reference is not None
                    and f.date.value == reference.replace(day=1)
                    and rules.vague_dates.search(sentence.simplified)):
                # "此前一天，百度刚刚宣布…": the day counted from the scene says more than 刚刚
                f = replace(f, date=None)
            if f.date is None and not f.date_settled:
                inherited = None
                if model and not days_later:
                    inherited = dated.get((sentence.paragraph, model)) or dated_anywhere.get(model)
                if inherited is None and earlier:
                    if not scene:
                        scene.append(_scene_date(
                            tuple(e for e in earlier if e[0] not in recalled) if recalled
                            else earlier, event_dates,
                            reference, rules, _names_a_day(sentence.simplified, rules,
                                                           days_later)))
                    inherited = scene[0]
                    if days_later and inherited is not None:
                        inherited = _days_after(inherited, days_later)
                    elif inherited is None and lead is not None and not days_later and any(
                            word in sentence.simplified for word in rules.day_anaphors):
                        # "同日，爱诗科技旗下…宣布已完成…登记" paragraphs after the lead that
                        # dated the story's day ("爱诗科技9月10日宣布完成…融资")
                        inherited = EventDate(lead[1], "day")
                if inherited is not None:
                    f = replace(f, date=inherited)
            elif model:
                dated.setdefault((sentence.paragraph, model), f.date)
                dated_anywhere.setdefault(model, f.date)
            if lead is not None and _recalled_before(f.date, lead, sentence, rules):
                continue
            kept.append(f)
            if f.date is not None and (f.event_type not in rules.announced_types or not (
                    f.takes_effect or rules.effective_date.search(sentence.simplified))):
                # (an announced change's date may be when it takes effect: the scene's day is
                # the one the sentence states, "4月13日宣布，自4月20日起…")
                event_dates.setdefault(sentence.index, f.date)
        if events.found and not kept:
            recalled.add(sentence.index)
        elif lead is None and not settled:
            day = next((f.date.value for f in kept if f.date and f.date.precision == "day"), None)
            lead = (sentence.paragraph, day) if day else None
        settled.append((sentence, kept))
    return settled


def _recalled_before(
    when: EventDate | None, lead: tuple[int, date], sentence: _Sentence, rules: CueRules
) -> bool:
    """Whether an event told in a paragraph after the story's lead (not an item of a roundup)
    is dated so long before the lead's day that the story recalls it: "9月9日，谷歌宣布下调Veo 3
    …价格。\nVeo 3于今年5月在Google I/O大会上首次亮相" (see `recalled_before_lead_days`)."""
    paragraph, day = lead
    if when is None or when.precision not in ("day", "month") or sentence.item or (
            sentence.paragraph <= paragraph):
        return False
    last = when.value if when.precision == "day" else when.value.replace(
        day=monthrange(when.value.year, when.value.month)[1])  # (a month's last day)
    return (day - last).days > rules.recalled_before_lead_days


def _scene_date(
    earlier: tuple[tuple[int, str], ...], event_dates: dict[int, EventDate],
    reference: date | None, rules: CueRules, day: bool = False,
) -> EventDate | None:
    """The date of the nearest earlier sentence of the scene (index, text) that has one: the
    date its events were given ("开幕当天, …发布X"), else the one it states ("北京市网信办6月18日
    发布消息…。新增服务名单如下：1.…"). `day`: the sentence names a day of the scene ("同一天"),
    so only a date with its day is the scene's."""
    for at, text in earlier:
        when = event_dates.get(at) or _sentence_date(text, reference, rules)
        if when is not None and (not day or when.precision == "day"):
            return when
    return None


def _names_a_day(sentence: str, rules: CueRules, days_later: int | None = None) -> bool:
    """Whether a sentence dates itself by a day of the scene before ("同一天", "次日", "两天后");
    `days_later`: its `_days_later`, when already worked out."""
    if days_later is None:
        days_later = _days_later(sentence, rules)
    return bool(days_later) or any(word in sentence for word in rules.day_anaphors)


def _event_month(when: EventDate | None) -> str | None:
    if when is None or when.precision == "year":
        return None
    return when.value.strftime("%Y-%m")


def _days_later(sentence: str, rules: CueRules) -> int:
    """How many days after the scene before a sentence says it is: 1 for 次日, 2 for 两天后,
    -1 for 此前一天; 0 when it says none."""
    if any(word in sentence for word in rules.next_day):
        return 1
    # (the patterns start with a character class: slow to scan for, so looked for only where
    # the word they need stands)
    later = rules.days_later.search(sentence) if "天" in sentence else None
    if later:
        return _cn_number(later.group(1) or later.group(2)) or 0
    earlier = rules.days_earlier.search(sentence) if (
        "之前" in sentence or "此前" in sentence or "于前" in sentence) else None
    return -(_cn_number(earlier.group(1)) or 0) if earlier else 0


def _days_after(when: EventDate, days: int) -> EventDate | None:
    """次日, N天后 or 此前N天 of a day; of a month or year it is no date."""
    if when.precision != "day":
        return None
    return EventDate(when.value + timedelta(days=days), "day")


def _sentence_date(sentence: str, reference: date | None, rules: CueRules) -> EventDate | None:
    """The date a sentence states outside its background and planned clauses ("继8月底首批
    …上线后")."""
    for part in _CLAUSES.finditer(sentence):
        text = part.group().rstrip(_QUOTES)
        if rules.background.search(text) or _has_modal_word(text, rules) or (
            rules.takes_effect.search(text)
        ):  # "…宣布将于7月31日开源": a plan's date is no scene's, nor "新价格自6月15日起执行"
            continue
        when = _date_in(text, reference, rules)
        if when is not None:
            return when
    return None


def _edition_base(key: str | None, keys: set[str], editions: frozenset[str]) -> str | None:
    """The version `key` is an edition of ("2 flash" of "2", "opus 4" of "4"), if another key
    is that one: the same words and `editions` besides. An edition of an edition is a model of
    its own ("2.5 flash lite" beside "2.5 flash"), and so is one adding another word ("v3.2
    speciale" beside "v3.2")."""
    if not key:
        return None
    words = key.split()
    for other in keys:
        base = other.split()
        if other != key and set(base) < set(words) and all(
            word in editions for word in words if word not in base
        ) and not any(word.isalpha() for word in base):
            return other
    return None


def _event_id(event: _Found, reference: date | None, rules: CueRules) -> str:
    """The merge key: mentions with one key are one event in `events`.

    Type and model (or, for acquisitions and funding, the organisation) always; the version
    for upgrades and open-sourcings; and for events that recur (price cuts, funding rounds,
    version-less upgrades) the month of the event date, else of publication. Filings are
    keyed without their batch: a model is filed once, and the batch is an attribute that
    the warehouse takes from the mentions by majority.
    """
    model = event.model.entry.name if event.model else None
    versioned = event.event_type in rules.versioned_types
    parts: list[str | None] = [
        "event", event.event_type, model, None if model else event.organization,
        _version_key(event.version) if versioned else None,
    ]
    if event.event_type in rules.repeatable_types or (versioned and not event.version):
        parts.append(_month(event.date, reference))
    return stable_id(*parts)


def _version_key(version: str | None) -> str | None:
    """One spelling per version for the merge key: V3, v3 and 3 are one; 4.0 and 4 too."""
    if not version:
        return None
    key = _VERSION_SEPARATORS.sub(" ", version.casefold()).strip().lstrip("v")
    return _TRAILING_ZEROS.sub("", key) or None


def _month(when: EventDate | None, reference: date | None) -> str | None:
    if when is not None and when.precision in ("day", "month"):
        return when.value.strftime("%Y-%m")
    return reference.strftime("%Y-%m") if reference else None


class _OriginalText:
    """The simplified text of an article, split into sentences, and the way back to the
    characters the outlet printed (for evidence).

    Simplification keeps the length of almost every text; where NFKC changed lengths
    (… → ...) a character offset map is built, and where even that fails (combining
    marks) sentences are split on the original text and simplified one by one.
    """

    def __init__(self, article: Article):
        self.text = article.text
        simplified = article.text_simplified or simplify(article.text)
        self.offsets: list[int] | None = None
        self.aligned = len(simplified) == len(self.text)
        if not self.aligned:
            offsets = _nfkc_offsets(self.text)
            if len(offsets) == len(simplified) + 1:
                self.offsets, self.aligned = offsets, True
        self.simplified = simplified

    def sentences(self) -> Iterator[_Sentence]:
        source = self.simplified if self.aligned else self.text
        index, paragraph, item, last_end = 0, 0, 0, 0
        for span_start, span_end in _colon_lists(source):
            raw = source[span_start:span_end]
            stripped = raw.strip()
            if not stripped:
                continue
            start = span_start + len(raw) - len(raw.lstrip())
            if "\n" in source[last_end:start]:
                if _LIST_ITEM.match(source, start):
                    item += 1  # (a numbered item continues the paragraph that opens its list)
                else:
                    paragraph, item = paragraph + 1, 0
            last_end = span_end
            if self.aligned:
                yield _Sentence(index, paragraph, stripped, start, start + len(stripped), item)
            else:
                yield _Sentence(index, paragraph, simplify(stripped), start, start + len(raw), item)
            index += 1

    def original(self, sentence: _Sentence) -> str:
        if not self.aligned:
            return self.text[sentence.start : sentence.end].strip()
        if self.offsets is None:
            return self.text[sentence.start : sentence.end]
        return self.text[self.offsets[sentence.start] : self.offsets[sentence.end]].strip()


def _colon_lists(text: str) -> Iterator[tuple[int, int]]:
    """Sentence spans of `text`, a colon-opened list of short semicolon items as one."""
    pending: tuple[int, int] | None = None  # an open list: its span so far
    for match in _SENTENCES.finditer(text):
        start, end = match.span()
        piece = match.group()
        if pending is not None:
            joins = text[pending[1]:start] == "" and len(piece.strip()) < _LIST_ITEM_CHARS
            if joins:
                pending = (pending[0], end)
                if not piece.rstrip().endswith(_SEMICOLONS):
                    yield pending
                    pending = None
                continue
            yield pending
            pending = None
        if piece.rstrip().endswith(_SEMICOLONS) and _COLON.search(piece):
            pending = (start, end)
        else:
            yield start, end
    if pending is not None:
        yield pending


# Characters whose NFKC form may have another length (… → ..., ㎡ → m2, ½ → 1⁄2); CJK,
# ASCII, CJK punctuation and full-width forms keep theirs.
_MAY_EXPAND = re.compile(r"[^\u0000-\u007f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _nfkc_offsets(text: str) -> list[int]:
    """For each character of NFKC(text), the offset of the character it came from, plus the
    end: the map from simplified offsets back to the original text."""
    offsets: list[int] = []
    done = 0
    for match in _MAY_EXPAND.finditer(text):
        at = match.start()
        size = len(unicodedata.normalize("NFKC", match.group()))
        if size == 1:
            continue
        offsets.extend(range(done, at))
        offsets.extend([at] * size)
        done = at + 1
    offsets.extend(range(done, len(text) + 1))
    return offsets


def _sentence_events(
    sentence: str,
    gazetteer: Gazetteer,
    rules: CueRules,
    reference: date | None,
    context: frozenset[str],
    previous: str | None,
    antecedents: tuple[Match, ...] = (),
    earlier: _EarlierNames | None = None,
    last_read: str | None = None,
) -> _SentenceEvents:
    """The events one (simplified) sentence states; `antecedents` are the models the
    paragraph's last sentence with model events was about (for "该模型已开源"). `previous`
    is the sentence before in the paragraph, `last_read` the one before in the article (公司
    and 其 go on with its subject across a paragraph break)."""
    if rules.question_marks.search(sentence):
        return _SentenceEvents()
    folded = casefold_in_place(sentence)  # (offsets are the sentence's)
    # (a column label opening the sentence holds no cue word: "【融资快讯】X宣布，近日完成…")
    label = _COLUMN_LABEL.match(sentence) if sentence.startswith("【") else None
    if label is not None and label.end() == len(sentence.rstrip()):
        label = None  # (a headline of its own: "【腾讯混元T1正式版上线】")
    hits = [(m.start(), m.group())
            for m in rules.triggers.finditer(folded, label.end() if label else 0)]
    cue_words = len(hits)  # (a list's words, 批, 公司, 有限, make no clause one with a cue word)
    if context:
        hits += [(m.start(), m.group()) for m in rules.context_triggers.finditer(folded)]
    # Only the types whose trigger words the sentence holds can have a cue in it. Cue and trap
    # patterns never cross a comma, so they run once over the sentence.
    present = frozenset().union(*(rules.trigger_types[word] for _, word in hits))
    candidates, own_cues = _cue_candidates(sentence, folded, rules, present, context, previous)
    if not candidates:
        return _SentenceEvents()  # no cue: no need to look for names
    matches = _names_in(sentence, gazetteer, rules, earlier)
    clauses: list[_Clause] = []
    items: set[int] = set()  # clauses opening an item of a semicolon list
    for part in _CLAUSES.finditer(sentence):
        start, end = part.span()
        if sentence[start - 1 : start] in _ITEM_SEPARATORS and start:
            items.add(len(clauses))
        own = [c for c in candidates if start <= c.start and c.end <= end]
        words = [at for at, _ in hits[:cue_words] if start <= at < end]
        free_cue = any(start <= cue.start and cue.end <= end for cue in own_cues)
        # "自4月1日0时起，文心一言将全面免费": an effective date in an earlier clause, or
        # one that says when the change takes effect in a later one
        # …or a deal whose agreement an earlier clause says is signed ("与Windsurf签署最终协议,
        # 将收购其知识产权")
        effective = bool(own) and bool(rules.effective_date.search(sentence, 0, start)
                                       or rules.takes_effect.search(sentence, end)
                                       or rules.agreement_signed.search(sentence, 0, start)
                                       or rules.agreement_signed_after.search(sentence, end)
                                       or rules.announced_before.search(sentence, 0, start))
        clauses.append(_clause(part.group(), start, matches, own, (bool(words), free_cue),
                               rules, effective))
    found: list[_Found] = []
    scope = _Scope(sentence, clauses, previous, reference, gazetteer, rules,
                   last_read or previous)

    last_cue_clause: int | None = None
    listed: set[int] = set()  # clauses that an earlier cue took its list from
    # Whether a colon opened the filing list of the last cue clause: then its items may be
    # separated by commas too ("分别是：A的“X”，B的“Y”，以及C的“Z”").
    colon_list = False
    for index, clause in enumerate(clauses):
        opener = clauses[last_cue_clause] if last_cue_clause is not None else None
        is_item = opener is not None and (
            clause.starts_with(rules.enumeration_starts) or index in items or colon_list)
        if clause.cues:
            told = len(found)
            for cue in clause.cues:
                source = _target_clause(clauses, index, cue, gazetteer, rules)
                if source > index:
                    listed.add(source)
                events = list(_events(scope, index, source, cue))
                if source == index and index:
                    for before in _items_before(clauses, index, cue, listed, rules):
                        events += _events(scope, index, before, cue)
                if not events and cue.event_type in rules.organisation_types and (
                        _stands_for_subject(clause, index, cue, rules, any(
                            f.event_type == cue.event_type for f in found))):
                    # "上纬新材7月8日晚间公告, …合计取得公司63.62%的股份": the company the
                    # sentence opened with, else the one the sentence before is about
                    subject = (index and _first_target(clauses[:index], gazetteer, rules)) \
                        or scope.previous_subject()
                    if subject:
                        events.append(_Found(cue.event_type, cue.text, None, subject, None,
                                             scope.date_of(index, index), None))
                elif not events and source == index \
                        and cue.event_type not in rules.organisation_types \
                        and not _event_models(clause, cue.event_type, gazetteer, rules) \
                        and (referents := _named_versions(clauses, index, antecedents) or (
                            (_names_anaphor(clauses, index, rules)
                             or rules.own_clause_model_anaphors.search(clause.text))
                            and _referents(found, clauses, index, antecedents, rules)) or (
                            clause.starts_with(rules.chained_starts)
                            and _brought_out(found, rules))):
                    owners = {f.model.entry.name: f.organization for f in found if f.model}
                    filed = rules.model_anaphors.search(clause.text) is not None
                    # (a filing told so is dated by its own clause only: "…发布昆仑大模型，这是
                    # 首个通过…备案的大模型" is not filed the day it launched)
                    # (a price change so told is dated when it takes effect: "…。API服务价格也将
                    # 随之调整：…即自2月8日起，价格调整为…")
                    when = _date_in(clause.text, scope.reference, rules) if filed and (
                        cue.event_type in FILING_TYPES) else scope.cue_date(index, index,
                                                                            cue.event_type)
                    events = list(_anaphor_events(cue, referents, when, rules, owners,
                                                  filed=filed))
                elif not events and source == index and (
                        labelled := _flagship_labelled(clause, cue, gazetteer, rules)):
                    # "月之暗面推出k1.5多模态思考模型": a label after the cue, and its company's
                    # one flagship model
                    events = list(_anaphor_events(cue, (labelled,), scope.date_of(index, index),
                                                  rules, {}))
                found.extend(events)
            # "（2）某某科技有限公司推出的“X”；": an item whose own verb tells nothing goes on
            # with the filing list (one its opener already took stays taken)
            goes_on = opener is not None and len(found) == told and (
                is_item or index in listed) and any(
                cue.event_type in FILING_TYPES for cue in opener.cues)
            if not goes_on:
                last_cue_clause = index
                colon_list = _opens_filing_list(clause, clause, rules)
                continue
            if index in listed:
                continue
        if is_item and opener is not None and last_cue_clause is not None and not (
                _only_references(clause, rules)):
            # ("…信息如下：A公司——“X”；B公司——“Y”；…": the items after the first; not a note on
            # one: "服务名称：点点，所调用的已备案模型为“小红书大模型”")
            for cue in opener.cues:
                found.extend(_events(scope, last_cue_clause, index, cue))
            colon_list = colon_list or _opens_filing_list(clause, opener, rules)
        elif (clause.matches or clause.any_cue) and index not in listed and not (
            _only_references(clause, rules)
        ):
            last_cue_clause = None  # (a list after its cue leaves it open: "…：A, 以及B")
        # else: a clause naming nothing ("共9款应用在列") leaves the list open for "其中包括…".
    list_types = [_list_types(clause, rules) for clause in clauses]
    batches = tuple(
        (kind, batch) for clause, kinds in zip(clauses, list_types, strict=True)
        if not clause.background
        for kind in sorted(kinds)
        if (batch := _batch(clause.text, rules)) is not None
    )
    types = frozenset().union(*list_types) | {
        cue.event_type for clause in clauses for cue in clause.cues}
    return _SentenceEvents(found, types, batches)


def _items_before(
    clauses: list[_Clause], index: int, cue: _Cue, listed: set[int], rules: CueRules
) -> list[int]:
    """The clauses before cue clause `index` whose items its cue covers too: the one before
    "…的“A”、…的“B”，以及…的“C”等均已完成登记", every one of a list over commas before a filing
    cue after 均 ("…——“A”，…——“B”，…——“C”均在其列")."""
    def free(at: int) -> bool:
        return not (clauses[at].cues or at in listed)

    if clauses[index].starts_with(rules.list_tails):
        return [index - 1] if free(index - 1) else []
    if cue.event_type not in FILING_TYPES or not rules.collective_before.search(
            clauses[index].text, 0, cue.start):
        return []
    start = index
    while start > 0 and free(start - 1) and not clauses[start - 1].free_cue and any(
            m.entry.kind == "model" for m in clauses[start - 1].matches):
        start -= 1
    return list(range(start, index))


def _switched_off(
    sentence: str, rules: CueRules, present: frozenset[str], previous: str | None
) -> frozenset[str]:
    """The types of `present` whose sentence traps `sentence` springs, or the sentence before
    it when this one goes on from it ("一年前的5月6日，DeepSeek发布…。随后一周内，…相继宣布降价":
    the retrospective goes on)."""
    if item := _LIST_ITEM.match(sentence):  # ("④ 此前，OpenAI已于8月底推出…": the line's words)
        sentence = sentence[item.end():].lstrip()
    off = _springs(sentence, rules, present)
    if present - off and previous is not None and rules.follow_on_starts.match(sentence):
        off |= _springs(previous, rules, present - off)
    return off


def _springs(sentence: str, rules: CueRules, present: frozenset[str]) -> frozenset[str]:
    """The types of `present` whose sentence traps `sentence` springs."""
    off: frozenset[str] = frozenset()
    for trap in rules.sentence_traps.runnable(casefold_in_place(sentence))[0]:
        if trap.names.isdisjoint(present) or trap.names <= off:
            continue
        if (trap.regex.match if trap.anchored else trap.regex.search)(sentence):
            off |= trap.names
    return off


def _opens_filing_list(clause: _Clause, cue_clause: _Clause, rules: CueRules) -> bool:
    """Whether `clause` opens a list for a filing cue of `cue_clause`: with a colon, or as a
    word of its own ("…完成登记的服务。其中，A的“X”…，B的“Y”…")."""
    return bool(_LIST_COLON.search(clause.text)
                or clause.text.strip() in rules.enumeration_starts) and any(
        cue.event_type in FILING_TYPES for cue in cue_clause.cues)


class _Scope:
    """What the clauses of one sentence share, each worked out once, when first needed: the
    date of a cue's clause, the owner of a model named without one, and the subject of the
    sentence before."""

    def __init__(self, sentence: str, clauses: list[_Clause], previous: str | None,
                 reference: date | None, gazetteer: Gazetteer, rules: CueRules,
                 last_read: str | None = None):
        self.sentence, self.clauses, self.previous = sentence, clauses, previous
        self.last_read = last_read
        self.reference, self.gazetteer, self.rules = reference, gazetteer, rules
        self._previous_date: list[EventDate | None] = []  # worked out once, when first needed
        self._owners: dict[int, str | None] = {}
        self._previous_subject: list[str | None] = []  # worked out once, when first needed
        self._effective: list[EventDate | None] = []

    def cue_date(self, cue_at: int, models_at: int, event_type: str) -> EventDate | None:
        """The date of an event of `event_type` told by the cue of clause `cue_at`: for an
        announced change, when it takes effect if the sentence says so, else `date_of`."""
        when = self.date_of(cue_at, models_at)
        if event_type in self.rules.announced_types:
            return self.effective_date() or when
        return when

    def date_of(self, cue_at: int, models_at: int) -> EventDate | None:
        rules, previous = self.rules, self.previous
        when = _clause_date(self.clauses, cue_at, models_at, self.reference, rules)
        if when is None and any(a in self.sentence for a in rules.month_anaphors):
            # "公布2025年8月…登记情况。名单显示, 当月全省共有3款应用完成登记": the month of the
            # sentence before, else of publication
            earlier = self.previous_date()
            month = earlier.value if earlier and earlier.precision != "year" else self.reference
            return EventDate(month.replace(day=1), "month") if month else None
        if when is None and previous and any(a in self.sentence for a in rules.anaphors):
            when = self.previous_date()
            if when is not None and when.precision != "day" and _names_a_day(
                    self.sentence, rules):
                when = None  # (the scene's day is looked for further back)
        return when

    def previous_date(self) -> EventDate | None:
        """The date the sentence before states (for 当天, 当月), not the period a list covers
        ("昨日发布消息，今年11月至12月中旬，…新增12款…。…均在本批名单之中" is 昨日)."""
        if not self._previous_date:
            self._previous_date.append(
                _sentence_date(self.previous, self.reference, self.rules) if self.previous
                else None)
        return self._previous_date[0]

    def effective_date(self) -> EventDate | None:
        """When a change announced in the sentence takes effect, as it says in the cue's
        clause or another ("…, 新价格将于8月12日起生效", "7月7日发布调价通知：自7月10日起, …")."""
        if not self._effective:
            stated = (pattern.search(self.sentence)
                      for pattern in (self.rules.takes_effect, self.rules.effective_date))
            self._effective.append(next(
                (when for found in stated
                 if found and (when := _date_in(found.group(), self.reference, self.rules))),
                None))
        return self._effective[0]

    def owner_of(self, cue_at: int) -> str | None:
        """The organisation the sentence is about up to clause `cue_at` ("猎户星空召开发布会,
        正式发布自研的Orion-14B"), else, where the clauses up to it say 公司 or 其, the one
        the sentence before is about ("用友网络发布公告称, 公司自主研发的YonGPT…", "…发布财报。
        会上，公司管理层透露，自研的X已通过备案"), as it is where the sentence opens by going
        on with the one before ("…已完成备案；同时，基于该模型开发的“X”也已完成登记")."""
        if cue_at not in self._owners:
            owner = _first_target(self.clauses[: cue_at + 1], self.gazetteer, self.rules)
            if owner is None and (
                    any(word in clause.text for clause in self.clauses[: cue_at + 1]
                        for word in self.rules.organisation_anaphors)
                    or self.sentence.lstrip().startswith(self.rules.sentence_chained_starts)):
                owner = self.previous_subject()
            self._owners[cue_at] = owner
        return self._owners[cue_at]

    def previous_subject(self) -> str | None:
        """The organisation the sentence before is about (for 公司, 其, 该公司), in this
        paragraph or at the end of the one before ("…完成A轮融资。\n同日，公司发布…")."""
        if not self._previous_subject:
            self._previous_subject.append(
                _subject(self.last_read, self.gazetteer, self.rules) if self.last_read
                else None)
        return self._previous_subject[0]


def _names_in(
    sentence: str, gazetteer: Gazetteer, rules: CueRules, earlier: _EarlierNames | None = None
) -> list[Match]:
    """Gazetteer matches plus discovered model names, in text order: those the sentence
    introduces, and those an earlier sentence did that it names again without what introduced
    them ("旗下AI Agent产品RoboNeo自6月上线以来…。公告同时披露，RoboNeo已完成…登记")."""
    known = gazetteer.find(sentence)
    if "版" in sentence:
        known = _without_edition_labels(sentence, known)
    if rules.discovery is None:
        return known
    discovered = discover_models(sentence, gazetteer, rules.discovery, known)
    if earlier is not None:
        known = known + earlier.named_again(sentence, [*known, *discovered])
    if "-" in sentence:
        known = [_named_apart(sentence, m, rules.discovery) for m in known]
    if not discovered:
        return known
    named = []
    model_starts = {m.start for m in known if m.entry.kind == "model"}
    for item in discovered:
        if sentence[item.end : item.end + 1] in _CLOSING_QUOTES and item.end + 1 in model_starts:
            continue  # "“小钢炮”MiniCPM 2": a nickname of the model right after it
        # An organisation alias inside a discovered name (阅文 in “阅文妙笔”) is part of it, and
        # one opening it is its owner ("超级智能体“百度伐谋”").
        inside = [m for m in known if item.start <= m.start and m.end <= item.end]
        known = [m for m in known if m not in inside]
        if item.known is None:
            known = _without_latin_name(sentence, item, known)
        owner = item.organization or next(
            (m.entry.name for m in inside
             if m.entry.kind == "organization" and m.start == item.start), None)
        named.append(Match(
            gazetteer.models[item.known] if item.known else
            Entry("model", item.name, owner, family=item.kind, status="discovered"),
            item.start, item.end, item.surface, item.version))
    return sorted(known + named, key=lambda m: m.start)


def _without_edition_labels(sentence: str, known: list[Match]) -> list[Match]:
    """`known` less a model named as the edition of the model right before it: in "“天工大模型
    4.0”o1版" o1 labels 天工's edition, it is not OpenAI's model."""
    kept: list[Match] = []
    for match in known:
        before = kept[-1] if kept else None
        if (before is not None and before.entry.kind == match.entry.kind == "model"
                and sentence.startswith("版", match.end)
                and not sentence[before.end : match.start].strip(_CLOSING_QUOTES + " ")):
            continue
        kept.append(match)
    return kept


class _EarlierNames:
    """The Latin names the gazetteer lacks that an article's earlier sentences introduce, found
    only when a later sentence with a cue holds one of their words (discovery on every sentence
    would cost a fifth of the extraction's time)."""

    def __init__(self, read: list[_Sentence], text: str, gazetteer: Gazetteer, rules: CueRules):
        # (the article's sentences read so far, and its whole simplified text)
        self.read, self.text, self.gazetteer, self.rules = read, text, gazetteer, rules
        self.names: dict[int, dict[str, Discovery]] = {}  # sentence → its discovered names
        self.subjects: dict[int, str | None] = {}  # sentence → the organisation it is about
        # The article's events so far: the owners they give their models, and the companies
        # they are about ("平台Prime Intellect…发布INTELLECT-3" names a company, not an app)
        self.owners: dict[str, str] = {}
        self.organisations: set[str] = set()

    def told(self, found: list[_Found]) -> None:
        """Take note of the events a sentence told."""
        for f in found:
            if f.organization:
                self.organisations.add(f.organization)
                if f.model is not None:
                    self.owners.setdefault(f.model.entry.name, f.organization)

    def _repeated(self, sentence: str) -> Iterator[tuple[int, str]]:
        """Where the sentence holds a name the article has elsewhere too, and the name: a run
        of Latin words (the longest the article repeats: "K2 Think的权重") or a quoted name
        ("“小高老师”已完成…登记")."""
        text = self.text
        for words in _LATIN_NAME.finditer(sentence):
            group = words.group()
            gaps = [i for i, c in enumerate(group) if c == " "]
            runs = [group, *(group[:i] for i in reversed(gaps))]  # (the longest first)
            name = next((n for n in runs
                         if len(n) >= 3 and text.find(n, text.find(n) + 1) >= 0), None)
            if name is not None:
                yield words.start(), name
        if "“" in sentence or '"' in sentence or "「" in sentence or "『" in sentence:
            for quoted in _QUOTED_NAME.finditer(sentence):
                name = quoted.group(1)
                if text.find(name, text.find(name) + 1) >= 0:
                    yield quoted.start(1), name

    def named_again(self, sentence: str, found: list[Match | Discovery]) -> list[Match]:
        again: list[Match] = []
        for at, name in self._repeated(sentence):
            end = at + len(name)
            if name in self.organisations or any(f.start < end and at < f.end for f in found):
                continue
            introduced = self._introduced(name)
            if introduced is not None:
                index, item = introduced
                owner = item.organization or self.owners.get(name) or self._subject(index)
                version = _VERSION_AFTER_NAME.match(sentence, end)
                again.append(Match(
                    Entry("model", name, owner, family=item.kind, status="discovered"),
                    at, version.end() if version else end, name,
                    version.group(1) if version else None))
        return again

    def _introduced(self, name: str) -> tuple[int, Discovery] | None:
        """The first earlier sentence that introduces `name`, and how."""
        for index, text in enumerate(s.simplified for s in self.read):
            if name not in text:
                continue
            if index not in self.names:
                self.names[index] = {
                    d.name: d for d in discover_models(text, self.gazetteer, self.rules.discovery)
                    if d.known is None}
            if name in self.names[index]:
                return index, self.names[index][name]
        return None

    def _subject(self, index: int) -> str | None:
        """The organisation sentence `index` is about ("美图公司…公告称，旗下…产品RoboNeo…")."""
        if index not in self.subjects:
            self.subjects[index] = _subject(self.read[index].simplified, self.gazetteer,
                                            self.rules)
        return self.subjects[index]


def _named_apart(sentence: str, match: Match, rules: DiscoveryRules) -> Match:
    """`match`, or where a word of its own is joined to a known Latin name, the model that
    whole names, its owner's: "MiMo-Audio-7B-Base" is MiMo-Audio, not MiMo (but Qwen-Max
    only adds an edition)."""
    if match.entry.kind != "model" or match.version or not match.surface[-1:].isascii():
        return match
    word = joined_word(sentence, match.end, rules)
    if word is None:
        return match
    name = match.surface + word.group()
    return Match(Entry("model", name, match.entry.organization, family="latin",
                       status="discovered"), match.start, word.end(), name)


def _without_latin_name(sentence: str, item: Discovery, known: list[Match]) -> list[Match]:
    """`known` less a model that only starts the Latin name in brackets after the discovered
    `item`: "“天工超级智能体”（Skywork Super Agents）" is one agent, not also 天工 (Skywork)."""
    opening = item.end + (sentence[item.end : item.end + 1] in _CLOSING_QUOTES)
    if sentence[opening : opening + 1] != "(":
        return known
    closing = sentence.find(")", opening)
    return [m for m in known if not (
        m.entry.kind == "model" and m.start == opening + 1 and m.end < closing)]


def _clause(
    text: str, offset: int, matches: list[Match], candidates: list[_Cue],
    cue_words: tuple[bool, bool],
    rules: CueRules,
    effective: bool = False,
) -> _Clause:
    """One clause with offsets of its own; `candidates` and `matches` carry sentence offsets,
    `cue_words` says whether it holds a cue word at all, and one outside traps; `effective`
    whether a clause before it states an effective date (…起)."""
    end = offset + len(text)
    inside = tuple(
        Match(m.entry, m.start - offset, m.end - offset, m.surface, m.version)
        for m in matches if offset <= m.start and m.end <= end
    )
    cues: tuple[_Cue, ...] = ()
    if candidates:
        shifted = [_Cue(c.event_type, c.rank, c.start - offset, c.end - offset, c.text)
                   for c in candidates]
        cues = _accepted(text, shifted, inside, rules, effective)
    background = bool(cues) and bool(rules.background.search(text.rstrip(_QUOTES)))
    return _Clause(text, inside, cues, *cue_words, background)


def _has_modal_word(text: str, rules: CueRules) -> bool:
    return any(word.group("modal") for word in rules.modal_words.finditer(text))


def _cue_candidates(
    text: str, folded: str, rules: CueRules, present: frozenset[str], context: frozenset[str],
    previous: str | None = None,
) -> tuple[list[_Cue], list[_Cue]]:
    """Cue matches of `text` outside traps, for the types in `present` (the types whose
    trigger words the text holds) its sentence traps do not switch off (`previous` is the
    sentence before in the paragraph), and of them the text's own cues (not those a list the
    sentence before opened gives it). The patterns search `folded`, `text` casefolded."""
    candidates: list[_Cue] = []
    from_context: list[_Cue] = []
    matched: list[tuple[EventType, list[tuple[re.Match[str], list[_Cue]]]]] = []
    for event_type in rules.types:
        if event_type.name not in present:
            continue
        # (a pattern none of whose literals the sentence holds cannot match it: see prefilter)
        cues, context_cues = event_type.cue_scans.runnable(folded)
        found = [(cue, candidates) for s in cues for cue in s.regex.finditer(folded)]
        if event_type.name in context:
            found += [(cue, from_context) for s in context_cues for cue in s.regex.finditer(folded)]
        if found:  # (its traps only matter where it has cues: most sentences hold none)
            matched.append((event_type, found))
    # (and so do the sentence's traps: looked for only for the types with cues)
    off = _switched_off(text, rules, frozenset(t.name for t, _ in matched), previous) \
        if matched else frozenset()
    for event_type, found in matched:
        if event_type.name in off:
            continue
        trapped = [t.span() for trap in event_type.trap_scans.runnable(folded)[0]
                   for t in trap.regex.finditer(folded)]
        for cue, into in found:
            start, end = cue.span()
            if not any(s <= start < e or s < end <= e for s, e in trapped):
                into.append(_Cue(event_type.name, event_type.rank, start, end, text[start:end]))
    own = list(candidates)
    # A sentence stating one kind of list itself ("同时公布的还有5款完成登记的应用, A、B均在名单
    # 之中") is not a list of the other kind the sentence before announced.
    stated = {c.event_type for c in candidates if c.event_type in FILING_TYPES}
    # Nor is a clause naming its own kind ("…情况。新增备案2款：A、B；新增登记2款：C" holds
    # both, each clause one).
    candidates += [c for c in from_context if (not stated or c.event_type in stated)
                   and not _other_kind_beside(c, own, stated, text)]
    return candidates, own


def _stands_for_subject(
    clause: _Clause, index: int, cue: _Cue, rules: CueRules, round_told: bool = False
) -> bool:
    """Whether a funding or acquisition clause that names no target is about the sentence's
    subject: it names it by an anaphor ("公司", "其"), for an acquisition from the cue on unless
    the cue is told from the acquired side (in "公司拟…收购X" the company buys, in "公司已正式成为
    英伟达的一部分" it is bought); or an acquisition or funding clause opens with its cue
    ("Run:ai…宣布，已正式加入英伟达", "X周二正式官宣，已完成20亿美元种子轮融资"; not a round
    the sentence told already (`round_told`): "X宣布获得A、B等的投资，A1轮战略融资金额达
    3亿美元")."""
    acquired = cue.event_type == "acquisition"
    buyer_side = acquired and not rules.acquired_side.search(cue.text)
    told = clause.text[cue.start:] if buyer_side else clause.text
    return any(word in told for word in rules.organisation_anaphors) or bool(
        index and (acquired and cue.start == 0 or cue.event_type == "funding" and not round_told
                   and rules.cue_opening.fullmatch(clause.text, 0, cue.start)))


def _other_kind_beside(cue: _Cue, own: list[_Cue], stated: set[str], text: str) -> bool:
    """Whether the clause of list cue `cue` holds a cue of its own of the other filing kind."""
    return any(o.event_type in stated and o.event_type != cue.event_type
               and not _CLAUSE_BREAK.search(text, min(o.start, cue.start), max(o.end, cue.end))
               for o in own)


def _accepted(
    clause: str, candidates: list[_Cue], matches: tuple[Match, ...], rules: CueRules,
    effective: bool = False,
) -> tuple[_Cue, ...]:
    """The cues that state a fact, at most one per type; of overlapping cues of two types
    the more specific (earlier in the cue file) one."""
    accepted: list[_Cue] = []
    modal = False
    for cue in sorted(candidates, key=lambda c: (c.start, c.rank)):
        if any(m.start <= cue.start < m.end for m in matches):
            continue  # the cue word is part of a name
        # A negation or plan covers the later verbs of its clause too (计划发布并开源).
        modal = modal or _is_modal(clause, cue, matches, rules, effective)
        if modal:
            continue
        overlapping = [a for a in accepted if a.start < cue.end and cue.start < a.end]
        if any(a.rank <= cue.rank for a in overlapping):
            continue
        accepted = [a for a in accepted if a not in overlapping]
        same = next((a for a in accepted if a.event_type == cue.event_type), None)
        if same is None:
            accepted.append(cue)
        elif rules.attributive_after.match(clause, same.end) and not (
            rules.attributive_after.match(clause, cue.end)
        ):  # "X推出的Y正式上线": the verb of the clause, not the attribute
            accepted[accepted.index(same)] = cue
    for cue in list(accepted):
        for event_type in rules.types:
            if event_type.companion is None or cue.event_type not in event_type.companion_of:
                continue
            if any(a.event_type == event_type.name for a in accepted):
                continue
            found = event_type.companion.match(clause, cue.end)
            if not found and event_type.companion_before is not None:
                found = event_type.companion_before.search(clause, 0, cue.start)
                if found and rules.reference_verbs.search(clause, 0, found.start()):
                    found = None  # "基于Meta开源模型Llama打造的X正式发布"
            if found:
                start, end = found.span("cue")
                accepted.append(
                    _Cue(event_type.name, event_type.rank, start, end, found.group("cue"),
                         cue.end))
    return tuple(accepted)


def _is_modal(
    clause: str, cue: _Cue, matches: tuple[Match, ...], rules: CueRules, effective: bool = False,
) -> bool:
    """Whether a negation or plan word stands shortly before the cue (or a plan after it).
    `effective`: an earlier clause states when an announced change takes effect."""
    offset = max(0, cue.start - rules.window)
    for word in rules.modal_words.finditer(clause, offset, cue.start):
        if word.group("modal") is None:
            continue  # 未来, 将近: not modal
        if any(m.start <= word.start() < m.end for m in matches) or _in_company_name(
                clause, word.start(), matches, rules):
            continue  # part of a name: “灵犀拟人大模型”, "电智未来近日完成…融资"
        if word.group() in rules.announced_plans and _announced(
            clause, cue, word.end(), rules,
            effective or bool(rules.announced_before.search(clause, 0, word.start())),
        ):
            continue  # "将于4月1日起全面免费": decided, taking effect later
        # "将API价格下调", and "将推理模型o3的API价格下调": a model named shortly after 将 and
        # before the verb is its object (in "将推出o3" the verb comes first, in "将于下月…" a time)
        disposal = word.group() in rules.disposal_markers and (
            clause.startswith(rules.disposal_objects, word.end())
            or rules.disposal_phrases.match(clause, word.end(), cue.start)
            or not clause.startswith(_TIME_MARKERS, word.end()) and any(
                word.end() <= m.start <= word.end() + _DISPOSAL_GAP and m.end <= cue.start
                for m in matches)
        )
        if not disposal:
            return True
    # (a plan with its time inside a long cue too: "模型权重将于下周在Hugging Face开放下载")
    if any(not _announced(clause, cue, plan.end(1), rules, effective)
           for plan in rules.scheduled.finditer(clause, 0, cue.end)):
        return True
    return bool(rules.plans_after.match(clause, cue.end))


def _announced(clause: str, cue: _Cue, after: int, rules: CueRules, effective: bool) -> bool:
    """Whether a plan word ending at `after` announces a decided change instead: "将于4月1日起
    全面免费", "宣布将以13亿美元收购", or one whose effective date another clause states or
    that is announced ("宣布，将收购X")."""
    return cue.event_type in rules.announced_types and (
        effective or bool(rules.announced.match(clause, after)))


def _target_clause(
    clauses: list[_Clause], index: int, cue: _Cue, gazetteer: Gazetteer, rules: CueRules
) -> int:
    """The clause whose models (or organisations) a cue of clause `index` is about."""
    clause = clauses[index]
    if cue.event_type in FILING_TYPES and cue.end >= len(clause.text) and index + 1 < len(
            clauses) and not clause.names_a_model() and _targets(
            clauses[index + 1], cue, gazetteer, rules) and not any(
            c.event_type in FILING_TYPES for c in clauses[index + 1].cues):
        # (a list line's cue running to the end of its clause, which names no model but an
        # owner, is about the next clause's: "（一）某某科技有限公司，X大模型；"; not one
        # that tells its own kind: "…5款完成备案、8款完成登记，其中美团LongCat大模型完成备案")
        return index + 1
    if cue.event_type in rules.organisation_types:
        # (the investor inside the cue is none: "Scale AI证实，已获得Meta的投资")
        if _organisation_target(clause, cue, gazetteer, rules) is not None:
            return index
    elif _targets(clause, cue, gazetteer, rules):
        return index
    if index > 0 and not (cue.event_type == "acquisition"
                          and not any(word in clause.text for word in rules.acquired_back)):
        # (the subject of "X宣布, 以11亿美元收购Y" is the buyer; "…, 被Y收购", "与X签署协议,
        # 收购其…" look back)
        before = clauses[index - 1]
        # (open weights told right after a launch are the launched model's: "正式释出…的
        # TAIDE-LX-7B模型，开放各界免费下载")
        # (nor one that only announces what follows: "可灵AI于1月25日发布公告称，自2月1日起调整
        # 会员订阅价格")
        shares = clause.starts_with(rules.continuation_starts) or not before.any_cue or (
            cue.event_type == "open_source" and not clause.names_a_model()
            and any(c.event_type in rules.agent_types for c in before.cues)) or (
            not before.cues and rules.announcing_end.search(before.text) is not None)
        if shares and not _has_modal_word(before.text, rules) and _targets(
            before, cue, gazetteer, rules
        ) and not _own_subject(clause, cue, gazetteer, rules):
            return index - 1
    if cue.event_type == "open_source" and index + 1 < len(clauses) and not (
            clause.names_a_model()):
        after = clauses[index + 1]
        if any(c.start <= _VERB_START and c.event_type in rules.agent_types for c in after.cues) \
                and _targets(after, cue, gazetteer, rules):
            # (open weights told before the names a release verb then gives: "再次放出开放权重
            # 语言模型，发布gpt-oss-120b和gpt-oss-20b两款推理模型")
            return index + 1
    if cue.event_type in FILING_TYPES and index + 1 < len(clauses):
        after = clauses[index + 1]
        # (a clause naming its list after a colon may say what the list is: "新增登记服务2款：")
        colon_list = bool(after.matches) and bool(
            _LIST_COLON.search(after.text, 0, after.matches[0].start))
        is_list = colon_list or (not after.free_cue and (
            after.starts_with(rules.enumeration_starts)
            or any(word in after.text for word in rules.enumeration_ends)
            or clause.text.rstrip(_QUOTES).endswith(rules.list_openers)
        ))
        if is_list and _targets(after, cue, gazetteer, rules):
            return index + 1
    return index


def _own_subject(clause: _Clause, cue: _Cue, gazetteer: Gazetteer, rules: CueRules) -> bool:
    """Whether a release-like cue's clause names its own subject, an organisation before the
    cue: "以Project AI2.0入局大模型, 零一万物7月正式对外亮相" is the company's debut, not the
    model's of the clause before; or a count of models ("两款视频生成模型已面向全部用户开放")."""
    return cue.event_type in rules.agent_types and (
        any(o.end <= cue.start for o in _organisations(clause, gazetteer, rules))
        or bool(rules.counted_subject.search(clause.text, 0, cue.start)))


def _targets(clause: _Clause, cue: _Cue, gazetteer: Gazetteer, rules: CueRules) -> bool:
    if cue.event_type in rules.organisation_types:
        return bool(_organisations(clause, gazetteer, rules))
    return bool(_event_models(clause, cue.event_type, gazetteer, rules))


def _events(scope: _Scope, cue_at: int, models_at: int, cue: _Cue) -> Iterator[_Found]:
    clauses, gazetteer, rules, reference = (scope.clauses, scope.gazetteer, scope.rules,
                                            scope.reference)
    cue_clause, clause = clauses[cue_at], clauses[models_at]
    batch = None
    if cue.event_type in FILING_TYPES:
        # The cue's or the models' clause, else another of the sentence ("…已通过备案, 成为
        # 首批获准向公众提供服务的大模型之一"), never a background one.
        batch = _batch(cue_clause.text, rules) or _batch(clause.text, rules) or next(
            (b for c in clauses if not c.background and (b := _batch(c.text, rules))), None)
    following = clauses[cue_at + 1] if cue_at + 1 < len(clauses) else None
    if (cue.event_type in rules.agent_types
            and _attributive(cue_clause, cue, following, rules)
            and (cue.read_with_end >= 0 or not _describes_released(cue_clause, cue, rules))
            and (not _is_recent(_date_in(cue_clause.text, reference, rules), reference,
                                rules.attributive_days)
                 or rules.reference_verbs.search(cue_clause.text, 0, cue.start)
                 or rules.aside_opening.match(scope.sentence))):
        # "去年10月发布的Kimi": a release told as an attribute, long ago, or with no date of
        # its own ("此后推出的GPT-5将…"); "超越谷歌上周推出的Gemini 3 Pro": a recent one as a
        # yardstick; "事实上，…上月发布的X已…": a recent one in an aside
        return
    if cue.event_type in rules.organisation_types:
        own = cue if models_at == cue_at else None
        target = _organisation_target(clause, own, gazetteer, rules)
        if target is not None:
            yield _Found(cue.event_type, cue.text, None, target, None,
                         scope.cue_date(cue_at, models_at, cue.event_type), batch)
        return
    models = _event_models(clause, cue.event_type, gazetteer, rules)
    if not models:
        return
    when = scope.cue_date(cue_at, models_at, cue.event_type)  # (dating is the costly part)
    launch = None  # the release-like cue of the models' clause
    if models_at == cue_at and cue.event_type in rules.agent_types:
        launch = cue
    elif models_at < cue_at:  # (a clause before: "X发布Y，开放各界免费下载")
        launch = next((c for c in clause.cues if c.event_type in rules.agent_types), None)
    if launch is not None and rules.hosting_verbs.search(launch.text) and (
            rules.model_subject.search(clause.text, 0, launch.start)
            or any(m.end <= launch.start for m in models)):
        # "混元T2已同步上线腾讯元宝和腾讯云", "模型已上线腾讯元宝": the model put online is the
        # subject; what follows hosts it
        models = [m for m in models if m.end <= launch.start]
    elif launch is not None:
        # "X发布Y": a model before the cue is the agent when one follows it.
        objects = [m for m in models if m.start >= launch.end]
        models = objects or models
    hosts = _hosts(cue_clause, cue, rules)
    for model in models:
        if hosts and model.entry.status == "gazetteer" and model.entry.organization not in hosts:
            continue  # "华为云、腾讯云…相继宣布上线DeepSeek-R1": the platforms host it
        version = model.version or _version_nearby(clause, model, cue_clause, cue, rules)
        if version is None and following is not None and not following.matches and (
            cue.event_type in ("release", "upgrade")
        ):
            # "苍穹GPT完成新一轮迭代, 正式推出2.0版本": the version in the next clause.
            stated = rules.version_next_clause.match(following.text.lstrip(_QUOTES))
            version = stated.group(1) if stated else None
        event_type = cue.event_type
        released_version = False
        if event_type == "release" and version:
            # A new version of a known model; its first version is its release.
            if not _is_first(version, rules):
                event_type = "upgrade"
                released_version = model.entry.status == "discovered" and bool(model.version)
        organization = model.entry.organization
        if organization is None and model.entry.status == "discovered" and models_at and (
                rules.field_label.match(clause.text)):
            # "1.OPPO…有限公司，服务名称：小布助手；2.广州某某科技有限公司，服务名称：X": a field's
            # owner is its item's clause before, not the list's first
            organization = _line_owner(clauses[models_at - 1], gazetteer, rules)
        if organization is None and model.entry.status == "discovered":
            own = cue if models_at == cue_at else None
            listed = own is None or _in_list(clause.text, model, own, rules)
            organization = _attribute(clause, model, None if listed else own, gazetteer, rules,
                                      lambda: scope.owner_of(cue_at))
            if organization is None and models_at == cue_at + 1 and (
                    not cue_clause.names_a_model()):
                # "（二）某某传媒有限公司，某某新闻AI助手“小观”": the owner is the list line's
                # clause before
                organization = _line_owner(cue_clause, gazetteer, rules)
            if organization is None and not (listed and cue.event_type in FILING_TYPES):
                # Not for an item of a filing list: the list's subject is no developer.
                organization = scope.owner_of(cue_at)
        yield from _with_upgrade(
            _Found(event_type, cue.text, model, organization, version, when, batch,
                   released_version), rules)


def _line_owner(clause: _Clause, gazetteer: Gazetteer, rules: CueRules) -> str | None:
    """The owner a list line's clause names for the item after it: its last organisation."""
    owners = _organisations(clause, gazetteer, rules)
    return owners[-1].entry.name if owners else None


def _attributive(
    cue_clause: _Clause, cue: _Cue, following: _Clause | None, rules: CueRules
) -> bool:
    """Whether the cue is an attribute of what follows it ("去年发布的Kimi"), read on into
    the next clause where 的 closes its own ("与之一同亮相的，还有X" names what was launched)."""
    end = cue.end if cue.read_with_end < 0 else cue.read_with_end
    attributive = rules.attributive_after.match(cue_clause.text, end)
    if attributive is None or following is None or attributive.end() < len(cue_clause.text):
        return attributive is not None
    return rules.attributive_after.match(cue_clause.text + "，" + following.text, end) \
        is not None


def _flagship_labelled(
    clause: _Clause, cue: _Cue, gazetteer: Gazetteer, rules: CueRules
) -> Match | None:
    """The flagship model of the organisation before a release or open-source cue that names no
    model but a label with a letter and a model noun or 版本 ("月之暗面推出k1.5多模态思考模型",
    "深度求索开源R1模型"), with that label as its version; None when it says otherwise."""
    if cue.event_type not in ("release", "open_source") or clause.names_a_model():
        return None
    label = rules.release_label.match(clause.text, cue.end)
    if label is None:
        return None
    group = _matched_group(label)
    if not any(c.isalpha() for c in label.group(group)):
        return None  # (a bare number after a company is too often a figure)
    owner = next((o for o in reversed(clause.matches) if o.end <= cue.start), None)
    flagship = gazetteer.flagship(owner.entry.name) if owner is not None else None
    if flagship is None:
        return None
    return Match(flagship, label.start(group), label.end(group), label.group(group),
                 label.group(group))


def _with_upgrade(found: _Found, rules: CueRules) -> Iterator[_Found]:
    """`found`, and where it open-sources a version, that version's upgrade too: "开源第二代MoE
    大模型DeepSeek-V2" brings it out (or repeats its upgrade, which then merges into the same
    event)."""
    yield found
    if found.event_type == "open_source" and found.version and not _is_first(found.version, rules) \
            and not (found.model and found.model.entry.status == "discovered"):
        # (not of a model the gazetteer lacks, new to the reader: its version is part of its
        # name, "开源自研大模型A.X 4.0")
        yield replace(found, event_type="upgrade")


def _hosts(clause: _Clause, cue: _Cue, rules: CueRules) -> set[str]:
    """The known organisations before a cue that puts a model online (上线) on their
    platforms, unless they own it (see `hosting_verbs`)."""
    if not rules.hosting_verbs.search(cue.text):
        return set()
    return {m.entry.name for m in clause.matches
            if m.entry.kind == "organization" and m.end <= cue.start}


def _describes_released(clause: _Clause, cue: _Cue, rules: CueRules) -> bool:
    """Whether `cue` describes the model an earlier cue of its clause brings out ("发布两款开放
    权重的推理模型X": the weights are open, whatever 的 follows), or open weights under a
    licence ("基于Apache 2.0许可证开源的…版本X")."""
    kinds = next(t.companion_of for t in rules.types if t.name == cue.event_type)
    return any(c.event_type in kinds and c.end <= cue.start for c in clause.cues) or bool(
        cue.event_type == "open_source"
        and rules.licence_before.search(clause.text, 0, cue.start))


def _is_first(version: str, rules: CueRules) -> bool:
    """1.0, V1, and an edition of it (Seedance 1.0 pro): a first version."""
    return version.split()[0].lstrip("vV") in rules.first_versions


def _is_recent(when: EventDate | None, reference: date | None, days: int) -> bool:
    """Whether `when` lies within `days` before publication (a month: the same month)."""
    if when is None or reference is None:
        return False
    if when.precision == "day":
        return 0 <= (reference - when.value).days <= days
    return when.precision == "month" and when.value == reference.replace(day=1)


def _event_models(
    clause: _Clause, event_type: str, gazetteer: Gazetteer, rules: CueRules
) -> list[Match]:
    """The clause's models that the event is about, in order, one match per model.

    Comparison points (对标ChatGPT, GPT-4级) are left out. In filing lists an organisation
    standing alone (…、百川智能、…) stands for its one flagship model.
    """
    filing = event_type in FILING_TYPES
    found = clause.event_models.get(filing)
    if found is None:
        found = clause.event_models[filing] = _clause_models(clause, filing, gazetteer, rules)
    return list(found)


def _clause_models(
    clause: _Clause, filing: bool, gazetteer: Gazetteer, rules: CueRules
) -> list[Match]:
    """`_event_models` of a clause, for a filing type or (`filing` False) another."""
    models: list[Match] = []
    matches = clause.matches
    reference_end = -1  # where the last comparison point or model in use ended
    for index, match in enumerate(matches):
        if match.entry.kind == "model":
            service = match.entry.status == "discovered" and match.entry.family == "service"
            if service and not filing:
                continue  # a quoted name in a list (、“X”) counts only in filing lists
            following = matches[index + 1] if index + 1 < len(matches) else None
            if following is not None and following.entry.kind == "model" and (
                following.entry.name != match.entry.name
            ) and rules.series_before_name.fullmatch(clause.text, match.end, following.start):
                continue  # "“书生”科学多模态大模型Intern-S1": the series of the next one
            # (a list of them goes on: "调用的已备案模型：DeepSeek、通义千问")
            if _is_reference(clause, match, rules) or (
                    reference_end >= 0 and rules.list_separators.fullmatch(
                        clause.text, reference_end, match.start)):
                reference_end = match.end
            else:
                models.append(match)
            continue
        if not filing:
            continue
        following = matches[index + 1] if index + 1 < len(matches) else None
        # "…、百川智能、…" names its flagship; "百川智能的百川大模型", "小红书旗下应用“点点”"
        # name the model.
        between = clause.text[match.end : following.start] if following else ""
        names_model = following is not None and following.entry.kind == "model" and not (
            rules.list_separators.search(between)
        )
        flagship = gazetteer.flagship(match.entry.name)
        in_brackets = match.start > 0 and clause.text[match.start - 1] in _OPENING_BRACKETS
        # (nor the owner of a model the clause names: "2｜可灵大模型｜北京快手科技有限公司")
        owns = any(m.entry.kind == "model" and m.entry.organization == match.entry.name
                   for m in matches)
        # (nor a subsidiary's legal name whose item's name follows the comma: "杭州网易云音乐科技
        # 有限公司，“网易云音乐AI DJ”")
        closing = _LEGAL_NAME_CLOSING.fullmatch(clause.text, match.end)
        if not names_model and flagship is not None and not in_brackets and not owns and (
                closing is None or match.end == closing.end()):
            # (not an owner in brackets: "“点点”（行吟信息科技（上海）有限公司）")
            models.append(Match(flagship, match.start, match.end, match.surface))
    # 通义千问…Qwen2.5: one model, and the versioned match says more; but "文心大模型4.5和
    # 文心大模型X1" are two versions. "从3.5升级至4.0": the version left behind is none (the
    # one a later snapshot refines is dropped with the article's mentions: _without_refined).
    versioned = {m.entry.name for m in models if m.version is not None}
    chosen: dict[tuple[str, str | None], Match] = {}
    for model in models:
        if model.entry.name in versioned and (
            model.version is None or clause.text[: model.start].endswith("从")
        ):
            continue
        # (of one model named twice, the later: "腾讯混元…开源MoE模型“混元Large”" opens the second;
        # not its other name in brackets: "书生·浦语3.0（InternLM3）" is written as the first)
        key = (model.entry.name, _version_key(model.version))
        if key in chosen and chosen[key].end == model.start - 1 and (
                clause.text[model.start - 1] in _OPENING_BRACKETS):
            continue
        chosen[key] = model
    kept = list(chosen.values())
    if not kept and models:  # every version was a starting point
        kept = [m for m in models if m.version is not None][-1:]
    kept_set = set(kept)
    return [m for m in models if m in kept_set]


def _only_references(clause: _Clause, rules: CueRules) -> bool:
    """Whether a clause without a cue of its own names only models something else uses:
    "…——“X”, 所调用的已备案模型为通义千问" is a note on the item, and the list goes on."""
    return bool(clause.matches) and not clause.free_cue and all(
        _is_reference(clause, m, rules) for m in clause.matches)


def _is_reference(clause: _Clause, model: Match, rules: CueRules) -> bool:
    """Whether `model` is a comparison point or a model something else uses, not the subject
    of the clause's event. Its owner's name may come first: "所调用的已备案模型为网易伏羲玉言
    大模型"."""
    text = clause.text
    start = next((m.start for m in clause.matches
                  if m.end == model.start and m.entry.kind == "organization"), model.start)
    # (the window is counted after an opening quote: "备案模型为“小红书大模型”")
    before = text[max(0, start - rules.reference_window - 3) : start].rstrip(_QUOTES)
    if before[-rules.reference_window - 2 :].endswith(rules.reference_prefixes):
        return True
    if rules.channel_list_before.search(text, 0, start):
        return True
    if rules.channel_after.match(text, model.end) and rules.channel_verb_before.search(
            text, 0, start) and any(m.entry.kind == "model" and m.end < start
                                    for m in clause.matches):
        return True  # a product another model went live in: "GLM-5已同步上线智谱清言App"
    if rules.reference_verbs.search(text, 0, start):
        return True
    return bool(rules.reference_suffixes.match(text, model.end))


def _version_nearby(
    clause: _Clause, model: Match, cue_clause: _Clause, cue: _Cue, rules: CueRules
) -> str | None:
    """A version written apart from the name: 升级至5.0版本, “紫东太初”全模态大模型2.0版本,
    发布R1-0528版本."""
    if cue.event_type not in ("release", "upgrade"):
        return None
    after_model = rules.version_after_model.match(clause.text, model.end)
    if after_model:
        return after_model.group(_matched_group(after_model))
    after_cue = (rules.version_after_cue if cue.event_type == "upgrade"
                 else rules.release_label).match(cue_clause.text, cue.end)
    if after_cue is None and cue_clause is not clause:
        # "可灵AI昨日宣布，全新2.5 Turbo视频生成模型正式上线": the cue's own clause opens
        # with the version of the model the clause before names
        after_cue = rules.version_opening_clause.match(cue_clause.text, 0, cue.start)
    return after_cue.group(_matched_group(after_cue)) if after_cue else None


def _matched_group(match: re.Match[str]) -> int:
    """The number of the first group of a version pattern that matched (its alternatives each
    hold one)."""
    return next(number for number, group in enumerate(match.groups(), 1) if group)


def _attribute(
    clause: _Clause, model: Match, cue: _Cue | None, gazetteer: Gazetteer, rules: CueRules,
    subject_of_sentence: Callable[[], str | None],
) -> str | None:
    """The developer of a discovered model: the organisation right before it (容联云自研的
    “赤兔”, 小红书旗下AI搜索应用“点点”), else the clause's subject, its first organisation
    before the cue (A发布B); never a yardstick or what it is built on (`reference_verbs`:
    "基于盘古大模型开发的“X”"). For an
    item of a list (`cue` None) only the organisation right before it. Where that one is the
    partner of 公司 (`_partner_of_subject`), the organisation the sentence is about."""
    orgs = [m for m in _organisations(clause, gazetteer, rules) if (
        m.end <= model.start or m.start >= model.end)
        and not rules.reference_verbs.search(clause.text, 0, m.start)]
    before = [o for o in orgs if o.end <= model.start]
    if before and (model.start - before[-1].end <= rules.attribution_gap
                   or rules.owner_before.fullmatch(clause.text, before[-1].end, model.start)):
        developer = _joint_first(clause.text, before, model.start, rules)
        if _partner_of_subject(clause.text, developer, model.start, rules):
            return subject_of_sentence()  # "公司与西湖心辰联合开发的“X”"
        return developer.entry.name
    if cue is None:
        return None
    subject = next((o for o in orgs if o.end <= max(cue.start, model.start)), None)
    return subject.entry.name if subject else None


def _joint_first(text: str, orgs: list[Match], until: int, rules: CueRules) -> Match:
    """The last of `orgs`, or where it and those before it act jointly ("A与B联合发布…"
    up to `until`), the first of them."""
    last = len(orgs) - 1
    if not any(word in text[orgs[last].end : until] for word in rules.joint_markers):
        return orgs[last]
    first = last
    while first > 0 and text[orgs[first - 1].end : orgs[first].start].strip(_BRACKETS) in (
        rules.joint_connectors
    ):  # ("…大学（MBZUAI）与G42": the short name in brackets is the same one)
        first -= 1
    return orgs[first]


def _partner_of_subject(text: str, partner: Match, until: int, rules: CueRules) -> bool:
    """Whether `partner` acts jointly with an organisation the text names only as 公司 or 其
    ("公司与西湖心辰联合开发的…"): then that one is the developer."""
    return text[: partner.start].endswith(tuple(
        anaphor + connector for anaphor in rules.organisation_anaphors
        for connector in rules.joint_connectors if connector)) and any(
        word in text[partner.end : until] for word in rules.joint_markers)


def _in_list(text: str, model: Match, cue: _Cue, rules: CueRules) -> bool:
    """Whether `model` is an item of a list before its cue ("A的X、B的Y均在名单中"), where
    the clause's subject is not its owner."""
    if model.start >= cue.start:
        return False
    separators = list(rules.list_separators.finditer(text, 0, model.start))
    # (not one joining the developers: "公司与甲乙科技联合开发的“X”")
    return bool(separators) and not any(
        word in text[separators[-1].end() : model.start] for word in rules.joint_markers)


def _organisations(clause: _Clause, gazetteer: Gazetteer, rules: CueRules) -> list[Match]:
    """Organisations of the clause, a gazetteer model standing for its developer, and
    companies the gazetteer lacks where the text names one ("AI硬件初创公司io"); not one
    right after 由 ("由苹果前首席设计官参与创立的公司io": 苹果 is not the one meant) unless
    it developed what follows ("由国家超级计算天津中心研发的“天河天元”"), nor the host of the
    event where the news broke ("在英伟达GTC 2025大会上")."""
    found = []
    for match in clause.matches:
        if match.entry.kind == "organization":
            found.append(match)
        elif match.entry.organization and match.entry.status == "gazetteer" and not (
                rules.reference_suffixes.match(clause.text, match.end)):
            # (not what a model is built on: "以Llama 2为基础…的TAIDE-LX-7B模型")
            entry = gazetteer.organizations.get(match.entry.organization)
            if entry is not None:  # "DeepSeek完成融资": the model names its company
                found.append(Match(entry, match.start, match.end, match.surface))
    for named, name, start, end in _company_names(clause.text, rules):
        overlapped = [m for m in [*clause.matches, *found] if m.start < end and start < m.end
                      and (m.entry.status == "gazetteer" or m.entry.kind == "organization")]
        if overlapped and not _subsidiary(name, start, overlapped, rules) and not (
                _holds_other_name(name, start, overlapped, rules)):
            continue  # (a name discovery took for an app may still be a company: 平台Statsig)
        found = [o for o in found if o not in overlapped]
        if not _is_company_name(name, named, rules):
            continue  # "该公司", "人工智能", "公司AI阅读助手"
        entry = Entry("organization", name, None, status="discovered")
        found.append(Match(entry, start, end, name))
    text = clause.text
    # "上海岩芯数智人工智能科技有限公司（RockAI）", "…人工智能大学（MBZUAI）": one organisation,
    # known by its short name; a short name with another name in brackets is known by the
    # first: "加速进化（Booster Robotics）"
    renamed = set()
    for o in found:
        for other in found:
            if other.start > o.end and _SHORT_NAME.fullmatch(text, o.end, other.start):
                renamed.add(o.start if is_full_name(o.surface) else other.start)
            elif other.start == o.end + len(_PARENT_OF) and text.startswith(_PARENT_OF, o.end):
                renamed.add(o.start)  # "国药集团旗下国药数科推出…": the subsidiary acts
    def acts(o: Match) -> bool:
        if rules.former_staff_after.match(text, o.end):
            return False  # "收购苹果前首席设计官…创立的公司io": a person's former employer
        before = text[max(0, o.start - 1) : o.start]
        if before == "由":
            return bool(rules.developed_after.match(text, o.end))
        return before != "在" or not rules.venue_after.match(text, o.end)

    return sorted((o for o in found if o.start not in renamed and acts(o)),
                  key=lambda m: m.start)


def _company_names(text: str, rules: CueRules) -> Iterator[tuple[re.Match[str], str, int, int]]:
    """What the company-name patterns find in `text`: each match, its name and the name's
    span, the name without what the company makes before its legal name ("灵巧手研发商灵心巧手
    （北京）科技有限公司")."""
    for pattern in rules.company_names:
        for named in pattern.finditer(text):
            start, end = named.span("name")
            name = named["name"]
            if described := rules.legal_name_described.match(name):
                name, start = name[described.end():], start + described.end()
            yield named, name, start, end


def _is_company_name(name: str, named: re.Match[str], rules: CueRules) -> bool:
    """Whether `name`, which company-name match `named` found, is a name: not an anaphor or
    a time ("该公司", "公司近日…"), a regulator, generic words ("人工智能") or a stop name."""
    return not (name.startswith(rules.company_bad_starts) or name.endswith(
        rules.regulator_ends) or rules.discovery and (
        is_generic(name, rules.discovery) and not named.groupdict().get("code")
        or name.casefold() in rules.discovery.stop_names))


def _in_company_name(clause: str, at: int, known: tuple[Match, ...], rules: CueRules) -> bool:
    """Whether offset `at` of `clause` lies inside a company's name the gazetteer lacks: the
    未来 of "电智未来近日完成A轮融资" plans nothing (but a name running into a known one is
    none: "苹果并未在会上推出…"). (Looked for only where a plan or negation word stands,
    which is rare.)"""
    return any(start <= at < end and _is_company_name(name, named, rules)
               and not any(m.start < end and start < m.end for m in known)
               for named, name, start, end in _company_names(clause, rules))


def _holds_other_name(name: str, start: int, overlapped: list[Match], rules: CueRules) -> bool:
    """Whether legal name `name` (at `start`) only holds the known organisations it overlaps
    inside its own name: "北京智汇医联科技有限公司" is not 医联 (but "北京百度网讯科技有限公司",
    its region and then the known name, is 百度)."""
    region = next((r for r in rules.legal_regions if name.startswith(r)), "")
    if not region or not is_legal_name(name):
        return False  # (a match may run on from words before the name: "则有北京三快…")
    own = start + len(region) + (name[len(region):len(region) + 1] in _REGION_LEVELS)
    return all(m.start > own for m in overlapped)


def _subsidiary(name: str, start: int, overlapped: list[Match], rules: CueRules) -> bool:
    """Whether company `name` (at `start`) is a part of the known organisations it holds, an
    organisation of its own: "上海交通大学医学院附属瑞金医院" is not 上海交通大学."""
    return all(start <= m.start and rules.subsidiary_markers.search(name, m.end - start)
               for m in overlapped)


def _names_anaphor(clauses: list[_Clause], index: int, rules: CueRules) -> bool:
    """Whether the cue's clause, or a clause before it, says "该模型" or the like ("该模型可为
    残缺铭文补全文字, …, 相关代码与数据集也已开源"); not a clause before that tells a plan
    ("X将于10月24日发布新版本, 并同步推出私有化部署方案": the plan goes on)."""
    return rules.model_anaphors.search(clauses[index].text) is not None or any(
        rules.model_anaphors.search(clause.text) and not _has_modal_word(clause.text, rules)
        for clause in clauses[:index])


def _named_versions(
    clauses: list[_Clause], index: int, antecedents: tuple[Match, ...]
) -> tuple[Match, ...]:
    """The models told before whose version label alone stands for them in the clauses up to
    `index` ("DeepSeek发布DeepSeek-V3.1。…V3.1的Base模型已开源"). Only a label with a letter
    (V3.1, R1, K2): a bare number is too often a figure."""
    return tuple(
        model for model in antecedents
        if model.version and model.version[0].isalpha() and any(
            re.search(_BARE_LABEL.format(re.escape(model.version)), clause.text, re.I)
            for clause in clauses[: index + 1])
    )


def _brought_out(found: list[_Found], rules: CueRules) -> tuple[Match, ...]:
    """The models the sentence's earlier events bring out, which a clause going on with the same
    subject and naming none is about too ("正式发布Orion-14B系列大模型, …, 并宣布在GitHub…开源")."""
    return tuple({f.model.entry.name: f.model for f in found
                  if f.model and f.event_type in rules.chained_types}.values())


def _referents(
    found: list[_Found], clauses: list[_Clause], index: int, antecedents: tuple[Match, ...],
    rules: CueRules,
) -> tuple[Match, ...]:
    """What "该模型", "模型权重" refer to: the models of the sentence's earlier events ("…发布
    Llama 4系列, …, 模型权重已开放下载"), else the models its clauses before `index` name
    ("举办“讯飞星火认知大模型”成果发布会, 这款…大模型正式亮相"), else those of the
    paragraph's last sentence with events."""
    earlier = {f.model.entry.name: f.model for f in found if f.model}
    if not earlier:
        earlier = {m.entry.name: m for clause in clauses[:index] for m in clause.matches
                   if m.entry.kind == "model" and not _is_reference(clause, m, rules)}
    return tuple(earlier.values()) or antecedents


def _anaphor_events(
    cue: _Cue, antecedents: tuple[Match, ...], when: EventDate | None, rules: CueRules,
    owners: dict[str, str | None], filed: bool = False,
) -> Iterator[_Found]:
    """Events of `cue` about the models an anaphor stands for ("目前，该模型已在Hugging
    Face开源": the model of the sentence before); `owners` are the organisations the
    sentence's events so far gave models the gazetteer lacks. A filing is told so only
    with the anaphor in its own clause (`filed`: "该模型此前已完成…备案")."""
    for model in antecedents:
        organization = model.entry.organization or owners.get(model.entry.name)
        event_type = cue.event_type
        if event_type == "release" and model.version and not _is_first(model.version, rules):
            event_type = "upgrade"
        if event_type in FILING_TYPES:
            if filed:  # (dated by its own clause only)
                yield _Found(event_type, cue.text, model, organization, None, when, None,
                             date_settled=True)
            continue  # a filing names its models
        yield from _with_upgrade(
            _Found(event_type, cue.text, model, organization, model.version, when, None), rules)


def _subject(sentence: str, gazetteer: Gazetteer, rules: CueRules) -> str | None:
    """The organisation a sentence is about (see `_first_target`)."""
    matches = _names_in(sentence, gazetteer, rules)
    clauses = [_clause(part.group(), part.start(), matches, [], (False, False), rules)
               for part in _CLAUSES.finditer(sentence)]
    return _first_target(clauses, gazetteer, rules)


def _first_target(clauses: list[_Clause], gazetteer: Gazetteer, rules: CueRules) -> str | None:
    """The organisation `clauses` are about: the last one (not an investor, not after 由) of
    the first clause that names any."""
    return next((target for clause in clauses
                 if (target := _organisation_target(clause, None, gazetteer, rules))), None)


def _organisation_target(
    clause: _Clause, cue: _Cue | None, gazetteer: Gazetteer, rules: CueRules
) -> str | None:
    """The organisation an acquisition or funding is about, or None when unsure.

    Acquisitions: 对X…收购, 与X达成收购协议 and 收购X name the target, X被…收购 too; the
    acquirer is never taken for the target. Funding: an organisation the cue addresses
    (宣布向X追加投资), else the one before the cue (X完成融资), never an investor (Y领投).
    `cue` is None when the clause is the subject clause before the cue's own clause.
    """
    text = clause.text
    orgs = _organisations(clause, gazetteer, rules)
    if cue is None:
        candidates = [o for o in orgs if not rules.investor_markers.match(text, o.end)]
        return _joint_first(text, candidates, len(text), rules).entry.name if candidates else None
    before = [o for o in orgs if o.end <= cue.start]
    after = [o for o in orgs if o.start >= cue.end]
    if cue.event_type != "acquisition":
        if rules.anaphoric_target.search(cue.text):
            return None  # (the clause before names it)
        addressed = [
            o for o in orgs if cue.start <= o.start < cue.end
            and rules.target_markers.search(text, cue.start, o.start)
        ]
        if addressed:
            return addressed[0].entry.name
        if cue.text.startswith(rules.investor_verbs):
            return None  # the subject invests; the funded company is not named here
        investor = rules.investor_markers

        def funded(o: Match) -> bool:
            return not investor.match(text, o.end)

        chosen = next((o for o in reversed(before) if funded(o)), None) or next(
            (o for o in after if funded(o)), None)
        return chosen.entry.name if chosen else None
    # (read up to the cue's end: "把X收入囊中" marks X by the idiom that follows)
    towards = max((m.start() for m in rules.acquired_markers.finditer(text, 0, cue.end)
                   if m.start() < cue.start), default=-1)
    if towards >= 0:
        targets = [o for o in before if o.start > towards]
    elif after:
        targets = after[:1]
    else:
        passive = max((m.start() for m in rules.acquired_passive.finditer(text, 0, cue.start)),
                      default=-1)
        targets = [o for o in before if o.end <= passive][-1:] if passive >= 0 else []
    return targets[0].entry.name if targets else None


def _clause_date(
    clauses: list[_Clause], cue_at: int, models_at: int, reference: date | None,
    rules: CueRules,
) -> EventDate | None:
    """The date in the cue's clause or its models' clause, else the nearest one before.

    Clauses that state an "as of" date (截至2023年底) give none, and a background clause
    before the cue (…公开邀测之后) ends the search: its date is its own event's. A vague
    date (刚刚, 近日) gives way to a date in a clause before ("今年3月，百度刚刚推出…").
    """
    vague: EventDate | None = None  # "刚刚", "近日": only if no clause before says more
    # (models after the cue's clause with a date of their own are another day's: "周一开源
    # A；周二放出B，同样开放权重")
    for index in dict.fromkeys((models_at, cue_at) if models_at > cue_at else (cue_at, models_at)):
        text = clauses[index].text
        when = _date_in(text, reference, rules)
        if when is not None:
            if not rules.vague_dates.search(text) or rules.bound_vague.search(text) or _date_in(
                rules.vague_dates.sub("", text), reference, rules
            ):
                return when
            vague = vague or when
    reported = False  # a clause between says the news is told ("3月19日，记者从X获悉，…近日…")
    for index in range(cue_at - 1, -1, -1):
        clause = clauses[index]
        if clause.background or (vague and clause.any_cue):
            return vague  # a vague date beats the date of another event
        reported = reported or bool(vague and rules.reporting.search(clause.text))
        when = _date_in(clause.text, reference, rules)
        if when is not None and reported:
            return vague  # (the date the news is told, not of the event)
        if when is not None and not (vague and when.precision == "year"):
            return when  # (2025年第四季度 says less than 近日)
    return vague


def _date_in(text: str, reference: date | None, rules: CueRules) -> EventDate | None:
    if any(trap in text for trap in rules.date_traps):
        return None
    if "至" in text or "到" in text or "以来" in text:
        # a period a list covers dates none of its events, nor does the start of one ("这是
        # 自2019年GPT-2以来…首次开放模型权重")
        text = rules.periods.sub("", text)
    if dateline := _DATELINE.match(text):
        # a date after a wire's dateline is the event's: "浙江在线6月26日讯 昨天，…"
        told = resolve_event_date(text[dateline.end():], reference)
        if told is not None:
            return told
    return resolve_event_date(text, reference)


def _list_types(clause: _Clause, rules: CueRules) -> frozenset[str]:
    """The kinds of filing list a clause announces: those of its cues, and both where it
    names both ("公布第一批备案及登记信息")."""
    kinds = frozenset(c.event_type for c in clause.cues) & FILING_TYPES
    if kinds and rules.both_lists.search(clause.text):
        return FILING_TYPES
    return kinds


def _batch(clause: str, rules: CueRules) -> int | None:
    match = rules.batch_pattern.search(clause)
    if match is None:
        return None
    if any(trap.search(clause, match.start()) for trap in rules.batch_traps):
        return None  # 首批…类大模型之一: the first of a kind
    if match.group(2):  # 首批
        return 1
    return _cn_number(match.group(1))


def _cn_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(ones, 0)
    return _CN_DIGITS.get(text)
