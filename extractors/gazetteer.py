"""Model and organisation gazetteer (seeds/models.csv, seeds/organizations.csv) and its matcher.

Matching runs on simplified, casefolded text with a first-character index over every
alias, longest alias first, so 文心大模型4.0 wins over 文心 and 智谱AI over 智谱. Latin
aliases must stand alone (GPT-4 does not match inside GPT-40), but may follow another
match directly (智谱AI|GLM).
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from extractors.normalize import simplify

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
_LATIN = re.compile(r"[a-z0-9]")
_VERSION = re.compile(r"\s?-?v?(\d+(?:\.\d+)*)(?![\d.]*[a-z]{2})", re.I)


@dataclass(frozen=True)
class Entry:
    kind: str  # "model" or "organization"
    name: str  # canonical name
    organization: str | None  # for models: the developer
    family: str | None = None
    country: str | None = None
    aliases: tuple[str, ...] = ()


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
        self._index: dict[str, list[tuple[str, Entry]]] = defaultdict(list)
        for row in organizations:
            entry = Entry(
                "organization", row["organization"].strip(), None,
                country=(row.get("country") or "").strip() or None,
                aliases=tuple(_split_aliases(row.get("aliases"))),
            )
            self.organizations[entry.name] = entry
            self._add(entry)
        for row in models:
            entry = Entry(
                "model", row["model"].strip(), row["organization"].strip() or None,
                family=(row.get("family") or "").strip() or None,
                aliases=tuple(_split_aliases(row.get("aliases"))),
            )
            self.models[entry.name] = entry
            self._add(entry)
        # Longest alias first; on a tie (DeepSeek is a model and a company) the model wins,
        # because events are about models and a model knows its organisation.
        for candidates in self._index.values():
            candidates.sort(key=lambda pair: (-len(pair[0]), pair[1].kind != "model"))

    def flagship(self, organization: str) -> Entry | None:
        """The organisation's only general-purpose model, if it has exactly one."""
        general = [
            m for m in self.models.values()
            if m.organization == organization and m.family == "general"
        ]
        return general[0] if len(general) == 1 else None

    @classmethod
    def load(cls, seeds: Path = SEEDS) -> Gazetteer:
        return cls(_read_rows(seeds / "models.csv"), _read_rows(seeds / "organizations.csv"))

    def _add(self, entry: Entry) -> None:
        for name in (entry.name, *entry.aliases):
            key = simplify(name).casefold()
            if key:
                self._index[key[0]].append((key, entry))

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches in `text` (already simplified), leftmost-longest."""
        folded = text.casefold()
        matches: list[Match] = []
        position, last_end = 0, -1
        while position < len(folded):
            match = self._match_at(folded, position, last_end)
            if match is None:
                position += 1
                continue
            key, entry = match
            end = position + len(key)
            version = None
            if entry.kind == "model":
                version, end = _version_after(text, end, key, entry.name)
            matches.append(Match(entry, position, end, text[position:end], version))
            position = last_end = end
        return matches

    def _match_at(self, folded: str, position: int, last_end: int):
        for key, entry in self._index.get(folded[position], ()):
            if not folded.startswith(key, position):
                continue
            if _LATIN.match(key[0]) and position > 0 and position != last_end:
                if _LATIN.match(folded[position - 1]):
                    continue
            end = position + len(key)
            if _LATIN.match(key[-1]) and end < len(folded):
                following = folded[end : end + 2]
                glued = _LATIN.match(following[0]) and self._match_at(folded, end, end)
                if re.match(r"[.]\d", following) or (_LATIN.match(following[0]) and not glued):
                    continue
            return key, entry
        return None


_TRAILING_NUMBER = re.compile(r"(\d+(?:\.\d+)*)$")


def _version_after(text: str, end: int, key: str, canonical: str) -> tuple[str | None, int]:
    """A version number written in the alias (文心大模型4.0) or right after it (… 4.0).

    A number that is part of the canonical name itself (GPT-4, 360智脑) is no version.
    """
    own = _TRAILING_NUMBER.search(key)
    if own and not key[0].isdigit():
        base = _TRAILING_NUMBER.search(canonical)
        return (None if base and base.group(1) == own.group(1) else own.group(1)), end
    match = _VERSION.match(text, end)
    if match and ("." in match.group(1) or match.group(0).startswith(("v", "V"))):
        return match.group(1), match.end()
    return None, end
