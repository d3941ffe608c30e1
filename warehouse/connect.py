"""Open the DuckDB warehouse: migrations on every write connection, clear lock errors.

DuckDB lets one process hold the file read-write and then refuses every other process,
even read-only ones. Writers therefore keep connections short; a caller blocked by another
process waits with backoff up to `lock_timeout_s`, then gets `WarehouseLocked` naming the
holder.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb

SCHEMA_DIR = Path(__file__).resolve().parent / "schema"
VIEWS_DIR = Path(__file__).resolve().parent / "views"
QUERIES_DIR = Path(__file__).resolve().parent / "queries"
_HOLDER = re.compile(r"\(PID (\d+)\)")


class WarehouseError(Exception):
    """A warehouse problem worth one clear line to the user."""


class WarehouseLocked(WarehouseError):
    pass


class WarehouseMissing(WarehouseError):
    pass


def utc_now() -> datetime:
    """Naive UTC, the form every warehouse timestamp except published_at takes."""
    return datetime.now(UTC).replace(tzinfo=None)


_STATEMENT_END = re.compile(r";\s*(?:\n|$)")
_COMMENT = re.compile(r"--[^\n]*")
_NAMED_PARAM = re.compile(r"\$([a-z_]+)")


def sql_file(name: str) -> str:
    return (QUERIES_DIR / name).read_text(encoding="utf-8")


def run_sql_file(con: duckdb.DuckDBPyConnection, name: str, **params: object) -> None:
    """Run each statement of queries/<name> with the named parameters it uses ($now …).

    DuckDB binds parameters only for single statements, so the file is split at the
    semicolons that end a line (the files keep one statement per such semicolon).
    """
    for statement in _STATEMENT_END.split(sql_file(name)):
        code = _COMMENT.sub("", statement).strip()
        if code:
            _execute(con, name, code, params)


def query_sql_file(con: duckdb.DuckDBPyConnection, name: str, **params: object):
    """The result of the single statement in queries/<name>, with the parameters it uses."""
    return _execute(con, name, _COMMENT.sub("", sql_file(name)), params)


def _execute(con: duckdb.DuckDBPyConnection, name: str, code: str, params: dict):
    used = set(_NAMED_PARAM.findall(code))
    missing = used - params.keys()
    if missing:
        raise ValueError(f"{name}: no value for ${', $'.join(sorted(missing))}")
    return con.execute(code, {key: params[key] for key in used})


def _open(path: Path, read_only: bool, lock_timeout_s: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + lock_timeout_s
    delay = 0.1
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise WarehouseError(f"cannot open {path}: {exc}") from None
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                holder = _HOLDER.search(str(exc))
                who = f"process {holder.group(1)}" if holder else "another process"
                raise WarehouseLocked(
                    f"{path} is locked by {who} (a running night or an open read-write "
                    f"session); waited {lock_timeout_s:.0f}s"
                ) from None
            time.sleep(min(delay, remaining))
            delay = min(delay * 2, 2.0)


@contextmanager
def connect(
    path: str | Path, *, read_only: bool = False, lock_timeout_s: float = 30.0
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection that is closed on exit; write connections bring the schema up to date."""
    path = Path(path)
    if read_only and not path.exists():
        raise WarehouseMissing(f"no warehouse at {path} yet: run `modelwatch run` first")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    con = _open(path, read_only, lock_timeout_s)
    try:
        if not read_only:
            migrate(con)
        yield con
    finally:
        con.close()


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply schema/NNN_*.sql files not applied yet, each in its own transaction, then
    (re)create the views of views/*.sql."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for path in sorted(SCHEMA_DIR.glob("[0-9][0-9][0-9]_*.sql")):
        version = int(path.name[:3])
        if version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(path.read_text(encoding="utf-8"))
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, now()::TIMESTAMP)",
                [version, path.name],
            )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(path.name)
    for path in sorted(VIEWS_DIR.glob("*.sql")):  # CREATE OR REPLACE: always current
        con.execute(path.read_text(encoding="utf-8"))
    return applied


def view_names() -> list[str]:
    return sorted(path.stem for path in VIEWS_DIR.glob("*.sql"))
