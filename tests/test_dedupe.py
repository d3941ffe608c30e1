from dataclasses import replace

from extractors.dedupe import assign_stories, canonical_articles, story_id_for
from extractors.normalize import simplify, text_hash
from extractors.records import Article

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


def test_canonical_article_is_the_most_complete():
    short, long = article("1", TEXT), article("2", TEXT + "\n\n更多细节。")
    long = replace(long, story_id="s")
    short = replace(short, story_id="s")
    assert canonical_articles([short, long]) == [long]
