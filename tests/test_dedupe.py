"""Dedupe: sketches, verification and story decisions (pure); shared texts and reposts.

The warehouse side (band join, persistence, history) is in test_dedupe_warehouse.py,
which imports the texts and helpers defined here.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime
from itertools import combinations

import pytest

from extractors.article import ExtractionSettings, extract_article
from extractors.dedupe import (
    EXACT,
    MINHASH,
    NEW,
    DedupeSettings,
    StoredCandidate,
    assign,
    assign_stories,
    canonical_articles,
    decide_stories,
    signatures,
    story_id_for,
)
from extractors.minhash import (
    MinHasher,
    Scheme,
    band_keys,
    estimated_jaccard,
    match_form,
    sketch_values,
)
from extractors.normalize import simplify, text_hash
from extractors.records import Article, Page
from tests.support import seed_text

# Two different reports on the same topic (the first and the second 备案 batch): the same
# vocabulary, law, verbs and kinds of names, but not the same story.
FIRST_BATCH = "\n\n".join([
    "8月31日，多家人工智能企业宣布，旗下大模型已通过《生成式人工智能服务管理暂行办法》备案"
    "，可正式上线面向公众提供服务。这是该办法8月15日施行以来的首批获准名单。",
    "据了解，首批通过备案的共有11家企业，包括百度、"
    "抖音、智谱华章、中国科学院自动化研究所、上海人工智能实验室、"
    "商汤科技、百川智能、MiniMax和科大讯飞等，"
    "覆盖文心一言、云雀、ChatGLM、紫东太初、"
    "书生通用大模型、日日新、百川大模型和讯飞星火等产品。",
    "百度当天宣布文心一言全面开放，用户可在应用商店下载文心一言App，"
    "也可登录官网体验。百度创始人李彦宏表示，全面开放后，"
    "百度将获得大量真实世界的人类反馈，进一步改进基础模型。",
    "智谱华章表示，智谱清言在首批备案后即日起面向公众开放，"
    "该产品基于ChatGLM2千亿基座模型，具备通用问答、"
    "多轮对话、创意写作和代码生成等能力。",
    "业内人士认为，首批大模型获准上线，标志着我国生成式人工智能从技术研发走向规模化应用的新阶"
    "段。监管部门将坚持发展和安全并重，实行包容审慎和分类分级监管。",
    "记者注意到，此次获准的产品既有互联网大厂，也有创业公司和科研机构。"
    "分析人士指出，面向公众开放后，各家模型在用户规模、"
    "数据积累和商业化方面的竞争将更加激烈。",
])

SECOND_BATCH = "\n\n".join([
    "11月初，又一批国产大模型通过《生成式人工智能服务管理暂行办法》备案，"
    "正式向公众开放服务。这是继8月底首批名单之后第二批获准上线的大模型。",
    "据不完全统计，第二批通过备案的大模型包括蚂蚁集团的百灵大模型、"
    "昆仑万维的天工大模型、知乎的知海图AI、网易有道的子曰和好未来的MathGPT等，"
    "涉及金融、教育和社区问答等多个领域。",
    "昆仑万维宣布，天工大模型已通过备案，天工AI助手即日起面向全社会开放。"
    "公司表示，天工具备千亿级参数规模，支持搜索增强和长文本处理。",
    "蚂蚁集团表示，百灵大模型将率先在金融和医疗领域落地，"
    "为理财、保险和医疗健康场景提供专业服务。网易有道则宣布子曰教育大模型完成备案，"
    "将应用于口语训练和作文批改。",
    "与首批以通用大模型为主不同，第二批名单中行业大模型比例明显提高。"
    "专家表示，随着备案工作常态化推进，更多垂直领域的大模型将陆续上线，"
    "行业竞争重点正从参数规模转向应用落地。",
    "分析人士指出，监管部门在保障安全的前提下加快备案节奏，"
    "有利于大模型企业尽快获取用户反馈，推动技术迭代和商业化进程。",
])

HEADERS = ("来源：科技前沿网", "【智能观察】原创 作者：张伟", "本文转载自微信公众号“AI每日谈”")
FOOTERS = (
    "免责声明：本文仅代表作者观点，不构成投资建议。如有侵权，请联系删除。",
    "责任编辑：李静 校对：王芳\n\n关注我们，获取更多人工智能前沿资讯。点击阅读原文。",
)
ADS = ("【广告】AI大模型实战训练营限时优惠，扫码立即报名，名额有限！",
       "推广：云服务器新用户首年仅需99元，点击链接免费领取。")


def seed_body(prefix: str = "003") -> str:
    """A seed article's body: its paragraphs without the title and dateline lines."""
    lines = [line for line in seed_text(prefix).splitlines() if line.strip()]
    return "\n\n".join(lines[2:])


def repost(text: str, *, variant: int, keep: float = 1.0) -> str:
    """Another outlet's copy: its own header/footer, an injected ad, paragraphs broken
    elsewhere, other punctuation, and optionally only the first `keep` share of the text."""
    rng = random.Random(variant)
    paragraphs = [p for p in text.split("\n\n") if p]
    if keep < 1.0:
        target, running = keep * sum(map(len, paragraphs)), 0
        for index, paragraph in enumerate(paragraphs):
            running += len(paragraph)
            if running >= target:
                paragraphs = paragraphs[: index + 1]
                break
    rebroken: list[str] = []
    for paragraph in paragraphs:
        sentences = [s + "。" for s in paragraph.split("。") if s]
        if rebroken and rng.random() < 0.4:
            rebroken[-1] += sentences[0]  # joined onto the previous paragraph
            sentences = sentences[1:]
        if len(sentences) > 2 and rng.random() < 0.5:
            middle = len(sentences) // 2
            rebroken += ["".join(sentences[:middle]), "".join(sentences[middle:])]
        elif sentences:
            rebroken.append("".join(sentences))
    rebroken.insert(len(rebroken) // 2, ADS[variant % len(ADS)])
    if variant % 2:
        rebroken = [p.replace("，", ",").replace("。", ". ").replace("：", ":")
                    for p in rebroken]
    separator = "\n" if variant % 3 == 0 else "\n\n"  # single or blank-line breaks
    return separator.join(
        [HEADERS[variant % len(HEADERS)], *rebroken, FOOTERS[variant % len(FOOTERS)]]
    )


def make_article(article_id: str, text: str, *, title: str = "标题",
                 published_at: datetime | None = datetime(2023, 11, 17),
                 url: str | None = None) -> Article:
    return Article(article_id, url or f"https://news.example/{article_id}", "test", title,
                   text, simplify(text), text_hash(text), published_at=published_at)


def unrelated_texts(count: int, chars: int = 400, seed: int = 3) -> list[str]:
    """Texts with no story in common: characters drawn at random from the seed articles."""
    pool = sorted({c for p in ("000", "001", "002", "003", "004") for c in seed_text(p)
                   if "\u4e00" <= c <= "\u9fff"})
    rng = random.Random(seed)
    return ["".join(rng.choices(pool, k=chars)) + "。" for _ in range(count)]


# ---------------------------------------------------------------- helpers for both files


def stories_of(articles: list[Article], settings: DedupeSettings | None = None) -> dict:
    """Decide a batch alone (no history), every pair a candidate: article id → story."""
    sigs = signatures(articles, settings)
    pairs = list(combinations(range(len(sigs)), 2))
    return decide_stories(sigs, pairs, [], {}, set(), settings).story_ids()


def shingle_jaccard(first: str, second: str, k: int = 5) -> float:
    a, b = match_form(simplify(first)), match_form(simplify(second))
    x = {a[i : i + k] for i in range(len(a) - k + 1)}
    y = {b[i : i + k] for i in range(len(b) - k + 1)}
    return len(x & y) / len(x | y)


SETTINGS = DedupeSettings.load()
HASHER = MinHasher(SETTINGS.scheme)


# ---------------------------------------------------------------- sketches


def test_match_form_ignores_punctuation_spaces_breaks_and_case():
    assert match_form("大模型，备案。\n\n  ChatGLM-2 “开放”！") == "大模型备案chatglm2开放"


def test_shingle_hashes_follow_the_documented_formula():
    scheme = SETTINGS.scheme
    k = scheme.shingle_chars
    form = match_form(simplify(FIRST_BATCH))
    expected = []
    for start in range(len(form) - k + 1):
        total = HASHER._offset + sum(
            a * ord(c) for a, c in zip(HASHER._multipliers, form[start : start + k], strict=True))
        expected.append((total % 2**64) >> 32)
    assert HASHER.shingle_hashes(form).tolist() == expected


def test_sketch_bits_are_pinned():
    """Stored sketches are compared for years: the bits of a scheme must never drift."""
    sketch = HASHER.sketch(simplify(FIRST_BATCH))
    assert SETTINGS.scheme.name == "oph32-c5-b42x3-s1"
    assert sketch.shingles == 465
    assert sketch_values(sketch.minhash)[:4] == [14862857, 41733694, 80409579, 108029131]


def test_python_and_numpy_engines_compute_identical_sketches():
    pytest.importorskip("numpy")
    texts = [simplify(seed_text(p)) for p in ("000", "001", "002", "003", "004")]
    texts += [FIRST_BATCH, SECOND_BATCH, "", "短", "五个字符了", "ＡＢＣ straße 𠀀𠀁𠀂𠀃😀", "—…—"]
    texts += [text[: len(text) // 3] for text in texts[:5]]
    python = HASHER.sketches(texts, engine="python")
    assert python == HASHER.sketches(texts, engine="numpy")
    assert [s.minhash is None for s in python[7:12]] == [True, True, False, False, True]


def test_short_texts_fill_every_bin_by_densification():
    sketch = HASHER.sketch("生成式人工智能服务管理暂行办法")  # 11 shingles for 126 bins
    values = sketch_values(sketch.minhash)
    assert sketch.shingles == 11 and len(values) == SETTINGS.scheme.bins
    assert len(set(values)) == 11 and max(values) < 2**32


@pytest.mark.parametrize("keep", [1.0, 0.6])
def test_estimated_jaccard_tracks_the_exact_jaccard(keep):
    original = seed_body("003")
    copy = repost(original, variant=1, keep=keep)
    exact = shingle_jaccard(original, copy)
    first, second = (HASHER.sketch(simplify(t)).minhash for t in (original, copy))
    # Standard error at 126 bins is at most 0.045; allow three of them.
    assert abs(estimated_jaccard(first, second) - exact) < 0.135
    assert estimated_jaccard(first, first) == 1.0


def test_band_keys_cut_the_sketch_into_bands():
    sketch = HASHER.sketch(simplify(FIRST_BATCH)).minhash
    keys = band_keys(sketch, SETTINGS.scheme.rows)
    assert len(keys) == SETTINGS.scheme.bands and b"".join(keys) == sketch


def test_a_changed_scheme_changes_the_name():
    assert Scheme(5, 42, 3, 1).name != Scheme(5, 42, 3, 2).name != Scheme(4, 42, 3, 2).name


# ---------------------------------------------------------------- decisions in a batch


def test_same_article_with_other_boilerplate_ads_titles_and_breaks_is_one_story():
    body = seed_body("003")
    articles = [make_article("original", body, title="AI“百模大战”现状：向垂直、B端谋场景")]
    articles += [make_article(f"copy{v}", repost(body, variant=v),
                              title="AI百模大战现状 向垂直B端谋场景！" if v % 2 else "百模大战现状")
                 for v in range(1, 6)]
    assert len({a.text_hash for a in articles}) == 6  # no two are exact copies
    assert len(set(stories_of(articles).values())) == 1


def test_short_report_with_boilerplate_and_ad_is_one_story():
    articles = [make_article("a", FIRST_BATCH), make_article("b", repost(FIRST_BATCH, variant=2)),
                make_article("c", repost(FIRST_BATCH, variant=3))]
    assert len(set(stories_of(articles).values())) == 1


@pytest.mark.parametrize("prefix", ["003", "002", "000"])
def test_partial_repost_of_the_first_60_percent_is_the_same_story(prefix):
    body = seed_body(prefix)
    articles = [make_article("full", body), make_article("part", repost(body, variant=4,
                                                                      keep=0.6))]
    assert len(set(stories_of(articles).values())) == 1


def test_two_filing_batch_reports_on_the_same_topic_are_two_stories():
    articles = [make_article("first", FIRST_BATCH), make_article("second", SECOND_BATCH)]
    assert len(set(stories_of(articles).values())) == 2
    # The vocabulary overlaps (law, verbs, kinds of names), the stories do not.
    assert 0.01 < shingle_jaccard(FIRST_BATCH, SECOND_BATCH) < SETTINGS.near_miss


def test_different_seed_articles_are_different_stories():
    articles = [make_article(p, seed_text(p)) for p in ("000", "001", "002", "003", "004")]
    assert len(set(stories_of(articles).values())) == 5


def test_decisions_name_method_similarity_and_evidence():
    body = seed_body("003")
    articles = [make_article("a", body), make_article("b", body.replace("。", ".")),
                make_article("c", repost(body, variant=4, keep=0.6)),
                make_article("d", FIRST_BATCH)]
    sigs = signatures(articles)
    result = decide_stories(sigs, list(combinations(range(4), 2)), [], {}, set())
    by_id = {d.article_id: d for d in result.decisions}
    assert (by_id["b"].method, by_id["b"].similarity, by_id["b"].matched_article_id) == (
        EXACT, 1.0, "a")
    assert by_id["c"].method == MINHASH and 0.4 < by_id["c"].similarity < 0.8
    assert (by_id["d"].method, by_id["d"].similarity, by_id["d"].matched_article_id) == (
        NEW, 0.0, None)
    merged = {(p.article_id, p.other_article_id, p.method) for p in result.pairs if p.merged}
    # b-c is not compared: b and c are already one story through a.
    assert merged == {("b", "a", EXACT), ("a", "c", MINHASH)}
    assert result.stats["exact_pairs"] == 1 and result.stats["already_joined"] == 1


def test_copies_chain_into_one_story():
    """A excerpt (first 60%) and B excerpt (last 60%) barely overlap; the full text joins
    them, so the three are one story whatever order they come in."""
    body = seed_body("003")
    half = len(body) * 2 // 5
    head, tail = body[: len(body) - half], body[half:]
    assert shingle_jaccard(head, tail) < SETTINGS.jaccard_threshold
    articles = [make_article("head", head), make_article("tail", tail),
                make_article("full", body)]
    assert len(set(stories_of(articles).values())) == 1
    assert len(set(stories_of(articles[:2]).values())) == 2


def test_near_misses_are_reported_but_not_merged():
    strict = replace(SETTINGS, jaccard_threshold=0.95, near_miss=0.3)
    body = seed_body("003")
    articles = [make_article("a", body), make_article("b", repost(body, variant=4, keep=0.6))]
    sigs = signatures(articles, strict)
    result = decide_stories(sigs, [(0, 1)], [], {}, set(), strict)
    assert len(set(result.story_ids().values())) == 2
    (pair,) = result.pairs
    assert pair.method == MINHASH and not pair.merged and 0.3 <= pair.similarity < 0.95


def test_short_texts_are_matched_only_exactly():
    brief = "百度文心一言通过备案，即日起面向公众开放服务。"  # under min_shingles
    edited = brief.replace("即日起", "今日起")
    assert len(set(stories_of([make_article("a", brief), make_article("b", edited)]).values())) == 2
    same = stories_of([make_article("a", brief), make_article("b", brief + "\n")])
    assert len(set(same.values())) == 1


def test_new_story_ids_are_deterministic_and_independent_of_order():
    articles = [make_article("a", FIRST_BATCH), make_article("b", repost(FIRST_BATCH, variant=2))]
    forward, backward = stories_of(articles), stories_of(articles[::-1])
    assert forward == backward
    assert forward["a"] == story_id_for(min(a.text_hash for a in articles))


# ---------------------------------------------------------------- decisions against history


def _stored(batch_id: str, stored_id: str, story: str, text: str, exact: bool = False):
    sketch = HASHER.sketch(simplify(text))
    return StoredCandidate(batch_id, stored_id, story, exact, sketch.minhash, sketch.shingles)


def test_a_copy_joins_the_stored_story():
    body = seed_body("003")
    sigs = signatures([make_article("new", repost(body, variant=5))])
    result = decide_stories(sigs, [], [_stored("new", "old", "story-2023", body)],
                            {"story-2023": datetime(2023, 11, 17)}, set())
    (decision,) = result.decisions
    assert (decision.story_id, decision.method, decision.matched_article_id) == (
        "story-2023", MINHASH, "old")


def test_an_article_copying_two_stored_stories_merges_them_into_the_oldest():
    body = seed_body("003")
    half = len(body) * 2 // 5
    sigs = signatures([make_article("full", body)])
    stored = [_stored("full", "head", "story-new", body[: len(body) - half]),
              _stored("full", "tail", "story-old", body[half:])]
    founded = {"story-new": datetime(2024, 5, 1), "story-old": datetime(2023, 1, 1)}
    result = decide_stories(sigs, [], stored, founded, set())
    assert result.decisions[0].story_id == "story-old"
    (merge,) = result.merges
    assert (merge.story_id, merge.into_story_id, merge.article_id) == (
        "story-new", "story-old", "full")


def test_exact_text_matches_stored_articles_even_without_a_sketch():
    sigs = signatures([make_article("new", FIRST_BATCH.replace("，", ","))])
    stored = [StoredCandidate("new", "old", "story-x", exact=True)]
    (decision,) = decide_stories(sigs, [], stored, {}, set()).decisions
    assert (decision.story_id, decision.method, decision.similarity) == ("story-x", EXACT, 1.0)


def test_a_new_story_never_reuses_a_stored_story_id():
    article = make_article("a", FIRST_BATCH)
    taken = {story_id_for(article.text_hash)}
    (decision,) = decide_stories(signatures([article]), [], [], {}, taken).decisions
    assert decision.story_id not in taken and decision.method == NEW


def test_assign_sets_the_decided_story_ids():
    articles = [make_article("a", FIRST_BATCH), make_article("b", SECOND_BATCH)]
    sigs = signatures(articles)
    result = decide_stories(sigs, [(0, 1)], [], {}, set())
    assigned = assign(articles, result)
    assert [a.story_id for a in assigned] == [d.story_id for d in result.decisions]


# ---------------------------------------------------------------- within one article


def test_a_repeated_paragraph_is_kept_once_by_extraction():
    paragraphs = FIRST_BATCH.split("\n\n")
    text = "\n\n".join(["首批大模型通过备案", *paragraphs[:3], paragraphs[1], *paragraphs[3:]])
    page = Page("t", "file:a.txt", "file:a.txt", 200, "text/plain; charset=utf-8",
                text.encode(), "h", datetime(2024, 1, 1))
    article = extract_article(page, ExtractionSettings.load())
    assert article.text.count(paragraphs[1]) == 1
    assert dict(article.removed)["repeated_paragraph"] == 1
    assert article.text_hash == text_hash(FIRST_BATCH)  # as if it had never repeated


# ---------------------------------------------------------------- exact-only path (kept)

TEXT = ("包括文心一言、通义千问在内的多个大模型近日完成备案，将向公众开放。\n\n"
        "专家表示，这标志着行业进入新阶段。")


def article(article_id: str, text: str) -> Article:
    return Article(article_id, f"http://x/{article_id}", "t", "标题", text, simplify(text),
                   text_hash(text))


def test_copies_with_other_punctuation_spacing_and_script_share_a_story():
    variants = [
        TEXT,
        TEXT.replace("，", ",").replace("\n\n", "\n"),
        TEXT.replace("文心一言", "文心一言").replace("将向公众", "將向公眾"),  # traditional
        " ".join(TEXT),  # spaces everywhere
    ]
    stories = assign_stories([article(str(i), t) for i, t in enumerate(variants)], {})
    assert len({a.story_id for a in stories}) == 1
    decided = stories_of([article(str(i), t) for i, t in enumerate(variants)])
    assert len(set(decided.values())) == 1


def test_different_texts_are_different_stories():
    stories = assign_stories([article("1", TEXT), article("2", TEXT + "另有补充。")], {})
    assert len({a.story_id for a in stories}) == 2


def test_a_copy_of_a_stored_article_joins_its_story():
    stored = {text_hash(TEXT): "story-from-last-year"}
    (copy,) = assign_stories([article("9", TEXT.replace("，", ","))], stored)
    assert copy.story_id == "story-from-last-year"


def test_story_ids_are_deterministic():
    (first,) = assign_stories([article("1", TEXT)], {})
    assert first.story_id == story_id_for(text_hash(TEXT))


def test_canonical_article_is_the_most_complete_then_the_earliest():
    short, long = article("1", TEXT), article("2", TEXT + "\n\n更多细节。")
    long = replace(long, story_id="s")
    short = replace(short, story_id="s")
    assert canonical_articles([short, long]) == [long]
    late = replace(long, article_id="3", published_at=datetime(2024, 2, 1))
    early = replace(long, article_id="4", published_at=datetime(2024, 1, 1))
    assert canonical_articles([late, early]) == [early]
