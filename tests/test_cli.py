"""The CLI's read commands, help and error handling (in-process, on a stored warehouse)."""

import json

import pytest
from typer.testing import CliRunner

from flows.cli import app
from tests.test_warehouse import make_batch, store

runner = CliRunner()


@pytest.fixture
def warehouse(tmp_path):
    db = tmp_path / "w.duckdb"
    store(db, make_batch(), tmp_path)
    return db


def test_help_lists_every_command_with_a_purpose():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("run", "sql", "events"):
        assert command in result.output
    assert "read-only SQL" in result.output


def test_sql_prints_a_count(warehouse):
    result = runner.invoke(app, ["sql", "select count(*) as n from articles", "--db",
                                 str(warehouse), "--format", "csv"])
    assert result.exit_code == 0
    assert result.output.splitlines() == ["n", "1"]


def test_sql_json_output(warehouse):
    result = runner.invoke(app, ["sql", "select model, batch from events", "--db",
                                 str(warehouse), "-f", "json"])
    assert json.loads(result.output) == [{"model": "天工", "batch": 2}]


def test_sql_refuses_writes_and_reports_bad_sql(warehouse):
    refused = runner.invoke(app, ["sql", "delete from articles", "--db", str(warehouse)])
    assert refused.exit_code == 2 and "read-only" in refused.output
    bad = runner.invoke(app, ["sql", "selec 1", "--db", str(warehouse)])
    assert bad.exit_code == 2 and "SQL error" in bad.output
    assert "Traceback" not in bad.output + refused.output
    kept = runner.invoke(app, ["sql", "select count(*) from articles", "--db", str(warehouse),
                               "-f", "csv"])
    assert kept.output.splitlines()[-1] == "1"


def test_sql_on_a_missing_warehouse(tmp_path):
    result = runner.invoke(app, ["sql", "select 1", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "run `modelwatch run` first" in result.output


def test_events_filters(warehouse):
    args = ["events", "--db", str(warehouse), "-f", "json"]
    assert [e["model"] for e in json.loads(runner.invoke(app, args).output)] == ["天工"]
    only = json.loads(runner.invoke(app, [*args, "--type", "release"]).output)
    assert only == []
    by_org = json.loads(runner.invoke(app, [*args, "--org", "昆仑"]).output)
    assert by_org[0]["organization"] == "昆仑万维" and "通过备案" in by_org[0]["evidence"]
    since = json.loads(runner.invoke(app, [*args, "--since", "2024-01-01"]).output)
    assert since == []
    bad = runner.invoke(app, [*args, "--type", "rumour"])
    assert bad.exit_code == 2


def test_bad_config_is_one_line_and_exit_2(tmp_path):
    config = tmp_path / "bad.toml"
    config.write_text("[crawl]\ntimeout_s = 'x'\n", encoding="utf-8")
    for command in (["run"], ["sql", "select 1"], ["events"]):
        result = runner.invoke(app, [*command, "--config", str(config)])
        assert result.exit_code == 2, command
        lines = result.output.strip().splitlines()
        assert lines == [f"modelwatch: config error: {config}: crawl.timeout_s: expected a "
                         "number, got 'x'"]


def test_extract_command_writes_text_and_metadata(tmp_path):
    from tests.support import SEED_ARTICLES

    source = next(SEED_ARTICLES.glob("003_*.txt"))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(source.read_bytes())
    (tmp_path / "in" / "empty.html").write_bytes(b"<html></html>")
    result = runner.invoke(app, ["extract", str(tmp_path / "in"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1  # one input could not be used
    body = (tmp_path / "o" / "a.txt").read_text(encoding="utf-8")
    meta = json.loads((tmp_path / "o" / "a.json").read_text(encoding="utf-8"))
    assert "月之暗面Kimi大模型" in body and "相关阅读" not in body
    assert meta["site_name"] == "国际金融报" and meta["published_at"].startswith("2023-11-17")
    assert "dropped" in result.output
