"""Build a small DuckDB file holding the `raw` schema, so the dbt project can be built without the parser.

Two reports of the same district in consecutive years (targets of the first meet results of the second), a third
one withdrawn (file removed from the inbox), a report of another district, one rejected file and one duplicate. Figures are shaped as the parser emits them
(records.Figure), so the fixture follows any change to the raw schema.

usage: python tests/dbt/make_fixture.py OUT.duckdb
"""
from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import duckdb

from orchestration.parsing.records import Figure, ParsedReport, Project, ReportMeta, Section, TopicCount
from orchestration.storage.raw_tables import RAW_SCHEMA, RAW_TABLES, create_table_sql, parsed_rows

YI = 1e8
WAN = 1e4

R2020 = "a501c150ba00b548"  # 西塞山区, delivered 2020: reviews 2019, targets for 2020
R2021 = "b1c2d3e4f5a60718"  # 西塞山区, delivered 2021: reviews 2020, targets for 2021
R2022 = "c0ffee0000002022"  # 西塞山区, delivered 2022 but its file was removed from the inbox: withdrawn
R_OTHER = "f32c294674d3e8c0"  # 曾都区, delivered 2021 in November: reviews 2021, targets for 2022 and 2026

S_2020 = "2020年政府工作报告\n全区实现地方生产总值220.07亿元,同比增长9.1%。2020年主要预期目标:地区生产总值增长7.6%左右。"
S_2021 = "全区实现地区生产总值205亿元,下降3.5%;城镇登记失业率4.2%。"


def _fig(fid: int, value: float, unit: str, measure: str, **kw) -> Figure:
    base = {"亿元": ("元", YI), "万元": ("元", WAN), "%": ("%", 1.0), "万人": ("人", WAN), "个百分点": ("个百分点", 1.0)}
    unit_base, factor = base.get(unit, (None, None))
    kw.setdefault("value_base", value * factor if factor else None)
    kw.setdefault("unit_base", unit_base)
    kw.setdefault("section_id", "s001")
    kw.setdefault("char_start", fid * 10)
    kw.setdefault("char_end", fid * 10 + 6)
    kw.setdefault("sentence", kw.get("evidence", ""))
    return Figure(figure_id=fid, value=value, unit=unit, measure=measure, **kw)


def _sections(review: int, plan: int) -> list[Section]:
    return [
        Section("s001", None, 1, 1, "一、过去一年工作回顾", "review", review, review, 0, 400),
        Section("s002", None, 1, 2, "二、今年工作安排", "plan", plan, plan, 400, 900),
        Section("s003", "s002", 2, 3, "(一)抓项目稳投资", "plan", plan, plan, 420, 600),
    ]


def report_2020() -> ParsedReport:
    meta = ReportMeta(district="西塞山区", city="黄石市", province="湖北省", admin_level="district", report_year=2020,
                      review_year=2019, plan_year=2020, delivered_on=date(2020, 6, 29),
                      meeting="西塞山区第四届人民代表大会第五次会议", title="2020年政府工作报告")
    gdp = {"indicator": "gdp", "subject": "地方生产总值", "is_headline": True, "year": 2019}
    figures = [
        _fig(1, 220.07, "亿元", "level", **gdp, evidence="全区实现地方生产总值220.07亿元"),
        _fig(2, 9.1, "%", "growth", **gdp, comparator="同比", evidence="地方生产总值220.07亿元,同比增长9.1%"),
        # the same fact repeated later in the report: one indicator value only
        _fig(3, 9.1, "%", "growth", **gdp, evidence="生产总值增长9.1%", section_id="s002"),
        _fig(4, 4.3, "%", "rate", indicator="unemployment_rate", subject="城镇登记失业率", is_headline=True, year=2019,
             evidence="城镇登记失业率4.3%"),
        _fig(5, 7.6, "%", "growth", indicator="gdp", subject="地区生产总值", is_headline=True, year=2020,
             status="target", bound="approx", qualifier="左右", status_cue="预期目标", section_id="s002",
             evidence="地区生产总值增长7.6%左右"),
        _fig(6, 4.5, "%", "rate", indicator="unemployment_rate", subject="城镇登记失业率", is_headline=True,
             year=2020, status="target", bound="max", qualifier="以内", commitment="must", status_cue="确保",
             section_id="s002", evidence="城镇登记失业率控制在4.5%以内"),
        # a level target in 万元 against a prior result in 亿元: compared through base units
        _fig(7, 2300000.0, "万元", "level", indicator="gdp", subject="地区生产总值", is_headline=True, year=2020,
             status="target", commitment="strive", status_cue="力争", section_id="s002",
             evidence="地区生产总值力争达到2300000万元"),
        # a sub-area figure: not a headline value
        _fig(8, 19.3, "亿元", "level", indicator="retail_sales", subject="限额以上消费品零售额", is_headline=False,
             year=2019, evidence="限额以上消费品零售额19.3亿元"),
        # matched no alias: belongs in fct_unbound_figures
        _fig(9, 12.5, "亿元", "level", subject="电商交易额", year=2019, evidence="电商交易额12.5亿元"),
        # 个百分点 is never a headline value
        _fig(10, 2.6, "个百分点", "points", indicator="hightech_value_added", subject="高新技术产业增加值占GDP比重",
             is_headline=True, year=2019, evidence="同比提高2.6个百分点"),
        # no year: kept as an indicator value of unknown year (year NULL)
        _fig(11, 71.98, "亿元", "level", indicator="fixed_asset_investment", subject="固定资产投资", is_headline=True,
             evidence="固定资产投资完成71.98亿元"),
    ]
    projects = [
        Project("黄石港棚户区改造项目", "completed", 2019, 2 * YI, "总投资2亿元", "s001", "建成黄石港棚户区改造项目", 50, 60),
        Project("黄石港棚户区改造项目", "completed", 2019, 2 * YI, "总投资2亿元", "s001", "黄石港棚户区改造项目建成", 150, 160),
        Project("河口中心排洪港", "planned", 2020, None, None, "s003", "启动河口中心排洪港建设", 450, 460),
    ]
    topics = [TopicCount("environment", None, 120, 4000), TopicCount("environment", "review", 70, 2000),
              TopicCount("innovation", None, 80, 4000)]
    return ParsedReport(meta, _sections(2019, 2020), figures, projects, topics)


def report_2021() -> ParsedReport:
    meta = ReportMeta(district="西塞山区", city="黄石市", province="湖北省", admin_level="district", report_year=2021,
                      review_year=2020, plan_year=2021, title="2021年政府工作报告")
    figures = [
        _fig(1, 205.0, "亿元", "level", indicator="gdp", subject="地区生产总值", is_headline=True, year=2020,
             evidence="全区实现地区生产总值205亿元"),
        _fig(2, -3.5, "%", "growth", indicator="gdp", subject="地区生产总值", is_headline=True, year=2020,
             evidence="地区生产总值205亿元,下降3.5%"),
        _fig(3, 4.2, "%", "rate", indicator="unemployment_rate", subject="城镇登记失业率", is_headline=True, year=2020,
             evidence="城镇登记失业率4.2%"),
        _fig(4, 8.0, "%", "growth", indicator="gdp", subject="地区生产总值", is_headline=True, year=2021,
             status="target", bound="range", value_high=9.0, section_id="s002", evidence="地区生产总值增长8%—9%"),
        _fig(5, 12.5, "亿元", "level", subject="电商交易额", year=2020, evidence="电商交易额12.5亿元"),
    ]
    return ParsedReport(meta, _sections(2020, 2021), figures, [], [TopicCount("environment", None, 90, 3000)])


def report_2022_withdrawn() -> ParsedReport:
    meta = ReportMeta(district="西塞山区", city="黄石市", province="湖北省", admin_level="district", report_year=2022,
                      review_year=2021, plan_year=2022)
    figures = [
        # would meet the 2021 range target if the report were still in the inbox
        _fig(1, 9.5, "%", "growth", indicator="gdp", subject="地区生产总值", is_headline=True, year=2021,
             evidence="地区生产总值增长9.5%"),
    ]
    return ParsedReport(meta, _sections(2021, 2022), figures, [], [])


def report_other() -> ParsedReport:
    meta = ReportMeta(district="曾都区", city="随州市", province="湖北省", admin_level="district", report_year=2021,
                      review_year=2021, plan_year=2022, delivered_on=date(2021, 11, 8))
    figures = [
        _fig(1, 8.5, "%", "growth", indicator="gdp", subject="地区生产总值", is_headline=True, year=2021,
             status="estimate", status_cue="预计", evidence="预计地区生产总值增长8.5%"),
        _fig(2, 7.5, "%", "growth", indicator="gdp", subject="地区生产总值", is_headline=True, year=2021, span_years=5,
             comparator="年均", evidence="地区生产总值年均增长7.5%"),
        _fig(3, 7.0, "%", "growth", indicator="gdp", subject="地区生产总值", is_headline=True, year=2022,
             status="target", bound="min", qualifier="以上", section_id="s002", evidence="地区生产总值增长7%以上"),
        _fig(4, 8.0, "%", "growth", indicator="gdp", subject="地区生产总值", is_headline=True, year=2026, span_years=5,
             status="target", comparator="年均", section_id="s002", evidence="地区生产总值年均增长8%"),
    ]
    return ParsedReport(meta, _sections(2021, 2022), figures, [], [])


REPORTS = {
    R2020: ("000_xisaishan_2020.txt", S_2020, report_2020),
    R2021: ("005_xisaishan_2021.txt", S_2021, report_2021),
    R2022: ("007_xisaishan_2022.txt", "西塞山区2022年政府工作报告", report_2022_withdrawn),
    R_OTHER: ("001_zengdu_2021.txt", "曾都区政府工作报告", report_other),
}
WITHDRAWN = {R2022}
SEEN = datetime(2026, 11, 22, 0, 30)


def file_rows() -> list[dict]:
    rows = [
        {"source_file": name, "content_sha": f"sha-{rid}", "size_bytes": len(text.encode()), "modified_at": SEEN,
         "report_id": rid, "status": "withdrawn" if rid in WITHDRAWN else "accepted",
         "reason": "The file was removed from the inbox." if rid in WITHDRAWN else None,
         "source_encoding": "utf-8", "detected_at": SEEN}
        for rid, (name, text, _) in REPORTS.items()
    ]
    rows.append({"source_file": "006_scan.pdf", "content_sha": "sha-pdf", "size_bytes": 1024, "modified_at": SEEN,
                 "report_id": None, "status": "rejected", "reason": "Not a text file: PDF documents are not read.",
                 "source_encoding": None, "detected_at": SEEN})
    rows.append({"source_file": "copy_of_000.txt", "content_sha": f"sha-{R2020}", "size_bytes": 300,
                 "modified_at": SEEN, "report_id": R2020, "status": "duplicate",
                 "reason": "Same text as 000_xisaishan_2020.txt, which is loaded instead.",
                 "source_encoding": "utf-8", "detected_at": SEEN})
    return rows


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    cols = list(RAW_TABLES[table])
    sql = f"INSERT INTO {RAW_SCHEMA}.{table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
    for row in rows:
        con.execute(sql, [row.get(c) for c in cols])


def make_fixture(path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Same on-disk format as dbt's profile pins, so the file stays readable by DuckDB 1.x.
    con = duckdb.connect(str(path), config={"storage_compatibility_version": "v1.5.0"})
    try:
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {RAW_SCHEMA}")
        for table in RAW_TABLES:
            con.execute(f"DROP TABLE IF EXISTS {RAW_SCHEMA}.{table}")
            con.execute(create_table_sql(table))
        _insert(con, "report_files", file_rows())
        _insert(con, "report_texts", [
            {"report_id": rid, "source_file": name, "source_encoding": "utf-8", "text": text, "n_chars": len(text),
             "ingested_at": SEEN}
            for rid, (name, text, _) in REPORTS.items()
        ])
        for rid, (_, _, build) in REPORTS.items():
            for table, rows in parsed_rows(rid, build()).items():
                _insert(con, table, rows)
    finally:
        con.close()
    return path


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    print(make_fixture(Path(sys.argv[1])))
