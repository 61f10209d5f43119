"""The parser's entry point on report shapes the samples do not show: a news summary, traditional script."""
import opencc

from orchestration.parsing import parse_report
from orchestration.parsing.normalize import normalize_text

# A news summary of a provincial report (full-width punctuation, no section headings).
NEWS = ("新华网武汉1月12日电 记者从湖北省十四届人大一次会议上获悉，湖北省省长王忠林在政府工作报告中提出，"
        "2023年湖北地区生产总值预期增长6.5%左右。报告显示，2022年湖北全省地区生产总值达5.37万亿元，增长4.3%；"
        "地方一般公共预算收入3280.7亿元，增长20.7%。今年，湖北将力争全社会固定资产投资增长10%以上，"
        "社会消费品零售总额增长10%，城镇新增就业70万人以上。")

PLAN = ("2023年全省经济社会发展的主要预期目标是：地区生产总值增长6.5%左右，地方一般公共预算收入增长6%，"
        "城镇新增就业70万人以上，城镇调查失业率控制在5.5%左右。固定资产投资增长10%—12%，社会消费品零售总额增长8%到9%。")


def facts(parsed):
    return sorted(((f.indicator, f.year, f.span_years, f.status, f.measure, f.value, f.value_high, f.unit, f.bound)
                   for f in parsed.figures if f.indicator and f.is_headline), key=repr)


def test_news_summary_years_come_from_its_dated_results_and_targets():
    parsed = parse_report(normalize_text(NEWS))
    assert (parsed.meta.district, parsed.meta.admin_level) == ("湖北省", "province")
    assert (parsed.meta.review_year, parsed.meta.plan_year) == (2022, 2023)
    # the dateline gives no year, but 1月12日 after the reviewed year 2022 is January 2023
    assert parsed.meta.report_year == 2023
    assert ("gdp", 2023, 1, "target", "growth", 6.5, None, "%", "approx") in facts(parsed)
    assert ("gdp", 2022, 1, "actual", "level", 5.37, None, "万亿元", "eq") in facts(parsed)
    assert ("fixed_asset_investment", 2023, 1, "target", "growth", 10.0, None, "%", "min") in facts(parsed)


def test_ranges_in_a_provincial_plan():
    got = facts(parse_report(normalize_text(PLAN)))
    assert ("fixed_asset_investment", 2023, 1, "target", "growth", 10.0, 12.0, "%", "range") in got
    assert ("retail_sales", 2023, 1, "target", "growth", 8.0, 9.0, "%", "range") in got
    assert ("unemployment_rate", 2023, 1, "target", "rate", 5.5, None, "%", "approx") in got


def test_traditional_script_gives_the_same_facts():
    trad = opencc.OpenCC("s2t").convert(NEWS + "\n\n" + PLAN)
    assert trad != NEWS + "\n\n" + PLAN
    assert facts(parse_report(normalize_text(trad))) == facts(parse_report(normalize_text(NEWS + "\n\n" + PLAN)))
