"""Radical look-alikes of PDF text layers read as the characters they are drawn as."""

from __future__ import annotations

import pytest

from orchestration.parsing.lookalikes import lookalike_table, replace_lookalikes
from orchestration.parsing.normalize import normalize_text
from tests.conftest import SAMPLES

CASES = [
    ("⼯作", "工作"),  # Kangxi radical WORK
    ("⼈⺠", "人民"),  # Kangxi PERSON + supplement C-SIMPLIFIED PEOPLE (NFKC leaves ⺠ alone)
    ("区⻓", "区长"),
    ("⻔户", "门户"),
    ("落⼾", "落户"),  # the glyph is 户; NFKC alone would give the traditional 戶
    ("增长7.5%⸺8%", "增长7.5%——8%"),  # two-em dash
    ("no radicals at all: 地区生产总值220.07亿元", "no radicals at all: 地区生产总值220.07亿元"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_lookalikes(text, expected):
    assert replace_lookalikes(text) == expected


def test_normalize_maps_them_before_anything_reads_the_text():
    assert normalize_text("⼈⺠政府⼯作报告\n区⻓") == "人民政府工作报告\n区长"


def test_a_report_printed_with_every_lookalike_normalizes_to_the_same_text():
    text = (SAMPLES / "000_a501c150ba00b548.txt").read_text(encoding="utf-8")
    back = {}
    for radical, ordinary in lookalike_table().items():
        if len(ordinary) == 1:
            back.setdefault(ord(ordinary), chr(radical))
    disguised = text.translate(back)
    assert sum(a != b for a, b in zip(disguised, text)) > 1000
    assert normalize_text(disguised) == normalize_text(text)
