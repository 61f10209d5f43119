"""What the UI shows for a table: row counts on every dbt asset and a markdown preview of the marts."""

from __future__ import annotations

import dagster as dg
import duckdb
import pytest

from orchestration.defs.previews import MAX_CELL_CHARS, markdown_table, preview_markdown, row_count, table_metadata


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (220.07, "220.07"),
        (22007000000.0, "22007000000"),
        (None, ""),
        (float("nan"), ""),
        ("同比增长9.1%", "同比增长9.1%"),
        ("a|b", "a\\|b"),
        ("全年实现地区生产总值220.07亿元,\n同比增长9.1%", "全年实现地区生产总值220.07亿元, 同比增长9.1%"),
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
    c.execute(
        "CREATE TABLE marts.dim_reports AS SELECT * FROM (VALUES ('西塞山区', 2020), ('青山区', 2018), "
        "('蔡甸区', 2020)) t(district, plan_year)"
    )
    c.execute("CREATE TABLE marts.rejected_files (source_file VARCHAR, reason VARCHAR)")
    yield c
    c.close()


def test_preview_lists_the_first_rows(con):
    assert preview_markdown(con, "marts", "dim_reports", limit=2).splitlines() == [
        "| district | plan_year |",
        "|---|---|",
        "| 西塞山区 | 2020 |",
        "| 青山区 | 2018 |",
    ]
    assert preview_markdown(con, "marts", "rejected_files") == "`marts.rejected_files` is empty."


def test_metadata_has_the_row_count_the_ui_shows(con):
    meta = table_metadata(con, "marts", "dim_reports", with_preview=True)
    assert meta["dagster/row_count"] == dg.MetadataValue.int(3)
    assert isinstance(meta["preview"], dg.MarkdownMetadataValue)
    assert "preview" not in table_metadata(con, "marts", "dim_reports", with_preview=False)
    assert row_count(con, "marts", "not_built") is None
    assert table_metadata(con, "marts", "not_built", with_preview=True) == {}


def test_dbt_outputs_get_counts_after_dbt_exits(tmp_path, dbt_manifest):
    from orchestration.defs.dbt import with_row_counts

    db = tmp_path / "build.duckdb"
    with duckdb.connect(str(db)) as c:
        c.execute("CREATE SCHEMA marts; CREATE SCHEMA staging")
        c.execute("CREATE TABLE marts.fct_targets AS SELECT range AS i FROM range(7)")
        c.execute("CREATE VIEW staging.stg_reports__texts AS SELECT 1 AS i")
    manifest = {
        "nodes": {
            "model.gwr.fct_targets": {"resource_type": "model", "schema": "marts", "name": "fct_targets"},
            "model.gwr.stg_reports__texts": {
                "resource_type": "model",
                "schema": "staging",
                "name": "stg_reports__texts",
            },
        }
    }
    events = [
        dg.Output(None, output_name="fct_targets", metadata={"unique_id": "model.gwr.fct_targets"}),
        dg.Output(None, output_name="stg_reports__texts", metadata={"unique_id": "model.gwr.stg_reports__texts"}),
        dg.AssetCheckResult(asset_key="fct_targets", passed=True, metadata={"unique_id": "test.gwr.x"}),
    ]
    marts, staging, check = with_row_counts(events, manifest, db)
    assert marts.metadata["dagster/row_count"] == dg.MetadataValue.int(7) and "preview" in marts.metadata
    assert marts.metadata["unique_id"] == dg.MetadataValue.text("model.gwr.fct_targets")
    assert staging.metadata["dagster/row_count"] == dg.MetadataValue.int(1) and "preview" not in staging.metadata
    assert check is events[2]
    duckdb.connect(str(db)).close()  # the counting connection was closed: a plain writer can open the file again
