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


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append(envelope)
        return "250 OK"
