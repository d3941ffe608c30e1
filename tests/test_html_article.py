import importlib.util
import statistics
from datetime import datetime

import pytest

from extractors.article import ExtractionSettings, extract_article
from extractors.html_article import HtmlRules, parse_html, preclean, strip_title_suffix
from extractors.records import Dropped, Page
from tests.support import EXTRACTION_CORPUS

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


def html_page(body: bytes, content_type="text/html") -> Page:
    return Page("test", "http://127.0.0.1/a.html", "http://127.0.0.1/a.html", 200,
                content_type, body, "hash", datetime(2024, 1, 1))


def test_gbk_page_with_ruby_ads_and_share_bar(settings):
    body = PAGE.format(*PARAGRAPHS).encode("gbk")
    article = extract_article(html_page(body), settings)
    assert not isinstance(article, Dropped), article
    assert article.title == "多个大模型完成备案 将向公众开放"
    assert "昆仑万维天工大模型" in article.text
    assert "bèi" not in article.text and "分享到" not in article.text
    assert "网站建设" not in article.text and "不要我" not in article.text
    assert article.published_at == datetime(2023, 11, 17)


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


# Pinned below the measured figure (body text, macro bag-F1 0.924 on 2026-11-22; bare
# trafilatura on the same decoded pages 0.912): fails when extraction clearly regresses.
MIN_BAG_F1 = 0.90


def test_extraction_quality_gate_on_the_real_page_corpus(settings):
    import json

    score = _scorer()
    f1s = []
    for html_path in sorted(EXTRACTION_CORPUS.glob("*.html")):
        case = json.loads(html_path.with_suffix(".json").read_text(encoding="utf-8"))
        result = extract_article(html_page(html_path.read_bytes()), settings)
        predicted = "" if isinstance(result, Dropped) else result.text
        truth = score.tokenize(case["body"])
        tokens = score.tokenize(predicted)
        overlap = sum((score.Counter(truth) & score.Counter(tokens)).values())
        precision = overlap / len(tokens) if tokens else 0.0
        recall = overlap / len(truth) if truth else 0.0
        f1s.append(2 * precision * recall / (precision + recall) if overlap else 0.0)
    assert len(f1s) >= 80
    assert statistics.mean(f1s) >= MIN_BAG_F1
