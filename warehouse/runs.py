"""The `runs` table: one row per night, opened at the start and closed with its summary."""

from __future__ import annotations

import json
from datetime import datetime

import duckdb


def open_run(con: duckdb.DuckDBPyConnection, run_id: str, started_at: datetime) -> None:
    con.execute(
        "INSERT INTO runs (run_id, started_at, status) VALUES (?, ?, 'running')"
        " ON CONFLICT (run_id) DO NOTHING",
        [run_id, started_at],
    )


def close_run(
    con: duckdb.DuckDBPyConnection, run_id: str, *, finished_at: datetime, status: str,
    duration_s: float, counts: dict, dropped: dict, summary: str,
) -> None:
    con.execute(
        "UPDATE runs SET finished_at = ?, status = ?, duration_s = ?, counts = ?,"
        " dropped = ?, summary = ? WHERE run_id = ?",
        [finished_at, status, duration_s, json.dumps(counts, ensure_ascii=False),
         json.dumps(dropped, ensure_ascii=False), summary, run_id],
    )
