"""The code location: assembles assets, checks, jobs, sensors, schedules and resources; nothing else."""
from __future__ import annotations

import dagster as dg

from orchestration.defs import automation
from orchestration.defs.chart import target_chart
from orchestration.defs.dbt import dbt_models
from orchestration.defs.escalation_chart import target_escalation_chart
from orchestration.defs.executors import forkserver_executor
from orchestration.defs.ingest import report_texts
from orchestration.defs.load import raw_tables
from orchestration.defs.parse import parsed_reports
from orchestration.defs.publish import published_warehouse
from orchestration.defs.resources import build_resources
from orchestration.settings import Paths


def build_definitions(paths: Paths | None = None) -> dg.Definitions:
    return dg.Definitions(
        assets=[report_texts, parsed_reports, raw_tables, dbt_models, published_warehouse, target_chart,
                target_escalation_chart],
        jobs=[automation.process_reports_job, automation.refresh_warehouse_job, automation.rebuild_warehouse_job],
        sensors=[automation.inbox_sensor, automation.refresh_after_parse, automation.publish_follows_builds],
        schedules=[automation.daily_rebuild],
        resources=build_resources(paths),
        # runs started from the UI (Materialize, a backfill) start their steps as fast as the project's own jobs
        executor=forkserver_executor,
    )


defs = build_definitions()
