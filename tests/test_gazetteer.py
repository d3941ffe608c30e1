import csv

import pytest

from extractors import SEEDS_DIR
from extractors.gazetteer import Gazetteer
from extractors.normalize import simplify


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def rows(name: str) -> list[dict[str, str]]:
    with (SEEDS_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def test_gazetteer_data_is_consistent():
    models, orgs = rows("models.csv"), rows("organizations.csv")
    assert len(models) >= 80
    org_names = {row["organization"] for row in orgs}
    assert {row["organization"] for row in models} <= org_names
    for table, key in ((models, "model"), (orgs, "organization")):
        names = [row[key] for row in table]
        assert len(names) == len(set(names)), f"duplicate canonical name in {key}s"
        seen: dict[str, str] = {}
        for row in table:
            for alias in [row[key], *filter(None, row["aliases"].split("|"))]:
                folded = simplify(alias).casefold()
                assert seen.setdefault(folded, row[key]) == row[key], f"{alias} claimed twice"


def test_required_models_are_known(gazetteer):
    for name in ["文心一言", "通义千问", "讯飞星火", "ChatGLM", "混元", "盘古", "天工", "Kimi",
                 "商量SenseChat", "豆包", "云雀", "紫东太初", "abab", "360智脑", "序列猴子", "Luca",
                 "MathGPT", "WPS AI", "知海图AI", "MOSS", "DeepSeek", "ChatGPT", "Sora"]:
        assert name in gazetteer.models, name


def names(gazetteer: Gazetteer, text: str) -> list[str]:
    return [m.entry.name for m in gazetteer.find(simplify(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("百度发布文心大模型4.0", ["百度", "文心一言"]),
        ("阿里巴巴通義千問升級", ["阿里巴巴", "通义千问"]),  # traditional script
        ("智谱AIGLM大模型", ["智谱AI", "ChatGLM"]),  # glued Latin names
        ("GPT-4o与GPT-4", ["GPT-4o", "GPT-4"]),  # longest first
        ("IGPT-4X", []),  # Latin names must stand alone
        ("ＫＩＭＩ智能助手", ["Kimi"]),  # full-width, case
    ],
)
def test_matching(gazetteer, text, expected):
    assert names(gazetteer, text) == expected


def test_versions_are_read_from_aliases_and_suffixes(gazetteer):
    found = gazetteer.find(simplify("文心大模型4.0和通义千问 2.5以及GPT-4"))
    assert [(m.entry.name, m.version) for m in found] == [
        ("文心一言", "4.0"), ("通义千问", "2.5"), ("GPT-4", None)]


def test_flagship_is_the_only_general_model(gazetteer):
    assert gazetteer.flagship("百川智能").name == "百川大模型"
    assert gazetteer.flagship("腾讯") is None  # several general models: no guess
    assert gazetteer.flagship("没有这家公司") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the label an alias adds to a shorter name of its model
        ("DeepSeek-V3", ("DeepSeek", "V3")), ("DeepSeek-R1", ("DeepSeek", "R1")),
        ("Qwen2.5", ("通义千问", "2.5")),  # Qwen2 is an alias too, but never splits 2.5
        ("GLM-4-Plus", ("ChatGLM", "4-Plus")), ("Kimi K2", ("Kimi", "K2")),
        ("Gemini 1.5 Pro", ("Gemini", "1.5 Pro")), ("天工3.0", ("天工", "3.0")),
        # editions extend a version; sizes and digit-free words are none
        ("文心大模型4.0 Turbo", ("文心一言", "4.0 Turbo")), ("ChatGLM2-6B", ("ChatGLM", "2")),
        ("Yi-34B", ("Yi", None)), ("o1-preview", ("o1", None)), ("Kimi智能助手", ("Kimi", None)),
        # a number of the canonical name itself, and a version after a Chinese name
        ("360智脑", ("360智脑", None)), ("讯飞星火认知大模型V3.0", ("讯飞星火", "3.0")),
        ("GPT-4o mini", ("GPT-4o mini", None)),
        # a whole number set apart after a Latin name is a generation, unless a unit follows
        ("Baichuan 4，", ("百川大模型", "4")), ("Gemini-2。", ("Gemini", "2")),
        ("Kimi 2月", ("Kimi", None)), ("DeepSeek 3款", ("DeepSeek", None)),
        # a size with an edition after it is no version; a dated snapshot belongs to one
        ("QVQ-72B-Preview", ("QVQ", None)), ("DeepSeek-V3-0324", ("DeepSeek", "V3-0324")),
    ],
)
def test_version_labels(gazetteer, text, expected):
    [match] = gazetteer.find(simplify(text))
    assert (match.entry.name, match.version) == expected


def test_names_that_are_tails_of_common_words(gazetteer):
    assert names(gazetteer, "开源大模型与资源大模型") == []
    assert names(gazetteer, "浪潮信息发布源2.0") == ["浪潮信息", "源大模型"]


def test_lookup_is_exact_and_prefers_models(gazetteer):
    assert gazetteer.lookup("qwen2.5").name == "通义千问"
    assert gazetteer.lookup("DeepSeek").kind == "model"  # a model and a company
    assert gazetteer.lookup("通义千") is None
    assert all(entry.status == "gazetteer" for entry in gazetteer.models.values())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # new rows win over the shorter name of a neighbouring model
        ("小红书开源dots.llm1", ["小红书", "dots.llm1"]),
        ("阿里发布Qwen-Image", ["阿里巴巴", "Qwen-Image"]),  # not 通义千问 (Qwen)
        ("潞晨科技开源Open-Sora", ["潞晨科技", "Open-Sora"]),  # not OpenAI's Sora
        ("Kimi-VL与DeepSeek-VL2", ["Kimi-VL", "DeepSeek-VL"]),
        ("B站开源Index-1.9B", ["哔哩哔哩", "Index大模型"]),
        ("Amazon Nova与Nova Pro", ["Amazon Nova", "Amazon Nova"]),
        ("讯飞星火医疗大模型", ["讯飞星火医疗大模型"]),  # not 讯飞星火
        ("联想集团发布天禧个人超级智能体", ["联想集团", "联想天禧"]),
        ("SSI完成融资", ["Safe Superintelligence"]),
        # ordinary words and bare English words that stay out
        ("让人联想到", []), ("他在官方微博宣布", []), ("上海康复医院", []),
        ("交通运输部部长李小鹏", []), ("可图文并茂", []), ("信任度大模型", []),
        ("Nova and Index and flux", []), ("在Hugging Face开源", []),
    ],
)
def test_matching_of_wider_rows(gazetteer, text, expected):
    assert names(gazetteer, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Doubao-Seed-1.6", ("豆包", "1.6")), ("TeleChat2.5", ("星辰大模型", "2.5")),
        ("SD3.5", ("Stable Diffusion", "3.5")), ("Emu3.5", ("Emu3", "3.5")),
        ("Gemini 3", ("Gemini", "3")), ("Claude Opus 4.5", ("Claude", "Opus 4.5")),
        ("Kimi-K2", ("Kimi", "K2")), ("Vidu Q1", ("Vidu", "Q1")),
        ("腾讯混元3D 2.0", ("混元3D", "2.0")), ("GPT-5.1", ("GPT-5.1", None)),
    ],
)
def test_version_labels_of_wider_rows(gazetteer, text, expected):
    [match] = gazetteer.find(simplify(text))
    assert (match.entry.name, match.version) == expected


def test_a_brand_after_its_developer_is_the_model(gazetteer):
    # 百灵, 快意 and 蓝心 alone are ordinary words; after their developer they are models.
    assert names(gazetteer, "蚂蚁百灵、快手快意、vivo蓝心") == [
        "百灵大模型", "快意大模型", "蓝心大模型"]
    assert names(gazetteer, "百灵鸟飞过快意人生") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a generation glued to a long Latin name is its version…
        ("开源XuanYuan3-70B", [("轩辕大模型", "3")]),
        ("InternLM2发布", [("书生·浦语", "2")]),
        # …a size glued to it is no version, nor is a glued name a shorter one's
        ("Kimi2B参数", []),
    ],
)
def test_a_generation_glued_to_a_name(gazetteer, text, expected):
    assert [(m.entry.name, m.version) for m in gazetteer.find(simplify(text))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lettered label after a stem whose lettered names are one model's aliases is its version
        ("MiniMax-M3上线", [("abab", "M3")]),
        # …where they are models of their own, a new model the gazetteer leaves to discovery
        ("Baichuan-M5开源", []),
        ("Baichuan-M2开源", [("Baichuan-M2", None)]),
        # the stem of a numbered family of one model's aliases, before another number
        ("视频模型海螺04亮相", [("海螺AI", "04")]),
        ("可图3.0发布", [("Kolors", "3.0")]),
        # …not before a figure, nor a short Latin stem (nova 14 is a phone)
        ("海螺3款", []),
        ("华为nova 14发布", [("华为", None)]),
    ],
)
def test_families_of_numbered_names(gazetteer, text, expected):
    assert [(m.entry.name, m.version) for m in gazetteer.find(simplify(text))] == expected
