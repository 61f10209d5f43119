"""Export: every mart table to CSV (UTF-8 with BOM) or Parquet, from a read-only connection."""

from __future__ import annotations

import csv
import os

import duckdb
import pytest

from orchestration.export import UTF8_BOM, ExportFailed, export_marts


@pytest.fixture(scope="module")
def marts(sample_warehouse) -> dict[str, int]:
    with duckdb.connect(str(sample_warehouse), read_only=True) as con:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'marts'"
            ).fetchall()
        ]
        return {t: con.execute(f'SELECT count(*) FROM marts."{t}"').fetchone()[0] for t in tables}


def test_csv_has_every_mart_with_a_bom_and_its_rows(sample_warehouse, marts, tmp_path):
    exported = export_marts(sample_warehouse, tmp_path, "csv")
    assert {t.table: t.rows for t in exported} == marts
    for t in exported:
        raw = t.path.read_bytes()
        assert raw.startswith(UTF8_BOM), t.table
        with open(t.path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        assert len(rows) == marts[t.table] + 1, t.table  # header + rows, sentences with commas stay one cell
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{t}.csv" for t in marts)


def test_chinese_text_survives_the_csv_round_trip(sample_warehouse, tmp_path):
    export_marts(sample_warehouse, tmp_path, "csv")
    with duckdb.connect(str(sample_warehouse), read_only=True) as con:
        districts = sorted(r[0] for r in con.execute("SELECT district FROM marts.dim_reports").fetchall())
    with open(tmp_path / "dim_reports.csv", encoding="utf-8-sig", newline="") as f:
        assert sorted(row["district"] for row in csv.DictReader(f)) == districts


def test_parquet_files_read_back_with_the_same_rows(sample_warehouse, marts, tmp_path):
    exported = export_marts(sample_warehouse, tmp_path, "parquet")
    with duckdb.connect() as con:
        for t in exported:
            assert con.execute("SELECT count(*) FROM read_parquet(?)", [str(t.path)]).fetchone()[0] == marts[t.table]
        sentence = con.execute(
            "SELECT sentence FROM read_parquet(?) WHERE sentence LIKE '%亿元%' LIMIT 1",
            [str(tmp_path / "fct_indicator_values.parquet")],
        ).fetchone()
    assert sentence is not None


def test_export_reads_only_and_runs_beside_an_open_reader(sample_warehouse, tmp_path):
    before = os.stat(sample_warehouse).st_mtime_ns
    with duckdb.connect(str(sample_warehouse), read_only=True):  # an analyst's session stays open meanwhile
        export_marts(sample_warehouse, tmp_path, "csv")
    assert os.stat(sample_warehouse).st_mtime_ns == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "partial files left behind"


@pytest.mark.parametrize(
    ("setup", "fmt", "message"),
    [
        ("missing", "csv", "does not exist yet"),
        ("ok", "xlsx", "not supported"),
        ("out_is_file", "csv", "is a file"),
    ],
)
def test_export_failures_are_one_sentence(sample_warehouse, tmp_path, setup, fmt, message):
    warehouse = tmp_path / "nope.duckdb" if setup == "missing" else sample_warehouse
    out = tmp_path / "out"
    if setup == "out_is_file":
        out.write_text("x", encoding="utf-8")
    with pytest.raises(ExportFailed) as e:
        export_marts(warehouse, out, fmt)
    assert message in str(e.value)
    assert "\n" not in str(e.value)
