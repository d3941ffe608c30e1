"""The whole nightly flow on the seed corpus, under Prefect's test harness."""

import email
import os
import subprocess
import sys
from email import policy

import pytest

from warehouse.connect import connect

pytestmark = pytest.mark.e2e


def query(db, sql):
    with connect(db, read_only=True) as con:
        return con.execute(sql).fetchall()


def test_nightly_on_the_seed_corpus_then_again(prefect_harness, project):
    from flows.nightly import nightly

    config = str(project / "modelwatch.toml")
    db = project / "data" / "modelwatch.duckdb"
    first = nightly(config_path=config)
    assert first.status == "ok" and first.failures == 0
    assert query(db, "select count(*) from articles") == [(5,)]
    filings = set(query(db, "select model, organization, batch from events"
                            " where event_type = 'filing'"))
    assert {("Kimi", "月之暗面", 2), ("天工", "昆仑万维", 2), ("Luca", "面壁智能", 2),
            ("序列猴子", "出门问问", 2), ("文心一言", "百度", 1)} <= filings
    emails = list((project / "data" / "outbox").glob("*.eml"))
    assert len(emails) == 1
    digest = email.message_from_bytes(emails[0].read_bytes(), policy=policy.default)
    assert "new model filings" in digest["Subject"]
    runs = query(db, "select status, counts->>'$.store.articles' from runs")
    assert runs == [("ok", "5")]

    tables = ["pages", "articles", "event_mentions", "events", "alerts", "models"]
    before = {t: query(db, f"select count(*) from {t}") for t in tables}
    second = nightly(config_path=config)
    assert second.stages["fetch"]["unchanged"] == 5
    assert second.stages["store"] == {"pages": 0, "articles": 0, "mentions": 0, "events": 0,
                                      "alerts_queued": 0}
    assert {t: query(db, f"select count(*) from {t}") for t in tables} == before
    assert len(list((project / "data" / "outbox").glob("*.eml"))) == 1
    assert query(db, "select count(*), count(DISTINCT status) from runs") == [(2, 1)]


def test_cli_run_and_sql_in_a_subprocess(prefect_harness, project):
    """What a user types: `modelwatch run`, then `modelwatch sql`, exit codes included."""
    from prefect.settings import PREFECT_API_URL

    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value()}
    cli = [sys.executable, "-m", "flows.cli"]
    run = subprocess.run([*cli, "run"], cwd=project, env=env, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr
    assert "modelwatch run" in run.stdout and "dropped: none" in run.stdout
    count = subprocess.run([*cli, "sql", "select count(*) from articles", "-f", "csv"],
                           cwd=project, env=env, capture_output=True, text=True, timeout=60)
    assert count.stdout.splitlines() == ["count_star()", "5"]


def test_failed_warehouse_write_fails_the_night_and_tells_the_operator(
        prefect_harness, tmp_path, monkeypatch):
    from aiosmtpd.controller import Controller

    from flows.nightly import nightly
    from tests.support import SEED_ARTICLES, Inbox, free_port

    (tmp_path / "not-a-file.duckdb").mkdir()  # the warehouse path is a folder: writes fail
    config = tmp_path / "modelwatch.toml"
    config.write_text(
        f'[warehouse]\npath = "not-a-file.duckdb"\nlock_timeout_s = 1\n'
        f'[alerts]\noperator = "ops@example.org"\n'
        f'[[sources]]\nname = "seed"\nkind = "files"\npath = "{SEED_ARTICLES.as_posix()}/*.txt"\n',
        encoding="utf-8")
    port = free_port()
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setenv("MODELWATCH_SMTP_URL", f"smtp://127.0.0.1:{port}")
    try:
        state = nightly(config_path=str(config), return_state=True)
    finally:
        controller.stop()
    assert state.is_failed()
    (envelope,) = inbox.messages
    assert envelope.rcpt_tos == ["ops@example.org"]
    body = email.message_from_bytes(envelope.content, policy=policy.default)
    assert body["Subject"] == "[modelwatch] nightly run failed"
    assert "not-a-file.duckdb" in body.get_content()


def test_a_repost_weeks_later_joins_the_story(tmp_path):
    """Night 1 stores an article; night 2 a content farm's copy with its own boilerplate,
    another title and re-broken paragraphs: one story, counted twice, not a new event."""
    from flows.config import load_config
    from flows.nightly import run_without_prefect
    from tests.support import seed_text

    original = seed_text("003")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "original.txt").write_text(original, encoding="utf-8")
    config = tmp_path / "modelwatch.toml"
    config.write_text('[alerts]\noutbox_dir = "out"\n[[sources]]\nname = "news"\n'
                      'kind = "files"\npath = "news/*.txt"\n', encoding="utf-8")
    run_without_prefect(load_config(config))
    title, _, body = original.partition("\n")
    ad = "成都创新互联公司是一家专业提供网站建设的公司，服务热线400-000-0000，欢迎来电。"
    repost = ("转载：" + title + "！\n" + body.replace("\n\n", "\n").replace("。", "。\n", 3)
              + f"\n{ad}\n")
    (tmp_path / "news" / "repost.txt").write_text(repost, encoding="utf-8")
    second = run_without_prefect(load_config(config))
    assert second.stages["dedupe"]["near_duplicates"] + second.stages["dedupe"].get(
        "merged_stories", 0) >= 1
    db = tmp_path / "data" / "modelwatch.duckdb"
    stories = query(db, "select count(distinct story_id), count(*) from articles")
    assert stories == [(1, 2)]
    kimi = query(db, "select article_count, story_count from events"
                     " where model = 'Kimi' and event_type = 'filing'")
    assert kimi == [(2, 1)]
    assert query(db, "select copies from stories") == [(2,)]
    assert query(db, "select count(*) from dedupe_pairs where merged") == [(1,)]


def test_reprocess_rebuilds_events_from_stored_pages_without_fetching(prefect_harness,
                                                                       project):
    from flows.nightly import nightly

    nightly(config_path=str(project / "modelwatch.toml"))
    db = project / "data" / "modelwatch.duckdb"
    events = "select event_id, event_type, model, batch, mention_count from events order by 1"
    before = query(db, events)
    with connect(db) as con:  # as if an older extractor had found nothing
        con.execute("delete from event_mentions")
        con.execute("update articles set text_hash = 'stale'")
    offline = project / "offline.toml"  # the sources are gone: only stored pages remain
    offline.write_text('[warehouse]\npath = "data/modelwatch.duckdb"\n[alerts]\n'
                       'outbox_dir = "data/outbox"\n[[sources]]\nname = "seed-articles"\n'
                       'kind = "files"\npath = "gone/*.txt"\n', encoding="utf-8")
    summary = nightly(config_path=str(offline), reprocess=True)
    assert summary.stages["fetch"]["pages"] == 5 and summary.stages["fetch"]["requests"] == 0
    assert query(db, events) == before
    assert query(db, "select count(*) from articles where text_hash = 'stale'") == [(0,)]
    assert len(list((project / "data" / "outbox").glob("*.eml"))) == 1  # no second digest
