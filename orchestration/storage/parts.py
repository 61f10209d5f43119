"""Per-report parts: what ingest and parse produce for one inbox file, kept as small files on disk.

Each partition (one inbox file) writes only into its own folder, so partitions can run in parallel processes while
the DuckDB file keeps a single writer: the loader, which reads every part in one statement.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import cache
from pathlib import Path

import duckdb

INGEST_FILE = "ingest.json"
PARSE_FILE = "parse.json"


def part_dir(parts_dir: Path, key: str) -> Path:
    # A hash, not the file name: names may hold quotes, semicolons, spaces or path separators.
    return parts_dir / hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def write_json_atomic(path: Path, payload: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(payload, f, ensure_ascii=False, default=str)
    os.replace(tmp, path)


def read_json(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


@cache
def _scratch() -> duckdb.DuckDBPyConnection:
    # Opening a DuckDB connection costs ~12 ms, four times the write itself: one in-memory database per process,
    # with a cursor (its own connection, so its own temp tables) per write.
    return duckdb.connect()


def write_parquet(rows: list[dict], columns: dict[str, str], path: Path) -> None:
    """Write rows with the exact column types of the raw table, also when there are no rows."""
    import pandas as pd

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".tmp-{path.name}")
    con = _scratch().cursor()
    try:
        cols = ", ".join(f'"{c}" {t}' for c, t in columns.items())
        con.execute(f"CREATE OR REPLACE TEMP TABLE t ({cols})")
        if rows:
            frame = pd.DataFrame.from_records(rows, columns=list(columns))  # noqa: F841 - read by DuckDB by name
            con.execute("INSERT INTO t BY NAME SELECT * FROM frame")
        con.execute("COPY t TO ? (FORMAT parquet)", [str(tmp)])
    finally:
        con.close()
    os.replace(tmp, path)
