"""An analyst in another process: `python analyst.py WAREHOUSE STOP_FILE`.

Holds one read-only connection open for its whole life, and meanwhile keeps opening fresh read-only connections,
until STOP_FILE appears. Prints one JSON object: what the held connection saw at the start and at the end, every
fresh look (table row counts) and every error met.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import duckdb


def look(con) -> list:
    tables = [r[0] for r in con.execute(
        "select table_name from information_schema.tables where table_schema = 'marts' order by 1").fetchall()]
    return [[t, con.execute(f'select count(*) from marts."{t}"').fetchone()[0]] for t in tables]


def main(warehouse: str, stop_file: str) -> None:
    held = duckdb.connect(warehouse, read_only=True)
    first = look(held)
    print("ready", flush=True)
    looks, errors = [], []
    while not Path(stop_file).exists():
        try:
            con = duckdb.connect(warehouse, read_only=True)
            try:
                looks.append(look(con))
            finally:
                con.close()
        except Exception as e:  # noqa: BLE001 - every failure is a finding to report
            errors.append(f"{type(e).__name__}: {e}")
        time.sleep(0.05)
    last = look(held)
    held.close()
    print(json.dumps({"held_first": first, "held_last": last, "looks": looks, "errors": errors}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
