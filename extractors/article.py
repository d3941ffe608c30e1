"""Pages → Articles: decode, parse (HTML or plain text), clean, normalise, identify.

Hands on one `Article` per usable page and a `Dropped` record with the reason for every
page that is not one (binary, empty, too short, parser failure). Never raises on input.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from extractors.cleaning import (
    DEFAULT_RULES_PATH,
    CleaningRules,
    clean_paragraphs,
    read_rules,
    strip_pinyin_glosses,
)
from extractors.decode import decode_body
from extractors.html_article import HtmlRules, PageTooComplex, parse_html
from extractors.normalize import simplified_text_hash, stable_id, tidy_spaces
from extractors.records import Article, Dropped, Page, ParsedDocument, StageResult
from extractors.text_article import parse_text

STAGE = "extract"
_FIRST_SENTENCE = re.compile(r"^(.+?[。！？!?])")
# Control characters other than tab/newline mark a binary body, not a text one.
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f]")
BINARY_SHARE = 0.02


@dataclass(frozen=True)
class ExtractionSettings:
    cleaning: CleaningRules
    html: HtmlRules
    min_chars: int
    max_derived_title_chars: int
    future_tolerance: timedelta

    @classmethod
    def load(cls, path: str | Path = DEFAULT_RULES_PATH) -> ExtractionSettings:
        raw = read_rules(path)  # parsed once for every section
        article = raw["article"]
        return cls(
            cleaning=CleaningRules.from_toml(raw),
            html=HtmlRules.from_toml(raw),
            min_chars=int(article["min_chars"]),
            max_derived_title_chars=int(article["max_derived_title_chars"]),
            future_tolerance=timedelta(hours=float(article["future_tolerance_hours"])),
        )


@dataclass(frozen=True)
class Extraction:
    """One page's outcome plus what the parser saw, for `modelwatch extract` and debugging."""

    outcome: Article | Dropped
    parsed: ParsedDocument | None = None
    charset: str | None = None


Parser = Callable[[str, Page, ExtractionSettings, datetime | None], ParsedDocument]


def _parse_plain(text: str, page: Page, settings: ExtractionSettings, now) -> ParsedDocument:
    return parse_text(text, now=now, language=settings.html.language)


def _parse_markup(text: str, page: Page, settings: ExtractionSettings, now) -> ParsedDocument:
    return parse_html(text, url=page.final_url, rules=settings.html, now=now)


# Media type → parser. A new format is one entry here.
PARSERS: dict[str, Parser] = {
    "text/plain": _parse_plain,
    "text/html": _parse_markup,
    "application/xhtml+xml": _parse_markup,
}


def article_id_for(url: str) -> str:
    return stable_id("article", url)


def extract_articles(
    pages: list[Page], settings: ExtractionSettings, *, now: datetime | None = None
) -> StageResult[Article]:
    articles: list[Article] = []
    dropped: list[Dropped] = []
    for page in pages:
        outcome = extract_article(page, settings, now=now)
        (dropped if isinstance(outcome, Dropped) else articles).append(outcome)
    return StageResult(articles, dropped)


def extract_article(
    page: Page, settings: ExtractionSettings, *, now: datetime | None = None
) -> Article | Dropped:
    return extract_document(page, settings, now=now).outcome


def extract_document(
    page: Page, settings: ExtractionSettings, *, now: datetime | None = None
) -> Extraction:
    """The whole extract step for one page; never raises (a failure is a Dropped)."""
    media_type = page.content_type.split(";")[0].strip().lower()
    parser = PARSERS.get(media_type)
    if parser is None:
        return Extraction(Dropped(STAGE, page.url, "unsupported_content_type", media_type))
    if not page.body.strip():
        return Extraction(Dropped(STAGE, page.url, "empty_body"))
    sample = page.body[:4096]
    if len(_BINARY_BYTES.findall(sample)) > BINARY_SHARE * len(sample):
        return Extraction(Dropped(STAGE, page.url, "binary_body", media_type))
    text, charset = decode_body(page.body, page.content_type)
    # Dates after the run's clock (plus slack for time zones ahead of ours) are rejected.
    latest = (now or datetime.now()) + settings.future_tolerance
    try:
        parsed = parser(text, page, settings, latest)
        return Extraction(_assemble(page, parsed, settings), parsed, charset)
    except PageTooComplex as exc:
        return Extraction(Dropped(STAGE, page.url, "too_complex", str(exc)), None, charset)
    except Exception as exc:  # a parser bug must cost one page, not the night
        detail = f"{type(exc).__name__}: {exc}"[:500]
        return Extraction(Dropped(STAGE, page.url, "parser_error", detail), None, charset)


def _assemble(
    page: Page, parsed: ParsedDocument, settings: ExtractionSettings
) -> Article | Dropped:
    cleaned = clean_paragraphs(parsed.paragraphs, settings.cleaning)
    body = "\n\n".join(cleaned.paragraphs)
    if not body:
        return Dropped(STAGE, page.url, "empty_after_cleaning")
    if len(body) < settings.min_chars:
        return Dropped(STAGE, page.url, "too_short", f"{len(body)} chars")
    title = _clean_title(parsed.title) or _derive_title(body, settings.max_derived_title_chars)
    removed = Counter(dict(parsed.removed)) + cleaned.removed
    simplified = "\n\n".join(cleaned.simplified)
    return Article(
        article_id=article_id_for(page.url),
        url=page.url,
        source=page.source,
        title=title,
        text=body,
        text_simplified=simplified,
        # (simplifying paragraph by paragraph gives simplify(body): it never works across a
        # line break, so this is text_hash(body); a test pins the equality)
        text_hash=simplified_text_hash(simplified),
        published_at=parsed.published_at,
        site_name=parsed.site_name,
        author=parsed.author,
        removed=tuple(sorted(removed.items())),
        language=parsed.language,
    )


def _clean_title(title: str | None) -> str:
    if not title:
        return ""
    return tidy_spaces(strip_pinyin_glosses(title)[0])


def _derive_title(body: str, limit: int) -> str:
    first = body.split("\n", 1)[0]
    match = _FIRST_SENTENCE.match(first)
    sentence = match.group(1) if match else first
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"
