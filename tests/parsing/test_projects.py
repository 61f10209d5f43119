"""extract_projects on real sentences of the sample reports (copied exactly)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from orchestration.parsing.projects import extract_projects
from orchestration.parsing.records import ReportMeta, Section

META = ReportMeta(review_year=2019, plan_year=2020)


def _section(text: str, kind: str, year: int) -> list[Section]:
    return [Section("s001", None, 1, 1, "", kind, year, year, 0, len(text))]


def _run(text: str, kind: str = "review"):
    return extract_projects(text, _section(text, kind, 2019 if kind == "review" else 2020), META)


# (sentence, expected names in order, expected status for all of them)
NAMES_AND_STATUS = [
    (("总投资20亿元的金龙应急救援产品研发及智能制造项目顺利开工,天一智能二期、程力电泳涂装等项目有序推进,"
     "四通专汽、神百专汽三期等项目竣工投产。"),
     ["金龙应急救援产品研发及智能制造项目", "天一智能二期", "程力电泳涂装", "四通专汽", "神百专汽三期"],
     ["started", "in_progress", "in_progress", "completed", "completed"]),
    ("新冶钢高炉置换、特冶锻造、扁棒线等一批重大技改升级项目顺利实施,其中投资35亿元的生态环保综合技改项目开工建设。",
     ["新冶钢高炉置换", "特冶锻造", "扁棒线", "生态环保综合技改项目"],
     ["in_progress", "in_progress", "in_progress", "started"]),
    ("曾都医院门诊综合楼、区疾控中心检验大楼开工建设,经济开发区、城南新区社区卫生服务中心项目稳步推进。",
     ["曾都医院门诊综合楼", "区疾控中心检验大楼", "经济开发区、城南新区社区卫生服务中心项目"],
     ["started", "started", "in_progress"]),
    ("红钢城商务城:新增商业体量28万平方米,武汉印象城、八大家红坊里商业街区盛大开业。",
     ["武汉印象城", "八大家红坊里商业街区"], ["operating", "operating"]),
    ("锐创中心当年交付、当年基本完成招商", ["锐创中心"], ["completed"]),
    ("飞云公园重新开园", ["飞云公园"], ["operating"]),
    ("浚山光电一期建成投产,二、三期建设同步实施。", ["浚山光电一期"], ["completed"]),
    ("吾悦广场、欧亚达家居广场相继落地", ["吾悦广场", "欧亚达家居广场"], ["signed", "signed"]),
    ("园林路武九铁路平交道口通车运行", ["园林路武九铁路平交道口"], ["operating"]),
    ("新签约项目82个,其中欧亚达家居广场、琅菱机械、康牧专汽等亿元以上项目23个、合同金额90亿元。",
     ["欧亚达家居广场", "琅菱机械", "康牧专汽"], ["signed", "signed", "signed"]),
    ("编钟中学即将投入使用", ["编钟中学"], ["in_progress"]),
]


@pytest.mark.parametrize("text,names,statuses", NAMES_AND_STATUS)
def test_names_and_status(text, names, statuses):
    got = _run(text)
    assert [p.project_name for p in got] == names
    assert [p.status for p in got] == statuses


# Plan-section items are planned whatever the verb, and take the plan year.
PLANNED = [
    ("启动315省道、大棋路(河口段)、张志和大道(河口段)等8条道路建设",
     ["315省道", "大棋路(河口段)", "张志和大道(河口段)"]),
    ("确保金龙应急救援产品研发及智能制造项目一期建成、二期开工", ["金龙应急救援产品研发及智能制造项目一期"]),
    ("加快北控岳州府、荣盛金鹗御府、碧桂园时代城、中梁首府等项目建设", ["北控岳州府", "荣盛金鹗御府", "碧桂园时代城", "中梁首府"]),
    ("完成友阿国际广场268米双子楼主体施工", ["友阿国际广场268米双子楼"]),
    ("启动武钢三中原址改扩建工程及武丰地块国际部建设", ["武钢三中原址改扩建工程"]),
    ("建立区应急管理指挥中心", ["区应急管理指挥中心"]),
    ("启动实施青化路拓宽改造及其延长线、工人村路、随州街、建设十一路等主次干道建设和提档升级工程",
     ["青化路拓宽改造及其延长线", "工人村路", "随州街", "建设十一路"]),
]


@pytest.mark.parametrize("text,names", PLANNED)
def test_plan_section_items_are_planned(text, names):
    got = _run(text, kind="plan")
    assert [p.project_name for p in got] == names
    assert {p.status for p in got} == {"planned"}
    assert {p.year for p in got} == {2020}


# The amount belongs to the one project its clause names, or to the clause right after a bare amount.
AMOUNTS = [
    ("总投资20亿元的金龙应急救援产品研发及智能制造项目顺利开工", "金龙应急救援产品研发及智能制造项目", 2e9, "总投资20亿元"),
    ("投资15.4亿元,实施氵厥水河东岸生态环境提升工程,贯通沿河大道城北段", "氵厥水河东岸生态环境提升工程", 1.54e9, "投资15.4亿元"),
    ("推动总投资18亿元的智能制造项目建设", "智能制造项目", 1.8e9, "总投资18亿元"),
    ("投资15亿元,在万店镇建设国家级专用汽车和应急装备检测研发基地", "国家级专用汽车和应急装备检测研发基地", 1.5e9, "投资15亿元"),
]


@pytest.mark.parametrize("text,name,value,written", AMOUNTS)
def test_amounts(text, name, value, written):
    got = {p.project_name: p for p in _run(text)}
    assert got[name].investment_value_base == pytest.approx(value)
    assert got[name].investment_text == written


def test_amount_not_shared_by_a_list():
    got = _run("投入4700万元,改造刷黑花园路、水机路等背街小巷25条")
    assert all(p.investment_value_base is None for p in got)


# Counts, thresholds, slogans and policy goals are no projects.
NOT_PROJECTS = [
    "实施5000万元以上项目129个,53个市级重点项目开工率86.8%,53个区级重点项目完成投资51.7亿元。",
    "全年新签约重点项目27个、新注册重点项目20个",
    "“扫黑除恶”深入推进",
    "全面推进法治政府建设",
    "整合涉农资金8300万元,实施乡村振兴项目37个。",
    "全区建成各类创新平台23个,申报科技成果转化项目15项,完成技术合同成交额6.6亿元,获省级科技进步奖三等奖提名3项。",
    "围绕建设商贸中心、金融中心、旅游休闲中心、物流中心、康养教育中心和城市居住中心",
]


@pytest.mark.parametrize("text", NOT_PROJECTS)
def test_not_projects(text):
    assert [p.project_name for p in _run(text)] == []


def test_offsets_and_sentence_point_into_the_text():
    text = "大力支持先进制造业做大做强,永凯科技、荣科智能、华龙联创等一批项目开工建设,浚山光电一期建成投产,二、三期建设同步实施。"
    for p in _run(text):
        assert text[p.char_start:p.char_end] == p.project_name
        assert p.sentence in text and p.project_name in p.sentence


def test_long_line_of_digits_names_no_project():
    # its speed (linear) is in the benchmark's hostile inputs (tests/bench/hostile.py)
    text = ("1、2,3.4%5;" * 10_000)[:100_000]
    assert _run(text) == []


def test_amount_in_parentheses_and_after_the_name():
    # Not sample sentences: the samples only write the amount before the name, other reports also
    # write it in parentheses or in the next clause; these shapes must keep working.
    got = _run("推进华中智谷项目(总投资50亿元)建设。金龙应急救援产品研发及智能制造项目顺利开工,总投资20亿元。")
    assert [(p.project_name, p.investment_value_base) for p in got] == [
        ("华中智谷项目", 5e9), ("金龙应急救援产品研发及智能制造项目", 2e9)]


def test_dollar_amount_keeps_text_but_no_yuan_value():
    (p,) = _run("签约总投资1.2亿美元的汉能光伏项目")
    assert p.investment_value_base is None and p.investment_text == "总投资1.2亿美元"


# Places sharing one head noun make one project; 建成区 must not swallow the verb 建成.
WHOLE = [
    ("六草屋、周家寨、太山庙棚户区改造加速推进", "六草屋、周家寨、太山庙棚户区改造", "in_progress"),
    ("大智路、沿江等小区改造工程顺利完成", "大智路、沿江等小区改造工程", "completed"),
    ("建成区科技馆", "区科技馆", "completed"),
    ("争取保税物流中心(B型)落户曾都", "保税物流中心(B型)", "signed"),
]


@pytest.mark.parametrize("text,name,status", WHOLE)
def test_whole_names(text, name, status):
    got = _run(text)
    assert [(p.project_name, p.status) for p in got] == [(name, status)]


def test_future_wording_without_a_plan_heading_is_planned():
    # A news summary or an excerpt may carry no plan heading: 力争/将 still mark the plan year.
    text = "力争香港置地长江青创城、中再生集团再生金属总部、叡克生态环保创新中心、金融街控股滨江商务区等重大项目尽快落地"
    got = extract_projects(text, [], ReportMeta(review_year=2017, plan_year=2018))
    assert [p.project_name for p in got] == ["香港置地长江青创城", "中再生集团再生金属总部", "叡克生态环保创新中心", "金融街控股滨江商务区"]
    assert {(p.status, p.year) for p in got} == {("planned", 2018)}


# An investment amount stated for the one project (or zone) a sentence is about, even in a later clause of
# its own (完成技改投资…) or after the name in the same clause (X完成全社会固定资产投资…).
SENTENCE_AMOUNTS = [
    ("实施“百企百亿”技改工程,其中10家重点企业共实施技改项目29个,亿元以上项目13个,完成技改投资20.32亿元,累计增幅40.3%。",
     "review", "“百企百亿”技改工程", "in_progress", 2.032e9, "完成技改投资20.32亿元"),
    ("确保蔡甸开发区完成全社会固定资产投资168亿元、增长20%。",
     "plan", "蔡甸开发区", "planned", 1.68e10, "完成全社会固定资产投资168亿元"),
    ("投入600万元实施学校物防标准化建设,校园监控系统和“一键式报警系统”实现全覆盖。",
     "review", "学校物防标准化", "in_progress", 6e6, "投入600万元"),
]


@pytest.mark.parametrize("text,kind,name,status,value,written", SENTENCE_AMOUNTS)
def test_sentence_amounts(text, kind, name, status, value, written):
    (p,) = _run(text, kind=kind)
    assert (p.project_name, p.status) == (name, status)
    assert p.investment_value_base == pytest.approx(value)
    assert p.investment_text == written


# A district total (全区完成…投资) or a count above a threshold never becomes a project's amount.
NO_AMOUNT = [
    ("力争全区完成技改投资50亿元以上。", "plan"),
    ("实施工业技改项目40个,完成投资30.7亿元,同比增长213%。", "review"),
    ("截至目前完成投资73.7亿元、项目175个。", "review"),
]


@pytest.mark.parametrize("text,kind", NO_AMOUNT)
def test_totals_are_no_project_amounts(text, kind):
    assert [(p.project_name, p.investment_text) for p in _run(text, kind=kind) if p.investment_text] == []


# A short form of a name written in full earlier in the report is that project.
def test_short_form_takes_the_full_name_written_earlier():
    text = ("11月6日,习近平总书记同法国总统马克龙会谈时表示,“欢迎更多法国企业参与中法武汉生态示范城建设”。\n"
            "坚韧不拔推进项目落地落细。确保中法生态城全年完成全社会固定资产投资130亿元。")
    (p,) = _run(text, kind="plan")
    assert p.project_name == "中法武汉生态示范城"
    assert p.investment_value_base == pytest.approx(1.3e10)


def test_short_form_does_not_take_a_list_or_a_clause():
    # 程力电泳涂装等项目 (a list) and 华夏幸福基业建设青山环保产业小镇 (a verb inside) are no full names.
    text = ("总投资20亿元的金龙应急救援产品研发及智能制造项目顺利开工,天一智能二期、程力电泳涂装等项目有序推进。\n"
            "推动程力电泳涂装项目建成使用,完善专汽产业链条。")
    assert [p.project_name for p in _run(text)][-1] == "程力电泳涂装项目"


# 启动X建设 names a construction even when X ends in no facility word; a counted category does not.
START_FRAMES = [
    ("启动蔡甸城市客厅建设。", ["蔡甸城市客厅"]),
    ("加快前期策划和准备工作,力争启动1至2条重点道路建设,逐步实现区域骨干路网对外联通、对内成环。", []),
]


@pytest.mark.parametrize("text,names", START_FRAMES)
def test_start_frames(text, names):
    assert [p.project_name for p in _run(text, kind="plan")] == names


def test_clause_filters_change_nothing(monkeypatch):
    # The extractor skips clauses in which no name can end (no suffix, no 等, no construction verb). Read with
    # every clause let through, two sample reports must give the same rows.
    from orchestration.parsing import projects

    seeds = Path(__file__).resolve().parents[2] / "seeds"
    texts = [(seeds / f).read_text(encoding="utf-8") for f in ("000_a501c150ba00b548.txt", "003_e94be4eccf6fb3ec.txt")]
    half = [len(t) // 2 for t in texts]
    runs = []
    anything = re.compile("")
    for every in (False, True):
        if every:
            for f in ("_may_name", "_name_ends", "_name_end_at"):
                monkeypatch.setattr(projects, f, lambda: anything)
        runs.append([projects.extract_projects(t, [Section("s001", None, 1, 1, "", "review", 2019, 2019, 0, h),
                                                    Section("s002", None, 1, 2, "", "plan", 2020, 2020, h, len(t))],
                                               META) for t, h in zip(texts, half)])
    assert runs[0] == runs[1] and sum(map(len, runs[0])) > 100


def test_planning_cue_earlier_in_the_sentence_marks_planned():
    # 谋划 in the clause before (a clause naming no project) makes the review-section list planned.
    text = "积极谋划在武惠堤沿线滩涂和生态绿楔地带,实施长江湿地、长江森林、大地花海等重大生态项目,开辟建设生态文明试验区。"
    got = _run(text)
    assert [p.project_name for p in got] == ["长江湿地", "长江森林", "大地花海"]
    assert {p.status for p in got} == {"planned"}


# Part and subsection headings sum their body up; the projects are those the body names.
HEADINGS = [
    ("(三)坚持工业强区,推动蔡甸开发区提档升级\n确保蔡甸开发区完成全社会固定资产投资168亿元、增长20%。", "plan", ["蔡甸开发区"]),
    ("(一)“一区三城”建设全面启动。北湖污水处理厂开工建设。", "review", ["北湖污水处理厂"]),
]


@pytest.mark.parametrize("text,kind,names", HEADINGS)
def test_headings_name_no_projects(text, kind, names):
    year = 2019 if kind == "review" else 2020
    heading = text.split("\n")[0] if "\n" in text else text[: text.index("。") + 1]
    sections = [Section("s001", None, 2, 1, heading, kind, year, year, 0, len(text))]
    got = extract_projects(text, sections, META)
    assert [p.project_name for p in got] == names
    # the same lines without the heading's level: the heading's slogan would be a project
    body_only = [Section("s001", None, 3, 1, "", kind, year, year, 0, len(text))]
    assert len(extract_projects(text, body_only, META)) > len(names)


def test_one_row_per_project_year_and_status_keeping_the_amount():
    text = "高标准打造蔡甸开发区。\n确保蔡甸开发区完成全社会固定资产投资168亿元、增长20%。"
    (p,) = _run(text, kind="plan")
    assert (p.project_name, p.status, p.investment_value_base) == ("蔡甸开发区", "planned", pytest.approx(1.68e10))
    assert p.sentence == "确保蔡甸开发区完成全社会固定资产投资168亿元、增长20%。"
    assert text[p.char_start:p.char_end] == "蔡甸开发区"


def test_the_same_project_in_two_years_keeps_both_rows():
    # the review names 金湾工程 for 2019, the plan for 2020: two rows, the amount only on the plan's
    review = "实施老旧小区改造“金湾工程”,8个片区16个小区启动改造。"
    plan = "投入2.6亿元深入实施老旧小区改造“金湾工程”。"
    text = review + "\n" + plan
    sections = [Section("s001", None, 1, 1, "", "review", 2019, 2019, 0, len(review)),
                Section("s002", None, 1, 2, "", "plan", 2020, 2020, len(review) + 1, len(text))]
    got = extract_projects(text, sections, META)
    assert [(p.year, p.investment_value_base) for p in got] == [(2019, None), (2020, pytest.approx(2.6e8))]
