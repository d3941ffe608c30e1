"""Nothing lost: a `modelwatch run` killed at each point, then re-run, ends exactly where an
uninterrupted run does; a held lock is waited for and named; secrets stay out of every
record."""

import os
import subprocess
import sys

import pytest

from flows.nightly import CRASH_ENV
from tests.support import SEED_ARTICLES, free_port, warehouse_held
from warehouse.connect import connect

pytestmark = pytest.mark.e2e

# Every checkpoint of a night, in order (flows/nightly.py crash_point calls).
CRASH_POINTS = ["fetched", "extracted", "spooled", "loading", "stored", "sending",
                "delivered"]
# Data tables compared row by row on their stable columns (timestamps and run ids differ
# between any two runs by design).
SNAPSHOT = {
    "pages": "url, content_hash, status",
    "articles": "article_id, url, title, text_hash, story_id, published_at",
    "event_mentions": "event_id, article_id, sentence_index, event_type, model, batch",
    "events": "event_id, event_type, model, organization, version, event_date, "
              "date_precision, batch, mention_count, article_count, story_count, reported_on",
    "alerts": "alert_id, event_id, status",
    "models": "model, organization, status",
    "organizations": "organization",
    "sources": "name, kind, enabled",
    "crawl_state": "url, etag, last_modified",
}


def make_project(folder, extra=""):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "modelwatch.toml").write_text(
        f'[warehouse]\nlock_timeout_s = 2\n[alerts]\noutbox_dir = "data/outbox"\n{extra}'
        f'[[sources]]\nname = "seed"\nkind = "files"\npath = "{SEED_ARTICLES.as_posix()}/*.txt"\n',
        encoding="utf-8")
    return folder


def modelwatch(project, *args, env_extra=None, timeout=300):
    from prefect.settings import PREFECT_API_URL

    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], cwd=project, env=env,
                          capture_output=True, text=True, timeout=timeout)


def snapshot(project):
    with connect(project / "data" / "modelwatch.duckdb", read_only=True) as con:
        return {table: sorted(con.execute(f"select {columns} from {table}").fetchall(),
                              key=repr)
                for table, columns in SNAPSHOT.items()}


@pytest.fixture(scope="module")
def baseline(prefect_harness, tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("baseline"))
    done = modelwatch(project, "run")
    assert done.returncode == 0, done.stdout + done.stderr
    return snapshot(project)


@pytest.mark.parametrize("point", CRASH_POINTS)
def test_killed_run_then_rerun_equals_an_uninterrupted_run(baseline, tmp_path, point):
    project = make_project(tmp_path / point)
    killed = modelwatch(project, "run", env_extra={CRASH_ENV: point})
    assert killed.returncode == -9, killed.stdout + killed.stderr  # SIGKILL, no clean-up
    rerun = modelwatch(project, "run")
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert snapshot(project) == baseline
    assert len(list((project / "data" / "outbox").glob("*.eml"))) == 1  # one digest, once
    again = modelwatch(project, "run")
    assert again.returncode == 0 and snapshot(project) == baseline
    assert len(list((project / "data" / "outbox").glob("*.eml"))) == 1


def test_a_held_lock_is_waited_for_named_and_the_fetch_kept(baseline, tmp_path):
    project = make_project(tmp_path / "locked")
    db = project / "data" / "modelwatch.duckdb"
    with connect(db):
        pass  # an empty warehouse exists
    with warehouse_held(db) as pid:
        blocked = modelwatch(project, "run")
    assert blocked.returncode == 1
    assert f"locked by process {pid}" in blocked.stdout + blocked.stderr
    spools = list((project / "data" / "spool").iterdir())
    assert len(spools) == 1  # what it fetched and extracted waits for the next run
    later = modelwatch(project, "run")
    assert later.returncode == 0, later.stdout + later.stderr
    assert "replay" in later.stdout
    assert snapshot(project) == baseline
    assert not any((project / "data" / "spool").iterdir())


def test_secrets_stay_out_of_logs_warehouse_and_artifacts(prefect_harness, tmp_path):
    import asyncio

    from prefect.client.orchestration import get_client

    secret = "hunter2-very-secret"
    project = make_project(tmp_path / "secret")
    url = f"smtp://ops:{secret}@127.0.0.1:{free_port()}?timeout=3"
    done = modelwatch(project, "run", env_extra={"MODELWATCH_SMTP_URL": url})
    assert done.returncode == 1  # the mail server is down: alerts stay pending
    assert secret not in done.stdout + done.stderr
    with connect(project / "data" / "modelwatch.duckdb", read_only=True) as con:
        for table, in con.execute("select table_name from information_schema.tables").fetchall():
            dump = repr(con.execute(f'select * from "{table}"').fetchall())
            assert secret not in dump, table
        errors = con.execute("select distinct error from alerts").fetchall()
    assert errors and all("ConnectionRefusedError" in e for e, in errors)

    async def artifacts():
        async with get_client() as client:
            return await client.read_artifacts()

    assert secret not in repr(asyncio.run(artifacts()))
