"""Articles → event mentions: which model or organisation, which event, when, which batch.

Works clause by clause on the simplified text: a clause holding a cue of an event type
(seeds/event_cues.toml) and gazetteer models becomes one mention per model, unless the cue
sits in a trap (ICP备案), is negated or planned (尚未, 将, 计划), or the sentence is a
question. Models named only as a point of comparison (对标ChatGPT) are skipped. A clause
that enumerates models after a cue clause ("…通过备案的大模型主要是…, 包括A、B") takes
that cue. Hands on `Mention` records; merging them into events is the warehouse's job.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from extractors.dates import resolve_event_date
from extractors.gazetteer import Gazetteer, Match
from extractors.normalize import simplify, stable_id
from extractors.records import EVENT_TYPES, Article, Mention

DEFAULT_CUES_PATH = Path(__file__).resolve().parents[1] / "seeds" / "event_cues.toml"
MAX_EVIDENCE_CHARS = 400
_SENTENCES = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")
# Colons stay inside a clause: "通过备案的大模型有:A、B" is one statement.
_CLAUSE_SPLIT = re.compile(r"[,，]")
_QUOTES = "“”\"'‘’「」『』《》 的"
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
FILING_TYPES = ("filing", "registration")


@dataclass(frozen=True)
class EventType:
    name: str
    cues: tuple[re.Pattern[str], ...]
    traps: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class CueRules:
    types: tuple[EventType, ...]
    window: int
    negations: tuple[str, ...]
    plans: tuple[str, ...]
    not_modal: tuple[str, ...]
    question_marks: tuple[str, ...]
    reference_prefixes: tuple[str, ...]
    reference_window: int
    enumeration_starts: tuple[str, ...]
    organisation_types: frozenset[str]
    batch_pattern: re.Pattern[str]
    inherit_article_batch: bool

    @classmethod
    def load(cls, path: str | Path = DEFAULT_CUES_PATH) -> CueRules:
        with Path(path).open("rb") as handle:
            raw = tomllib.load(handle)
        types = []
        for name, spec in raw["types"].items():
            if name not in EVENT_TYPES:
                raise ValueError(f"{path}: unknown event type {name!r}")
            types.append(
                EventType(
                    name,
                    tuple(re.compile(c, re.I) for c in spec["cues"]),
                    tuple(re.compile(t, re.I) for t in spec.get("traps", [])),
                )
            )
        modality, roles = raw["modality"], raw["roles"]
        return cls(
            types=tuple(types),
            window=int(modality["window"]),
            negations=tuple(modality["negations"]),
            plans=tuple(modality["plans"]),
            not_modal=tuple(modality.get("not_modal", [])),
            question_marks=tuple(modality["question_marks"]),
            reference_prefixes=tuple(roles["reference_prefixes"]),
            reference_window=int(roles["reference_window"]),
            enumeration_starts=tuple(roles["enumeration_starts"]),
            organisation_types=frozenset(roles["organisation_types"]),
            batch_pattern=re.compile(raw["batches"]["pattern"]),
            inherit_article_batch=bool(raw["batches"]["inherit_article_batch"]),
        )


@dataclass(frozen=True)
class _Cue:
    event_type: str
    text: str
    clause: str
    sentence: str


def extract_mentions(
    articles: list[Article], gazetteer: Gazetteer, rules: CueRules
) -> list[Mention]:
    mentions: list[Mention] = []
    for article in articles:
        mentions.extend(mentions_in_article(article, gazetteer, rules))
    return mentions


def mentions_in_article(article: Article, gazetteer: Gazetteer, rules: CueRules) -> list[Mention]:
    reference = article.published_at.date() if article.published_at else None
    sentences = [s.strip() for s in _SENTENCES.findall(article.text) if s.strip()]
    found: list[tuple[int, str, _Cue, Match | None, str | None, str | None]] = []
    for index, sentence in enumerate(sentences):
        for cue, model, organization, version in _events_in_sentence(sentence, gazetteer, rules):
            found.append((index, sentence, cue, model, organization, version))
    article_batch = _article_batch(sentences, rules)
    mentions: dict[tuple[str, int], Mention] = {}
    for index, sentence, cue, model, organization, version in found:
        event_type = cue.event_type
        if event_type == "release" and version:
            event_type = "upgrade"  # a new version of a known model
        batch = None
        if event_type in FILING_TYPES:
            batch = _batch(cue.clause, rules) or (
                article_batch if rules.inherit_article_batch else None
            )
        model_name = model.entry.name if model else None
        event_id = stable_id(
            "event", event_type, model_name, None if model_name else organization,
            version if event_type == "upgrade" else None,
        )
        date = _date_near(cue, reference)
        mention = Mention(
            event_id=event_id,
            article_id=article.article_id,
            event_type=event_type,
            model=model_name,
            organization=organization,
            sentence=sentence[:MAX_EVIDENCE_CHARS],
            cue=cue.text,
            sentence_index=index,
            event_date=date,
            batch=batch,
            version=version,
        )
        mentions.setdefault((event_id, index), mention)
    return list(mentions.values())


def _events_in_sentence(sentence: str, gazetteer: Gazetteer, rules: CueRules):
    simplified = simplify(sentence)
    if any(mark in simplified for mark in rules.question_marks):
        return
    last_cue: _Cue | None = None  # enumerations in later clauses continue this cue
    for clause in _CLAUSE_SPLIT.split(simplified):
        matches = gazetteer.find(clause)
        cue = _find_cue(clause, matches, rules, sentence)
        if cue is None and last_cue is not None and clause.lstrip(_QUOTES).startswith(
            rules.enumeration_starts
        ):
            cue = last_cue
        last_cue = cue
        if cue is None:
            continue
        orgs = [m for m in matches if m.entry.kind == "organization"]
        if cue.event_type in rules.organisation_types:
            # "DeepSeek完成融资": a model name stands for its developer here.
            orgs = sorted(orgs + [_as_organisation(m, gazetteer) for m in matches
                                  if m.entry.kind == "model" and m.entry.organization],
                          key=lambda m: m.start)
            target = _organisation_target(clause, orgs, cue)
            if target is not None:
                yield cue, None, target, None
            continue
        for model in _event_models(clause, matches, cue, gazetteer, rules):
            yield cue, model, model.entry.organization, model.version


def _as_organisation(model: Match, gazetteer: Gazetteer) -> Match:
    entry = gazetteer.organizations.get(model.entry.organization or "", model.entry)
    return Match(entry, model.start, model.end, model.surface)


def _event_models(clause, matches, cue, gazetteer, rules) -> list[Match]:
    """The clause's models that the event is about, in order.

    Comparison points (对标ChatGPT) are left out. In filing lists an organisation standing
    alone (…、百川智能、…) stands for its one flagship model.
    """
    models = []
    for index, match in enumerate(matches):
        if match.entry.kind == "model":
            if not _is_reference(clause, match, rules):
                models.append(match)
            continue
        following = matches[index + 1] if index + 1 < len(matches) else None
        names_model = following is not None and following.entry.kind == "model" and not (
            clause[match.end : following.start].strip(_QUOTES)
        )
        flagship = gazetteer.flagship(match.entry.name)
        if cue.event_type in FILING_TYPES and not names_model and flagship is not None:
            models.append(Match(flagship, match.start, match.end, match.surface))
    return models


def _date_near(cue: _Cue, reference):
    """The date in the cue's clause, else the nearest one before it in the sentence."""
    clauses = _CLAUSE_SPLIT.split(simplify(cue.sentence))
    position = clauses.index(cue.clause) if cue.clause in clauses else len(clauses) - 1
    for clause in reversed(clauses[: position + 1]):
        date = resolve_event_date(clause, reference)
        if date is not None:
            return date
    return None


def _find_cue(clause: str, matches: list[Match], rules: CueRules, sentence: str) -> _Cue | None:
    for event_type in rules.types:
        for cue in _iter_cues(clause, event_type):
            if any(m.start <= cue.start() < m.end for m in matches):
                continue  # the cue word is part of a name
            if _is_modal(clause[: cue.start()], rules):
                return None  # the clause's statement is negated or planned
            return _Cue(event_type.name, cue.group(0), clause, sentence)
    return None


def _iter_cues(clause: str, event_type: EventType):
    trapped = [t.span() for trap in event_type.traps for t in trap.finditer(clause)]
    for pattern in event_type.cues:
        for cue in pattern.finditer(clause):
            if not any(start <= cue.start() < end for start, end in trapped):
                yield cue


def _is_modal(before: str, rules: CueRules) -> bool:
    window = before[-rules.window :]
    for word in rules.not_modal:
        window = window.replace(word, " " * len(word))
    return any(word in window for word in (*rules.negations, *rules.plans))


def _is_reference(clause: str, model: Match, rules: CueRules) -> bool:
    before = clause[max(0, model.start - rules.reference_window - 2) : model.start]
    return before.rstrip(_QUOTES).endswith(rules.reference_prefixes)


def _organisation_target(clause: str, orgs: list[Match], cue: _Cue) -> str | None:
    """The organisation an acquisition or funding is about, or None when unsure.

    Acquisitions: 对X…收购 and 收购X name the target, X被…收购 too; the acquirer is never
    taken for the target. Funding: the organisation before the cue (X完成融资).
    """
    position = clause.find(cue.text)
    before = [o for o in orgs if o.end <= position]
    after = [o for o in orgs if o.start >= position + len(cue.text)]
    if cue.event_type != "acquisition":
        chosen = before[-1] if before else (after[0] if after else None)
        return chosen.entry.name if chosen else None
    towards = clause.rfind("对", 0, position)
    if towards >= 0:
        targets = [o for o in before if o.start > towards]
    elif after:
        targets = after[:1]
    else:
        passive = clause.rfind("被", 0, position)
        targets = [o for o in before if o.end <= passive][-1:] if passive >= 0 else []
    return targets[0].entry.name if targets else None


def _batch(clause: str, rules: CueRules) -> int | None:
    match = rules.batch_pattern.search(clause)
    if match is None:
        return None
    if match.group(2):  # 首批
        return 1
    return _cn_number(match.group(1))


def _article_batch(sentences: list[str], rules: CueRules) -> int | None:
    """The highest batch any filing clause of the article names (see event_cues.toml)."""
    filing_types = [t for t in rules.types if t.name in FILING_TYPES]
    batches = []
    for sentence in sentences:
        for clause in _CLAUSE_SPLIT.split(simplify(sentence)):
            batch = _batch(clause, rules)
            if batch and any(next(_iter_cues(clause, t), None) for t in filing_types):
                batches.append(batch)
    return max(batches) if batches else None


def _cn_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(ones, 0)
    return _CN_DIGITS.get(text)
