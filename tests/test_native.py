"""The compiled event extraction (extractors/native.py): used only while its build matches the
sources, and the same mentions as the interpreted modules on every gold text."""

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

import extractors.events
from extractors import native

ROOT = Path(__file__).resolve().parents[1]
# Prints whether the extraction runs compiled, then every mention of the seed articles and of
# every gold set's texts.
DUMP = """
import importlib.util, sys
from pathlib import Path
import extractors.events as events
from extractors import native
from extractors.gazetteer import Gazetteer
spec = importlib.util.spec_from_file_location("events_quality", sys.argv[1])
quality = importlib.util.module_from_spec(spec)
sys.modules["events_quality"] = quality
spec.loader.exec_module(quality)
articles = [case.article for case in quality.seed_cases()]
for path in sorted((quality.GOLD).glob("*.json")):
    if path.name != "seed_events.json":
        articles += [case.article for case in quality.sentence_cases(path.name)]
print("compiled", native.is_compiled(events))
gazetteer, rules = Gazetteer.load(), events.CueRules.load()
for mention in events.extract_mentions(articles, gazetteer, rules):
    print(repr(mention))
"""


def _dump(switch: str) -> list[str]:
    environment = {**os.environ, native.SWITCH: switch}
    done = subprocess.run([sys.executable, "-c", DUMP, str(ROOT / "benchmarks/events_quality.py")],
                          env=environment, capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.splitlines()


def _skip_unless_compiled() -> None:
    """Under the test command (MODELWATCH_NATIVE=1, after bootstrap.py built the modules, or
    failed) never skips: there a missing build fails the test that needs it. Run by hand
    after an edit, the modules run interpreted until the next build: nothing to compare."""
    if os.environ.get(native.SWITCH) != "1" and native.current_build() is None:
        pytest.skip("no current compiled build (`.venv/bin/modelwatch-compile`)")


def test_a_build_counts_only_for_the_sources_it_was_built_from(tmp_path, monkeypatch):
    sources, build = tmp_path / "src", tmp_path / "build"
    sources.mkdir()
    build.mkdir()
    (sources / "alpha.py").write_text("A = 1\n")
    (sources / "beta.py").write_text("B = 2\n")
    monkeypatch.delenv(native.SWITCH, raising=False)
    assert native.current_build(build, sources) is None  # (never built)
    (build / "sources.sha256").write_text(native.source_stamp(sources))
    assert native.current_build(build, sources) == build
    (sources / "beta.py").write_text("B = 3\n")  # an edit after the build
    assert native.current_build(build, sources) is None
    (build / "sources.sha256").write_text(native.source_stamp(sources))
    (sources / "gamma.py").write_text("")  # a new module (compiled code may import it)
    assert native.current_build(build, sources) is None
    (build / "sources.sha256").write_text(native.source_stamp(sources))
    assert native.current_build(build, sources) == build
    monkeypatch.setenv(native.SWITCH, "0")  # switched off
    assert native.current_build(build, sources) is None


def test_the_stamp_changes_with_a_renamed_module(tmp_path):
    (tmp_path / "alpha.py").write_text("A = 1\n")
    before = native.source_stamp(tmp_path)
    (tmp_path / "alpha.py").rename(tmp_path / "omega.py")
    assert native.source_stamp(tmp_path) != before


def test_the_tests_run_the_compiled_extraction_where_it_was_built():
    _skip_unless_compiled()
    for name in native.COMPILED:
        module = importlib.import_module(f"extractors.{name}")
        assert native.is_compiled(module), f"extractors.{name} runs interpreted"
    assert Path(extractors.events.__file__).is_relative_to(native.BUILD_DIR)


def test_an_interpreted_process_runs_the_py_files(tmp_path):
    # (what the benchmark's baseline and MODELWATCH_NATIVE=0 rely on)
    environment = {**os.environ, native.SWITCH: "0"}
    done = subprocess.run(
        [sys.executable, "-c", "import extractors.events as e; print(e.__file__)"],
        env=environment, capture_output=True, text=True, cwd=tmp_path, check=True)
    assert done.stdout.strip() == str(ROOT / "extractors" / "events.py")


def test_compiled_and_interpreted_extraction_agree_on_every_gold_text():
    _skip_unless_compiled()
    compiled, interpreted = _dump("1"), _dump("0")
    assert compiled[0] == "compiled True" and interpreted[0] == "compiled False"
    assert len(compiled) > 5000  # (every mention of every gold text)
    assert compiled[1:] == interpreted[1:]
