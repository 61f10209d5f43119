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


@pytest.mark.parametrize("sentence", [
    "全区实现地方生产总值220.07亿元,同比增长9.1%,全市排名第二;",
    "地区生产总值跨过500亿元大关,占据全市“半壁江山”,年均增长8.5%;人均GDP达到8.2万元,较2016年增长4.8%。",
    "全部财政收入完成10.3亿元,是2011年的1.76倍,突破了10亿元大关;",  # county_gaoyang_2017.txt
    "签约项目投资额超过 100亿元,节约用地近50亩,最近约 3年",  # constructed: 约/近 after 签/节/最, spaces
])
def test_strip_hedge_is_the_hedge_substitution(sentence):
    from orchestration.parsing import patterns as P
    from orchestration.parsing.scanning import strip_hedge

    for tail in cuts(sentence):
        assert strip_hedge(tail) == P.PREFIX_BOUND.sub("", tail.rstrip()), tail


@pytest.mark.parametrize("clause", [
    "其中一般公共财政预算收入7.14亿元,同比增长4.73%",
    "社会消费品零售总额完成90.07亿元,累计增长12.1%,其中限额以上消费品零售额总额19.3亿",
    "地区生产总值跨过500亿元大关,占据全市“半壁江山”,年均增长8.5%",
])
def test_trim_subject_is_the_two_substitutions(clause):
    from orchestration.parsing import patterns as P
    from orchestration.parsing.scanning import trim_subject

    for words in cuts(clause):
        assert trim_subject(words) == P.SUBJECT_TAIL.sub("", P.SUBJECT_LEAD.sub("", words)), words


@pytest.mark.parametrize("sentence", [
    "地区生产总值跨过500亿元大关,占据全市“半壁江山”,年均增长8.5%;人均GDP达到8.2万元,较2016年增长4.8%。",
    "2021年是实施“十四五”规划的开局之年,也是本届政府的收官之年。",
    "一般公共预算收入在去年市核任务(5.55亿元)的基础上增长8.1%",  # county_lixian_2020.txt
    "今年是“十四五”规划开局之年,比上年增长,与去年持平,到2025年,自2019年以来,2020年底前。",  # constructed
])
def test_scan_forms_of_year_patterns_match_as_the_plain_ones(sentence):
    from orchestration.parsing import patterns as P
    from orchestration.parsing import scanning as S

    for i, j in spans(sentence):
        for plain, scan in ((P.YEAR_CONTEXT, S.YEAR_CONTEXT), (P.REL_YEAR, S.REL_YEAR)):
            assert [(m.span(), m.groups()) for m in scan.finditer(sentence, i, j)] == \
                [(m.span(), m.groups()) for m in plain.finditer(sentence, i, j)], sentence[i:j]



@pytest.mark.parametrize("text", [
    "全区实现地方生产总值220.07亿元,同比增长9.1%,全市排名第二;2020年进一步增长1,234.5万元",
    "力争完成5%—5.5%,一千二百人,两万余亩,三点五亿元,第三产业增加值增长7.5%左右;12345",
    "1234567890.,;%、—~第一2020年第5 亿元 3 %",
])
def test_figure_runs_find_the_figures_every_number_run_finds(text):
    # figure_runs skips the runs no figure can start with: trying figure_re at every run of number characters
    # (patterns.NUMBER_RUN) must find the same figures, on every cut of the text
    from orchestration.parsing import patterns as P
    from orchestration.parsing.scanning import figure_runs

    def figures_from(runs, s):
        found, resume = [], 0
        for run in runs.finditer(s):
            m = P.figure_re().match(s, run.start()) if run.start() >= resume else None
            if m:
                found.append(m.span())
                resume = m.end()
        return found

    for piece in cuts(text):
        assert figures_from(figure_runs(), piece) == figures_from(P.NUMBER_RUN, piece), piece


def test_pair_starts_finds_every_position_the_plain_lookup_finds():
    # PairStarts looks every position up at once; the plain form asks of each position whether its two characters
    # are one of the pairs. Checked on every report of the corpus (all the place names a body holds) and on
    # edge cases: empty, one character, a lone surrogate of a damaged file, a character beyond the BMP.
    from orchestration.parsing.places import _scan_tables
    from orchestration.parsing.scanning import PairStarts
    from tests.parsing.corpus_texts import CORPUS

    prefixes, lengths = _scan_tables()
    texts = [p.read_text(encoding="utf-8", errors="surrogateescape") for p in sorted(CORPUS.glob("*.txt"))]
    assert len(texts) >= 60
    for text in [*texts, "", "岳", "岳阳", "\ud800岳阳楼区", "𠮷岳阳𠮷阳新县", "新县新县"]:
        assert prefixes.positions(text) == [i for i in range(len(text) - 1) if text[i:i + 2] in lengths], text[:40]
    small = PairStarts(["ab", "ba", "bb"])
    assert small.positions("abbab") == [0, 1, 2, 3] and small.positions("acb") == []
