"""What a site class returns, and the shape every site class has."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from lxml.html import HtmlElement


@dataclass(frozen=True)
class SiteMetadata:
    """What a site class knows better than the generic metadata readers (None: no opinion)."""

    published_at: datetime | None = None
    author: str | None = None
    site_name: str | None = None


class Site(Protocol):
    domains: tuple[str, ...]
    fixture: str  # the golden page (tests/fixtures/extraction/<fixture>.html) proving the need

    def metadata(self, tree: HtmlElement, now: datetime | None) -> SiteMetadata: ...
