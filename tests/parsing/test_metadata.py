"""extract_meta: every gold metadata field of every sample, and the rules that must hold for any report."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import opencc
import pytest

from orchestration.parsing.metadata import extract_meta
from orchestration.parsing.normalize import normalize_text
from orchestration.parsing.places import find_places

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parents[2] / "examples" / "gold" / "reports.csv"
FIELDS = [
    "district",
    "province",
    "city",
    "level",
    "report_year",
    "review_year",
    "plan_year",
    "delivered_on",
    "meeting",
    "is_abstract",
]


def _gold_rows() -> list[dict[str, str]]:
    with GOLD.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _sections(text: str):
    try:
        from orchestration.parsing.sections import build_sections
    except ImportError:
        return []
    return build_sections(text)


def _meta(text: str):
    return extract_meta(text, _sections(text))


def _got(meta, field: str) -> str:
    value = getattr(meta, "admin_level" if field == "level" else field)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# Labels left empty for a reason the parser answers differently, each with the labels' own words (examples/gold/NOTES.md):
# a report plans the year after the one it reviews, also when the page holds only its plan.
ANSWERED = {
    ("004_1727077883551e02.txt", "review_year"): "2019",  # "no review section. The full report would have reviewed 2019"
    # "late December 2019 or early 2020": the text gives no date, so the year it plans is taken, said so in
    # years_evidence ("assumed: delivered early in the year it plans")
    ("004_1727077883551e02.txt", "report_year"): "2020",
}
CASES = [(row["report"], field, ANSWERED.get((row["report"], field), row[field]))
         for row in _gold_rows() for field in FIELDS]
YEAR_FIELDS = ("report_year", "review_year", "plan_year")


@pytest.mark.parametrize(("report", "field", "expected"), CASES, ids=[f"{c[0][:3]}-{c[1]}" for c in CASES])
def test_gold_metadata(report, field, expected):
    meta = _meta(normalize_text((SEEDS / report).read_text(encoding="utf-8")))
    assert _got(meta, field) == expected


@pytest.mark.parametrize("report", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_raw_sample_text_gives_the_same_place(report):
    """Other modules may call extract_meta on text that still has its web footer (较旧一篇: 武昌区, 洪山区)."""
    raw = (SEEDS / report).read_text(encoding="utf-8")
    a, b = _meta(raw), _meta(normalize_text(raw))
    assert (a.district, a.city, a.province, a.admin_level) == (b.district, b.city, b.province, b.admin_level)


# (text, district, city, province, admin_level): head lines as real reports write them.
PLACES = [
    (
        "2020年政府工作报告\n——2020年6月29日在西塞山区第四届人民代表大会第五次会议上\n区长\n各位代表:\n全区实现地方生产总值220.07亿元。",
        "西塞山区",
        "黄石市",
        "湖北省",
        "district",
    ),
    (
        "政府工作报告\n——2021年1月24日在湖北省第十三届人民代表大会\n第五次会议上\n湖北省省长 王晓东\n各位代表:\n全省经济稳步恢复。",
        "湖北省",
        None,
        "湖北省",
        "province",
    ),
    (
        "政府工作报告\n——2022年1月6日在随州市第五届人民代表大会第一次会议上\n各位代表:\n全市地区生产总值增长14%。",
        "随州市",
        "随州市",
        "湖北省",
        "city",
    ),
    (
        "政府工作报告\n曾都区人民政府代区长何胜\n各位代表:\n全区预计实现地区生产总值572亿元。",
        "曾都区",
        "随州市",
        "湖北省",
        "district",
    ),
    (
        "担当作为,继续前进谱写新时代岳阳楼区转型发展新篇章\n2020年,是全面建成小康社会和“十三五”规划的收官之年。",
        "岳阳楼区",
        "岳阳市",
        "湖南省",
        "district",
    ),
    # same-named districts, decided by the city the text names
    (
        "政府工作报告\n各位代表:\n全区工作呈现出新气象。为“三化”大武汉建设、复兴大武汉作出青山区新的贡献!青山区将加快转型。",
        "青山区",
        "武汉市",
        "湖北省",
        "district",
    ),
    (
        "政府工作报告\n各位代表:\n全区工作呈现出新气象。青山区主动融入包头市发展大局,为包头建设作出青山区新的贡献!",
        "青山区",
        "包头市",
        "内蒙古自治区",
        "district",
    ),
    ("2021年长春市朝阳区政府工作报告\n各位代表:\n全区经济稳中有进。", "朝阳区", "长春市", "吉林省", "district"),
    (
        "政府工作报告\n——2021年1月6日在北京市朝阳区第十六届人民代表大会第五次会议上\n各位代表:\n全区经济稳中有进。",
        "朝阳区",
        "北京市",
        "北京市",
        "district",
    ),
    # cannot be decided: name kept, city and province left empty
    (
        "政府工作报告\n——2021年1月6日在鼓楼区第十八届人民代表大会第五次会议上\n各位代表:\n全区经济稳中有进。",
        "鼓楼区",
        None,
        None,
        "district",
    ),
    # a footer naming other reports names neither the district nor its city
    (
        (
            "政府工作报告\n各位代表:\n全区上下齐心协力,推动了青山经济社会的转型发展,青山区空气质量优良天数210天。\n"
            "较旧一篇:2018年武汉市武昌区政府工作报告较新一篇:2018年武汉洪山区政府工作报告"
        ),
        "青山区",
        None,
        None,
        "district",
    ),
    (
        "政府工作报告\n——2021年1月10日在长阳土家族自治县第十届人民代表大会第五次会议上\n各位代表:\n全县经济稳步恢复。",
        "长阳土家族自治县",
        "宜昌市",
        "湖北省",
        "county",
    ),
]


@pytest.mark.parametrize(
    ("text", "district", "city", "province", "level"), PLACES, ids=[p[1] + str(i) for i, p in enumerate(PLACES)]
)
def test_whose_report(text, district, city, province, level):
    meta = _meta(normalize_text(text))
    assert (meta.district, meta.city, meta.province, meta.admin_level) == (district, city, province, level)
    if city is None and level != "province":
        assert meta.location_note  # never silently


DATES = [
    (
        "——2020年6月29日在西塞山区第四届人民代表大会第五次会议上",
        date(2020, 6, 29),
        "西塞山区第四届人民代表大会第五次会议",
    ),
    (
        "政府工作报告(2021年11月8日)\n——2021年11月8日在曾都区第四届人民代表大会第一次会议上",
        date(2021, 11, 8),
        "曾都区第四届人民代表大会第一次会议",
    ),
    ("政府工作报告(2021年11月8日)", date(2021, 11, 8), None),
    (
        "——二〇二一年一月二十四日在湖北省第十三届人民代表大会第五次会议上",
        date(2021, 1, 24),
        "湖北省第十三届人民代表大会第五次会议",
    ),
    (
        "2021年1月24日\n在湖北省第十三届人民代表大会第五次会议上",
        date(2021, 1, 24),
        "湖北省第十三届人民代表大会第五次会议",
    ),
    ("湖北省省长王晓东在湖北省十三届人大四次会议上作政府工作报告", None, "湖北省第十三届人民代表大会第四次会议"),
    ("2020年政府工作报告\n作者:   来源:西塞山区政府    时间:2020-08-03 17:52\n区长", None, None),
    ("政府工作报告\n发布时间:2022年2月1日\n各位代表:", None, None),
]


@pytest.mark.parametrize(("head", "delivered_on", "meeting"), DATES)
def test_delivery_date_and_meeting(head, delivered_on, meeting):
    meta = _meta(normalize_text(head + "\n各位代表:\n现在,我代表区人民政府向大会报告工作,请予审议。"))
    assert meta.delivered_on == delivered_on
    assert meta.meeting == meeting


def test_a_meeting_cited_in_the_body_is_not_the_delivery_meeting():
    text = normalize_text((SEEDS / "003_e94be4eccf6fb3ec.txt").read_text(encoding="utf-8"))
    assert "十五届人大一次会议" in text
    assert _meta(text).meeting is None


TITLES = [
    ("政 府 工 作 报 告(摘要)\n一、2019年工作回顾", "政府工作报告(摘要)", True),
    ("政府工作报告(2021年11月8日)\n政府工作报告", "政府工作报告", False),
    ("2020年政府工作报告\n——2020年6月29日在西塞山区第四届人民代表大会第五次会议上", "2020年政府工作报告", False),
    ("2019年武汉市蔡甸区政府工作报告摘登\n各位代表:", "2019年武汉市蔡甸区政府工作报告摘登", True),
]


@pytest.mark.parametrize(("head", "title", "abstract"), TITLES)
def test_title_and_abstract(head, title, abstract):
    meta = _meta(normalize_text(head + "\n各位代表:\n全区实现地方生产总值220.07亿元,同比增长9.1%。"))
    assert meta.title == title
    assert meta.is_abstract is abstract


def test_traditional_script_report():
    raw = (SEEDS / "000_a501c150ba00b548.txt").read_text(encoding="utf-8")
    meta = _meta(normalize_text(opencc.OpenCC("s2t").convert(raw)))
    assert (meta.district, meta.city, meta.province, meta.delivered_on) == (
        "西塞山区",
        "黄石市",
        "湖北省",
        date(2020, 6, 29),
    )


def test_place_scan_is_leftmost_longest_and_linear():
    forms = [m.form for m in find_places("奋力谱写新时代岳阳楼区转型发展新篇章,是建设岳阳的关键之年")]
    assert forms == ["岳阳楼区", "岳阳"]
    # linear: a megabyte of numbers is in the benchmark's hostile inputs (tests/bench/hostile.py)
    assert find_places(("1234,5678。%" * 100000)[:1_000_000]) == []


def test_a_recalled_meeting_inside_a_paragraph_is_not_the_delivery_meeting():
    text = normalize_text(
        "政府工作报告\n各位代表:\n"
        "一年来,我们认真落实在区第十五届人民代表大会第一次会议上确定的各项目标任务,全区经济社会发展呈现稳中有进、"
        "逆势而上、提质增效的良好态势,区人大、区政协监督支持。"
    )
    assert _meta(text).meeting is None


def test_a_news_lead_names_the_meeting():
    text = normalize_text(
        "湖北省政府工作报告:今年经济增长目标6.5%左右\n"
        "1月13日,湖北省省长王忠林在湖北省第十四届人民代表大会第一次会议上作政府工作报告时说,"
        "全省地区生产总值增长4.3%,省人大代表审议。"
    )
    meta = _meta(text)
    assert meta.meeting == "湖北省第十四届人民代表大会第一次会议"
    assert (meta.district, meta.admin_level, meta.city) == ("湖北省", "province", None)
    assert meta.delivered_on is None  # 1月13日 has no year


def test_title_skips_a_site_banner():
    meta = _meta(
        normalize_text("湖北省人民政府门户网站\n2019年蔡甸区政府工作报告\n各位代表:\n全区人民,区人大,区政协。")
    )
    assert meta.title == "2019年蔡甸区政府工作报告"
    assert meta.district == "蔡甸区"


COMMON_NOUN_TITLES = [
    ("阳泉市城区2021年政府工作报告\n各位代表:\n全区人民,区人大,区政协。", "城区", "阳泉市"),
    ("推进老城区有机更新\n蔡甸区2020年政府工作报告\n各位代表:\n全区人民,区人大,区政协。", "蔡甸区", "武汉市"),
    ("西塞山区第四届人民代表大会第五次会议文件\n政府工作报告\n各位代表:\n全区人民,区人大。", "西塞山区", "黄石市"),
]


@pytest.mark.parametrize(("text", "district", "city"), COMMON_NOUN_TITLES)
def test_division_names_that_are_also_common_nouns(text, district, city):
    meta = _meta(normalize_text(text))
    assert (meta.district, meta.city) == (district, city)


def test_meeting_from_a_congress_document_heading():
    meta = _meta(normalize_text("西塞山区第四届人民代表大会第五次会议文件\n政府工作报告\n各位代表:\n全区人民。"))
    assert meta.meeting == "西塞山区第四届人民代表大会第五次会议"


# Heads copied from real pages of other districts (汉滨区 from hanbin.gov.cn, 盐田区 from a document site that lost
# every line break, 东西湖区 from a news report).
REAL_HEADS = [
    (
        (
            "文件名称 | 汉滨区2025年政府工作报告 | ||\n索引号 | /2025-0000 | 公开目录: | 工作报告 |\n"
            "公开责任部门 | 公开形式: | 主动公开 | |\n文号 | 成文日期: | 2025年04月15日 | |\n"
            "有效性 | 有效 | 公开日期: | 2025-04-15 14:43 |\n2025年3月21日在汉滨区第十九届\n人民代表大会第四次会议上\n"
            "汉滨区人民政府代区长 向诗兵\n各位代表:\n现在,我代表区人民政府向大会报告工作,请予审议,并请区政协委员和其他列席人员提出意见。"
        ),
        "汉滨区",
        "安康市",
        "陕西省",
        date(2025, 3, 21),
        "汉滨区第十九届人民代表大会第四次会议",
    ),
    (
        (
            "1政府工作报告——2012年1月3日在盐田区第四届人民代表大会第一次会议上盐田区人民政府区长杜玲各位代表:现在,"
            "我代表区人民政府向大会作工作报告,请予审议,并请各位政协委员和其他列席人员提出意见。一、过去五年工作回顾本届政府任期自"
            "2006年10月至本次大会届满。五年来,我们在市委、市政府和区委的正确领导下,在区人大、区政协的监督支持下,大力实施精品战略。"
        ),
        "盐田区",
        "深圳市",
        "广东省",
        date(2012, 1, 3),
        "盐田区第四届人民代表大会第一次会议",
    ),
    (
        (
            "12月7日上午,武汉临空港经开区常务副主任、区长杨泽发在区人大十届一次会议上作政府工作报告\n"
            "12月7日上午,东西湖会议中心气氛庄严热烈。在我区实现“十三五”良好开局,奋力打造全市重要经济增长极之际,"
            "东西湖区第十届人民代表大会第一次会议隆重开幕。在区人大及其常委会、区政协的监督支持下。"
        ),
        "东西湖区",
        "武汉市",
        "湖北省",
        None,
        "东西湖区第十届人民代表大会第一次会议",
    ),
]


@pytest.mark.parametrize(
    ("text", "district", "city", "province", "delivered_on", "meeting"), REAL_HEADS, ids=[h[1] for h in REAL_HEADS]
)
def test_real_page_heads(text, district, city, province, delivered_on, meeting):
    meta = _meta(normalize_text(text))
    assert (meta.district, meta.city, meta.province) == (district, city, province)
    assert (meta.delivered_on, meta.meeting) == (delivered_on, meeting)


NEWS_LEADS = [
    (
        (
            "四川在线记者 袁婧 刘佳\n1月30日上午,四川省第十三届人民代表大会第四次会议开幕。会议听取了代省长黄强代表省人民政府作的工作报告。"
            "全省经济逐季回升、稳定向好,省人大及其常委会、省政协监督支持。"
        ),
        "四川省",
        "province",
        "四川省第十三届人民代表大会第四次会议",
    ),
    (
        (
            "来源:长江云\n1月24日,湖北省十三届人大五次会议开幕,湖北省省长王晓东作《政府工作报告》。"
            "《报告》指出,2020年是湖北历史上极不平凡、极不容易、极其难忘的一年。"
        ),
        "湖北省",
        "province",
        "湖北省第十三届人民代表大会第五次会议",
    ),
]


@pytest.mark.parametrize(("text", "district", "level", "meeting"), NEWS_LEADS, ids=[n[1] for n in NEWS_LEADS])
def test_news_leads(text, district, level, meeting):
    meta = _meta(normalize_text(text))
    assert (meta.district, meta.admin_level, meta.city, meta.meeting) == (district, level, None, meeting)


HISTORY = [
    ("2009年崇文区政府工作报告\n各位代表:\n全区人民,区人大,区政协。", "崇文区", "北京市", "北京市"),
    (
        "政府工作报告\n——2009年1月6日在襄樊市襄城区第十六届人民代表大会第三次会议上\n各位代表:\n全区人民。",
        "襄城区",
        "襄樊市",
        "湖北省",
    ),
    (
        "政府工作报告\n——2021年1月6日在襄城区第十八届人民代表大会第五次会议上\n各位代表:\n全区人民。",
        "襄城区",
        "襄阳市",
        "湖北省",
    ),
]


@pytest.mark.parametrize(("text", "district", "city", "province"), HISTORY)
def test_divisions_renamed_or_abolished_since(text, district, city, province):
    meta = _meta(normalize_text(text))
    assert (meta.district, meta.city, meta.province) == (district, city, province)


def test_everyday_words_that_name_divisions_without_work_reports_are_not_districts():
    # 扩大社区 holds 大社区, a district of Taiwan: no such government delivers a 政府工作报告
    from orchestration.parsing.sections import build_sections

    text = ("政府工作报告\n\n一、2020年工作回顾\n\n全区扩大社区服务覆盖面,扩大社区养老服务,"
            "全区地区生产总值100亿元。我们扩大社区治理试点。\n")
    meta = extract_meta(text, build_sections(text))
    assert meta.district is None


def test_a_news_dateline_dates_the_report():
    # constructed in the shape of a city paper's summary: no "——…在…会议上" line, the dateline gives the year
    text = normalize_text(
        "株洲市政府工作报告:今年GDP预期增长8.5%\n"
        "2015年1月20日 来源:株洲日报\n"
        "1月19日上午,株洲市第十四届人民代表大会第五次会议开幕。市长阳卫国作政府工作报告。\n"
        "报告指出,2014年全市地区生产总值完成2160亿元,增长10.2%。"
    )
    meta = _meta(text)
    assert (meta.district, meta.meeting) == ("株洲市", "株洲市第十四届人民代表大会第五次会议")
    assert (meta.report_year, meta.delivered_on) == (2015, date(2015, 1, 20))


@pytest.mark.parametrize(("name", "delivered"), [
    # a news lead's day without its year before the meeting it opens, in the year the report is dated to:
    # county_gaoyang_2023.txt "1月12日上午,高阳县第十八届人民代表大会第三次会议隆重开幕" (a headline names it first)
    ("county_gaoyang_2023.txt", date(2023, 1, 12)),
    # district_longhua_2018.txt "1月24日上午9时,龙华区第一届人民代表大会第二次会议在龙华会堂开幕"
    ("district_longhua_2018.txt", date(2018, 1, 24)),
    # province_hebei_2005.txt: the scraper's 标题/发文单位/…/来源URL block, then 正文: and the report's own header
    # "在河北省第十届人民代表大会第三次会议上 / 河北省省长 季允石 / (二〇〇五年一月十一日)"
    ("province_hebei_2005.txt", date(2005, 1, 11)),
])
def test_delivery_day_of_news_leads_and_scraped_pages(name, delivered):
    from tests.parsing.corpus_texts import parsed

    assert parsed(name).meta.delivered_on == delivered
