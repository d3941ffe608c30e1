"""Body-text quality and speed of modelwatch's extractor against its peers, in one run.

Scores modelwatch (raw bytes in, as the pipeline gets them), trafilatura and
readability-lxml (both handed the page decoded by score.py's `decode_html`, decoding time
included, as `score.py --input str` does) on the held-out pages of
../shared/corpus/extraction-dev with that folder's own score.py: per-language mean F1
(Chinese per character, English per word; bag-of-tokens by default), pages/s, and the
ratios of modelwatch to the best peer.

Timing: the machine is shared, so every tool runs `--rounds` times, interleaved, in a
rotating order; pages/s is reported from the best and the median round, in wall-clock
and in CPU time of this process (CPU time is what other processes disturb least).

Usage: .venv/bin/python benchmarks/extraction_quality.py [--rounds 3] [--lang zh,en]
       [--metric bag] [--save-pred DIR] [--check]
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.article import ExtractionSettings, extract_article  # noqa: E402
from extractors.records import Dropped, Page  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "extraction-dev"
LANGUAGES = ("zh", "en")
OURS = "modelwatch"


def load_score(corpus: Path):
    """score.py of the corpus, imported as a module (it is the scoring authority)."""
    path = corpus / "score.py"
    if not path.exists():
        sys.exit(f"{path} not found: the corpus must sit at ../shared beside the checkout")
    spec = importlib.util.spec_from_file_location("extraction_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def modelwatch_extractor() -> Callable[..., str]:
    settings = ExtractionSettings.load()
    now = datetime.now()

    def extract(html: bytes, url: str | None = None, lang: str | None = None) -> str:
        url = url or "http://127.0.0.1/page.html"
        page = Page("bench", url, url, 200, "text/html", html, "", now)
        result = extract_article(page, settings, now=now)
        return "" if isinstance(result, Dropped) else result.text

    return extract


@dataclass(frozen=True)
class Tool:
    name: str
    function: Callable[..., str]  # f(html_bytes, url=, lang=) -> text


def handed_decoded_text(score, peer: Callable[..., str]) -> Callable[..., str]:
    """A peer given score.decode_html's text; the decoding is part of its time."""

    def extract(html: bytes, url: str | None = None, lang: str | None = None) -> str:
        return peer(score.decode_html(html), url=url, lang=lang)

    return extract


class CpuClock:
    """Wraps an extractor and adds up the CPU time of this process spent inside it."""

    def __init__(self, function: Callable[..., str]):
        self.function, self.seconds = function, 0.0

    def __call__(self, html: bytes, url: str | None = None, lang: str | None = None) -> str:
        started = time.process_time()
        try:
            return self.function(html, url=url, lang=lang)
        finally:
            self.seconds += time.process_time() - started


@dataclass
class Measured:
    rows: list
    wall: list[float]
    cpu: list[float]
    errors: int


def run_rounds(score, tools: list[Tool], cases: list[dict], args) -> dict[str, Measured]:
    for tool in tools:  # imports, dictionaries and first-call costs are not per-page time
        for case in (cases[0], next((c for c in cases if c.get("lang") == "zh"), cases[0])):
            tool.function(Path(case["html_path"]).read_bytes(), url=case.get("url"),
                          lang=case.get("lang"))
    measured: dict[str, Measured] = {}
    for round_index in range(args.rounds):
        shift = round_index % len(tools)
        for tool in tools[shift:] + tools[:shift]:  # rotate: no tool always runs first
            run_args = argparse.Namespace(
                warmup=False, input="bytes", give_url=True, lang_hint=True,
                save_pred=args.save_pred if round_index == 0 else None,
                no_lcs=args.no_lcs,
            )
            clock = CpuClock(tool.function)
            rows, wall, errors = score.run_one(tool.name, clock, cases, run_args)
            entry = measured.setdefault(tool.name, Measured(rows, [], [], errors))
            entry.wall.append(wall)
            entry.cpu.append(max(clock.seconds, 1e-9))
    return measured


def language_means(rows: list, metric: str) -> dict[str, float]:
    means = {}
    for language in (*LANGUAGES, "all"):
        chosen = [r for r in rows if language == "all" or r.get("lang") == language]
        if chosen:
            means[language] = statistics.mean(r[metric][2] for r in chosen)
    return means


def report(measured: dict[str, Measured], cases: list[dict], args) -> bool:
    n = len(cases)
    print(f"\nextraction on {n} pages of {CORPUS} ({args.rounds} rounds, interleaved)")
    print(f"metric: {args.metric} (mean of per-page F1; zh per character, en per word)\n")
    header = (f"{'tool':28s} {'zh F1':>7s} {'en F1':>7s} {'all F1':>7s}   "
              f"{'pages/s wall best/median':>25s}   {'pages/s CPU best/median':>24s}  errors")
    print(header)
    print("-" * len(header))
    speed, quality = {}, {}
    for name, m in measured.items():
        means = language_means(m.rows, args.metric)
        quality[name] = means
        wall = (n / min(m.wall), n / statistics.median(m.wall))
        cpu = (n / min(m.cpu), n / statistics.median(m.cpu))
        speed[name] = {"wall": wall[0], "cpu": cpu[0]}
        cells = " ".join(f"{means.get(k, float('nan')):7.3f}" for k in (*LANGUAGES, "all"))
        print(f"{name:28s} {cells}   {wall[0]:11.1f} / {wall[1]:11.1f}   "
              f"{cpu[0]:10.1f} / {cpu[1]:11.1f}  {m.errors:6d}")
    peers = [name for name in measured if name != OURS]
    ours = quality[OURS]
    print("\nmodelwatch against the best peer:")
    beats = True
    for language in (*LANGUAGES, "all"):
        if language not in ours:
            continue
        best = max(peers, key=lambda p: quality[p].get(language, 0.0))
        theirs = quality[best][language]
        beats &= language == "all" or ours[language] > theirs
        print(f"  {language:4s} F1 {ours[language]:.3f} vs {theirs:.3f} ({best}): "
              f"{ours[language] - theirs:+.3f}, ratio {ours[language] / theirs:.3f}")
    for clock in ("wall", "cpu"):
        fastest = max(peers, key=lambda p: speed[p][clock])
        ratio = speed[OURS][clock] / speed[fastest][clock]
        beats &= clock == "wall" or ratio >= 1.0
        print(f"  pages/s ({clock}, best round) {speed[OURS][clock]:.1f} vs "
              f"{speed[fastest][clock]:.1f} ({fastest}): ratio {ratio:.2f}")
    spreads = {name: (max(m.wall) - min(m.wall)) / min(m.wall) for name, m in measured.items()}
    print("  wall-clock spread between rounds (max/min - 1): "
          + ", ".join(f"{name.split()[0]} {spread:.0%}" for name, spread in spreads.items()))
    return beats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--lang", help="only cases of these languages (comma list)")
    parser.add_argument("--metric", default="bag", choices=("bag", "shingle", "lcs"))
    parser.add_argument("--save-pred", help="write predictions to DIR/<tool>/NNN.txt")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--check", action="store_true",
                        help="exit 1 unless modelwatch beats every peer on zh and en F1 "
                             "and is at least as fast (CPU) as the fastest peer")
    args = parser.parse_args()
    args.no_lcs = args.metric != "lcs"
    if args.metric == "lcs" and importlib.util.find_spec("rapidfuzz") is None:
        sys.exit("--metric lcs needs rapidfuzz, which is not installed; use bag or shingle")
    score = load_score(args.corpus)
    selection = argparse.Namespace(lang=args.lang, gt_kind=None, cases=None, era=None,
                                   skip_flagged=False, limit=None)
    cases = score.load_cases(str(args.corpus), selection)
    tools = [
        Tool(OURS, modelwatch_extractor()),
        Tool(f"trafilatura {score.peer_version('trafilatura')}",
             handed_decoded_text(score, score.peer_trafilatura)),
        Tool(f"readability {score.peer_version('readability')}",
             handed_decoded_text(score, score.peer_readability)),
    ]
    measured = run_rounds(score, tools, cases, args)
    beats = report(measured, cases, args)
    if args.check and not beats:
        sys.exit(1)


if __name__ == "__main__":
    main()
