"""count_topics on real sentences of the sample reports (copied exactly)."""
from __future__ import annotations

from pathlib import Path

import pytest

from orchestration.parsing.records import Section
from orchestration.parsing.topics import count_topics

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _counts(text: str, sections=(), **kw) -> dict[tuple[str, str | None], tuple[int, int]]:
    return {(c.topic, c.section_kind): (c.tokens, c.total_tokens) for c in count_topics(text, list(sections), **kw)}


# (sentence, topic, topic words expected in it)
CASES = [
    ("大气质量稳定向好,PM2.5、PM10浓度分别下降3.1%、1.9%,优良天数比例达89%。", "environment", 4),  # 大气 PM2.5 PM10 优良天数
    ("加强政府债务限额管理和预算管理,政府债务结构持续优化,风险总体可控。", "risk", 3),
    ("社会保障有温度。城镇新增就业5500人。", "employment", 1),
    ("全力巩固拓展脱贫攻坚成果同乡村振兴有效衔接。", "rural", 2),  # 脱贫攻坚 乡村振兴
    ("及时启动新冠肺炎疫情应急响应,形成信息协查、人员管控两个闭环", "epidemic", 2),  # 新冠肺炎 疫情
    ("科技创新持续发力。高新技术产业增加值同比增长17%。", "innovation", 2),  # 科技创新 高新技术
]


@pytest.mark.parametrize("text,topic,n", CASES)
def test_topic_words_counted(text, topic, n):
    assert _counts(text)[(topic, None)][0] == n


def test_denominator_excludes_numbers_and_punctuation():
    # 城镇 新增 就业 人 = 4 word tokens; 5500, 。 are not words.
    assert _counts("城镇新增就业5500人。")[("employment", None)] == (1, 4)


def test_every_topic_has_a_row_even_when_absent():
    rows = count_topics("各位代表:", [])
    assert {r.topic for r in rows} >= {"environment", "innovation", "employment", "rural", "risk", "epidemic"}
    assert all(r.section_kind is None and r.tokens == 0 for r in rows)


def test_rows_per_section_kind():
    review = "空气质量全市排名第一,全区优良天数累计优良率82%,PM2.5浓度均值35微克/立方米,同比下降12.5%。"
    plan = "着力打造绿色发展试验先行区。"
    text = review + plan
    k = len(review)
    sections = [Section("s001", None, 1, 1, "一、2019年工作回顾", "review", 2019, 2019, 0, k),
                Section("s002", None, 1, 2, "二、2020年工作安排", "plan", 2020, 2020, k, len(text))]
    c = _counts(text, sections)
    assert c[("environment", "review")][0] == 3 and c[("environment", "plan")][0] == 1  # 空气质量 优良天数 PM2.5 | 绿色
    assert c[("environment", None)][0] == 4
    assert c[("environment", None)][1] == c[("environment", "review")][1] + c[("environment", "plan")][1]


# 生态 inside a place or organisation name is not attention to the environment.
MASKED = [
    "11月6日,习近平总书记同法国总统马克龙会谈时表示,“欢迎更多法国企业参与中法武汉生态示范城建设”。",
    "开展北湖生态试验区水生态综合治理项目策划和申报工作",
    "重点推进黄荆山生态公园、游客集散中心、森林漫步道、攀爬营地等休闲观光运动项目建设",
]


@pytest.mark.parametrize("text", MASKED)
def test_names_are_masked(text):
    masked = _counts(text)[("environment", None)][0]
    assert masked < _counts(text, mask_names=False)[("environment", None)][0]
    assert masked == text.count("生态") - 1  # only the 生态 inside the name goes


def test_organisation_names_are_masked():
    # 乡村振兴 in the names of a bureau and an office is not attention to rural policy; 脱贫 is.
    text = "脱贫成果巩固拓展。组建区乡村振兴局,整合乡村振兴办职能"
    assert _counts(text)[("rural", None)][0] == 1
    assert _counts(text, mask_names=False)[("rural", None)][0] == 3


def test_generic_environment_words_are_still_counted():
    # 生态环境 and 绿色 here are no part of a name (打造 before 绿色发展试验先行区 is a verb, not a place).
    assert _counts("生态环境持续改善。")[("environment", None)][0] == 1
    assert _counts("着力打造绿色发展试验先行区。")[("environment", None)][0] == 1


def test_masking_lowers_the_caidian_environment_score():
    text = (SEEDS / "002_334fe3b6dec98613.txt").read_text(encoding="utf-8")
    masked = _counts(text)[("environment", None)][0]
    raw = _counts(text, mask_names=False)[("environment", None)][0]
    assert masked < raw
    # the eco-city is named six times: without masking its 生态 nearly doubles the count
    assert raw - masked >= 5


def test_the_innermost_section_kind_counts_a_token():
    # A token belongs to the deepest section around it; text before the first section only to the whole report.
    lead = "各位代表:"
    review = "空气质量全市排名第一,全区优良天数累计优良率82%。"
    note = "着力打造绿色发展试验先行区。"
    text = lead + review + note
    a, b = len(lead), len(lead) + len(review)
    sections = [Section("s001", None, 1, 1, "一、回顾", "review", 2019, 2019, a, len(text)),
                Section("s002", "s001", 2, 2, "注释", "glossary", 2019, 2019, b, len(text))]
    c = _counts(text, sections)
    assert c[("environment", "review")][0] == 2 and c[("environment", "glossary")][0] == 1
    whole = c[("environment", None)][1]
    assert whole > c[("environment", "review")][1] + c[("environment", "glossary")][1]  # 各位 代表 are in no section
    assert whole == _counts(text)[("environment", None)][1]
