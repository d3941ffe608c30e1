import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from extractors.article import ExtractionSettings
from extractors.extract_files import DEFAULT_OUT_DIRNAME, extract_paths
from tests.support import SEED_ARTICLES

GOLDEN = Path(__file__).resolve().parent / "fixtures" / "extraction"
NOW = datetime(2024, 6, 1)


@pytest.fixture(scope="module")
def settings() -> ExtractionSettings:
    return ExtractionSettings.load()


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A folder of pages: two golden HTML pages, a seed text, one too short, one PDF."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(GOLDEN / "portal.html", folder / "portal.html")
    shutil.copy(GOLDEN / "gbk_legacy.html", folder / "sub" / "legacy.htm")
    shutil.copy(next(SEED_ARTICLES.glob("003_*.txt")), folder / "sub" / "seed.txt")
    (folder / "short.txt").write_text("标题\n太短。", encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    return folder


def run(paths, out_dir, settings):
    return extract_paths(paths, out_dir, settings=settings, now=NOW)


def test_a_folder_gives_a_body_and_metadata_per_page(inputs, tmp_path, settings):
    out = tmp_path / "out"
    report = run([inputs], out, settings)
    assert sorted(p.name for p in out.iterdir()) == [
        "legacy.json", "legacy.txt", "portal.json", "portal.txt", "seed.json", "seed.txt",
        "short.json",
    ]
    assert [f.input.name for f in report.files] == [
        "portal.html", "short.txt", "legacy.htm", "seed.txt"]
    assert set(report.written) == set(out.iterdir())
    assert [(d.item.rsplit("/", 1)[-1], d.reason) for d in report.dropped] == [
        ("short.txt", "too_short")]  # the PDF inside a folder is not an input
    body = (out / "portal.txt").read_text(encoding="utf-8")
    assert body.startswith("10月17日，百度在北京举办的百度世界大会上") and "相关阅读" not in body
    meta = json.loads((out / "portal.json").read_text(encoding="utf-8"))
    assert meta["status"] == "ok"
    assert (meta["title"], meta["published_at"], meta["site_name"], meta["author"],
            meta["language"]) == ("百度发布文心大模型4.0 用户规模达4500万",
                                  "2023-10-17T11:31:00", "新浪科技", "张明", "zh")
    assert meta["removed"]["html_block"] >= 1
    legacy = json.loads((out / "legacy.json").read_text(encoding="utf-8"))
    assert legacy["charset"] == "gb18030" and legacy["published_at"] == "2023-11-07T09:35:12"


def test_dropped_inputs_get_their_reason_and_no_body(inputs, tmp_path, settings):
    out = tmp_path / "out"
    (out).mkdir()
    (out / "short.txt").write_text("stale body of an earlier run", encoding="utf-8")
    report = run([inputs / "short.txt", inputs / "scan.pdf", inputs / "missing.html"], out,
                 settings)
    assert not report.ok
    assert [(d.item.rsplit("/", 1)[-1], d.reason) for d in report.dropped] == [
        ("short.txt", "too_short"), ("scan.pdf", "unsupported_file_type"),
        ("missing.html", "not_found")]
    meta = json.loads((out / "short.json").read_text(encoding="utf-8"))
    assert (meta["status"], meta["reason"], meta["title"]) == ("dropped", "too_short", "标题")
    assert not (out / "short.txt").exists()
    assert report.files[0].text_path is None and report.files[0].dropped.reason == "too_short"


def test_without_out_dir_outputs_go_beside_each_input_never_over_it(inputs, settings):
    report = run([inputs / "sub" / "seed.txt"], None, settings)
    folder = inputs / "sub" / DEFAULT_OUT_DIRNAME
    assert report.written == [folder / "seed.txt", folder / "seed.json"]
    assert (inputs / "sub" / "seed.txt").read_text(encoding="utf-8").startswith("AI“百模大战”")
    # A second run over the folder does not read its own outputs.
    again = run([inputs / "sub"], None, settings)
    assert [f.input.name for f in again.files] == ["legacy.htm", "seed.txt"]


def test_inputs_with_the_same_name_do_not_overwrite_each_other(tmp_path, settings):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(GOLDEN / "ruby.html", tmp_path / folder / "page.html")
    report = run([tmp_path / "a", tmp_path / "b"], tmp_path / "out", settings)
    assert [p.name for p in report.written] == ["page.txt", "page.json", "page-2.txt",
                                                "page-2.json"]


def test_output_equals_the_pipeline_article(inputs, tmp_path, settings):
    from extractors.article import extract_article
    from extractors.extract_files import _page

    path = inputs / "portal.html"
    run([path], tmp_path / "out", settings)
    article = extract_article(_page(path, path.read_bytes(), NOW), settings, now=NOW)
    assert (tmp_path / "out" / "portal.txt").read_text(encoding="utf-8") == article.text + "\n"
    meta = json.loads((tmp_path / "out" / "portal.json").read_text(encoding="utf-8"))
    assert meta["article_id"] == article.article_id and meta["text_hash"] == article.text_hash
