from datetime import datetime

from extractors.text_article import parse_text
from tests.support import seed_text as seed


def test_labelled_header_line_seed_001():
    doc = parse_text(seed("001"))
    assert doc.title == "发展大模型关键在应用(yòng)"  # glosses go in cleaning, not here
    assert doc.site_name == "经济日报"
    assert doc.author is None  # "作者:" is empty in the source
    assert doc.published_at == datetime(2024, 4, 19)
    assert not any(p.startswith("来源") for p in doc.paragraphs)


def test_unlabelled_dateline_seed_003():
    doc = parse_text(seed("003"))
    assert doc.title.startswith("AI“百模大战”现状")
    assert doc.site_name == "国际金融报"
    assert doc.published_at == datetime(2023, 11, 17, 11, 11)
    assert doc.paragraphs[0] == "AI(人工智能)大模型正“飞入”百姓家和行业中。"


def test_article_that_starts_with_a_paragraph_has_no_title_line():
    doc = parse_text(seed("002"))
    assert doc.title is None
    assert doc.paragraphs[0].startswith("7月2日,北京发布")


def test_other_header_layouts():
    text = "标题在这里\n作者：张三　来源：新华网　2024年3月5日 08:30\n正文第一段。"
    doc = parse_text(text.replace("　", " "))
    assert (doc.site_name, doc.author) == ("新华网", "张三")
    assert doc.published_at == datetime(2024, 3, 5, 8, 30)
    assert doc.paragraphs == ["正文第一段。"]


def test_a_date_inside_prose_is_not_a_header():
    text = "标题\n2023年11月17日，多个大模型通过备案，将向公众开放。\n第二段。"
    doc = parse_text(text)
    assert doc.published_at is None
    assert len(doc.paragraphs) == 2


def test_future_dates_are_rejected():
    doc = parse_text("标题\n某报 2031-01-01\n正文。", now=datetime(2026, 1, 1))
    assert doc.published_at is None


def test_empty_text():
    doc = parse_text("\n \n")
    assert doc.title is None and doc.paragraphs == []


def test_language_is_guessed_from_the_text():
    assert parse_text(seed("003")).language == "zh"
    english = "OpenAI releases GPT-4o\nThe model talks in real time and reads images."
    assert parse_text(english).language == "en"
