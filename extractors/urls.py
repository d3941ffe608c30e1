"""URLs → one canonical spelling per page, plus the host and site a URL belongs to.

`canonical_url` lowercases scheme and host, drops default ports, fragments and tracking
parameters (the data in seeds/url_rules.toml), removes dot segments, normalises
percent-escapes and sorts the query, so the seen-check and dedupe compare like with like.
`host_key` names a server for politeness, `origin` names where robots.txt lives, and
`registered_domain` names a site (sina.com.cn for tech.sina.com.cn).
"""

from __future__ import annotations

import ipaddress
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import quote, unquote_plus, urljoin, urlsplit, urlunsplit

from tld import get_fld

from extractors import SEEDS_DIR

RULES_PATH = SEEDS_DIR / "url_rules.toml"
# Only these schemes name a fetchable web page; value = the port the scheme implies.
DEFAULT_PORTS = {"http": 80, "https": 443}
# RFC 3986 characters that need no escaping in a path / in one query piece; "%" is kept so
# existing escapes survive re-quoting.
_PATH_SAFE = "/:@!$&'()*+,;=-._~%"
_QUERY_SAFE = "/?:@!$'()*+,;=-._~%"
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
# Browsers strip these anywhere in a URL; copy-pasted links carry them.
_STRAY_WHITESPACE = re.compile(r"[\t\r\n]")
# A leading "www." does not make another host for link scoping (x.com and www.x.com).
_WWW = "www."


@dataclass(frozen=True)
class UrlRules:
    """Which query parameters are tracking noise (names lowercased)."""

    drop_prefixes: tuple[str, ...]
    drop_names: frozenset[str]

    def drops(self, name: str) -> bool:
        name = name.lower()
        return name in self.drop_names or name.startswith(self.drop_prefixes)


@cache
def load_url_rules(path: Path = RULES_PATH) -> UrlRules:
    """The tracking-parameter rules from the TOML data file (read once per process)."""
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    return UrlRules(
        drop_prefixes=tuple(p.lower() for p in raw.get("drop_prefixes", [])),
        drop_names=frozenset(n.lower() for n in raw.get("drop_names", [])),
    )


def canonical_url(
    url: str, base: str | None = None, *, rules: UrlRules | None = None
) -> str | None:
    """The canonical http(s) URL, or None when `url` is not a usable web address."""
    rules = rules or load_url_rules()
    url = _STRAY_WHITESPACE.sub("", url.strip())
    if base:
        url = urljoin(base, url)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # bad port, unbalanced IPv6 brackets
        return None
    scheme = parts.scheme.lower()
    host = _normalise_host(parts.hostname or "")
    if scheme not in DEFAULT_PORTS or not host:
        return None
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    if parts.username is not None:
        userinfo = parts.username + (f":{parts.password}" if parts.password is not None else "")
        netloc = f"{userinfo}@{netloc}"
    path = _normalise_escapes(quote(_remove_dot_segments(parts.path) or "/", safe=_PATH_SAFE))
    query = _canonical_query(parts.query, rules)
    return urlunsplit((scheme, netloc, path, query, ""))


def host_key(url: str) -> str:
    """The politeness key: hostname, plus the port when it is not the scheme's default."""
    parts = urlsplit(url)
    host = _normalise_host(parts.hostname or "")
    port = parts.port
    if port is None or port == DEFAULT_PORTS.get(parts.scheme.lower()):
        return host
    return f"{host}:{port}"


def origin(url: str) -> str:
    """scheme://host[:port] — robots.txt applies per origin (RFC 9309)."""
    parts = urlsplit(canonical_url(url) or url)
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"


def hostname(url: str) -> str:
    """Lowercased host of a URL without port, userinfo or trailing dot ("" if none)."""
    try:
        return _normalise_host(urlsplit(url).hostname or "")
    except ValueError:
        return ""


def registered_domain(url_or_host: str) -> str:
    """The site a host belongs to (public-suffix aware); IPs and bare names stand alone."""
    host = hostname(url_or_host) if "/" in url_or_host else _normalise_host(url_or_host)
    if not host or _is_ip(host) or "." not in host:
        return host
    return get_fld(host, fix_protocol=True, fail_silently=True) or host


def same_host(a: str, b: str) -> bool:
    """Same hostname, ignoring scheme, port and a leading "www."."""
    return _strip_www(hostname(a)) == _strip_www(hostname(b)) != ""


def same_site(a: str, b: str) -> bool:
    """Same registered domain (news.sina.com.cn and tech.sina.com.cn are one site)."""
    site = registered_domain(a)
    return site != "" and site == registered_domain(b)


def _normalise_host(host: str) -> str:
    host = host.strip().rstrip(".").lower()
    if host and not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            pass  # keep the Unicode spelling rather than lose the URL
    return host


def _strip_www(host: str) -> str:
    return host[len(_WWW):] if host.startswith(_WWW) else host


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _canonical_query(query: str, rules: UrlRules) -> str:
    kept = []
    for piece in query.split("&"):
        if not piece:
            continue
        name = unquote_plus(piece.partition("=")[0])
        if rules.drops(name):
            continue
        kept.append(_normalise_escapes(quote(piece, safe=_QUERY_SAFE)))
    # Sort by name only: the sort is stable, so repeated names keep their order (a=2&a=1).
    kept.sort(key=lambda piece: piece.partition("=")[0])
    return "&".join(kept)


def _normalise_escapes(text: str) -> str:
    """Uppercase %xx escapes and decode the ones that stand for unreserved characters."""

    def fix(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in _UNRESERVED else "%" + match.group(1).upper()

    return _ESCAPE.sub(fix, text)


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 §5.2.4: /a/b/../c/./d → /a/c/d."""
    if "." not in path:
        return path
    output: list[str] = []
    segments = path.split("/")
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == ".":
            if last:
                output.append("")
        elif segment == "..":
            if len(output) > 1:
                output.pop()
            if last:
                output.append("")
        else:
            output.append(segment)
    result = "/".join(output)
    if path.startswith("/") and not result.startswith("/"):
        result = "/" + result
    return result
