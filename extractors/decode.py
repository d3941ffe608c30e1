"""Bytes → str with the right charset: BOM, then HTTP header, then <meta>, then guesses.

GB2312 and GBK are read as GB18030 (a strict superset), because pages that declare the
smaller sets routinely use characters only the larger one has.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
              "iso-8859-1": "cp1252", "latin-1": "cp1252", "ascii": "utf-8", "us-ascii": "utf-8",
              # Big5 pages use the Hong Kong extensions whatever they declare.
              "big5": "big5hkscs", "x-x-big5": "big5hkscs", "cp950": "big5hkscs"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
# <meta> must appear early to count (HTML5 says within the first 1024 bytes; real pages are
# sloppier, so look a little further).
META_SCAN_BYTES = 4096
# A decoding is accepted with up to this many U+FFFD, or one per this many characters.
MAX_BAD_CHARS = 3
BAD_CHARS_PER = 1000
# Chinese pages that declare nothing and are not UTF-8 are GBK/GB2312 far more often
# than anything else (Big5 pages nearly always declare themselves).
_GUESS = "gb18030"
# The detector reads a sample: enough text to tell the CJK codecs apart, and bounded time.
DETECT_SAMPLE_BYTES = 32_768
# The detector is trusted only for East Asian multi-byte codecs: on short Chinese texts it
# also proposes single-byte codecs (iso8859-11, cp1251) that decode anything into mojibake,
# and GB18030, guessed last, is the better bet for those.
DETECTABLE = frozenset({"big5", "big5hkscs", "cp950", "gb18030", "euc_jp", "shift_jis",
                        "cp932", "euc_kr", "cp949"})


def normalise_charset(name: str | None) -> str | None:
    """Canonical codec name for a declared charset, or None when Python does not know it."""
    if not name:
        return None
    name = name.strip().lower()
    name = _SUPERSETS.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def charset_from_content_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return normalise_charset(match.group(1)) if match else None


def detect_charset(body: bytes) -> str | None:
    """charset-normalizer's best guess on a sample, for pages that declare nothing."""
    best = charset_normalizer.from_bytes(body[:DETECT_SAMPLE_BYTES]).best()
    charset = normalise_charset(best.encoding) if best is not None else None
    return charset if charset in DETECTABLE else None


def decode_body(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Return (text, charset used). Never raises: undecodable bytes become U+FFFD.

    Order: BOM; the declared charsets (HTTP header, then <meta>/<?xml?>); UTF-8; when
    nothing is declared, charset-normalizer's guess (Big5 vs GB18030 pages). Each is
    tried strictly first, then tolerating a few broken bytes (truncated pages, one bad
    character in an old article), before GB18030 is guessed: GB18030 accepts almost any
    byte pair, so trying it early would turn a UTF-8 page with one bad byte into mojibake.
    """
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body.decode(codec, errors="replace"), codec
    declared = [charset_from_content_type(content_type)]
    head = body[:META_SCAN_BYTES]
    for pattern in (_META_CHARSET, _XML_ENCODING):
        match = pattern.search(head)
        if match:
            declared.append(normalise_charset(match.group(1).decode("ascii", "ignore")))
    candidates = list(dict.fromkeys([*(c for c in declared if c), "utf-8"]))
    for charset in candidates:
        try:
            return body.decode(charset), charset
        except UnicodeDecodeError:
            continue  # a wrong declaration is common; fall through to the guesses
    if not any(declared):
        detected = detect_charset(body)
        if detected and detected not in candidates:
            try:
                return body.decode(detected), detected
            except UnicodeDecodeError:
                candidates.append(detected)
    for charset in [*candidates, _GUESS]:
        text = body.decode(charset, errors="replace")
        if text.count("\ufffd") <= max(MAX_BAD_CHARS, len(text) // BAD_CHARS_PER):
            return text, charset
    try:
        return body.decode(_GUESS), _GUESS
    except UnicodeDecodeError:
        fallback = candidates[0]
        return body.decode(fallback, errors="replace"), fallback
