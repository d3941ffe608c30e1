"""Literal prefilters for regexes: the strings one of which every match of a pattern holds.

Extraction runs dozens of cue and trap patterns over each sentence with a trigger word, and
most of them find nothing there. A pattern whose every match must hold one of a few literal
strings ("资金[^,。;]{0,8}用于" holds 资金) cannot match a sentence holding none of them, and
a literal search rules that out several times faster than the regex engine scans the
sentence. The literals are read off the pattern's parse tree, so they never need writing down
beside the pattern (and cannot drift from it); a pattern may need several sets at once (旗下…
大模型). A ScanGroup looks for the literals of a whole list of patterns at once, with one trie
search, and remembers which patterns each set of literals leaves to run.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Generic, NamedTuple, Protocol, TypeVar

try:  # (the parser is private: a Python without it only loses the prefilter)
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    _sre = _sre_parse = None

# A prefilter of more alternatives than this costs about what the scan it would save does.
MAX_LITERALS = 4

T = TypeVar("T", bound="_Prefiltered")


class Scan(NamedTuple):
    """A compiled pattern and its prefilter: every match holds one of `needs` (casefolded);
    no `needs`: none is known, the pattern always runs."""

    regex: re.Pattern[str]
    needs: tuple[str, ...]


class _Prefiltered(Protocol):
    @property
    def needs(self) -> tuple[str, ...]:  # one of these is in every match; () when none is known
        ...
    # (an item may also carry `also_needs`: more such sets, one literal of each of which is in
    # every match too; see `ScanGroup`)


class ScanGroup(Generic[T]):
    """Lists of scans (or other patterns with `needs`) run over the same texts, each only on
    a text that holds one of its `needs` (and one of each of its `also_needs` sets, where it
    has them). The literals of all of them are looked for once per text; which patterns that
    leaves is worked out once per set of literals found, since few sets recur (a cue sentence
    mostly holds one or two of a type's words). Checking each pattern's own literals instead
    costs more than the scans it saves, the lists being long."""

    # (a bound on the memo, far above the sets seen in practice)
    MAX_REMEMBERED = 4096

    def __init__(self, *lists: Sequence[T]) -> None:
        self.lists = tuple(tuple(patterns) for patterns in lists)
        # (each item with the literal sets it needs, empty ones left out)
        self._requirements = tuple(
            tuple((p, tuple(filter(None, (p.needs, *getattr(p, "also_needs", ())))))
                  for p in patterns)
            for patterns in self.lists)
        self.literals = tuple(sorted({word for required in self._requirements
                                      for _, sets in required for words in sets
                                      for word in words}))
        self._finder = re.compile(trie_pattern(set(self.literals)) or r"(?!x)x")
        self._prefixes = {word: frozenset(w for w in self.literals if word.startswith(w))
                          for word in self.literals}
        self._runnable: dict[frozenset[str], tuple[tuple[T, ...], ...]] = {}

    def runnable(self, text: str) -> tuple[tuple[T, ...], ...]:
        """For each list, its patterns that may match `text`, in list order."""
        # (the literal that starts at each place where one does: the longest one there, whose
        # prefixes among the literals are there too; one search per literal found, not one `in`
        # per literal)
        held: set[str] = set()
        search, prefixes = self._finder.search, self._prefixes
        found_at = search(text)
        while found_at is not None:
            held |= prefixes[found_at.group()]
            found_at = search(text, found_at.start() + 1)
        present = frozenset(held)
        found = self._runnable.get(present)
        if found is None:
            if len(self._runnable) >= self.MAX_REMEMBERED:
                self._runnable.clear()
            found = self._runnable[present] = tuple(
                tuple(p for p, sets in required
                      if all(not present.isdisjoint(words) for words in sets))
                for required in self._requirements)
        return found


def trie_pattern(words: set[str]) -> str:
    """An alternation of `words` as a trie: its branches part at distinct characters, so at
    most one goes on at a time, and a word ending where a longer one goes on is tried after
    it (greedy `?`): the longest word that matches wins, as in a list sorted longest first."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # (a word ends here)

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(rest) for char, rest in sorted(node.items())
                    if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        return body + "?" if len(branches) == 1 and len(body) == 1 else f"(?:{body})?"

    return pattern(root)


def scan(regex: re.Pattern[str]) -> Scan:
    """`regex` with its prefilter, for text casefolded as `normalize.casefold_in_place` does."""
    needs = necessary_literals(regex)
    return Scan(regex, tuple(needs) if needs and len(needs) <= MAX_LITERALS else ())


def necessary_literals(regex: re.Pattern[str]) -> frozenset[str] | None:
    """Casefolded strings one of which every match of `regex` holds, or None when the parse
    tree shows no such set (a literal split across groups, a class, an optional part)."""
    return max(necessary_literal_sets(regex), key=_selectivity, default=None)


def necessary_literal_sets(
    regex: re.Pattern[str], casefold: bool = True
) -> list[frozenset[str]]:
    """Every set of strings the parse tree shows one of which every match of `regex` holds
    (so every match holds one of each set), in pattern order. `casefold`: as found in the
    casefolded text; else as written, for the text itself (a literal of a pattern ignoring
    case then only where it has no case)."""
    if _sre_parse is None:  # pragma: no cover
        return []
    try:
        parsed = _sre_parse.parse(regex.pattern, regex.flags)
    except (re.error, TypeError, ValueError):  # pragma: no cover
        return []
    return _needed(list(parsed), bool(regex.flags & re.I), casefold)


def _needed(items: list, ignore_case: bool, casefold: bool) -> list[frozenset[str]]:
    found: list[frozenset[str]] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            literal = "".join(run)
            if casefold and _folds_safely(literal, ignore_case):
                found.append(frozenset({literal.casefold()}))
            elif not casefold and (not ignore_case or literal.lower() == literal.upper()):
                found.append(frozenset({literal}))
            run.clear()

    for op, value in items:
        if op is _sre.LITERAL:
            run.append(chr(value))
            continue
        end_run()
        if op is _sre.SUBPATTERN:
            _group, add_flags, _del_flags, body = value
            found += _needed(list(body), ignore_case or bool(add_flags & re.I), casefold)
        elif op is _sre.ATOMIC_GROUP:
            found += _needed(list(value), ignore_case, casefold)
        elif op is _sre.BRANCH:
            # (each alternative's most selective set: one of their union is in every match)
            alternatives = [max(_needed(list(branch), ignore_case, casefold), key=_selectivity,
                                default=frozenset()) for branch in value[1]]
            if all(alternatives):
                found.append(frozenset().union(*alternatives))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and value[0] >= 1:
            found += _needed(list(value[2]), ignore_case, casefold)
        # (anything else — a class, a lookaround, an anchor, an optional part — promises
        # no literal)
    end_run()
    return found


def _selectivity(literals: frozenset[str]) -> tuple[int, int]:
    """Fewer alternatives first, then longer ones: the rarer the set, the more it saves."""
    return (-len(literals), min(map(len, literals)))


def _folds_safely(literal: str, ignore_case: bool) -> bool:
    """Whether a match of `literal` in casefolded text always holds `literal` casefolded: so
    for ASCII and for characters without case (CJK), but not for an i matched ignoring case,
    which also matches ı and İ (which `casefold_in_place` keeps), nor for ß and the like."""
    if ignore_case and "i" in literal.lower():
        return False
    return all(ch.isascii() or ch.lower() == ch.upper() for ch in literal)
