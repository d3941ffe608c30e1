"""Literal prefilters for regexes: the strings one of which every match of a pattern holds.

Extraction runs dozens of cue and trap patterns over each sentence with a trigger word, and
most of them find nothing there. A pattern whose every match must hold one of a few literal
strings ("资金[^,。;]{0,8}用于" holds 资金) cannot match a sentence holding none of them, and
`str.__contains__` rules that out several times faster than the regex engine scans the
sentence. The literals are read off the pattern's parse tree, so they never need writing down
beside the pattern (and cannot drift from it). A ScanGroup looks for the literals of a whole
list of patterns at once and remembers which patterns each set of literals leaves to run.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Generic, NamedTuple, Protocol, TypeVar

try:  # (the parser is private: a Python without it only loses the prefilter)
    from re import _constants as _sre
    from re import _parser as _sre_parse
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
    needs: tuple[str, ...]  # one of these is in every match; () when none is known


class ScanGroup(Generic[T]):
    """Lists of scans (or other patterns with `needs`) run over the same texts, each only on
    a text that holds one of its literals. The literals of all of them are looked for once
    per text; which patterns that leaves is worked out once per set of literals found, since
    few sets recur (a cue sentence mostly holds one or two of a type's words). Checking each
    pattern's own literals instead costs more than the scans it saves, the lists being long."""

    # (a bound on the memo, far above the sets seen in practice)
    MAX_REMEMBERED = 4096

    def __init__(self, *lists: Sequence[T]) -> None:
        self.lists = tuple(tuple(patterns) for patterns in lists)
        self.literals = tuple(sorted({word for patterns in lists for p in patterns
                                      for word in p.needs}))
        self._runnable: dict[tuple[str, ...], tuple[tuple[T, ...], ...]] = {}

    def runnable(self, text: str) -> tuple[tuple[T, ...], ...]:
        """For each list, its patterns that may match `text`, in list order."""
        present = tuple([word for word in self.literals if word in text])
        found = self._runnable.get(present)
        if found is None:
            if len(self._runnable) >= self.MAX_REMEMBERED:
                self._runnable.clear()
            held = frozenset(present)
            found = self._runnable[present] = tuple(
                tuple(p for p in patterns if not p.needs or not held.isdisjoint(p.needs))
                for patterns in self.lists)
        return found


def scan(regex: re.Pattern[str]) -> Scan:
    """`regex` with its prefilter, for text casefolded as `normalize.casefold_in_place` does."""
    needs = necessary_literals(regex)
    return Scan(regex, tuple(needs) if needs and len(needs) <= MAX_LITERALS else ())


def necessary_literals(regex: re.Pattern[str]) -> frozenset[str] | None:
    """Casefolded strings one of which every match of `regex` holds, or None when the parse
    tree shows no such set (a literal split across groups, a class, an optional part)."""
    if _sre_parse is None:  # pragma: no cover
        return None
    try:
        parsed = _sre_parse.parse(regex.pattern, regex.flags)
    except (re.error, TypeError, ValueError):  # pragma: no cover
        return None
    return _needed(list(parsed), ignore_case=bool(regex.flags & re.I))


def _needed(items: list, ignore_case: bool) -> frozenset[str] | None:
    best: frozenset[str] | None = None
    run: list[str] = []

    def better(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and (best is None or _selectivity(found) > _selectivity(best)):
            best = found

    def end_run() -> None:
        if run:
            literal = "".join(run)
            if _folds_safely(literal, ignore_case):
                better(frozenset({literal.casefold()}))
            run.clear()

    for op, value in items:
        if op is _sre.LITERAL:
            run.append(chr(value))
            continue
        end_run()
        if op is _sre.SUBPATTERN:
            _group, add_flags, _del_flags, body = value
            better(_needed(list(body), ignore_case or bool(add_flags & re.I)))
        elif op is _sre.ATOMIC_GROUP:
            better(_needed(list(value), ignore_case))
        elif op is _sre.BRANCH:
            alternatives = [_needed(list(branch), ignore_case) for branch in value[1]]
            if all(alternatives):
                better(frozenset().union(*alternatives))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and value[0] >= 1:
            better(_needed(list(value[2]), ignore_case))
        # (anything else — a class, a lookaround, an anchor, an optional part — promises
        # no literal)
    end_run()
    return best


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
