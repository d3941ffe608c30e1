"""Dedupe against a real DuckDB warehouse: band join against history, keyed persistence,
story merges, the `stories` view, idempotent re-runs, updates of the same URL.

Each "night" does what the flow does: sign and match on one connection, then load the
articles (with the decided story ids) and persist the dedupe rows on another.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from extractors.dedupe import EXACT, MINHASH, NEW, DedupeSettings, assign, signatures
from extractors.minhash import Scheme
from extractors.normalize import stable_id
from extractors.records import Mention
from tests.test_dedupe import (
    FIRST_BATCH,
    SECOND_BATCH,
    make_article,
    repost,
    seed_body,
    unrelated_texts,
)
from warehouse.connect import connect, run_sql_file
from warehouse.dedupe import backfill, match_stories, persist, stories_by_id
from warehouse.store import StoreBatch, load_spool, spool_batch

SETTINGS = DedupeSettings.load()
DEDUPE_TABLES = ("dedupe_signatures", "dedupe_bands", "dedupe_pairs", "dedupe_story_merges")


def night(db: Path, articles, tmp_path: Path, run_id: str, settings=SETTINGS):
    """One nightly dedupe + store of `articles`; returns the match result and counts."""
    sigs = signatures(articles, settings)
    with connect(db) as con:
        result = match_stories(con, sigs, settings)
    with connect(db) as con:
        batch = StoreBatch(run_id, articles=assign(articles, result))
        load_spool(con, spool_batch(batch, tmp_path / "spool"))
        con.execute("BEGIN TRANSACTION")
        counts = persist(con, sigs, result, settings)
        con.execute("COMMIT")
    return result, counts


def stories(db: Path) -> dict[str, str]:
    with connect(db, read_only=True) as con:
        return dict(con.execute("SELECT article_id, story_id FROM articles").fetchall())


def rows(db: Path, sql: str) -> list[tuple]:
    with connect(db, read_only=True) as con:
        return con.execute(sql).fetchall()


def test_migration_creates_the_dedupe_tables_and_the_stories_view(tmp_path):
    with connect(tmp_path / "w.duckdb") as con:
        names = {r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}
        assert set(DEDUPE_TABLES) | {"stories"} <= names
        assert con.execute("SELECT count(*) FROM stories").fetchone() == (0,)


def test_reposts_with_other_boilerplate_ads_and_breaks_are_one_story(tmp_path):
    db, body = tmp_path / "w.duckdb", seed_body("003")
    night(db, [make_article("original", body, title="AI“百模大战”现状：向垂直、B端谋场景")],
          tmp_path, "r1")
    copies = [make_article(f"copy{v}", repost(body, variant=v),
                           title="AI百模大战现状 向垂直B端谋场景！")
              for v in range(1, 5)]
    result, _ = night(db, copies, tmp_path, "r2")
    assert len(set(stories(db).values())) == 1
    assert {d.method for d in result.decisions} == {MINHASH}
    ((story, copies_count),) = rows(db, "SELECT story_id, copies FROM stories")
    assert copies_count == 5 and story == stories(db)["original"]


def test_a_partial_repost_joins_the_stored_story_and_the_pair_is_audited(tmp_path):
    db, body = tmp_path / "w.duckdb", seed_body("003")
    night(db, [make_article("full", body)], tmp_path, "r1")
    result, _ = night(db, [make_article("part", repost(body, variant=2, keep=0.6))],
                      tmp_path, "r2")
    (decision,) = result.decisions
    assert (decision.method, decision.matched_article_id) == (MINHASH, "full")
    assert stories(db)["part"] == stories(db)["full"]
    ((a, b, method, similarity, merged, threshold),) = rows(
        db, "SELECT article_a, article_b, method, similarity, merged, threshold"
            " FROM dedupe_pairs")
    assert (a, b, method, merged, threshold) == ("full", "part", MINHASH, True, 0.35)
    assert similarity == decision.similarity and 0.35 <= similarity < 0.9
    assert rows(db, "SELECT canonical_article_id, copies FROM stories") == [("full", 2)]


def test_two_filing_batch_reports_are_two_stories(tmp_path):
    db = tmp_path / "w.duckdb"
    night(db, [make_article("first", FIRST_BATCH), make_article("second", SECOND_BATCH)],
          tmp_path, "r1")
    night(db, [make_article("second-copy", repost(SECOND_BATCH, variant=1))], tmp_path, "r2")
    found = stories(db)
    assert found["first"] != found["second"] == found["second-copy"]
    assert rows(db, "SELECT count(*) FROM dedupe_pairs WHERE merged"
                    " AND 'first' IN (article_a, article_b)") == [(0,)]


def test_tonights_article_meets_one_stored_long_ago_by_a_sql_join(tmp_path):
    db, body = tmp_path / "w.duckdb", seed_body("002")
    history = [make_article("old", body, published_at=datetime(2023, 7, 3))]
    history += [make_article(f"other{i}", text) for i, text in enumerate(unrelated_texts(150))]
    night(db, history, tmp_path, "r1")
    with connect(db) as con:  # stored last year
        con.execute("UPDATE articles SET first_seen_at = TIMESTAMP '2023-07-03 08:00'")
    result, _ = night(db, [make_article("tonight", repost(body, variant=3),
                                        published_at=datetime(2024, 7, 3))], tmp_path, "r2")
    (decision,) = result.decisions
    assert decision.story_id == stories(db)["old"]
    assert (decision.method, decision.matched_article_id) == (MINHASH, "old")
    # The band join hands back the one stored candidate, not the 151 stored articles.
    assert result.stats["history_candidates"] == 1


def test_an_update_of_the_same_url_is_one_article_re_extracted(tmp_path):
    db, body = tmp_path / "w.duckdb", seed_body("003")
    url = "https://news.example/filings"
    original = make_article("a", body, url=url)
    night(db, [original, make_article("copy", repost(body, variant=1))], tmp_path, "r1")
    story = stories(db)["a"]
    edited = replace(make_article("a", body.replace("第二批", "第2批") + "\n\n（本文已更新）",
                                  url=url))
    result, counts = night(db, [edited], tmp_path, "r2")
    (decision,) = result.decisions
    assert (decision.story_id, decision.matched_article_id) == (story, "a")
    assert counts.signatures == 1
    assert rows(db, "SELECT count(*), any_value(text_hash) FROM articles WHERE url = "
                    f"'{url}'") == [(1, edited.text_hash)]
    assert rows(db, "SELECT text_hash FROM dedupe_signatures WHERE article_id = 'a'") == [
        (edited.text_hash,)]
    assert rows(db, "SELECT count(*) FROM dedupe_bands JOIN dedupe_signatures"
                    " USING (signature_id) WHERE article_id = 'a'") == [(SETTINGS.scheme.bands,)]
    # The page now holds another story: the article leaves, its copy keeps the old story.
    result, _ = night(db, [make_article("a", SECOND_BATCH, url=url)], tmp_path, "r3")
    assert result.decisions[0].method == NEW
    found = stories(db)
    assert found["a"] != story == found["copy"]
    assert rows(db, "SELECT count(*) FROM dedupe_pairs WHERE 'a' IN (article_a, article_b)"
                ) == [(0,)]


def test_running_the_same_night_twice_changes_nothing(tmp_path):
    db, body = tmp_path / "w.duckdb", seed_body("003")
    batch = [make_article("a", body), make_article("b", repost(body, variant=2, keep=0.6)),
             make_article("c", body.replace("，", ",")), make_article("d", FIRST_BATCH)]

    def snapshot():
        return {table: rows(db, f"SELECT * FROM {table} ORDER BY ALL")
                for table in (*DEDUPE_TABLES, "stories")} | {"articles": stories(db)}

    night(db, batch, tmp_path, "r1")
    before = snapshot()
    result, counts = night(db, batch, tmp_path, "r2")
    assert snapshot() == before
    assert (counts.signatures, counts.merges, counts.relabelled_article_ids) == (0, 0, [])
    # Each article meets its own stored row: same text, same story.
    assert {(d.method, d.matched_article_id) for d in result.decisions} == {
        (EXACT, a.article_id) for a in batch}


def test_a_full_text_merges_two_stored_excerpt_stories_into_the_oldest(tmp_path):
    db, body = tmp_path / "w.duckdb", seed_body("003")
    cut = len(body) * 2 // 5
    night(db, [make_article("head", body[: len(body) - cut])], tmp_path, "r1")
    night(db, [make_article("tail", body[cut:])], tmp_path, "r2")
    head_story, tail_story = stories(db)["head"], stories(db)["tail"]
    assert head_story != tail_story
    result, counts = night(db, [make_article("full", body)], tmp_path, "r3")
    assert result.decisions[0].story_id == head_story
    assert counts.relabelled_article_ids == ["tail"]
    assert set(stories(db).values()) == {head_story}
    assert rows(db, "SELECT story_id, into_story_id, via_article_id FROM dedupe_story_merges"
                ) == [(tail_story, head_story, "full")]
    with connect(db, read_only=True) as con:
        assert stories_by_id(con, [head_story, tail_story]) == {head_story: ("full", 3)}


def test_the_canonical_article_is_the_most_complete_then_the_earliest(tmp_path):
    db = tmp_path / "w.duckdb"
    late = make_article("late", FIRST_BATCH, published_at=datetime(2023, 9, 2))
    early = make_article("early", FIRST_BATCH.replace("，", ","),  # same length, same text
                         published_at=datetime(2023, 8, 31))
    night(db, [late, early], tmp_path, "r1")
    assert rows(db, "SELECT canonical_article_id, copies, sources FROM stories") == [
        ("early", 2, 1)]
    longer = make_article("longer", FIRST_BATCH + "\n\n（完）记者补充：名单或将持续更新。",
                          published_at=datetime(2023, 9, 5))
    night(db, [longer], tmp_path, "r2")
    assert rows(db, "SELECT canonical_article_id, copies FROM stories") == [("longer", 3)]


def test_backfill_signs_history_stored_before_the_dedupe_tables(tmp_path):
    db, body = tmp_path / "w.duckdb", seed_body("004")
    old = [make_article("old", body, published_at=datetime(2023, 9, 8))]
    old += [make_article(f"other{i}", t) for i, t in enumerate(unrelated_texts(20))]
    with connect(db) as con:  # stored by the exact-only flow: no sketches
        load_spool(con, spool_batch(StoreBatch("r0", articles=[
            replace(a, story_id=f"s-{a.article_id}") for a in old]), tmp_path / "spool"))
        assert backfill(con, batch_size=7) == 21
        assert backfill(con) == 0
    result, _ = night(db, [make_article("new", repost(body, variant=2))], tmp_path, "r1")
    assert result.decisions[0].story_id == "s-old"


def test_sketches_of_another_scheme_are_not_compared(tmp_path):
    db, body = tmp_path / "w.duckdb", seed_body("003")
    other = replace(SETTINGS, scheme=Scheme(5, 42, 3, seed=2))
    night(db, [make_article("old", body)], tmp_path, "r1", settings=other)
    copy = [make_article("new", repost(body, variant=2))]
    sigs = signatures(copy)
    with connect(db) as con:
        assert match_stories(con, sigs).decisions[0].method == NEW
        exact = match_stories(con, signatures([make_article("same", body)]))
        assert exact.decisions[0].method == EXACT  # exact text needs no sketch
        assert backfill(con) == 1  # re-signed with the current scheme
        assert match_stories(con, sigs).decisions[0].matched_article_id == "old"


def test_band_keys_are_the_band_number_and_its_bin_values_as_one_integer(tmp_path):
    """The key the band join matches on, computed by DuckDB from the stored sketch."""
    db = tmp_path / "w.duckdb"
    article = make_article("a", FIRST_BATCH)
    night(db, [article], tmp_path, "r1")
    (sketch,) = signatures([article])
    width = 4 * SETTINGS.scheme.rows
    expected = [(band << 96) + int.from_bytes(sketch.minhash[band * width:(band + 1) * width])
                for band in range(SETTINGS.scheme.bands)]
    assert [key for (key,) in rows(db, "SELECT band_key FROM dedupe_bands ORDER BY band")
            ] == expected


def test_a_merge_recounts_the_stories_of_the_moved_articles_events(tmp_path):
    """The store's side of a merge: persist, then dedupe_affected_events.sql feeds the
    moved articles' events to merge_events.sql, whose story counts drop to one."""
    db, body = tmp_path / "w.duckdb", seed_body("003")
    cut = len(body) * 2 // 5
    event = stable_id("event", "filing", "天工")

    def mention(article_id: str) -> Mention:
        return Mention(event, article_id, "filing", "天工", "昆仑万维",
                       "昆仑万维天工大模型完成备案。", "完成备案", 0)

    for run, (article_id, text) in enumerate([("head", body[: len(body) - cut]),
                                              ("tail", body[cut:])]):
        article = make_article(article_id, text)
        sigs = signatures([article])
        with connect(db) as con:
            result = match_stories(con, sigs)
            load_spool(con, spool_batch(StoreBatch(f"r{run}", articles=assign([article], result),
                                                   mentions=[mention(article_id)]),
                                        tmp_path / "spool"))
            persist(con, sigs, result)
    assert rows(db, "SELECT story_count FROM events") == [(2,)]
    full = make_article("full", body)
    sigs = signatures([full])
    with connect(db) as con:
        result = match_stories(con, sigs)
        load_spool(con, spool_batch(StoreBatch("r3", articles=assign([full], result)),
                                    tmp_path / "spool"))
        con.execute("BEGIN TRANSACTION")
        con.execute("CREATE OR REPLACE TEMP TABLE affected_events (event_id VARCHAR)")
        persist(con, sigs, result)
        run_sql_file(con, "dedupe_affected_events.sql")
        run_sql_file(con, "merge_events.sql", now=datetime(2024, 1, 1))
        con.execute("COMMIT")
    assert rows(db, "SELECT story_count, article_count FROM events") == [(1, 2)]
