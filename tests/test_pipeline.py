"""End to end: the five sample reports in, the facts users rely on out of the marts."""
from __future__ import annotations

import re
import subprocess
import sys

import duckdb
import pytest

from tests.conftest import EXAMPLES

# The scorer's strict F1 on the samples must not fall below what the parser reaches today.
STRICT_F1_FLOOR = 0.80
METADATA_FLOOR = 0.90


@pytest.fixture(scope="module")
def con(sample_warehouse):
    c = duckdb.connect(str(sample_warehouse), read_only=True)
    yield c
    c.close()


def one(con, sql, *params):
    rows = con.execute(sql, list(params)).fetchall()
    assert len(rows) == 1, (sql, params, rows)
    return rows[0]


def test_every_contract_table_is_built_and_filled(con):
    for table in ["dim_reports", "dim_sections", "fct_indicator_values", "fct_targets", "fct_target_vs_prior",
                  "fct_projects", "dim_indicators", "fct_topic_attention", "fct_unbound_figures"]:
        n = con.execute(f"select count(*) from marts.{table}").fetchone()[0]
        assert n > 0, table
    assert con.execute("select count(*) from marts.dim_reports").fetchone()[0] == 5
    assert con.execute("select count(*) from marts.rejected_files").fetchone()[0] == 0


def test_xisaishan_2019_gdp_is_an_actual_220_07_yi_yuan(con):
    value, unit, base, bound = one(
        con, "select value, unit, value_base, bound from marts.fct_indicator_values where district = '西塞山区' "
        "and indicator = 'gdp' and year = 2019 and status = 'actual' and measure = 'level'")
    assert (value, unit, bound) == (220.07, "亿元", "eq")
    assert base == pytest.approx(22_007_000_000)


def test_caidian_2020_gdp_growth_target_is_7_6_percent(con):
    value, unit = one(con, "select value, unit from marts.fct_targets where district = '蔡甸区' and indicator = 'gdp' "
                           "and year = 2020 and measure = 'growth'")
    assert (value, unit) == (7.6, "%")


def test_yueyanglou_2020_unemployment_target_is_at_most_4_5_percent(con):
    value, bound = one(con, "select value, bound from marts.fct_targets where district = '岳阳楼区' "
                            "and indicator = 'unemployment_rate' and year = 2020")
    assert (value, bound) == (4.5, "max")


def test_zengdu_2026_gdp_goal_is_900_yi_yuan_over_five_years(con):
    value, unit, span, horizon = one(
        con, "select value, unit, span_years, horizon from marts.fct_targets where district = '曾都区' "
        "and indicator = 'gdp' and year = 2026 and measure = 'level'")
    assert (value, unit, span, horizon) == (900, "亿元", 5, "multi_year")


def test_report_metadata_of_the_samples(con):
    rows = con.execute("select source_file, district, city, province from marts.dim_reports order by 1").fetchall()
    assert [r[1] for r in rows] == ["西塞山区", "曾都区", "蔡甸区", "青山区", "岳阳楼区"]
    assert rows[3][2:] == ("武汉市", "湖北省")  # 青山区 also exists in 包头; the text says 武汉


def test_targets_are_paired_with_the_prior_year_result(con):
    # 蔡甸区's 2020 GDP growth target 7.6% beside its 2019 estimate 7.5%
    prior_year, prior_value, prior_status, change = one(
        con, "select prior_year, prior_value, prior_status, change from marts.fct_target_vs_prior "
        "where district = '蔡甸区' and indicator = 'gdp' and measure = 'growth' and target_year = 2020")
    assert (prior_year, prior_value, prior_status) == (2019, 7.5, "estimate")
    assert change == pytest.approx(0.1)


def test_evaluate_command_scores_the_build(sample_warehouse):
    # the evaluation users run on their own labels, here on the sample labels kept in examples/gold
    out = subprocess.run([sys.executable, "-m", "orchestration", "evaluate", "--gold", str(EXAMPLES / "gold"),
                          "--warehouse", str(sample_warehouse)], capture_output=True, text=True, check=True).stdout
    strict = float(re.search(r"indicators strict : P=\S+ R=\S+ F1=([\d.]+)", out).group(1))
    metadata = float(re.search(r"report metadata\s+: ([\d.]+)", out).group(1))
    assert strict >= STRICT_F1_FLOOR, out
    assert metadata >= METADATA_FLOOR, out
    assert "000_a501c150ba00b548.txt" in out  # a line per report
