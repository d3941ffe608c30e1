"""Paths and small helpers shared by the tests."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED_ARTICLES = ROOT / "seeds" / "articles"
SHARED = ROOT.parent / "shared"
EXTRACTION_CORPUS = SHARED / "corpus" / "extraction-dev"


def seed_text(prefix: str) -> str:
    """The seed article whose file name starts with `prefix` (000 … 004)."""
    return next(SEED_ARTICLES.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
