"""Site quirks the generic path gets wrong: one small class per site, registered by domain.

A class is added only when a golden page under tests/fixtures/extraction/ proves the
generic path wrong for that site, and names that fixture; a test fails when a registered
site has none. A site class only reads metadata from the untouched tree (before the
pre-clean drops scripts); the body always goes through the generic path.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from extractors.sites.base import Site, SiteMetadata
from extractors.sites.weixin import WeixinArticle

__all__ = ["SITES", "Site", "SiteMetadata", "site_for"]

SITES: tuple[Site, ...] = (WeixinArticle(),)


def site_for(url: str | None) -> Site | None:
    """The registered site whose domain is the URL's host or a parent of it."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    for site in SITES:
        if any(host == domain or host.endswith("." + domain) for domain in site.domains):
            return site
    return None
