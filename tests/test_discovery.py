"""Discovery of model names the gazetteer lacks. The names here are invented on purpose:
none of them may ever be added to seeds/models.csv."""

from datetime import datetime

import pytest

from extractors.discovery import DEFAULT_DISCOVERY_PATH, DiscoveryRules, discover_models
from extractors.events import CueRules, mentions_in_article
from extractors.gazetteer import Gazetteer
from extractors.normalize import simplify, text_hash
from extractors.records import Article


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def rules() -> CueRules:
    return CueRules.load()


def found(text: str, gazetteer: Gazetteer | None = None) -> list[tuple]:
    return [(d.name, d.version, d.kind) for d in discover_models(simplify(text), gazetteer)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # quoted names before a model noun, with or without a description between
        ("星河科技发布“灵犀”大模型", [("灵犀", None, "quoted")]),
        ("“墨语”全模态大模型正式亮相", [("墨语", None, "quoted")]),
        ("其自研的“青鸾大模型”通过备案", [("青鸾", None, "quoted")]),
        # a quoted name right after a model noun
        ("发布首个法务大模型——“明镜”", [("明镜", None, "appositive")]),
        ("基础模型群“ZetaMed启明”对外发布", [("ZetaMed启明", None, "appositive")]),
        # Latin names: model-like endings, versions apart from the name, sizes, lower case
        ("推出XingheGPT，面向金融", [("XingheGPT", None, "latin")]),
        ("XingheGPT-2.0今日上线", [("XingheGPT", "2.0", "latin")]),
        ("XingheGPT v3上线", [("XingheGPT", "3", "latin")]),
        ("新一代视觉模型QiVLM2", [("QiVLM2", None, "latin")]),
        ("开源Zeta-7B与Zeta-70B", [("Zeta-7B", None, "latin"), ("Zeta-70B", None, "latin")]),
        ("Q-Chat的能力", [("Q-Chat", None, "latin")]),
        ("ZMED大模型聚焦医疗", [("ZMED", None, "latin")]),
        ("数学推理模型q2-math", [("q2-math", None, "latin")]),
        ("青鸾GPT开放测试", [("青鸾GPT", None, "latin")]),
    ],
)
def test_patterns(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the stop-list: generic words are no names
        "行业大模型方兴未艾，通用大模型、垂直大模型和多模态大模型各有所长",
        "多家医院联合发布“医疗行业大模型”", "打造了政务专业大模型",
        "AI大模型正“飞入”百姓家", "大模型产业将进入“百模大战”时代",
        "意在打造一个大模型“优选店”",  # a metaphor, not a name
        "国内首个类GPT产品", "对标GPT的产品", "基于Transformer大模型", "大模型API价格",
        "10亿参数规模以上大模型近80个",
    ],
)
def test_generic_words_are_not_names(text):
    assert found(text) == []


def test_known_models_are_left_to_the_gazetteer(gazetteer):
    text = simplify("昆仑万维天工大模型、抖音“云雀”大模型和“文心一言”均已备案，星河GPT也是")
    assert [d.name for d in discover_models(text, gazetteer)] == ["星河GPT"]
    assert found("“文心一言”大模型") == [("文心一言", None, "quoted")]  # without a gazetteer


def test_names_after_a_known_organisation_are_attributed(gazetteer):
    text = simplify("容联云赤霄金融大模型日前发布")
    [item] = discover_models(text, gazetteer)
    assert (item.name, item.organization, item.kind) == ("赤霄", "容联云", "org_prefix")
    assert text[item.start:item.end] == "赤霄"


def test_a_quoted_brand_of_a_known_model_is_resolved(gazetteer):
    [item] = discover_models(simplify("网易有道旗下的“子曰”教育大模型"), gazetteer)
    assert (item.name, item.known) == ("子曰", "子曰大模型")


def test_discovered_models_become_mentions_only_with_a_cue(gazetteer, rules):
    def mentions(text):
        article = Article("a", "u", "s", "", text, simplify(text), text_hash(text),
                          published_at=datetime(2024, 6, 3))
        return [(m.event_type, m.model, m.organization, m.model_status)
                for m in mentions_in_article(article, gazetteer, rules)]

    # a company the gazetteer lacks, opening the clause before 自研的, is the developer
    assert mentions("星河科技自研的“灵犀”大模型已通过备案。") == [
        ("filing", "灵犀", "星河科技", "discovered")]
    assert mentions("据悉，自研的“灵犀”大模型已通过备案。") == [
        ("filing", "灵犀", None, "discovered")]  # and without one no owner is made up
    assert mentions("用友发布了企业服务大模型XingheGPT。") == [
        ("release", "XingheGPT", "用友网络", "discovered")]
    assert mentions("猎户星空自研的“青鸾”大模型性能出色。") == []  # no event cue
    assert mentions("基于“灵犀”大模型打造的应用今日上线。") == []  # a reference, not the subject


def test_rules_are_checked_when_loaded(tmp_path):
    text = DEFAULT_DISCOVERY_PATH.read_text(encoding="utf-8")
    bad_kind = tmp_path / "kind.toml"
    bad_kind.write_text(text.replace('kind = "appositive"', 'kind = "apposition"'),
                        encoding="utf-8")
    with pytest.raises(ValueError, match="apposition"):
        DiscoveryRules.load(bad_kind)
    no_group = tmp_path / "group.toml"
    no_group.write_text(text.replace("(?P<name>[\\u4e00-\\u9fff]{2,4}GPT)",
                                     "([\\u4e00-\\u9fff]{2,4}GPT)"), encoding="utf-8")
    with pytest.raises(ValueError, match="name"):
        DiscoveryRules.load(no_group)
