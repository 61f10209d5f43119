"""Run a whole build: every asset for every inbox file, then a summary read from the published warehouse."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from orchestration.settings import resolve_paths


class BuildFailed(RuntimeError):
    """The build itself failed; the message is one plain sentence."""


def _first_failure(result) -> str:
    for event in result.all_events:
        if event.is_failure and event.event_specific_data is not None:
            error = getattr(event.event_specific_data, "error", None)
            if error is not None:
                lines = [ln for ln in (error.message or "").strip().splitlines() if ln.strip()]
                return f"step {event.step_key} failed: {lines[-1] if lines else error.cls_name}"
    return "a step failed (see the Dagster logs above)"


def prepare_dbt_manifest() -> None:
    """@dbt_assets reads dbt's manifest at import time, so parse the dbt project first (STACK.md item 1).

    Run with the venv's dbt rather than DbtProject's preparer, which looks for `dbt` on PATH (STACK.md item 3).
    """
    import subprocess

    from orchestration.defs.resources import dbt_executable
    from orchestration.settings import DBT_PROJECT_DIR

    proc = subprocess.run(
        [dbt_executable(), "parse", "--quiet", "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir",
         str(DBT_PROJECT_DIR)], check=False, cwd=DBT_PROJECT_DIR, capture_output=True, text=True)
    if proc.returncode != 0:
        detail = (proc.stdout + proc.stderr).strip().splitlines()
        raise BuildFailed(f"dbt could not parse the project: {detail[-1] if detail else 'no output'}")


def build(inbox: str | None, warehouse: str | None) -> dict:
    paths = resolve_paths(inbox, warehouse)
    if not paths.inbox.is_dir():
        raise BuildFailed(f"The inbox folder {paths.inbox} does not exist.")
    os.environ["GWR_INBOX"], os.environ["GWR_WAREHOUSE"] = str(paths.inbox), str(paths.warehouse)

    from orchestration.defs.resources import point_dbt_at

    point_dbt_at(paths)
    prepare_dbt_manifest()

    from dagster import DagsterInstance

    from orchestration.definitions import build_definitions
    from orchestration.defs.partitions import report_partitions
    from orchestration.storage.inbox import list_inbox

    defs = build_definitions(paths)
    quiet = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}
    keys = [f.key for f in list_inbox(paths.inbox)]
    with DagsterInstance.ephemeral() as instance:
        if keys:
            instance.add_dynamic_partitions(report_partitions.name, keys)
            print(f"[1/2] reading and parsing {len(keys)} files from {paths.inbox}", file=sys.stderr)
            result = defs.get_job_def("process_reports").execute_in_process(
                instance=instance, run_config=quiet, raise_on_error=False,
                tags={"dagster/asset_partition_range_start": keys[0], "dagster/asset_partition_range_end": keys[-1]},
            )
            if not result.success:
                raise BuildFailed(_first_failure(result))
        else:
            print(f"[1/2] the inbox {paths.inbox} holds no report files", file=sys.stderr)
        print("[2/2] loading, running dbt build and publishing", file=sys.stderr)
        result = defs.get_job_def("refresh_warehouse").execute_in_process(
            instance=instance, run_config=quiet, raise_on_error=False)
        if not result.success:
            raise BuildFailed(_first_failure(result))
    return summarise(paths.warehouse)


def summarise(warehouse: Path) -> dict:
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        one = lambda sql: con.execute(sql).fetchone()[0]
        summary = {
            "reports accepted": one("select count(*) from marts.dim_reports where not withdrawn"),
            "reports withdrawn": one("select count(*) from marts.dim_reports where withdrawn"),
            "files rejected": one("select count(*) from marts.rejected_files"),
            "figures": one("select count(*) from raw.figures"),
            "indicator values": one("select count(*) from marts.fct_indicator_values"),
            "targets": one("select count(*) from marts.fct_targets"),
            "projects": one("select count(*) from marts.fct_projects"),
        }
        summary["_rejected"] = con.execute("select source_file, reason from marts.rejected_files order by 1").fetchall()
    finally:
        con.close()
    return summary
