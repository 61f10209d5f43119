"""Helpers for tests that build a warehouse through the real command line, in a child process."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb

from tests.conftest import REPO

BUILD_TIMEOUT = 900  # generous: a hang, not slowness, is what it catches


def build_command(inbox: Path, warehouse: Path) -> list[str]:
    return [sys.executable, "-m", "orchestration", "build", "--inbox", str(inbox), "--warehouse", str(warehouse)]


def child_env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GWR_")}
    env["PYTHONPATH"] = str(REPO)
    return env


def run_build(inbox: Path, warehouse: Path) -> subprocess.CompletedProcess:
    proc = subprocess.run(build_command(inbox, warehouse), cwd=REPO, env=child_env(), capture_output=True, text=True,
                          check=False,
                          timeout=BUILD_TIMEOUT)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    return proc


def run_dbt(db: Path, work: Path, *args: str) -> subprocess.CompletedProcess:
    """dbt (`run`, `build` ...) on the database file `db`, its target and logs kept in `work`."""
    from orchestration.settings import DBT_PROJECT_DIR

    env = dict(child_env(), GWR_DBT_PATH=str(db), DBT_SEND_ANONYMOUS_USAGE_STATS="false")
    proc = subprocess.run([str(Path(sys.executable).parent / "dbt"), *args, "--project-dir", str(DBT_PROJECT_DIR),
                           "--profiles-dir", str(DBT_PROJECT_DIR), "--target-path", str(work / "target"),
                           "--log-path", str(work / "logs")],
                          cwd=DBT_PROJECT_DIR, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stdout[-3000:]
    return proc


def snapshot(warehouse: Path, schemas=("raw", "marts")) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without the columns that record when something happened."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        tables = con.execute(
            "select table_schema, table_name from information_schema.tables where table_schema in (select unnest(?)) "
            "order by 1, 2", [list(schemas)]).fetchall()
        out = {}
        for schema, table in tables:
            cols = [name for name, dtype in con.execute(
                "select column_name, data_type from information_schema.columns where table_schema = ? and "
                "table_name = ? order by ordinal_position", [schema, table]).fetchall()
                if not dtype.startswith("TIMESTAMP") and not name.endswith("_at")]
            col_sql = ", ".join(f'"{c}"' for c in cols)
            out[f"{schema}.{table}"] = con.execute(
                f'select {col_sql} from "{schema}"."{table}" order by all').fetchall()
        return out
    finally:
        con.close()


def query(warehouse: Path, sql: str, *params) -> list[tuple]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()
