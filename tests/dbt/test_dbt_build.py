"""`dbt build` on a small raw fixture: every model and test passes, and the marts hold the rows users rely on."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

HERE = Path(__file__).resolve().parent
DBT_DIR = HERE.parents[1] / "dbt_project"
DBT = Path(sys.executable).parent / "dbt"


def _load_fixture_module():
    # tests/ is not a package; load the fixture script by path so this works under any pytest import mode.
    spec = importlib.util.spec_from_file_location("gwr_dbt_make_fixture", HERE / "make_fixture.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fx = _load_fixture_module()


def run_dbt(args: list[str], db: Path, tmp: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, GWR_DBT_PATH=str(db), DBT_SEND_ANONYMOUS_USAGE_STATS="false")
    cmd = [str(DBT), *args, "--profiles-dir", str(DBT_DIR), "--project-dir", str(DBT_DIR),
           "--target-path", str(tmp / "target"), "--log-path", str(tmp / "logs")]
    return subprocess.run(cmd, cwd=DBT_DIR, env=env, capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess, subprocess.CompletedProcess, Path]:
    tmp = tmp_path_factory.mktemp("dbt_build")
    db = fx.make_fixture(tmp / "fixture.duckdb")
    build = run_dbt(["build"], db, tmp)
    # before any test opens the file: DuckDB allows one writer or many readers, and docs generate connects read-write
    docs = run_dbt(["docs", "generate"], db, tmp) if build.returncode == 0 else None
    return db, build, docs, tmp


@pytest.fixture(scope="module")
def con(built):
    db, result, _, _ = built
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    c = duckdb.connect(str(db), read_only=True)
    yield c
    c.close()


def rows(con, sql: str, *params) -> list[dict]:
    cur = con.execute(sql, list(params))
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def test_build_passes_without_warnings(built):
    _, result, _, _ = built
    assert result.returncode == 0, result.stdout[-4000:]
    assert "ERROR=0" in result.stdout and "WARN=0" in result.stdout and "SKIP=0" in result.stdout


def test_schemas_are_exact_names(con):
    schemas = {r["schema_name"] for r in rows(con, "select distinct schema_name from information_schema.schemata")}
    assert {"raw", "staging", "intermediate", "marts", "dictionaries"} <= schemas
    assert not any(s.startswith("main_") for s in schemas)


@pytest.mark.parametrize(
    "indicator, measure, target_value, prior_value, prior_status, change, later, met",
    [
        # 2020 target 增长7.6%左右 against 2019 actual 9.1%; 2020 actual from the 2021 report: -3.5%
        ("gdp", "growth", 7.6, 9.1, "actual", -1.5, -3.5, False),
        # 控制在4.5%以内 (max) against 2019 4.3%; 2020 actual 4.2% is within it
        ("unemployment_rate", "rate", 4.5, 4.3, "actual", 0.2, 4.2, True),
        # a level target in 万元 against results written in 亿元: compared in the target's unit
        ("gdp", "level", 2300000.0, 2200700.0, "actual", 99300.0, 2050000.0, False),
    ],
)
def test_target_paired_with_prior_and_later_actual(con, indicator, measure, target_value, prior_value, prior_status,
                                                   change, later, met):
    got = rows(con, """
        select * from marts.fct_target_vs_prior
        where district = '西塞山区' and target_year = 2020 and indicator = ? and measure = ?""", indicator, measure)
    assert len(got) == 1
    row = got[0]
    assert row["target_value"] == pytest.approx(target_value)
    assert row["prior_year"] == 2019
    assert row["prior_value"] == pytest.approx(prior_value)
    assert row["prior_status"] == prior_status
    assert row["change"] == pytest.approx(change)
    assert row["later_actual_value"] == pytest.approx(later)
    assert row["later_actual_status"] == "actual"
    assert row["met"] is met


def test_target_without_later_report_has_null_met(con):
    got = rows(con, "select * from marts.fct_target_vs_prior where district = '西塞山区' and target_year = 2021")
    assert [(r["target_bound"], r["target_value_high"], r["prior_value"], r["met"]) for r in got] == [
        ("range", 9.0, -3.5, None)
    ]


def test_five_year_target_compared_with_previous_term(con):
    got = rows(con, """select prior_year, prior_span_years, prior_value, horizon from marts.fct_target_vs_prior
                       where district = '曾都区' and target_year = 2026""")
    assert got == [{"prior_year": 2021, "prior_span_years": 5, "prior_value": 7.5, "horizon": "multi_year"}]


def test_estimate_used_as_prior_when_no_actual(con):
    got = rows(con, "select prior_status, prior_value from marts.fct_target_vs_prior where target_year = 2022")
    assert got == [{"prior_status": "estimate", "prior_value": 8.5}]


def test_indicator_values_keep_only_headline_facts_once(con):
    got = rows(con, """select indicator, year, status, measure, value, n_mentions from marts.fct_indicator_values
                       where source_file = '000_xisaishan_2020.txt' order by indicator, year, measure, value""")
    keys = [(r["indicator"], r["year"], r["status"], r["measure"], r["value"]) for r in got]
    assert ("gdp", 2019, "actual", "growth", 9.1) in keys
    assert keys.count(("gdp", 2019, "actual", "growth", 9.1)) == 1  # stated twice in the report
    assert next(r["n_mentions"] for r in got if r["measure"] == "growth" and r["year"] == 2019) == 2
    assert not any(r["indicator"] == "retail_sales" for r in got)  # sub-area figure, not headline
    assert not any(r["indicator"] == "hightech_value_added" for r in got)  # 个百分点
    # no year in its words or the report's: kept, with year NULL (a report's figures never vanish for want of a year)
    assert [(r["year"], r["value"]) for r in got if r["indicator"] == "fixed_asset_investment"] == [(None, 71.98)]


def test_targets_carry_commitment_and_horizon(con):
    got = {(r["indicator"], r["measure"]): (r["commitment"], r["horizon"]) for r in rows(
        con, "select * from marts.fct_targets where source_file = '000_xisaishan_2020.txt'")}
    assert got == {("gdp", "growth"): ("expected", "annual"), ("unemployment_rate", "rate"): ("must", "annual"),
                   ("gdp", "level"): ("strive", "annual")}


def test_rejected_and_duplicate_files_listed_with_reason(con):
    got = {r["source_file"]: r for r in rows(con, "select * from marts.rejected_files")}
    assert set(got) == {"006_scan.pdf", "copy_of_000.txt"}
    assert got["006_scan.pdf"]["status"] == "rejected"
    assert got["006_scan.pdf"]["reason"] == "Not a text file: PDF documents are not read."
    assert got["copy_of_000.txt"]["status"] == "duplicate"
    assert got["copy_of_000.txt"]["duplicate_of_report_id"] == fx.R2020


def test_dim_reports_counts_and_withdrawn(con):
    got = {r["report_id"]: r for r in rows(con, "select * from marts.dim_reports")}
    assert set(got) == set(fx.REPORTS)
    assert [rid for rid, r in got.items() if r["withdrawn"]] == [fx.R2022]
    r = got[fx.R2020]
    assert (r["district"], r["withdrawn"], r["n_figures"], r["n_indicator_values"]) == ("西塞山区", False, 11, 7)
    assert r["n_duplicate_files"] == 1


def test_dim_indicators_has_every_code_with_aliases(con):
    got = {r["indicator"]: r for r in rows(con, "select * from marts.dim_indicators")}
    codes = {line.split(",")[0] for line in (DBT_DIR / "seeds" / "indicators.csv").read_text("utf-8").splitlines()[1:]}
    assert set(got) == codes
    assert "地方生产总值" in got["gdp"]["aliases"].split("、")


def test_unbound_figures_counted_per_subject(con):
    got = rows(con, "select subject, n_reports, measure from marts.fct_unbound_figures")
    assert got and all(r == {"subject": "电商交易额", "n_reports": 2, "measure": "level"} for r in got)


def test_topic_attention_share(con):
    got = rows(con, """select share from marts.fct_topic_attention
                       where report_id = ? and topic = 'environment' and section_kind is null""", fx.R2020)
    assert got == [{"share": pytest.approx(120 / 4000)}]


def test_projects_repeated_mention_once(con):
    got = rows(con, "select project_name, project_seq from marts.fct_projects where report_id = ? order by 2", fx.R2020)
    assert [r["project_name"] for r in got] == ["黄石港棚户区改造项目", "河口中心排洪港"]


def test_withdrawn_report_kept_but_not_paired(con):
    got = rows(con, "select withdrawn, n_indicator_values from marts.dim_reports where report_id = ?", fx.R2022)
    assert got == [{"withdrawn": True, "n_indicator_values": 1}]
    paired = rows(con, "select count(*) as n from marts.fct_target_vs_prior where later_report_id = ? or report_id = ?",
                  fx.R2022, fx.R2022)
    assert paired == [{"n": 0}]


def test_docs_generate_offline(built):
    _, result, docs, tmp = built
    assert result.returncode == 0 and docs is not None
    assert docs.returncode == 0, docs.stdout[-3000:]
    assert (tmp / "target" / "catalog.json").exists()


def test_malformed_parser_output_warns_but_builds(tmp_path):
    """Odd rows from a new kind of report (repeated ids, an unknown code, an unknown bound, no district) must not stop
    the marts: the tests on them warn, and the marts keep their grain."""
    db = fx.make_fixture(tmp_path / "odd.duckdb")
    c = duckdb.connect(str(db))
    try:
        c.execute("insert into raw.sections select * from raw.sections where report_id = ? and section_id = 's001'",
                  [fx.R2020])
        c.execute("insert into raw.figures select * replace (value + 1 as value) from raw.figures "
                  "where report_id = ? and figure_id = 9", [fx.R2020])
        c.execute("update raw.figures set indicator = 'no_such_code' where report_id = ? and figure_id = 1", [fx.R2021])
        c.execute("update raw.figures set bound = 'about' where report_id = ? and figure_id = 2", [fx.R2021])
        c.execute("update raw.reports set district = null where report_id = ?", [fx.R_OTHER])
        c.execute("insert into raw.topic_counts select * from raw.topic_counts where report_id = ?", [fx.R2021])
    finally:
        c.close()
    result = run_dbt(["build"], db, tmp_path)
    assert result.returncode == 0, result.stdout[-4000:]
    assert "ERROR=0" in result.stdout and "SKIP=0" in result.stdout
    assert "WARN=0" not in result.stdout
    c = duckdb.connect(str(db), read_only=True)
    try:
        assert c.execute("select count(*) from marts.dim_sections where report_id = ? and section_id = 's001'",
                         [fx.R2020]).fetchone() == (1,)
        assert c.execute("select count(*) from marts.fct_target_vs_prior where district is null").fetchone() == (0,)
    finally:
        c.close()


def test_indicator_series_one_result_per_year(con):
    got = rows(con, """select year, value, status from marts.fct_indicator_series
                       where district = '西塞山区' and indicator = 'gdp' and measure = 'growth' order by year""")
    # 2021 is only in the withdrawn report
    assert got == [{"year": 2019, "value": 9.1, "status": "actual"}, {"year": 2020, "value": -3.5, "status": "actual"}]
