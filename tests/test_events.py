"""Event extraction on the seed articles and on sentences written for the general case."""

import importlib.util
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from extractors.article import ExtractionSettings, extract_articles
from extractors.events import DEFAULT_CUES_PATH, CueRules, extract_mentions, mentions_in_article
from extractors.gazetteer import Gazetteer
from extractors.normalize import simplify, stable_id, text_hash
from extractors.records import Article, EventDate
from tests.test_article import seed_pages

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "events_quality.py"


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
        ("美团已完成对一家初创公司的收购。", []),  # target not named: no guess
        ("美团已完成对光年之外的收购。", [("acquisition", "光年之外")]),
        ("美团已完成对百川智能的收购。", [("acquisition", "百川智能")]),
        ("阿里巴巴宣布收购零一万物。", [("acquisition", "零一万物")]),
        ("据悉，出门问问被美团收购。", [("acquisition", "出门问问")]),
        ("DeepSeek完成新一轮融资。", [("funding", "深度求索")]),
        ("百度于10月17日发布文心大模型4.0。", [("upgrade", "文心一言")]),
        ("字节跳动正式发布豆包大模型。", [("release", "豆包")]),
        # no model, no event
        ("多个大模型宣布降价或免费。", []),
        ("随着更多大模型的备案和应用落地，行业加速发展。", []),
        # traps beyond the keywords
        ("国家网信办发布第六批深度合成服务算法备案信息，其中包括文心一言。", []),
        ("业内预计，第二批通过备案的大模型名单将于近期公布，月之暗面在积极准备。", []),
        ("文心一言上线一周年之际，百度宣布用户突破2亿。", []),
        ("自ChatGPT发布以来，中国企业纷纷推出大模型。", []),
        ("Meta发布Llama 2，并宣布免费可商用。", [("upgrade", "Llama")]),
        ("对于市场传闻的收购百川智能一事，公司回应称消息不实。", []),
        ("智谱AI将于7月5日召开发布会，届时GLM-4的升级版本有望亮相。", []),
        ("通义千问GPT-4级主力模型Qwen-Long降价97%。", [("price_change", "通义千问")]),
        ("开源大模型越来越多。", []),  # 源大模型 (浪潮) is not the tail of 开源大模型
        # several cues, agents and objects, lists across clauses
        ("猎户星空正式发布并开源Orion-14B。",
         [("open_source", "Orion-14B"), ("release", "Orion-14B")]),
        ("月之暗面Kimi发布新一代数学推理模型k0-math。", [("release", "k0-math")]),
        ("DeepSeek发布DeepSeek-R1，并同步开源模型权重。",
         [("open_source", "DeepSeek"), ("upgrade", "DeepSeek")]),
        ("首批备案的大模型名单出炉，百度文心一言、抖音云雀大模型均在列。",
         [("filing", "云雀"), ("filing", "文心一言")]),
        ("文心一言、通义千问等大模型，近日均已完成备案。",
         [("filing", "文心一言"), ("filing", "通义千问")]),
        ("OpenAI宣布将GPT-4o的API价格下调50%。", [("price_change", "GPT-4o")]),
        # funding: investors are never the funded company
        ("腾讯、阿里巴巴等参与了智谱AI的新一轮融资。", [("funding", "智谱AI")]),
        ("亚马逊宣布向Anthropic追加投资27.5亿美元。", [("funding", "Anthropic")]),
        ("阿里巴巴、砺思资本等参与本轮投资。", []),
        # open weights, however phrased
        ("零一万物今日在魔搭社区开放了Yi-1.5的模型权重。",
         [("open_source", "Yi"), ("upgrade", "Yi")]),
        ("面壁智能将MiniCPM的权重上传至Hugging Face，供开发者下载。",
         [("open_source", "MiniCPM")]),
        ("开发者可以在Hugging Face上下载众多开源模型的权重。", []),
        ("谷歌发布两款开放权重模型Gemma 2。", [("open_source", "Gemma"), ("upgrade", "Gemma")]),
        # attributes and background
        ("前年发布的文心一言，如今用户已超过3亿。", []),
        ("百度昨日发布的文心大模型4.5已向全部用户开放。", [("upgrade", "文心一言")]),
        ("商汤表示，日日新将在未来几周内推出新版本。", []),
        ("Kimi上线一年来，月活用户增长了十倍。", []),
        ("这轮降价潮中，豆包的降价幅度最大。", []),
        ("字节跳动推出AI营销活动，用户可免费体验豆包。", []),
        ("阿里云发布通义千问新一代开源模型Qwen2.5。",
         [("open_source", "通义千问"), ("upgrade", "通义千问")]),
        ("某医院推出基于开源模型Llama的医疗大模型“华佗”。", [("release", "华佗")]),
        # discovery
        ("某能源集团发布700亿参数的龙腾大模型。", [("release", "龙腾")]),
        # an app named by its noun is released too (tests/gold/README.md)
        ("某银行推出对话助手“小招”。", [("release", "小招")]),
        ("蚂蚁集团发布全模态通用AI助手“灵光”。", [("release", "灵光")]),
        ("OpenAI推出首个AI智能体Operator。", [("release", "Operator")]),
        # …but a quoted name after 的 only in a filing list: a slogan or campaign elsewhere
        ("某银行推出了名为“春风行动”的活动。", []),
        ("第三批完成登记的服务包括客服助手“小蜜”。", [("registration", "小蜜")]),
        # acquisitions and funding of companies the gazetteer lacks
        ("英伟达宣布收购以色列AI初创公司Deci。", [("acquisition", "Deci")]),
        ("红杉中国领投了AI独角兽智谱AI新一轮融资。", [("funding", "智谱AI")]),
    ],
)
def test_sentences(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules) == sorted(expected)


def test_settled_over_the_article(gazetteer, rules):
    text = ("智谱今日发布GLM-4.5，并推出实验版GLM-4.5 Air。公司同时宣布完成新一轮融资。"
            "目前，新模型已在智谱清言上线。")
    found = mentions_in_article(article(text), gazetteer, rules)
    # One upgrade (Air is an edition of 4.5), no release of the upgraded model, and the
    # funding of the organisation the sentence before is about.
    assert sorted({(m.event_type, m.model or m.organization, m.version) for m in found}) == [
        ("funding", "智谱AI", None), ("upgrade", "ChatGLM", "4.5")]
    # Undated sentences take the date of the sentence before them.
    assert {m.event_date.value for m in found} == {date(2024, 5, 20)}


def test_an_anaphor_names_the_model_of_the_sentence_before(gazetteer, rules):
    text = "深度求索今日发布DeepSeek-V3.2-Exp。目前，该模型已在魔搭社区开源。"
    found = mentions_in_article(article(text), gazetteer, rules)
    assert sorted({(m.event_type, m.model, m.version) for m in found}) == [
        ("open_source", "DeepSeek", "V3.2 Exp"), ("upgrade", "DeepSeek", "V3.2 Exp")]


def test_an_ownerless_mention_takes_the_one_owner_the_article_gives_its_model(gazetteer, rules):
    # The filing of the anaphor names no owner; the release of the same model does.
    text = ("5月6日，青岚数智科技股份有限公司（青岚数智）发布物流领域大模型“云舟”，并宣布该模型已于"
            "今年4月完成国家生成式人工智能服务备案。")
    found = mentions_in_article(article(text), gazetteer, rules)
    assert sorted((m.event_type, m.model, m.organization) for m in found) == [
        ("filing", "云舟", "青岚数智"), ("release", "云舟", "青岚数智")]
    # Two owners for one model: none is taken.
    text = ("甲方公司发布“云舟”大模型。乙方公司也发布了“云舟”大模型。"
            "据悉，“云舟”大模型已完成国家生成式人工智能服务备案。")
    found = mentions_in_article(article(text), gazetteer, rules)
    assert [m.organization for m in found if m.event_type == "filing"] == [None]


def test_filing_list_in_the_sentence_after_the_announcement(gazetteer, rules):
    text = ("继首批大模型获批上线后，第三批通过备案的大模型名单于近日公布。"
            "据统计，百川智能的百川大模型、小红书旗下应用“点点”等均在其列。")
    found = mentions_in_article(article(text), gazetteer, rules)
    assert sorted({(m.event_type, m.model, m.batch) for m in found}) == [
        ("filing", "点点", 3), ("filing", "百川大模型", 3)]
    # The date is the announcement's, not the background clause's.
    assert {m.event_date.value for m in found} == {date(2024, 5, 1)}


def test_a_version_stated_in_the_next_clause(gazetteer, rules):
    found = mentions_in_article(
        article("容联云赤兔大模型完成迭代，正式推出3.0版本。"), gazetteer, rules)
    assert [(m.event_type, m.model, m.version) for m in found] == [("upgrade", "赤兔", "3.0")]


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


def test_discovered_model_filing_is_a_mention_with_status_discovered(gazetteer, rules):
    """A brand-new model still yields a filing mention (and so an alert)."""
    found = mentions_in_article(
        article("容联云自研的“赤兔大模型”日前正式通过国家生成式人工智能服务备案。"),
        gazetteer, rules)
    assert [(m.event_type, m.model, m.organization, m.model_status) for m in found] == [
        ("filing", "赤兔", "容联云", "discovered")]
    assert (found[0].event_date.value, found[0].event_date.precision) == (date(2024, 5, 1),
                                                                           "month")


def test_quoted_brand_resolves_to_the_gazetteer(gazetteer, rules):
    found = mentions_in_article(
        article("网易有道旗下的“子曰”教育大模型近日通过备案。"), gazetteer, rules)
    assert [(m.model, m.model_status) for m in found] == [("子曰大模型", "gazetteer")]


def test_evidence_is_the_original_sentence_even_when_simplification_changes_lengths(
        gazetteer, rules):
    text = "業界熱議……百度於10月17日發佈文心大模型4.0。其他內容。"
    found = mentions_in_article(article(text, datetime(2023, 10, 18)), gazetteer, rules)
    assert [(m.event_type, m.version, m.sentence) for m in found] == [
        ("upgrade", "4.0", "業界熱議……百度於10月17日發佈文心大模型4.0。")]


def test_dates_from_earlier_clauses_but_not_from_background_or_as_of(gazetteer, rules):
    def dated(text, published=datetime(2023, 11, 30)):
        return {m.model: (m.event_date.value, m.event_date.precision) if m.event_date else None
                for m in mentions_in_article(article(text, published), gazetteer, rules)}

    # (a story of June; one of November recalls it, see recalled_after_days)
    assert dated("今年3月，百度发布文心一言。", datetime(2023, 6, 30)) == {
        "文心一言": (date(2023, 3, 1), "month")}
    assert dated("今年以来，智谱清言、百川大模型等纷纷发布。") == {
        "智谱清言": (date(2023, 1, 1), "year"), "百川大模型": (date(2023, 1, 1), "year")}
    assert dated("截至2023年底，文心一言、通义千问已完成备案。") == {
        "文心一言": None, "通义千问": None}
    assert dated("自今年3月文心一言公开邀测之后，通义千问等纷纷发布。", datetime(2023, 6, 30)) == {
        "文心一言": (date(2023, 3, 1), "month"), "通义千问": None}
    assert dated("4月11日，阿里云峰会举行。当天，通义千问开启企业邀测。") == {
        "通义千问": (date(2023, 4, 11), "day")}
    assert dated("昨天，DeepSeek宣布降价。", datetime(2024, 5, 7)) == {
        "DeepSeek": (date(2024, 5, 6), "day")}


def test_batches_from_context_sentences_and_not_from_background(gazetteer, rules):
    def batches(text):
        return {m.model: m.batch for m in mentions_in_article(article(text), gazetteer, rules)}

    assert batches("已有两批大模型通过备案。其中第二批名单于11月初公布，包括Kimi、Luca。") == {
        "Kimi": 2, "Luca": 2}
    background = "自去年8月首批大模型通过备案以来，已有百余款获批。近日，Step大模型完成备案。"
    assert batches(background) == {"Step": None}
    assert batches("第十二批完成登记的生成式人工智能服务中包括快手可灵。") == {"可灵": 12}


def test_event_ids_merge_filings_and_tell_recurring_events_apart(gazetteer, rules):
    def ids(text, published):
        return [m.event_id for m in mentions_in_article(article(text, published), gazetteer,
                                                        rules)]

    first = ids("第一批通过备案的大模型包括文心一言。", datetime(2023, 9, 1))
    again = ids("文心一言已通过备案。", datetime(2024, 1, 1))
    assert first == again  # one filing per model, whatever batch or date each report gives
    may = ids("5月15日，DeepSeek宣布降价。", datetime(2024, 5, 16))
    may_again = ids("DeepSeek近日宣布降价。", datetime(2024, 5, 20))
    february = ids("2月9日，DeepSeek宣布降价。", datetime(2025, 2, 10))
    assert may == may_again and may != february  # price cuts recur: told apart by month
    v3 = ids("DeepSeek发布DeepSeek-V3。", datetime(2024, 12, 27))
    r1 = ids("DeepSeek发布DeepSeek-R1。", datetime(2025, 1, 21))
    assert v3 != r1  # upgrades are told apart by version


def test_cue_rules_refuse_a_cue_the_prefilter_would_hide(tmp_path):
    text = (DEFAULT_CUES_PATH.read_text(encoding="utf-8")
            .replace("cues = ['收购', '并购',", "cues = ['收购', '买下',"))
    assert "买下" in text
    bad = tmp_path / "cues.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="买下"):
        CueRules.load(bad)


def test_gold_precision_and_recall(gazetteer, rules):
    """The quality gate: the benchmark's scoring on every gold set the rules were tuned on
    (not on the blind one, whose score is only reported)."""
    quality = _benchmark()
    cases = [case for _, _, cases in quality.tuned_sets() for case in cases]
    overall = quality.evaluate(cases, gazetteer, rules).overall
    assert overall.precision >= quality.TARGET_PRECISION
    assert overall.recall >= quality.TARGET_RECALL


def _benchmark():
    spec = importlib.util.spec_from_file_location("events_quality", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    sys.modules["events_quality"] = module  # dataclasses resolve their module by name
    spec.loader.exec_module(module)
    return module


def test_filing_ids_are_the_registry_contract(gazetteer, rules):
    """extractors/registry.py links a registry row to the news by this very key."""
    found = mentions_in_article(article("第二批通过备案的大模型包括Kimi、“赤兔”大模型。"),
                                gazetteer, rules)
    assert {m.model: m.event_id for m in found} == {
        "Kimi": stable_id("event", "filing", "Kimi", None, None),
        "赤兔": stable_id("event", "filing", "赤兔", None, None)}


def test_one_upgrade_whatever_the_version_spelling(gazetteer, rules):
    def ids(text):
        return {m.event_id for m in mentions_in_article(article(text), gazetteer, rules)}

    assert ids("DeepSeek发布DeepSeek-V3。") == ids("DeepSeek正式发布DeepSeek V3。")
    assert ids("百度发布文心大模型4.0。") == ids("百度发布ERNIE 4.0。") != ids("百度发布文心4.5。")


def owned(text, gazetteer, rules, published=datetime(2024, 5, 20)):
    found = mentions_in_article(article(text, published), gazetteer, rules)
    return sorted({(m.event_type, m.model or m.organization, m.organization) for m in found})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a colon-opened list of semicolon items is one sentence
        ("网信办昨日公布新增备案信息，其中包括：某银行“金睛大模型”；某车企“灵犀大模型”；"
         "科大讯飞“讯飞星火”。",
         [("filing", "灵犀", None), ("filing", "讯飞星火", "科大讯飞"),
          ("filing", "金睛", None)]),
        # the members of a batch in the sentence after its announcement
        ("北京市网信办日前公布了新一批完成备案的服务。此次新增的5款服务中，包括智谱清言和Kimi。",
         [("filing", "Kimi", "月之暗面"), ("filing", "智谱清言", "智谱AI")]),
        ("本月第二批完成登记的应用已公布。某科技公司的“小智助手”、某出版社的写作工具“妙笔生花”"
         "都在这份名单之中。",
         [("registration", "妙笔生花", None), ("registration", "小智助手", None)]),
        # owners named apart from the model
        ("猎户星空今天召开发布会，正式推出旗下海豚大模型。", [("release", "海豚", "猎户星空")]),
        ("容联云宣布，麒麟大模型已完成备案。", [("filing", "麒麟", "容联云")]),
        ("奇安信发布公告。公司自主研发的QAX-Sec安全大模型已通过备案。",
         [("filing", "QAX-Sec", "奇安信")]),
        # an item of a list before its cue is not the subject's
        ("第三批完成登记的服务名单公布。据统计，携程的“携程问道”、某音频平台的“声韵”均在名单中。",
         [("registration", "声韵", None), ("registration", "携程问道", "携程")]),
    ],
)
def test_owners_and_lists(gazetteer, rules, text, expected):
    assert owned(text, gazetteer, rules) == sorted(expected, key=lambda e: e[:2])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plan reaches across the date between it and its verb
        ("腾讯计划于下月中旬起分批推出混元新版本。", []),
        ("智谱发布GLM-4.5，并宣布将于8月15日全面开源。", [("upgrade", "ChatGLM")]),
        # talks and failed deals are no acquisitions
        ("此前与谷歌的收购谈判破裂后，该公司转而寻求融资。", []),
        # companies the gazetteer lacks, without a company noun or with a company ending
        ("具身智能创企灵枢宣布完成超亿元A轮融资。", [("funding", "灵枢")]),
        ("灵犀动力机器人宣布完成新一轮融资。", [("funding", "灵犀动力机器人")]),
        ("美国机器人公司Figure宣布收购Skild AI。", [("acquisition", "Skild AI")]),
        ("人工智能宣布完成融资。", []),
        # a condition is no fact
        ("业内人士认为，如果谷歌推出Gemini 3，价格战将再次升级。", []),
    ],
)
def test_plans_deals_and_companies(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules) == sorted(expected)


def test_first_of_a_kind_is_no_batch(gazetteer, rules):
    text = "某银行宣布，其自研的金睛大模型已通过备案，是首批通过备案的金融行业大模型之一。"
    found = mentions_in_article(article(text), gazetteer, rules)
    assert [(m.event_type, m.model, m.batch) for m in found] == [("filing", "金睛", None)]


def test_next_day_and_vague_dates(gazetteer, rules):
    text = ("9月10日，某大会在杭州开幕。开幕当天，智谱发布GLM-4.5。次日，月之暗面发布Kimi K2。"
            "今年3月，百度刚刚推出文心大模型4.5，如今又发布文心大模型4.5 Turbo。")
    found = mentions_in_article(article(text, datetime(2025, 9, 12)), gazetteer, rules)
    dated = {(m.model, m.version): (m.event_date.value, m.event_date.precision)
             for m in found if m.event_date}
    assert dated[("ChatGLM", "4.5")] == (date(2025, 9, 10), "day")
    assert dated[("Kimi", "K2")] == (date(2025, 9, 11), "day")
    # The vague 刚刚 gives way to 今年3月; 4.5 Turbo, months later, is not folded into 4.5.
    assert dated[("文心一言", "4.5")] == (date(2025, 3, 1), "month")
    assert ("文心一言", "4.5 Turbo") in dated


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plan word inside a name is no plan
        ("某出版集团旗下“灵犀拟人大模型”通过网信办备案。", [("filing", "灵犀拟人", None)]),
        # the verb of the clause, not the attribute before it
        ("某实验室推出的“青鸾”视频生成大模型正式上线。", [("release", "青鸾", None)]),
        # a label and 版本 after a release cue
        ("DeepSeek发布R1-0528版本，推理能力显著增强。", [("upgrade", "DeepSeek", "深度求索")]),
        # the announcement of a registration list, owners before each quoted service
        ("江苏省网信办公布第三批生成式人工智能服务登记信息，包括某银行“小苏助手”、途牛“牛小妹”等9款应用。",
         [("registration", "小苏助手", None), ("registration", "牛小妹", "途牛")]),
        # an app named in Latin before its noun counts in filings
        ("某手机厂商宣布，MAGIC智能体已完成生成式人工智能服务备案。", [("filing", "MAGIC", None)]),
    ],
)
def test_names_verbs_and_owners(gazetteer, rules, text, expected):
    assert owned(text, gazetteer, rules) == sorted(expected, key=lambda e: e[:2])


def test_a_numbered_list_continues_its_announcement(gazetteer, rules):
    text = ("浙江省网信办7月2日发布消息，本省新增3款已完成备案的生成式人工智能服务。名单如下：\n"
            "1.杭州某科技有限公司，服务名称：听澜；\n"
            "2.某教育科技有限公司，服务名称：“知行助教”；\n"
            "3.科大讯飞股份有限公司，服务名称：讯飞星火。")
    found = mentions_in_article(article(text, datetime(2025, 7, 3)), gazetteer, rules)
    assert sorted((m.event_type, m.model) for m in found) == [
        ("filing", "听澜"), ("filing", "知行助教"), ("filing", "讯飞星火")]
    # The items take the announcement's date, two sentences back.
    assert {m.event_date.value for m in found} == {date(2025, 7, 2)}


def test_filings_and_registrations_announced_together(gazetteer, rules):
    text = ("江苏省网信办近日发布公告，本省新增1款已完成备案的服务和1款已完成登记的应用。"
            "其中，新增备案服务为某银行的“苏银智答”；新增登记应用为小红书的“点点”。")
    assert owned(text, gazetteer, rules) == [
        ("filing", "苏银智答", None), ("registration", "点点", "小红书")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an announced price change is decided; its date is when it takes effect
        ("月之暗面宣布，Kimi API将自3月1日起下调价格。",
         [("price_change", "Kimi", date(2025, 3, 1))]),
        ("腾讯云宣布，混元-lite模型即日起免费。", [("price_change", "混元", None)]),
        # investing in a company the verb addresses
        ("英伟达确认向机器人公司Figure投资数亿美元。", [("funding", "Figure", None)]),
        # the weights of the model the sentence released
        ("Meta发布Llama 4系列模型，均采用混合专家架构，模型权重已开放下载。",
         [("open_source", "Llama", None), ("upgrade", "Llama", None)]),
        # the time of an old release, and a retrospective, are no releases
        ("Kimi的用户数较去年首次发布时增长十倍。", []),
        ("两年前的今天，OpenAI发布了ChatGPT。", []),
        # a capital and a number after a model noun is the version of the model before it
        ("科大讯飞发布讯飞星火深度推理模型X1。", [("upgrade", "讯飞星火", None)]),
        # an edition of a first version is a release
        ("字节跳动发布视频生成模型Seedance 1.0 Pro。", [("release", "Seedance", None)]),
    ],
)
def test_announcements_investments_and_versions(gazetteer, rules, text, expected):
    found = mentions_in_article(article(text, datetime(2025, 2, 20)), gazetteer, rules)
    assert sorted({(m.event_type, m.model or m.organization,
                    m.event_date.value if m.event_date and m.event_type == "price_change"
                    else None) for m in found}) == sorted(expected)


def test_the_developer_after_you_is_the_owner(gazetteer, rules):
    text = "由江南超算中心研发的“天衡”大模型已通过国家生成式人工智能服务备案。"
    assert owned(text, gazetteer, rules) == [("filing", "天衡", "江南超算中心")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a denial after the verb: "并非收购", "不是降价"
        ("双方表示，这次合作是技术层面的联合研发，并非收购。", []),
        # a comment on the event just told is no new event, even a paragraph later
        ("MiniMax宣布完成6亿美元融资。这是今年国内大模型公司最大的一笔融资。",
         [("funding", "稀宇科技", None)]),
        ("智谱宣布GLM-4 API价格下调80%。\n这也是其开放API以来的第三次降价。",
         [("price_change", "ChatGLM", "智谱AI")]),
        # stated deal terms make an announced acquisition decided; 与X达成 names the target
        ("某云计算公司Snowflake宣布将以约2.5亿美元收购AI初创公司Neeva。",
         [("acquisition", "Neeva", None)]),
        ("苹果公司已与法国公司Datakalab达成收购协议。", [("acquisition", "Datakalab", None)]),
        ("AI初创公司Reka宣布，已筹集5000万美元资金。", [("funding", "Reka AI", None)]),
        # a Latin name after the model noun is the name, not the description before it
        ("某券商自主研发的证券行业大模型QuantGPT已通过备案。",
         [("filing", "QuantGPT", None)]),
        ("谷歌发布文本嵌入模型text-embedding-004。", [("release", "text-embedding-004", "Google")]),
        # owners of services in numbered lists, before 的 or 旗下
        ("新增登记服务包括：1. 美团“袋鼠参谋”；2. 高德地图的“高德AI导航助手”。",
         [("registration", "袋鼠参谋", "美团"), ("registration", "高德AI导航助手", "高德地图")]),
        ("本批名单中包括网易有道旗下学习应用“有道小P”。",
         [("registration", "有道小P", "网易有道")]),
    ],
)
def test_denials_comments_deals_and_owners(gazetteer, rules, text, expected):
    found = mentions_in_article(article(text, datetime(2025, 2, 20)), gazetteer, rules)
    if any(t == "registration" for t, *_ in expected):
        found = mentions_in_article(article("上海市网信办公布新一批已完成登记的服务。" + text,
                                            datetime(2025, 2, 20)), gazetteer, rules)
    assert sorted({(m.event_type, m.model or m.organization,
                    m.organization if m.model else None) for m in found}) == sorted(expected)


def test_enclosed_list_numbers_are_no_digits_of_a_date(gazetteer, rules):
    text = ("本周又有两家公司宣布旗下大模型通过备案：\n"
            "①6月3日，科大讯飞宣布，星火医疗大模型完成备案；②6月5日，同花顺表示，问财大模型已通过备案。")
    found = mentions_in_article(article(text, datetime(2024, 6, 7)), gazetteer, rules)
    assert sorted(m.event_date.value for m in found) == [date(2024, 6, 3), date(2024, 6, 5)]


def test_a_paragraph_that_goes_on_with_the_scene_takes_its_date(gazetteer, rules):
    text = ("6月25日，OpenAI宣布下调GPT-4o的API价格。\n"
            "同一天，Anthropic也宣布Claude的API价格下调。")
    found = mentions_in_article(article(text, datetime(2024, 6, 27)), gazetteer, rules)
    assert {(m.model, m.event_date.value) for m in found} == {
        ("GPT-4o", date(2024, 6, 25)), ("Claude", date(2024, 6, 25))}
    # …but a new paragraph without such a link is not dated by the one before.
    text = "6月25日，OpenAI宣布下调GPT-4o的API价格。\nAnthropic也宣布Claude的API价格下调。"
    found = mentions_in_article(article(text, datetime(2024, 6, 27)), gazetteer, rules)
    assert {(m.model, m.event_date) for m in found if m.model == "Claude"} == {("Claude", None)}


def test_a_filing_list_may_open_the_next_paragraph(gazetteer, rules):
    text = ("广东省网信办3月10日公布新增已完成备案的生成式人工智能服务信息。\n"
            "从名单看，唯品会“唯品会AI导购”、欢聚集团“Hello大模型”等均在其中。")
    found = mentions_in_article(article(text, datetime(2025, 3, 11)), gazetteer, rules)
    assert {m.event_type for m in found} == {"filing"}
    assert {m.event_date.value for m in found} == {date(2025, 3, 10)}
    assert len(found) == 2


def test_open_models_apps_and_anaphors_with_a_description(gazetteer, rules):
    # the adjective 开源 before the model the clause releases is an open-sourcing too
    text = "智谱宣布，新一代开源模型GLM-4.5正式发布。"
    assert ("open_source", "ChatGLM") in events(text, gazetteer, rules)
    # …not after a reference verb
    text = "基于Meta开源模型Llama 3打造的法律大模型“明察”正式发布。"
    assert events(text, gazetteer, rules) == [("release", "明察")]
    # "这款…大模型" refers to the model an earlier clause names
    text = "百川智能昨日召开“百川大模型”媒体沟通会，这款主打搜索增强的大模型正式亮相。"
    assert events(text, gazetteer, rules) == [("release", "百川大模型")]
    # a clause with its own subject does not borrow the models of the clause before
    text = "王小川以Baichuan-7B开局，百川智能4月正式亮相。"
    assert events(text, gazetteer, rules) == []
    # a version inside a family name
    text = "阿里云发布Qwen2.5-Math。"
    found = mentions_in_article(article(text), gazetteer, rules)
    assert {(m.event_type, m.model, m.version) for m in found} == {
        ("upgrade", "Qwen-Math", "2.5")}


def test_legal_names_own_the_services_they_list(gazetteer, rules):
    text = ("江苏省网信办3月3日发布消息，新增2款生成式人工智能服务完成登记。"
            "其中面向公众的应用为：南京云问网络技术有限公司——“云问智能客服”；"
            "北京百度网讯科技有限公司——“百度网盘AI助理”。")
    assert owned(text, gazetteer, rules) == [
        ("registration", "云问智能客服", "南京云问网络技术有限公司"),
        ("registration", "百度网盘AI助理", "百度")]
    # a numbered item's legal name owns the service named in its field
    text = ("湖北省网信办公布新一批已完成备案的服务：\n"
            "1.武汉斗鱼网络科技有限公司，服务名称：鱼吧AI大模型；")
    assert owned(text, gazetteer, rules) == [("filing", "鱼吧AI", "武汉斗鱼网络科技有限公司")]
    # a service named after its company
    text = "名单如下：\n1.北京百川智能科技有限公司，服务名称：百川智能大模型；"
    found = mentions_in_article(article("北京市网信办公布新增备案信息。" + text), gazetteer, rules)
    assert {(m.model, m.organization) for m in found} == {("百川大模型", "百川智能")} or {
        (m.model, m.organization) for m in found} == {("百川智能大模型", "百川智能")}


def test_a_list_after_a_colon_in_the_next_clause(gazetteer, rules):
    text = ("重庆市网信办5月8日发布第三批生成式人工智能服务登记信息，新增登记服务2款："
            "重庆长安汽车股份有限公司的“长安小安助手”，以及重庆农村商业银行股份有限公司的“渝快答”。")
    found = mentions_in_article(article(text, datetime(2025, 5, 9)), gazetteer, rules)
    assert sorted((m.event_type, m.model, m.batch) for m in found) == [
        ("registration", "渝快答", 3), ("registration", "长安小安助手", 3)]


def test_registrations_announced_with_a_filing_batch_are_not_filings(gazetteer, rules):
    text = ("广州市网信办日前公布第三批已完成备案的服务名单。唯品会“唯品AI”、欢聚“小欢”等赫然在列。"
            "同时公布的还有3款完成登记的应用，酷狗“酷狗AI帮写”与网易“网易云AI”均在名单之中。")
    found = mentions_in_article(article(text, datetime(2025, 4, 2)), gazetteer, rules)
    by_model = {m.model: (m.event_type, m.batch) for m in found}
    assert by_model["唯品AI"] == ("filing", 3)
    assert by_model["酷狗AI帮写"] == ("registration", None)  # no filing batch


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # quoted names in a row before a count and a model noun
        ("国家海洋局发布“海澜”“海鸣”两款海洋预报大模型。",
         [("release", "海澜"), ("release", "海鸣")]),
        # apps, tools and platforms named after their noun; a longer name than the
        # gazetteer's wins when its noun delimits it
        ("字节跳动推出AI编程工具Trae。", [("release", "Trae")]),
        ("腾讯发布AI协作平台“元器”。", [("release", "元器")]),
        ("百度推出智能体产品文心Agent Builder。", [("release", "文心一言")]),
        # the model an app uses is no event of its own
        ("夸克所调用的通义千问模型已完成备案。", [("filing", "通义千问")]),
        # postponed, and deal talks, are no events
        ("据报道，DeepSeek R2因算力问题推迟发布。", []),
        ("谷歌正就以约230亿美元收购网络安全公司Wiz进行谈判。", []),
        # the buyer of "X宣布, 以…收购Y" is no target; 收购其… looks back for it
        ("英伟达周一宣布，以约7亿美元收购AI基础设施平台Run:ai。", [("acquisition", "Run:ai")]),
        ("Cognition宣布与Windsurf签署协议，收购其剩余团队与产品。", [("acquisition", "Windsurf")]),
        # free access is a price change, not a release
        ("讯飞星火Lite API即日起免费向所有开发者开放。", [("price_change", "讯飞星火")]),
    ],
)
def test_heldout9_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules) == sorted(expected)


def test_institutions_own_their_models(gazetteer, rules):
    # an organisation known only by its institution ending owns what it releases
    assert owned("国家海洋局近日发布“海澜”海洋预报大模型。", gazetteer, rules) == [
        ("release", "海澜", "国家海洋局")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a filing and registration announcement opens both lists; 其中…备案 names the filings
        ("网信办近日公布新一批服务备案及登记信息。其中新增备案的服务包括：（1）京东“言犀”；（2）快手“可灵”。",
         [("filing", "可灵"), ("filing", "言犀")]),
        # the target of "与X签署协议, 将以…收购后者"; 斥资 states the terms
        ("微软宣布已与法国初创公司Mistral签署协议，将以约20亿欧元收购后者。",
         [("acquisition", "Mistral AI")]),
        ("Salesforce宣布将斥资约80亿美元收购数据平台Informatica。",
         [("acquisition", "Informatica")]),
        # downloadable weights of the model just released; a Greek name
        ("Mistral发布Magistral 2模型，模型权重已可在官网及Hugging Face下载。",
         [("open_source", "Magistral"), ("upgrade", "Magistral")]),
        ("某机器人公司宣布开源其具身基础模型π1。", [("open_source", "π1")]),
        # a version label and a model noun right after the verb: the agent model's version
        ("DeepSeek今日正式发布V4模型。", [("upgrade", "DeepSeek")]),
        # users of a product are no release of it
        ("该功能即日起向所有ChatGPT Plus用户开放。", []),
        # a Latin name and a version before 模型; a short name after the release verb
        ("智源研究院在北京发布Aquila 3.0模型。", [("upgrade", "Aquila")]),
        ("某车企昨日正式推出宏图AI大模型。", [("release", "宏图AI")]),
        ("金蝶正式发布企业管理大模型苍穹GPT。", [("release", "苍穹GPT")]),
        # an effective date in an earlier clause makes 将 decided
        ("智谱今日宣布，自6月1日起，GLM-4-Plus的API价格将下调90%。", [("price_change", "ChatGLM")]),
    ],
)
def test_heldout7_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules) == sorted(expected)


def test_a_list_opening_the_next_paragraph_takes_the_announcement_date(gazetteer, rules):
    text = ("江苏省网信办9月2日发布消息，全省又有3款生成式人工智能服务完成备案。\n"
            "本次新增的分别是：苏宁“苏宁大模型”、同程旅行“程心”、焦点科技“麦可”。")
    found = mentions_in_article(article(text, datetime(2024, 9, 3)), gazetteer, rules)
    assert {m.event_type for m in found} == {"filing"}
    assert {m.event_date.value for m in found} == {date(2024, 9, 2)}
    # …unless the list names a batch of its own: then it is another scene.
    text = ("江苏省网信办9月2日发布消息，全省又有3款生成式人工智能服务完成备案。\n"
            "第一批通过备案的大模型包括百度文心一言、商汤商量SenseChat。")
    found = mentions_in_article(article(text, datetime(2024, 9, 3)), gazetteer, rules)
    assert {(m.model, m.event_date) for m in found} == {("文心一言", None),
                                                        ("商量SenseChat", None)}


def test_a_paragraph_hours_later_goes_on_with_the_scene(gazetteer, rules):
    text = ("5月15日上午，字节跳动宣布豆包主力模型降价。\n"
            "仅隔数小时，腾讯云也宣布混元大模型的API价格下调。")
    found = mentions_in_article(article(text, datetime(2024, 5, 16)), gazetteer, rules)
    assert {(m.model, m.event_date.value) for m in found} == {
        ("豆包", date(2024, 5, 15)), ("混元", date(2024, 5, 15))}


def test_a_model_anaphor_in_a_later_paragraph_takes_the_lead_date(gazetteer, rules):
    text = ("3月4日，阿里巴巴正式发布推理模型Qwen3-Max。\n"
            "据介绍，该模型采用混合专家架构。\n"
            "目前，这款模型已在魔搭社区开源，开发者可免费下载。")
    found = mentions_in_article(article(text, datetime(2025, 3, 5)), gazetteer, rules)
    opened = [m for m in found if m.event_type == "open_source"]
    assert [(m.model, m.event_date.value) for m in opened] == [("通义千问", date(2025, 3, 4))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the date a later clause says a price change takes effect dates it
        ("月之暗面6月3日宣布，将下调Kimi开放平台的模型推理价格，调整后的价格将于6月10日起执行。",
         ("price_change", "Kimi", date(2024, 6, 10))),
        # a model shortly after 将 and before the verb is its object (将 = 把)
        ("智谱当天宣布，将旗舰模型GLM-4-Plus的调用价格下调90%。",
         ("price_change", "ChatGLM", date(2024, 5, 1))),
    ],
)
def test_announced_price_changes(gazetteer, rules, text, expected):
    found = mentions_in_article(article(text, datetime(2024, 5, 20)), gazetteer, rules)
    event_type, model, when = expected
    assert [(m.event_type, m.model) for m in found] == [(event_type, model)]
    if "起执行" in text:
        assert found[0].event_date.value == when


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plan with 将 is still a plan when a model comes only after the verb
        ("百度将推出新模型文心大模型5.0。", []),
        # a clause starting with 其中 names the members of the cue before it
        ("火山引擎宣布API调用价格全面下调，其中豆包Pro降至原价的三折。",
         [("price_change", "豆包")]),
        # weights or code published are an open-sourcing, not a release
        ("该团队表示，模型权重与推理代码已在Hugging Face和GitHub同步发布。", []),
        # a recent release told as a yardstick is no event of its own
        ("据介绍，该模型在多项测试中超越了谷歌上周推出的Gemini 2.5 Pro。", []),
        # a period summary after 成立 is background
        ("成立两年来，智谱AI已先后推出GLM-130B、ChatGLM2、GLM-4等多款模型。", []),
        # talk of a deal, and the deal as a noun, are none; the 对 of 对价 is no target marker
        ("据报道，三星内部讨论了收购芯片设计初创公司Tenstorrent的可能性。", []),
        ("公告显示，本次收购的对价将以现金方式支付。", []),
        ("腾讯宣布以约13亿元的总对价收购出门问问全部股权。", [("acquisition", "出门问问")]),
        # the company whose shares are bought, even one the gazetteer lacks
        ("公告称，某产业基金拟通过协议转让方式，合计收购海纳新材51.2%的股份。",
         [("acquisition", "海纳新材")]),
        # a commentary on the price cut just told
        ("分析人士认为，此番降价或是对字节跳动豆包的回应。", []),
        # a Latin name after a dash, or a second capitalised word
        ("某公司在上海发布国内首个非Transformer架构的通用大模型——Nova模型。",
         [("release", "Nova")]),
        ("艾伦人工智能研究所发布推理模型Tulu Reason。", [("release", "Tulu Reason")]),
        # a v and a whole number after a name the gazetteer lacks belong to it
        ("某语音初创公司发布语音合成模型Vocalis v2。", [("release", "Vocalis v2")]),
    ],
)
def test_heldout8_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the short name a legal name is given in brackets is the owner
        ("杭州深度赋智科技有限公司（DeepWisdom）今日发布智能体框架大模型——Atoms模型。",
         [("release", "Atoms", "DeepWisdom")]),
        # organisations acting jointly: the first named is the developer
        ("清华大学与智谱AI联合发布“星语”大模型。", [("release", "星语", "清华大学")]),
        # a legal name with its region in brackets owns the service after it
        ("广东省网信办公布新增登记信息。其中包括：1.唯品会（中国）有限公司，服务名称：唯品AI助手。",
         [("registration", "唯品AI助手", "唯品会")]),
    ],
)
def test_owners_named_in_brackets_jointly_or_by_legal_name(gazetteer, rules, text, expected):
    assert owned(text, gazetteer, rules) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a brand before a model noun and the model's own name: the model is the named one
        ("某研究院发布“天衍”科学计算大模型Helix-S1。", [("release", "Helix-S1")]),
        # …but two models in a list are two
        ("微软推出两款模型：语音模型VoxA-1和文本模型TexA-2。",
         [("release", "TexA-2"), ("release", "VoxA-1")]),
        # a plan with its date reaches the verb however far it stands
        ("MiniMax表示，M2将于下周一面向全球开发者和企业用户正式开源。", []),
        # a deal that fell through, or called off, is none; another deal told after it is one
        ("苹果对Perplexity的收购计划最终告吹。", []),
        ("谷歌宣布终止收购HubSpot。", []),
        ("继与OpenAI的收购谈判破裂后，Cognition宣布收购Windsurf。", [("acquisition", "Windsurf")]),
        # a feature or mode opened to testers, or launched in an app, is no model release
        ("Kimi的深度研究模式开启内测。", []),
        ("豆包App同步上线了基于该模型的实时翻译功能。", []),
        # an English agent noun after a gazetteer name makes another product
        ("OpenAI发布ChatGPT Agent。", [("release", "ChatGPT Agent")]),
        ("阿里巴巴开源命令行工具Qwen Code。", [("open_source", "Qwen Code")]),
        # an app after its noun; a company after a service-provider noun
        ("The Browser Company推出AI浏览器Dia。", [("release", "Dia")]),
        ("英伟达宣布以约7亿美元收购GPU云服务商Lepton AI。", [("acquisition", "Lepton AI")]),
        # a discount is a price change
        ("智谱宣布GLM-4.5自9月1日起开启限时五折优惠。", [("price_change", "ChatGLM")]),
    ],
)
def test_heldout11_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules) == sorted(expected)


def test_an_effective_date_in_the_announcing_clause_dates_the_change(gazetteer, rules):
    text = "腾讯云6月3日发布调价公告：自6月10日起，混元大模型的调用价格下调至每百万tokens 0.5元。"
    found = mentions_in_article(article(text, datetime(2025, 6, 4)), gazetteer, rules)
    assert [(m.event_type, m.model, m.event_date.value) for m in found] == [
        ("price_change", "混元", date(2025, 6, 10))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a product named after the company's model is the company's
        ("阿里巴巴开源命令行工具Qwen Code。", [("open_source", "Qwen Code", "阿里巴巴")]),
        # the owner's legal name in brackets after a listed service
        ("江苏省网信办公布新增登记信息，其中包括“小蓝AI助手”（南京蓝鲸信息科技有限公司）。",
         [("registration", "小蓝AI助手", "南京蓝鲸信息科技有限公司")]),
        # a company opening the sentence before a date, and a company after 企业
        ("当虹科技7月14日晚间公告称，公司自主研发的“视界”大模型已通过备案。",
         [("filing", "视界", "当虹科技")]),
        ("园区企业凌云光自主研发的“光语”大模型日前通过备案。", [("filing", "光语", "凌云光")]),
        # an owner the sentence gave a model stays with it when a later paragraph opens it
        ("谷歌DeepMind推出AI模型Aeneas。\n该模型可补全残缺铭文，相关代码已开源。",
         [("open_source", "Aeneas", "Google"), ("release", "Aeneas", "Google")]),
    ],
)
def test_owners_after_the_heldout11_fixes(gazetteer, rules, text, expected):
    assert owned(text, gazetteer, rules) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a roadmap's "此后推出的X" has no date of its own: background
        ("奥尔特曼公布路线图：GPT-4.5将在几周内推出；此后推出的GPT-5将整合o3等技术。", []),
        # items of a semicolon list after "信息如下：", each with the model it calls
        ("浙江省网信办公布第二批登记信息，部分登记信息如下：甲科技有限公司——“甲小助”，所调用的已备案模型为"
         "通义千问；乙网络有限公司——“乙AI导购”，所调用的已备案模型为豆包；丙信息有限公司——“丙问答”，"
         "所调用的已备案模型为混元。",
         [("registration", "丙问答"), ("registration", "乙AI导购"), ("registration", "甲小助")]),
        # 首批…包括 across a few words
        ("8月31日，首批通过备案的大模型陆续上线。据悉，首批获批的大模型包括：百度“文心一言”、"
         "商汤“商量SenseChat”。",
         [("filing", "商量SenseChat"), ("filing", "文心一言")]),
        # free at once, in other words; weights uploaded to a hub first named
        ("智谱宣布GLM-4-Flash模型API即日起完全免费。", [("price_change", "ChatGLM")]),
        ("阶跃星辰在Hugging Face悄然上传了Step-3模型权重。",
         [("open_source", "Step"), ("upgrade", "Step")]),
        # the debate about open source, and open weights as an adjective, are none
        ("围绕Llama系列的“开源”之争仍在继续。", []),
        ("按此标准，Llama等“开放权重”模型并不符合开源AI的要求。", []),
        # the model named again after its brand ("腾讯混元…开源…“混元Large”") is the object
        ("腾讯混元宣布开源MoE模型“混元Large”以及3D生成模型Hunyuan3D-1.0。",
         [("open_source", "混元"), ("open_source", "混元3D")]),
        # a version a snapshot refines is no event of its own
        ("深度求索上传了DeepSeek-V3的小版本更新DeepSeek-V3-0324并开源。",
         [("open_source", "DeepSeek"), ("upgrade", "DeepSeek")]),
        # a product word of its own after a gazetteer name makes another model
        ("昆仑万维宣布开源统一多模态模型Skywork UniPic。", [("open_source", "Skywork UniPic")]),
        # a new price list put in force; API价格 in the cue's clause stands for the model told
        ("月之暗面宣布将自10月1日起执行新的Kimi API价格表。", [("price_change", "Kimi")]),
        ("智谱发布GLM-4.6。官方同时宣布，自下月1日起，API价格将调整为每百万tokens 4元。",
         [("price_change", "ChatGLM"), ("upgrade", "ChatGLM")]),
        ("从DeepSeek把API价格打到白菜价开始，各家大厂相继跟进降价。", []),
        # a merger by absorption takes the absorbed company over
        ("海光信息宣布换股吸收合并中科曙光。", [("acquisition", "中科曙光")]),
        # taking control or a majority stake of the company announcing it is an acquisition of it;
        # a minority stake, and the deal as the subject of a comment, are none
        ("华工新材7月2日晚间公告，某机器人企业拟以协议转让方式，合计取得公司51.2%的股份。",
         [("acquisition", "华工新材")]),
        ("腾讯持有公司5%的股份。", []),
        ("美团表示，收购将使公司获得领先的AGI技术与人才。", []),
        # a legal name, a dash and an unquoted name in a filing list
        ("浙江共有2款服务完成备案：甲网络科技有限公司——云梯设计大模型；乙信息技术有限公司——灵犀问答。",
         [("filing", "云梯设计"), ("filing", "灵犀问答")]),
    ],
)
def test_heldout10_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules) == sorted(expected)


def test_a_list_announced_with_both_kinds_takes_the_batch_for_both(gazetteer, rules):
    text = ("浙江省委网信办1月10日公布2025年第一批生成式人工智能服务备案及登记信息。"
            "另有1款应用完成登记：甲科技股份有限公司——“甲看家助手”，所调用的已备案模型为通义千问。")
    found = mentions_in_article(article(text, datetime(2025, 1, 11)), gazetteer, rules)
    assert [(m.event_type, m.model, m.batch) for m in found] == [
        ("registration", "甲看家助手", 1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "本批次…包括：" opens the list of the filing announced the sentence before
        ("天津市网信办公布新增4款已完成备案的服务。从名单看，本批次服务包括：甲智能科技有限公司的"
         "“津小智大模型”；乙数据有限公司的“海河问答大模型”。",
         [("filing", "海河问答", "乙数据有限公司"), ("filing", "津小智", "甲智能科技有限公司")]),
        # unquoted names with their owner's legal name in brackets, after 具体为：
        ("江苏省新增2款已完成登记的服务，具体为：苏宁AI导购（南京易购信息科技有限公司）、"
         "金陵AI客服（南京金陵数据有限公司）。",
         [("registration", "苏宁AI导购", "南京易购信息科技有限公司"),
          ("registration", "金陵AI客服", "南京金陵数据有限公司")]),
        # a colon-opened list whose items are separated by commas, the last after 以及
        ("当月共有3款应用完成登记，分别是：甲网络有限公司的“甲智能客服”，乙科技有限公司的“乙写作助手”，"
         "以及丙信息有限公司的“丙AI导游”。",
         [("registration", "丙AI导游", "丙信息有限公司"),
          ("registration", "乙写作助手", "乙科技有限公司"),
          ("registration", "甲智能客服", "甲网络有限公司")]),
        # 分别为/为 opening a list are not the owner's name
        ("广东新增2款已完成备案的服务，分别为甲科技股份有限公司的“粤问大模型”和乙有限公司的“岭南大模型”；"
         "同期新增1款已完成登记的应用，为丙网络科技有限公司的“丙搜AI”。",
         [("filing", "岭南", "乙有限公司"), ("filing", "粤问", "甲科技股份有限公司"),
          ("registration", "丙搜AI", "丙网络科技有限公司")]),
        # a quoted name may hold a space between Latin words
        ("湖北新增1款已完成登记的应用：甲电器股份有限公司——“甲AI TV助手”。",
         [("registration", "甲AI TV助手", "甲电器股份有限公司")]),
        # a short name with its Latin name in brackets is known by the short one; a full name
        # with its short name in brackets by the short one
        ("机器人企业跃动智元（Spark Motion）宣布完成数亿元B轮融资。",
         [("funding", "跃动智元", "跃动智元")]),
        ("上海某智能科技有限公司（Nova AI）宣布完成A轮融资。", [("funding", "Nova AI", "Nova AI")]),
        # a listed company's stock code between its name and 公告
        ("华智科技（688123.SH）10月9日晚间公告，公司自主研发的“华智星图大模型”已于近日通过备案。",
         [("filing", "华智星图", "华智科技")]),
    ],
)
def test_heldout12_lists_and_owners(gazetteer, rules, text, expected):
    assert owned(text, gazetteer, rules, datetime(2025, 10, 10)) == sorted(expected)


def test_the_month_of_the_list_is_the_month_the_sentence_before_names(gazetteer, rules):
    text = ("湖南省网信办日前公布2025年6月生成式人工智能服务登记情况。"
            "名单显示，当月全省共有1款应用完成登记，即长沙甲科技有限公司的“湘小助”。")
    found = mentions_in_article(article(text, datetime(2025, 7, 12)), gazetteer, rules)
    assert [(m.model, m.event_date) for m in found] == [
        ("湘小助", EventDate(date(2025, 6, 1), "month"))]
    # …and without a month before it, 当月 is the month of publication
    found = mentions_in_article(article("当月共有1款应用完成登记，即乙网络有限公司的“乙问问”。",
                                        datetime(2025, 7, 12)), gazetteer, rules)
    assert [m.event_date for m in found] == [EventDate(date(2025, 7, 1), "month")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a retrospective dated "N年前的M月D日" is history, not news
        ("两年前的3月14日，OpenAI发布GPT-4并引发行业震动。", []),
        # a Latin name of hyphenated parts after the verb; 开源成果 is a noun
        ("某机器人公司在GitHub上开源了RoboMind-VLA-1，这是该公司首个开源成果。",
         [("open_source", "RoboMind-VLA-1")]),
        # 暂无…的计划 denies; a subscription upgraded is no model upgraded
        ("百度表示，目前暂无开源文心4.5 Turbo的计划。", []),
        ("与此同时，月之暗面的Kimi会员套餐也迎来升级。", []),
        # calling off the planned merger of two companies is none
        ("甲公司与乙公司公告，决定终止筹划甲公司换股吸收合并乙公司事项。", []),
        # a version, an edition and a description before the model noun after 推出
        ("快手旗下可灵AI宣布推出3.0 Pro视频生成模型。", [("upgrade", "可灵")]),
        # …but not a series: "推出o1系列推理模型" releases the o1 series
        ("OpenAI推出o3系列推理模型。", [("release", "o3")]),
        # a bare 模型 opening the clause stands for the model just told; a model put online on
        # a hub is open-sourced, not released again
        ("智谱发布GLM-4.6。模型已同步在Hugging Face开源。",
         [("open_source", "ChatGLM"), ("upgrade", "ChatGLM")]),
        ("智谱发布GLM-4.6。模型已在GitHub上线。",
         [("open_source", "ChatGLM"), ("upgrade", "ChatGLM")]),
        # a developer kit named after a model
        ("Anthropic还向开发者开放了Claude Agent SDK。", [("release", "Claude Agent SDK")]),
        # 价格不升反降 is a price cut
        ("可灵2.1模型价格不升反降。", [("price_change", "可灵")]),
    ],
)
def test_heldout12_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules, datetime(2025, 10, 10)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "version"),
    [("月之暗面发布Kimi K2 Thinking。", "K2 Thinking"), ("智谱开源GLM-4.5 Air。", "4.5 Air")],
)
def test_thinking_and_air_editions_belong_to_the_version(gazetteer, rules, text, version):
    found = mentions_in_article(article(text, datetime(2025, 10, 10)), gazetteer, rules)
    assert {m.version for m in found if m.event_type == "upgrade"} == {version}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plan word far before its verb: "预计将于今年晚些时候随系统更新推出"
        ("新版小爱同学预计将于明年下半年随系统的大版本更新一同推出。", []),
        # quoted names after a release verb, holding a gazetteer name or a grammar character
        ("字节跳动发布“豆包手表助手”测试版。", [("release", "豆包手表助手")]),
        ("每日互动发布“个推AI助手”。", [("release", "个推AI助手")]),
        ("OpenAI表示将发布“一个令人惊叹的新模型”。", []),
        # a Latin name and a capital-number label after a model noun
        ("某具身智能公司发布VLA模型Orbit K3。", [("release", "Orbit K3")]),
        # a one-letter start with hyphenated parts; a hyphenated word of its own after a
        # gazetteer name makes another model (an edition word does not)
        ("阿里开源图像模型Z-Image-Turbo。", [("open_source", "Z-Image-Turbo")]),
        ("美团开源图像编辑模型LongCat-Painter。", [("open_source", "LongCat-Painter")]),
        # point releases and O-labels of a gazetteer alias's own label
        ("MiniMax发布MiniMax-M2.5。", [("upgrade", "abab")]),
        ("快手推出视频模型“可灵O2”。", [("upgrade", "可灵")]),
        # background: after an earlier release, a week after launch, a launch week, the
        # training and release of a next model, a habit, and earlier deals
        ("这是谷歌继上月推出Gemini 3之后的又一次更新。", []),
        ("豆包手机助手上线一周后，多款App限制了其操作。", []),
        ("千问App上线后增长迅速。", []),
        ("可灵AI本周迎来“Omni发布周”。", []),
        ("新资金将用于下一代模型Grok 6的训练与发布。", []),
        ("鉴于DeepSeek此前多次选择在节假日前后发布新模型，业内并不意外。", []),
        ("OpenAI此前于去年5月以65亿美元收购了硬件公司io。", []),
        ("该公司此前完成了数亿元A轮融资。", []),
        # available on a platform is no release of the platform
        ("GLM-4.7已在智谱开放平台BigModel上线。", []),
        # a launched programme, and a company's model standing for its staff
        ("火山引擎推出“AI节省计划”。", []),
        ("同一天，前DeepSeek研究员某某以小米大模型负责人身份首次公开亮相。", []),
        # a Latin name closing the clause after 收购 and what it is
        ("Anthropic宣布收购JavaScript运行时Bun，交易金额未披露。", [("acquisition", "Bun")]),
    ],
)
def test_heldout13_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules, datetime(2025, 12, 10)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a field's value is all name: a gazetteer name inside it, a closing 模型
        ("北京市新增3款已完成备案的服务，名单如下：\n1.北京快手科技有限公司，服务名称：可灵配音助手；\n"
         "2.北京甲科技有限公司，服务名称：甲乙世界模型。",
         [("filing", "可灵配音助手", "快手"), ("filing", "甲乙世界模型", "北京甲科技有限公司")]),
        # an institution's full name owns the service after it, even starting with 新
        ("名单显示，四川某某城市运行中心的“蓉城问政大模型”通过备案；"
         "完成登记的应用则包括新希望集团的“希望问答”。",
         [("filing", "蓉城问政", "四川某某城市运行中心"),
          ("registration", "希望问答", "新希望集团")]),
        # a company noun, its name and its Latin name in brackets
        ("人形机器人公司加速进化（Booster Robotics）近日完成A轮融资。",
         [("funding", "加速进化", "加速进化")]),
    ],
)
def test_heldout13_names_and_owners(gazetteer, rules, text, expected):
    assert owned(text, gazetteer, rules, datetime(2025, 12, 10)) == sorted(expected)


def test_the_day_after_opening_a_paragraph_goes_on_with_the_scene(gazetteer, rules):
    text = "11月17日，阿里巴巴宣布“千问”项目。\n次日，蚂蚁集团发布AI助手“灵光”。"
    found = mentions_in_article(article(text, datetime(2025, 11, 19)), gazetteer, rules)
    assert {(m.model, m.event_date) for m in found if m.model == "灵光"} == {
        ("灵光", EventDate(date(2025, 11, 18), "day"))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list printed as a table: one row per service, the name cell before the legal owner
        ("江苏省网信办5月8日公布2款新完成备案的服务，详见下表：\n编号｜服务名称｜备案主体\n"
         "1｜苏小智｜南京甲乙智能科技有限公司\n2｜跃问｜上海阶跃星辰智能科技有限公司",
         [("filing", "苏小智", "南京甲乙智能科技有限公司"), ("filing", "跃问", "阶跃星辰")]),
        # …or the owner cell first
        ("福建省网信办公布新增完成登记的服务，具体信息如下：\n序号｜登记主体｜服务名称\n"
         "1｜厦门丙丁网络有限公司｜鹭岛AI导游",
         [("registration", "鹭岛AI导游", "厦门丙丁网络有限公司")]),
        # headings part the filings from the registrations; an item opens with its owner's legal
        # name and a colon; a model the registered app calls is no event of its own
        ("日前，安徽省委网信办公布属地新完成备案和登记的生成式人工智能服务。\n新增备案：\n"
         "（1）合肥戊己科技股份有限公司：戊己质检大模型DQ；\n新增登记：\n"
         "（1）芜湖庚辛信息有限公司：庚辛客服助手（调用模型：通义千问）；\n"
         "（2）蚌埠壬癸软件有限公司：壬癸写作助手。",
         [("filing", "戊己质检大模型DQ", "合肥戊己科技股份有限公司"),
          ("registration", "庚辛客服助手", "芜湖庚辛信息有限公司"),
          ("registration", "壬癸写作助手", "蚌埠壬癸软件有限公司")]),
        # a company with its region in brackets is known by the name before them
        ("具身智能企业星河巧匠（深圳）科技有限公司宣布完成A轮融资。",
         [("funding", "星河巧匠", "星河巧匠")]),
        # a listed company and its stock code open the sentence: the company owns 公司自研的…
        ("甲乙科技（301234.SZ）在投资者交流会上透露，公司自研的“甲乙导购大模型”已于上月通过备案。",
         [("filing", "甲乙导购", "甲乙科技")]),
    ],
)
def test_heldout14_lists_and_owners(gazetteer, rules, text, expected):
    assert owned(text, gazetteer, rules, datetime(2025, 6, 10)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 宣布开源 before "大模型X" is the verb; "开源大模型X" alone stays an adjective
        ("某公司宣布开源大模型Grok-1。", [("open_source", "Grok")]),
        ("Meta的开源大模型Llama 3在业内广受欢迎。", []),
        # 官宣 announces a model, but not a partnership or a price
        ("谷歌官宣新一代大模型Gemini 4。", [("upgrade", "Gemini")]),
        ("百度官宣文心大模型的主力模型ERNIE Speed全面免费。", [("price_change", "文心一言")]),
        ("百度与三星官宣合作，文心大模型将接入新款手机。", []),
        # what a company once did is background
        ("该公司总部位于伦敦，曾推出开源大模型Falcon和Noor。", []),
        ("智谱曾经升级过ChatGLM。", []),
        # a deal being planned, however long the phrase between
        ("两家公司正在筹划由甲公司通过向乙公司全体股东发行股票的方式换股吸收合并乙公司。", []),
        # 第三方 is no model name
        ("公告称，该应用调用的是已完成备案的第三方大模型。", []),
    ],
)
def test_heldout14_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules, datetime(2025, 6, 10)) == sorted(expected)


def test_each_item_of_a_roundup_is_a_scene_of_its_own(gazetteer, rules):
    text = ("【一周投融资】\n1. 6月3日，甲公司宣布收购乙公司。"
            "此前，监管机构已于5月20日批准该交易。\n2. 具身智能公司丙丁机器人宣布完成新一轮融资。")
    found = mentions_in_article(article(text, datetime(2025, 6, 8)), gazetteer, rules)
    assert {(m.event_type, m.event_date) for m in found if m.event_type == "funding"} == {
        ("funding", None)}
    # …but the lines of a list go on with the sentence that opens it
    text = ("6月3日，某省网信办公布新增完成备案的服务。\n新增备案：\n"
            "（1）甲乙科技有限公司：甲乙问答；")
    found = mentions_in_article(article(text, datetime(2025, 6, 8)), gazetteer, rules)
    assert [(m.model, m.event_date) for m in found] == [
        ("甲乙问答", EventDate(date(2025, 6, 3), "day"))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # available in a platform and an app: not a release of the app
        # (and launched there: the places it went live in are channels)
        ("某公司正式开源新模型Zeta-2，并在其开放平台和Zeta Agent应用中同步上线。",
         [("open_source", "Zeta-2"), ("release", "Zeta-2")]),
        # 开源 describing a series of models whose price is cut
        ("阿里云宣布通义千问多款商业化及开源系列模型降价。", [("price_change", "通义千问")]),
        # a running total is no event
        ("截至目前，某公司已累计开源100余款模型。", []),
        # the models an app calls are filed, but this is not their filing
        ("据介绍，该应用调用的是已完成备案的子曰大模型。", []),
        # a mixed-case Latin name right after the verbs, before 模型
        ("某公司今日发布并开源PixelReader模型。",
         [("open_source", "PixelReader"), ("release", "PixelReader")]),
        # open weights describing the model released, even with 的 between
        ("OpenAI发布两款开放权重的推理模型gpt-oss-120b和gpt-oss-20b。",
         [("open_source", "gpt-oss"), ("release", "gpt-oss")]),
        # a label with an edition after a model noun is a version, not a model
        ("百度发布深度思考模型X2 Turbo。", []),
    ],
)
def test_heldout16_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules, datetime(2025, 9, 10)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the host of the event where the news broke is not the developer
        ("在英伟达GTC大会上，杭州“六小龙”之一的群核科技发布空间理解模型RoomLM。",
         [("release", "RoomLM", "群核科技")]),
        # a name opening with its company's name is that company's
        ("李彦宏还在会上推出了超级智能体“百度伐谋”。", [("release", "百度伐谋", "百度")]),
        # counted filings and registrations open the lists of the next paragraph, whose
        # members are placed among them; a legal name with its region in brackets owns its item
        ("某市网信办昨日通报，新增生成式人工智能服务备案2款、登记3款。\n"
         "从公布的名单看，甲乙科技有限公司的“甲乙问答”位列新增备案服务；完成登记的应用中，"
         "则有网易（杭州）网络有限公司的“网易云音乐AI歌手”。",
         [("filing", "甲乙问答", "甲乙科技有限公司"),
          ("registration", "网易云音乐AI歌手", "网易")]),
        # a list in 榜单, its owner after 则有
        ("上海市网信办公布新一批已完成登记的生成式人工智能应用。榜单中既有喜马拉雅的“喜马拉雅AI播讲”，"
         "也有米哈游的“逆熵AI”；同期完成登记的应用中，还有小冰公司的“X Eva”。",
         [("registration", "X Eva", "小冰公司"), ("registration", "喜马拉雅AI播讲", "喜马拉雅"),
          ("registration", "逆熵AI", "米哈游")]),
    ],
)
def test_heldout16_names_and_owners(gazetteer, rules, text, expected):
    assert owned(text, gazetteer, rules, datetime(2025, 9, 10)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count opening a list with a colon, owner (model) items, in a filing context
        ("第二批通过备案的大模型名单昨日公布。据梳理，深圳共2家：腾讯（混元大模型）、"
         "某某智能（灵犀大模型）；杭州1家：阿里巴巴（通义千问）。",
         [("filing", "混元"), ("filing", "灵犀"), ("filing", "通义千问")]),
        # items opening with the quoted name, the owner's legal name after a comma
        ("某市网信办发布公告，新增3款已完成登记的服务，名单如下：\n（一）“小甲助手”，某甲科技有限公司；\n"
         "（二）“小乙问答”，某乙网络有限公司。",
         [("registration", "小乙问答"), ("registration", "小甲助手")]),
        # new entries named by owner and quoted name, in the paragraph after the announcement
        ("国家网信办公布最新一批已备案信息，本次共有30款服务完成备案。\n"
         "具体来看，北京新增某甲“甲医生”；浙江则新增某乙“乙老师”。",
         [("filing", "乙老师"), ("filing", "甲医生")]),
        # the part on registrations names the kind of the list after it
        ("国家网信办发布第三批备案及登记信息。\n新增备案服务中包括：某甲科技有限公司——“甲智能体”。\n"
         "登记应用方面，某乙有限公司——“乙AI”、某丙股份有限公司——“丙AI”等在列。",
         [("filing", "甲智能体"), ("registration", "丙AI"), ("registration", "乙AI")]),
        # investors listed with others before 参投 are not funded; a company profile is no release
        ("本轮由a16z领投，英伟达、AMD、思科等参投。", []),
        ("某公司成立于2023年，目前已发布Step系列通用大模型。", []),
        # an owner in brackets does not stand for its flagship model
        ("名单中，小红书旗下应用“点点”（行吟信息科技（上海）有限公司）在列。", []),
    ],
)
def test_heldout15_lists(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules, datetime(2025, 6, 10)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the acquired company named far from 达成…协议
        ("英伟达宣布，已与以色列AI基础设施编排软件公司Run:ai达成最终收购协议。",
         [("acquisition", "Run:ai", "Run:ai")]),
        # a name opening the sentence, then a date and 宣布, owns 其自研的…
        ("仁心医疗昨日宣布，其自主研发的“岐伯”大模型正式通过生成式人工智能服务备案。",
         [("filing", "岐伯", "仁心医疗")]),
        # the gazetteer knows the service with its owner's name
        ("广东省新增2款备案服务，分别为美的集团的“美言”大模型以及华为终端有限公司的“小艺”。",
         [("filing", "华为小艺", "华为"), ("filing", "美言", "美的集团")]),
    ],
)
def test_heldout15_names_and_owners(gazetteer, rules, text, expected):
    assert owned(text, gazetteer, rules, datetime(2025, 6, 10)) == sorted(expected)


def test_the_same_day_in_a_roundup_item_is_the_day_of_the_item_before(gazetteer, rules):
    text = ("【一周要闻】\n① 3月6日，某公司推出智能体Orbit；\n"
            "② 同日，腾讯混元开源图生视频模型HunyuanVideo-I2V。")
    found = mentions_in_article(article(text, datetime(2025, 3, 9)), gazetteer, rules)
    assert {(m.event_type, m.event_date) for m in found if m.model == "HunyuanVideo"} == {
        ("open_source", EventDate(date(2025, 3, 6), "day"))}


def test_a_price_set_for_a_version_named_earlier_in_the_sentence(gazetteer, rules):
    # "API定价" stands for the models the sentence's earlier clauses name
    text = "谷歌宣布，Gemini 2.5 Flash进入正式可用阶段，同时调整了2.5 Flash的API定价。"
    assert events(text, gazetteer, rules, datetime(2025, 6, 18)) == [("price_change", "Gemini")]


def test_list_lines_numbered_in_chinese_open_with_the_owner_too(gazetteer, rules):
    text = ("某省网信办日前公布新完成备案的服务。\n新增备案：\n"
            "（一）甲乙科技股份有限公司：甲乙审计大模型；\n（二）丙丁信息有限公司：丙丁问答。")
    assert events(text, gazetteer, rules, datetime(2025, 6, 10)) == [
        ("filing", "丙丁问答"), ("filing", "甲乙审计")]


def versioned(text, gazetteer, rules, published=datetime(2025, 6, 10)):
    found = mentions_in_article(article(text, published), gazetteer, rules)
    return sorted({(m.event_type, m.model, m.version) for m in found})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an edition inside an alias stays with its version; a variant row does not
        ("阿里云昨晚推出Qwen2.5-Max，并同步上线API。", [("upgrade", "通义千问", "2.5-Max")]),
        ("阿里云发布Qwen2.5-Coder。", [("upgrade", "Qwen-Coder", "2.5")]),
        # an expert count is part of the label, not a size to drop
        ("Mistral AI宣布开源Mixtral 8x7B。",
         [("open_source", "Mistral", "8x7B"), ("upgrade", "Mistral", "8x7B")]),
        # a capital Q and a number after a name is a version (not a quarter)
        ("生数科技今天发布了Vidu Q3。", [("upgrade", "Vidu", "Q3")]),
        # members named with their edition before the number are the series' version
        ("Anthropic发布Claude 4家族，包括Claude Sonnet 4和Claude Opus 4。",
         [("upgrade", "Claude", "4")]),
        # a version label alone stands for the model told before it
        ("月之暗面今日发布Kimi K2。据介绍，K2的基础模型和指令模型都已上传至Hugging Face，"
         "供开发者免费下载。",
         [("open_source", "Kimi", "K2"), ("upgrade", "Kimi", "K2")]),
        # …but not a number (it may be a figure)
        ("百度发布文心大模型4.5。4.5的推理速度提升明显，相关代码已开源。",
         [("upgrade", "文心一言", "4.5")]),
    ],
)
def test_heldout17_versions(gazetteer, rules, text, expected):
    assert versioned(text, gazetteer, rules) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # open weights told after the names the release verb brings out
        ("某实验室昨日发布了Foo-7B和Foo-70B两款开放权重模型。",
         [("open_source", "Foo-70B"), ("open_source", "Foo-7B"), ("release", "Foo-70B"),
          ("release", "Foo-7B")]),
        # a denial in the company's words
        ("对此，乙公司回应称，“不存在甲公司收购乙公司的情况”。", []),
        # a company profile lists what it has brought out so far
        ("公开资料显示，丙丁科技成立于2020年，先后推出了丙丁大模型和丙丁助手等产品。", []),
        # a nickname in quotes before a known model is no model of its own
        ("面壁智能发布“端侧之王”MiniCPM 3.0。", [("upgrade", "MiniCPM")]),
        # platforms putting someone else's model online do not release it
        ("亚马逊云科技、微软Azure等平台近日相继宣布上线DeepSeek-R1。", []),
        ("百度宣布文心大模型4.5正式上线。", [("upgrade", "文心一言")]),
    ],
)
def test_heldout17_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules, datetime(2025, 6, 10)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a time between a company and its verb is not part of its name
        ("人形机器人企业星河动力本月初宣布完成数亿元B轮融资。",
         [("funding", "星河动力", "星河动力")]),
        # 公司 acting with a partner is the company the sentence is about, here known by its
        # stock code
        ("星河股份（300999）在投资者互动平台表示，公司与甲乙科技联合开发的“星河伴读”已完成"
         "生成式人工智能服务登记。",
         [("registration", "星河伴读", "星河股份")]),
    ],
)
def test_heldout17_owners(gazetteer, rules, text, expected):
    assert owned(text, gazetteer, rules, datetime(2025, 6, 10)) == sorted(expected)


def test_a_price_change_takes_the_date_the_next_sentence_says_it_takes_effect(gazetteer, rules):
    text = ("智谱6月3日宣布，GLM-4的API价格将调整为每百万tokens 1元。新价格自6月15日起执行。\n"
            "同一天，阶跃星辰宣布Step-2模型API开启限时五折优惠。")
    found = mentions_in_article(article(text, datetime(2025, 6, 4)), gazetteer, rules)
    assert sorted((m.model, m.event_date) for m in found if m.event_type == "price_change") == [
        ("ChatGLM", EventDate(date(2025, 6, 15), "day")),
        ("Step", EventDate(date(2025, 6, 3), "day"))]


def test_a_code_after_a_known_name_and_a_model_noun_names_another_model(gazetteer, rules):
    # Step-1X is not Step version 1: after a model noun it is a model of its own
    text = "阶跃星辰今天同时亮相图像生成大模型Step-1X。"
    assert owned(text, gazetteer, rules) == [("release", "Step-1X", "阶跃星辰")]


@pytest.mark.parametrize(
    "second",
    ["甲乙科技在会上推出推理模型Foo-R。", "甲乙科技则宣布推出推理模型Foo-R。",
     "甲乙科技在展会首日推出推理模型Foo-R。"],
)
def test_a_paragraph_going_on_with_the_event_the_one_before_opened(gazetteer, rules, second):
    text = f"9月3日，某某科技大会在杭州开幕，多家企业发布新品。\n{second}"
    found = mentions_in_article(article(text, datetime(2025, 9, 5)), gazetteer, rules)
    assert [(m.model, m.event_date) for m in found] == [
        ("Foo-R", EventDate(date(2025, 9, 3), "day"))]


@pytest.mark.parametrize(("later", "day"), [("两天后", 30), ("3天之后", 1)])
def test_days_later_count_from_the_scene_before(gazetteer, rules, later, day):
    text = f"9月28日，甲公司发布Foo模型。\n{later}，乙公司发布Bar-2模型。"
    found = mentions_in_article(article(text, datetime(2025, 10, 2)), gazetteer, rules)
    when = {m.model: m.event_date for m in found}["Bar-2"]
    assert when == EventDate(date(2025, 9 if day == 30 else 10, day), "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a legal name and its verb before the quoted service; items whose own verb (推出的)
        # tells nothing go on with the list
        ("某市网信办获悉，新增2款已完成登记的服务，分别是：（1）甲乙网络科技有限公司推出的“甲乙问医”；"
         "（2）丙丁信息技术有限公司推出的“丙丁写作”。",
         [("registration", "丙丁写作", "丙丁信息技术有限公司"),
          ("registration", "甲乙问医", "甲乙网络科技有限公司")]),
        # a long group of items after a semicolon is still the list
        ("首批通过备案的包括：北京的百度“文心一言”、抖音“云雀”；杭州的阿里巴巴“通义千问”、"
         "海星科技“海星大模型”、浙江灵语智能科技有限公司“灵语通用大模型”。",
         [("filing", "云雀", "字节跳动"), ("filing", "文心一言", "百度"),
          ("filing", "海星", "海星科技"), ("filing", "灵语通用", "浙江灵语智能科技有限公司"),
          ("filing", "通义千问", "阿里巴巴")]),
        # going on with the subject (并…), naming no model: the models it brought out
        ("甲乙科技昨日正式发布Foo-9B系列大模型，最长支持128K上下文，并宣布在GitHub等平台开源。",
         [("open_source", "Foo-9B", "甲乙科技"), ("release", "Foo-9B", "甲乙科技")]),
    ],
)
def test_heldout18_lists_and_chains(gazetteer, rules, text, expected):
    assert owned(text, gazetteer, rules, datetime(2025, 6, 10)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the models an app calls, told with 已备案的
        ("登记方面新增1款：甲乙网络科技有限公司“甲乙AI助手”，其使用已备案的通义千问大模型。",
         [("registration", "甲乙AI助手")]),
        # a company's state of play, not news
        ("目前，甲乙科技已发布Foo系列通用大模型，并推出“小甲”“小乙”两款C端产品。", []),
        # a period summed up
        ("该公司在过去两年里先后推出了Foo-1、Foo-2等多款模型。", []),
        # a plan with its time far before the verb
        ("据报道，OpenAI的新模型最早可能于今年秋季作为ChatGPT的一部分推出。", []),
        # a yardstick after 超过
        ("甲乙科技发布Foo-3，多项得分超过谷歌上周推出的Gemini 3 Pro。", [("release", "Foo-3")]),
        # a signed agreement makes 将收购 a deal
        ("甲公司宣布与Windsurf签署最终协议，将收购其知识产权和团队。",
         [("acquisition", "Windsurf")]),
        ("甲公司宣布与Windsurf签署合作框架协议，将收购其部分股权。", []),
        # open weights of the models the sentence released
        ("Meta发布Llama 4系列模型，开放权重可在Hugging Face下载。",
         [("open_source", "Llama"), ("upgrade", "Llama")]),
        # a point release the gazetteer lacks, after the verb
        ("OpenAI今日凌晨发布GPT-5.2系列模型。", [("release", "GPT-5.2")]),
        # VLA is a kind of model, not its name
        ("星海图日前宣布开源其双系统VLA大模型。", []),
    ],
)
def test_heldout18_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules, datetime(2025, 9, 10)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an anniversary is background
        ("Kimi K2发布满半年之际，基于它的衍生模型已超过五百个。", []),
        # an indirect question
        ("业内普遍关注月之暗面的下一代模型何时亮相。", []),
        # a signed share transfer decides 拟…取得 a control deal
        ("甲乙股份12月3日晚间公告，公司控股股东与丙丁科技签署股份转让协议，丙丁科技拟通过协议转让方式"
         "取得公司合计55%的股份。",
         [("acquisition", "甲乙股份")]),
        ("甲乙股份12月3日晚间公告，公司控股股东与丙丁科技签署战略合作协议，丙丁科技拟取得公司合计55%"
         "的股份。",
         []),
    ],
)
def test_heldout19_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules, datetime(2025, 12, 4)) == sorted(expected)


def test_a_filing_told_近日_in_a_notice_keeps_its_month(gazetteer, rules):
    # the notice's day is when the news is told; the subsidiary's model is the parent's
    text = ("甲乙科技（603999）11月20日晚间公告，公司全资子公司自主研发的“甲乙工业大模型”近日已完成"
            "生成式人工智能服务备案。")
    found = mentions_in_article(article(text, datetime(2025, 11, 21)), gazetteer, rules)
    assert [(m.model, m.organization, m.event_date) for m in found] == [
        ("甲乙工业", "甲乙科技", EventDate(date(2025, 11, 1), "month"))]


def test_the_next_day_in_a_roundup_item_is_the_day_after_the_item_before(gazetteer, rules):
    text = ("【一周要闻｜3月3日—3月9日】\n① 3月5日，某公司推出智能体Orbit；\n"
            "② 次日凌晨，腾讯混元开源图生视频模型HunyuanVideo-I2V。")
    found = mentions_in_article(article(text, datetime(2025, 3, 10)), gazetteer, rules)
    assert {(m.event_type, m.event_date) for m in found if m.model == "HunyuanVideo"} == {
        ("open_source", EventDate(date(2025, 3, 6), "day"))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a retrospective goes on in the sentence that follows it
        ("两年前的5月6日，甲公司发布Foo-2，并把API价格压到每百万tokens 1元。随后一周内，文心一言、"
         "通义千问相继宣布降价。",
         []),
        # the time since an open-sourcing
        ("混元开源三个多月以来，社区衍生模型已超过2万个。", []),
        # a launch put off, and one that was only scheduled
        ("据报道，谷歌已再次推迟其旗舰模型Gemini 3 Ultra的发布。", []),
        ("谷歌原定于7月发布的Gemini 3 Ultra将推迟至秋季。", []),
        # talks about an investment
        ("据报道，亚马逊正就向Anthropic追加投资40亿美元进行谈判。", []),
        # a mode for testers, a feature's beta inside an app
        ("此外，Claude Opus 4新增“扩展思考”模式，目前仅向部分测试用户开放。", []),
        ("OpenAI为ChatGPT桌面端上线屏幕共享模式测试版。", []),
        # the model behind a product opened to developers
        ("苹果宣布向开发者开放Apple Intelligence背后的端侧模型。", []),
        # the investor inside the cue is not the funded company; a column label holds no cue
        ("芯片公司Foo AI周三证实，已获得英伟达的“战略投资”。", [("funding", "Foo AI")]),
        ("【投融资】具身智能公司甲乙机器人（Jiayi Robotics）宣布，近日完成数亿元B轮融资。",
         [("funding", "甲乙机器人")]),
        # a Latin name in brackets belongs to the new product, not to the model it starts with
        ("昆仑万维正式发布“天工深度研究员”（Skywork Deep Researcher），可自动撰写报告。",
         [("release", "天工深度研究员")]),
        # "the first" before a new model's name
        ("乙公司今天推出国内首个中医问诊大模型。", [("release", "中医问诊")]),
        # checkpoints are weights
        ("谷歌已将Gemma 3的代码和模型检查点对外开放。",
         [("open_source", "Gemma"), ("upgrade", "Gemma")]),
        # a model set against its own earlier version is the subject; 其…版本 is that model's
        ("RoboBrain 2.0相比上一代在规划能力上大幅提升，其32B版本已同步开源。",
         [("open_source", "RoboBrain"), ("upgrade", "RoboBrain")]),
    ],
)
def test_heldout20_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules, datetime(2025, 7, 10)) == sorted(expected)


def test_the_models_a_registered_app_calls_are_no_registrations(gazetteer, rules):
    # a list of them after a colon, and one written after its owner's name
    text = ("某市网信办公布第三批完成登记的生成式人工智能服务，具体如下：\n"
            "（一）甲乙科技有限公司，应用名称：小甲助手，调用的已备案模型：DeepSeek、文心一言；\n"
            "（二）丙丁网络科技有限公司，应用名称：丙丁写作，调用的已备案模型：通义千问。")
    assert events(text, gazetteer, rules, datetime(2025, 7, 10)) == [
        ("registration", "丙丁写作"), ("registration", "小甲助手")]
    text = ("新增登记：甲乙网络科技有限公司——“甲乙画师”，所调用的已备案模型为百度文心一言；"
            "丙丁信息技术有限公司——“丙丁写作”，所调用的已备案模型为阿里通义千问。")
    assert events(text, gazetteer, rules, datetime(2025, 7, 10)) == [
        ("registration", "丙丁写作"), ("registration", "甲乙画师")]


def test_a_service_named_by_its_owner_and_a_known_model_is_that_model(gazetteer, rules):
    # and ICP is a word of its own: MiniCPM holds no ICP filing
    text = ("某省网信办发布公告，新增备案如下：\n"
            "1. 北京面壁智能科技有限公司，服务名称：面壁MiniCPM大模型；\n"
            "2. 深圳元象信息科技有限公司，服务名称：元象XVERSE大模型。")
    found = mentions_in_article(article(text, datetime(2025, 7, 10)), gazetteer, rules)
    assert sorted((m.model, m.organization, m.model_status) for m in found) == [
        ("MiniCPM", "面壁智能", "gazetteer"), ("XVERSE", "元象科技", "gazetteer")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a whole number set apart after a new Latin name is part of it
        ("Hume AI发布语音模型EVI 3。", [("release", "EVI 3", None)]),
        ("甲公司发布视频模型Foo 2款。", [("release", "Foo", None)]),
        # two editions joined
        ("谷歌推出Gemini 2.5 Flash-Lite。", [("upgrade", "Gemini", "2.5 Flash-Lite")]),
        # a dated snapshot refines the version an article also names
        ("DeepSeek在Hugging Face上传了DeepSeek-V3-0324的权重，官方称“DeepSeek V3模型已完成小版本"
         "升级”。",
         [("open_source", "DeepSeek", "V3-0324"), ("upgrade", "DeepSeek", "V3-0324")]),
    ],
)
def test_heldout20_versions(gazetteer, rules, text, expected):
    found = mentions_in_article(article(text, datetime(2025, 7, 10)), gazetteer, rules)
    assert sorted({(m.event_type, m.model, m.version) for m in found}) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word of its own joined to a known Latin name names another model (not an edition)
        ("小米今日宣布开源MiMo-Audio，这是其首个语音大模型。", [("open_source", "MiMo-Audio")]),
        ("此次开源的包括MiMo-Audio-7B-Base和MiMo-Audio-7B-Instruct两个版本。",
         [("open_source", "MiMo-Audio")]),
        ("Anthropic发布Claude-Sonnet。", [("release", "Claude")]),
        # a time zone before the date is no company
        ("AI制药初创公司Foo Labs，当地时间10月8日宣布获得1亿美元A轮融资。",
         [("funding", "Foo Labs")]),
        # a period summed up
        ("三年间，OpenAI先后推出GPT-4、GPT-4o和GPT-5。", []),
    ],
)
def test_heldout21_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules, datetime(2025, 10, 10)) == sorted(expected)


def test_what_was_launched_alongside_takes_the_scene_of_the_paragraph_before(gazetteer, rules):
    text = "11月19日，谷歌正式发布Gemini 3。\n与之一同亮相的，还有全新的编程平台Google Bar。"
    found = mentions_in_article(article(text, datetime(2025, 11, 20)), gazetteer, rules)
    assert {(m.event_type, m.model, m.event_date) for m in found} == {
        ("upgrade", "Gemini", EventDate(date(2025, 11, 19), "day")),
        ("release", "Google Bar", EventDate(date(2025, 11, 19), "day"))}


def test_a_version_opening_the_cue_clause_is_the_model_of_the_clause_before(gazetteer, rules):
    found = mentions_in_article(
        article("可灵AI昨日宣布，全新2.5 Turbo视频生成模型正式上线。", datetime(2025, 10, 10)),
        gazetteer, rules)
    assert [(m.event_type, m.model, m.version) for m in found] == [("upgrade", "可灵", "2.5 Turbo")]


def test_a_paragraph_opening_with_new_filings_goes_on_with_the_announcement(gazetteer, rules):
    text = ("杭州市网信办10月9日发布消息，杭州又有2款服务通过审核。\n"
            "新增备案2款：杭州甲乙科技有限公司——“甲乙大模型”；杭州丙丁科技有限公司——“丙丁大模型”。")
    found = mentions_in_article(article(text, datetime(2025, 10, 10)), gazetteer, rules)
    assert {(m.model, m.event_date) for m in found} == {
        ("甲乙", EventDate(date(2025, 10, 9), "day")),
        ("丙丁", EventDate(date(2025, 10, 9), "day"))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 此次并购 comments on the deal just told
        ("英伟达周二宣布，已同意收购数据平台Foo Labs。此次并购发生在英伟达财报发布前夕。",
         [("acquisition", "Foo Labs")]),
        # an upgrade told as an attribute, months ago
        ("公司表示，去年升级发布的文心大模型4.5已在教育场景规模化应用。", []),
        # a merger being planned over several clauses, and the money raised with it
        ("中科曙光、海光信息6月1日晚间同步公告，中科曙光正在筹划通过向海光信息全体股东发行股票的方式，"
         "换股吸收合并海光信息，并发行股票募集配套资金。",
         []),
        # the seller's side of a control deal
        ("甲乙股份7月1日晚间公告，公司控股股东已与丙丁科技签署《股份转让协议》，将以协议转让方式转让"
         "公司控制权。",
         [("acquisition", "甲乙股份")]),
        # the items of a list before its last one, after 以及
        ("名单显示，甲公司的“甲助手”、乙公司的“乙写作”，以及丙公司的“丙画师”等均已完成登记。",
         [("registration", "丙画师"), ("registration", "乙写作"), ("registration", "甲助手")]),
        # a filing list by region
        ("首批通过备案的大模型8月31日起陆续上线。其中，北京地区包括百度的文心一言、智谱AI的ChatGLM；"
         "上海地区则有商汤科技的商量SenseChat。",
         [("filing", "ChatGLM"), ("filing", "商量SenseChat"), ("filing", "文心一言")]),
    ],
)
def test_heldout22_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules, datetime(2025, 9, 10)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a listed company with its exchange code; 公司 in an earlier clause stands for it
        ("甲乙直聘（NASDAQ: JY）3月12日发布年报。在随后的电话会上，公司管理层透露，自研的丙丁大模型"
         "已于今年1月通过备案。",
         [("filing", "丙丁", "甲乙直聘")]),
        # the rest of a legal name before 旗下
        ("上海市网信办日前公布新一批生成式人工智能服务备案及登记信息。新增登记方面，丙丁信息科技（上海）"
         "有限公司旗下AI写作应用“丙丁写作”也出现在名单上。",
         [("registration", "丙丁写作", "丙丁信息科技(上海)有限公司")]),
    ],
)
def test_heldout22_owners(gazetteer, rules, text, expected):
    assert owned(text, gazetteer, rules, datetime(2025, 9, 10)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capitalised word hyphen-joined to a version is its edition, after the name or a cue
        ("深度求索周三更新DeepSeek-V3.1-Nova，修复了若干问题。",
         [("upgrade", "DeepSeek", "V3.1 Nova")]),
        ("DeepSeek官方App已更新至V3.2-Nova。", [("upgrade", "DeepSeek", "3.2-Nova")]),
        # …but a checkpoint's kind is none
        ("月之暗面开源Kimi-K2-Instruct，权重已上传。",
         [("open_source", "Kimi", "K2"), ("upgrade", "Kimi", "K2")]),
        # a company's label and a model noun stand for its one flagship
        ("月之暗面今日推出k2.5多模态推理模型。", [("upgrade", "Kimi", "k2.5")]),
        # (a bare number after a company is no label)
        ("月之暗面今日推出3.0版本。", []),
        # two versions, then 前者: the first (an edition merges into its version; a variant with
        # a word of its own does not)
        ("深度求索同时发布DeepSeek-V3.2和DeepSeek-V3.2-Flash。前者已全面上线，模型权重同步开源。",
         [("open_source", "DeepSeek", "V3.2"), ("upgrade", "DeepSeek", "V3.2")]),
        ("深度求索同时发布DeepSeek-V3.2和DeepSeek-V3.2-Nova。前者已全面上线，模型权重同步开源。",
         [("open_source", "DeepSeek", "V3.2"), ("upgrade", "DeepSeek", "V3.2"),
          ("upgrade", "DeepSeek", "V3.2 Nova")]),
    ],
)
def test_heldout23_versions(gazetteer, rules, text, expected):
    assert versioned(text, gazetteer, rules) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list under a bullet, each line a legal name and its quoted service
        ("某市网信办日前公布第三季度新增完成登记的生成式人工智能服务，共2款：\n"
         "·甲乙网络科技有限公司“甲乙旅行助手”\n·丙丁数字技术股份有限公司“丙丁问答”",
         [("registration", "丙丁问答"), ("registration", "甲乙旅行助手")]),
        # a quoted service after 软件 or 旗下, though it opens with its owner's short name
        ("万兴科技晚间公告，旗下剪辑软件“万兴剪刀”已完成生成式人工智能服务登记。",
         [("registration", "万兴剪刀")]),
        # a count of unnamed models is the subject of its own clause
        ("字节跳动旗下AI创作平台即梦宣布，上月发布的三款图像生成模型已面向全部用户开放。", []),
        # 被 of an opinion is no passive of a deal
        ("据报道，苹果高管曾讨论收购某AI公司的可能性。苹果服务业务负责人被视为推动收购的主要支持者。",
         []),
        # …but the passive is
        ("AI搜索公司Perplexity被苹果收购。", [("acquisition", "Perplexity")]),
        # a round the company once raised is background
        ("AI智能体公司Manus去年爆红，曾获红杉领投的7500万美元融资。", []),
        # a discount that ends and the list price back
        ("DeepSeek-V3的API自2月9日起恢复原价。", [("price_change", "DeepSeek")]),
    ],
)
def test_heldout23_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules, datetime(2025, 2, 7)) == sorted(expected)


def test_models_after_the_cue_with_a_date_of_their_own_take_it(gazetteer, rules):
    text = "阿里通义：周一开源全模态模型Qwen3-Omni；周三放出视觉模型Qwen3-VL，同样开放权重。"
    found = mentions_in_article(article(text, datetime(2025, 9, 28)), gazetteer, rules)
    dates = {(m.model, m.event_type): m.event_date.value for m in found}
    assert dates[("Qwen-Omni", "open_source")] == date(2025, 9, 22)
    assert dates[("Qwen-VL", "open_source")] == date(2025, 9, 24)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "新版本" in a clause telling a plan: the clause after goes on with the plan
        ("公司表示，星火大模型将于下月发布新版本，并同步推出面向政企的一体机方案。", []),
        # an edition word alone is no name
        ("火山引擎正式发布豆包大模型家族，包括通用模型Pro、通用模型Lite等多款模型。",
         [("release", "豆包")]),
        # background: since a launch, however far from 以来; the launch as a noun in a comment
        ("自2023年3月百度推出文心一言引发国内大模型热潮以来，相关概念股累计上涨逾3倍。", []),
        ("分析人士认为，Kimi K2的推出有望提振月之暗面的用户增长。", []),
        # numbered lines of a short owner's name, a colon and a model under a filing list
        ("首批通过备案的大模型名单今日公布。名单如下：\n1.百度：文心一言；\n2.智谱AI：ChatGLM。",
         [("filing", "ChatGLM"), ("filing", "文心一言")]),
        # an investment announced with its amount is decided; 向其 is the company named before
        ("数据标注公司Scale AI周四确认，Meta将向其投资约150亿美元。", [("funding", "Scale AI")]),
        ("软银计划将向OpenAI投资400亿美元。", []),
    ],
)
def test_heldout26_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules, datetime(2025, 6, 13)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 公司 before a service stands for the company the sentence is about
        ("甲乙科技6月11日在互动平台回复称，公司AI写作助手“丙丁笔”已完成生成式人工智能服务登记。",
         [("registration", "丙丁笔", "甲乙科技")]),
        ("甲乙科技（600000）晚间公告，公司“甲乙交通大模型”已于近日完成生成式人工智能服务备案。",
         [("filing", "甲乙交通", "甲乙科技")]),
        # the rest of a legal name, then 的 and what the service is
        ("上海市网信办通报新增登记应用，分别为：行吟信息科技（上海）有限公司的AI搜索应用“点点”。",
         [("registration", "点点", "小红书")]),
    ],
)
def test_heldout26_owners(gazetteer, rules, text, expected):
    assert owned(text, gazetteer, rules, datetime(2025, 6, 13)) == sorted(expected)


def test_a_wire_dateline_is_when_the_news_is_told(gazetteer, rules):
    text = "财联社2月19日电，月之暗面日前完成新一轮超10亿美元融资。"
    found = mentions_in_article(article(text, datetime(2024, 2, 19)), gazetteer, rules)
    assert [(m.event_type, m.event_date) for m in found] == [
        ("funding", EventDate(date(2024, 2, 1), "month"))]


def test_an_upgrade_without_a_version_is_the_versioned_one_the_story_tells(gazetteer, rules):
    text = "华为发布盘古大模型6.0，对五大基础模型进行全面升级，其中包括盘古Ultra深度思考模型。"
    assert versioned(text, gazetteer, rules) == [("upgrade", "盘古", "6.0")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a snapshot after the checkpoint's kind belongs to the version
        ("【开源】Kimi-K2-Instruct-0712 模型权重同步开源。",
         [("open_source", "Kimi", "K2-0712"), ("upgrade", "Kimi", "K2-0712")]),
    ],
)
def test_heldout24_versions(gazetteer, rules, text, expected):
    assert versioned(text, gazetteer, rules) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a table row's owner after the model it names is no flagship of its own
        ("某市新增备案信息如下：\n序号｜服务名称｜备案单位\n1｜可灵大模型｜北京快手科技有限公司",
         [("filing", "可灵")]),
        # numbered lines of a legal name, a comma and the name, under headings without a colon
        ("某省网信办公布第三批生成式人工智能服务备案及登记信息。\n一、新增备案（1款）\n"
         "（一）成都甲乙科技有限公司，甲乙客服大模型；\n二、新增登记（1款）\n"
         "（一）成都丙丁信息技术有限公司，丙丁AI教练；",
         [("filing", "甲乙客服"), ("registration", "丙丁AI教练")]),
        # an AI persona named in quotes after its noun; a Latin company opening the sentence
        ("Keep日前通过官方公众号宣布，旗下AI教练“卡卡”已完成生成式人工智能服务登记。",
         [("registration", "卡卡")]),
        # an API made free
        ("科大讯飞宣布讯飞星火API能力免费开放。", [("price_change", "讯飞星火")]),
    ],
)
def test_heldout24_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules, datetime(2025, 6, 10)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Keep日前通过官方公众号宣布，旗下AI教练“卡卡”已完成生成式人工智能服务登记。",
         [("registration", "卡卡", "Keep")]),
        # a product noun before the quotes names what it is, not who owns it; the list line's
        # owner is the clause before
        ("某省公布新增登记信息：\n（一）四川某某传媒有限公司，某某新闻AI助手“小川”。",
         [("registration", "小川", "四川某某传媒有限公司")]),
    ],
)
def test_heldout24_owners(gazetteer, rules, text, expected):
    assert owned(text, gazetteer, rules, datetime(2025, 6, 10)) == sorted(expected)


def test_a_dated_heading_line_dates_the_lines_after_it(gazetteer, rules):
    text = ("即梦AI 更新日志（2025年9月9日）\n"
            "【新功能】图片生成模型升级至Seedream 4.0，支持4K输出；\n"
            "【修复】修复部分机型上传失败的问题。")
    found = mentions_in_article(article(text, datetime(2025, 9, 12)), gazetteer, rules)
    assert [(m.model, m.version, m.event_date) for m in found] == [
        ("Seedream", "4.0", EventDate(date(2025, 9, 9), "day"))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a ranking is no open-sourcing; 开源第二代 still is one
        ("开源阵营中，Kimi K2与GLM-4.5排名最高，国产模型包揽开源前三。", []),
        ("深度求索宣布开源第二代MoE大模型DeepSeek-V2。",
         [("open_source", "DeepSeek"), ("upgrade", "DeepSeek")]),
        # time since a launch; recent news two days back stays news
        ("Llama 4发布一周多来，口碑持续发酵。", []),
        ("谷歌发布Gemini 3，距离Gemini 2.5发布仅过去8个月。", [("upgrade", "Gemini")]),
        # a campaign and a publishing platform are no models
        ("智谱还推出了GLM-4-Flash微调体验活动。", []),
        ("OpenAI宣布收购产品实验与功能发布平台Statsig。", [("acquisition", "Statsig")]),
        # a promise: "…后会开源"
        ("马斯克曾表示，待Grok 3成熟后会开源上一代Grok 2。", []),
        # 放出 a model, not 放出消息
        ("Meta周六放出了Llama 4系列首批模型。", [("upgrade", "Llama")]),
        ("有媒体放出消息称，OpenAI将发布GPT-5。", []),
        # a model after 通过 is the channel
        ("新功能将分别通过ChatGPT和API向用户开放。", []),
        # a period summed up
        ("今年以来，月之暗面先后推出Kimi K2、K2 Thinking等模型。", []),
        # open weights however many hubs are listed before 开放
        ("谷歌今天发布Gemma 3。模型权重已在Hugging Face、Kaggle和Ollama同步开放。",
         [("open_source", "Gemma"), ("upgrade", "Gemma")]),
        # lower-case names joined by hyphens after a model noun
        ("xAI上线编程模型grok-code-fast-1。", [("release", "grok-code-fast-1")]),
        ("OpenAI正式推出语音模型gpt-realtime。", [("release", "gpt-realtime")]),
    ],
)
def test_heldout25_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules, datetime(2025, 8, 31)) == sorted(expected)


def test_a_list_opened_by_qizhong_goes_on_over_commas(gazetteer, rules):
    text = ("3月20日，某省网信办公布新增一批已完成登记的生成式人工智能服务。"
            "其中，甲乙科技的“甲乙家”所调用的已备案模型为通义千问，丙丁软件的“丙丁财”调用HithinkGPT。")
    assert owned(text, gazetteer, rules, datetime(2025, 3, 21)) == [
        ("registration", "丙丁财", "丙丁软件"), ("registration", "甲乙家", "甲乙科技")]


def test_a_field_naming_a_known_model_after_its_company_is_that_model(gazetteer, rules):
    text = ("北京市网信办发布消息，新增备案如下：\n"
            "1. 北京小米移动软件有限公司，服务名称：小米大模型。")
    assert owned(text, gazetteer, rules, datetime(2024, 11, 5)) == [("filing", "MiLM", "小米")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name the gazetteer lacks, released with a version, is a new model under that name…
        ("某实验室发布语音翻译模型Lumen Talk 2.0，延迟降至两秒。", [("release", "Lumen Talk 2.0")]),
        ("乙公司发布并开源视频模型Vidar 2.0。",
         [("open_source", "Vidar 2.0"), ("release", "Vidar 2.0")]),
        # …unless the story tells of an earlier version
        ("甲公司发布行业大模型ZetaGPT 2.0。相比去年推出的首个版本，新版本推理能力更强。",
         [("upgrade", "ZetaGPT")]),
        ("丙公司发布ZetaGPT 2.0模型，新增多模态能力。", [("upgrade", "ZetaGPT")]),
        # list items with their owner's short name in brackets
        ("某省网信办公布新一批登记信息，知途问答（星河数科）、Moka助理（云帆软件）等2款应用在列。",
         [("registration", "Moka助理"), ("registration", "知途问答")]),
        # a name given by 名为…的
        ("影像公司Lumora周二推出名为Prism的新模型。", [("release", "Prism")]),
        # idioms of acquiring, and talks about one
        ("软件公司Acme周一宣布，已与对话式AI公司Voxa达成最终协议，将以5亿美元将其收入囊中。",
         [("acquisition", "Voxa")]),
        ("英伟达宣布以7亿美元把初创公司Foo AI纳入麾下。", [("acquisition", "Foo AI")]),
        ("英伟达正与初创公司Foo AI进行深入谈判，拟将其收入囊中。", []),
        # a name an earlier sentence introduced, named again on its own
        ("云墨科技旗下AI写作产品InkFlow自6月上线以来，用户数突破百万。"
         "公司同时披露，InkFlow已完成生成式人工智能服务登记。", [("registration", "InkFlow")]),
        # …with a version, where its versions are spoken of: an upgrade
        ("AI编程工具Quill迎来2.0版本。Quill母公司Inkwell今天发布Quill 2.0。",
         [("upgrade", "Quill")]),
        # the brand in brackets after a legal name owns the quoted service
        ("新增登记应用：杭州某某网络科技有限公司（星图）“星图AI导购”。",
         [("registration", "星图AI导购")]),
        # a company with a domain in its name
        ("推理平台nova.ai宣布完成5000万美元B轮融资。", [("funding", "nova.ai")]),
        # a catalogue of hosted models
        ("平台已上线FLUX.1 Kontext、Veo 3、可灵等数百个模型。", []),
        # what came before the news
        ("在此之前，该团队已先后开源了Qwen2.5和Qwen3。", []),
        # a count of deals; an open-sourcing as the time of what followed
        ("库克透露，苹果今年以来已收购约7家公司。", []),
        ("gpt-oss开放权重后，各大云厂商迅速跟进。", []),
        # opened to a long list of subscribers, a tool named after it
        ("xAI周一向iOS端SuperGrok和Premium+订阅用户开放视频生成工具Grok Imagine。",
         [("release", "Grok Imagine")]),
    ],
)
def test_heldout27_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules, datetime(2025, 8, 10)) == sorted(expected)


def test_a_brand_in_brackets_after_a_legal_name_owns_its_service(gazetteer, rules):
    text = "新增登记应用：杭州某某网络科技有限公司（星图）“星图AI导购”。"
    assert owned(text, gazetteer, rules, datetime(2025, 8, 1)) == [
        ("registration", "星图AI导购", "星图")]


def test_the_source_a_reporter_heard_from_owns_the_model(gazetteer, rules):
    text = "记者从顺丰科技获悉，其自研的物流大模型“丰语”日前通过国家网信办生成式人工智能服务备案。"
    assert owned(text, gazetteer, rules, datetime(2025, 8, 4)) == [("filing", "丰语", "顺丰科技")]


def test_a_name_told_again_keeps_the_owner_that_introduced_it(gazetteer, rules):
    text = ("云墨科技旗下AI写作产品InkFlow自6月上线以来，用户数突破百万。"
            "公司同时披露，InkFlow已完成生成式人工智能服务登记。")
    assert owned(text, gazetteer, rules, datetime(2025, 7, 31)) == [
        ("registration", "InkFlow", "云墨科技")]


def test_an_edition_opening_a_clause_stands_for_the_model_told_before(gazetteer, rules):
    text = "阿里云今日上线Qwen3高速版。即日起至9月1日，高速版享受五折特惠。"
    found = mentions_in_article(article(text, datetime(2025, 8, 1)), gazetteer, rules)
    prices = [(m.model, m.event_date.value) for m in found if m.event_type == "price_change"]
    # (即日起至9月1日: the offer's end is not its date)
    assert prices == [("通义千问", date(2025, 8, 1))]


def test_a_date_after_a_wires_dateline_is_the_events(gazetteer, rules):
    text = "浙江在线6月26日讯 昨天，中控技术在杭州发布时间序列大模型TPT。"
    found = mentions_in_article(article(text, datetime(2024, 6, 26)), gazetteer, rules)
    assert [(m.model, m.event_date.value) for m in found] == [("TPT", date(2024, 6, 25))]


def test_the_sentence_that_made_news_known_dates_it(gazetteer, rules):
    text = ("亚马逊已同意收购可穿戴设备初创公司Bee。"
            "7月22日，Bee联合创始人在领英上宣布了这一消息，交易金额未披露。")
    found = mentions_in_article(article(text, datetime(2025, 7, 23)), gazetteer, rules)
    assert [(m.event_type, m.organization, m.event_date.value) for m in found] == [
        ("acquisition", "Bee", date(2025, 7, 22))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a legal name given as the short name the story goes on with
        ("北京星澜智算科技有限公司宣布完成数亿元A轮融资。星澜智算由清华大学团队创立。",
         [("funding", "星澜智算")]),
        ("北京星澜智算科技有限公司宣布完成数亿元A轮融资。",
         [("funding", "北京星澜智算科技有限公司")]),
        # a weekday between a company and its verb
        ("南京本土数字人企业星澜智算周四宣布完成新一轮融资。", [("funding", "星澜智算")]),
        # launches summed up with no date of their own
        ("能源领域，国家电网、南方电网先后推出了光明电力大模型和“大瓦特”。", []),
        # 时间序列 and 流程工业 after 发布 are the model's description
        ("中控技术发布流程工业时间序列大模型TPT。", [("release", "TPT")]),
        # lines labelled 备案： and 登记：
        ("某市网信办7月14日发布公告，本季度新增备案2款、登记1款。\n"
         "备案：杭州某某科技有限公司“星图助手”；宁波某某网络有限公司“海曙问答”。\n"
         "登记：温州某某信息有限公司“瓯江AI”。",
         [("filing", "星图助手"), ("filing", "海曙问答"), ("registration", "瓯江AI")]),
    ],
)
def test_heldout28_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules, datetime(2025, 6, 10)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list opened without a separator, its owners' full names before their verbs
        ("某省网信办公布新增登记信息，完成登记的则有杭州星图网络科技有限公司推出的“星图问答助手”等。",
         [("registration", "星图问答助手", "杭州星图网络科技有限公司")]),
        ("本月新增登记的2款应用分别为星河航空股份有限公司的“星河客服小河”和成都锦城科技有限公司的“锦城质检助手”。",
         [("registration", "星河客服小河", "星河航空股份有限公司"),
          ("registration", "锦城质检助手", "成都锦城科技有限公司")]),
        ("国家网信办发布新一批备案信息，我省有1款服务入列：东湖大学研发的“灵眸”遥感大模型。",
         [("filing", "灵眸", "东湖大学")]),
        # a hospital of a known university is its own organisation
        ("上海交通大学医学院附属仁济医院与华为联合发布医疗大模型“仁心”。",
         [("release", "仁心", "上海交通大学医学院附属仁济医院")]),
        # what a model is built on does not own it
        ("星河软件近日在投资者互动平台表示，公司基于盘古大模型开发的“星河AI助手”已完成生成式人工智能服务登记。",
         [("registration", "星河AI助手", "星河软件")]),
    ],
)
def test_heldout28_owners(gazetteer, rules, text, expected):
    assert owned(text, gazetteer, rules, datetime(2025, 3, 21)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a filing announced is no release
        ("8月31日起，百度“文心一言”、商汤“商量SenseChat”等首批通过备案的大模型陆续官宣。",
         [("filing", "商量SenseChat"), ("filing", "文心一言")]),
        # what follows a deal, investors and launches summed up, a launch as a time
        ("光年之外是一家初创企业，收购完成后将成为美团的全资附属公司。", []),
        ("资料显示，星图机器人成立于2023年2月，今年以来已先后获得腾讯、京东等机构投资。", []),
        ("招股书提到，公司自2019年成立以来先后推出GLM-130B、ChatGLM、GLM-4等系列模型。", []),
        ("阶跃星辰成立于2023年4月，目前已推出Step系列通用大模型，并上线AI助手“跃问”。", []),
        ("Manus今年3月发布通用Agent产品后迅速走红。", []),
        ("从去年5月豆包主力模型将价格降至0.0008元/千tokens开始，各厂商先后跟进。", []),
        # the model an app calls is no name
        ("公司AI外贸助手已完成登记，所调用的底层大模型均已完成国家备案。", []),
        # a person's former employer is not what is bought
        ("OpenAI周三宣布，将以全股票交易方式收购苹果前首席设计官乔尼·艾维联合创立的AI硬件初创公司io。",
         [("acquisition", "io")]),
        # the lead of a round, announced
        ("阿斯麦周二宣布，将领投法国AI公司Mistral AI的C轮融资，投资13亿欧元。",
         [("funding", "Mistral AI")]),
        # a numbered list of short owners and dashes under 具体来看
        ("近日，多家上市公司相继披露，其自研大模型已通过国家网信办生成式人工智能服务备案。具体来看：\n"
         "1. 美亚柏科——天擎公共安全大模型；\n2. 容联云——赤兔大模型。",
         [("filing", "天擎公共安全"), ("filing", "赤兔")]),
    ],
)
def test_heldout30_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules, datetime(2025, 9, 10)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a listed company by its code, though its name is made of generic words
        ("视觉中国（000681）12月4日在互动易表示，公司打造的AI应用“元视觉AI”已于11月完成北京市生成式人工智能服务登记。",
         [("registration", "元视觉AI", "视觉中国")]),
        ("7月6日，港股上市公司创新奇智（02121.HK）发布工业大模型“奇智孔明”。",
         [("release", "奇智孔明", "创新奇智")]),
    ],
)
def test_heldout30_owners(gazetteer, rules, text, expected):
    assert owned(text, gazetteer, rules, datetime(2024, 12, 5)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a trigger word inside a name (购 in 购物) is no cue of its own: the list goes on
        ("杭州市网信办近日公布第三批已完成登记的生成式人工智能服务，盒马“盒马AI购物管家”、"
         "吉利汽车“吉利智能座舱助手”均在名单中。",
         [("registration", "吉利智能座舱助手"), ("registration", "盒马AI购物管家")]),
        # a list over commas, its verb after 均 at the end
        ("记者注意到，杭州某某网络科技有限公司——“阿福问诊”，杭州某某信息技术有限公司——“小禾写作”，"
         "杭州某某数据有限公司——“云帆客服”均已完成登记。",
         [("registration", "云帆客服"), ("registration", "小禾写作"),
          ("registration", "阿福问诊")]),
        # …but not items a clause of their own cue told
        ("百度发布了“文心快码”，杭州某某数据有限公司——“云帆客服”均已完成登记。",
         [("registration", "云帆客服"), ("release", "文心快码")]),
        # bullet lines of a quoted name, a dash and its owner's legal name
        ("成都市网信办日前公布新一批完成登记的生成式人工智能服务，本次新增2款：\n"
         "•“蓉城政务通”——成都某某科技有限公司\n•“天府文旅助手”——四川某某文化传媒有限公司",
         [("registration", "天府文旅助手"), ("registration", "蓉城政务通")]),
        # one clause counts both kinds, the next tells its own kind
        ("上海市网信办发布，本市新增6款服务完成备案、4款完成登记，其中商汤日日新大模型完成备案，"
         "小红书AI搜索“点点”完成登记。",
         [("filing", "日日新"), ("registration", "点点")]),
        # a company's model named after 公司 standing for the company
        ("拓尔思日前在投资者互动平台表示，公司拓天大模型已于2024年完成生成式人工智能服务备案。",
         [("filing", "拓天大模型")]),
        # a model noun and its name after 公布
        ("英伟达同日公布了机器人基础模型GR00T N2，可在多种机器人上运行。",
         [("release", "Isaac GR00T")]),
        ("网信办公布了第五批大模型备案名单。", []),
        # a new price stated by its figure
        ("优惠期结束后，该模型API自3月1日起调整为每百万输入tokens 1元。", []),
        ("智谱宣布，GLM-4-Air的API自5月1日起下调至每百万tokens 0.5元。",
         [("price_change", "ChatGLM")]),
    ],
)
def test_heldout29_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules, datetime(2025, 6, 20)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 将 before the version left behind, or before a described object, is no plan
        ("智谱将GLM-4.5更新为GLM-4.6，重点提升了编程能力。", [("upgrade", "ChatGLM", "4.6")]),
        ("字节跳动同日将视频生成模型升级至Seedance 2.0。", [("upgrade", "Seedance", "2.0")]),
        ("字节跳动将为开发者提供视频生成模型升级服务。", []),
        # an edition word before a generation number
        ("谷歌发布并开源轻量模型Gemma Nano 3，可在手机端运行。",
         [("open_source", "Gemma", "Nano 3"), ("upgrade", "Gemma", "Nano 3")]),
        ("亚马逊推出新一代Nova 2系列模型。", [("upgrade", "Amazon Nova", "2")]),
    ],
)
def test_heldout29_versions(gazetteer, rules, text, expected):
    assert versioned(text, gazetteer, rules) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a table of both kinds: each row's kind cell says which it is
        ("江苏省委网信办5月8日发布本省第三批生成式人工智能服务备案及登记信息：\n"
         "序号｜服务名称｜主体｜类型\n1｜紫金政务大模型｜南京某某科技有限公司｜备案\n"
         "2｜苏小助AI客服｜苏州某某网络有限公司｜登记",
         [("filing", "紫金政务"), ("registration", "苏小助AI客服")]),
        # a deal told as what came before the news
        ("对于收购传闻，智谱方面回应称不予置评。此前，阿里巴巴已于去年领投月之暗面的B轮融资。", []),
        ("早前，字节跳动完成了对某AI绘画工具公司的收购。", []),
    ],
)
def test_heldout31_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules, datetime(2025, 5, 9)) == sorted(expected)


def test_a_filing_told_of_the_model_just_launched_keeps_its_own_date(gazetteer, rules):
    text = ("国家电网9月3日在北京发布电力行业大模型“光明电力”。据介绍，该模型此前已完成国家生成式"
            "人工智能服务备案，并在多家省公司试点应用。")
    found = mentions_in_article(article(text, datetime(2025, 9, 4)), gazetteer, rules)
    assert sorted((m.event_type, m.model, m.event_date) for m in found) == [
        ("filing", "光明电力大模型", None),
        ("release", "光明电力大模型", EventDate(date(2025, 9, 3), "day")),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person's university before the company the person founded owns nothing
        ("11月12日，清华大学教授创办的初创公司Liquid AI正式推出面向手机和汽车的"
         "首款端侧多模态模型LFM3。",
         [("release", "LFM3", "Liquid AI")]),
        # the source a reporter heard from, a bureau with a long name
        ("记者从广东省政务服务和数据管理局获悉，政务助手“粤省心”已完成生成式人工智能服务登记。",
         [("registration", "粤省心", "广东省政务服务和数据管理局")]),
        # a state oil company the gazetteer knows
        ("中国海油昨日在北京发布“海能”人工智能模型。", [("release", "海能", "中国海油")]),
    ],
)
def test_heldout31_owners(gazetteer, rules, text, expected):
    assert owned(text, gazetteer, rules, datetime(2025, 11, 13)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the pro tier of a model is that model upgraded; a mini is a model of its own
        ("OpenAI昨日面向Pro用户推出o1-pro。", [("upgrade", "o1", "pro")]),
        ("OpenAI昨日推出o1-mini。", [("release", "o1", None)]),
        # an edition word an alias adds opens the version of the number after it
        ("Mistral AI周三发布Mistral Large 3。", [("upgrade", "Mistral", "Large 3")]),
        # an edition after the version an upgrade cue names
        ("百度昨日宣布，文心大模型迭代至4.5 Turbo版本。", [("upgrade", "文心一言", "4.5 Turbo")]),
        # a date is no version, and work going on is no upgrade
        ("新版Claude知识截止日期更新至2025年3月。", []),
        ("公司表示将不断推进盘古大模型的迭代升级。", []),
        ("智谱正在积极开展GLM系列模型的升级更新。", []),
        # an MoE model's active parameters name it
        ("阿里开源Qwen3-30B-A3B。",
         [("open_source", "通义千问", "3"), ("upgrade", "通义千问", "3")]),
    ],
)
def test_heldout32_versions(gazetteer, rules, text, expected):
    assert versioned(text, gazetteer, rules) == sorted(expected)


def test_an_alias_with_active_parameters_is_a_version(gazetteer):
    (match,) = [m for m in gazetteer.find(simplify("开源Hunyuan-A13B")) if m.entry.kind == "model"]
    assert (match.entry.name, match.version) == ("混元", "A13B")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a look back, a path from one launch to the next, what came before, what once was
        ("回顾今年，3月字节跳动开源了豆包1.5，随后腾讯发布混元T1。", []),
        ("从2023年11月推出Yi-34B，到今年5月发布Yi-Large，零一万物的路线几经调整。", []),
        ("此前，面壁智能已开源MiniCPM-V 4.0。", []),
        ("此前，小红书的大模型以“点点”之名于去年通过登记。", []),
        ("今年1月，智谱曾在杭州举行的年度技术开放日上发布GLM-4-Plus和GLM-4V-Plus两款模型。", []),
        # …but an announced price change told after 此前 stays news
        ("此前，腾讯已宣布混元Lite自5月22日起全面免费。", [("price_change", "混元")]),
        # a strategy is no act of open-sourcing
        ("分析师认为，DeepSeek-R1训练成本低，其开源策略正在重塑行业格局。", []),
        # a quoted name after 技术, a Latin name after 框架
        ("百度在大会上发布文生图技术“文心千帆绘”。", [("release", "文心千帆绘")]),
        ("阿里8月5日开源图像编辑框架Qwen-ImageStudio。", [("open_source", "Qwen-ImageStudio")]),
        # a first launch dated in an earlier year is background
        ("公告显示，书生大模型于2023年7月首次对外发布，覆盖科研、教育等场景。", []),
        # new products brought out, not a benefit brought
        ("智谱在发布会上带来两款新品：GLM-4.6和视觉模型GLM-4.6V。", [("upgrade", "ChatGLM")]),
        ("大模型为制造业带来了新的增长空间。", []),
        # open weights told before the names a release verb then gives
        ("周二，Meta再次放出开放权重模型，发布Llama 5-8B和Llama 5-70B两款模型。",
         [("open_source", "Llama"), ("upgrade", "Llama")]),
    ],
)
def test_heldout33_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules, datetime(2025, 9, 20)) == sorted(expected)


def test_an_event_recalled_by_its_month_long_ago_is_no_news(gazetteer, rules):
    text = ("智谱12月20日宣布完成新一轮融资。2024年3月，智谱发布GLM-4并完成一轮由多家国资机构参与的"
            "融资。")
    assert events(text, gazetteer, rules, datetime(2025, 12, 21)) == [("funding", "智谱AI")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a preview of a version is that version; of an edition, it is kept
        ("阿里推出视频生成模型Wan2.5-preview。", [("upgrade", "通义万相", "2.5")]),
        ("百度发布文心5.0 Preview。", [("upgrade", "文心一言", "5.0")]),
    ],
)
def test_heldout33_versions(gazetteer, rules, text, expected):
    assert versioned(text, gazetteer, rules) == sorted(expected)


def test_a_scene_link_reaches_past_an_undated_paragraph_opening(gazetteer, rules):
    text = ("谷歌于当地时间12月10日发布Gemini 3.5。\n谷歌称，新模型在多项测试中位居第一。"
            "同日，谷歌还推出AI编程平台Google Jules Studio。\n"
            "价格方面，Gemini 3 Pro的API再度降价30%。")
    found = mentions_in_article(article(text, datetime(2025, 12, 11)), gazetteer, rules)
    assert {(m.event_type, m.event_date.value) for m in found} == {
        ("upgrade", date(2025, 12, 10)), ("release", date(2025, 12, 10)),
        ("price_change", date(2025, 12, 10))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a numbered line of an institution and a comma keeps the list going
        ("江苏省网信办近日公布第三批生成式人工智能服务备案信息，部分名单如下：\n"
         "1. 南京云问科技有限公司，云问客服大模型；\n2. 东南大学（无锡），东大智审；\n"
         "3. 苏州思必驰数据有限公司，姑苏政务助手。",
         [("filing", "东大智审"), ("filing", "云问客服"), ("filing", "姑苏政务助手")]),
        # a legal name with its brand in brackets before the dash
        ("北京市新增2款已完成备案的服务，新增服务如下：\n"
         "1. 北京循环智能科技有限公司（DeepLoop）——Loop大模型；\n"
         "2. 北京妙笔数据有限公司——“妙笔写作”。",
         [("filing", "Loop"), ("filing", "妙笔写作")]),
        # each clause of a sentence naming both kinds holds its own
        ("福建省网信办公布新一批备案和登记情况。新增备案1款：福州某某科技有限公司的“闽医通大模型”；"
         "新增登记1款：厦门某某网络有限公司的“鹭岛助手”。",
         [("filing", "闽医通"), ("registration", "鹭岛助手")]),
        # 具体为： opens the list after a count of the batch
        ("江西省网信办日前公布新一批已完成登记的生成式人工智能服务。本批次共2款应用，均调用已备案的"
         "大模型，具体为：有赞的“店铺智能体”以及南昌某某有限公司的“洪城办事通”。",
         [("registration", "店铺智能体"), ("registration", "洪城办事通")]),
    ],
)
def test_heldout34_35_lists(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules, datetime(2025, 6, 20)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a programme named 计划 is no plan; 释出 is a release, free download open weights
        ("新加坡“国家多模态大模型计划（NMLP）”3日正式释出以Llama 3为基础的SEA-LION-v3模型，"
         "开放各界免费下载。",
         [("open_source", "SEA-LION-v3"), ("release", "SEA-LION-v3")]),
        # 公开了…模型 with the name after it
        ("韩国Upstage公司12日公开了新一代小语言模型“Solar Pro 2”。", [("release", "Solar Pro 2")]),
        # a Latin name of several words found again in a later sentence
        ("意大利Almawave公司推出推理模型Velvet Core。Velvet Core的权重、训练数据和代码已全部公开。",
         [("open_source", "Velvet Core"), ("release", "Velvet Core")]),
        # what powers an app is no launch of its own
        ("沙特某公司推出对话应用“Najd Chat”，该应用由其大模型Najd 70B驱动，首先向本地用户开放。",
         [("release", "Najd Chat")]),
        # a cloud serving a model is no launch of the model
        ("某云与某平台联合首发并上线基于昇腾云服务的DeepSeek R1/V3推理服务。", []),
        # a teaser
        ("可灵官方微博发布倒计时海报，并预告“全新升级即将揭晓，敬请期待”。", []),
        # a sandbox, and a sector word before a model noun, are no names
        ("新加坡金管局8月13日推出“生成式人工智能沙盒”。", []),
        ("某某科技表示，这是设计领域较早一批完成备案的垂类大模型。", []),
        # the acquired company's side of a completed deal
        ("以色列初创公司Deci宣布，公司已正式成为英伟达的一部分。", [("acquisition", "Deci")]),
        # a comment ranking the deal is no deal of its own
        ("这是该公司成立以来规模最大的一笔收购。", []),
    ],
)
def test_heldout35_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules, datetime(2025, 6, 20)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 向 reaches the funded company across a long description of it
        ("微软宣布向阿联酋人工智能公司G42投资15亿美元。", [("funding", "G42", "G42")]),
        # a company after 巨头 or 集团; an institution after who leads it
        ("日本电信巨头KDDI于20日发布新一代大模型“Ruri 2”。", [("release", "Ruri 2", "KDDI")]),
        ("由新加坡国立大学牵头的东南亚语言模型研究中心（SEALC）日前发布大模型“SEAL V1”。",
         [("release", "SEAL V1", "东南亚语言模型研究中心")]),
        # a model another is built on does not own it
        ("某研究院释出以Llama 2为基础的Taiyi-7B模型。", [("release", "Taiyi-7B", None)]),
    ],
)
def test_heldout35_owners(gazetteer, rules, text, expected):
    assert owned(text, gazetteer, rules, datetime(2025, 6, 20)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the word an alias adds opens the version: Mistral Large 2 is "Large 2"
        ("Mistral AI发布新一代旗舰模型Mistral Large 2。", [("upgrade", "Mistral", "Large 2")]),
        # a yardstick clause goes on with the model before it
        ("价格方面，文心4.5 Turbo每百万token输入价格低至0.8元，相比文心4.5价格直降80%。",
         [("price_change", "文心一言", "4.5 Turbo")]),
    ],
)
def test_heldout34_35_versions(gazetteer, rules, text, expected):
    assert versioned(text, gazetteer, rules) == sorted(expected)


def test_a_new_price_list_takes_effect_at_a_long_stated_time(gazetteer, rules):
    text = "DeepSeek开放平台将于北京时间2025年9月6日0点起执行新价格表。"
    found = mentions_in_article(article(text, datetime(2025, 8, 21)), gazetteer, rules)
    assert [(m.event_type, m.event_date) for m in found] == [
        ("price_change", EventDate(date(2025, 9, 6), "day"))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an app named by its Latin name after AI服务, a capital set apart closing it
        ("Naver同时上线基于该模型的对话式AI服务CUE X（测试版）。", [("release", "CUE X")]),
        # 两者 stands for the models just launched
        ("Upstage 15日公开了新一代模型“Solar Pro 2”。据介绍，该模型分为专业版和轻量版，两者均已在"
         "Hugging Face上开放。", [("open_source", "Solar Pro 2"), ("release", "Solar Pro 2")]),
        # AI and a version after a Latin name: a model, not a company
        ("韩国科技公司宣布开源日语大模型Sakana AI 3.0，模型可在Hugging Face下载。",
         [("open_source", "Sakana AI 3.0")]),
        # a platform launching a tier launches no model
        ("其开发者平台Studio推出免费层级，开发者无需付费即可微调模型。", []),
        # published by open-sourcing: the open-sourcing only
        ("韩国Kakao今日宣布，将轻量模型“Kanana Nano 2.1B”以开源形式发布在Hugging Face上。",
         [("open_source", "Kanana Nano 2.1B")]),
        # open weights under a licence, told as an attribute of a version launched with its series
        ("Mistral AI发布推理模型系列Magistral，以及基于Apache 2.0许可证开源的版本Magistral Small。",
         [("open_source", "Magistral"), ("release", "Magistral")]),
    ],
)
def test_heldout35_more_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules, datetime(2025, 6, 20)) == sorted(expected)


def test_a_country_and_a_list_number_are_no_part_of_a_company_name(gazetteer, rules):
    text = "2. 日本丰田集团12日宣布开源日语大模型Sarashina AI 2.0。"
    assert owned(text, gazetteer, rules, datetime(2025, 6, 20)) == [
        ("open_source", "Sarashina AI 2.0", "丰田集团")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quoted name an earlier sentence introduced, repeated alone with a cue
        ("美团今天宣布，旗下AI出行助手“小团向导”在美团App内全量上线。官方同时披露，“小团向导”已于"
         "近日完成生成式人工智能服务登记。",
         [("registration", "小团向导"), ("release", "小团向导")]),
        # open weights told of the models just launched, by what the sentence says of them
        ("某实验室正式发布推理模型Kairos。Base模型与对话模型均已在Hugging Face开源。",
         [("open_source", "Kairos"), ("release", "Kairos")]),
        ("某实验室正式发布推理模型Kairos。模型采用Apache 2.0协议，已在魔搭社区开源。",
         [("open_source", "Kairos"), ("release", "Kairos")]),
        # weights put up on a hub
        ("Sand AI发布视频生成模型MAGI-2，并把全部模型权重放上了GitHub。",
         [("open_source", "MAGI-2"), ("release", "MAGI-2")]),
        # a claim in quotes going round is a rumour
        ("“月之暗面被腾讯收购”的消息昨天在朋友圈刷屏。", []),
        # a filing announced (官宣) is no release
        ("多家公司通过公众号“官宣”首批通过备案：智谱清言在列。", [("filing", "智谱清言")]),
        # time since a launch; speculation; the apps a model went live in
        ("据第三方数据，Kimi应用上线20天日活已突破500万。", []),
        ("有网友扒出代码，疑似GPT-5.5已进入上线前的准备阶段。", []),
        ("字节跳动推出图像模型Seedream 5.0，即梦、豆包已陆续上线。", [("upgrade", "Seedream")]),
        # a site after its noun
        ("xAI旗下AI百科网站Wikipaedia正式上线。", [("release", "Wikipaedia")]),
    ],
)
def test_heldout36_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules, datetime(2025, 6, 20)) == sorted(expected)


def test_a_price_fall_against_a_yardstick_and_a_price_list_after_its_date(gazetteer, rules):
    text = ("百度4月25日发布文心大模型4.5 Turbo。价格方面，文心4.5 Turbo每百万token输入价格0.8元，"
            "相比文心4.5下降80%。\n公告还提到：自北京时间2025年5月6日0点起，开放平台API将执行新的"
            "价格表。")
    found = mentions_in_article(article(text, datetime(2025, 4, 25)), gazetteer, rules)
    assert sorted((m.event_type, m.event_date.value) for m in found
                  if m.event_type == "price_change") == [
        ("price_change", date(2025, 4, 25)), ("price_change", date(2025, 5, 6))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline's event the story tells too is the story's, dated by it
        ("【Meta收购AI初创公司Lumio】财联社12月30日电，Meta当地时间周一宣布，已达成协议收购"
         "AI初创公司Lumio。", [("acquisition", "Lumio", date(2025, 12, 29))]),
        ("【月之暗面完成新一轮融资】据36氪报道，大模型公司月之暗面近日完成新一轮超10亿美元融资。",
         [("funding", "月之暗面", date(2025, 12, 1))]),
        # a headline's event alone takes the date of the story's first sentence
        ("【腾讯混元T2正式版上线】腾讯12月21日宣布，混元深度思考模型T2正式版已在腾讯云官网上线。",
         [("upgrade", "混元", date(2025, 12, 21))]),
        # a headline's short name does not make an event of its own
        ("【OpenAI推出智能体“深度调研”】当地时间12月2日，OpenAI宣布推出新智能体Deep Survey"
         "（深度调研），先向Pro用户开放。", [("release", "Deep Survey", date(2025, 12, 2))]),
    ],
)
def test_heldout37_headlines(gazetteer, rules, text, expected):
    found = mentions_in_article(article(text, datetime(2025, 12, 30)), gazetteer, rules)
    assert sorted({(m.event_type, m.model or m.organization,
                    m.event_date.value if m.event_date else None) for m in found}) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a launch as the subject of a forecast
        ("【某证券：DeepSeek R3发布有望催化AI应用行情】", []),
        # what self-media claim
        ("此前有自媒体称腾讯拟以50亿美元入股智谱。", []),
        # 正式版 after a version label: an upgrade to it
        ("DeepSeek发布V4正式版。", [("upgrade", "DeepSeek")]),
    ],
)
def test_heldout37_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules, datetime(2025, 4, 24)) == sorted(expected)


def test_a_founders_former_lab_owns_nothing_of_the_company(gazetteer, rules):
    text = "由前谷歌研究院研究员张三创立的初创公司Vela AI于4月21日发布视频生成大模型VELA-1。"
    assert owned(text, gazetteer, rules, datetime(2025, 4, 22)) == [
        ("release", "VELA-1", "Vela AI")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # owners that are local government bodies and institutions, in list lines and clauses
        ("12月5日，上海市委网信办发布新一批已完成登记的生成式人工智能服务。其中包括：上海某某银行股份"
         "有限公司——“浦小智”；上海市长宁区数据局——“长宁通”政务助手。",
         [("registration", "长宁通", "上海市长宁区数据局"), ("registration", "浦小智", None)]),
        ("浙江省委网信办近日公布新一批完成登记的服务。杭州市西湖区人民政府办公室的“西湖宝”等均在其列。",
         [("registration", "西湖宝", "杭州市西湖区人民政府办公室")]),
        ("8月8日，广东省委网信办公布第六批完成备案的服务，具体为：\n（一）广州市儿童医疗中心，"
         "“启明”儿科大模型；\n（二）广州视睿电子科技股份有限公司，视睿教学大模型。",
         [("filing", "启明", "广州市儿童医疗中心"), ("filing", "视睿教学", None)]),
        ("成都市城市运行中心8月16日正式发布城市级大模型“锦城智脑”。",
         [("release", "锦城智脑", "成都市城市运行中心")]),
        ("中国大唐日前正式发布电力行业大模型“唐智”。", [("release", "唐智", "中国大唐")]),
        ("海尔智家在青岛正式发布家电大模型HomeGPT。", [("release", "HomeGPT", "海尔智家")]),
        ("11月8日，由法律出版社联合多家单位研发的“法言大模型”在京发布。",
         [("release", "法言", "法律出版社")]),
        ("医疗大模型企业医渡科技3月18日宣布完成数亿元C轮融资。",
         [("funding", "医渡科技", "医渡科技")]),
        ("京东健康随后确认，已完成对春雨医生的收购。", [("acquisition", "春雨医生", "春雨医生")]),
    ],
)
def test_heldout38_owners(gazetteer, rules, text, expected):
    # (an owner of None: the event is found, whoever the owner is taken to be)
    found = owned(text, gazetteer, rules, datetime(2025, 6, 20))
    assert [(kind, name) for kind, name, _ in found] == sorted((k, n) for k, n, _ in expected)
    assert {e for e in expected if e[2] is not None} <= set(found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plan with its time reaches its verb however far
        ("据悉，华山医院计划今年上半年将该模型向全国医疗机构开源。", []),
        # a comment joining a price war names no model; an API made free from today
        ("继字节、阿里之后，科大讯飞也加入大模型降价行列。", []),
        ("在灵医大模型发布满一年之际，百度健康宣布，即日起灵医大模型API面向基层医疗机构免费开放。",
         [("price_change", "灵医大模型")]),
        # what a quoted name after a model noun is, is no name of its own
        ("中国气象局正式发布两款气象大模型：全球中期天气预报大模型“风清”、短临预报大模型“风雷”。",
         [("release", "风清"), ("release", "风雷")]),
        # "这是…首个通过…备案的大模型" tells the launched model's filing, undated by the launch
        ("8月28日，中国石化在北京发布炼化大模型“长城”，这是石化行业首个通过国家生成式人工智能服务"
         "备案的大模型。", [("filing", "长城"), ("release", "长城")]),
        # a numbered line that names nothing readable leaves the list open
        ("湖北省委网信办消息，我省又有3款服务通过国家备案：\n1. 武汉大学：“珞珈灵感”遥感大模型；\n"
         "2. 个人开发者张三：某工具；\n3. 长江证券股份有限公司：“长江智投”。",
         [("filing", "珞珈灵感"), ("filing", "长江智投")]),
    ],
)
def test_heldout38_kinds(gazetteer, rules, text, expected):
    assert events(text, gazetteer, rules, datetime(2025, 6, 20)) == sorted(expected)


def test_a_filing_told_after_a_launch_in_its_sentence_is_not_dated_by_the_launch(gazetteer, rules):
    text = ("8月28日，中国石化在北京发布炼化大模型“长城”，这是石化行业首个通过国家生成式"
            "人工智能服务备案的大模型。")
    found = mentions_in_article(article(text, datetime(2025, 8, 29)), gazetteer, rules)
    assert sorted((m.event_type, m.event_date) for m in found) == [
        ("filing", None), ("release", EventDate(date(2025, 8, 28), "day"))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list by the kind of its members' owners
        ("首批通过备案的大模型名单揭晓。北京企业包括百度文心一言、智谱AI的ChatGLM；上海企业则有"
         "商汤日日新。", [("filing", "ChatGLM", None), ("filing", "文心一言", None),
                         ("filing", "日日新", None)]),
        # the new version a sentence without events names is what "新模型" stands for
        ("月之暗面今天宣布Kimi K2模型迎来版本更新。新版本Kimi-K2-Instruct-0905将上下文长度扩展至"
         "256K。新模型权重已在Hugging Face开源。",
         [("open_source", "Kimi", "K2-0905"), ("upgrade", "Kimi", "K2-0905")]),
        # a name of three capitalised words after a model noun, not an edition after two
        ("Meta开源了研究模型Code World Model（CWM）。",
         [("open_source", "Code World Model", None)]),
        ("字节跳动发布扩散语言模型Seed Diffusion Preview。", [("release", "Seed Diffusion", None)]),
        # a model opened to subscribers by its name right after; the one it replaces
        ("OpenAI向ChatGPT Pro和Team用户开放o3-pro，取代此前的o1-pro，API也同步上线。",
         [("upgrade", "o3", "pro")]),
        # a brand and a dot before a model noun; the apps a model went live in
        ("字节跳动正式发布豆包·图像创作模型Seedream 4.0，已在即梦、豆包及火山引擎上线。",
         [("upgrade", "Seedream", "4.0")]),
        # a site the model went live on
        ("腾讯发布生图模型混元图像3.0。该模型现已上线腾讯混元官网。",
         [("upgrade", "HunyuanImage", "3.0")]),
        # a price cut's anniversary
        ("豆包大模型降价满一年，价格战进入新阶段。", []),
    ],
)
def test_heldout39_kinds(gazetteer, rules, text, expected):
    assert versioned(text, gazetteer, rules) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a version an app "receives" is its upgrade
        ("编程助手Trae昨日迎来2.0版本，新增SOLO模式。", [("upgrade", "Trae", "2.0")]),
        # plans and tiers repriced, a free edition launched, free now where it was paid before,
        # the old price set against the new one
        ("文心快码昨日调整会员收费方案：个人专业版每月39元。",
         [("price_change", "文心快码", None)]),
        ("字节跳动昨日宣布推出Trae免费版，所有开发者均可使用。", [("price_change", "Trae", None)]),
        ("秘塔AI搜索即日起向所有用户免费开放，此前仅限付费会员使用。",
         [("price_change", "秘塔AI搜索", None)]),
        ("新推出的基础套餐每月仅需9.9元，而此前通义灵码专业版的定价为每月59元。",
         [("price_change", "通义灵码", None)]),
        # a priced tier, a device named after a model, an extension named last: no launch of a model
        ("Kimi同时推出每月49元的Kimi会员，可优先使用长思考模式。", []),
        ("字节跳动昨日发布豆包AI耳机Ola Friend，内置豆包大模型。", []),
        ("腾讯云CodeBuddy同步推出JetBrains插件。", []),
        ("Replit当天还推出全新云端IDE。", []),
        # a development environment named after its noun; a name made for a host product
        ("谷歌昨日推出AI开发环境Firebase Studio，可在浏览器中搭建全栈应用。",
         [("release", "Firebase Studio", None)]),
        ("微软昨日推出Copilot for Security，帮助安全团队分析威胁。",
         [("release", "Copilot for Security", None)]),
        # an open agent launched; code put on a hub
        ("All Hands AI昨日推出开源编程智能体OpenHands。",
         [("open_source", "OpenHands", None), ("release", "OpenHands", None)]),
        ("微软昨日发布命令行编辑器Edit，源代码已发布在GitHub上。",
         [("open_source", "Edit", None), ("release", "Edit", None)]),
        # a path told from one launch to the next after a colon
        ("开源模型的竞争愈发激烈：从Meta发布Llama 2，到Mistral开源Mixtral，再到阿里推出Qwen3，"
         "开发者选择越来越多。", []),
    ],
)
def test_heldout40_kinds(gazetteer, rules, text, expected):
    assert versioned(text, gazetteer, rules) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a field's name starting with 一 (not a classifier after it)
        ("天津市网信办公布新一批已完成备案的服务：\n"
         "1. 天津一览智能科技有限公司，服务名称：一览AI；\n"
         "2. 天津某某科技有限公司，服务名称：津小智。",
         [("filing", "一览AI", "天津一览智能科技有限公司"),
          ("filing", "津小智", "天津某某科技有限公司")]),
        # items counted out with their owners' legal names
        ("江苏省网信办近日公布第三批已完成登记的生成式人工智能服务，共2款：一是南京云帆科技有限公司的"
         "AI客服“云帆小助”，二是苏州远景软件有限公司的写作应用“远景笔记”。",
         [("registration", "云帆小助", "南京云帆科技有限公司"),
          ("registration", "远景笔记", "苏州远景软件有限公司")]),
    ],
)
def test_heldout40_lists(gazetteer, rules, text, expected):
    assert owned(text, gazetteer, rules, datetime(2025, 6, 20)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Latin name with a lower-case version named again; a deadline dates nothing
        ("语音公司Sesame当地时间6月5日推出语音模型Maya v2，支持多人对话。Sesame表示，6月底前在其"
         "网页端使用Maya v2可享受限时5折优惠。",
         [("price_change", "Maya v2", "2025-06-05"), ("release", "Maya v2", "2025-06-05")]),
        # the acquired company joining its buyer, the deal told after it
        ("AI搜索公司Exa近日在官网宣布，已正式并入Cohere，双方的收购交易已于本月完成。",
         [("acquisition", "Exa", "2025-06-01")]),
        # a free period ended; billing changed; an edition repriced after 将
        ("编程工具Trae宣布结束免费公测，正式推出付费订阅方案。", [("price_change", "Trae", None)]),
        ("6月16日，文心快码将专业版由按次数收费改为按tokens用量计费。",
         [("price_change", "文心快码", "2025-06-16")]),
        # a change answered for; the filed model an app calls; a launch told by its month alone
        ("Anysphere近日就定价调整公开致歉，并承诺为受影响用户退款。", []),
        ("该公司旗下AI客服“小蜜”已完成登记，其调用的是集团自研并已完成备案的“通义千问”。",
         [("registration", "小蜜", None)]),
        ("Kimi于今年5月发布，上线后用户增长迅速。", []),
        # Alibaba's Chinese name of its vision models
        ("阿里云宣布年度第三轮大模型降价：通义千问视觉理解模型全线降价超80%。",
         [("price_change", "Qwen-VL", None)]),
    ],
)
def test_heldout41_money(gazetteer, rules, text, expected):
    found = mentions_in_article(article(text, datetime(2025, 6, 20)), gazetteer, rules)
    assert sorted({(m.event_type, m.model or m.organization,
                    m.event_date and m.event_date.value.isoformat()) for m in found}) == expected


def test_a_legal_name_of_a_subsidiary_is_its_group(gazetteer, rules):
    text = "北京市网信办公布新增登记服务：\n1. 北京字跳网络技术有限公司，服务名称：醒图AI修图；"
    assert owned(text, gazetteer, rules) == [("registration", "醒图AI修图", "字节跳动")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the list after 分别是：, in a sentence whose filed models are only what the apps call
        ("上海市网信办近日发布公告，新增2款已完成登记的生成式人工智能服务。两款服务均调用已备案大模型，"
         "分别是：上海米哈游科技有限公司的“米游AI”、上海小红书科技有限公司的“点点AI”。",
         "2024-09-20",
         [("registration", "点点AI", "2024-09-01"), ("registration", "米游AI", "2024-09-01")]),
        # a period of months read past for the notice's day
        ("上海市网信办1月7日发布公告：2024年10月至12月，上海市新增已备案服务2款：\n"
         "（一）上海某某科技有限公司，服务名称：星辰写作；\n"
         "（二）上海某某智能科技有限公司，服务名称：云帆问答。", "2025-01-08",
         [("filing", "云帆问答", "2025-01-07"), ("filing", "星辰写作", "2025-01-07")]),
        # the model's age is no date of the event
        ("阿里巴巴周六宣布，已将去年的旗舰模型Qwen2开源，权重已上传至Hugging Face。", "2025-08-24",
         [("open_source", "通义千问", "2025-08-23"), ("upgrade", "通义千问", "2025-08-23")]),
        # recounted in an interview; a launch at last year's event
        ("在接受采访时，智谱CEO张鹏回顾称，公司成立仅一年便放出了ChatGLM-6B。", "2025-06-20", []),
        ("去年的云栖大会上，阿里云推出了通义万相。", "2025-10-28", []),
    ],
)
def test_heldout42_lists_and_dates(gazetteer, rules, text, published, expected):
    found = mentions_in_article(article(text, datetime.fromisoformat(published)), gazetteer, rules)
    assert sorted({(m.event_type, m.model,
                    m.event_date and m.event_date.value.isoformat()) for m in found}) == expected


def test_an_edition_of_an_edition_is_a_version_of_its_own(gazetteer, rules):
    text = "谷歌周二宣布Gemini 2.5 Flash正式上线，同时推出预览版Gemini 2.5 Flash-Lite。"
    assert versioned(text, gazetteer, rules) == [
        ("upgrade", "Gemini", "2.5 Flash"), ("upgrade", "Gemini", "2.5 Flash-Lite")]


def test_a_deal_announced_right_before_its_plan_word_is_decided(gazetteer, rules):
    # (with or without its terms, and with or without a comma after 宣布)
    assert events("云服务商Lambda周三宣布，将收购AI推理公司Baseten。", gazetteer, rules) == [
        ("acquisition", "Baseten")]
    assert events("英伟达宣布将收购AI软件公司Run:ai。", gazetteer, rules) == [
        ("acquisition", "Run:ai")]
    assert events("英伟达计划将收购AI软件公司Run:ai。", gazetteer, rules) == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a time still to come in a headline; a launch hard to come
        ("【Sora安卓版最快下月上线】据报道，OpenAI计划推出Sora安卓版。", "2025-12-22", []),
        ("据知情人士透露，国行版Apple Intelligence仍在等待审批，短期内难以上线。", "2025-12-22",
         []),
        # a CamelCase name right after the verb, its weights in the next sentence
        ("谷歌周四发布CodeWeaver，可在端侧设备本地运行。模型权重已在Hugging Face开放下载。",
         "2025-12-19", [("open_source", "CodeWeaver", "Google", None),
                        ("release", "CodeWeaver", "Google", None)]),
        # a product glossed by its brand in brackets is more than the brand's model
        ("Anthropic当地时间周三推出Claude Finance（Claude金融版），面向金融分析师。", "2026-01-08",
         [("release", "Claude Finance", "Anthropic", None)]),
        # one of a class is no name
        ("途虎养车近日宣布，其自研大模型“途虎小虎”已通过备案，成为行业内较早完成备案的养车大模型之一。",
         "2025-12-29", [("filing", "途虎小虎", "途虎养车", None)]),
        # the target of a deal: a Latin name after 对, a legal name with its stake, a name glossed
        ("思科周一宣布已完成对Splunk的收购。", "2025-12-16",
         [("acquisition", "Splunk", "Splunk", None)]),
        ("某科技（300624）12月30日晚间公告，公司拟以自有资金1.6亿元收购杭州某某数智科技有限公司100%股权。",
         "2025-12-31",
         [("acquisition", "杭州某某数智科技有限公司", "杭州某某数智科技有限公司", None)]),
        ("xAI已通过全股票交易收购X（原推特）。", "2025-03-29", [("acquisition", "X", "X", None)]),
        # a fund as a company noun
        ("量化私募九章资产近日发布代码大模型DeepCoder-Q1。", "2026-01-04",
         [("release", "DeepCoder-Q1", "九章资产", None)]),
        # a company's label standing for its one general model (MiniMax's other rows are apps)
        ("今日上午，MiniMax正式推出M2.5模型，同步在Hugging Face开放权重。", "2025-12-23",
         [("open_source", "abab", "稀宇科技", "M2.5"), ("upgrade", "abab", "稀宇科技", "M2.5")]),
        # a dated snapshot alone after a name; New Year's Eve; an earlier version's month
        ("新年前夜，阿里开源文生图模型Qwen-Image-2512，较8月发布的初版有明显提升，并可通过ModelScope"
         "下载。", "2026-01-01", [("open_source", "Qwen-Image", "阿里巴巴", "2512"),
                                 ("upgrade", "Qwen-Image", "阿里巴巴", "2512")]),
        # a listing filed with the securities regulator
        ("MiniMax也已完成证监会备案，计划登陆港交所主板。", "2025-12-22", []),
    ],
)
def test_heldout44_flashes(gazetteer, rules, text, published, expected):
    found = mentions_in_article(article(text, datetime.fromisoformat(published)), gazetteer, rules)
    assert sorted({(m.event_type, m.model or m.organization, m.organization, m.version)
                   for m in found}) == expected


def test_new_years_eve_dates_an_event(gazetteer, rules):
    text = "新年前夜，阿里开源文生图模型Qwen-Image-2512。"
    found = mentions_in_article(article(text, datetime(2026, 1, 1)), gazetteer, rules)
    assert {m.event_date for m in found} == {EventDate(date(2025, 12, 31), "day")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list line ending with its kind
        ("浙江省网信办1月4日发布第四批生成式人工智能服务备案及登记信息。本批次包括：\n"
         "（一）杭州云栖信息技术有限公司，云栖空间大模型，备案；\n"
         "（二）杭州青禾网络科技有限公司，青禾店铺助手，登记。",
         [("filing", "云栖空间", "杭州云栖信息技术有限公司"),
          ("registration", "青禾店铺助手", "杭州青禾网络科技有限公司")]),
        # a field's owner is its own item's, not the list's first
        ("广东省网信办公布新一批生成式人工智能服务备案信息。\n新增备案2款：1.OPPO广东移动通信有限公司，"
         "服务名称：小布助手；2.广州星河网络科技有限公司，服务名称：星河陪伴大模型。",
         [("filing", "安第斯大模型", "OPPO"), ("filing", "星河陪伴", "广州星河网络科技有限公司")]),
    ],
)
def test_heldout44_lists(gazetteer, rules, text, expected):
    assert owned(text, gazetteer, rules, datetime(2026, 1, 5)) == sorted(expected)


def found_with_version(text, published, gazetteer, rules):
    found = mentions_in_article(article(text, datetime.fromisoformat(published)), gazetteer, rules)
    return sorted({(m.event_type, m.model or m.organization, m.organization, m.version)
                   for m in found})


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # deals before the news, told in a story of another one
        ("这是星河资本继今年4月向Mistral AI投资8亿美元之后的又一笔大额交易。", "2025-11-02", []),
        ("这是OpenAI今年继收购io之后的又一笔大额并购。", "2025-11-02", []),
        ("美团早在2023年就以20亿元收购了光年之外，团队此后并入美团。", "2025-09-01", []),
        ("此后，月之暗面先后获得红杉中国领投的5000万美元融资。", "2025-11-02", []),
        ("一周并购盘点：Databricks再出手，云厂商争抢AI初创", "2025-11-02", []),
        # an aim, not a deal
        ("分析认为，英伟达正试图通过收购补齐英伟达在端侧模型上的短板。", "2025-11-02", []),
        # open-sourced once, however long the description between
        ("该实验室曾基于国家超算中心的上万张加速卡训练开源多语种模型Nordic-7B。", "2025-11-02",
         []),
        # an open-sourcing told as an attribute of an old launch
        ("MosaicML成立于2021年，其推出的开源大语言模型MPT-30B累计下载量已超过100万次。",
         "2025-11-02", []),
        # a recent launch in an aside on the news (told plainly, it is news)
        ("事实上，智谱去年12月28日发布的GLM-4.8已凭借极低的训练成本引发关注。", "2025-01-15", []),
        ("智谱去年12月28日发布的GLM-4.8已凭借极低的训练成本引发关注。", "2025-01-15",
         [("upgrade", "ChatGLM", "智谱AI", "4.8")]),
        # rounds and deals recalled by their month, and any event by an earlier year
        ("今年5月，Anysphere完成9亿美元融资，估值近百亿美元。", "2025-10-31", []),
        ("今年9月，Anysphere完成9亿美元融资，估值近百亿美元。", "2025-10-31",
         [("funding", "Anysphere", "Anysphere", None)]),
        ("2023年，美团以20亿元收购了光年之外。", "2025-09-01", []),
        # a short name announcing its round; the company's own anaphor is none
        ("仅隔两天，云深处宣布完成数亿元A+轮融资，由某产业资本领投。", "2025-06-29",
         [("funding", "云深处", "云深处", None)]),
        ("据创始人发布的内部信，公司近日完成5亿美元C轮融资。", "2025-12-31", []),
        # terms in shares decide a merger; a new pricing scheme; a series of a model
        ("按照预案，中科曙光将以发行A股的方式换股吸收合并海光信息。", "2025-06-10",
         [("acquisition", "海光信息", "海光信息", None)]),
        ("火山引擎宣布对豆包大模型实行“按调用时长分档定价”的新模式。", "2025-06-12",
         [("price_change", "豆包", "字节跳动", None)]),
        ("Anthropic同时将Sonnet系列的API价格下调三成。", "2025-11-26",
         [("price_change", "Claude", "Anthropic", None)]),
        # names ending in AI before the model noun, in a filing list
        ("其中，新增备案的服务有2款：美的集团的美言大模型；比亚迪的天枢AI大模型。", "2025-04-10",
         [("filing", "天枢AI", "比亚迪", None), ("filing", "美言", "美的集团", None)]),
    ],
)
def test_heldout43_long_stories(gazetteer, rules, text, published, expected):
    assert found_with_version(text, published, gazetteer, rules) == expected


def dated(text, published, gazetteer, rules):
    found = mentions_in_article(article(text, datetime.fromisoformat(published)), gazetteer, rules)
    return sorted({(m.event_type, m.model or m.organization, m.event_date.value.isoformat()
                    if m.event_date else None) for m in found})


def test_days_before_the_scene_and_a_day_anaphor_take_a_day(gazetteer, rules):
    # "在此之前两天" counts back from the scene; "同一天" is that day, and the start of a
    # period ("自2019年…以来") dates nothing
    text = ("8月8日，OpenAI发布GPT-5。\n在此之前两天，OpenAI放出了开放权重模型gpt-oss-120b，"
            "这是自2019年以来OpenAI首次开放模型权重。同一天，Anthropic推出Claude Opus 4.1。")
    assert dated(text, "2025-08-10", gazetteer, rules) == [
        ("open_source", "gpt-oss", "2025-08-06"), ("release", "GPT-5", "2025-08-08"),
        ("release", "gpt-oss", "2025-08-06"), ("upgrade", "Claude", "2025-08-06")]
    # a paragraph opening with 此前一天 goes on with the scene before it
    text = "8月21日，深度求索发布DeepSeek-V3.1。\n此前一天，字节跳动开源了Seed-OSS-36B。"
    assert ("open_source", "Seed-OSS", "2025-08-20") in dated(text, "2025-08-22", gazetteer,
                                                            rules)
    # 仅隔两天 counts on from it
    text = "6月23日，银河通用宣布完成11亿元融资。\n仅隔两天，灵犀动力宣布完成数亿元A+轮融资。"
    assert ("funding", "灵犀动力", "2025-06-25") in dated(text, "2025-06-29", gazetteer, rules)
    # 同一天 after a sentence dated by its month alone goes back to the day before it
    text = ("9月3日，Anthropic宣布完成130亿美元F轮融资。这一估值较今年3月时增长近两倍。\n"
            "同一天，OpenAI宣布以约11亿美元收购AI测试公司Quillo。")
    assert ("acquisition", "Quillo", "2025-09-03") in dated(text, "2025-09-04", gazetteer, rules)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a table with a column of places between the name and its owner
        ("北京市网信办8月19日发布消息，本市又有2款服务通过备案。新增名单如下：\n序号｜服务名称｜属地｜企业\n"
         "1｜青松问答｜北京市海淀区｜北京青松智联科技有限公司\n"
         "2｜京医千询｜北京经济技术开发区｜北京京东健康有限公司", "2024-08-20",
         [("filing", "京医千询", "京东", None),
          ("filing", "青松问答", "北京青松智联科技有限公司", None)]),
        # a model named right before going live on a site
        ("腾讯混元3月21日晚间宣布，深度思考模型混元T2正式版上线腾讯云官网。", "2025-03-22",
         [("upgrade", "混元", "腾讯", "T2")]),
        # a company named before its dated announcement, the round told with 公司
        ("具身智能公司极光智能（Aurora AI）9月1日宣布，公司已完成Pre-A轮融资。", "2025-09-02",
         [("funding", "极光智能", "极光智能", None)]),
        # a lower-case edition after a model noun is the model's
        ("火山引擎宣布：豆包通用模型lite-128k版推理输入价格降至0.0003元/千tokens。", "2024-05-15",
         [("price_change", "豆包", "字节跳动", None)]),
        # an owner's legal name with its service in brackets
        ("浙江省网信办发布第二批生成式人工智能服务登记名单。\n登记：杭州学而教育科技有限公司（学而e学AI助教）。",
         "2025-04-30",
         [("registration", "学而e学AI助教", "杭州学而教育科技有限公司", None)]),
        # an institution before what it developed
        ("湖北省网信办消息，又有2款服务通过备案。本次通过的分别是华中科技大学研发的医学大模型“华科明医”，"
         "以及长江证券股份有限公司的“长江智投”大模型。", "2024-09-12",
         [("filing", "华科明医", "华中科技大学", None),
          ("filing", "长江智投", "长江证券股份有限公司", None)]),
        # a retrospective of filings; a launch something is related to
        ("两年前的8月31日，文心一言、云雀等首批大模型通过备案。", "2025-08-31", []),
        ("有业内人士猜测，此举或与Kimi新产品的海外发布有关。", "2025-02-20", []),
    ],
)
def test_heldout46_lists_and_owners(gazetteer, rules, text, published, expected):
    assert found_with_version(text, published, gazetteer, rules) == expected


def test_a_price_change_after_its_models_launch_is_dated_when_it_takes_effect(gazetteer, rules):
    text = ("深度求索昨日发布DeepSeek-V4。\nAPI服务价格也将随之调整：优惠期结束后，"
            "即自2026年3月1日起，价格调整为每百万输入tokens 1元。")
    assert ("price_change", "DeepSeek", "2026-03-01") in dated(text, "2026-02-10", gazetteer,
                                                              rules)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a quoted service after its owner's legal name and a comma, in a numbered list
        ("北京市网信办1月15日发布消息，新增2款已完成登记的生成式人工智能服务。\n新增登记：\n"
         "（一）北京猿力未来科技有限公司，“小猿学伴”；\n（二）北京微梦创科网络技术有限公司，“微博问答”。",
         "2025-01-16",
         [("registration", "小猿学伴", "猿辅导", None),
          ("registration", "微博问答", "微博公司", None)]),
        # a founder's former employer, named by a title, owns nothing of the new company
        ("前谷歌首席科学家张三创立的Vela Labs当地时间周三推出首款产品Loom。", "2025-10-02",
         [("release", "Loom", "Vela Labs", None)]),
        # an unknown company whose stake is taken
        ("星驰股份12月24日晚间公告，公司控股股东与优必选签署股份转让协议，优必选拟通过“协议转让+要约收购”"
         "方式合计取得星驰股份约43%的股份。", "2025-12-25",
         [("acquisition", "星驰股份", "星驰股份", None)]),
        # a programme that invests, money from a listing and what it goes to, rounds summed up
        ("智谱宣布设立总规模10亿元的“Z基金”，面向基于GLM创业的团队提供投资和算力支持。",
         "2024-12-05", []),
        ("智谱此次全球发售H股募资超40亿港元。公司表示，募集资金将主要用于基座模型研发。",
         "2026-01-08", []),
        ("招股书显示，智谱自2019年成立以来已完成多轮融资。", "2026-01-08", []),
        # a limited free period on the company's API platform, after its model's launch
        ("MiniMax昨日发布新一代文本大模型MiniMax-M3。\n价格方面，MiniMax-M3的API定价为每百万输入tokens"
         " 2元；即日起至11月7日，开放平台面向全球开发者限时免费。", "2025-10-28",
         [("price_change", "abab", "稀宇科技", "M3"),
          ("upgrade", "abab", "稀宇科技", "M3")]),
        # a feature launched is no model
        ("发布会上，生数科技还推出“夜间模式”，会员用户在夜间可免费生成视频。", "2025-01-16", []),
        # a company profile after 据了解
        ("据了解，公司已推出Step系列通用大模型，覆盖语言、多模态等方向。", "2024-12-24", []),
        # a round a quarter old, told by its month
        ("今年7月，Thinking Machines Lab完成了由a16z领投的20亿美元种子轮融资。", "2025-10-02", []),
    ],
)
def test_heldout45_deals_in_long_stories(gazetteer, rules, text, published, expected):
    assert found_with_version(text, published, gazetteer, rules) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Latin names told what they are in the clause after, or after a series noun
        ("Lumen AI于1月27日发布Atlas Prime，这是一款总参数约3000亿的稀疏MoE模型。", "2026-01-29",
         [("release", "Atlas Prime", "Lumen AI", None)]),
        ("Anthropic于当地时间周一推出Weaver，这是一款面向设计师的桌面智能体。", "2026-01-13",
         [("release", "Weaver", "Anthropic", None)]),
        ("谷歌昨日发布开放语音模型系列EchoGemma。", "2026-01-16",
         [("release", "EchoGemma", "Google", None)]),
        # a computing platform, a joint statement and a launch later this year are no launches
        ("英伟达当地时间1月5日在CES上发布新一代AI计算平台Blackwell Ultra。", "2026-01-06", []),
        ("苹果与谷歌当地时间1月12日发布联合声明：下一代苹果基础模型将基于谷歌的Gemini模型构建。",
         "2026-01-13", []),
        ("该合作将为今年晚些时候推出的新版Siri提供支持。", "2026-01-13", []),
        # a year on, the open-weight followers summed up
        ("一年过去，智谱GLM、月之暗面Kimi等相继跟进开放权重。", "2026-01-20", []),
        # a saving on calls under a committed-use plan
        ("火山引擎同时推出“算力节省计划”，豆包大模型调用最高可节省30%。", "2025-12-18",
         [("price_change", "豆包", "字节跳动", None)]),
    ],
)
def test_heldout47_launches_and_traps(gazetteer, rules, text, published, expected):
    assert found_with_version(text, published, gazetteer, rules) == expected


def test_lunar_holidays_date_an_event(gazetteer, rules):
    found = dated("除夕当天，智谱开源新一代大模型GLM-5。", "2026-02-18", gazetteer, rules)
    assert {when for _, _, when in found} == {"2026-02-16"}
    found = dated("今年元宵节，月之暗面发布Kimi K3。", "2025-03-01", gazetteer, rules)
    assert {when for _, _, when in found} == {"2025-02-12"}


def test_only_edition_words_fold_a_version_into_its_base(gazetteer, rules):
    # another word makes a model of its own; an edition word is the base's event
    text = "深度求索今日同时上线两款正式版模型DeepSeek-V4与DeepSeek-V4-Ultima。"
    assert versioned(text, gazetteer, rules) == [
        ("upgrade", "DeepSeek", "4"), ("upgrade", "DeepSeek", "4 Ultima")]
    text = "Mistral AI昨日推出Mistral 4系列，包括旗舰模型Mistral Large 4。"
    assert versioned(text, gazetteer, rules) == [("upgrade", "Mistral", "4")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a sentence after a semicolon opening with 同时 goes on with the company before it
        ("用友网络5月9日晚间公告，公司自研的YonGPT已完成生成式人工智能服务备案；同时，基于该模型"
         "开发的财务应用“记账宝”也已完成登记。", "2025-05-10",
         [("filing", "YonGPT", "用友网络", None), ("registration", "记账宝", "用友网络", None)]),
        ("金山办公5月9日举办发布会，宣布WPS AI升级至3.0版本；同时推出写作工具“妙笔成章”。",
         "2025-05-10",
         [("release", "妙笔成章", "金山办公", None), ("upgrade", "WPS AI", "金山办公", "3.0")]),
        # the start of a period, a year back and what a launch did within days are no news
        ("自去年6月星火X1启动公测以来，科大讯飞已累计服务超过千万用户。", "2025-04-02", []),
        ("一年前，阿里云将通义千问主力模型的输入价格降至每千tokens 0.0005元。", "2025-06-02", []),
        ("谷歌于5月28日推出新应用，发布数日即登顶美国App Store免费榜。", "2025-06-02", []),
        # a filing as the condition of a plan
        ("用友方面表示，完成备案后将加速YonGPT在制造业中的落地。", "2025-06-02", []),
        # the filed model a registered service calls, in quotes, is no registration of its own
        ("浙江省网信办6月1日发布公告，新增1款已完成登记的生成式人工智能服务：\n1. 杭州某某网络科技"
         "有限公司，服务名称：小墨，所调用的已备案模型为“墨言大模型”。", "2025-06-02",
         [("registration", "小墨", "杭州某某网络科技有限公司", None)]),
        # a longer name before a sector word and the model noun
        ("天衢科技6月1日正式推出天枢城轨交通大模型。", "2025-06-02",
         [("release", "天枢城轨", "天衢科技", None)]),
        # a listed company's registered name is its short name
        ("广东省网信办6月1日公布新增登记的服务：\n（一）广州视源电子科技股份有限公司，希沃课堂助手；",
         "2025-06-02", [("registration", "希沃课堂助手", "视源股份", None)]),
    ],
)
def test_heldout48_listed_companies_and_portals(gazetteer, rules, text, published, expected):
    assert found_with_version(text, published, gazetteer, rules) == expected


def test_a_vague_date_in_an_answer_to_investors_is_the_events(gazetteer, rules):
    # "回复称" reports the news: the filing is 日前, the month, not the day of the answer
    text = ("华策影视（300133）4月1日在互动平台回复称，公司自研的九歌大模型日前已通过生成式人工智能"
            "服务备案。")
    found = mentions_in_article(article(text, datetime(2025, 4, 2)), gazetteer, rules)
    assert [(m.model, m.event_date) for m in found] == [
        ("九歌", EventDate(date(2025, 4, 1), "month"))]


def test_a_model_named_as_the_edition_of_the_one_before_is_no_model(gazetteer, rules):
    # "o1版" after 天工 4.0 labels its edition; OpenAI's o1 is not launched
    text = "消息面上，昆仑万维于3月10日发布了天工大模型4.0 o1版和4o版。"
    assert versioned(text, gazetteer, rules) == [("upgrade", "天工", "4.0")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a launch event held for the version it names
        ("讯飞6月27日在合肥举行星火大模型V5.0发布会。", "2025-06-28",
         [("upgrade", "讯飞星火", "科大讯飞", "5.0")]),
        # a computing platform in quotes is no model
        ("新版本基于国产化算力平台“天河三号”训练，各项能力全面升级。", "2025-06-28", []),
        # a numbered alias's number opens the version; another name in brackets is the same one
        ("浪潮信息昨日发布并开源源2.0-M32大模型。", "2025-06-28",
         [("open_source", "源大模型", "浪潮信息", "2.0-M32"),
          ("upgrade", "源大模型", "浪潮信息", "2.0-M32")]),
        ("上海人工智能实验室昨日推出书生·浦语3.0（InternLM3）。", "2025-06-28",
         [("upgrade", "书生·浦语", "上海人工智能实验室", "3.0")]),
        # work going on across a list of fields
        ("公司表示，今年将持续推进九章大模型在教育、医疗、交通等多个领域的迭代升级。", "2025-06-28",
         []),
        # a company bought by its registered name, after 对 or the partner of a signed deal
        ("皖维智能6月27日晚间公告，公司已完成对合肥明理科技有限公司100%股权的收购。", "2025-06-28",
         [("acquisition", "合肥明理科技有限公司", "合肥明理科技有限公司", None)]),
        ("星海股份6月27日晚间公告，公司已与杭州云衡智能科技有限公司全体股东签署股权转让协议，以2亿元"
         "现金收购其60%股权。云衡智能成立于2021年。", "2025-06-28",
         [("acquisition", "云衡智能", "云衡智能", None)]),
        # a company name closed by a Latin part, announcing its round with 官宣
        ("6月27日，深圳具身智能企业星动ROBOT官宣完成数亿元天使+轮融资。", "2025-06-28",
         [("funding", "星动ROBOT", "星动ROBOT", None)]),
        # a quoted name opening with 后 is no time after the launch
        ("6月27日，南京农业大学发布农业大模型“后土”。", "2025-06-28",
         [("release", "后土", "南京农业大学", None)]),
        # a list opened by 的是: the owner's name starts after it
        ("广东省网信办6月27日发布公告，新增备案的是广州某某网络科技有限公司的“千音大模型”。",
         "2025-06-28", [("filing", "千音", "广州某某网络科技有限公司", None)]),
        # an organisation opening its clause before a weekday, 自主研发 or with a long name
        ("国泰君安证券周四在上海发布证券大模型“君弘灵犀”。", "2025-06-28",
         [("release", "君弘灵犀", "国泰君安证券", None)]),
        ("蜀道集团自主研发的交通大模型“蜀道·智行”昨日正式亮相。", "2025-06-28",
         [("release", "蜀道·智行", "蜀道集团", None)]),
        ("6月27日，安徽省交通控股集团发布高速公路运营大模型“皖通智行”。", "2025-06-28",
         [("release", "皖通智行", "安徽省交通控股集团", None)]),
    ],
)
def test_heldout51_regions_and_sectors(gazetteer, rules, text, published, expected):
    assert found_with_version(text, published, gazetteer, rules) == expected


def test_dates_of_heldout51(gazetteer, rules):
    # 今年以来 gives way to the 日前 of the notice
    text = ("成都市网信办日前通报，今年以来本市新增2款完成登记的生成式人工智能应用，分别是"
            "成都某某科技有限公司的“蓉小智”和成都某某数据有限公司的“蓉数通”。")
    found = mentions_in_article(article(text, datetime(2025, 6, 28)), gazetteer, rules)
    assert {m.event_date for m in found} == {EventDate(date(2025, 6, 1), "month")}
    # a day counted back from the scene says more than 刚刚
    text = "科大讯飞昨日宣布星火Lite API永久免费。此前一天，百度刚刚宣布ERNIE Speed全面免费。"
    assert dated(text, "2025-06-28", gazetteer, rules) == [
        ("price_change", "文心一言", "2025-06-26"), ("price_change", "讯飞星火", "2025-06-27")]
    # 教师节 is 10 September
    assert dated("教师节当天，华东师范大学推出教育大模型“师智”。", "2025-09-12", gazetteer,
                 rules) == [("release", "师智", "2025-09-10")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a name standing alone keeps its word: "Haiku 4.5" is the version "Claude Haiku 4.5" has
        ("Anthropic周三发布Claude Haiku 4.5，性能接近五个月前的Sonnet 4。"
         "Haiku 4.5已上线Claude应用。", "2025-10-17",
         [("upgrade", "Claude", "Anthropic", "Haiku 4.5")]),
        # a feature opened to users is no model launched
        ("周五，ChatGPT语音群聊功能向全球用户开放。", "2025-11-23", []),
        # the later items of a list of channels are channels too
        ("谷歌今天将视频模型升级至Veo 3.2。Veo 3.2已通过Gemini API、Vertex AI及Gemini App"
         "向用户开放。", "2026-01-16", [("upgrade", "Veo", "Google", "3.2")]),
    ],
)
def test_heldout50_flashes_and_posts(gazetteer, rules, text, published, expected):
    assert found_with_version(text, published, gazetteer, rules) == expected


def test_dates_of_heldout50(gazetteer, rules):
    # a letter sent today dates the round the sentence before tells
    text = "星河智算完成新一轮3亿美元融资。创始人在今天发出的内部信中称，本轮融资由红杉中国领投。"
    assert dated(text, "2025-12-31", gazetteer, rules) == [("funding", "星河智算", "2025-12-31")]
    # the period a list covers is no date of the notice 本批 refers to
    text = ("北京市网信办昨日发布消息，今年11月至12月中旬，北京市新增12款已完成登记的生成式人工智能"
            "服务。北京某某科技有限公司的“星问”在本批名单之中。")
    assert dated(text, "2025-12-19", gazetteer, rules) == [("registration", "星问", "2025-12-18")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a model put out on code hubs is open-sourced
        ("昨天，深度求索在GitHub和Hugging Face放出DeepSeek-OCR 3，参数规模3B。",
         "2026-05-12", [
             ("open_source", "DeepSeek-OCR", "深度求索", "3"),
             ("upgrade", "DeepSeek-OCR", "深度求索", "3"),
         ]),
        # a price of one side of the API is the model"s price, across a paragraph break
        ("3月2日，深度求索上线DeepSeek-V5。\n价格方面，自3月9日起，API输出价格由每百万tokens 3"
         "元下调至2元。",
         "2027-03-03", [
             ("price_change", "DeepSeek", "深度求索", "5"),
             ("upgrade", "DeepSeek", "深度求索", "5"),
         ]),
        # an app a named model went live in is its channel, no launch
        ("智谱昨晚发布GLM-6。智谱方面表示，GLM-6已同步上线智谱清言App。",
         "2026-12-02", [("upgrade", "ChatGLM", "智谱AI", "6")]),
        # where a model goes live first is no trap when it is not already there
        ("3月7日，视频模型Seedance 3.0率先在即梦和豆包App上线。",
         "2026-03-09", [("upgrade", "Seedance", "字节跳动", "3.0")]),
        # the later items of a list of places a model went live in are places
        ("月之暗面今日开源Kimi K3，并在Kimi开放平台和Kimi Agent中同步上线。",
         "2026-08-02", [
             ("open_source", "Kimi", "月之暗面", "K3"),
             ("upgrade", "Kimi", "月之暗面", "K3"),
         ]),
        # a company in quotes after its noun; an AI product in quotes; 公司 across a paragraph break
        ("AI Agent创业公司“云杉智行”今日宣布完成3亿元A轮融资。\n同日，公司发布首款通用智能体产"
         "品“云杉Agent”。",
         "2026-06-02", [
             ("funding", "云杉智行", "云杉智行", None),
             ("release", "云杉Agent", "云杉智行", None),
         ]),
        # an AI product named in quotes after its noun
        ("美团推出AI数字人直播产品“美小播”，商家一键即可开播。",
         "2026-06-02", [("release", "美小播", "美团", None)]),
        # a launch told in passing of what was registered is no launch
        ("公司面向跨境商家推出的AI导购产品“小航”已于近日完成生成式人工智能服务登记。",
         "2026-06-02", [("registration", "小航", None, None)]),
        # a list opened by 新增备案的服务包括: the owner"s name starts after it
        ("北京市网信办发布公告，新增备案的服务包括北京星图智能科技有限公司的“星图法务大模型”。",
         "2026-06-02", [("filing", "星图法务", "北京星图智能科技有限公司", None)]),
        # items of a legal name or an institution, a comma and the name, after a colon or semicolon
        ("6月1日，浙江省委网信办发布备案情况，具体为：\n新增备案：杭州星衍智算科技有限公司，星"
         "衍代码大模型；温州市中心医院，“瓯医智答”医疗大模型。",
         "2026-06-02", [
             ("filing", "星衍代码", "杭州星衍智算科技有限公司", None),
             ("filing", "瓯医智答", "温州市中心医院", None),
         ]),
        # a subsidiary"s legal name before its item"s name is no flagship of its parent
        ("6月1日，浙江省委网信办发布登记情况。\n新增登记：杭州网易云音乐科技有限公司，“云村AI D"
         "J”；宁波通商银行股份有限公司，“宁小宝”。",
         "2026-06-02", [
             ("registration", "云村AI DJ", "网易", None),
             ("registration", "宁小宝", "宁波通商银行股份有限公司", None),
         ]),
        # table rows whose name holds a quoted part, or whose owner is a short name
        ("广东省委网信办6月1日公布新一批完成登记的生成式人工智能应用：\n序号｜应用名称｜登记主"
         "体\n1｜“粤智通”AI助手｜广东数智通网络有限公司\n2｜小鹏AI出行助手｜小鹏汽车",
         "2026-06-02", [
             ("registration", "小鹏AI出行助手", "小鹏汽车", None),
             ("registration", "粤智通AI助手", "广东数智通网络有限公司", None),
         ]),
        # the company a stake is bought in, named after its noun
        ("蓝海科技6月9日晚间公告，公司拟以现金2亿元收购AI音乐初创公司声律未来100%股权，双方已签"
         "署股权转让协议。",
         "2026-06-10", [("acquisition", "声律未来", "声律未来", None)]),
        # a funding clause opening with its cue is about the company that announced it
        ("由前谷歌研究员创立的Orbit Labs周二正式官宣，已完成5亿美元种子轮融资。",
         "2026-06-10", [("funding", "Orbit Labs", "Orbit Labs", None)]),
        # …but not where the sentence told the round already
        ("星河智能宣布获得腾讯、小米等科技巨头的投资，A轮战略融资金额达3亿元。",
         "2026-06-10", [("funding", "星河智能", "星河智能", None)]),
        # a company opening the sentence before a date and where it announced
        ("驴妈妈3月20日在官方公众号宣布，其自研AI旅行助手“小驴”已完成江苏省生成式人工智能服务登"
         "记。",
         "2026-03-21", [("registration", "小驴", "驴妈妈", None)]),
        # a listing"s proceeds are no round
        ("此次IPO星云科技共发行约3000万股H股，募资总额约40亿港元。",
         "2026-06-10", []),
        # an app"s changelog is no launch
        ("Kimi App近日发布v2.4.0版本更新日志：新增报告一键导出功能。",
         "2026-06-10", []),
        # a product upgraded into a new app with its own name is a launch
        ("6月26日，蚂蚁集团将旗下“AI理财管家”全面升级为独立的AI理财应用“蚂小财”。",
         "2026-06-27", [("release", "蚂小财", "蚂蚁集团", None)]),
        # billing standards adjusted, with the day they take effect
        ("DeepSeek开放平台将调整API计费标准，新价格自9月6日0点起生效。",
         "2026-08-22", [("price_change", "DeepSeek", "深度求索", None)]),
        # an intent agreement is no deal
        ("博远股份6月9日晚间公告，公司与杭州云帆科技有限公司的主要股东签署《股权收购意向协议》"
         "，拟以现金方式收购云帆科技不低于51%的股权。",
         "2026-06-10", []),
        # a stake of no less than a share
        ("博远股份6月9日晚间公告，公司拟以现金方式收购灵枢智能不低于51%的股权。",
         "2026-06-10", [("acquisition", "灵枢智能", "灵枢智能", None)]),
        # a ranking of open and closed models opens nothing
        ("SuperCLUE发布9月榜单，DeepSeek-V3.1、Qwen3-Max位列国内开源及闭源模型总榜前二。",
         "2026-10-10", []),
        # a CamelCase product right after 公司 as its anaphor
        ("星视科技在互动平台答复称，公司PixMuse视觉引擎已完成国家网信办生成式人工智能服务备案。",
         "2026-03-22", [("filing", "PixMuse", "星视科技", None)]),
        # …not a platform after 旗下
        ("智谱AI宣布旗下BigModel开放平台的GLM-4-Flash模型即日起全部免费。",
         "2026-08-27", [("price_change", "ChatGLM", "智谱AI", "4 Flash")]),
        # a lettered and a numbered label of known families
        ("稀宇科技发布文本大模型MiniMax-M3与视频生成模型海螺04。",
         "2026-09-02", [
             ("upgrade", "abab", "稀宇科技", "M3"),
             ("upgrade", "海螺AI", "稀宇科技", "04"),
         ]),
        # a new member of a family of models of their own is a new model
        ("百川智能发布新一代医疗大模型Baichuan-M5，并在GitHub开源其32B版本。",
         "2026-09-02", [
             ("open_source", "Baichuan-M5", "百川智能", None),
             ("release", "Baichuan-M5", "百川智能", None),
         ]),
    ],
)
def test_heldout52_and_54_news_and_markets(gazetteer, rules, text, published, expected):
    assert found_with_version(text, published, gazetteer, rules) == expected


def test_dates_of_heldout54(gazetteer, rules):
    # a month a count starts at is no date: the notice's day is
    text = ('上海市网信办12月4日发布消息，11月以来本市又有2款生成式人工智能服务完成登记，分别为'
            '上海星图科技有限公司的“星小图”和上海云帆信息技术有限公司的“帆小助”。')
    assert dated(text, '2026-12-05', gazetteer, rules) == [
        ("registration", "帆小助", "2026-12-04"), ("registration", "星小图", "2026-12-04")]
    # a vague date told after the reporter heard of it is not the day of hearing
    text = '3月19日，记者从星河智能获悉，公司近日完成一笔超10亿元的战略融资。'
    found = mentions_in_article(article(text, datetime(2026, 3, 20)), gazetteer, rules)
    assert [m.event_date for m in found] == [EventDate(date(2026, 3, 1), "month")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the programme of an event still to come
        ("星河科技11月2日宣布，星河开发者大会将于12月8日在深圳举办，届时公司将发布新一代星河大模型。",
         "2026-11-03", []),
        # a comment on the change just told, with the event as its subject
        ("此次降价被视为星河科技应对可灵和Sora竞争的举措。", "2026-09-12", []),
        ("业内认为，豆包全面免费与DeepSeek带来的冲击不无关系。", "2026-03-02", []),
        # 开源 as the subject of a quote
        ("“开源是混元的长期策略。”腾讯相关负责人表示。", "2026-09-30", []),
        # upgrades counted since a launch
        ("自去年6月上线以来，可灵已完成三十余次迭代。", "2026-09-25", []),
        # a time far back, told before the clause
        ("此前两个多月，OpenAI刚刚推出GPT-5。", "2026-10-01", []),
        ("早在今年2月，星河科技还完成了由红杉领投的10亿元融资。", "2026-05-22", []),
        # background after a roundup's item number
        ("十月语音模型盘点：\n① 10月9日，星河科技发布语音模型Echo-2；\n"
         "② 此前，OpenAI已于9月初推出语音模型gpt-realtime。",
         "2026-10-31", [("release", "Echo-2", "星河科技", None)]),
        # a prospectus's history, the other side of the contrast too
        ("招股书显示，智谱成立以来先后推出了GLM系列模型和智谱清言；MiniMax则推出了海螺AI和星野。",
         "2026-01-09", []),
        # a version after 全新 before the model noun, and a new model noun with its label
        ("9月23日，快手宣布可灵AI全新3.5 Turbo视频生成模型正式上线。", "2026-09-25",
         [("upgrade", "可灵", "快手", "3.5 Turbo")]),
        ("9月23日，AI音乐平台Suno上线新一代音乐模型v6。", "2026-09-25",
         [("upgrade", "Suno", "Suno", "v6")]),
        # a roundup line naming its model before a colon, opened on its day
        ("本周热门开源模型：\n2. Seed-OSS-72B：字节跳动Seed团队周三开源的720亿参数模型；",
         "2026-08-22", [("open_source", "Seed-OSS", "字节跳动", None)]),
        # a model's team is no model
        ("阿里通义团队周一开源图像编辑模型Qwen-Image-Edit。", "2026-08-22",
         [("open_source", "Qwen-Image", "阿里巴巴", None)]),
        # a Latin name after an architecture noun; not a chip
        ("10月30日，星河科技发布并开源新型注意力架构模型Orbit Linear。", "2026-10-31",
         [("open_source", "Orbit Linear", "星河科技", None),
          ("release", "Orbit Linear", "星河科技", None)]),
        ("英伟达发布新一代Blackwell架构GPU B300。", "2026-03-19", []),
        # a listed company opening a roundup's item
        ("本周上市公司大模型进展：\n1. 星图教育（300999）5月12日晚间公告，公司自研的"
         "“星图教育大模型”已通过国家网信办生成式人工智能服务备案。",
         "2026-05-16", [("filing", "星图教育", "星图教育", None)]),
        # a list item's name ending in 模型
        ("北京市网信办3月4日发布消息，新增备案的2款服务具体为：\n1. 北京星图视界科技有限公司，"
         "星图世界模型；\n2. 北京云帆科技有限公司，云帆达意大模型。",
         "2026-03-05", [("filing", "云帆达意", "北京云帆科技有限公司", None),
                        ("filing", "星图世界模型", "北京星图视界科技有限公司", None)]),
        # a Latin app after a release verb
        ("星河科技周二推出独立的Lumi AI应用。", "2026-04-30",
         [("release", "Lumi AI", "星河科技", None)]),
        # a legal name opening with Latin letters
        ("广东省网信办日前发布新一批生成式人工智能服务登记信息。\n新增登记（1款）：\n"
         "（一）OPPO广东移动通信有限公司，小布助手。",
         "2026-04-10", [("registration", "安第斯大模型", "OPPO", None)]),
        # a report denied
        ("针对有关星河科技正以百亿估值融资的报道，公司回应称“目前没有在融资”，相关报道不实。",
         "2026-09-21", []),
        # the old model a new one is cheaper than
        ("价格方面，星河Voice比此前的gpt-4o-realtime-preview便宜20%。", "2026-08-29", []),
        # dotted initials and a version, open-sourced: no upgrade of a model the gazetteer lacks
        ("韩国电信运营商KT电信3日宣布开源自研大模型K.T 2.0。", "2026-07-04",
         [("open_source", "K.T", "KT", "2.0")]),
        # a plan inside a long cue
        ("星河科技表示，Echo-3的模型权重将于下周在Hugging Face开放下载。", "2026-02-13", []),
        # the places a model went live in, a platform first
        ("2月12日，MiniMax新一代文本模型MiniMax-M2.7正式上线MiniMax开放平台和MiniMax Agent。",
         "2026-02-13", [("upgrade", "abab", "稀宇科技", "M2.7")]),
        # an app update with no version, work going on, launches before the scene as attributes,
        # the day after a launch, a new way to play, a way it will not go
        ("豆包App今日迎来版本更新，新增多人视频通话模式。", "2026-03-10", []),
        ("公司表示，今年将继续推进WPS AI的迭代升级。", "2026-03-19", []),
        ("其团队将加入OpenAI，参与上周推出的ChatGPT Health的开发。", "2026-01-13", []),
        ("GLM-5发布次日，多家云平台宣布完成适配并上线该模型的API服务。", "2026-02-13", []),
        ("腾讯元宝App近日上线AI社交新玩法“元宝派”。", "2026-02-02", []),
        ("报道称，Avocado可能不会像此前的Llama系列一样开放权重。", "2026-03-30", []),
        # a registration list named by its kind after a filing list
        ("国家网信办1月8日发布公告，新增135款服务完成备案，新增62款应用完成登记。记者梳理名单发现，"
         "新增备案的服务中有美团的“LongCat大模型”；登记名单里则出现了蔚来的“NOMI出行助手”。",
         "2026-01-09", [("filing", "LongCat", "美团", None),
                        ("registration", "NOMI出行助手", "蔚来", None)]),
        # an assistant renamed
        ("阶跃星辰宣布，旗下AI助手阶跃AI即日起对所有用户免费开放，此前高阶功能仅向付费会员提供。",
         "2026-03-05", [("price_change", "跃问", "阶跃星辰", None)]),
    ],
)
def test_heldout53_55_56_58_stories_and_lists(gazetteer, rules, text, published, expected):
    assert found_with_version(text, published, gazetteer, rules) == expected


def test_dates_of_heldout53_55_56_58(gazetteer, rules):
    # an event told paragraphs after the lead, dated long before its day, is recalled; a day
    # anaphor after it takes the lead's day
    text = ("6月30日，百度如期开源文心大模型4.5系列。\n文心4.5于今年3月16日首次发布。\n"
            "同一天，华为也宣布开源盘古70亿参数稠密模型。")
    assert dated(text, "2025-06-30", gazetteer, rules) == [
        ("open_source", "文心一言", "2025-06-30"), ("open_source", "盘古", "2025-06-30"),
        ("upgrade", "文心一言", "2025-06-30")]
    # 同日 paragraphs on, with no day between
    text = ("星河科技9月10日宣布完成6000万美元B轮融资。\n公司今年8月发布的Echo V5曾登上榜单前二。\n"
            "星河科技表示，本轮资金将用于研发。同日，星河科技旗下“星河AI”宣布已完成北京市生成式"
            "人工智能服务登记。")
    assert ("registration", "星河AI", "2025-09-10") in dated(text, "2025-09-11", gazetteer, rules)
    # the end of an offer is no date; a day of this month is a day
    text = "10月27日，MiniMax发布MiniMax-M2。官方同时宣布，M2的API限时免费至11月7日。"
    assert ("price_change", "abab", "2025-10-27") in dated(text, "2025-10-28", gazetteer, rules)
    text = "本月8日，星河机器人在GitHub开源了具身基础模型Orbit-OSS。"
    assert dated(text, "2025-09-10", gazetteer, rules) == [
        ("open_source", "Orbit-OSS", "2025-09-08")]
    # a short lede on its day dates the story
    text = "美国当地时间8月5日，三家AI公司几乎同时出招。\nOpenAI放出开放权重语言模型gpt-oss-120b。"
    assert ("open_source", "gpt-oss", "2025-08-05") in dated(text, "2025-08-06", gazetteer, rules)
    # 同日 after an announced price change dated by its weekday; 于前一天
    text = ("AI周报：\n1. OpenAI周二宣布将o3的API价格下调80%。\n"
            "2. 同日，Mistral AI推出推理模型Magistral。")
    assert ("release", "Magistral", "2025-06-10") in dated(text, "2025-06-13", gazetteer, rules)
    text = ("9月24日，阿里巴巴发布Qwen3-Max。\n此外，Qwen3-VL已于前一天晚间在魔搭社区开源。")
    assert ("open_source", "Qwen-VL", "2025-09-23") in dated(text, "2025-09-24", gazetteer, rules)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a crawler's headline line: the team in it is no model, the story tells the launch
        ("腾讯混元发布并开源VisionLite，参数量仅2B\nIT之家 3 月 5 日消息，腾讯混元今日宣布正式发布"
         "并开源文档解析模型VisionLite。", "2026-03-05",
         [("open_source", "VisionLite", "腾讯", None), ("release", "VisionLite", "腾讯", None)]),
        # related links and a headline-only line name other stories' events
        ("星河科技完成3亿元B轮融资\n36氪获悉｜3月2日，星河科技宣布完成3亿元B轮融资。\n"
         "相关阅读：《阿里发布Qwen2.5-Max，性能对标DeepSeek-V3》", "2026-03-02",
         [("funding", "星河科技", "星河科技", None)]),
        ("豆包日活突破2亿\n字节跳动旗下豆包的日活跃用户已突破2亿。\n推荐阅读：\n"
         "《火山引擎发布豆包大模型1.8》\n《月之暗面完成新一轮融资》", "2026-03-02", []),
        # a figure invested over the years; launches summed up; what a company once did
        ("值得注意的是，亚马逊也是Anthropic的主要投资方，累计已向其投资80亿美元。",
         "2026-03-02", []),
        ("星河团队今年以来先后开源了Orbit-7B、Orbit-VL等多款模型。", "2026-11-20", []),
        ("今年6月，MiniMax曾连续五天发布多款新品，并开源了推理模型MiniMax-M1。", "2026-10-24", []),
        # the time since an old launch; what the model just told is one of
        ("此时距离Gemini 2.5系列亮相仅过去约8个月。", "2026-11-19", []),
        ("这是可灵本周“发布周”活动中推出的新模型之一。", "2026-12-04", []),
        # a plan word governing a 将 that brings the object first
        ("星河医院方面表示，后续计划将通义千问向全国医疗机构开源。", "2026-02-17", []),
        # a likeness, and what users do
        ("奥尔特曼称，与GPT-4相比，GPT-5就像是从本科生升级到了博士。", "2026-08-08", []),
        ("用户将YOYO智能体更新至最新版本后即可使用“深度思考”功能。", "2026-02-09", []),
        # a cut against the old price; 上新 with a version
        ("DeepSeek开放平台2月26日发布公告，推出错峰优惠：DeepSeek-V3降至原价的50%。", "2026-02-27",
         [("price_change", "DeepSeek", "深度求索", "V3")]),
        ("xAI当地时间11月17日上新Grok 5.2，称其幻觉率明显下降。", "2026-11-18",
         [("upgrade", "Grok", "xAI", "5.2")]),
        # a model brand in quotes
        ("会上，阿里发布全新语音大模型品牌“星语”。", "2026-09-25",
         [("release", "星语", "阿里巴巴", None)]),
        # a company's stock is no target of the deal
        ("按照方案，海光信息以换股方式吸收合并中科曙光，即每1股中科曙光股票可换得0.55股海光信息股票。",
         "2026-06-10", [("acquisition", "中科曙光", "中科曙光", None)]),
    ],
)
def test_heldout61_to_63_pages_versions_and_traps(gazetteer, rules, text, published, expected):
    assert found_with_version(text, published, gazetteer, rules) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # numbered items right after a colon; an institution's item
        ("星河省网信办8月14日公布第五批生成式人工智能服务备案信息，本批共有3款服务完成备案，分别为："
         "（一）广州星河网络科技有限公司，星河千音大模型；（二）深圳银河科技股份有限公司，银河具身大模型；"
         "（三）星河市第一人民医院，星医智答医疗大模型。",
         [("filing", "星医智答医疗", "星河市第一人民医院"),
          ("filing", "星河千音", "广州星河网络科技有限公司"),
          ("filing", "银河具身", "深圳银河科技股份有限公司")]),
        # a part of an announcement on one kind, its items notes on the filed model they use
        ("12月9日，星河省网信办公布最新一批生成式人工智能服务备案和登记信息。\n"
         "新增登记方面，广州星河音乐科技有限公司的“星河AI写歌”，所调用的已备案模型为混元大模型；"
         "珠海银河办公软件有限公司的“银河灵犀”，所调用的已备案模型为DeepSeek。",
         [("registration", "星河AI写歌", "广州星河音乐科技有限公司"),
          ("registration", "银河灵犀", "珠海银河办公软件有限公司")]),
        # quoted names with their owners after a dash, an institution among them
        ("星河省网信办近日公布一批新完成登记的生成式人工智能应用。其中，“小星健康顾问”——星河市第一医院；"
         "“杭小星”——星河市数据资源管理局；“银河AI助理”——银河（中国）信息技术有限公司等均在名单之中。",
         [("registration", "小星健康顾问", "星河市第一医院"),
          ("registration", "杭小星", "星河市数据资源管理局"),
          ("registration", "银河AI助理", "银河(中国)信息技术有限公司")]),
        # a region's part of a list is no owner's name
        ("国家网信办1月8日发布公告，全国新增46款生成式人工智能服务完成备案。从名单看，北京地区有"
         "北京星言科技有限公司的“星言达意”；浙江地区则有杭州银核信息技术有限公司的“银核空间大模型”。",
         [("filing", "星言达意", "北京星言科技有限公司"),
          ("filing", "银核空间", "杭州银核信息技术有限公司")]),
        # a filing list right after a filing headline
        ("星河市公布第六批已备案生成式人工智能服务\n星河新闻7月10日讯 今天，星河市委网信办公布"
         "第六批已完成国家备案的生成式人工智能服务信息，本批次共2款，分别为星河智算科技有限公司的“星河政务助手”"
         "和星河中医药大学第一附属医院的“星中医问诊助手”。",
         [("filing", "星中医问诊助手", "星河中医药大学第一附属医院"),
          ("filing", "星河政务助手", "星河智算科技有限公司")]),
    ],
)
def test_filing_lists_of_heldout61_to_63(gazetteer, rules, text, expected):
    found = mentions_in_article(article(text, datetime(2026, 1, 9)), gazetteer, rules)
    assert sorted({(m.event_type, m.model, m.organization) for m in found}) == expected


def test_headlines_datelines_and_firsts_of_heldout61_to_63(gazetteer, rules):
    # the headline's owner for the story's 公司; a headline-only kind dated by the first dated
    # line after the bylines
    text = ("星河科技：“星河小智”已完成生成式人工智能服务登记\n证券日报网讯 星河科技（300999）"
            "1月14日在互动平台表示，公司AI教学产品“星河小智”已于2025年12月在山东省完成生成式人工智能服务登记。")
    found = mentions_in_article(article(text, datetime(2026, 1, 14)), gazetteer, rules)
    assert [(m.event_type, m.model, m.organization) for m in found] == [
        ("registration", "星河小智", "星河科技")]
    text = ("Anthropic发布Claude Opus 5.5，API价格降至前代三分之一\n机器之心报道\n编辑：张三\n"
            "北京时间11月25日凌晨，Anthropic正式推出Claude Opus 5.5。")
    assert ("price_change", "Claude", "2026-11-25") in dated(text, "2026-11-25", gazetteer, rules)
    # a wire's "N月N日消息" is when it is told: 日前 is the month
    text = "新浪科技讯 7月28日消息，京东日前宣布正式开源企业级智能体JoyStar。"
    assert dated(text, "2026-07-28", gazetteer, rules) == [("open_source", "JoyStar", "2026-07-01")]
    # one of the first of a kind names no batch
    text = ("星河银行4月10日宣布，其智能财富助手“星小慧”已完成上海市生成式人工智能服务登记，"
            "成为沪上首批完成登记的银行类AI应用之一。")
    found = mentions_in_article(article(text, datetime(2026, 4, 11)), gazetteer, rules)
    assert [(m.model, m.batch) for m in found] == [("星小慧", None)]
    # a legal name read with what the company makes before it
    text = "灵巧手研发商星河灵动（北京）科技有限公司近日完成数亿元A+轮融资。星河灵动成立于2019年。"
    assert events(text, gazetteer, rules) == [("funding", "星河灵动")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a plan or negation word inside a company's name plans nothing
        ("36氪获悉，储能大模型企业星瀚未来近日完成数亿元A轮融资，本轮由某某资本领投。",
         "2026-04-08", [("funding", "星瀚未来", "星瀚未来", None)]),
        # …nor does a name that runs into a known one
        ("与外界预期不同，苹果并未在会上推出新版Siri。", "2026-06-10", []),
        # a company in quotes after what it provides, or opening its round
        ("法务AI服务商“律衡云”周二宣布完成B轮融资，金额约2亿元。", "2026-04-08",
         [("funding", "律衡云", "律衡云", None)]),
        # a legal name holding a known name inside its own is another company
        ("某某软件晚间公告，子公司以2亿元现金收购北京星河医联科技有限公司100%股权。星河医联主营基层医疗AI。",
         "2026-04-08", [("acquisition", "星河医联", "星河医联", None)]),
        # a company's or a court's full name opening the clause owns what 其/该院 developed
        ("国网星河省电力公司9日对外披露，由其研发的客服应用“电小星”已完成生成式人工智能服务登记。",
         "2026-04-10", [("registration", "电小星", "国网星河省电力公司", None)]),
        ("星河省高级人民法院5日宣布，由该院主导研发的司法大模型“星法智审”正式上线运行。",
         "2026-04-06", [("release", "星法智审", "星河省高级人民法院", None)]),
        # a roundup's circled item opening with a government body
        ("【本周行业动态】\n①4月1日，某某集团旗下星河数科推出医药大模型“星药灵枢”；\n"
         "②星河省数据局2日宣布，由其牵头建设的“星政通大模型”已通过国家网信办生成式人工智能服务备案；\n"
         "③同日，某某集团公告，已完成对医疗AI企业星医智联的全资收购。", "2026-04-05",
         [("acquisition", "星医智联", "星医智联", None),
          ("filing", "星政通", "星河省数据局", None),
          ("release", "星药灵枢", "星河数科", None)]),
        # a version after a quoted name's closing quote
        ("星河电网17日正式推出电力行业人工智能大模型“星瓦特”2.0。", "2026-04-18",
         [("release", "星瓦特 2.0", None, None)]),
        ("腾讯17日正式推出“混元”2.5。", "2026-04-18", [("upgrade", "混元", "腾讯", "2.5")]),
        # a quoted name right after 开源, its description long
        ("星河气象局2日宣布，正式开源“星顺”次季节至季节气候预测大模型的模型权重。", "2026-06-03",
         [("open_source", "星顺", "星河气象局", None)]),
        # a majority stake taken over, its agreement said signed in a later clause
        ("星河软件（300999）晚间公告，公司拟以1.2亿元受让法律大模型公司律衡智能51%的股权，"
         "相关股权转让协议已于当日签署。", "2026-04-01",
         [("acquisition", "律衡智能", "律衡智能", None)]),
        # …but not one still to come that media report
        ("此前有媒体报道称，腾讯将以20亿美元收购月之暗面。", "2026-04-01", []),
        # a model put online on apps named after it is the launched one
        ("星河今日发布新一代推理模型Orbit-R2。Orbit-R2已同步上线腾讯元宝和腾讯云。", "2026-04-01",
         [("release", "Orbit-R2", "星河", None)]),
        # a quoted denial is no name
        ("对此，星河科技回应称，公司“不会在短期内”推出Orbit-5。", "2026-04-01", []),
        # base models an app calls, listed after 包括, are no filings
        ("星河科技表示，旗下AI助手“小星”已完成北京市生成式人工智能服务登记，其调用的底层模型包括"
         "公司自研的星河大模型以及已完成备案的DeepSeek-V3。", "2026-04-01",
         [("registration", "小星", "星河科技", None)]),
        # a clause announcing the next one lends it its model
        ("可灵AI于3月25日发布公告称，自4月1日起调整会员订阅价格：黄金会员由66元上调至79元。",
         "2026-03-26", [("price_change", "可灵", "快手", None)]),
    ],
)
def test_heldout66_and_67_public_sector_deals_and_hosts(
        gazetteer, rules, text, published, expected):
    assert found_with_version(text, published, gazetteer, rules) == expected


def test_one_of_the_first_apps_of_a_kind_names_no_batch(gazetteer, rules):
    text = ("星河银行3月24日发布消息称，该行智能客服应用“星银小智”已完成星河省生成式人工智能"
            "服务登记，成为省内首批完成登记的城商行AI应用之一。")
    found = mentions_in_article(article(text, datetime(2026, 3, 25)), gazetteer, rules)
    assert [(m.model, m.batch) for m in found] == [("星银小智", None)]
