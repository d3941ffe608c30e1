import pytest

from extractors.cleaning import (
    CleaningRules,
    LanguageRules,
    clean_paragraphs,
    guess_language,
    strip_pinyin_glosses,
)
from extractors.normalize import simplify
from extractors.text_article import parse_text
from tests.support import seed_text

BODY = [
    "近日，多家企业的大模型通过生成式人工智能服务备案，将陆续向公众开放服务。",
    "业内人士表示，备案意味着大模型产品可以正式上线，行业竞争将更加激烈。",
    "专家认为，大模型的商业化落地仍面临算力、数据和应用场景等多重挑战。",
    "多家企业表示将加大投入，推动大模型在金融、医疗、教育等行业落地应用。",
]


@pytest.fixture(scope="module")
def rules() -> CleaningRules:
    return CleaningRules.load()


def clean(paragraphs, rules):
    return clean_paragraphs(paragraphs, rules)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("关键在应用(yòng)。", "关键在应用。"),
        ("作為(wèi)导向", "作為导向"),
        ("路線(xiàn)和國(guó)家", "路線和國家"),
        ("中文（zhōng wén）", "中文（zhōng wén）"),  # two syllables: not a one-character gloss
        ("的(de)", "的"),  # neutral tone, still a syllable
        ("人工智能(AI)大模型", "人工智能(AI)大模型"),
        ("面向企业(B2B)", "面向企业(B2B)"),
        ("模型(llm)", "模型(llm)"),  # not a pinyin syllable
        ("Model (yòng)", "Model (yòng)"),  # no Chinese character before it
    ],
)
def test_pinyin_glosses(text, expected):
    assert strip_pinyin_glosses(text)[0] == expected


def test_seed_001_loses_every_gloss_and_the_trailing_link_list(rules):
    doc = parse_text(seed_text("001"))
    cleaned = clean(doc.paragraphs, rules)
    text = "\n".join(cleaned.paragraphs)
    assert "(yòng)" not in text and "(néng)" not in text
    assert cleaned.removed["pinyin_gloss"] > 100
    assert "地方动态" not in text and "通知公告" not in text
    assert cleaned.paragraphs[-1].startswith("人工智能大模型的“車轮”仍将滚滚向前")


def test_seed_000_injected_ad_and_copyright_tail(rules):
    doc = parse_text(seed_text("000"))
    cleaned = clean(doc.paragraphs, rules)
    text = "\n".join(cleaned.paragraphs)
    assert "创新互联" not in text and "网站建设" not in text
    assert "转载注明" not in text and "当前标题" not in text
    assert cleaned.removed["injected_ad"] == 1
    assert "科大讯飞与东南亚政府合作" in text


@pytest.mark.parametrize(
    "ad",
    [
        "深圳市某某科技有限公司是一家专业的网站制作与小程序开发公司，提供网站优化、"
        "SEO推广服务，服务热线：400-000-0000，欢迎来电免费咨询。",
        "专业服务器租用、服务器托管、域名注册、虚拟主机，价格优惠，咨询热线13800000000。",
    ],
)
def test_other_promotional_paragraphs_are_removed(rules, ad):
    cleaned = clean([*BODY[:2], ad, *BODY[2:]], rules)
    assert cleaned.paragraphs == BODY
    assert cleaned.removed["injected_ad"] == 1


def test_on_topic_paragraph_that_mentions_websites_is_kept(rules):
    on_topic = ("大模型企业加快网站建设和小程序开发，把大模型服务接入更多应用场景，"
                "多家企业表示大模型通过备案后将加大投入。")
    cleaned = clean([*BODY, on_topic], rules)
    assert on_topic in cleaned.paragraphs


@pytest.mark.parametrize(
    "tail",
    [
        ["相关阅读", "某某新闻标题一", "某某新闻标题二"],
        ["编辑/范辉"],
        ["责任编辑：王五"],
        ["【免责声明】本文仅代表作者观点。"],
        [" 往期推荐 ", "继续阅读", "阅读原文"],
        ["扫码关注我们"],
        ["有侵权请联系删除"],
    ],
)
def test_tail_markers_end_the_body(rules, tail):
    cleaned = clean([*BODY, *tail], rules)
    assert cleaned.paragraphs == BODY


def test_a_marker_near_the_top_does_not_empty_the_article(rules):
    cleaned = clean(["编辑：张三", *BODY], rules)
    assert cleaned.paragraphs[-len(BODY):] == BODY


@pytest.mark.parametrize(
    "caption",
    ["图片来源：Unsplash", "图片来源:视觉中国", "资料图", "（记者 李明 摄）", "视频来源：网络",
     "点击这里查看原文"],
)
def test_caption_and_credit_lines_are_dropped_anywhere(rules, caption):
    cleaned = clean([BODY[0], caption, *BODY[1:]], rules)
    assert cleaned.paragraphs == BODY


def test_repeated_paragraphs_are_kept_once(rules):
    cleaned = clean([BODY[0], BODY[1], BODY[0] + " ", BODY[2]], rules)
    assert cleaned.paragraphs == BODY[:3]
    assert cleaned.removed["repeated_paragraph"] == 1


def test_layout_spaces_and_stray_separators(rules):
    cleaned = clean(["\u3000\u3000" + BODY[0] + "\u00a0|", BODY[1]], rules)
    assert cleaned.paragraphs == BODY[:2]


def test_short_article_is_not_eaten_by_the_trailing_rule(rules):
    lines = ["第一行没有句号", "第二行也没有", "第三行"]
    assert clean(lines, rules).paragraphs == lines


@pytest.mark.parametrize("paragraphs", [[], [""], ["   "], ["相关阅读"], ["|"], ["资料图"]])
def test_degenerate_inputs(rules, paragraphs):
    assert isinstance(clean(paragraphs, rules).paragraphs, list)


@pytest.mark.parametrize(
    "heading",
    ["振兴东北网版权与免责声明：", "反侵权公告：", "【法律声明】", "本网转载声明"],
)
def test_copyright_and_disclaimer_headings_end_the_body(rules, heading):
    tail = [heading, "凡本网注明来源的作品，版权均属于本网，未经授权不得转载。"]
    cleaned = clean([*BODY, *tail], rules)
    assert cleaned.paragraphs == BODY
    assert cleaned.removed["tail_marker"] == 2


def test_a_long_paragraph_ending_with_a_heading_word_is_prose(rules):
    prose = "多家企业在发布大模型产品的同时，也在官网显著位置更新了用户协议和相关的免责声明"
    assert len(prose) > 30
    cleaned = clean([*BODY, prose + "，" + prose], rules)
    assert cleaned.paragraphs[-1].startswith(prose)


@pytest.mark.parametrize(
    "header",
    ["来源：经济日报　作者：刘峰", "发布时间：2023-11-16 08:20:33　分类：行业资讯　浏览：1024次",
     "编辑：张三 审核：李四"],
)
def test_header_lines_of_labelled_fields_are_dropped(rules, header):
    cleaned = clean([header, *BODY], rules)
    assert cleaned.paragraphs == BODY


def test_a_sentence_that_starts_with_a_label_is_kept(rules):
    sentence = "来源：据新华社报道，多个大模型近日完成备案，将陆续向公众开放服务，业内普遍看好。"
    cleaned = clean([*BODY[:2], sentence, *BODY[2:]], rules)
    assert sentence in cleaned.paragraphs


def test_simplified_copy_is_paragraph_by_paragraph_simplify(rules):
    traditional = ["發展大模型關鍵在應用。", "國產大模型已有百餘款通過備案，產業鏈條日趨完整。"]
    cleaned = clean([*traditional, *BODY], rules)
    assert cleaned.paragraphs[:2] == traditional
    assert cleaned.simplified == [simplify(p) for p in cleaned.paragraphs]
    assert cleaned.simplified[0] == "发展大模型关键在应用。"


def test_paragraphs_holding_line_breaks_are_tidied_too(rules):
    cleaned = clean(["第一段\n仍是第一段 |", BODY[0]], rules)
    assert cleaned.paragraphs == ["第一段 仍是第一段", BODY[0]]


@pytest.mark.parametrize(
    ("text", "declared", "expected"),
    [
        ("百度发布文心大模型4.0，用户规模已达4500万。", None, "zh"),
        ("OpenAI发布GPT-4o，支持实时语音对话和图像理解。", "en", "zh"),
        ("OpenAI released GPT-4o, a model that talks in real time.", None, "en"),
        ("OpenAI a publié GPT-4o, un modèle qui parle en temps réel.", "fr", "fr"),
        ("OpenAIは新しいモデルを発表しました。言語モデルの競争が激化しています。", None, "ja"),
        ("오픈AI가 새로운 모델을 발표했습니다.", None, "ko"),
        ("2024 — 12:30 !!", "de", "de"),  # no letters: the declaration stands
        ("", None, None),
    ],
)
def test_language_guess(text, declared, expected):
    assert guess_language(text, declared, LanguageRules.load()) == expected
