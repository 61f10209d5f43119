"""Issue 11, class 2: who is reporting, from real corpus reports.

Whole reports give the government of examples/corpus/gold/reports.csv; the opening lines of some of them show which
words decide (a speaker line, 我代表X人民政府, a scraper title, the national congress). Short county names found
inside ordinary words (和县委, 兴县, 示范县) must not name the government, and a text that names none gets no place.
"""
from __future__ import annotations

import pytest

from orchestration.parsing import parse_report
from orchestration.parsing.normalize import normalize_text
from tests.parsing.corpus_texts import corpus_text, parsed

# (file, district, city, province, admin_level)
WHOLE_REPORTS = [
    # the State Council: 在第九届全国人民代表大会第五次会议上, 我代表国务院, 国内生产总值
    pytest.param("national_china_2000.txt", "全国", None, None, "national", id="national-2000"),
    pytest.param("national_china_2002.txt", "全国", None, None, "national", id="national-2002"),
    pytest.param("national_china_2004.txt", "全国", None, None, "national", id="national-2004"),
    # a library page titled 2023年新疆自治区政府工作报告(20230114): the short form of 新疆维吾尔自治区
    pytest.param("province_xinjiang_2023.txt", "新疆维吾尔自治区", None, "新疆维吾尔自治区", "province",
                 id="province-xinjiang-short-name"),
    # traditional script: 在新疆維吾爾自治區第十二屆人民代表大會第五次會議上
    pytest.param("province_xinjiang_2017.txt", "新疆维吾尔自治区", None, "新疆维吾尔自治区", "province",
                 id="province-traditional-script"),
    # no dateline, no speaker: 我代表省人民政府 and 全省 in the body of a traditional-script copy
    pytest.param("province_zhejiang_2005.txt", "浙江省", None, "浙江省", "province", id="province-body-only"),
    # an autonomous prefecture whose name never appears: 我代表州人民政府, 全州, 陇川, 瑞丽, 遮放贡米
    pytest.param("city_dehong_2025.txt", "德宏傣族景颇族自治州", "德宏傣族景颇族自治州", "云南省", "city",
                 id="autonomous-prefecture-by-its-counties"),
    # no title or dateline: "包头市人民政府市长 孙炜东"
    pytest.param("city_baotou_2013.txt", "包头市", "包头市", "内蒙古自治区", "city", id="city-speaker-line"),
    # a plan-only page under 标题:2024年保定市政府工作报告
    pytest.param("city_baoding_2024.txt", "保定市", "保定市", "河北省", "city", id="city-scraper-title"),
    # a county-level city: 在安国市第八届人民代表大会, 安国市人民政府市长 梁忠林, 我代表安国市人民政府
    pytest.param("county_anguo_2022.txt", "安国市", "保定市", "河北省", "county", id="county-level-city"),
    # 清苑县 became 清苑区 in 2015: the report of 2003 is the county's, the one of 2021 the district's
    pytest.param("county_qingyuan_2003.txt", "清苑县", "保定市", "河北省", "county", id="renamed-county-2003"),
    pytest.param("district_qingyuan_2021.txt", "清苑区", "保定市", "河北省", "district", id="renamed-county-2021"),
    pytest.param("county_xushui_2010.txt", "徐水县", "保定市", "河北省", "county", id="renamed-county-xushui-2010"),
    pytest.param("district_xushui_2019.txt", "徐水区", "保定市", "河北省", "district", id="renamed-county-xushui-2019"),
    # 在县第十八届人民代表大会…, 县长 崔华明: only 黎平 in the body names the county
    pytest.param("county_liping_2023.txt", "黎平县", "黔东南苗族侗族自治州", "贵州省", "county",
                 id="county-named-only-in-the-body"),
    # counties of autonomous prefectures and of a 地区
    pytest.param("county_heshuo_2017.txt", "和硕县", "巴音郭楞蒙古自治州", "新疆维吾尔自治区", "county",
                 id="county-of-an-autonomous-prefecture"),
    pytest.param("county_maigaiti_2021.txt", "麦盖提县", "喀什地区", "新疆维吾尔自治区", "county", id="county-of-a-diqu"),
    # 我代表蠡县人民政府: a rare one-character name; 易县 with no title or dateline
    pytest.param("county_lixian_2020.txt", "蠡县", "保定市", "河北省", "county", id="one-character-name-on-behalf"),
    pytest.param("county_yixian_2018.txt", "易县", "保定市", "河北省", "county", id="one-character-name-body"),
    # filed by the source workbook under look-alike Hebei counties (易县, 唐县, 安新县)
    pytest.param("county_miyi_2022.txt", "米易县", "攀枝花市", "四川省", "county", id="miyi-not-yixian"),
    pytest.param("county_gaotang_2023.txt", "高唐县", "聊城市", "山东省", "county", id="gaotang-not-tangxian"),
    pytest.param("county_xinan_2024.txt", "新安县", "洛阳市", "河南省", "county", id="xinan-not-anxin"),
]


@pytest.mark.parametrize(("name", "district", "city", "province", "level"), WHOLE_REPORTS)
def test_whose_report_it_is(name, district, city, province, level):
    meta = parsed(name).meta
    assert (meta.district, meta.city, meta.province, meta.admin_level) == (district, city, province, level)


def _place(text: str) -> tuple:
    meta = parse_report(normalize_text(text)).meta
    return meta.district, meta.city, meta.province, meta.admin_level


def _opening(name: str, end: str) -> str:
    """The report's text up to (not including) `end`."""
    text = corpus_text(name)
    return text[:text.index(end)]


@pytest.mark.parametrize(("name", "end", "place"), [
    # "包头市人民政府市长 孙炜东 / 各位代表: / 现在,我代表市人民政府,向大会报告工作,…"
    pytest.param("city_baotou_2013.txt", "过去五年工作回顾", ("包头市", "包头市", "内蒙古自治区", "city"), id="speaker-line"),
    # "各位代表: / 现在,我代表蠡县人民政府,向大会作政府工作报告,…"
    pytest.param("county_lixian_2020.txt", "一、2019年工作回顾", ("蠡县", "保定市", "河北省", "county"), id="on-behalf"),
    # the first line only: "——2013年3月8日在阜平县第十六届人民代表大会第二次会议上"
    pytest.param("county_fuping_2013.txt", "阜平县人民政府县长", ("阜平县", "保定市", "河北省", "county"), id="dateline"),
    # "2002年国务院政府工作报告 / … / ——2002年3月5日在第九届全国人民代表大会第五次会议上 / 国务院总理朱镕基 / … /
    # 现在,我代表国务院向大会作政府工作报告"
    pytest.param("national_china_2002.txt", "首先报告2001年的工作", ("全国", None, None, "national"),
                 id="national-title-and-congress"),
    # "——2005年2月26日 / 各位代表: / 现在,我代表清苑县人民政府向大会报告工作" (清苑县, now 清苑区)
    pytest.param("county_qingyuan_2005.txt", "2004年工作回顾", ("清苑县", "保定市", "河北省", "county"),
                 id="on-behalf-renamed-county"),
])
def test_the_opening_lines_name_the_government(name, end, place):
    assert _place(_opening(name, end)) == place


# Real sentences holding a short county name inside ordinary words, after an opening that names no government
# (county_yixian_2018.txt's: 我代表县人民政府).
OPENING = "各位代表:\n现在,我代表县人民政府,向大会作工作报告,请予审议,并请政协委员和列席会议的同志提出意见。\n"
INSIDE_WORDS = [
    # county_fuping_2013.txt: 和县 in 市政府和县委
    pytest.param("在市委、市政府和县委的坚强领导下,在县人大、县政协的监督支持下,全县上下团结一心。", id="hexian-in-he-xianwei"),
    # county_fuping_2021.txt: 范县 in 示范县
    pytest.param("提升全要素标准化旅游服务水平,创建完成国家全域旅游示范县。", id="fanxian-in-shifanxian"),
    # city_baoding_2009.txt: 兴县 in 强市兴县富民
    pytest.param("全面落实科学发展观,围绕又好又快发展、强市兴县富民这个中心任务,坚持加快发展、安全发展两手抓。",
                 id="xingxian-in-qiangshi-xingxian"),
    # county_gaotang_2023.txt: 兴县 in 产业兴县
    pytest.param("坚持“创新引领,产业兴县、制造业强县建设”主攻方向,有效防范化解重大风险。", id="xingxian-in-chanye-xingxian"),
]


@pytest.mark.parametrize("sentence", INSIDE_WORDS)
def test_a_short_name_inside_ordinary_words_names_no_government(sentence):
    assert _place(OPENING + sentence) == (None, None, None, None)


@pytest.mark.parametrize(("name", "district"), [
    # whole reports whose text holds 和县委 / 示范县 / 兴县 besides their own name
    ("county_fuping_2013.txt", "阜平县"), ("county_fuping_2021.txt", "阜平县"), ("city_baoding_2009.txt", "保定市"),
    ("county_gaotang_2023.txt", "高唐县"),
])
def test_short_names_inside_words_do_not_outvote_the_report_s_own(name, district):
    assert parsed(name).meta.district == district


def test_an_opening_without_the_county_s_name_gives_no_place():
    # county_liping_2023.txt up to its first mention of 黎平: "(2023年1月6日在县第十八届人民代表大会第二次会议上) /
    # 县长 崔华明 / … 我代表县人民政府向大会报告工作"
    meta = parse_report(normalize_text(_opening("county_liping_2023.txt", "2022年是党和国家"))).meta
    assert (meta.district, meta.city, meta.province) == (None, None, None)
    assert meta.location_note  # the reason is recorded


@pytest.mark.parametrize("name", [
    # a news report on the provincial congress site: "昨日,省长蒋巨峰在省第十一届人民代表大会第三次会议上作政府工作
    # 报告", 我省 and 全省, but 四川 nowhere (the gold's 四川省 comes from the page's address)
    "province_sichuan_2010.txt",
    # a traditional-script digest: 我市, 全市上下, "連續九屆跻身全国县域经济基本竞争力百强县(市)", but 泰兴 nowhere
    "county_taixing_2010.txt",
])
def test_a_text_that_names_no_government_gets_no_place(name):
    meta = parsed(name).meta
    assert (meta.district, meta.city, meta.province) == (None, None, None)
    assert meta.location_note


def test_a_short_form_of_a_place_word_names_its_county():
    # county_xihe_2019.txt: an excerpt whose only self-naming is 西和 (jieba: a place name), the report's own level 县
    assert parsed("county_xihe_2019.txt").meta.district == "西和县"
