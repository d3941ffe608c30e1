"""Prefect's cost per night: task runs and seconds, against the same stages called directly.

Writes N synthetic articles (seed articles with a numbered paragraph, so every one is new)
as a `files` source, then in the same run:
  1. the stages as plain function calls (flows.nightly.run_without_prefect) on a fresh DB;
  2. the `nightly` flow under a local Prefect API (prefect_test_harness) on a fresh DB;
and prints wall times, the difference (Prefect's overhead), and the number of task runs
the flow created, read back from the API. Task runs stay constant as N grows: batches.

Usage: .venv/bin/python benchmarks/flow_overhead.py [--articles 1000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

from flows.config import load_config  # noqa: E402


def write_corpus(folder: Path, n: int) -> None:
    seeds = sorted((ROOT / "seeds" / "articles").glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in seeds]
    for i in range(n):
        text = texts[i % len(texts)]
        (folder / f"{i:05d}.txt").write_text(f"{text}\n\n第{i}号补充段落。\n", encoding="utf-8")


def write_config(folder: Path, name: str) -> Path:
    path = folder / f"{name}.toml"
    path.write_text(
        f'[warehouse]\npath = "{name}.duckdb"\n[alerts]\noutbox_dir = "{name}-outbox"\n'
        f'[[sources]]\nname = "bench"\nkind = "files"\npath = "corpus/*.txt"\n',
        encoding="utf-8")
    return path


async def task_runs_of(flow_run_id) -> int:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    async with get_client() as client:
        runs = await client.read_task_runs(
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
    return len(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    from prefect.testing.utilities import prefect_test_harness

    from flows.nightly import nightly, run_without_prefect

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "corpus").mkdir()
        write_corpus(folder / "corpus", args.articles)

        start = time.perf_counter()
        direct = run_without_prefect(load_config(write_config(folder, "direct")))
        direct_s = time.perf_counter() - start

        with prefect_test_harness(server_startup_timeout=120):
            config = write_config(folder, "flow")
            nightly(config_path=str(config))  # warm-up: first-run imports and API caches
            (folder / "flow.duckdb").unlink()
            start = time.perf_counter()
            state = nightly(config_path=str(config), return_state=True)
            flow_s = time.perf_counter() - start
            summary = state.result()
            task_runs = asyncio.run(task_runs_of(state.state_details.flow_run_id))

    articles = direct.stages["store"]["articles"]
    assert summary.stages["store"]["articles"] == articles, "both paths must do the same work"
    print(f"{args.articles} articles ({articles} stored by each path)")
    print(f"  stages called directly : {direct_s:7.2f} s")
    print(f"  nightly Prefect flow   : {flow_s:7.2f} s  ({task_runs} task runs, one per stage)")
    print(f"  Prefect overhead       : {flow_s - direct_s:+7.2f} s "
          f"({(flow_s - direct_s) / direct_s:+.1%} of the direct time; "
          f"flow/direct = {flow_s / direct_s:.2f}x)")
    print("  task runs per night do not grow with articles: "
          f"{task_runs} for {args.articles} articles "
          f"(one task per article would be {args.articles * 5}+)")


if __name__ == "__main__":
    main()
