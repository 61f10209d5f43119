import pytest

from orchestration.parsing.report_years import report_years
from orchestration.parsing.sections import build_sections


@pytest.mark.parametrize("text, want", [
    # dated meeting line (000), web posting date ignored
    (("2020年政府工作报告\n\n作者:   来源:西塞山区政府    时间:2020-08-03 17:52\n\n"
     "——2020年6月29日在西塞山区第四届人民代表大会第五次会议上\n\n一、2019年工作回顾\n\n全区实现地方生产总值220.07亿元。\n\n"
     "二、2020年重点工作\n\n全年力争新增就业7000人。"), (2020, 2019, 2020)),
    # title date, review year equals report year (001)
    (("政府工作报告(2021年11月8日)\n  • 发布时间:2022-02-01 17:41\n\n一、2021年和本届政府工作回顾\n\n预计实现地区生产总值572亿元。\n\n"
     "二、今后五年的政府工作\n\n到2026年,力争地区生产总值达到900亿元。\n\n三、2022年政府重点工作\n\n地区生产总值增长8.5%。"), (2021, 2021, 2022)),
    # abstract without date (002), whose review runs to 12月17日: December is possible, the report year unknown
    (("政 府 工 作 报 告(摘要)\n\n一、2019年工作回顾\n\n预计地区生产总值520亿元,增长7.5%左右。12月17日,省委书记来区调研。\n\n"
      "二、2020年工作安排\n\n地区生产总值增长7.6%。"), (None, 2019, 2020)),
    # the same without a day of December: delivered early in the year it plans, as reports are (assumed, and said so)
    (("政 府 工 作 报 告(摘要)\n\n一、2019年工作回顾\n\n预计地区生产总值520亿元,增长7.5%左右。\n\n二、2020年工作安排\n\n"
     "地区生产总值增长7.6%。"), (2020, 2019, 2020)),
    # 今年以来 in the review dates the delivery (003)
    ("政府工作报告\n\n一、2017年工作回顾\n\n今年以来,我们主要做了以下工作:\n\n二、2018年主要任务\n\n地区生产总值增长5%。", (2017, 2017, 2018)),
    # excerpt that is all plan (004): it plans 2020, so the report reviews 2019 (not on this page); no date: 2020 assumed
    (("担当作为,继续前进谱写新时代岳阳楼区转型发展新篇章\n来源:岳阳楼区人民政府   2020-11-30 09:26\n\n"
     "2020年,是全面建成小康社会和“十三五”规划的收官之年。\n\n2020年全区经济社会发展主要预期目标是:地区生产总值增长8.1%左右。"), (2020, 2019, 2020)),
])
def test_report_years(text, want):
    y = report_years(text, build_sections(text))
    assert (y.report_year, y.review_year, y.plan_year) == want


@pytest.mark.parametrize("line, year", [
    ("——2021年11月8日在曾都区第四届人民代表大会第一次会议上", 2021),
    ("(二〇二三年一月十日在湖北省第十四届人民代表大会第一次会议上)", 2023),
    ("——2020年6月29日在西塞山区第四届人民代表大会第五次会议上", 2020),
])
def test_delivery_line(line, year):
    text = "政府工作报告\n\n" + line + "\n\n各位代表:\n\n一、过去一年工作回顾\n\n全区经济平稳。"
    assert report_years(text, build_sections(text)).report_year == year


def test_posting_date_is_not_delivery():
    text = "2020年政府工作报告\n\n作者:   来源:西塞山区政府    时间:2020-08-03 17:52\n\n一、2019年工作回顾\n\n全区经济平稳。"
    years = report_years(text, build_sections(text))
    # 2020 because the report plans 2020 (assumed, and recorded so), not from the page posted in August 2020
    assert years.report_year == 2020
    assert years.evidence.startswith("report: assumed")


def test_this_year_in_the_plan_is_the_plan_year():
    text = "政府工作报告\n\n一、2020年工作回顾\n\n全区经济平稳。\n\n二、2021年工作安排\n\n今年是“十四五”开局之年。"
    assert report_years(text, build_sections(text)).report_year == 2021


@pytest.mark.parametrize("line, want", [
    # delivered early in the year: 过去一年 is the year before, 今年 the year of delivery
    ("——2024年1月15日在黄陂区第十七届人民代表大会第四次会议上", (2024, 2023, 2024)),
    ("(二〇二三年一月十日在湖北省第十四届人民代表大会第一次会议上)", (2023, 2022, 2023)),
    # delivered in November (a new term's first session): the year under way is reviewed, the next one planned
    ("——2021年11月8日在曾都区第四届人民代表大会第一次会议上", (2021, 2021, 2022)),
])
def test_headings_without_years_take_them_from_the_delivery_date(line, want):
    text = (f"政府工作报告\n\n{line}\n\n各位代表:\n\n一、过去一年工作回顾\n\n全区地区生产总值增长6.8%。\n\n"
            "二、下一步工作总体要求和主要目标\n\n地区生产总值增长6.5%左右。")
    y = report_years(text, build_sections(text))
    assert (y.report_year, y.review_year, y.plan_year) == want
