"""Issue 11, class 6: text as the web delivers it, from real corpus files.

Excerpts keep the damage of the file they come from (pinyin after characters, spaces inside figures, full-width
digits, literal \\r\\n, ?? for lost spaces); whole files show what a user gets from a page stored several times over
or under a scraper's header. Damage the corpus does not hold (zero-width spaces, a letter l for a 1, a cut UTF-8
character) is applied to a real sentence or file and said so. The English translation is rejected with its reason.
"""
from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from orchestration.parsing import parse_report
from orchestration.parsing.decode import UnusableFile, decode_report
from orchestration.parsing.normalize import normalize_text
from orchestration.per_report.ingest import ingest_file
from orchestration.storage.inbox import InboxFile
from tests.parsing.corpus_texts import (
    CORPUS,
    corpus_text,
    headline_rows,
    parsed,
    passage_rows,
    plan,
    raw_text,
    review,
)
from tests.parsing.corpus_texts import row as row_of


@pytest.mark.parametrize(("text", "rows"), [
    # county_heshuo_2017.txt: machine-converted traditional script with pinyin after characters
    pytest.param(review(2017) + "預(yù)計(jì)全年實(shí)現(xiàn)地方生產(chǎn)總值38.62億元,同比增長(zhǎng)8.1%;"
                 "完成地方公共財(cái)政預(yù)算收入1.82億元,同比增長(zhǎng)7%;",
                 [("gdp", 2017, 1, "estimate", "level", 38.62, "亿元", "eq", None),
                  ("gdp", 2017, 1, "estimate", "growth", 8.1, "%", "eq", None),
                  ("general_budget_revenue", 2017, 1, "estimate", "level", 1.82, "亿元", "eq", None),
                  ("general_budget_revenue", 2017, 1, "estimate", "growth", 7.0, "%", "eq", None)], id="pinyin-heshuo"),
    # city_zhangzhou_2010.txt: the same, with doubled punctuation (",;" ",,")
    pytest.param(plan(2010) + "地區(qū)生產(chǎn)總值增長13%,;財政總收入增長13%,其中地方級財政收入增長16%,;"
                 "規(guī)模工業(yè)增加值增長18%,,",
                 [("gdp", 2010, 1, "target", "growth", 13.0, "%", "eq", None),
                  ("fiscal_total_revenue", 2010, 1, "target", "growth", 13.0, "%", "eq", None),
                  ("general_budget_revenue", 2010, 1, "target", "growth", 16.0, "%", "eq", None),
                  ("industrial_value_added", 2010, 1, "target", "growth", 18.0, "%", "eq", None)], id="pinyin-zhangzhou"),
    # city_shenzhen_2024.txt (PDF text): spaces before 万亿元, 亿元 and after 增长
    pytest.param(review(2023) + "——经济持续恢复、回升向好。全市地区生产总值 3.46 万亿元、增长 6.0%,增速居国内大中城市前列。"
                 "一般公共预算收入 4112.8 亿元、增长 2.5%。",
                 [("gdp", 2023, 1, "actual", "level", 3.46, "万亿元", "eq", None),
                  ("gdp", 2023, 1, "actual", "growth", 6.0, "%", "eq", None),
                  ("general_budget_revenue", 2023, 1, "actual", "level", 4112.8, "亿元", "eq", None),
                  ("general_budget_revenue", 2023, 1, "actual", "growth", 2.5, "%", "eq", None)], id="spaces-in-figures"),
    # county_rongcheng_2012.txt: a space between 增长 and the number, full-width ，
    pytest.param(plan(2012) + "奋斗目标是：地区生产总值增长 12%左右，全部财政收入增长18%以上，规模以上工业增加值增长18%",
                 [("gdp", 2012, 1, "target", "growth", 12.0, "%", "approx", None),
                  ("fiscal_total_revenue", 2012, 1, "target", "growth", 18.0, "%", "min", None),
                  ("industrial_value_added", 2012, 1, "target", "growth", 18.0, "%", "eq", None)], id="space-before-number"),
    # national_china_2004.txt: full-width digits, decimal point and ％
    pytest.param(review(2003) + "——经济快速发展。国内生产总值比上年增长９．１％，达到１１．６７万亿元；",
                 [("gdp", 2003, 1, "actual", "growth", 9.1, "%", "eq", None),
                  ("gdp", 2003, 1, "actual", "level", 11.67, "万亿元", "eq", None)], id="full-width-digits"),
    # province_hebei_2005.txt: ASCII digits with full-width ％ and ，
    pytest.param(plan(2005) + "居民消费价格总水平上涨4％，城镇新增就业36万人，登记失业率控制在4.6％，人口自然增长率控制在6.8‰以内。",
                 [("cpi", 2005, 1, "target", "growth", 4.0, "%", "eq", None),
                  ("new_urban_jobs", 2005, 1, "target", "count", 36.0, "万人", "eq", None),
                  ("unemployment_rate", 2005, 1, "target", "rate", 4.6, "%", "max", None)], id="full-width-percent"),
    # county_yixian_2018.txt's headline with zero-width spaces inserted (as pages copied from editors hold them)
    pytest.param(review(2017) + "据统计,全县\u200b生产总值完成126.9\u200b亿元,增长\u200b8%;",
                 [("gdp", 2017, 1, "actual", "level", 126.9, "亿元", "eq", None),
                  ("gdp", 2017, 1, "actual", "growth", 8.0, "%", "eq", None)], id="zero-width-spaces"),
    # the same with a letter l typed for the digit 1
    pytest.param(review(2017) + "据统计,全县生产总值完成l26.9亿元,增长8%;",
                 [("gdp", 2017, 1, "actual", "level", 126.9, "亿元", "eq", None),
                  ("gdp", 2017, 1, "actual", "growth", 8.0, "%", "eq", None)], id="letter-l-for-one"),
])
def test_figures_in_damaged_text(text, rows):
    assert headline_rows(text) == rows


def test_literal_line_breaks():
    # district_xushui_2019.txt stores its line breaks as the four characters \r\n: one physical line
    assert "\\r\\n一、2018年工作回顾\\r\\n" in raw_text("district_xushui_2019.txt")
    text = corpus_text("district_xushui_2019.txt")
    assert "\\r\\n" not in text and "\n一、2018年工作回顾\n" in text
    meta = parsed("district_xushui_2019.txt").meta
    assert (meta.report_year, meta.review_year, meta.plan_year) == (2019, 2018, 2019)
    assert passage_rows("district_xushui_2019.txt", "预计2018年,地方生产总值预计完成285亿元,同比增长8.6%。") == [
        ("gdp", 2018, 1, "estimate", "level", 285.0, "亿元", "eq", None),
        ("gdp", 2018, 1, "estimate", "growth", 8.6, "%", "eq", None)]


def test_question_marks_for_lost_spaces():
    # county_gaotang_2023.txt: "政??府??工??作??报??告——2023年1月8日在高唐县第十八届\n人民代表大会第二次会议上高唐县县长??杨曙光"
    assert "政??府??工??作??报??告" in raw_text("county_gaotang_2023.txt")
    assert "??" not in corpus_text("county_gaotang_2023.txt")
    meta = parsed("county_gaotang_2023.txt").meta
    assert (meta.district, meta.delivered_on, meta.meeting) == ("高唐县", date(2023, 1, 8), "高唐县第十八届人民代表大会第二次会议")


def test_a_cut_utf8_character_loses_nothing_else():
    # city_baoding_2021.txt holds "二��三五年" (U+FFFD where a 〇 was lost); here a character of county_yuli_2025.txt's
    # salutation 各位代表、同志们 is cut to its first byte: the report decodes with one U+FFFD and reads the same
    data = (CORPUS / "county_yuli_2025.txt").read_bytes()
    cut = "同志们".encode()
    assert data.count(cut) == 1
    damaged = data.replace(cut, cut[:1] + cut[3:])
    text = decode_report(damaged).text
    assert text.count("\ufffd") == 1
    got = parse_report(normalize_text(text))
    assert got.meta == parsed("county_yuli_2025.txt").meta
    assert [f.value for f in got.figures] == [f.value for f in parsed("county_yuli_2025.txt").figures]


def test_a_stray_full_stop_inside_a_target_list():
    # city_zhangzhou_2010.txt (news, no section headings): "主要預(yù)期目標是:… 人口自然增長率控制在7.2%,。以內(nèi),;
    # 城鎮(zhèn)居民人均可支配收入實際增長8%,農(nóng)民人均純收入實際增長7%;"
    assert passage_rows("city_zhangzhou_2010.txt", "城镇居民人均可支配收入实际增长8%,农民人均纯收入实际增长7%") == [
        ("urban_disposable_income", 2010, 1, "target", "growth", 8.0, "%", "eq", None),
        ("rural_net_income", 2010, 1, "target", "growth", 7.0, "%", "eq", None)]


@pytest.mark.parametrize(("name", "copies", "sentence", "row"), [
    # gov.cn pages hold the whole page six times
    pytest.param("national_china_2004.txt", 6, "新增城镇就业900万人",
                 ("new_urban_jobs", 2004, 1, "target", "count", 900.0, "万人", "eq", None), id="six-copies-target"),
    pytest.param("national_china_2002.txt", 6, "全国财政收入达到16371亿元",
                 ("general_budget_revenue", 2001, 1, "actual", "level", 16371.0, "亿元", "eq", None), id="six-copies"),
    # hebei.gov.cn pages hold the body twice (desktop and mobile views)
    pytest.param("province_hebei_2024.txt", 2, "地区生产总值增长5.5%左右",
                 ("gdp", 2024, 1, "target", "growth", 5.5, "%", "approx", None), id="two-copies-target"),
    pytest.param("province_hebei_2019.txt", 2, "城镇新增就业87万人",
                 ("new_urban_jobs", 2018, 1, "actual", "count", 87.0, "万人", "eq", None), id="two-copies"),
])
def test_a_body_stored_several_times_gives_each_figure_once(name, copies, sentence, row):
    assert unicodedata.normalize("NFKC", raw_text(name)).count(sentence) == copies
    assert corpus_text(name).count(sentence) == 1
    assert [row_of(f) for f in parsed(name).figures if f.indicator and f.is_headline].count(row) == 1


def test_a_body_stored_six_times_is_read_once():
    # national_china_2004.txt: the bullet "——就业超过预期目标。城镇新增就业859万人,下岗失业人员再就业440万人。" (38 chars)
    text = corpus_text("national_china_2004.txt")
    assert text.count("城镇新增就业859万人") == 1
    assert [f.value for f in parsed("national_china_2004.txt").figures].count(859.0) == 1


def test_scraper_header_lines_do_not_decide_the_years():
    # province_hebei_2019.txt: "标题:2018年河北省政府工作报告" over the 2019 report "二〇一九年一月十四日在河北省第十三届
    # 人民代表大会第二次会议上"
    meta = parsed("province_hebei_2019.txt").meta
    assert (meta.report_year, meta.review_year, meta.plan_year) == (2019, 2018, 2019)
    assert meta.delivered_on == date(2019, 1, 14)
    # city_baoding_2007.txt: 标题/发文单位/发文时间/报告人/来源URL/正文 before the report
    meta = parsed("city_baoding_2007.txt").meta
    assert (meta.district, meta.report_year, meta.delivered_on) == ("保定市", 2007, date(2007, 1, 30))


@pytest.mark.parametrize(("name", "title"), [
    # 标题:高阳县2015年政府工作报告
    pytest.param("county_gaoyang_2015.txt", "高阳县2015年政府工作报告", id="county"),
    # 标题:2018年河北省政府工作报告 (the scraper's year; the title is kept as written)
    pytest.param("province_hebei_2019.txt", "2018年河北省政府工作报告", id="province"),
])
def test_scraper_title_label_is_not_part_of_the_title(name, title):
    assert parsed(name).meta.title == title


def test_a_stray_html_entity():
    # district_xushui_2019.txt: "保定市徐水区人民政府区长&nbsp; 李志永"
    assert "&nbsp;" not in corpus_text("district_xushui_2019.txt")


def test_the_english_translation_is_rejected_with_its_reason(tmp_path):
    # city_jiaxing_2006.txt: "Report on the Work of the Government (2006)", one Chinese line above it
    path = CORPUS / "city_jiaxing_2006.txt"
    with pytest.raises(UnusableFile) as e:
        decode_report(path.read_bytes())
    assert "Chinese characters" in e.value.reason
    st = path.stat()
    result = ingest_file(tmp_path, InboxFile("city_jiaxing_2006.txt", path, st.st_size, st.st_mtime_ns))
    assert (result.status, result.report_id, result.reason) == ("rejected", None, e.value.reason)
