"""Export every mart table of a published warehouse to CSV or Parquet files, for spreadsheets and other tools."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

FORMATS = ("csv", "parquet")
# Excel opens a BOM-less UTF-8 CSV as the local code page and shows Chinese as mojibake; the BOM tells it UTF-8.
UTF8_BOM = b"\xef\xbb\xbf"


class ExportFailed(RuntimeError):
    """The export could not run; the message is one plain sentence."""


@dataclass(frozen=True)
class ExportedTable:
    table: str
    rows: int
    path: Path


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def open_read_only(warehouse: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection: many readers may share the file, and a reader never blocks the next publish."""
    if not warehouse.is_file():
        raise ExportFailed(
            f"The warehouse {warehouse} does not exist yet; build it with `python -m orchestration build`."
        )
    try:
        return duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error as e:
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise ExportFailed(f"The warehouse {warehouse} could not be opened for reading ({first}).") from e


def mart_tables(con: duckdb.DuckDBPyConnection, schema: str = "marts") -> list[str]:
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name", [schema]
    ).fetchall()
    return [r[0] for r in rows]


def _copy_table(con: duckdb.DuckDBPyConnection, relation: str, target: Path, fmt: str) -> None:
    # Written beside the target and renamed, so a spreadsheet never opens a half-written file.
    tmp = target.with_name(f".{target.name}.partial")
    try:
        if fmt == "parquet":
            con.execute(f"COPY (SELECT * FROM {relation}) TO {_sql_string(str(tmp))} (FORMAT parquet)")
        else:
            # DuckDB's CSV writer quotes correctly but writes no BOM: prepend it while copying the bytes.
            raw = tmp.with_name(tmp.name + ".nobom")
            con.execute(f"COPY (SELECT * FROM {relation}) TO {_sql_string(str(raw))} (FORMAT csv, HEADER true)")
            try:
                with open(tmp, "wb") as out, open(raw, "rb") as src:
                    out.write(UTF8_BOM)
                    shutil.copyfileobj(src, out)
            finally:
                raw.unlink(missing_ok=True)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def export_marts(warehouse: Path, out_dir: Path, fmt: str = "csv") -> list[ExportedTable]:
    """Write one file per table of schema `marts` into out_dir, named <table>.<fmt>."""
    if fmt not in FORMATS:
        raise ExportFailed(f"The format {fmt!r} is not supported; choose one of {', '.join(FORMATS)}.")
    if out_dir.exists() and not out_dir.is_dir():
        raise ExportFailed(f"The output path {out_dir} is a file; give a folder.")
    con = open_read_only(warehouse)
    try:
        tables = mart_tables(con)
        if not tables:
            raise ExportFailed(f"The warehouse {warehouse} holds no mart tables; was its build finished?")
        out_dir.mkdir(parents=True, exist_ok=True)
        exported = []
        for table in tables:
            relation = f"marts.{_quote(table)}"
            target = out_dir / f"{table}.{fmt}"
            _copy_table(con, relation, target, fmt)
            rows = con.execute(f"SELECT count(*) FROM {relation}").fetchone()[0]
            exported.append(ExportedTable(table=table, rows=rows, path=target))
        return exported
    except OSError as e:
        raise ExportFailed(f"Could not write to {out_dir}: {e.strerror or e}.") from e
    finally:
        con.close()
