"""Figures from real sentences of the sample reports, one phenomenon per table."""
from __future__ import annotations

import pytest

from orchestration.parsing.figures import extract_figures
from orchestration.parsing.records import ReportMeta
from orchestration.parsing.report_years import report_years
from orchestration.parsing.sections import build_sections

REVIEW = "一、2019年工作回顾\n\n"
PLAN = "一、2019年工作回顾\n\n全区经济平稳。\n\n二、2020年工作安排\n\n"
TERM = "一、2021年和本届政府工作回顾\n\n(一)抓产业培育增发展实力\n\n支柱产业持续壮大。\n\n"
OUTLOOK = "一、2021年工作回顾\n\n二、今后五年的政府工作\n\n"


def figures(text: str):
    sections = build_sections(text)
    y = report_years(text, sections)
    meta = ReportMeta(report_year=y.report_year, review_year=y.review_year, plan_year=y.plan_year)
    return extract_figures(text, sections, meta)


def row(f):
    return (f.indicator, f.year, f.span_years, f.status, f.measure, f.value, f.unit, f.bound, f.value_high)


def headline_rows(text: str):
    return [row(f) for f in figures(text) if f.indicator and f.is_headline]


@pytest.mark.parametrize("text, rows", [
    # level + growth pair: the growth inherits the level's subject
    (REVIEW + "全区实现地方生产总值220.07亿元,同比增长9.1%,全市排名第二;",
     [("gdp", 2019, 1, "actual", "level", 220.07, "亿元", "eq", None),
      ("gdp", 2019, 1, "actual", "growth", 9.1, "%", "eq", None)]),
    # 其中: the nested figure has its own subject, the growth follows it
    (REVIEW + "地方财政总收入实现12.28亿元,其中一般公共财政预算收入7.14亿元,同比增长4.73%;",
     [("fiscal_total_revenue", 2019, 1, "actual", "level", 12.28, "亿元", "eq", None),
      ("general_budget_revenue", 2019, 1, "actual", "level", 7.14, "亿元", "eq", None),
      ("general_budget_revenue", 2019, 1, "actual", "growth", 4.73, "%", "eq", None)]),
    # 占GDP比重 is a share of the subject, not GDP
    (REVIEW + "研发投入9.18亿元,占GDP比重4.17%。",
     [("rd_spending", 2019, 1, "actual", "level", 9.18, "亿元", "eq", None),
      ("rd_spending", 2019, 1, "actual", "share", 4.17, "%", "eq", None)]),
    # 个百分点 is never a headline value
    (REVIEW + "全年高新技术产业增加值占GDP比重达到22.88%,同比提高2.6个百分点,",
     [("hightech_value_added", 2019, 1, "actual", "share", 22.88, "%", "eq", None)]),
])
def test_subject_binding(text, rows):
    assert headline_rows(text) == rows


@pytest.mark.parametrize("text, rows", [
    # 分别 list mapped in order, 年均 over the term -> span 5
    (TERM + "五年来,我们致力发展提速。规模以上工业增加值、固定资产投资、社会消费品零售总额、地方一般公共预算收入年均分别增长8.5%、11%、14.5%、4.3%。",
     [("industrial_value_added", 2021, 5, "actual", "growth", 8.5, "%", "eq", None),
      ("fixed_asset_investment", 2021, 5, "actual", "growth", 11.0, "%", "eq", None),
      ("retail_sales", 2021, 5, "actual", "growth", 14.5, "%", "eq", None),
      ("general_budget_revenue", 2021, 5, "actual", "growth", 4.3, "%", "eq", None)]),
    # 城乡居民 … 分别 -> urban, rural; 均增长 applies to both
    (REVIEW + "城乡居民人均可支配收入分别达38517元、22857元,均增长9%。",
     [("urban_disposable_income", 2019, 1, "actual", "level", 38517.0, "元", "eq", None),
      ("rural_disposable_income", 2019, 1, "actual", "level", 22857.0, "元", "eq", None),
      ("urban_disposable_income", 2019, 1, "actual", "growth", 9.0, "%", "eq", None),
      ("rural_disposable_income", 2019, 1, "actual", "growth", 9.0, "%", "eq", None)]),
    # a list whose subjects are joined by 和, the trailing 以上 bounds the list
    (PLAN + "确保粮食播种面积和产量稳定在58万亩、26万吨以上。",
     [("grain_output", 2020, 1, "target", "level", 26.0, "万吨", "min", None)]),
])
def test_lists(text, rows):
    assert headline_rows(text) == rows


@pytest.mark.parametrize("text, rows", [
    # 预计 covers the whole sentence, 完成 clauses included (003)
    ("一、2017年工作回顾\n\n2017年,预计地区生产总值增长8%、规上工业增加值增长10%;完成一般公共预算收入39亿元,增长20%;社零总额145亿元,增长11.5%。",
     [("gdp", 2017, 1, "estimate", "growth", 8.0, "%", "eq", None),
      ("industrial_value_added", 2017, 1, "estimate", "growth", 10.0, "%", "eq", None),
      ("general_budget_revenue", 2017, 1, "estimate", "level", 39.0, "亿元", "eq", None),
      ("general_budget_revenue", 2017, 1, "estimate", "growth", 20.0, "%", "eq", None),
      ("retail_sales", 2017, 1, "estimate", "level", 145.0, "亿元", "eq", None),
      ("retail_sales", 2017, 1, "estimate", "growth", 11.5, "%", "eq", None)]),
    # a paragraph that opens with 预计 carries it to the paragraph end (002 abstract)
    (REVIEW + "预计地区生产总值520亿元,增长7.5%左右。社会消费品零售总额144亿元,增长10%。",
     [("gdp", 2019, 1, "estimate", "level", 520.0, "亿元", "eq", None),
      ("gdp", 2019, 1, "estimate", "growth", 7.5, "%", "approx", None),
      ("retail_sales", 2019, 1, "estimate", "level", 144.0, "亿元", "eq", None),
      ("retail_sales", 2019, 1, "estimate", "growth", 10.0, "%", "eq", None)]),
    # without 预计 a result is actual
    (REVIEW + "开始。城镇新增就业8988人。",
     [("new_urban_jobs", 2019, 1, "actual", "count", 8988.0, "人", "eq", None)]),
])
def test_estimates(text, rows):
    assert headline_rows(text) == rows


@pytest.mark.parametrize("text, rows", [
    # 左右 target, and 突破 on the inherited subject (004)
    (PLAN + "2020年全区经济社会发展主要预期目标是:地区生产总值增长8.1%左右,突破750亿元;",
     [("gdp", 2020, 1, "target", "growth", 8.1, "%", "approx", None),
      ("gdp", 2020, 1, "target", "level", 750.0, "亿元", "min", None)]),
    # 以内 target on a rate
    (PLAN + "确保城镇新增就业4800人,调查失业率控制在5.2%以内。",
     [("new_urban_jobs", 2020, 1, "target", "count", 4800.0, "人", "eq", None),
      ("unemployment_rate", 2020, 1, "target", "rate", 5.2, "%", "max", None)]),
    # 到2026年 goal -> year 2026, span 5
    (OUTLOOK + "主要奋斗目标是:到2026年,力争地区生产总值达到900亿元。到2026年,城镇化率达到77%。",
     [("gdp", 2026, 5, "target", "level", 900.0, "亿元", "eq", None),
      ("urbanization_rate", 2026, 5, "target", "rate", 77.0, "%", "eq", None)]),
    # ranges in every written form
    (PLAN + "地区生产总值增长5%—5.5%,固定资产投资增长5-5.5%,社会消费品零售总额增长5%到5.5%,一般公共预算收入增长5%~5.5%。",
     [("gdp", 2020, 1, "target", "growth", 5.0, "%", "range", 5.5),
      ("fixed_asset_investment", 2020, 1, "target", "growth", 5.0, "%", "range", 5.5),
      ("retail_sales", 2020, 1, "target", "growth", 5.0, "%", "range", 5.5),
      ("general_budget_revenue", 2020, 1, "target", "growth", 5.0, "%", "range", 5.5)]),
])
def test_targets(text, rows):
    assert headline_rows(text) == rows


def test_commitment():
    f = [f for f in figures(PLAN + "力争全区完成技改投资50亿元以上。确保城镇新增就业人数不低于7000人。") if f.indicator]
    assert [(x.indicator, x.commitment, x.bound) for x in f] == [
        ("tech_upgrade_investment", "strive", "min"), ("new_urban_jobs", "must", "min")]


@pytest.mark.parametrize("text, rows", [
    # Chinese numerals converted inside the figure only (零售 stays a word)
    (PLAN + "社会消费品零售总额增长10%,城镇新增就业两万人,粮食总产量达到一千二百万吨。",
     [("retail_sales", 2020, 1, "target", "growth", 10.0, "%", "eq", None),
      ("new_urban_jobs", 2020, 1, "target", "count", 2.0, "万人", "eq", None),
      ("grain_output", 2020, 1, "target", "level", 1200.0, "万吨", "eq", None)]),
    # full-width digits and punctuation from other sources
    (REVIEW + "全县地区生产总值达到２３０．５亿元，增长８．６％；",
     [("gdp", 2019, 1, "actual", "level", 230.5, "亿元", "eq", None),
      ("gdp", 2019, 1, "actual", "growth", 8.6, "%", "eq", None)]),
])
def test_numerals(text, rows):
    assert headline_rows(text) == rows


@pytest.mark.parametrize("text", [
    # sub-area and sub-sector figures are not headline (002, 000)
    PLAN + "确保中法生态城全年完成全社会固定资产投资130亿元。",
    PLAN + "确保蔡甸开发区完成全社会固定资产投资168亿元、增长20%。",
    REVIEW + "社会消费品零售总额完成90.07亿元。其中限额以上消费品零售额总额19.3亿元,累计增长18.4%,增幅均居全市第二。",
    # an attributive amount (出口额超千万美元的企业) and a signed-contract total
    REVIEW + "新增出口备案企业25家,出口额超千万美元的企业达15家。",
    REVIEW + "全区在谈亿元以上项目87个,新签约亿元以上项目27个、总金额1160亿元。",
])
def test_not_headline(text):
    rows = headline_rows(text)
    assert all(r[5] not in (130.0, 168.0, 20.0, 19.3, 18.4, 1160.0) for r in rows), rows


def test_sign_not_approx():
    f = figures(REVIEW + "新签约项目82个,签约30个亿元以上项目。")
    assert [x.bound for x in f] == ["eq", "eq"]


def test_neighbours_hedge_stays_with_neighbour():
    f = figures(REVIEW + "招商引资实际到位资金520亿元左右,实际利用外资6.26亿美元。")
    assert [(x.value, x.bound) for x in f] == [(520.0, "approx"), (6.26, "eq")]


def test_evidence_and_offsets_point_into_text():
    text = REVIEW + "全区实现地方生产总值220.07亿元,同比增长9.1%,全市排名第二;"
    for f in figures(text):
        assert f.evidence in text
        assert text[f.char_start:f.char_end] in f.evidence
        assert f.sentence in text


def test_figures_after_a_long_run_of_digits_are_all_found():
    # its speed (linear) is in the benchmark's hostile inputs (tests/bench/hostile.py)
    text = ("1234567890.,;%、—~" * 20000)[:300_000] + ("增长5%," * 5000)
    found = [f for f in figures(text) if f.char_start >= 300_000]
    assert len(found) == 5000 and {(f.value, f.unit, f.measure) for f in found} == {(5.0, "%", "growth")}


def test_news_summary_without_headings():
    text = ("区政府工作报告解读\n\n1月8日,区十届人大三次会议开幕。报告显示,2019年全区实现地区生产总值520亿元,增长7.5%。"
            "今年全区经济社会发展主要预期目标是:经济增长7%左右,城镇登记失业率控制在4%以内。")
    assert headline_rows(text) == [
        ("gdp", 2019, 1, "actual", "level", 520.0, "亿元", "eq", None),
        ("gdp", 2019, 1, "actual", "growth", 7.5, "%", "eq", None),
        ("gdp", 2020, 1, "target", "growth", 7.0, "%", "approx", None),
        ("unemployment_rate", 2020, 1, "target", "rate", 4.0, "%", "max", None)]


@pytest.mark.parametrize("text, rows", [
    # 城镇和农村居民…: the first item borrows the head words of the second
    (REVIEW + "城镇和农村居民人均可支配收入分别增长8.2%和9.5%。",
     [("urban_disposable_income", 2019, 1, "actual", "growth", 8.2, "%", "eq", None),
      ("rural_disposable_income", 2019, 1, "actual", "growth", 9.5, "%", "eq", None)]),
    # a clause dated to the previous year inside a plan is a result
    (PLAN + "地区生产总值增长5.5%左右;2019年,全区规上工业增加值增长8%。",
     [("gdp", 2020, 1, "target", "growth", 5.5, "%", "approx", None),
      ("industrial_value_added", 2019, 1, "actual", "growth", 8.0, "%", "eq", None)]),
    # an amount that qualifies the subject (500万元以上固定资产投资) is not a value of it
    (REVIEW + "全年完成500万元以上固定资产投资120亿元。",
     [("fixed_asset_investment", 2019, 1, "actual", "level", 120.0, "亿元", "eq", None)]),
    # 比上年 compares, it does not date the figure; 增加500元 is a change, not a level
    (REVIEW + "全县实现生产总值120亿元,比上年增长15.2%;农民人均纯收入4500元,增加500元,增长12.5%。",
     [("gdp", 2019, 1, "actual", "level", 120.0, "亿元", "eq", None),
      ("gdp", 2019, 1, "actual", "growth", 15.2, "%", "eq", None),
      ("rural_net_income", 2019, 1, "actual", "level", 4500.0, "元", "eq", None),
      ("rural_net_income", 2019, 1, "actual", "growth", 12.5, "%", "eq", None)]),
    # narrowing words: contracted foreign capital and registered-population urbanisation are not headline
    (REVIEW + "合同利用外资20亿美元,实际使用外资8.5亿美元。户籍人口城镇化率达到50%,常住人口城镇化率达到62.1%。",
     [("foreign_capital_used", 2019, 1, "actual", "level", 8.5, "亿美元", "eq", None),
      ("urbanization_rate", 2019, 1, "actual", "rate", 62.1, "%", "eq", None)]),
])
def test_general_wording(text, rows):
    assert headline_rows(text) == rows


def test_result_restated_is_labelled_once():
    text = REVIEW + "预计全区规模以上工业增加值同比增长16%。\n\n(一)抓产业培育\n\n规模以上工业增加值同比增长16%。"
    assert headline_rows(text) == [("industrial_value_added", 2019, 1, "estimate", "growth", 16.0, "%", "eq", None)]


def test_growth_rate_wording():
    assert headline_rows(PLAN + "地区生产总值增长率达到8%。") == [
        ("gdp", 2020, 1, "target", "growth", 8.0, "%", "eq", None)]


def test_multiplier_before_approximate_word():
    assert headline_rows(REVIEW + "城镇新增就业2万余人,粮食总产量3亿多公斤。") == [
        ("new_urban_jobs", 2019, 1, "actual", "count", 2.0, "万人", "min", None),
        ("grain_output", 2019, 1, "actual", "level", 3.0, "亿公斤", "min", None)]


def test_county_economy_is_not_the_headline():
    assert headline_rows(REVIEW + "县域经济地区生产总值增长9%。全市高新区地区生产总值300亿元。") == []


@pytest.mark.parametrize("text", [
    # intensities name a new subject: energy or carbon per unit of output is not output growth
    PLAN + "万元GDP能耗下降3%。",
    PLAN + "单位地区生产总值二氧化碳排放下降4%。",
])
def test_intensity_is_not_the_indicator_it_divides_by(text):
    assert headline_rows(text) == []


def test_comparable_prices_clause_keeps_the_subject():
    # "按可比价格计算" qualifies how growth is measured; it names no new subject
    rows = headline_rows(REVIEW + "全年实现地区生产总值(GDP)312.5亿元,按可比价格计算,比上年增长7.8%。")
    assert ("gdp", 2019, 1, "actual", "growth", 7.8, "%", "eq", None) in rows


def test_long_number_run_without_a_unit_gives_no_figure():
    # a run of number characters not followed by a unit is passed over once (its speed: tests/bench/hostile.py)
    assert figures("1" * 200_000 + "年," + "三" * 200_000 + "是") == []


FIVE_YEARS = "一、过去五年工作回顾\n\n"


# 从A增加到B: A is the level where the period started, dated to the year before it (constructed, in the wording of
# five-year and annual reviews)
@pytest.mark.parametrize("text, rows", [
    (REVIEW + "城镇化率从55.2%提高到56.8%。",
     [("urbanization_rate", 2018, 1, "actual", "rate", 55.2, "%", "eq", None),
      ("urbanization_rate", 2019, 1, "actual", "rate", 56.8, "%", "eq", None)]),
    (REVIEW + "地方一般公共预算收入由2017年的10.2亿元增长到12.3亿元。",
     [("general_budget_revenue", 2017, 1, "actual", "level", 10.2, "亿元", "eq", None),
      ("general_budget_revenue", 2019, 1, "actual", "level", 12.3, "亿元", "eq", None)]),
    (TERM + "五年来,地区生产总值从342亿元增加到572亿元,年均增长8.5%。",
     [("gdp", 2016, 1, "actual", "level", 342.0, "亿元", "eq", None),
      ("gdp", 2021, 1, "actual", "level", 572.0, "亿元", "eq", None),
      ("gdp", 2021, 5, "actual", "growth", 8.5, "%", "eq", None)]),
    (FIVE_YEARS + "全区地区生产总值从342亿元增加到572亿元。\n\n二、2022年工作安排\n\n全区经济平稳。",
     [("gdp", 2016, 1, "actual", "level", 342.0, "亿元", "eq", None),
      ("gdp", 2021, 1, "actual", "level", 572.0, "亿元", "eq", None)]),
    (OUTLOOK + "到2026年,地区生产总值从572亿元增加到900亿元左右。",
     [("gdp", 2021, 1, "actual", "level", 572.0, "亿元", "eq", None),
      ("gdp", 2026, 5, "target", "level", 900.0, "亿元", "approx", None)]),
])
def test_from_value_is_the_start_of_the_period(text, rows):
    assert headline_rows(text) == rows


def test_from_without_to_is_no_start_value():
    # 从 that starts no from-to pair (从严控制, 从…起) leaves the figure as it is
    assert headline_rows(REVIEW + "从3月起,地区生产总值增长9.1%。") == [
        ("gdp", 2019, 1, "actual", "growth", 9.1, "%", "eq", None)]


def test_a_higher_figure_to_strive_for_keeps_the_measure_and_its_own_commitment():
    # constructed in the common wording of plans: the 7.5% is a second GDP growth target, not a share; the
    # commitment of 力争 stays in its clause
    text = PLAN + "主要预期目标是:地区生产总值增长7%左右,力争7.5%;一般公共预算收入增长6%。"
    got = [(f.indicator, f.measure, f.value, f.bound, f.commitment) for f in figures(text) if f.indicator]
    assert got == [("gdp", "growth", 7.0, "approx", "expected"), ("gdp", "growth", 7.5, "eq", "strive"),
                   ("general_budget_revenue", "growth", 6.0, "eq", "expected")]


@pytest.mark.parametrize("text, rows", [
    # constructed: the parts named after a total are not the total (exports are an indicator of their own)
    (REVIEW + "外贸进出口总额完成12.5亿美元,其中出口8.3亿美元。",
     [("import_export", 2019, 1, "actual", "level", 12.5, "亿美元", "eq", None),
      ("export", 2019, 1, "actual", "level", 8.3, "亿美元", "eq", None)]),
    (REVIEW + "进出口总额增长8.6%,其中出口增长10.2%,进口增长5%。",
     [("import_export", 2019, 1, "actual", "growth", 8.6, "%", "eq", None),
      ("export", 2019, 1, "actual", "growth", 10.2, "%", "eq", None)]),
    (REVIEW + "实际利用外资1.2亿美元,到位内资156亿元。",
     [("foreign_capital_used", 2019, 1, "actual", "level", 1.2, "亿美元", "eq", None)]),
])
def test_parts_of_a_total_are_not_the_total(text, rows):
    assert headline_rows(text) == rows


# The older five-year plans by their ordinal: 九五 (1996-2000), 十五 (2001-2005); a figure of the term is its last
# year's, over five years.
@pytest.mark.parametrize("text, rows", [
    # national_china_2001.txt
    (("一、2000年工作回顾\n\n全国经济平稳。\n\n二、关于国民经济和社会发展第十个五年计划纲要\n\n"
      "综合考虑各方面因素,“十五”期间年均经济增长速度预期目标为7%左右。"),
     [("gdp", 2005, 5, "target", "growth", 7.0, "%", "approx", None)]),
    # province_hebei_2001.txt
    (("一、2000年工作回顾\n\n全省经济平稳。\n\n二、“十五”计划纲要\n\n"
      "“十五”期间,全省国内生产总值年均增长率要达到8—9%。"),
     [("gdp", 2005, 5, "target", "growth", 8.0, "%", "range", 9.0)]),
])
def test_the_tenth_five_year_plan_dates_its_term(text, rows):
    assert headline_rows(text) == rows


# 农村居民收入 / 农民收入 with neither 可支配 nor 纯 is the statistic of its year: 纯收入 until the 2013 survey reform.
@pytest.mark.parametrize("heading, year, code", [
    ("一、2009年工作回顾\n\n全县经济平稳。\n\n二、2010年工作安排\n\n", 2010, "rural_net_income"),
    ("一、2021年工作回顾\n\n全县经济平稳。\n\n二、2022年工作安排\n\n", 2022, "rural_disposable_income"),
])
def test_rural_income_without_its_name_is_the_statistic_of_its_year(heading, year, code):
    assert headline_rows(heading + "农民收入增长8%。") == [(code, year, 1, "target", "growth", 8.0, "%", "eq", None)]


# Shares of a whole or of a plan, and new nouns after a semicolon, in real sentences.
@pytest.mark.parametrize("text, rows", [
    # city_shenzhen_2024.txt: 占地区生产总值比重 is a share of GDP (not 占地, land taken), the industry's share
    (REVIEW + "战略性新兴产业增加值增长8.8%,占地区生产总值比重提高到41.9%。", []),
    # province_hebei_2013.txt: the coastal cities' GDP as a share of the province's
    (REVIEW + "2012年秦唐沧沿海地区生产总值占全省的比重达到36.9%。", []),
    # county_xushui_2010.txt: a share of the year's plan
    (REVIEW + "实际利用外资580万美元,占年计划的116%。", [("foreign_capital_used", 2019, 1, "actual", "level", 580.0, "万美元", "eq", None)]),
    # province_hebei_2019.txt: forest cover and PM2.5 after the price target are other measures
    (PLAN + "居民消费价格涨幅控制在3%左右;森林覆盖率达到35%;PM2.5平均浓度下降5%以上。",
     [("cpi", 2020, 1, "target", "growth", 3.0, "%", "approx", None)]),
    # district_qingyuan_2021.txt: insurance coverage rates after the unemployment rate
    (REVIEW + "城镇登记失业率控制在4.5%以内,城乡居民养老保险和医疗保险参保率分别达到100%和96.9%。",
     [("unemployment_rate", 2019, 1, "actual", "rate", 4.5, "%", "max", None)]),
])
def test_shares_of_a_whole_and_other_measures_are_not_headline_values(text, rows):
    assert headline_rows(text) == rows


def test_a_comparison_of_the_previous_clause_does_not_date_the_next():
    # county_gaoyang_2017.txt: 比2011年 belongs to the revenue before the ;, not to the investment after it; the
    # electricity figures (亿度) after the industry's growth are their own
    text = (TERM + "一般公共预算收入完成6.37亿元,比2011年翻了近一番;固定资产投资完成77.6亿元,是2011年的1.89倍。"
            "规模以上工业增加值完成48.5亿元,增长18.2%,增速全市第一;全社会用电量12.1亿度,增长7.5%。")
    rows = headline_rows(text)
    assert ("fixed_asset_investment", 2021, 1, "actual", "level", 77.6, "亿元", "eq", None) in rows
    assert [r for r in rows if r[0] == "industrial_value_added"] == [
        ("industrial_value_added", 2021, 1, "actual", "level", 48.5, "亿元", "eq", None),
        ("industrial_value_added", 2021, 1, "actual", "growth", 18.2, "%", "eq", None)]
