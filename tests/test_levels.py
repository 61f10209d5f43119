"""Every level in one warehouse: the development corpus built end to end holds chains of governments (national down
to county) in marts.dim_governments and their targets side by side in marts.fct_target_escalation.

Two builds: the corpus as the parser reads it today, and the same warehouse with each report's place and years set
from the hand labels (examples/corpus/gold/reports.csv), so that the hierarchy is tested on real reports whatever
the parser gets wrong about their metadata (national reports, abolished counties such as 清苑县 and 徐水县).
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import duckdb
import pytest

from orchestration.reporting.escalation_chart import chains_by_year, render_from_warehouse
from tests.conftest import REPO
from tests.ops.build import query, run_dbt

GOLD_REPORTS = REPO / "examples" / "corpus" / "gold" / "reports.csv"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def escalation(warehouse: Path, district: str, year: int, indicator: str = "gdp") -> list[tuple]:
    return query(warehouse, """
        select ancestor_name, ancestor_level, generations_up, pairing, value, bound, ancestor_value, ancestor_bound,
               gap_points, set_higher
        from marts.fct_target_escalation
        where district = ? and year = ? and indicator = ? and measure = 'growth'
        order by generations_up""", district, year, indicator)


def test_a_county_level_city_its_city_and_province_form_one_chain(corpus_warehouse):
    got = {r[0]: r[1:] for r in query(corpus_warehouse, """
        select government_id, name, level, kind_zh, parent_id, parent_level, is_directly_administered
        from marts.dim_governments where government_id in ('河北省/保定市/安国市', '河北省/保定市', '河北省', '全国')""")}
    assert got == {
        "河北省/保定市/安国市": ("安国市", "county", "县级市", "河北省/保定市", "city", False),
        "河北省/保定市": ("保定市", "city", "地级市", "河北省", "province", False),
        "河北省": ("河北省", "province", "省", "全国", "national", False),
        "全国": ("全国", "national", "全国(国务院)", None, None, False),
    }


def test_every_report_links_to_its_government(corpus_warehouse):
    unlinked = query(corpus_warehouse, """
        select r.source_file from marts.dim_reports r
        left join marts.dim_governments g using (government_id)
        where r.district is not null and g.government_id is null""")
    assert unlinked == []
    assert query(corpus_warehouse, """select government_id from marts.dim_reports
                                      where source_file = 'county_anguo_2022.txt'""") == [("河北省/保定市/安国市",)]


def test_county_target_beside_its_city_province_and_national(corpus_warehouse):
    # 2022: 安国市 生产总值增长8%左右, 保定市 8%以上, 河北省 6.5%; no national report of 2022 in the corpus
    assert escalation(corpus_warehouse, "安国市", 2022) == [
        ("保定市", "city", 1, "paired", 8.0, "approx", 8.0, "min", 0.0, False),
        ("河北省", "province", 2, "paired", 8.0, "approx", 6.5, "eq", 1.5, True),
        ("全国", "national", 3, "no_ancestor_report", 8.0, "approx", None, None, None, None),
    ]


@pytest.mark.parametrize(("district", "value", "bound", "gap"), [("阜平县", 10.0, "min", 2.0), ("清苑区", 9.0, "eq", 1.0)])
def test_counties_and_districts_of_baoding_2021(corpus_warehouse, district, value, bound, gap):
    city = escalation(corpus_warehouse, district, 2021)[0]
    assert city == ("保定市", "city", 1, "paired", value, bound, 8.0, "min", gap, True)


def test_the_build_draws_the_escalation_chart_beside_the_warehouse(corpus_warehouse):
    assert corpus_warehouse.with_name("warehouse_target_escalation.png").read_bytes()[:8] == PNG_MAGIC


def test_the_chart_draws_the_longest_chain(corpus_warehouse, tmp_path):
    result = render_from_warehouse(corpus_warehouse, tmp_path / "chains.png")
    assert result.path.read_bytes()[:8] == PNG_MAGIC
    assert result.years[0] == 2022
    assert [n.name for n in result.chains[0].nodes] == ["河北省", "保定市", "安国市"]
    drawn_2021 = {c.nodes[-1].name for c in result.chains if c.year == 2021}
    assert {"阜平县", "清苑区"} <= drawn_2021


@pytest.fixture(scope="module")
def gold_places(corpus_warehouse, tmp_path_factory) -> Path:
    """The corpus warehouse with every report's place and years from the hand labels, marts rebuilt by dbt."""
    work = tmp_path_factory.mktemp("gold_places")
    db = work / "warehouse.duckdb"
    shutil.copy(corpus_warehouse, db)
    with GOLD_REPORTS.open(encoding="utf-8", newline="") as f:
        labels = list(csv.DictReader(f))
    con = duckdb.connect(str(db), config={"storage_compatibility_version": "v1.5.0"})
    try:
        for r in labels:
            con.execute("""
                update raw.reports set district = ?, city = nullif(?, ''), province = nullif(?, ''), admin_level = ?,
                    report_year = ?, review_year = ?, plan_year = ?
                where report_id in (select report_id from raw.report_files where source_file = ?)""",
                [r["district"], r["city"], r["province"], r["level"], r["report_year"] or None,
                 r["review_year"] or None, r["plan_year"] or None, r["report"]])
        # without the loader's state every incremental mart is rebuilt from the raw tables just changed
        con.execute("drop schema if exists load_state cascade")
    finally:
        con.close()
    run_dbt(db, work, "build", "--exclude-resource-type", "unit_test")
    return db


def test_national_reports_stand_above_the_provinces(gold_places):
    assert query(gold_places, "select level, n_reports, first_year, last_year from marts.dim_governments "
                              "where government_id = '全国'") == [("national", 5, 2000, 2004)]
    # 河北省's 2001 targets have the State Council's 2001 report above them
    national_2001 = query(gold_places, "select report_id from marts.dim_reports "
                                       "where source_file = 'national_china_2001.txt'")[0][0]
    above = query(gold_places, """select distinct ancestor_report_id from marts.fct_target_escalation
                                  where district = '河北省' and year = 2001 and ancestor_id = '全国'""")
    assert above == [(national_2001,)]


@pytest.mark.parametrize(("written", "today"), [("清苑县", "清苑区"), ("徐水县", "徐水区")])
def test_an_abolished_county_keeps_its_name_and_parent_and_learns_todays_name(gold_places, written, today):
    got = query(gold_places, "select level, parent_id, name_today from marts.dim_governments where name = ?", written)
    assert got == [("county", "河北省/保定市", today)]


def test_every_labelled_chain_is_complete(gold_places):
    # every report's government and each government above it, up to 全国
    orphans = query(gold_places, """select government_id from marts.dim_governments
                                    where parent_id is null and level <> 'national'""")
    assert orphans == []
    chains = chains_by_year(duckdb.connect(str(gold_places), read_only=True), "gdp", "growth")
    assert [n.name for n in chains[2022][0].nodes] == ["河北省", "保定市", "安国市"]
