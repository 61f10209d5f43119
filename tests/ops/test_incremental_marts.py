"""Incremental marts: after reports are added, replaced, removed and duplicated, every mart equals a rebuild from
nothing of the same parts; unchanged reports' rows are not rewritten; a full reload by the loader repairs everything.

Builds go through the real command line (tests/ops/build.py) on derived reports of the benchmark corpus.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from orchestration.storage.inbox import list_inbox
from orchestration.storage.loader import load_parts
from orchestration.storage.publish import STORAGE_CONFIG
from tests.bench.corpus import generate
from tests.conftest import CORPUS
from tests.ops.build import query, run_build, run_dbt, snapshot

pytestmark = pytest.mark.slow  # four builds of a generated corpus: 1.5 minutes

INCREMENTAL_MARTS = ("dim_sections", "fct_indicator_values", "fct_projects", "fct_targets", "fct_topic_attention")
INCREMENTAL_MODELS = ("intermediate.int_figures_filtered_to_unbound", *(f"marts.{m}" for m in INCREMENTAL_MARTS))


def _build_db(warehouse: Path) -> Path:
    return warehouse.parent / f".{warehouse.name}.build" / "build.duckdb"


def _marts(warehouse: Path) -> dict[str, list[tuple]]:
    tables = snapshot(warehouse, schemas=("marts",))
    assert {f"marts.{m}" for m in INCREMENTAL_MARTS} <= set(tables)
    return tables


def _assert_same_marts(warehouse: Path, tmp: Path, name: str) -> None:
    """Compare with a rebuild from nothing of the same parts: the loader's full reload into a database without
    load state, marts or intermediate tables, then dbt's first run of every model. (The same parts rather than a
    new build of the inbox: a withdrawn report lives only in its part, and parsing again would test the parser.)"""
    ref = tmp / name / "build.duckdb"
    ref.parent.mkdir(parents=True)
    shutil.copy(_build_db(warehouse), ref)
    with duckdb.connect(str(ref), config=dict(STORAGE_CONFIG)) as con:
        for schema in ("load_state", "intermediate", "marts"):
            con.execute(f"drop schema if exists {schema} cascade")
        load_parts(con, _build_db(warehouse).parent / "parts", list_inbox(tmp / "inbox"))
    run_dbt(ref, ref.parent, "run")
    got, want = _marts(warehouse), _marts(ref)
    assert set(got) == set(want)
    for table in sorted(want):
        assert len(got[table]) == len(want[table]), table
        assert got[table] == want[table], table


def _last_changes(warehouse: Path) -> set[str]:
    return {r[0] for r in query(warehouse, """
        select report_id from load_state.report_changes
        where load_seq = (select max(load_seq) from load_state.report_changes)""")}


def _report_of(warehouse: Path, source_file: str) -> str:
    return query(warehouse, "select report_id from raw.report_files where source_file = ?", source_file)[0][0]


@pytest.fixture(scope="module")
def pool(tmp_path_factory) -> list[Path]:
    return generate(7, tmp_path_factory.mktemp("pool"))


def test_incremental_marts_equal_a_full_rebuild(tmp_path, pool):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    warehouse = tmp_path / "incremental" / "warehouse.duckdb"
    names = [p.name for p in pool]
    for p in pool[:3]:
        shutil.copy(p, inbox / p.name)
    run_build(inbox, warehouse)
    marks = query(warehouse, "select model, load_seq from load_state.dbt_watermarks order by 1")
    assert [m for m, _ in marks] == sorted(INCREMENTAL_MODELS)

    # two new reports
    for p in pool[3:5]:
        shutil.copy(p, inbox / p.name)
    run_build(inbox, warehouse)
    # (a superset when the parser changed meanwhile: every part is parsed again then)
    assert {_report_of(warehouse, n) for n in names[3:5]} <= _last_changes(warehouse)

    # a file corrected in place (another text under the same name), one removed, one sent twice under another name
    replaced_before = _report_of(warehouse, names[0])
    removed = _report_of(warehouse, names[1])
    duplicated = _report_of(warehouse, names[2])
    shutil.copy(pool[5], inbox / names[0])
    (inbox / names[1]).unlink()
    shutil.copy(pool[2], inbox / "copy_of_report.txt")
    run_build(inbox, warehouse)
    replaced_after = _report_of(warehouse, names[0])
    assert replaced_after != replaced_before
    assert {replaced_before, replaced_after, removed, duplicated} <= _last_changes(warehouse)
    assert query(warehouse, "select withdrawn from marts.dim_reports where report_id = ?", removed) == [(True,)]
    _assert_same_marts(warehouse, tmp_path, "scratch1")

    # Unchanged reports' rows are left alone: a row altered behind dbt's back survives a refresh with no change...
    untouched = _report_of(warehouse, names[3])
    with duckdb.connect(str(_build_db(warehouse))) as con:
        con.execute("update marts.fct_projects set project_name = 'altered' where report_id = ?", [untouched])
    seq = query(warehouse, "select max(load_seq) from load_state.report_changes")[0][0]
    run_build(inbox, warehouse)
    # (parsed again, hence rebuilt, only when the parser's code changed meanwhile)
    reparsed = {r[0] for r in query(warehouse, "select report_id from load_state.report_changes where load_seq > ?", seq)}
    left = query(warehouse, "select count(*) > 0 from marts.fct_projects where project_name = 'altered'")
    assert left == [(untouched not in reparsed,)]

    # ... and a full reload by the loader (its state lost) rebuilds every report's rows again.
    with duckdb.connect(str(_build_db(warehouse))) as con:
        con.execute("delete from load_state.meta")
    shutil.copy(pool[6], inbox / names[6])
    run_build(inbox, warehouse)
    assert query(warehouse, "select count(*) from marts.fct_projects where project_name = 'altered'") == [(0,)]
    _assert_same_marts(warehouse, tmp_path, "scratch2")


ANGUO_GDP_GROWTH_2022 = """
    select ancestor_name, pairing, ancestor_value, ancestor_bound from marts.fct_target_escalation
    where district = '安国市' and indicator = 'gdp' and measure = 'growth' and year = 2022 order by generations_up"""


def test_a_province_report_added_later_fills_its_counties_escalation_rows(tmp_path):
    """The escalation mart spans reports: a county and its city first, their province's report a refresh later.
    Real reports of the development corpus: 安国市 (a county-level city of 保定市, 河北省), 2022."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    warehouse = tmp_path / "incremental" / "warehouse.duckdb"
    for name in ("county_anguo_2022.txt", "city_baoding_2022.txt"):
        shutil.copy(CORPUS / name, inbox / name)
    run_build(inbox, warehouse)
    assert query(warehouse, ANGUO_GDP_GROWTH_2022) == [
        ("保定市", "paired", 8.0, "min"), ("河北省", "no_ancestor_report", None, None),
        ("全国", "no_ancestor_report", None, None)]

    shutil.copy(CORPUS / "province_hebei_2022.txt", inbox / "province_hebei_2022.txt")
    run_build(inbox, warehouse)
    assert query(warehouse, ANGUO_GDP_GROWTH_2022) == [
        ("保定市", "paired", 8.0, "min"), ("河北省", "paired", 6.5, "eq"), ("全国", "no_ancestor_report", None, None)]
    assert query(warehouse, """select ancestor_value from marts.fct_target_escalation where district = '保定市'
                               and indicator = 'gdp' and measure = 'growth' and year = 2022
                               and ancestor_name = '河北省'""") == [(6.5,)]
    _assert_same_marts(warehouse, tmp_path, "scratch")
