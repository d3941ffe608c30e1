"""robots.txt → per-origin rules: which paths the crawler may fetch, and how slowly.

Parsing follows RFC 9309: the groups naming our product token (else `*`) apply, the longest
matching Allow/Disallow pattern wins (Allow on a tie), `*` and `$` are wildcards, and
Crawl-delay (not in the RFC, widely used) may be fractional. `RobotsCache` fetches each
origin's file once per run through a fetch function the crawler hands it: a 4xx answer
means "allow all", a 5xx, 429, timeout or network failure means "disallow all for this run".
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

ROBOTS_PATH = "/robots.txt"
# RFC 9309 §2.5: crawlers must parse at least 500 KiB; anything past that is ignored.
MAX_ROBOTS_BYTES = 500 * 1024
# A robots answer in this range means "there are no rules for you" (RFC 9309 §2.3.1.3) ...
ALLOW_ALL_STATUSES = range(400, 500)
# ... except 429, which says "slow down", not "no file": treat it like a server error
# (complete disallow for this run), as the big crawlers do.
RATE_LIMITED = 429
# Characters left alone when normalising a path for matching (RFC 3986 reserved + "%").
_MATCH_SAFE = "/:@!$&'()*+,;=-._~?"


@dataclass(frozen=True)
class Rule:
    """One Allow/Disallow line, its pattern compiled."""

    allow: bool
    pattern: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class RobotsRules:
    """What one origin's robots.txt lets our user agent do."""

    origin: str
    status: str  # "parsed" | "missing" (4xx: allow all) | "unreachable" (disallow all)
    rules: tuple[Rule, ...] = ()
    crawl_delay_s: float | None = None
    sitemaps: tuple[str, ...] = ()
    detail: str = ""

    def allows(self, url: str) -> bool:
        """May our agent fetch `url`? (/robots.txt itself is always allowed.)"""
        if self.status == "unreachable":
            return False
        parts = urlsplit(url)
        path = parts.path or "/"
        if path == ROBOTS_PATH:
            return True
        target = _normalise(path + (f"?{parts.query}" if parts.query else ""))
        best: Rule | None = None
        for rule in self.rules:
            if not rule.regex.match(target):
                continue
            longer = best is None or len(rule.pattern) > len(best.pattern)
            tie_allow = best is not None and len(rule.pattern) == len(best.pattern) and rule.allow
            if longer or tie_allow:
                best = rule
        return best is None or best.allow


def allow_all(origin: str, detail: str = "") -> RobotsRules:
    return RobotsRules(origin=origin, status="missing", detail=detail)


def disallow_all(origin: str, detail: str) -> RobotsRules:
    return RobotsRules(origin=origin, status="unreachable", detail=detail)


def product_token(user_agent: str) -> str:
    """The name robots.txt groups match: "modelwatch" in "modelwatch/0.1 (+https://…)"."""
    token = re.split(r"[/\s]", user_agent.strip(), maxsplit=1)[0]
    return token.lower()


def parse_robots(text: str, origin: str, user_agent: str) -> RobotsRules:
    """Rules of the groups that apply to `user_agent` (else `*`) in a robots.txt body."""
    token = product_token(user_agent)
    groups: list[tuple[set[str], list[tuple[str, str]]]] = []
    agents: set[str] = set()
    lines: list[tuple[str, str]] = []
    sitemaps: list[str] = []
    in_rules = False
    for raw_line in text[:MAX_ROBOTS_BYTES].splitlines():
        key, sep, value = raw_line.split("#", 1)[0].partition(":")
        if not sep:
            continue
        key, value = key.strip().lower(), value.strip()
        if key == "sitemap":  # not part of any group
            sitemaps.append(value)
        elif key == "user-agent":
            if in_rules:  # a user-agent line after rules starts a new group
                groups.append((agents, lines))
                agents, lines, in_rules = set(), [], False
            agents.add(value.lower())
        elif key in ("allow", "disallow", "crawl-delay"):
            in_rules = True
            lines.append((key, value))
    if agents:
        groups.append((agents, lines))
    ours = [entries for names, entries in groups if token in names]
    if not ours:
        ours = [entries for names, entries in groups if "*" in names]
    rules: list[Rule] = []
    delay: float | None = None
    for entries in ours:
        for key, value in entries:
            if key == "crawl-delay":
                delay = _parse_delay(value, delay)
            elif value:  # an empty Disallow means "nothing is disallowed"
                rules.append(_compile(key == "allow", value))
    return RobotsRules(origin=origin, status="parsed", rules=tuple(rules),
                       crawl_delay_s=delay, sitemaps=tuple(sitemaps))


@dataclass(frozen=True)
class RobotsFetch:
    """What fetching /robots.txt gave: a status (None: no HTTP answer) and the body."""

    status: int | None
    body: bytes = b""
    detail: str = ""


class RobotsCache:
    """robots.txt rules per origin, fetched at most once per run even under concurrency."""

    def __init__(self, fetch: Callable[[str], Awaitable[RobotsFetch]], user_agent: str):
        self._fetch = fetch
        self._user_agent = user_agent
        self._rules: dict[str, RobotsRules] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def rules_for(self, origin: str) -> RobotsRules:
        """The cached rules of `origin`, fetching robots.txt on first use."""
        if origin in self._rules:
            return self._rules[origin]
        lock = self._locks.setdefault(origin, asyncio.Lock())
        async with lock:
            if origin not in self._rules:
                fetched = await self._fetch(origin + ROBOTS_PATH)
                self._rules[origin] = rules_from_fetch(fetched, origin, self._user_agent)
            return self._rules[origin]


def rules_from_fetch(fetched: RobotsFetch, origin: str, user_agent: str) -> RobotsRules:
    """Turn a robots.txt fetch into rules, following RFC 9309 §2.3.1 for failures."""
    status = fetched.status
    if status is not None and 200 <= status < 300:
        text = fetched.body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
        return parse_robots(text, origin, user_agent)
    if status in ALLOW_ALL_STATUSES and status != RATE_LIMITED:
        return allow_all(origin, f"robots.txt answered {status}")
    why = f"http {status}" if status is not None else (fetched.detail or "no answer")
    return disallow_all(origin, f"robots.txt unavailable ({why})")


def _compile(allow: bool, pattern: str) -> Rule:
    normalised = _normalise(pattern)
    anchored = normalised.endswith("$")
    body = normalised[:-1] if anchored else normalised
    regex = ".*".join(re.escape(part) for part in body.split("*"))
    regex += "$" if anchored else ""
    return Rule(allow=allow, pattern=normalised, regex=re.compile(regex))


def _normalise(path: str) -> str:
    """Percent-encode the same way on both sides so /新闻 matches /%E6%96%B0%E9%97%BB."""
    return quote(unquote(path), safe=_MATCH_SAFE + "*$")


def _parse_delay(value: str, current: float | None) -> float | None:
    try:
        delay = float(value)
    except ValueError:
        return current
    if delay != delay or delay < 0:  # NaN or negative: ignore the line
        return current
    return max(delay, current or 0.0)
