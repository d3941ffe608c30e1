"""Load and validate the one TOML config file into typed settings.

Every key has a commented default here (the single source of defaults); unknown keys and
wrong types raise `ConfigError` naming the file, the key and the problem, which the CLI
prints as one line with exit code 2.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.records import SOURCE_KINDS, Source

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = PROJECT_ROOT / "seeds"
DEFAULT_CONFIG_NAME = "modelwatch.toml"
SEED_SOURCES = SEEDS_DIR / "sources.toml"
SMTP_URL_ENV = "MODELWATCH_SMTP_URL"


class ConfigError(Exception):
    """A config file that cannot be used; the message is one line for the user."""


@dataclass(frozen=True)
class WarehouseSettings:
    path: Path = Path("data/modelwatch.duckdb")  # the DuckDB file
    # Staged stage outputs before the warehouse write; default: "spool" beside the DB file.
    spool_dir: Path | None = None
    lock_timeout_s: float = 30.0  # wait this long for another process's write lock


@dataclass(frozen=True)
class CrawlSettings:
    user_agent: str = "modelwatch/0.1 (+https://example.org/contact)"
    per_host_concurrency: int = 2  # requests in flight per host
    per_host_delay_s: float = 1.0  # minimum gap between two requests to one host
    timeout_s: float = 20.0  # per request
    max_bytes: int = 5_000_000  # larger bodies are cut off and recorded as too large
    # Requests in flight over all hosts: above per_host_concurrency, or one slow host
    # could hold every slot.
    global_concurrency: int = 8
    max_decompressed_bytes: int = 20_000_000  # after gzip/deflate: gzip bombs stop here
    max_redirects: int = 5
    retries: int = 3  # extra attempts on connect errors, timeouts, 429 and 5xx
    backoff_base_s: float = 0.5  # first retry waits about this long, then doubling
    backoff_max_s: float = 30.0  # cap for one backoff and for a server's Retry-After
    respect_robots: bool = True  # robots.txt and its Crawl-delay


@dataclass(frozen=True)
class AlertSettings:
    to: tuple[str, ...] = ("analyst@example.org",)
    sender: str = "modelwatch@example.org"
    outbox_dir: Path = Path("data/outbox")  # .eml files land here when no SMTP is set
    max_items: int = 50  # a longer digest ends with "and N more"
    full_table_url: str | None = None  # where "and N more" links to (e.g. the HTML report)
    operator: str | None = None  # who hears about a failed night (needs SMTP)
    # Prefect Secret block holding the SMTP URL, used when MODELWATCH_SMTP_URL is unset.
    smtp_secret_block: str | None = None


@dataclass(frozen=True)
class Config:
    warehouse: WarehouseSettings = field(default_factory=WarehouseSettings)
    crawl: CrawlSettings = field(default_factory=CrawlSettings)
    alerts: AlertSettings = field(default_factory=AlertSettings)
    sources: tuple[Source, ...] = ()
    origin: str = "built-in defaults"

    @property
    def smtp_url(self) -> str | None:
        """Secrets never come from the file: the environment, else a Prefect Secret block."""
        from_env = os.environ.get(SMTP_URL_ENV)
        if from_env or not self.alerts.smtp_secret_block:
            return from_env or None
        from prefect.blocks.system import Secret  # only when a block is configured

        try:
            return str(Secret.load(self.alerts.smtp_secret_block).get()) or None
        except (ValueError, RuntimeError) as exc:
            raise ConfigError(
                f"{self.origin}: alerts.smtp_secret_block: cannot load "
                f"{self.alerts.smtp_secret_block!r}: {type(exc).__name__}"
            ) from None


# section → key → (accepted python types, how to convert the TOML value)
_SCHEMA: dict[str, dict[str, tuple[tuple[type, ...], Any]]] = {
    "warehouse": {
        "path": ((str,), Path),
        "spool_dir": ((str,), Path),
        "lock_timeout_s": ((int, float), float),
    },
    "crawl": {
        "user_agent": ((str,), str),
        "per_host_concurrency": ((int,), int),
        "per_host_delay_s": ((int, float), float),
        "timeout_s": ((int, float), float),
        "max_bytes": ((int,), int),
        "global_concurrency": ((int,), int),
        "max_decompressed_bytes": ((int,), int),
        "max_redirects": ((int,), int),
        "retries": ((int,), int),
        "backoff_base_s": ((int, float), float),
        "backoff_max_s": ((int, float), float),
        "respect_robots": ((bool,), bool),
    },
    "alerts": {
        "to": ((list,), lambda v: tuple(str(x) for x in v)),
        "sender": ((str,), str),
        "outbox_dir": ((str,), Path),
        "max_items": ((int,), int),
        "full_table_url": ((str,), str),
        "operator": ((str,), str),
        "smtp_secret_block": ((str,), str),
    },
}
_SECTION_TYPES = {"warehouse": WarehouseSettings, "crawl": CrawlSettings, "alerts": AlertSettings}
_SOURCE_KEYS = {"name", "kind", "url", "path", "enabled"}
_TYPE_NAMES = {
    str: "a string", int: "an integer", float: "a number", list: "a list", bool: "true/false",
}


def load_config(path: str | Path | None = None, *, db_path: str | Path | None = None) -> Config:
    """Read `path` (default ./modelwatch.toml if present, else built-in defaults)."""
    if path is None:
        candidate = Path(DEFAULT_CONFIG_NAME)
        path = candidate if candidate.is_file() else None
    if path is None:
        raw: dict[str, Any] = {}
        base = Path.cwd()
        origin = "built-in defaults"
    else:
        path = Path(path)
        raw = _read_toml(path)
        base = path.resolve().parent
        origin = str(path)
    config = _build(raw, base, origin)
    if db_path is not None:
        config = _replace_section(config, "warehouse", path=Path(db_path).resolve())
    if config.warehouse.spool_dir is None:
        config = _replace_section(
            config, "warehouse", spool_dir=config.warehouse.path.parent / "spool"
        )
    return config


def load_seed_sources() -> tuple[Source, ...]:
    """The bundled catalogue; relative paths there are relative to the project root."""
    raw = _read_toml(SEED_SOURCES)
    return _parse_sources(raw.get("sources", []), PROJECT_ROOT, str(SEED_SOURCES))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None


def _build(raw: dict[str, Any], base: Path, origin: str) -> Config:
    unknown = set(raw) - set(_SCHEMA) - {"sources"}
    if unknown:
        raise ConfigError(f"{origin}: unknown section or key {sorted(unknown)[0]!r}")
    sections = {}
    for section, keys in _SCHEMA.items():
        values = raw.get(section, {})
        if not isinstance(values, dict):
            raise ConfigError(f"{origin}: [{section}] must be a table")
        kwargs = {}
        for key, value in values.items():
            if key not in keys:
                raise ConfigError(f"{origin}: {section}.{key}: unknown key")
            accepted, convert = keys[key]
            if (isinstance(value, bool) and bool not in accepted) or not isinstance(
                value, accepted
            ):
                expected = _TYPE_NAMES[float if float in accepted else accepted[0]]
                raise ConfigError(f"{origin}: {section}.{key}: expected {expected}, got {value!r}")
            kwargs[key] = convert(value)
        settings = _SECTION_TYPES[section](**kwargs)
        sections[section] = _resolve_paths(settings, base)
    _check_ranges(sections, origin)
    if "sources" in raw:
        sources = _parse_sources(raw["sources"], base, origin)
    else:
        sources = load_seed_sources()
    return Config(**sections, sources=sources, origin=origin)


def _resolve_paths(settings: Any, base: Path) -> Any:
    updates = {
        name: base / value
        for name, value in vars(settings).items()
        if isinstance(value, Path) and not value.is_absolute()
    }
    return type(settings)(**{**vars(settings), **updates})


def _check_ranges(sections: dict[str, Any], origin: str) -> None:
    crawl: CrawlSettings = sections["crawl"]
    for key in ("per_host_concurrency", "max_bytes", "global_concurrency",
                "max_decompressed_bytes"):
        if getattr(crawl, key) < 1:
            raise ConfigError(f"{origin}: crawl.{key}: must be at least 1")
    for key in ("per_host_delay_s", "timeout_s", "max_redirects", "retries", "backoff_base_s",
                "backoff_max_s"):
        if getattr(crawl, key) < 0:
            raise ConfigError(f"{origin}: crawl.{key}: must not be negative")
    alerts: AlertSettings = sections["alerts"]
    if not alerts.to:
        raise ConfigError(f"{origin}: alerts.to: needs at least one address")
    for address in (*alerts.to, alerts.sender, *([alerts.operator] if alerts.operator else [])):
        if "@" not in address or any(c in address for c in "\r\n"):
            raise ConfigError(f"{origin}: alerts: {address!r} is not an email address")


def _parse_sources(entries: Any, base: Path, origin: str) -> tuple[Source, ...]:
    if not isinstance(entries, list):
        raise ConfigError(f"{origin}: sources: must be an array of tables ([[sources]])")
    sources: list[Source] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        where = f"{origin}: sources[{index}]"
        if not isinstance(entry, dict):
            raise ConfigError(f"{where}: must be a table")
        name = entry.get("name")
        if not isinstance(name, str) or not name:
            raise ConfigError(f"{where}.name: required, a non-empty string")
        where = f"{origin}: source {name!r}"
        if name in seen:
            raise ConfigError(f"{where}: name is used twice")
        seen.add(name)
        kind = entry.get("kind")
        if kind not in SOURCE_KINDS:
            raise ConfigError(f"{where}.kind: expected one of {', '.join(SOURCE_KINDS)}")
        for key in ("url", "path"):
            if key in entry and not isinstance(entry[key], str):
                raise ConfigError(f"{where}.{key}: expected a string")
        enabled = entry.get("enabled", True)
        if not isinstance(enabled, bool):
            raise ConfigError(f"{where}.enabled: expected true/false")
        if kind == "files" and "path" not in entry:
            raise ConfigError(f"{where}: a files source needs path = \"glob\"")
        if kind != "files" and "url" not in entry and "path" not in entry:
            raise ConfigError(f"{where}: needs url = \"...\" (or path for a local copy)")
        # Extra keys are per-source options (limits, selectors, site profile) that later
        # stages read; they must be plain scalars so the record stays hashable.
        options = []
        for key, value in entry.items():
            if key in _SOURCE_KEYS:
                continue
            if not isinstance(value, str | int | float | bool):
                raise ConfigError(f"{where}.{key}: expected a string, number or boolean")
            options.append((key, str(value)))
        sources.append(
            Source(
                name=name,
                kind=kind,
                url=entry.get("url"),
                path=entry.get("path"),
                enabled=enabled,
                base_dir=str(base),
                options=tuple(sorted(options)),
            )
        )
    return tuple(sources)


def _replace_section(config: Config, section: str, **changes: Any) -> Config:
    current = getattr(config, section)
    updated = type(current)(**{**vars(current), **changes})
    return Config(**{**vars(config), section: updated})
