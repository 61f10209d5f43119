"""Issue 11, class 1: the years of reports that carry no dateline, from real corpus reports.

Each report is read whole (the years are decided by the whole text) and its report, review and plan years are those
of examples/corpus/gold/reports.csv; `years_evidence` must name the signal that decided. Where a damage of the web
(a dateline whose digits were dropped) is not in the corpus, it is applied to a real report and said so.
"""
from __future__ import annotations

import pytest

from orchestration.parsing import parse_report
from orchestration.parsing.normalize import normalize_text
from tests.parsing.corpus_texts import corpus_text, evidence_of, parsed, raw_text, row, wrong_now

# (file, (report_year, review_year, plan_year), which year's evidence is checked, a word of that evidence)
UNDATED = [
    # the page opens at 今年政府工作的总体要求 under a scraper title 标题:2024年保定市政府工作报告 (no review part: the
    # gold leaves review_year empty; a report reviews the year before the one it plans, as test_metadata's ANSWERED
    # reads the plan-only sample 004)
    pytest.param("city_baoding_2024.txt", (2024, 2023, 2024), "report", "title", id="title-year-plan-only-page"),
    # a county news page: 标题:高阳县2024年政府工作报告, then 1月23日上午,…第四次会议开幕
    pytest.param("county_gaoyang_2024.txt", (2024, 2023, 2024), "report", "title", id="title-year-news-page"),
    # no title, no dateline: 各位代表 … 一、2024年工作回顾
    pytest.param("district_longgang_2025.txt", (2025, 2024, 2025), "review", "heading", id="review-heading-district"),
    pytest.param("city_dehong_2025.txt", (2025, 2024, 2025), "review", "heading", id="review-heading-prefecture"),
    # 各位代表 … 一、2011年工作回顾 … 二、今后五年和2012年工作 (a 换届 report with no date at all)
    pytest.param("county_rongcheng_2012.txt", (2012, 2011, 2012), "review", "heading", id="review-heading-county"),
    # 2009-01-08 11:24:26来源:东北网-哈尔滨日报: a posting date in the page header
    pytest.param("city_harbin_2009.txt", (2009, 2008, 2009), "report", "page date", id="posting-date-header"),
    # 编辑:胡安坤2018-01-24 16:20内容来源:龙华网 above a news lead
    pytest.param("district_longhua_2018.txt", (2018, 2017, 2018), "report", "page date", id="posting-date-news"),
    # 一、2019年工作回顾 … 今年政府工作的总体要求 under 二、2020年工作安排: 今年 in the plan dates the delivery
    pytest.param("county_lixian_2020.txt", (2020, 2019, 2020), "report", "今年", id="this-year-in-the-plan-lixian"),
    pytest.param("county_yixian_2018.txt", (2018, 2017, 2018), "report", "今年", id="this-year-in-the-plan-yixian"),
    pytest.param("county_xinan_2024.txt", (2024, 2023, 2024), "report", "今年", id="this-year-in-the-plan-xinan"),
    # page 4 of an excerpt, no figures: 刚刚过去的2018年
    pytest.param("county_xihe_2019.txt", (2019, 2018, 2019), "review", "刚刚过去的", id="just-past-year"),
    # no title, no dateline, 过去五年工作回顾: 预计2012年全市生产总值完成3440亿元左右
    pytest.param("city_baotou_2013.txt", (2013, 2012, 2013), "review", "results", id="dated-estimates"),
    # a feature article: 在元月8日开幕的…会议上, the 2008 results
    pytest.param("city_qitaihe_2009.txt", (2009, 2008, 2009), "review", "results", id="news-lead-and-dated-results"),
    # 昨日,省长…作政府工作报告 … 2010年8大工作重点 … 与去年的政府工作报告提出的…
    pytest.param("province_sichuan_2010.txt", (2010, 2009, 2010), "plan", "heading", id="plan-year-news-summary"),
]


@pytest.mark.parametrize(("name", "years", "field", "word"), UNDATED)
def test_years_of_reports_without_a_dateline(name, years, field, word):
    meta = parsed(name).meta
    assert (meta.report_year, meta.review_year, meta.plan_year) == years
    assert word in evidence_of(meta, field), meta.years_evidence


def _meta_of(text: str):
    return parse_report(normalize_text(text)).meta


# Damage seen in held-out pages, applied to a real report of the corpus.
DAMAGED = [
    # county_yuli_2025.txt: "(2025年1月6日)" under the speaker line, its digits dropped; 2024年工作回顾 is left
    pytest.param("county_yuli_2025.txt", "(2025年1月6日)", "(年月日)", (2025, 2024, 2025), "review", "heading",
                 id="dateline-digits-dropped"),
    # county_maigaiti_2021.txt: "——2021年1月26日在麦盖提县…" without digits; the page is titled 2020政府工作报告 (the
    # year it reviews) and posted 发布日期:2021-02-07, under 一、“十三五”时期及2020年工作回顾
    pytest.param("county_maigaiti_2021.txt", "——2021年1月26日在", "——年月日在", (2021, 2020, 2021), "report",
                 "page date", id="dateline-digits-dropped-posting-date"),
]


@pytest.mark.parametrize(("name", "old", "new", "years", "field", "word"), DAMAGED)
def test_years_when_the_dateline_lost_its_digits(name, old, new, years, field, word):
    raw = raw_text(name)
    assert old in raw
    meta = _meta_of(raw.replace(old, new))
    assert (meta.report_year, meta.review_year, meta.plan_year) == years
    assert meta.delivered_on is None
    assert word in evidence_of(meta, field), meta.years_evidence


def test_a_review_heading_without_a_year():
    # city_baoding_2007.txt from its heading on (the scraper header and dateline cut off): "一、过去一年工作回顾",
    # then "2006年是"十一五"开局年。", and the plan "今年工作的基本要求是…"
    text = corpus_text("city_baoding_2007.txt")
    meta = _meta_of(text[text.index("一、过去一年工作回顾"):])
    assert (meta.report_year, meta.review_year, meta.plan_year) == (2007, 2006, 2007)
    assert "heading" in evidence_of(meta, "review")


def test_a_heading_that_lost_its_zeros_still_plans_its_year():
    # county_qingyuan_2003.txt: "三、二三年的工作重点" / "2003年全县经济工作的主要预期目标为:" / "国内生产总值增长13.5%;"
    rows = [r for r in map(row, parsed("county_qingyuan_2003.txt").figures) if r[5] == 13.5]
    assert rows == [("gdp", 2003, 1, "target", "growth", 13.5, "%", "eq", None)]


@wrong_now("a copy whose every year reads 2024 is dated 2024; only its term dates it")
def test_years_replaced_throughout_by_a_copy_site():
    # province_neimenggu_2003.txt: "——2024年1月11日在内蒙古自治区第十届人民代表大会第一次会议上", "2024年全区国内生产
    # 总值预计达到1732亿元", a term that began "1998年1月" and comparisons with 1997: the 2003 report
    meta = parsed("province_neimenggu_2003.txt").meta
    assert (meta.report_year, meta.review_year, meta.plan_year) == (2003, 2002, 2003)


# county_xingwen_2018.txt: the headline sentence of its review, on its own and with the paragraph's opening year.
XINGWEN = ("预计:全县GDP突破百亿元大关,达109亿元、增长9.2%;一般公共预算收入8.02亿元、增长10.7%;"
           "全社会固定资产投资91.79亿元、增长10%;规上工业增加值增长11.1%;")


def _facts(text: str) -> list[tuple]:
    return [(f.indicator, f.year, f.status, f.measure, f.value, f.unit)
            for f in parse_report(normalize_text(text)).figures if f.indicator and f.is_headline]


def test_figures_stay_when_no_year_is_known():
    # nothing in the sentence dates it: the figures are kept, their year unknown (None), never guessed
    assert _facts(XINGWEN) == [
        ("gdp", None, "estimate", "level", 109.0, "亿元"),
        ("gdp", None, "estimate", "growth", 9.2, "%"),
        ("general_budget_revenue", None, "estimate", "level", 8.02, "亿元"),
        ("general_budget_revenue", None, "estimate", "growth", 10.7, "%"),
        ("fixed_asset_investment", None, "estimate", "level", 91.79, "亿元"),
        ("fixed_asset_investment", None, "estimate", "growth", 10.0, "%"),
        ("industrial_value_added", None, "estimate", "growth", 11.1, "%"),
    ]


def test_figures_take_the_year_their_paragraph_opens_with():
    got = _facts("2018年,是极不平凡、极不寻常的一年。" + XINGWEN)
    assert [f[1] for f in got] == [2018] * 7
    assert _meta_of("2018年,是极不平凡、极不寻常的一年。" + XINGWEN).review_year == 2018
