"""What the UI shows for a table: column types and row counts on dbt assets, and a preview an analyst can read."""

from __future__ import annotations

from datetime import datetime

import dagster as dg
import duckdb
import pytest

from orchestration.reporting.previews import (
    DEFAULT_COLUMNS,
    MAX_CELL_CHARS,
    markdown_table,
    preview_layouts,
    preview_markdown,
    row_count,
)


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (220.07, "220.07"),
        (22007000000.0, "22007000000"),
        (None, ""),
        (float("nan"), ""),
        ("同比增长9.1%", "同比增长9.1%"),
        (datetime(2024, 3, 5, 8, 0, 26, 839000), "2024-03-05 08:00"),
        ("a|b", "a\\|b"),
        ("地区生产总值,\n增长9.1%", "地区生产总值, 增长9.1%"),
    ],
)
def test_cells_are_safe_for_markdown(value, cell):
    assert markdown_table(["x"], [(value,)]).splitlines()[2] == f"| {cell} |"


def test_long_sentences_are_cut_in_the_preview():
    sentence = "预计全年完成地区生产总值220.07亿元,同比增长9.1%;规模以上工业增加值增长10.5%;固定资产投资增长12.7%"
    cell = markdown_table(["sentence"], [(sentence,)]).splitlines()[2][2:-2]
    assert len(cell) == MAX_CELL_CHARS and cell.endswith("…") and sentence.startswith(cell[:-1])


@pytest.fixture()
def con(tmp_path):
    c = duckdb.connect(str(tmp_path / "b.duckdb"))
    c.execute("CREATE SCHEMA marts")
    # the report read last (蔡甸区) is neither first in the file nor first by name
    c.execute(
        "CREATE TABLE marts.dim_reports AS SELECT * FROM (VALUES "
        "('r1', '西塞山区', 2020, TIMESTAMP '2024-01-01 10:00:00'), "
        "('r2', '青山区', 2018, TIMESTAMP '2024-01-01 10:00:01'), "
        "('r3', '蔡甸区', 2020, TIMESTAMP '2024-03-05 08:00:00')) t(report_id, district, plan_year, ingested_at)"
    )
    c.execute(
        "CREATE TABLE marts.fct_targets AS SELECT * FROM (VALUES "
        "('h1', 'r1', 'a.txt', '西塞山区', 'gdp', 2020, 'growth', 7.5, '%', 'approx', 'expected', '增长7.5%左右'), "
        "('h2', 'r3', 'c.txt', '蔡甸区', 'retail_sales', 2020, 'growth', 10.0, '%', 'min', 'strive', "
        "'社会消费品零售总额增长10%以上'), "
        "('h3', 'r3', 'c.txt', '蔡甸区', 'gdp', 2020, 'growth', 7.6, '%', 'eq', 'must', '地区生产总值增长7.6%')) "
        "t(indicator_value_id, report_id, source_file, district, indicator, year, measure, value, unit, bound, "
        "commitment, evidence)"
    )
    c.execute("CREATE TABLE marts.rejected_files (source_file VARCHAR, reason VARCHAR)")
    c.execute("CREATE TABLE marts.unlisted AS SELECT " + ", ".join(f"{i} AS c{i}" for i in range(12)))
    yield c
    c.close()


def preview_lines(con, name: str, limit: int = 5) -> list[list[str]]:
    return [[cell.strip() for cell in line.strip("|").split("|")]
            for line in preview_markdown(con, "marts", name, limit=limit).splitlines()
            if line.startswith("|") and not line.startswith("|---")]


def test_a_mart_preview_shows_the_analyst_columns_first_and_the_newest_report_first(con):
    header, *rows = preview_lines(con, "fct_targets")
    assert header == list(preview_layouts()["fct_targets"].columns)
    assert header[0] == "district" and "indicator_value_id" not in header and "report_id" not in header
    # 蔡甸区 was read last: its rows first, by indicator within the report
    assert [(r[0], r[1]) for r in rows] == [("蔡甸区", "gdp"), ("蔡甸区", "retail_sales"), ("西塞山区", "gdp")]
    text = preview_markdown(con, "marts", "fct_targets")
    assert text.startswith("**marts.fct_targets**: 3 of 3 rows")
    assert text.endswith("Also in the table: indicator_value_id, report_id, source_file "
                         "(`SELECT * FROM marts.fct_targets`).")


def test_the_report_just_added_heads_the_preview_of_dim_reports(con):
    header, first, *_ = preview_lines(con, "dim_reports", limit=2)
    assert first[header.index("district")] == "蔡甸区"


def test_a_mart_without_a_layout_shows_its_first_columns(con):
    header, _ = preview_lines(con, "unlisted")
    assert header == [f"c{i}" for i in range(DEFAULT_COLUMNS)]
    assert preview_markdown(con, "marts", "rejected_files") == "`marts.rejected_files` is empty."
    assert row_count(con, "marts", "not_built") is None


def test_every_column_of_the_preview_layout_is_a_documented_column_of_its_mart(dbt_manifest):
    import json

    manifest = json.loads(dbt_manifest.read_text(encoding="utf-8"))
    marts = {n["name"]: n for n in manifest["nodes"].values() if n["resource_type"] == "model"}
    for mart, layout in preview_layouts().items():
        assert mart in marts, f"preview_layout.toml names {mart}, which is no dbt model"
        documented = set(marts[mart]["columns"])
        missing = [c for c in (*layout.columns, *(c.lstrip("-") for c in layout.then_by)) if c not in documented]
        assert not missing, f"{mart}: {missing} in preview_layout.toml are not columns of the model"


def test_dbt_outputs_get_types_everywhere_and_counts_and_previews_where_rows_are_kept(tmp_path, dbt_manifest):
    from orchestration.defs.dbt import with_table_metadata

    db = tmp_path / "build.duckdb"
    with duckdb.connect(str(db)) as c:
        c.execute("CREATE SCHEMA marts; CREATE SCHEMA staging")
        c.execute("CREATE TABLE marts.fct_targets AS SELECT range AS i, 'x' AS district FROM range(7)")
        c.execute("CREATE VIEW staging.stg_reports__texts AS SELECT 1 AS i")
    manifest = {
        "nodes": {
            "model.gwr.fct_targets": {"resource_type": "model", "schema": "marts", "name": "fct_targets",
                                      "config": {"materialized": "table"},
                                      "columns": {"district": {"description": "Reporting government (地区)."}}},
            "model.gwr.stg_reports__texts": {"resource_type": "model", "schema": "staging",
                                             "name": "stg_reports__texts", "config": {"materialized": "view"}},
        }
    }
    events = [
        dg.Output(None, output_name="fct_targets", metadata={"unique_id": "model.gwr.fct_targets"}),
        dg.Output(None, output_name="stg_reports__texts", metadata={"unique_id": "model.gwr.stg_reports__texts"}),
        dg.AssetCheckResult(asset_key="fct_targets", passed=True, metadata={"unique_id": "test.gwr.x"}),
    ]
    marts, staging, check = with_table_metadata(events, manifest, db)
    assert marts.metadata["dagster/row_count"] == dg.MetadataValue.int(7) and "preview" in marts.metadata
    assert marts.metadata["unique_id"] == dg.MetadataValue.text("model.gwr.fct_targets")
    schema = marts.metadata["dagster/column_schema"].value
    assert [(col.name, col.type, col.description) for col in schema.columns] == [
        ("i", "BIGINT", None), ("district", "VARCHAR", "Reporting government (地区).")]
    # a view: its columns and types, but no count (counting would run its whole query) and no preview
    assert [col.type for col in staging.metadata["dagster/column_schema"].value.columns] == ["INTEGER"]
    assert "dagster/row_count" not in staging.metadata and "preview" not in staging.metadata
    assert check is events[2]
    duckdb.connect(str(db)).close()  # the counting connection was closed: a plain writer can open the file again
