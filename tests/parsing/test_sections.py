import pytest

from orchestration.parsing.sections import build_sections

REPORT_001 = (
    "政府工作报告\n\n各位代表:\n\n一、2021年和本届政府工作回顾\n\n预计实现地区生产总值572亿元,同比增长14%。\n\n"
    "(一)抓产业培育增发展实力\n\n支柱产业持续壮大。全区13个工业大类中11个行业实现增长。\n\n"
    "五年来,我们致力发展提速、总量突破,综合实力显著增强。\n\n二、今后五年的政府工作\n\n今后五年是曾都全面建设社会主义现代化的关键时期。\n\n"
    "三、2022年政府重点工作\n\n(一)全力提升产业核心竞争力\n\n四、加强政府自身建设\n\n名词解释\n\n1. 专精特新:……"
)


def _by_title(sections, prefix):
    return next(s for s in sections if s.title.startswith(prefix))


@pytest.mark.parametrize("title, level, kind, start, end", [
    ("一、2021年和本届政府工作回顾", 1, "review", 2017, 2021),
    ("(一)抓产业培育增发展实力", 2, "review", 2021, 2021),
    ("支柱产业持续壮大。", 3, "review", 2021, 2021),
    ("五年来", 3, "review", 2017, 2021),
    ("二、今后五年的政府工作", 1, "outlook", 2022, 2026),
    ("三、2022年政府重点工作", 1, "plan", 2022, 2022),
    ("(一)全力提升产业核心竞争力", 2, "plan", 2022, 2022),
    ("四、加强政府自身建设", 1, "government", 2022, 2022),
    ("名词解释", 1, "glossary", None, None),
])
def test_section_tree(title, level, kind, start, end):
    s = _by_title(build_sections(REPORT_001), title)
    assert (s.level, s.kind, s.period_start, s.period_end) == (level, kind, start, end)


def test_parents_and_offsets():
    sections = build_sections(REPORT_001)
    sub = _by_title(sections, "(一)抓产业")
    part = _by_title(sections, "一、2021年")
    assert sub.parent_id == part.section_id
    assert part.char_start <= sub.char_start < sub.char_end <= part.char_end
    assert REPORT_001[part.char_start:].startswith("一、2021年")
    assert [s.ordinal for s in sections] == list(range(1, len(sections) + 1))


@pytest.mark.parametrize("text, title, level, kind, year", [
    # 000: dash lead sentence paragraphs
    ("一、2019年工作回顾\n\n——经济发展稳中质进。一、二、三产结构比例由0.82:56.34:42.84优化为0.63:55.49:43.88。",
     "——经济发展稳中质进。", 3, "review", 2019),
    # 002 abstract: headline lines without punctuation
    ("一、2019年工作回顾\n\n经济运行稳中有进\n\n预计地区生产总值520亿元,增长7.5%左右。", "经济运行稳中有进", 3, "review", 2019),
    # 004 excerpt: no heading before the plan text, then 一、 parts that continue the plan
    ("2020年,是全面建成小康社会和“十三五”规划的收官之年。\n\n一、争当“领头雁”、建设“桥头堡”,引领经济发展。强化规划执行。",
     "一、争当“领头雁”", 1, "plan", 2020),
    # 000: glossary heading written with spaces
    ("三、强化政府自身建设\n\n附件:\n\n名 词 注 释\n\n(1)九有:……", "名 词 注 释", 1, "glossary", None),
])
def test_headings(text, title, level, kind, year):
    s = _by_title(build_sections(text), title)
    assert (s.level, s.kind, s.period_end) == (level, kind, year)


def test_enumeration_is_not_a_heading():
    text = "一、2019年工作回顾\n\n一、二、三产结构比例由0.82:56.34:42.84优化为0.63:55.49:43.88。"
    assert [s.level for s in build_sections(text) if s.title.startswith("一、二")] == []


def test_undated_term_review_keeps_the_term_and_ends_before_the_plan():
    text = ("一、过去五年工作回顾\n\n(一)经济实力显著增强\n\n全省生产总值年均增长7%。\n\n二、今后五年的目标任务\n\n"
            "到2027年,全省生产总值突破6万亿元。\n\n三、2023年重点工作\n\n地区生产总值增长6%左右。")
    sections = build_sections(text)
    review = _by_title(sections, "一、过去五年")
    sub = _by_title(sections, "(一)经济实力")
    outlook = _by_title(sections, "二、今后五年")
    assert (review.kind, review.period_start, review.period_end) == ("review", 2018, 2022)
    assert (sub.period_start, sub.period_end) == (2018, 2022)
    assert (outlook.kind, outlook.period_start, outlook.period_end) == ("outlook", 2023, 2027)


@pytest.mark.parametrize("text, kinds", [
    ("一、2019年主要工作\n\n全区经济平稳。\n\n二、2020年主要工作\n\n稳增长。", [("review", 2019), ("plan", 2020)]),
    ("第一部分 2022年工作回顾\n\n全省经济平稳。\n\n第二部分 2023年工作安排\n\n稳增长。", [("review", 2022), ("plan", 2023)]),
])
def test_dated_parts_without_keywords(text, kinds):
    assert [(s.kind, s.period_end) for s in build_sections(text) if s.level == 1] == kinds
