from datetime import date, datetime

import duckdb
import pytest

from extractors.gazetteer import Gazetteer
from extractors.normalize import simplify, stable_id, text_hash
from extractors.records import Article, EventDate, Mention, Page, Source
from tests.support import warehouse_held
from warehouse.connect import WarehouseLocked, WarehouseMissing, connect, migrate
from warehouse.store import StoreBatch, load_spool, spool_batch

TABLES = {"sources", "pages", "articles", "event_mentions", "events", "models",
          "organizations", "alerts", "runs", "dropped_items"}


def make_article(article_id="a1", text="天工大模型近日通过备案。" * 5) -> Article:
    return Article(article_id, f"http://x/{article_id}", "s", "标题", text, simplify(text),
                   text_hash(text), published_at=datetime(2023, 11, 17), story_id="st1")


def make_mention(article_id="a1", event_type="filing", model="天工", index=0) -> Mention:
    return Mention(stable_id("event", event_type, model), article_id, event_type, model,
                   "昆仑万维", "天工大模型近日通过备案。", "通过备案", index,
                   EventDate(date(2023, 11, 1), "month"), 2)


def make_batch(run_id="r1", **overrides) -> StoreBatch:
    body = "天工大模型近日通过备案。".encode()
    fields = dict(
        run_id=run_id,
        sources=[Source("s", "files", path="*.txt")],
        pages=[Page("s", "http://x/a1", "http://x/a1", 200, "text/plain", body, "h1",
                    datetime(2024, 1, 1))],
        articles=[make_article()],
        mentions=[make_mention()],
        gazetteer=Gazetteer.load(),
    )
    fields.update(overrides)
    return StoreBatch(**fields)


def store(db, batch, tmp_path):
    with connect(db) as con:
        return load_spool(con, spool_batch(batch, tmp_path / "spool"))


def counts(db) -> dict[str, int]:
    with connect(db, read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def test_migrations_create_the_tables_once(tmp_path):
    db = tmp_path / "w.duckdb"
    with connect(db) as con:
        tables = con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        names = {row[0] for row in tables}
        assert TABLES <= names
        assert migrate(con) == []  # nothing left to apply


def test_storing_the_same_batch_twice_changes_nothing(tmp_path):
    db = tmp_path / "w.duckdb"
    first = store(db, make_batch(), tmp_path)
    assert (first.new_articles, first.new_events, first.new_alerts) == (1, 1, 1)
    before = counts(db)
    second = store(db, make_batch("r2"), tmp_path)
    assert (second.new_pages, second.new_articles, second.new_mentions, second.new_events,
            second.new_alerts) == (0, 0, 0, 0, 0)
    assert counts(db) == before
    assert not (tmp_path / "spool" / "r1").exists()  # loaded spools are removed


def test_events_merge_mentions_across_articles(tmp_path):
    db = tmp_path / "w.duckdb"
    store(db, make_batch(), tmp_path)
    later = make_mention("a2")
    later = Mention(**{**later.__dict__, "event_date": EventDate(date(2023, 11, 15), "day")})
    store(db, make_batch("r2", articles=[make_article("a2")], mentions=[later], pages=[]),
          tmp_path)
    with connect(db, read_only=True) as con:
        row = con.execute("SELECT event_date, date_precision, batch, mention_count,"
                          " article_count, story_count FROM events").fetchall()
        alerts = con.execute("SELECT count(*) FROM alerts").fetchone()[0]
    assert row == [(date(2023, 11, 15), "day", 2, 2, 2, 1)]  # most precise date wins
    assert alerts == 1  # one model, one filing alert


def test_reextracted_article_replaces_its_mentions(tmp_path):
    db = tmp_path / "w.duckdb"
    store(db, make_batch(), tmp_path)
    changed = make_article(text="天工大模型正式发布。" * 5)
    store(db, make_batch("r2", articles=[changed],
                         mentions=[make_mention(event_type="release")]), tmp_path)
    with connect(db, read_only=True) as con:
        kinds = con.execute("SELECT event_type FROM event_mentions").fetchall()
        events = con.execute("SELECT event_type FROM events ORDER BY 1").fetchall()
    assert kinds == [("release",)]
    # The filing event keeps its row: an alert already announced it.
    assert events == [("filing",), ("release",)]


def test_gazetteer_is_loaded_into_reference_tables(tmp_path):
    db = tmp_path / "w.duckdb"
    store(db, make_batch(), tmp_path)
    with connect(db, read_only=True) as con:
        kimi = con.execute("SELECT organization, status FROM models WHERE model = 'Kimi'"
                           ).fetchone()
        orgs = con.execute("SELECT count(*) FROM organizations").fetchone()[0]
    assert kimi == ("月之暗面", "gazetteer") and orgs >= 50


def test_read_only_connection_on_a_missing_file(tmp_path):
    with pytest.raises(WarehouseMissing, match="run `modelwatch run` first"):
        with connect(tmp_path / "none.duckdb", read_only=True):
            pass


def test_locked_warehouse_names_the_holder(tmp_path):
    db = tmp_path / "w.duckdb"
    with connect(db):
        pass
    with warehouse_held(db) as pid:
        started = datetime.now()
        with pytest.raises(WarehouseLocked) as raised:
            with connect(db, lock_timeout_s=1.0):
                pass
        assert f"process {pid}" in str(raised.value)
        assert (datetime.now() - started).total_seconds() >= 0.9  # it waited first
    with connect(db, lock_timeout_s=1.0) as con:  # released: usable again
        assert con.execute("SELECT 1").fetchone() == (1,)


def test_duckdb_refuses_writes_on_read_only_connections(tmp_path):
    db = tmp_path / "w.duckdb"
    with connect(db):
        pass
    with connect(db, read_only=True) as con, pytest.raises(duckdb.Error):
        con.execute("DELETE FROM articles")


def test_discovered_models_become_model_rows_with_an_alert(tmp_path):
    db = tmp_path / "w.duckdb"
    discovered = Mention(**{**make_mention(model="星河问答").__dict__,
                            "model_status": "discovered", "organization": None})
    store(db, make_batch(mentions=[discovered]), tmp_path)
    with connect(db, read_only=True) as con:
        row = con.execute("SELECT status FROM models WHERE model = '星河问答'").fetchall()
        alerts = con.execute("SELECT count(*) FROM alerts a JOIN events e USING (event_id)"
                             " WHERE e.model = '星河问答'").fetchone()[0]
        sources = con.execute("SELECT source_count FROM events").fetchall()
    assert row == [("discovered",)] and alerts == 1 and sources == [(1,)]
