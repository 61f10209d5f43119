import pytest

from orchestration.parsing.status import SentenceCues, commitment_of, read_status


@pytest.mark.parametrize("kind, before, paragraph, want", [
    ("review", "2017年,预计地区生产总值增长8%、规上工业增加值增长10%;完成一般公共预算收入", "", ("estimate", "预计")),
    ("review", "全社会固定资产投资", "预计地区生产总值520亿元,增长7.5%左右。全社会固定资产投资370亿元以上", ("estimate", "预计")),
    ("review", "全区实现地方生产总值", "全区实现地方生产总值220.07亿元", ("actual", "实现")),
    ("plan", "确保城镇新增就业", "", ("target", "确保")),
    ("outlook", "主要奋斗目标是:到2026年,力争地区生产总值达到", "", ("target", "力争")),
    ("plan", "地区生产总值增长", "", ("target", None)),
])
def test_read_status(kind, before, paragraph, want):
    # `before`: the sentence up to the figure, inside its paragraph
    text = paragraph or before
    start = text.index(before)
    assert read_status(kind, SentenceCues(text, start, start + len(before), paragraph_start=0),
                       start + len(before)) == want


@pytest.mark.parametrize("before, want", [
    ("确保城镇新增就业人数不低于", "must"),
    ("力争全区完成技改投资", "strive"),
    ("2020年经济社会发展主要预期目标:地区生产总值增长", "expected"),
    ("地区生产总值增长", None),
])
def test_commitment_of(before, want):
    assert commitment_of(SentenceCues(before), len(before)) == want
