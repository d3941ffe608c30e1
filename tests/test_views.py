"""Analyst views, trends, export and the HTML report on the seed corpus plus a generated
history of events, checked against hand computations."""

import random
import struct
import subprocess
import time
import zlib
from collections import Counter
from datetime import date, datetime, timedelta

import duckdb
import pytest
from typer.testing import CliRunner

from extractors.records import EVENT_TYPES
from flows.cli import app
from flows.config import load_config
from flows.nightly import run_without_prefect
from reports.html_report import collect, render
from tests.support import SEED_ARTICLES, warehouse_held
from warehouse.connect import connect, view_names

runner = CliRunner()
HISTORY = 600


def history_rows(seed: int = 7):
    """Synthetic events with known dates, types, organisations and batches."""
    rng = random.Random(seed)
    orgs = ["百度", "阿里巴巴", "腾讯", "月之暗面", "智谱AI"]
    rows = []
    for i in range(HISTORY):
        event_type = EVENT_TYPES[i % len(EVENT_TYPES)]
        day = date(2023, 1, 1) + timedelta(days=rng.randrange(700))
        dated = i % 5 != 0  # every fifth event only has its first news report
        batch = (i % 4) + 1 if event_type == "filing" else None
        rows.append((f"h{i}", event_type, f"模型{i}", orgs[i % len(orgs)],
                     day if dated else None, "day" if dated else None, batch,
                     None if dated else day))
    return rows


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    folder = tmp_path_factory.mktemp("views")
    config_path = folder / "modelwatch.toml"
    config_path.write_text(f'[alerts]\noutbox_dir = "out"\n[[sources]]\nname = "seed"\n'
                           f'kind = "files"\npath = "{SEED_ARTICLES.as_posix()}/*.txt"\n',
                           encoding="utf-8")
    run_without_prefect(load_config(config_path))
    db = folder / "data" / "modelwatch.duckdb"
    with connect(db) as con:
        con.executemany(
            "INSERT INTO events (event_id, event_type, model, organization, event_date,"
            " date_precision, batch, reported_on, mention_count, article_count, story_count,"
            " first_seen_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 1, 1,"
            " TIMESTAMP '2024-06-01', TIMESTAMP '2024-06-01')", history_rows())
    return db


def query(db, sql, params=None):
    with connect(db, read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def all_events(db):
    return query(db, "select event_type, organization, event_date, reported_on, batch,"
                     " model from events")


def test_every_view_exists_and_answers(warehouse):
    assert set(view_names()) == {"events_monthly", "filings", "model_timeline", "org_activity",
                                 "new_models", "source_health"}
    for view in view_names():
        query(warehouse, f"select * from {view}")


def test_events_monthly_matches_a_hand_count(warehouse):
    expected = Counter()
    for event_type, _, event_date, reported_on, _, _ in all_events(warehouse):
        day = event_date or reported_on
        if day is not None:
            expected[(day.replace(day=1), event_type)] += 1
    got = {(month, t): n for month, t, n in query(warehouse, "select * from events_monthly")}
    assert got == dict(expected)


def test_filings_and_org_activity_match_hand_counts(warehouse):
    events = all_events(warehouse)
    filings = [e for e in events if e[0] in ("filing", "registration")]
    assert query(warehouse, "select count(*) from filings") == [(len(filings),)]
    per_batch = Counter(e[4] for e in filings if e[4] is not None)
    assert dict(query(warehouse, "select batch, count(*) from filings where batch is not null"
                                 " group by 1")) == dict(per_batch)
    per_org = Counter(e[1] for e in events if e[1] is not None)
    got = dict(query(warehouse, "select organization, events from org_activity"))
    assert got == dict(per_org)
    kimi = query(warehouse, "select organization, kind, batch, first_reported_on from filings"
                            " where model = 'Kimi'")
    assert kimi == [("月之暗面", "filing", 2, date(2023, 11, 17))]


def test_model_timeline_and_source_health(warehouse):
    (wenxin,) = query(warehouse, "select organization, upgrades, versions, filed_on"
                                 " from model_timeline where model = '文心一言'")
    assert wenxin[0] == "百度" and wenxin[1] >= 1 and "4.0" in wenxin[2]
    health = query(warehouse, "select source, nights, fetched, failed, articles"
                              " from source_health where source = 'seed'")
    assert health == [("seed", 1, 5, 0, 5)]


def test_trends_by_month_and_filters(warehouse):
    result = runner.invoke(app, ["trends", "--db", str(warehouse), "--by", "month",
                                 "--type", "filing", "--since", "2024-01-01", "-f", "csv"])
    assert result.exit_code == 0, result.output
    expected = Counter()
    for event_type, _, event_date, reported_on, _, _ in all_events(warehouse):
        day = event_date or reported_on
        if event_type == "filing" and day is not None and day >= date(2024, 1, 1):
            expected[day.replace(day=1).isoformat()] += 1
    lines = result.output.strip().splitlines()
    assert lines[0] == "period,filing"
    assert {line.split(",")[0]: int(line.split(",")[1]) for line in lines[1:]} == expected
    table = runner.invoke(app, ["trends", "--db", str(warehouse), "--by", "week", "--org",
                                "百度"])
    assert table.exit_code == 0 and "█" in table.output


def test_export_round_trips(warehouse, tmp_path):
    for file_format in ("parquet", "csv"):
        out = tmp_path / file_format
        result = runner.invoke(app, ["export", "--db", str(warehouse), "--out", str(out),
                                     "--format", file_format])
        assert result.exit_code == 0, result.output
        reader = "read_parquet" if file_format == "parquet" else "read_csv_auto"
        names = query(warehouse, "select table_name from information_schema.tables"
                                 " where table_schema = 'main'")
        assert len(names) >= 16
        for (name,) in names:
            expected = query(warehouse, f'select count(*) from "{name}"')[0][0]
            with duckdb.connect() as scratch:
                got = scratch.execute(
                    f"select count(*) from {reader}('{out / name}.{file_format}')").fetchone()[0]
            assert got == expected, name


def png_pixels(path):
    """(width, height, rows of bytes) of an 8-bit RGB/RGBA PNG: enough to judge blankness."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, header = 8, b"", None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        chunk = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        position += 12 + length
    width, height, depth, colour = header[:4]
    assert depth == 8 and colour in (2, 6)
    channels = 3 if colour == 2 else 4
    raw, stride, rows, previous = zlib.decompress(idat), width * channels, [], bytes(
        width * channels)
    for y in range(height):
        filter_type = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up, corner = previous[x], previous[x - channels] if x >= channels else 0
            if filter_type == 1:
                line[x] = (line[x] + left) & 255
            elif filter_type == 2:
                line[x] = (line[x] + up) & 255
            elif filter_type == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif filter_type == 4:
                guess = left + up - corner
                pa, pb, pc = abs(guess - left), abs(guess - up), abs(guess - corner)
                best = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[x] = (line[x] + best) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def test_html_report_is_self_contained_and_renders(warehouse, tmp_path):
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", "--db", str(warehouse), "--out", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    for external in ("http://", "https://", "<script", "src=", "@import", "url("):
        assert external not in page
    assert page.count("<svg") == 3 and "第2批" in page
    shot = tmp_path / "shot.png"
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
         f"--screenshot={shot}", "--window-size=1200,1400", out.as_uri()],
        check=True, capture_output=True, timeout=120)
    width, height, channels, rows = png_pixels(shot)
    assert (width, height) == (1200, 1400)
    non_white = sum(
        1 for row in rows[::4] for x in range(0, width * channels, channels * 4)
        if row[x:x + 3] != b"\xff\xff\xff")
    assert non_white > 2000  # bars, text and table, not a blank page


def test_report_data_matches_the_views(warehouse):
    with connect(warehouse, read_only=True) as con:
        data = collect(con, datetime(2024, 1, 1))
    assert sum(data.totals.values()) == len(all_events(warehouse))
    assert "<svg" in render(data)


def test_analyst_query_during_a_write_gets_a_clear_message(warehouse, tmp_path):
    config = tmp_path / "c.toml"
    config.write_text("[warehouse]\nlock_timeout_s = 1.5\n", encoding="utf-8")
    with warehouse_held(warehouse) as pid:
        started = time.monotonic()
        blocked = runner.invoke(app, ["sql", "select count(*) from events", "--db",
                                      str(warehouse), "--config", str(config)])
        waited = time.monotonic() - started
    assert blocked.exit_code == 1
    assert f"locked by process {pid}" in blocked.output
    assert 1.0 <= waited < 5.0
    answered = runner.invoke(app, ["sql", "select count(*) from events", "--db",
                                   str(warehouse), "-f", "csv"])
    assert answered.exit_code == 0 and int(answered.output.splitlines()[1]) > HISTORY
