"""Load every part into the `raw` schema of the build database, in one transaction.

The raw tables are rebuilt from the parts on every load: a few Parquet globs are fast even for thousands of reports,
and a full reload makes the result depend only on the parts (idempotent), never on the order of earlier runs.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from orchestration.storage.inbox import InboxFile
from orchestration.storage.parts import INGEST_FILE, PARSE_FILE, read_json
from orchestration.storage.raw_tables import (
    FILE_COLUMNS,
    PARSED_TABLES,
    RAW_SCHEMA,
    RAW_TABLES,
    TEXT_COLUMNS,
    create_table_sql,
)


@dataclass(frozen=True)
class LoadSummary:
    accepted: int
    rejected: int
    duplicate: int
    withdrawn: int
    rows: dict[str, int]


def _file_rows(parts_dir: Path, inbox_keys: set[str]) -> tuple[list[dict], dict[str, Path]]:
    """One row per part with its final status; and the folders whose parsed tables are to be loaded."""
    records = []
    for folder in sorted(p for p in parts_dir.iterdir() if p.is_dir()) if parts_dir.exists() else []:
        ingested = read_json(folder / INGEST_FILE)
        if not ingested:
            continue
        parsed = read_json(folder / PARSE_FILE) or {}
        rec = dict(ingested, folder=folder)
        if rec["status"] == "accepted" and parsed.get("report_id") != rec["report_id"]:
            rec.update(status="rejected", reason="The file was read but has not been parsed yet; run the build again.")
        elif rec["status"] == "accepted" and parsed.get("error"):
            rec.update(status="rejected", reason=parsed["error"])
        present = rec["source_file"] in inbox_keys
        if not present and rec["status"] != "accepted":
            continue  # a rejected file that the user removed: nothing of it to keep
        if not present:
            rec["status"] = "withdrawn"
            rec["reason"] = "The file was removed from the inbox; its rows are kept and the report marked withdrawn."
        records.append(rec)

    # Same text under several names: the first name (in sort order) carries the report, present files first.
    records.sort(key=lambda r: (r["status"] == "withdrawn", r["source_file"]))
    owner: dict[str, str] = {}
    to_load: dict[str, Path] = {}
    for rec in records:
        rid = rec["report_id"]
        if rec["status"] not in ("accepted", "withdrawn"):
            continue
        if rid in owner:
            rec.update(status="duplicate", reason=f"Same text as {owner[rid]}, which is loaded instead.")
            continue
        owner[rid] = rec["source_file"]
        to_load[rid] = rec["folder"]
    return records, to_load


def load_parts(con: duckdb.DuckDBPyConnection, parts_dir: Path, inbox: list[InboxFile]) -> LoadSummary:
    import pandas as pd

    records, to_load = _file_rows(parts_dir, {f.key for f in inbox})
    files = pd.DataFrame.from_records([{c: r.get(c) for c in FILE_COLUMNS} for r in records], columns=list(FILE_COLUMNS))  # noqa: F841
    texts = pd.DataFrame.from_records(  # noqa: F841 - read by DuckDB by name
        [{"report_id": r["report_id"], "source_file": r["source_file"], "source_encoding": r["source_encoding"],
          "text": r["text"], "n_chars": len(r["text"]), "ingested_at": r["detected_at"]}
         for r in records if r["report_id"] in to_load and to_load[r["report_id"]] == r["folder"]],
        columns=list(TEXT_COLUMNS))

    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {RAW_SCHEMA}")
        for table in RAW_TABLES:
            con.execute(f"DROP TABLE IF EXISTS {RAW_SCHEMA}.{table}")
            con.execute(create_table_sql(table))
        con.execute(f"INSERT INTO {RAW_SCHEMA}.report_files BY NAME SELECT * FROM files")
        con.execute(f"INSERT INTO {RAW_SCHEMA}.report_texts BY NAME SELECT * FROM texts")
        for table in PARSED_TABLES:
            paths = [str(folder / f"{table}.parquet") for folder in to_load.values()]
            if paths:
                con.execute(f"INSERT INTO {RAW_SCHEMA}.{table} BY NAME SELECT * FROM read_parquet(?)", [paths])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    rows = {t: con.execute(f"SELECT count(*) FROM {RAW_SCHEMA}.{t}").fetchone()[0] for t in RAW_TABLES}
    by_status = {s: sum(1 for r in records if r["status"] == s) for s in ("accepted", "rejected", "duplicate", "withdrawn")}
    return LoadSummary(rows=rows, **by_status)
