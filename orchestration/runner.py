"""Run a whole build: every asset for every inbox file, then a summary read from the published warehouse."""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from orchestration.settings import resolve_paths


def _remove_orphaned_instances(work_dir: Path) -> None:
    """Instance folders of builds that were killed (SIGKILL skips the clean-up); a live build's folder stays."""
    for folder in work_dir.glob(".dagster-*-*"):
        pid = folder.name.split("-")[1]
        if not pid.isdigit():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except PermissionError:  # alive, owned by someone else
            pass


@contextmanager
def build_instance(work_dir: Path):
    """A Dagster instance on disk for one build, removed afterwards (see BuildEventLog)."""
    from dagster import DagsterInstance

    from orchestration.dagster_internals import BuildEventLog

    work_dir.mkdir(parents=True, exist_ok=True)
    _remove_orphaned_instances(work_dir)
    with tempfile.TemporaryDirectory(prefix=f".dagster-{os.getpid()}-", dir=work_dir) as home:
        overrides = {"event_log_storage": {"module": BuildEventLog.__module__, "class": BuildEventLog.__name__,
                                           "config": {"base_dir": os.path.join(home, "history", "runs")}},
                     "telemetry": {"enabled": False}}
        with DagsterInstance.local_temp(home, overrides=overrides) as instance:
            yield instance


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


_DBT_RUNTIME_DIRS = {"target", "logs", "dbt_packages"}


def manifest_is_current() -> bool:
    """dbt's manifest is newer than every file of the dbt project (dbt's own run-time folders aside)."""
    from orchestration.settings import DBT_PROJECT_DIR

    manifest = DBT_PROJECT_DIR / "target" / "manifest.json"
    if not manifest.exists():
        return False
    built = manifest.stat().st_mtime_ns
    for folder, dirs, files in os.walk(DBT_PROJECT_DIR):
        dirs[:] = [d for d in dirs if not (Path(folder) == DBT_PROJECT_DIR and d in _DBT_RUNTIME_DIRS)]
        if any(os.stat(os.path.join(folder, f)).st_mtime_ns > built for f in files):
            return False
    return True


def prepare_dbt_manifest() -> None:
    """@dbt_assets reads dbt's manifest at import time, so parse the dbt project first (STACK.md item 1).

    Run with the venv's dbt rather than DbtProject's preparer, which looks for `dbt` on PATH (STACK.md item 3).
    Skipped when the manifest is newer than every project file: starting dbt costs 4-6 s, most of the time it
    takes to add one report to a built warehouse.
    """
    import subprocess

    from orchestration.defs.resources import dbt_executable
    from orchestration.settings import DBT_PROJECT_DIR

    if manifest_is_current():
        return

    proc = subprocess.run(
        [dbt_executable(), "parse", "--quiet", "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir",
         str(DBT_PROJECT_DIR)], check=False, cwd=DBT_PROJECT_DIR, capture_output=True, text=True)
    if proc.returncode != 0:
        detail = (proc.stdout + proc.stderr).strip().splitlines()
        raise BuildFailed(f"dbt could not parse the project: {detail[-1] if detail else 'no output'}")


def _prepare(inbox: str | None, warehouse: str | None):
    paths = resolve_paths(inbox, warehouse)
    if not paths.inbox.is_dir():
        raise BuildFailed(f"The inbox folder {paths.inbox} does not exist.")
    os.environ["GWR_INBOX"], os.environ["GWR_WAREHOUSE"] = str(paths.inbox), str(paths.warehouse)

    from orchestration.defs.resources import point_dbt_at

    point_dbt_at(paths)
    prepare_dbt_manifest()
    paths.work_dir.mkdir(parents=True, exist_ok=True)
    return paths


def build(inbox: str | None, warehouse: str | None) -> dict:
    paths = _prepare(inbox, warehouse)

    from orchestration.definitions import build_definitions
    from orchestration.defs.partitions import report_partitions
    from orchestration.storage.inbox import list_inbox

    defs = build_definitions(paths)
    keys = [f.key for f in list_inbox(paths.inbox)]
    with build_instance(paths.work_dir) as instance:
        if keys:
            instance.add_dynamic_partitions(report_partitions.name, keys)
            print(f"[1/2] reading and parsing {len(keys)} files from {paths.inbox}", file=sys.stderr)
            _process(defs, instance, keys)
        else:
            print(f"[1/2] the inbox {paths.inbox} holds no report files", file=sys.stderr)
        print("[2/2] loading, running dbt build and publishing", file=sys.stderr)
        _refresh(defs, instance)
    return summarise(paths.warehouse)


QUIET = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}


def processes() -> int:
    """Step processes for a large run: GWR_PROCESSES, else one per CPU."""
    return max(1, int(os.environ.get("GWR_PROCESSES") or os.cpu_count() or 1))


def _process_reports_job():
    # Rebuilt inside every step process from the same environment (GWR_INBOX, GWR_WAREHOUSE, GWR_DBT_PATH).
    from orchestration.definitions import build_definitions

    return build_definitions().resolve_job_def("process_reports")


def _process(defs, instance, keys: list[str]) -> None:
    """Ingest and parse the given partitions in one run.

    Many files: Dagster's multiprocess executor runs the assets' chunk ops (partitions.py) in parallel processes;
    each writes only its own reports' parts, so DuckDB still has one writer. Few files (the sensor's case): one
    in-process run, which skips the seconds that starting step processes costs.
    """
    import dagster as dg

    from orchestration.defs.partitions import MIN_KEYS_PER_CHUNK

    tags = {"dagster/asset_partition_range_start": keys[0], "dagster/asset_partition_range_end": keys[-1]}
    n = processes()
    if n > 1 and len(keys) >= 2 * MIN_KEYS_PER_CHUNK:
        # the job's executor (executors.forkserver_executor) forks step processes from a preloaded server
        from orchestration import progress_files

        config = dict(QUIET, execution={"config": {"max_concurrent": n}})
        folder = progress_files.folder_of(resolve_paths().work_dir)  # GWR_INBOX/GWR_WAREHOUSE set by _prepare
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        relay = progress_files.Relay(folder, total=len(keys))  # the step processes' progress, summed, on this terminal
        relay.start()
        try:
            with dg.execute_job(dg.reconstructable(_process_reports_job), instance=instance, run_config=config,
                                tags=tags, raise_on_error=False) as result:
                if not result.success:
                    raise BuildFailed(_first_failure(result))
        finally:
            relay.stop.set()
            relay.join()
        return
    result = defs.get_job_def("process_reports").execute_in_process(
        instance=instance, run_config=QUIET, raise_on_error=False, tags=tags)
    if not result.success:
        raise BuildFailed(_first_failure(result))


def _refresh(defs, instance) -> None:
    result = defs.get_job_def("refresh_warehouse").execute_in_process(
        instance=instance, run_config=QUIET, raise_on_error=False)
    if not result.success:
        raise BuildFailed(_first_failure(result))


def add_reports(inbox: str | None, warehouse: str | None, keys: list[str]) -> dict:
    """The per-report path on a built warehouse: ingest and parse only these inbox files (their partitions), then
    refresh the warehouse from all parts. What the sensor does for a dropped file, without waiting for its ticks."""
    paths = _prepare(inbox, warehouse)
    from orchestration.definitions import build_definitions
    from orchestration.defs.partitions import report_partitions

    defs = build_definitions(paths)
    with build_instance(paths.work_dir) as instance:
        instance.add_dynamic_partitions(report_partitions.name, list(keys))
        _process(defs, instance, list(keys))
        _refresh(defs, instance)
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
