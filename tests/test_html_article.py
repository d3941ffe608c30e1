import importlib.util
import json
import statistics
from datetime import datetime
from pathlib import Path

import pytest

from extractors import html_article
from extractors.article import ExtractionSettings, extract_article, extract_document
from extractors.html_article import (
    HtmlRules,
    extract_body,
    load_tree,
    parse_html,
    preclean,
    split_title,
    strip_title_suffix,
)
from extractors.records import Article, Dropped, Page
from extractors.sites import SITES, site_for
from tests.support import EXTRACTION_CORPUS

GOLDEN = Path(__file__).resolve().parent / "fixtures" / "extraction"
NOW = datetime(2024, 6, 1)

PARAGRAPHS = [
    "记者近日获悉，包括蚂蚁百灵大模型、昆仑万维天工大模型在内的多个大模型近日完成备案，将向公众开放。",
    "第二批完成备案的大模型中，有三个行业大模型备受关注，分别来自办公、教育等行业。",
    "专家表示，随着更多大模型的备案和应用落地，大模型正越来越多地针对特定垂直行业进行优化。",
]

PAGE = """<!DOCTYPE html><html><head><meta charset="gbk">
<title>多个大模型完成备案 将向公众开放_新浪科技_新浪网</title>
<meta property="article:published_time" content="2023-11-17T11:11:00+08:00">
<script>var ad = "不要我";</script><style>.x{{}}</style></head><body>
<div class="nav">首页 | 科技 | 财经</div>
<div class="ad-banner">成都网站建设公司，专业网站制作，优惠进行中！</div>
<article><h1>多个大模型完成备案 将向公众开放</h1>
<p>{0}</p><p><ruby>备<rp>(</rp><rt>bèi</rt><rp>)</rp></ruby>案之后，{1}</p><p>{2}</p>
</article>
<div class="share-bar">分享到微博 微信</div>
<div id="related">相关阅读：另一篇文章</div>
</body></html>"""


@pytest.fixture(scope="module")
def settings() -> ExtractionSettings:
    return ExtractionSettings.load()


def html_page(body: bytes, content_type="text/html", url="http://127.0.0.1/a.html") -> Page:
    return Page("test", url, url, 200, content_type, body, "hash", datetime(2024, 1, 1))


def parse(html: str, url: str | None = None):
    return parse_html(html, url=url, rules=HtmlRules.load(), now=NOW)


def page_with(head: str = "", body: str = "") -> str:
    """A small article page: the given <head> extras and markup around three paragraphs."""
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f"<html><head><title>多个大模型完成备案_科技_新浪网</title>{head}</head><body>"
            f"<h1>多个大模型完成备案</h1>{body}<div class='content'>{paragraphs}</div>"
            "</body></html>")


def test_gbk_page_with_ruby_ads_and_share_bar(settings):
    body = PAGE.format(*PARAGRAPHS).encode("gbk")
    article = extract_article(html_page(body), settings)
    assert not isinstance(article, Dropped), article
    assert article.title == "多个大模型完成备案 将向公众开放"
    assert "昆仑万维天工大模型" in article.text
    assert "bèi" not in article.text and "分享到" not in article.text
    assert "网站建设" not in article.text and "不要我" not in article.text
    # article:published_time 2023-11-17T11:11:00+08:00: the wall-clock time is kept.
    assert article.published_at == datetime(2023, 11, 17, 11, 11)


def test_preclean_removes_ad_blocks_but_not_the_article(settings):
    cleaned = preclean(PAGE.format(*PARAGRAPHS), settings.html)
    assert "ad-banner" not in cleaned and "<script" not in cleaned
    assert PARAGRAPHS[0] in cleaned


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("多个大模型完成备案 将向公众开放_新浪科技", "多个大模型完成备案 将向公众开放"),
        ("百度发布文心大模型4.0 - 中国经济网", "百度发布文心大模型4.0"),
        ("短标题-网站", "短标题-网站"),  # too short to carry a suffix
        ("多个大模型完成备案 将向公众开放_科技_新浪网", "多个大模型完成备案 将向公众开放"),
        ("智谱AI发布新一代基座大模型-央视网", "智谱AI发布新一代基座大模型"),
        ("OpenAI发布多模态大模型GPT-4o", "OpenAI发布多模态大模型GPT-4o"),  # a hyphen in a name
        ("OpenAI unveils GPT-4o, its new flagship model | The Verge",
         "OpenAI unveils GPT-4o, its new flagship model"),
        ("Kimi: long context race heats up — RT World News", "Kimi: long context race heats up"),
    ],
)
def test_title_suffixes(title, expected):
    assert strip_title_suffix(title, HtmlRules.load()) == expected


def test_broken_html_does_not_raise(settings):
    for body in (b"<html><body><p>\xff\xfe<div><<<", b"<p>" * 5000, b"</html>"):
        assert isinstance(extract_article(html_page(body), settings), Dropped)


def test_parse_html_returns_paragraphs():
    doc = parse_html(PAGE.format(*PARAGRAPHS), url=None, rules=HtmlRules.load())
    assert len(doc.paragraphs) >= 3


def _scorer():
    path = EXTRACTION_CORPUS / "score.py"
    assert path.exists(), f"{path} missing: the corpus must sit at ../shared beside the clone"
    spec = importlib.util.spec_from_file_location("extraction_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Pinned just below the measured figures (body text, macro bag-F1 over 85 pages on
# 2026-11-22: all 0.970, zh 0.961, en 0.976; readability-lxml 0.944 / 0.916 / 0.964 and
# trafilatura 0.923 / 0.872 / 0.958 on the same decoded pages): fails on a regression.
MIN_BAG_F1 = 0.965
MIN_BAG_F1_BY_LANGUAGE = {"zh": 0.955, "en": 0.97}


def test_extraction_quality_gate_on_the_real_page_corpus(settings):
    score = _scorer()
    f1s: dict[str, list[float]] = {}
    for html_path in sorted(EXTRACTION_CORPUS.glob("*.html")):
        case = json.loads(html_path.with_suffix(".json").read_text(encoding="utf-8"))
        result = extract_article(html_page(html_path.read_bytes()), settings)
        predicted = "" if isinstance(result, Dropped) else result.text
        truth = score.tokenize(case["body"])
        tokens = score.tokenize(predicted)
        overlap = sum((score.Counter(truth) & score.Counter(tokens)).values())
        precision = overlap / len(tokens) if tokens else 0.0
        recall = overlap / len(truth) if truth else 0.0
        f1 = 2 * precision * recall / (precision + recall) if overlap else 0.0
        f1s.setdefault(case["lang"], []).append(f1)
    every = [f for values in f1s.values() for f in values]
    assert len(every) >= 80
    assert statistics.mean(every) >= MIN_BAG_F1
    for language, minimum in MIN_BAG_F1_BY_LANGUAGE.items():
        assert statistics.mean(f1s[language]) >= minimum, language


# --- golden pages (tests/fixtures/extraction, written by make_fixtures.py) ---------------


def golden_cases() -> list[str]:
    return sorted(path.stem for path in GOLDEN.glob("*.json"))


def extract_golden(name: str, settings: ExtractionSettings):
    expected = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    page = Page("golden", expected["url"], expected["url"], 200, expected["content_type"],
                (GOLDEN / f"{name}.html").read_bytes(), "hash", NOW)
    return expected, extract_document(page, settings, now=NOW)


def golden_metadata(extraction) -> dict:
    article = extraction.outcome
    return {
        "title": article.title,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "site_name": article.site_name,
        "author": article.author,
        "language": extraction.parsed.language,
    }


def test_the_golden_set_covers_the_required_layouts():
    assert {"portal", "gbk_legacy", "wechat", "content_farm", "ruby"} <= set(golden_cases())


@pytest.mark.parametrize("name", golden_cases())
def test_golden_page(settings, name):
    expected, extraction = extract_golden(name, settings)
    article = extraction.outcome
    assert isinstance(article, Article), article
    assert golden_metadata(extraction) == {key: expected[key] for key in golden_metadata(
        extraction)}
    missing = [phrase for phrase in expected["body_must_contain"] if phrase not in article.text]
    unwanted = [p for p in expected["body_must_not_contain"] if p in article.text]
    assert not missing, missing
    assert not unwanted, unwanted


def test_gbk_page_without_a_charset_header_is_decoded_from_its_meta_tag(settings):
    _, extraction = extract_golden("gbk_legacy", settings)
    assert extraction.charset == "gb18030"
    assert "\ufffd" not in extraction.outcome.text


@pytest.mark.parametrize("site", SITES, ids=lambda site: type(site).__name__)
def test_every_registered_site_has_a_golden_page_that_needs_it(settings, monkeypatch, site):
    assert (GOLDEN / f"{site.fixture}.html").exists(), f"{type(site).__name__} has no fixture"
    expected, extraction = extract_golden(site.fixture, settings)
    assert site_for(expected["url"]) is site
    assert golden_metadata(extraction) == {k: expected[k] for k in golden_metadata(extraction)}
    # Without the site class the generic path gets the page wrong: the class is needed.
    monkeypatch.setattr(html_article, "site_for", lambda url: None)
    _, generic = extract_golden(site.fixture, settings)
    assert golden_metadata(generic) != golden_metadata(extraction)


# --- metadata ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        # meta tags first, the most specific name winning
        ('<meta name="pubdate" content="2024-03-04"><meta property="article:published_time" '
         'content="2024-03-05T10:00:00+08:00">', "", datetime(2024, 3, 5, 10, 0)),
        # then JSON-LD (inside an @graph)
        ('<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, {"@type": '
         '"NewsArticle", "datePublished": "2024-03-06T09:30:00Z"}]}</script>', "",
         datetime(2024, 3, 6, 9, 30)),
        # then <time>, the one marked as the publication date first
        ("", '<time datetime="2024-01-01">元旦</time><time itemprop="datePublished" '
         'datetime="2024-03-07 08:00">3月7日</time>', datetime(2024, 3, 7, 8, 0)),
        # then the Chinese dateline under the headline
        ("", "<div class='info'>发布时间：2024年03月08日 16:20　来源：经济日报</div>",
         datetime(2024, 3, 8, 16, 20)),
        # a future date is rejected, and the next source is used
        ('<meta property="article:published_time" content="2031-01-01T00:00:00">', "",
         None),
        ('<meta property="article:published_time" content="2031-01-01">',
         "<p class='src'>2024-03-09 来源：新华网</p>", datetime(2024, 3, 9)),
        ("", "", None),
    ],
)
def test_publication_date_fallbacks(head, body, expected):
    assert parse(page_with(head, body)).published_at == expected


def test_a_date_in_the_navigation_above_the_headline_is_not_the_publication_date():
    html = ("<html><head><title>标题_网站</title></head><body>"
            "<div>2024年6月1日 星期六 今日天气</div><h1>多个大模型完成备案</h1>"
            + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</body></html>")
    assert parse(html).published_at is None


@pytest.mark.parametrize(
    ("head", "body", "author"),
    [
        ('<script type="application/ld+json">{"@type": "NewsArticle", "author": '
         '[{"@type": "Person", "name": "张三"}, {"name": "李四"}]}</script>', "", "张三, 李四"),
        ('<meta name="author" content="王五">', "", "王五"),
        ('<meta property="article:author" content="https://www.facebook.com/someone">', "",
         None),
        ("", "<div>2024-03-05 10:00 来源：新华网 作者：赵六</div>", "赵六"),
        ("", "<div>本报记者 钱七 报道</div>", "钱七"),
    ],
)
def test_authors(head, body, author):
    assert parse(page_with(head, body)).author == author


def test_site_name_from_og_tag_else_from_the_title_suffix():
    assert parse(page_with('<meta property="og:site_name" content="新浪科技">')).site_name == (
        "新浪科技")
    assert parse(page_with()).site_name == "新浪网"
    assert split_title("多个大模型完成备案_科技_新浪网", HtmlRules.load()) == (
        "多个大模型完成备案", "新浪网")


def test_title_prefers_the_og_title_and_drops_the_repeated_headline():
    doc = parse(page_with('<meta property="og:title" content="多个大模型完成备案">'))
    assert doc.title == "多个大模型完成备案"
    assert doc.paragraphs[0] == PARAGRAPHS[0]
    assert ("title_repeat", 1) in doc.removed or doc.paragraphs[0] != "多个大模型完成备案"


@pytest.mark.parametrize(
    ("html", "language"),
    [
        (page_with(), "zh"),
        ("<html lang='en'><body><article>" + "<p>OpenAI released a new model today, and "
         "analysts expect a price war among the large model vendors.</p>" * 3
         + "</article></body></html>", "en"),
        ("<html lang='fr-FR'><body><article>" + "<p>Le modèle est publié aujourd'hui, et "
         "les analystes attendent une guerre des prix entre les fournisseurs.</p>" * 3
         + "</article></body></html>", "fr"),
        ("<html lang='en'><body><article>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
         + "</article></body></html>", "zh"),  # the text wins over a wrong declaration
    ],
)
def test_language_from_the_share_of_cjk_letters(html, language):
    assert parse(html).language == language


# --- pre-clean and body -------------------------------------------------------------------


def test_layout_tables_become_blocks_but_data_tables_stay_tables():
    cells = "".join(f"<tr><td>{m}</td><td>{o}</td><td>{d}</td></tr>" for m, o, d in [
        ("文心一言", "百度", "2023-08-31"), ("通义千问", "阿里云", "2023-09-13"),
        ("混元", "腾讯", "2023-09-07")])
    data = f"<table><tr><th>模型</th><th>公司</th><th>备案日期</th></tr>{cells}</table>"
    layout = ("<table><tr><td><a href='/'>首页</a></td><td><a href='/n'>新闻</a></td>"
              "<td><a href='/t'>科技</a></td></tr></table>")
    html = page_with(body=layout).replace("</div></body>", data + "</div></body>")
    doc = parse(html)
    assert ("layout_table", 1) in doc.removed
    assert any("文心一言" in p and "|" in p for p in doc.paragraphs)  # still a table row
    assert not any("首页" in p for p in doc.paragraphs)


def test_an_article_split_by_an_ad_into_same_class_containers_is_read_whole():
    first = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    second = "".join(f"<p>{p.replace('大模型', '行业大模型')}</p>" for p in PARAGRAPHS)
    html = ("<html><body><h1>标题</h1><div class='layout'>"
            f"<div class='grid'><div class='article-body'>{first}</div></div>"
            "<div class='ad-slot'><span>广告</span></div>"
            f"<div class='grid'><div class='article-body'>{second}</div></div>"
            "</div></body></html>")
    text = "\n".join(parse(html).paragraphs)
    assert PARAGRAPHS[0] in text and PARAGRAPHS[2].replace("大模型", "行业大模型") in text


def test_the_balanced_mode_is_tried_when_the_precise_one_finds_almost_nothing(monkeypatch):
    calls = []

    def fake(tree, *, precise, fallbacks):
        calls.append((precise, fallbacks))
        return [] if precise else list(PARAGRAPHS)

    monkeypatch.setattr(html_article, "_trafilatura", fake)
    tree = load_tree(page_with())
    assert extract_body(tree, HtmlRules.load(), elements=100) == PARAGRAPHS
    assert calls == [(True, False), (False, True)]
    calls.clear()
    # Big pages never run the fallbacks (justext's cost is quadratic).
    extract_body(load_tree(page_with()), HtmlRules.load(), elements=10**6)
    assert calls == [(True, False), (False, False)]


def test_pages_with_too_many_elements_are_dropped_with_a_reason(settings):
    body = ("<html><body>" + "<div><a href='/x'>x</a></div>" * 20_000 + "</body></html>")
    result = extract_article(html_page(body.encode()), settings)
    assert isinstance(result, Dropped) and result.reason == "too_complex"


def test_a_fragment_without_html_or_body_is_still_read(settings):
    fragment = "<div class='content'>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>"
    article = extract_article(html_page(fragment.encode()), settings)
    assert isinstance(article, Article) and PARAGRAPHS[1] in article.text
