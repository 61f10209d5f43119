"""The fast forms of scanning.py give exactly what their plain patterns give, on every cut of real sentences."""
from __future__ import annotations

import pytest

from tests.parsing.cuts import cuts, spans


@pytest.mark.parametrize("sentence", [
    "全年高新技术产业增加值占GDP比重达到22.88%,同比提高2.6个百分点,研发投入9.18亿元,占GDP比重4.17%。",
    "深入推进电子商务进农村,推动网络直播带货,全区电商交易额10.3亿元,农产品线上销售额3.2亿元。",
    "地区生产总值跨过500亿元大关,占据全市“半壁江山”,年均增长8.5%;人均GDP达到8.2万元,较2016年增长4.8%。",
    ("推进“规上工业企业研发机构扫零”工程,力争4家企业申报市级以上科技研发平台,6家企业申报高新技术企业,"
     "60%以上规上企业建立研发机构,全年高新技术产业增加值占GDP比重达25%以上。"),
    # constructed: 价格 after 可比/不变 is no new noun; the look-behinds must keep working where they moved
    "地区生产总值按可比价格计算增长7.5%,居民消费价格涨幅控制在3%左右,不变价格增加值增长6%。",
])
def test_last_new_noun_is_new_nouns_last_match(sentence):
    # last_new_noun replaces a costly regex scan; it must give the very match NEW_NOUN.finditer gives, for every
    # region a figure can have (any start and end inside the sentence)
    from orchestration.parsing import patterns as P
    from orchestration.parsing.scanning import last_new_noun

    for region in cuts(sentence):
        last = None
        for last in P.NEW_NOUN.finditer(region):
            pass
        assert last_new_noun(region) == (last.span() if last else None), region


@pytest.mark.parametrize("text", [
    "全区实现地方生产总值220.07亿元",
    "人均GDP达到8.2万元",
    "全社会固定资产投资370亿元以上",
    "社零总额145亿元",
    "其中一般公共财政预算收入7.14亿元",
    "限额以上消费品零售额总额19.3亿元",
])
def test_alias_trie_matches_the_longest_first_alternation(text):
    # the alias pattern is a trie for speed; it must match what the plain longest-first alternation matches
    import re

    from orchestration.parsing.lexicon import _aliases

    pattern, direct = _aliases().pattern, _aliases().direct
    plain = re.compile("|".join(re.escape(a) for a in sorted(direct, key=len, reverse=True)))
    for i, j in spans(text):
        assert [m.span() for m in pattern.finditer(text, i, j)] == [m.span() for m in plain.finditer(text, i, j)]
