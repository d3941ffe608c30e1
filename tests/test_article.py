from datetime import datetime, timedelta

import pytest

from extractors.article import (
    PARSERS,
    ExtractionSettings,
    extract_article,
    extract_articles,
    extract_document,
)
from extractors.discover import discover_files
from extractors.fetch import fetch_files
from extractors.normalize import simplify, text_hash
from extractors.records import Dropped, Page, Source
from tests.support import ROOT, SEED_ARTICLES


@pytest.fixture(scope="module")
def settings() -> ExtractionSettings:
    return ExtractionSettings.load()


def page(body: bytes, content_type: str = "text/plain", url: str = "file:x.txt") -> Page:
    return Page("t", url, url, 200, content_type, body, "h", datetime(2024, 1, 1))


def seed_pages() -> list[Page]:
    source = Source("seed", "files", path="seeds/articles/*.txt", base_dir=str(ROOT))
    found = discover_files(source)
    return fetch_files(found.items, max_bytes=1_000_000).items


def test_seed_corpus_gives_five_articles_with_stable_ids(settings):
    pages = seed_pages()
    assert [p.url for p in pages] == [
        f"file:seeds/articles/{path.name}" for path in sorted(SEED_ARTICLES.glob("*.txt"))
    ]
    first = extract_articles(pages, settings)
    again = extract_articles(seed_pages(), settings)
    assert len(first.items) == 5 and not first.dropped
    assert [a.article_id for a in first.items] == [a.article_id for a in again.items]
    titles = [a.title for a in first.items]
    assert titles[1] == "发展大模型关键在应用"  # gloss stripped from the title too
    assert titles[2].startswith("7月2日,北京发布全国首个政务服务大模型场景需求")  # derived
    by_url = {a.url.split("/")[-1][:3]: a for a in first.items}
    assert by_url["003"].published_at == datetime(2023, 11, 17, 11, 11)
    assert by_url["003"].site_name == "国际金融报"
    assert "相关阅读" not in by_url["003"].text and "编辑/范辉" not in by_url["003"].text
    assert "往期推荐" not in by_url["004"].text and "图片来源" not in by_url["004"].text
    assert "路线" in by_url["001"].text_simplified and "路線" in by_url["001"].text


@pytest.mark.parametrize(
    ("body", "content_type", "reason"),
    [
        (b"", "text/plain", "empty_body"),
        (b"   \n ", "text/plain", "empty_body"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "text/html", "binary_body"),
        (b"%PDF-1.4 ...", "application/pdf", "unsupported_content_type"),
        ("标题\n太短的正文。".encode(), "text/plain", "too_short"),
        ("标题\n图片来源：Unsplash\n资料图\n".encode(), "text/plain", "empty_after_cleaning"),
    ],
)
def test_unusable_pages_are_dropped_with_a_reason(settings, body, content_type, reason):
    result = extract_articles([page(body, content_type)], settings)
    assert result.items == []
    assert [d.reason for d in result.dropped] == [reason]
    assert result.dropped[0].stage == "extract"


def test_files_source_records_what_it_cannot_use(tmp_path):
    (tmp_path / "a.txt").write_text("标题\n正文。", encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(b"%PDF")
    (tmp_path / "big.txt").write_bytes(b"x" * 100)
    found = discover_files(Source("s", "files", path="*", base_dir=str(tmp_path)))
    assert [d.reason for d in found.dropped] == ["unsupported_file_type"]
    fetched = fetch_files(found.items, max_bytes=50)
    assert [p.url for p in fetched.items] == ["file:a.txt"]
    assert [(d.item, d.reason) for d in fetched.dropped] == [("file:big.txt", "too_large")]
    nothing = discover_files(Source("s", "files", path="none/*.txt", base_dir=str(tmp_path)))
    assert [d.reason for d in nothing.dropped] == ["no_files_match"]


ARTICLE = "".join(f"<p>{p}</p>" for p in (
    "记者近日获悉，多个大模型完成生成式人工智能服务备案，将陆续向公众开放服务。",
    "业内人士表示，备案意味着大模型产品可以正式上线，行业竞争将更加激烈。",
    "专家认为，大模型的商业化落地仍面临算力、数据和应用场景等多重挑战。",
))


def test_hash_and_simplified_text_match_the_normalize_functions(settings):
    traditional = ("發展大模型關鍵在應用\n國產大模型已有百餘款通過備案，產業鏈條日趨完整。\n"
                   "專家認為，大模型的商業化落地仍面臨算力、數據和應用場景等多重挑戰。")
    pages = [*seed_pages(), page(traditional.encode(), url="file:t.txt")]
    for article in extract_articles(pages, settings).items:
        assert article.text_hash == text_hash(article.text)
        assert article.text_simplified == simplify(article.text)


def test_a_parser_crash_is_a_dropped_page_not_an_exception(settings, monkeypatch):
    def broken(text, page, settings, now):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setitem(PARSERS, "text/plain", broken)
    result = extract_article(page("标题\n正文。".encode()), settings)
    assert isinstance(result, Dropped) and result.reason == "parser_error"
    assert "RecursionError" in result.detail


@pytest.mark.parametrize(("ahead", "kept"), [(timedelta(hours=2), True),
                                             (timedelta(days=3), False)])
def test_dates_slightly_ahead_of_the_clock_are_time_zones_later_ones_are_typos(
    settings, ahead, kept
):
    now = datetime(2024, 3, 5, 8, 0)
    stamp = (now + ahead).isoformat()
    body = (f'<html><head><meta property="article:published_time" content="{stamp}">'
            f"</head><body><article>{ARTICLE}</article></body></html>")
    article = extract_article(page(body.encode(), "text/html", "http://127.0.0.1/a"),
                              settings, now=now)
    assert (article.published_at == now + ahead) if kept else article.published_at is None


def test_parser_removals_are_counted_with_the_cleaning_ones(settings):
    body = ("<html><body><div class='share-bar'>分享到微博</div><article>"
            f"{ARTICLE}<p>相关阅读</p><p>另一篇文章的标题</p></article></body></html>")
    article = extract_article(page(body.encode(), "text/html", "http://127.0.0.1/a"), settings)
    removed = dict(article.removed)
    assert removed["html_block"] == 1 and removed["tail_marker"] == 2


def test_extract_document_keeps_what_the_parser_saw(settings):
    extraction = extract_document(page("标题\n太短的正文。".encode()), settings)
    assert isinstance(extraction.outcome, Dropped) and extraction.outcome.reason == "too_short"
    assert extraction.parsed.title == "标题" and extraction.charset == "utf-8"
