"""Event extraction never raises, whatever the text: property tests over texts pieced together
from what the rules react to (cue words, model and organisation names, dates, batches,
quotes, list marks) and from odd characters. The test command runs them on the compiled
modules (see extractors/native.py), whose type checks raise where Python would carry on."""

from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.events import CueRules, mentions_in_article
from extractors.gazetteer import Gazetteer
from extractors.normalize import simplify, text_hash
from extractors.records import EVENT_TYPES, Article

PROPERTY_SETTINGS = settings(
    max_examples=300,
    deadline=None,
    database=None,  # no .hypothesis folder in the checkout
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
GAZETTEER, RULES = Gazetteer.load(), CueRules.load()
NAMES = sorted({name for entry in (*GAZETTEER.models.values(), *GAZETTEER.organizations.values())
                for name in (entry.name, *entry.aliases)})
CUES = sorted(RULES.trigger_types)
# What dates, batches, lists, quotes, versions and sentence ends look like, and noise.
SHAPES = ["2025年3月16日", "10月17日", "今年3月", "去年12月", "近日", "日前", "昨天", "周三",
          "第三批", "首批", "第12批", "、", "，", "。", "；", "：", "“", "”", "《", "》", "（",
          "）",
          "1.", "(2)", "①", "\n", " ", "4.0", "V2", "-72B", " Pro", "大模型", "模型", "公司",
          "有限公司", "服务名称：", "备案号", "ICP备案", "算法备案", "将", "计划", "未", "尚未",
          "？", "吗", "的", "和", "旗下", "正式", "已", "\u3000", "\xa0", "\ufffd", "\x00",
          "|", "——", "【", "】", "%", "亿元", "A轮", "每百万tokens", "元"]
PIECES = st.one_of(st.sampled_from(NAMES), st.sampled_from(CUES), st.sampled_from(SHAPES),
                   st.text(max_size=3))
TEXTS = st.lists(PIECES, max_size=60).map("".join)


def mentions(text: str, published: datetime | None):
    article = Article("p1", "http://127.0.0.1/p", "prop", "标题", text, simplify(text),
                      text_hash(text), published_at=published)
    return mentions_in_article(article, GAZETTEER, RULES)


@PROPERTY_SETTINGS
@given(text=TEXTS, published=st.sampled_from([None, datetime(2024, 5, 20),
                                              datetime(2026, 1, 1, 0, 0)]))
def test_any_text_gives_well_formed_mentions(text, published):
    for mention in mentions(text, published):
        assert mention.event_type in EVENT_TYPES
        assert mention.model or mention.organization
        assert mention.sentence and mention.cue
        assert mention.batch is None or mention.batch > 0


@pytest.mark.parametrize("text", [
    "",
    "。。。；；；",
    "备案" * 500,
    "“" * 200 + "大模型",
    "第" + "9" * 40 + "批大模型备案",
    "百度于9999年99月99日发布文心一言",
    "0月0日，阿里发布通义千问3.0。",
    "\n".join(["1. 北京某某科技有限公司，服务名称：某某大模型；"] * 300),
])
def test_edge_texts_do_not_raise(text):
    for published in (None, datetime(2024, 5, 20)):
        assert isinstance(mentions(text, published), list)
