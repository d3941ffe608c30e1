"""Event extraction on the seed articles and on sentences written for the general case."""

from datetime import date, datetime

import pytest

from extractors.article import ExtractionSettings, extract_articles
from extractors.events import CueRules, extract_mentions, mentions_in_article
from extractors.gazetteer import Gazetteer
from extractors.normalize import simplify, text_hash
from extractors.records import Article
from tests.test_article import seed_pages


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def rules() -> CueRules:
    return CueRules.load()


def article(text: str, published: datetime | None = datetime(2024, 5, 20)) -> Article:
    return Article("a1", "http://x/1", "t", "标题", text, simplify(text), text_hash(text),
                   published_at=published)


def events(text, gazetteer, rules, published=datetime(2024, 5, 20)):
    found = mentions_in_article(article(text, published), gazetteer, rules)
    return sorted({(m.event_type, m.model or m.organization) for m in found})


@pytest.fixture(scope="module")
def seed_mentions(gazetteer, rules):
    articles = extract_articles(seed_pages(), ExtractionSettings.load()).items
    return extract_mentions(articles, gazetteer, rules)


def test_seed_003_second_batch_filings_with_organisations(seed_mentions):
    filings = {(m.model, m.organization, m.batch) for m in seed_mentions
               if m.event_type == "filing"}
    for expected in [
        ("Kimi", "月之暗面", 2), ("天工", "昆仑万维", 2), ("百灵大模型", "蚂蚁集团", 2),
        ("知海图AI", "知乎", 2), ("序列猴子", "出门问问", 2), ("Luca", "面壁智能", 2),
        ("WPS AI", "金山办公", 2), ("子曰大模型", "网易有道", 2), ("MathGPT", "好未来", 2),
    ]:
        assert expected in filings
    first_batch = {m.model for m in seed_mentions if m.batch == 1}
    assert {"文心一言", "百川大模型", "商量SenseChat", "云雀", "ChatGLM", "紫东太初",
            "书生通用大模型", "360智脑"} <= first_batch
    second = next(m for m in seed_mentions if m.model == "Kimi")
    assert (second.event_date.value, second.event_date.precision) == (date(2023, 11, 1), "month")
    assert "月之暗面Kimi大模型" in second.sentence


def test_seed_articles_have_no_false_filings(seed_mentions):
    filings_outside_003 = [m for m in seed_mentions if m.event_type == "filing"
                           and "备案" not in m.sentence]
    assert filings_outside_003 == []
    assert not any(m.event_type == "release" and m.model == "ChatGPT" and "对标" in m.sentence
                   for m in seed_mentions)


def test_seed_004_upgrade_with_version(seed_mentions):
    upgrades = [m for m in seed_mentions if m.event_type == "upgrade"]
    assert [(m.model, m.version) for m in upgrades] == [("文心一言", "4.0")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # enumerations
        ("包括文心一言、通义千问、讯飞星火在内的多个大模型近日完成备案。",
         [("filing", "文心一言"), ("filing", "讯飞星火"), ("filing", "通义千问")]),
        ("第三批通过备案的大模型有:智谱清言、DeepSeek。",
         [("filing", "DeepSeek"), ("filing", "智谱清言")]),
        ("腾讯混元大模型已通过生成式人工智能服务备案，即日起向公众开放。", [("filing", "混元")]),
        ("上海已有多款大模型完成登记，包括书生·浦语和MiniCPM。",
         [("registration", "MiniCPM"), ("registration", "书生·浦语")]),
        # traps
        ("公司官网已完成ICP备案，备案号为京ICP备12345678号。", []),
        ("该应用完成了深度合成服务算法备案，豆包团队表示欢迎。", []),
        ("百川智能正在申请备案，尚无结果。", []),
        ("月之暗面的Kimi尚未完成备案。", []),
        ("Kimi是否已经完成备案？", []),
        ("公司计划年底前发布天工4.0。", []),
        ("阶跃星辰将于下月推出Step-2。", []),
        ("北京发布全国首个政务服务大模型场景需求。", []),
        ("百度发布《2024大模型应用报告》，文心一言用户超3亿。", []),
        ("完成工商登记的企业超过100家，智谱AI在列。", []),
        # roles
        ("百度发布首个对标ChatGPT的大模型文心一言。", [("release", "文心一言")]),
        ("基于Llama打造的某大模型今日上线。", []),
        # other types
        ("阿里巴巴正式开源通义千问Qwen-72B。", [("open_source", "通义千问")]),
        ("利用开源模型自研的大模型越来越多。", []),
        ("DeepSeek宣布API价格下调50%。", [("price_change", "DeepSeek")]),
        ("月之暗面完成10亿美元融资，阿里巴巴领投。", [("funding", "月之暗面")]),
        ("美团已完成对光年之外的收购。", []),  # target not in the gazetteer: no guess
        ("美团已完成对百川智能的收购。", [("acquisition", "百川智能")]),
        ("阿里巴巴宣布收购零一万物。", [("acquisition", "零一万物")]),
        ("据悉，出门问问被美团收购。", [("acquisition", "出门问问")]),
        ("DeepSeek完成新一轮融资。", [("funding", "深度求索")]),
        ("百度于10月17日发布文心大模型4.0。", [("upgrade", "文心一言")]),
        ("字节跳动正式发布豆包大模型。", [("release", "豆包")]),
        # no model, no event
        ("多个大模型宣布降价或免费。", []),
        ("随着更多大模型的备案和应用落地，行业加速发展。", []),
    ],
)
def test_sentences(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules) == sorted(expected)


def test_dates_resolve_against_publication(gazetteer, rules):
    found = mentions_in_article(
        article("今年3月16日，百度发布文心一言。", datetime(2023, 11, 17)), gazetteer, rules)
    assert [(m.event_date.value, m.event_date.precision) for m in found] == [
        (date(2023, 3, 16), "day")]
    undated = mentions_in_article(article("3月16日，百度发布文心一言。", None), gazetteer, rules)
    assert [m.event_date for m in undated] == [None]


def test_batch_from_clause_beats_article_batch(gazetteer, rules):
    text = ("第二批完成备案的大模型中有多个行业模型。"
            "第一批通过备案的大模型包括文心一言。"
            "此外，Kimi等大模型近日通过备案。")
    found = {m.model: m.batch for m in mentions_in_article(article(text), gazetteer, rules)}
    assert found == {"文心一言": 1, "Kimi": 2}


def test_mentions_are_deterministic(gazetteer, rules):
    text = "包括文心一言、通义千问在内的多个大模型近日完成备案。"
    first = mentions_in_article(article(text), gazetteer, rules)
    second = mentions_in_article(article(text), gazetteer, rules)
    assert first == second
    assert len({m.event_id for m in first}) == 2
