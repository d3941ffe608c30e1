from datetime import date

import pytest

from extractors.dates import parse_dateline, resolve_event_date

REF = date(2023, 11, 17)


@pytest.mark.parametrize(
    ("sentence", "reference", "expected"),
    [
        ("2023年8月31日，首批大模型通过备案", REF, (date(2023, 8, 31), "day")),
        ("今年3月16日，百度发布文心一言", REF, (date(2023, 3, 16), "day")),
        ("去年12月，OpenAI推出ChatGPT", REF, (date(2022, 12, 1), "month")),
        ("10月17日，百度发布文心大模型4.0", REF, (date(2023, 10, 17), "day")),
        ("12月5日发布", REF, (date(2022, 12, 5), "day")),  # later than the reference: last year
        ("2022年12月，OpenAI推出ChatGPT", None, (date(2022, 12, 1), "month")),
        ("2024年，大模型进入应用阶段", None, (date(2024, 1, 1), "year")),
        ("近日完成备案", REF, (date(2023, 11, 1), "month")),
        ("今天正式上线", REF, (date(2023, 11, 17), "day")),
        ("10月17日，百度发布文心大模型4.0", None, None),  # no year anywhere
        ("2月30日发布", REF, None),
        ("没有日期的句子", REF, None),
        ("10亿参数规模", REF, None),
    ],
)
def test_event_dates(sentence, reference, expected):
    resolved = resolve_event_date(sentence, reference)
    assert (resolved.value, resolved.precision) == expected if expected else resolved is None


def test_datelines():
    assert parse_dateline("发布时间：2024-04-19 08:05:09").isoformat() == "2024-04-19T08:05:09"
    assert parse_dateline("2023年11月17日 11:11").isoformat() == "2023-11-17T11:11:00"
    assert parse_dateline("2023/13/40") is None


@pytest.mark.parametrize(
    ("sentence", "reference", "expected"),
    [
        ("昨天，DeepSeek宣布降价", date(2024, 5, 7), (date(2024, 5, 6), "day")),
        ("百度昨日发布", date(2024, 3, 1), (date(2024, 2, 29), "day")),  # across a month
        ("前天上线", REF, (date(2023, 11, 15), "day")),
        ("亚马逊23日宣布追加投资", date(2024, 11, 23), (date(2024, 11, 23), "day")),
        # a day still to come this month is last month's
        ("28日发布", date(2024, 3, 2), (date(2024, 2, 28), "day")),
        ("上月，百川智能完成融资", date(2024, 1, 10), (date(2023, 12, 1), "month")),
        ("本月正式开放", REF, (date(2023, 11, 1), "month")),
        ("今年以来，多款大模型纷纷发布", REF, (date(2023, 1, 1), "year")),
        ("去年上半年", REF, (date(2022, 1, 1), "year")),
        ("8月，Gartner发布报告", REF, (date(2023, 8, 1), "month")),
        ("11月初陆续公布", REF, (date(2023, 11, 1), "month")),
        ("2023.3.16，百度发布文心一言", None, (date(2023, 3, 16), "day")),
        ("3个月内完成", REF, None),
        ("30日内完成整改", REF, None),
        ("第5日", REF, None),
        ("近7日下载量", REF, None),
        # REF is a Friday.
        ("昨晚，腾讯混元正式上线", REF, (date(2023, 11, 16), "day")),
        ("今晨，OpenAI发布新模型", REF, (date(2023, 11, 17), "day")),
        ("美国时间周六，xAI发布Grok", date(2023, 11, 19), (date(2023, 11, 18), "day")),
        ("周五发布", REF, (date(2023, 11, 17), "day")),  # the publication day itself
        ("星期一上线", REF, (date(2023, 11, 13), "day")),
        ("上周五，月之暗面发布", REF, (date(2023, 11, 10), "day")),
        ("上周日开源", date(2023, 11, 20), (date(2023, 11, 19), "day")),
        ("本周二宣布降价", REF, (date(2023, 11, 14), "day")),
        ("上周，智谱完成融资", date(2023, 11, 3), (date(2023, 10, 1), "month")),
        ("每周一更新", REF, None),
        ("发布一周年", REF, None),
        # holidays on a fixed day: the latest one up to publication, or the year named
        ("圣诞节当天，某公司开源新模型", date(2024, 12, 27), (date(2024, 12, 25), "day")),
        ("元旦当天发布", date(2025, 1, 3), (date(2025, 1, 1), "day")),
        ("去年国庆节上线", date(2025, 3, 1), (date(2024, 10, 1), "day")),
        ("国庆节假期期间，下载量大增", REF, None),
        # years counted back from publication
        ("一年前的3月12日，某公司推出首款模型", date(2025, 4, 2), (date(2024, 3, 12), "day")),
        ("两年前的9月，这款应用上线", date(2025, 4, 2), (date(2023, 9, 1), "month")),
    ],
)
def test_more_event_dates(sentence, reference, expected):
    resolved = resolve_event_date(sentence, reference)
    assert (resolved.value, resolved.precision) == expected if expected else resolved is None
