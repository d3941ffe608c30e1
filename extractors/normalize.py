"""Text normal forms: simplified Chinese for matching, and a punctuation-free key for hashing.

`text` keeps the characters the outlet printed; matching, dedupe and events read the
simplified form so 發佈/发布 and full-width/half-width variants meet.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

import opencc

# Spaces that Chinese pages use for layout (NBSP, ideographic space, zero-width marks).
_LAYOUT_SPACES = re.compile(r"[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_RUNS_OF_SPACE = re.compile(r"[ \t]{2,}")
_NOT_WORD = re.compile(r"[\W_]+")
# Enclosed list numbers (①, ⑴, ⒈) become a bullet of the same length, not the digit NFKC
# makes of them: "①8月5日" must not read as "18月5日".
_ENCLOSED_NUMBERS = {code: "•" for code in range(0x2460, 0x249C)}


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def tidy_spaces(text: str) -> str:
    """Layout spaces to plain spaces, runs collapsed, ends trimmed."""
    return _RUNS_OF_SPACE.sub(" ", _LAYOUT_SPACES.sub(" ", text)).strip()


def simplify(text: str) -> str:
    """NFKC (full-width → half-width) then traditional → simplified Chinese; enclosed list
    numbers become bullets."""
    return _converter().convert(unicodedata.normalize("NFKC", text.translate(_ENCLOSED_NUMBERS)))


def casefold_in_place(text: str) -> str:
    """`text` casefolded where that keeps each character one character (ß, which would
    become ss, stays), so that offsets in the result are offsets in `text`."""
    folded = text.casefold()
    if len(folded) == len(text):
        return folded
    return "".join(c if len(c.casefold()) != 1 else c.casefold() for c in text)


def strip_non_word(text: str) -> str:
    """`text` without punctuation, spaces or underscores."""
    return _NOT_WORD.sub("", text)


def match_form(simplified: str) -> str:
    """The characters of simplified text that count for matching: casefolded, no punctuation
    or spaces."""
    return strip_non_word(simplified.casefold())


def match_key(text: str) -> str:
    """Simplified, casefolded, without punctuation or spaces: equal keys mean equal text."""
    return match_form(simplify(text))


def simplified_text_hash(simplified: str) -> str:
    """`text_hash` of a text from its simplified form, without simplifying again."""
    return hashlib.sha256(match_form(simplified).encode("utf-8")).hexdigest()[:32]


def text_hash(text: str) -> str:
    return simplified_text_hash(simplify(text))


def stable_id(*parts: str | int | None) -> str:
    """A short deterministic id from its parts, so re-runs produce the same keys."""
    joined = "\x1f".join("" if part is None else str(part) for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]
