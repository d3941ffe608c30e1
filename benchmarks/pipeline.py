"""Pipeline stage costs against baselines measured in the same run.

1. Extraction: modelwatch's HTML → Article (decode, pre-clean, trafilatura, Chinese
   cleaning, simplification) against bare `trafilatura.extract` on the same decoded pages
   of ../shared/corpus/extraction-dev: time ratio and bag-of-tokens F1 of both.
2. Events: sentences per second of event extraction on the seed articles.
3. Store: the spooled set-wise load of N articles + mentions against a row-by-row
   `executemany` insert of the same article rows (the naive way).

Usage: .venv/bin/python benchmarks/pipeline.py [--articles 2000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from datetime import datetime
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from extractors.article import ExtractionSettings, extract_article, extract_articles  # noqa: E402
from extractors.decode import decode_body  # noqa: E402
from extractors.discover import discover_files  # noqa: E402
from extractors.events import CueRules, extract_mentions  # noqa: E402
from extractors.fetch import fetch_files  # noqa: E402
from extractors.gazetteer import Gazetteer  # noqa: E402
from extractors.normalize import simplify, stable_id, text_hash  # noqa: E402
from extractors.records import Article, Dropped, Page, Source  # noqa: E402
from warehouse.connect import connect  # noqa: E402
from warehouse.store import StoreBatch, load_spool, spool_batch  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "extraction-dev"


def tokens(text: str) -> Counter:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return Counter(re.findall(r"[\u3400-\u9fff]|[^\W_\u3400-\u9fff]+", text))


def bag_f1(predicted: str, truth: str) -> float:
    p, t = tokens(predicted), tokens(truth)
    overlap = sum((p & t).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(t.values())
    return 2 * precision * recall / (precision + recall)


def timed(function, repeats: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def bench_extraction(repeats: int) -> None:
    cases = []
    for path in sorted(CORPUS.glob("*.html")):
        truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["body"]
        cases.append((path.read_bytes(), truth))
    settings = ExtractionSettings.load()
    pages = [Page("bench", f"http://127.0.0.1/{i}", f"http://127.0.0.1/{i}", 200, "text/html",
                  body, "h", datetime(2024, 1, 1)) for i, (body, _) in enumerate(cases)]
    trafilatura.extract("<html><body><p>warm up</p></body></html>")  # first call ≈ 60 ms

    def ours():
        out = []
        for page in pages:
            result = extract_article(page, settings)
            out.append("" if isinstance(result, Dropped) else result.text)
        return out

    def bare():
        # The baseline gets the same help with charsets (handed bytes, it returns mojibake
        # on GBK pages), so the ratio measures the added cleaning, not decoding.
        return [trafilatura.extract(decode_body(body)[0]) or "" for body, _ in cases]

    ours_s, ours_out = timed(ours, repeats)
    bare_s, bare_out = timed(bare, repeats)
    ours_f1 = statistics.mean(bag_f1(p, t) for p, (_, t) in zip(ours_out, cases, strict=True))
    bare_f1 = statistics.mean(bag_f1(p, t) for p, (_, t) in zip(bare_out, cases, strict=True))
    print(f"extraction on {len(cases)} real pages (median of {repeats}):")
    print(f"  modelwatch       {ours_s:6.2f} s  {len(cases) / ours_s:6.1f} pages/s  "
          f"bag-F1 {ours_f1:.3f}")
    print(f"  bare trafilatura {bare_s:6.2f} s  {len(cases) / bare_s:6.1f} pages/s  "
          f"bag-F1 {bare_f1:.3f}")
    print(f"  time ratio modelwatch / trafilatura = {ours_s / bare_s:.2f}x; "
          f"F1 difference {ours_f1 - bare_f1:+.3f}")


@cache  # extracted once for both the events and the store benchmark
def seed_articles() -> list[Article]:
    source = Source("seed", "files", path="seeds/articles/*.txt", base_dir=str(ROOT))
    pages = fetch_files(discover_files(source).items, max_bytes=10_000_000).items
    return extract_articles(pages, ExtractionSettings.load()).items


def bench_events(repeats: int) -> None:
    articles = seed_articles() * 20
    gazetteer, rules = Gazetteer.load(), CueRules.load()
    sentences = sum(a.text.count("。") for a in articles)
    seconds, mentions = timed(lambda: extract_mentions(articles, gazetteer, rules), repeats)
    chars = sum(len(a.text) for a in articles)
    print(f"events on {len(articles)} articles ({chars / 1e6:.2f} M chars, ~{sentences} "
          f"sentences): {seconds:.2f} s, {len(articles) / seconds:.0f} articles/s, "
          f"{len(mentions)} mentions")


def synthetic(n: int) -> tuple[list[Article], list]:
    base = seed_articles()
    articles = []
    for i in range(n):
        source = base[i % len(base)]
        text = f"{source.text}\n\n第{i}号补充段落。"
        articles.append(Article(stable_id("bench", i), f"http://bench/{i}", "bench", source.title,
                                text, simplify(text), text_hash(text), story_id=f"s{i}"))
    mentions = extract_mentions(articles, Gazetteer.load(), CueRules.load())
    return articles, mentions


def bench_store(n: int) -> None:
    articles, mentions = synthetic(n)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.duckdb"
        batch = StoreBatch(run_id="bench", articles=articles, mentions=mentions)
        with connect(db) as con:
            # Timed after connect, as the naive insert is: creating the schema is neither's.
            start = time.perf_counter()
            load_spool(con, spool_batch(batch, Path(folder) / "spool"))
            ours = time.perf_counter() - start

        naive_db = Path(folder) / "naive.duckdb"
        rows = [(a.article_id, a.url, a.source, a.title, a.text, a.text_simplified, a.text_hash,
                 a.story_id) for a in articles]
        with connect(naive_db) as con:
            start = time.perf_counter()
            con.executemany(
                "INSERT INTO articles (article_id, url, source, title, text, text_simplified,"
                " text_hash, story_id, first_seen_at, extracted_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, now()::TIMESTAMP, now()::TIMESTAMP)"
                " ON CONFLICT DO NOTHING", rows)
            naive = time.perf_counter() - start
    print(f"store {n} articles + {len(mentions)} mentions: spool+set load {ours:.2f} s; "
          f"row-by-row executemany of the articles alone {naive:.2f} s; "
          f"ratio {naive / ours:.1f}x in favour of the set load")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    bench_extraction(args.repeats)
    bench_events(args.repeats)
    bench_store(args.articles)


if __name__ == "__main__":
    main()
