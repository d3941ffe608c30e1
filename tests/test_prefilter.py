"""The literal prefilter: a pattern is skipped only on text it cannot match."""

import json
import re
from pathlib import Path

import pytest

from extractors.events import CueRules
from extractors.normalize import casefold_in_place, simplify
from extractors.prefilter import MAX_LITERALS, necessary_literals, scan

GOLD = Path(__file__).parent / "gold"


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        ("募资[^,。]{0,6}投向", {"募资"}),  # the first of two literals
        ("(上架|下架)了?插件", {"插件"}),  # the longer run after an alternation
        ("(上架|下架)", {"上架", "下架"}),  # every alternative holds one
        ("(?:ab)+c?", {"ab"}),  # a repeat done at least once
        ("(?i:Turbo)升级", {"turbo"}),  # casefolded, as the text it is checked on
    ],
)
def test_necessary_literals(pattern, needs):
    assert necessary_literals(re.compile(pattern)) == needs


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        ("(上架|[下撤]架)", {"上架", "架"}),  # an alternative with a class still ends in 架
        ("(?=发布)", None),  # a lookahead consumes nothing
        ("[甲乙]{2}", None),
        ("x*", None),
        ("插件(?:上新)?", {"插件"}),
    ],
)
def test_literals_only_where_certain(pattern, needs):
    assert necessary_literals(re.compile(pattern)) == needs


def test_optional_parts_are_never_needed():
    assert necessary_literals(re.compile("(?:插件)?上新?")) == {"上"}
    assert necessary_literals(re.compile("(?:插件)*")) is None


def test_an_ignore_case_i_is_not_a_safe_literal():
    # (re.I matches i against ı, which casefolding keeps: the prefilter would miss it)
    assert necessary_literals(re.compile("mini", re.I)) is None
    assert re.search("mini", "MINı", re.I)  # why
    assert necessary_literals(re.compile("turbo", re.I)) == {"turbo"}


def test_too_many_alternatives_give_no_prefilter():
    words = ["甲乙", "丙丁", "戊己", "庚辛", "壬癸", "子丑", "寅卯"][: MAX_LITERALS + 1]
    assert scan(re.compile("|".join(words))).needs == ()
    assert set(scan(re.compile("|".join(words[:MAX_LITERALS]))).needs) == set(words[:-1])


def test_every_match_of_the_cue_file_holds_a_literal_of_its_prefilter():
    """On every gold text: no cue, context cue or trap pattern matches a sentence its
    prefilter would have skipped."""
    rules = CueRules.load()
    scans = [s for t in rules.types for s in (*t.cues, *t.context_cues, *t.traps) if s.needs]
    assert len(scans) > 100
    texts = [casefold_in_place(simplify(case["text"]))
             for path in sorted(GOLD.glob("*.json"))
             for case in json.loads(path.read_text(encoding="utf-8")).get("cases", [])]
    assert len(texts) > 1000
    checked = 0
    for pattern, needs in scans:
        for text in texts:
            for match in pattern.finditer(text):
                checked += 1
                assert any(word in text for word in needs), (pattern.pattern, match.group())
    assert checked > 1000
