"""Jobs, the inbox sensor, the daily rebuild schedule and the sensor that keeps the published file current.

DuckDB allows one writer per file (STACK.md item 8). Only refresh_warehouse, rebuild_warehouse and the publish
automation write (or copy) the build database; their steps that touch it run one after another, and they carry the
tag WRITER_TAG so that a run queue can be told to run one such job at a time (dev.py's dagster.yaml runs one run at a
time altogether). Per-report runs write only their own part folders.
"""

import hashlib
import json
import time

import dagster as dg

from orchestration.defs.executors import forkserver_executor
from orchestration.defs.ingest import report_texts
from orchestration.defs.parse import parsed_reports
from orchestration.defs.partitions import report_partitions
from orchestration.defs.publish import PUBLISHING_RUN_TAG
from orchestration.defs.resources import WarehousePaths
from orchestration.storage.inbox import list_inbox
from orchestration.storage.inbox_watch import plan_inbox_changes

PER_REPORT = dg.AssetSelection.assets(report_texts, parsed_reports)
# everything else, including the dictionaries (dbt seeds), which are upstream of the marts but not of the reports
DOWNSTREAM = dg.AssetSelection.all() - PER_REPORT

process_reports_job = dg.define_asset_job(
    "process_reports", selection=PER_REPORT, executor_def=forkserver_executor,
    description="Read and parse the given report files (one partition per inbox file).",
)
WRITER_TAG = {"gwr/writes": "build.duckdb"}

refresh_warehouse_job = dg.define_asset_job(
    "refresh_warehouse", selection=DOWNSTREAM, executor_def=dg.in_process_executor,
    run_tags={**WRITER_TAG, **PUBLISHING_RUN_TAG},
    description="Load all parsed reports, run dbt build and publish the warehouse file.",
)

# Everything in one run: the lineage page's "Materialize all" is an asset backfill of four runs (the partitioned
# assets, the dbt seeds, then what follows each), each waiting for the backfill daemon; this job's backfill policy
# (single run, from its partitioned assets) makes "Materialize all… > All > Launch backfill" one run, as fast as the
# sensor's two.
rebuild_warehouse_job = dg.define_asset_job(
    "rebuild_warehouse", selection=dg.AssetSelection.all(), executor_def=forkserver_executor,
    run_tags={**WRITER_TAG, **PUBLISHING_RUN_TAG},
    description="Rebuild everything in one run: read and parse every inbox file, load, run dbt build, publish the "
    "warehouse file and draw the chart. Materialize all… > All > Launch backfill.",
)

# The publish group carries PUBLISH_CONDITION (defs/publish.py); this sensor evaluates it.
publish_follows_builds = dg.AutomationConditionSensorDefinition(
    "publish_follows_builds", target=dg.AssetSelection.groups("publish"), run_tags=WRITER_TAG,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Publishes the warehouse file (and redraws the chart) after anything it is built from was "
    "materialized without publishing, e.g. one mart by hand.",
)


# Both jobs are targets: a removal asks for a refresh only. A sensor that returned a job it does not target failed
# every tick from then on (no new file was noticed either), so every request names its job.
@dg.sensor(jobs=[process_reports_job, refresh_warehouse_job], minimum_interval_seconds=10,
           default_status=dg.DefaultSensorStatus.RUNNING, description="Notices new or changed report files in the inbox once they stop changing.")
def inbox_sensor(context: dg.SensorEvaluationContext, paths: WarehousePaths) -> dg.SensorResult:
    state = json.loads(context.cursor) if context.cursor else {}
    changes = plan_inbox_changes(state, list_inbox(paths.paths().inbox))
    known = set(context.instance.get_dynamic_partitions(report_partitions.name))
    new_keys = sorted({f.key for f in changes.ready} - known)
    block = set(new_keys) if len(new_keys) > 1 else set()
    run_requests = [
        dg.RunRequest(job_name=process_reports_job.name, partition_key=f.key,
                      run_key=f"{f.key}:{f.size}:{f.mtime_ns}")
        for f in changes.ready if f.key not in block
    ]
    if block:
        # Files that arrive together (a first inbox of thousands) are added as one block of partitions, in this
        # order, so one run covers the block: a run costs seconds of start-up (STACK.md item 16).
        sigs = json.dumps([[f.key, f.size, f.mtime_ns] for f in changes.ready if f.key in block])
        run_requests.append(dg.RunRequest(
            job_name=process_reports_job.name,
            run_key=f"new:{len(new_keys)}:{hashlib.sha1(sigs.encode()).hexdigest()}",
            tags={"dagster/asset_partition_range_start": new_keys[0],
                  "dagster/asset_partition_range_end": new_keys[-1]}))
    if changes.removed:
        # The time makes the key unique: a file removed, put back and removed again must be noticed again.
        run_requests.append(dg.RunRequest(
            job_name=refresh_warehouse_job.name,
            run_key=f"removed:{time.time_ns()}:" + json.dumps(changes.removed, ensure_ascii=False)))
    return dg.SensorResult(
        run_requests=run_requests,
        dynamic_partitions_requests=[report_partitions.build_add_request(new_keys)] if new_keys else [],
        cursor=json.dumps(changes.state, ensure_ascii=False),
    )


@dg.run_status_sensor(run_status=dg.DagsterRunStatus.SUCCESS, monitored_jobs=[process_reports_job],
                      minimum_interval_seconds=10, request_job=refresh_warehouse_job,
                      default_status=dg.DefaultSensorStatus.RUNNING,
                      description="After reports are parsed, rebuild the marts and publish the warehouse.")
def refresh_after_parse(context: dg.RunStatusSensorContext):
    # A refresh still waiting in the queue reads every part when it starts, so it covers this run too: files dropped
    # together then cost one refresh, not one each.
    waiting = context.instance.get_run_records(
        filters=dg.RunsFilter(job_name=refresh_warehouse_job.name,
                              statuses=[dg.DagsterRunStatus.QUEUED, dg.DagsterRunStatus.NOT_STARTED]), limit=1)
    if waiting:
        return dg.SkipReason(f"A refresh is already queued (run {waiting[0].dagster_run.run_id}).")
    return dg.RunRequest(run_key=f"after:{context.dagster_run.run_id}")


@dg.schedule(job=process_reports_job, cron_schedule="0 3 * * *", default_status=dg.DefaultScheduleStatus.RUNNING,
             description="Daily: re-read every inbox file (unchanged ones are reused) and rebuild the warehouse.")
def daily_rebuild(context: dg.ScheduleEvaluationContext):
    keys = context.instance.get_dynamic_partitions(report_partitions.name)
    if not keys:
        return dg.SkipReason("No report partitions yet: drop files into the inbox.")
    return dg.RunRequest(run_key=f"daily:{context.scheduled_execution_time:%Y-%m-%d}", tags={
        "dagster/asset_partition_range_start": keys[0], "dagster/asset_partition_range_end": keys[-1]})
