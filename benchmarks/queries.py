"""Analyst query speed: every view and the trends query on a large generated warehouse.

Builds (inside DuckDB, set-wise) a warehouse with N events, N/5 articles, mentions and
200 sources, then prints the median of R runs for each view (materialised in full) and for
the trends query by month and by week. Target: under 200 ms each at 1,000,000 events.

Usage: .venv/bin/python benchmarks/queries.py [--events 1000000] [--repeats 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from warehouse.connect import connect, sql_file, view_names  # noqa: E402

TYPES = "['release','upgrade','filing','registration','open_source','price_change'," \
        "'acquisition','funding']"


def build(con, events: int) -> None:
    articles = events // 5
    con.execute(f"""
        INSERT INTO sources SELECT 'source-' || i, 'feed', 'http://x/' || i, NULL, true,
            TIMESTAMP '2023-01-01', NULL FROM range(200) t(i);
        INSERT INTO articles SELECT 'a' || i, 'http://x/' || (i % 200) || '/' || i,
            'source-' || (i % 200), 'title ' || i,
            TIMESTAMP '2023-01-01' + to_days((i % 1000)::INTEGER), NULL, NULL, 'text',
            'text', md5(i::VARCHAR), 's' || (i // 3), NULL, TIMESTAMP '2024-01-01',
            TIMESTAMP '2024-01-01'
        FROM range({articles}) t(i);
        INSERT INTO events (event_id, event_type, model, organization, version, event_date,
            date_precision, batch, mention_count, article_count, story_count, reported_on,
            first_seen_at, updated_at)
        SELECT 'e' || i, {TYPES}[(i % 8) + 1], 'model-' || (i % 5000), 'org-' || (i % 700),
            CASE WHEN i % 8 = 1 THEN (i % 7)::VARCHAR END,
            CASE WHEN i % 5 <> 0 THEN DATE '2022-01-01' + (i % 1400)::INTEGER END,
            CASE WHEN i % 5 <> 0 THEN 'day' END,
            CASE WHEN i % 8 = 2 THEN (i % 12) + 1 END, 1, 1, 1,
            DATE '2022-01-01' + (i % 1400)::INTEGER,
            TIMESTAMP '2024-01-01' + to_minutes(i::BIGINT), TIMESTAMP '2024-01-01'
        FROM range({events}) t(i);
        INSERT INTO event_mentions SELECT 'e' || i, 'a' || (i % {articles}), 0,
            {TYPES}[(i % 8) + 1], 'model-' || (i % 5000), 'org-' || (i % 700), NULL, NULL,
            NULL, NULL, 'cue', 'sentence', TIMESTAMP '2024-01-01'
        FROM range({events}) t(i);
        INSERT INTO models SELECT 'model-' || i, 'org-' || (i % 700), [], 'general',
            CASE WHEN i % 10 = 0 THEN 'discovered' ELSE 'gazetteer' END,
            TIMESTAMP '2024-01-01' + to_days(i % 300) FROM range(5000) t(i);
        INSERT INTO source_runs SELECT 'r' || n, 'source-' || s, TIMESTAMP '2024-01-01'
            + to_days(n::INTEGER), 5, 4, 1, 0, 0 FROM range(365) a(n), range(200) b(s);
    """)


def median_ms(con, statement: str, repeats: int, params=None) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        con.execute(statement, params or {}).fetchall()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.duckdb"
        start = time.perf_counter()
        with connect(db) as con:
            build(con, args.events)
        print(f"built {args.events:,} events, {args.events // 5:,} articles, "
              f"{args.events:,} mentions in {time.perf_counter() - start:.1f} s")
        with connect(db) as con:
            results = {}
            for view in view_names():
                # Materialise every row and column, as a query that uses the view would.
                results[f"view {view}"] = median_ms(
                    con, f"CREATE OR REPLACE TEMP TABLE bench_out AS SELECT * FROM {view}",
                    args.repeats)
            for period in ("month", "week"):
                results[f"trends by {period}"] = median_ms(
                    con, sql_file("trends.sql"), args.repeats,
                    {"by": period, "type": None, "org": None, "since": None})
            results["trends filing by month, one org"] = median_ms(
                con, sql_file("trends.sql"), args.repeats,
                {"by": "month", "type": "filing", "org": "org-7", "since": None})
    for name, ms in results.items():
        verdict = "ok" if ms < 200 else "SLOW"
        print(f"  {name:<36} {ms:8.1f} ms  (target 200 ms: {ms / 200:.2f}x) {verdict}")


if __name__ == "__main__":
    main()
