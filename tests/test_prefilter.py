"""The literal prefilter: a pattern is skipped only on text it cannot match."""

import json
import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

import pytest

from extractors import dates
from extractors.discovery import default_rules
from extractors.events import CueRules, _any_word
from extractors.normalize import casefold_in_place, simplify
from extractors.prefilter import (
    MAX_LITERALS,
    ScanGroup,
    necessary_literal_sets,
    necessary_literals,
    scan,
)

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


def test_every_literal_set_a_pattern_needs_is_listed_in_order():
    assert necessary_literal_sets(re.compile("(?:旗下|麾下)的?(?P<name>[甲-龟]{2,4})大模型")) == [
        {"旗下", "麾下"}, {"大模型"}]
    # (for the text as written: a case-sensitive Latin literal keeps its case; a pattern that
    # ignores case only gives its caseless literals)
    assert necessary_literal_sets(re.compile("星图GPT"), casefold=False) == [{"星图GPT"}]
    assert necessary_literal_sets(re.compile("星图GPT")) == [{"星图gpt"}]
    assert necessary_literal_sets(re.compile("Nova-(?:旗舰版|标准版)", re.I),
                                  casefold=False) == [{"旗舰版", "标准版"}]
    assert necessary_literal_sets(re.compile("[甲乙]+")) == []


def test_too_many_alternatives_give_no_prefilter():
    words = ["甲乙", "丙丁", "戊己", "庚辛", "壬癸", "子丑", "寅卯"][: MAX_LITERALS + 1]
    assert scan(re.compile("|".join(words))).needs == ()
    assert set(scan(re.compile("|".join(words[:MAX_LITERALS]))).needs) == set(words[:-1])


@cache
def _gold_texts() -> tuple[str, ...]:
    """Every gold text, simplified (read once for all the tests here)."""
    return tuple(simplify(case["text"])
                 for path in sorted(GOLD.glob("*.json"))
                 for case in json.loads(path.read_text(encoding="utf-8")).get("cases", []))


def test_every_match_of_the_cue_file_holds_a_literal_of_its_prefilter():
    """On every gold text: no cue, context cue or trap pattern matches a sentence its
    prefilter would have skipped."""
    rules = CueRules.load()
    scans = [s for t in rules.types for s in (*t.cues, *t.context_cues, *t.traps) if s.needs]
    assert len(scans) > 100
    texts = [casefold_in_place(text) for text in _gold_texts()]
    assert len(texts) > 1000
    checked = 0
    for pattern, needs in scans:
        for text in texts:
            for match in pattern.finditer(text):
                checked += 1
                assert any(word in text for word in needs), (pattern.pattern, match.group())
    assert checked > 1000


def test_a_group_runs_a_pattern_only_where_one_of_its_literals_is():
    gift, rebate, any_number = (scan(re.compile(p)) for p in ("赠送[^,。]{0,4}会员", "(返现|返利)",
                                                               r"\d+"))
    group = ScanGroup([gift, rebate, any_number], [rebate])
    assert group.runnable("下单即返利，另赠送一年会员") == ((gift, rebate, any_number), (rebate,))
    assert group.runnable("下单即返利") == ((rebate, any_number), (rebate,))
    # (a pattern with no literal always runs; the answer for a set of literals is remembered)
    assert group.runnable("平平无奇的一句话") == ((any_number,), ())
    assert group.runnable("又一句话") is group.runnable("平平无奇的一句话")


class _Needing(NamedTuple):
    name: str
    needs: tuple[str, ...]
    also_needs: tuple[tuple[str, ...], ...] = ()


def test_a_group_runs_a_pattern_only_where_it_finds_a_literal_of_every_set_it_needs():
    bracketed = _Needing("bracketed", ("旗下",), (("大模型", "模型"),))
    group = ScanGroup([bracketed, _Needing("plain", ("模型",))])
    assert [p.name for p in group.runnable("某公司旗下的星图大模型")[0]] == ["bracketed", "plain"]
    assert [p.name for p in group.runnable("某公司旗下的星图助手")[0]] == []
    assert [p.name for p in group.runnable("星图大模型")[0]] == ["plain"]


@pytest.mark.parametrize(("text", "present"), [
    ("发布会", {"发布", "布会", "发布会"}),  # overlapping literals, and one inside another
    ("模型群", {"模型", "模型群"}),  # a literal and its own prefix
    ("群模型", {"模型"}),
    ("布发", set()),
])
def test_a_group_sees_every_literal_even_overlapping_ones(text, present):
    literals = ["发布", "布会", "发布会", "模型", "模型群"]
    patterns = [_Needing(word, (word,)) for word in literals]
    assert {p.name for p in ScanGroup(patterns).runnable(text)[0]} == present


def test_every_match_of_a_sentence_trap_holds_a_literal_of_its_prefilter():
    """Sentence traps search the sentence ignoring case; their literals are casefolded."""
    traps = [t for t in CueRules.load().sentence_traps.lists[0] if t.needs]
    assert len(traps) > 20
    checked = 0
    for text in _gold_texts():
        folded = casefold_in_place(text)
        for trap in traps:
            if trap.regex.search(text):
                checked += 1
                assert any(word in folded for word in trap.needs), trap.regex.pattern
    assert checked > 100


def test_every_match_of_a_discovery_pattern_holds_a_literal_of_each_set_it_needs():
    """On every gold text: the hand-written `needs` of seeds/discovery.toml, and the sets read
    off each regex (`also_needs`)."""
    patterns = [(p, tuple(filter(None, (p.needs, *p.also_needs))))
                for p in default_rules().patterns]
    assert sum(1 for p, _ in patterns if p.needs) > 30
    assert sum(1 for p, _ in patterns if p.also_needs) > 15
    checked = 0
    for text in _gold_texts():
        for pattern, sets in patterns:
            for match in pattern.regex.finditer(text) if sets else ():
                checked += 1
                for words in sets:
                    assert any(word in text for word in words), (pattern.regex.pattern, words,
                                                                  match.group())
    assert checked > 1000


def test_date_patterns_literals_are_as_written():
    """Date patterns search the sentence as it is: their literals must not need casefolding."""
    for pattern in dates._EVENT_SCANS.lists[0]:
        assert all(word == word.casefold() for word in pattern.needs), pattern.kind
    assert sum(1 for p in dates._EVENT_SCANS.lists[0] if p.needs) > 10


@pytest.mark.parametrize("text", [
    "发布会上发布了新品，并宣布发售", "上调为每月9元后又上调", "发发布布会", "会发布", "",
])
def test_a_word_trie_finds_the_longest_word_as_a_sorted_list_does(text):
    words = ["发布", "发布会", "发", "发售", "上调为", "上调", "调为", "会"]
    as_list = re.compile("|".join(sorted(words, key=len, reverse=True)))
    as_trie = _any_word(words, folded=True)
    assert [(m.start(), m.group()) for m in as_trie.finditer(text)] == [
        (m.start(), m.group()) for m in as_list.finditer(text)]


def test_the_trigger_trie_finds_what_the_trigger_list_finds_in_every_gold_text():
    rules = CueRules.load()
    words = sorted({w.casefold() for t in rules.types for w in t.triggers}, key=len,
                   reverse=True)
    as_list = re.compile("|".join(map(re.escape, words)))
    for text in _gold_texts():
        folded = casefold_in_place(text)
        assert [(m.start(), m.group()) for m in rules.triggers.finditer(folded)] == [
            (m.start(), m.group()) for m in as_list.finditer(folded)]
