"""Publish: the finished build database replaces the file analysts query, atomically."""

import logging

import dagster as dg

from orchestration.defs.dbt import dbt_models
from orchestration.defs.resources import WarehousePaths
from orchestration.storage.publish import publish

progress = logging.getLogger("gwr.progress")

# Runs that publish as their last steps (refresh_warehouse, rebuild_warehouse) carry this tag.
PUBLISHING_RUN_TAG = {"gwr/publishes": "yes"}

# The published file and the chart (defs/chart.py) follow any materialization of what they are copied or drawn from,
# also one a user starts by hand (a single mart after a dictionary edit): otherwise the mart shows green while
# analysts read the old file. The sensor publish_follows_builds (defs/automation.py) evaluates the condition.
# - An update by a run that publishes anyway does not count, nor one by a run that also targeted the asset (the
#   automation's own); a publishing run that failed before publishing (a dbt test) then publishes nothing either.
#   Dagster's any_deps_updated() would count a job's runs: it knows a run's targets only from ad-hoc selections.
# - A publish seen on the same tick as such a build does not settle it: with eager() a mart built by hand within the
#   30 s of a rebuild's publish was never published. A later publish does (a backfill's seeds run, then its last run
#   that publishes).
# - A failed blocking check upstream (a dbt test) holds it back. Not all_deps_blocking_checks_passed(): a hand-built
#   mart skips its relationships tests to marts not rebuilt with it, and a skipped check is not a passed one.
BUILT_UPSTREAM_WITHOUT_PUBLISHING = dg.AutomationCondition.any_deps_match(
    (dg.AutomationCondition.newly_updated()
     & ~dg.AutomationCondition.executed_with_root_target()
     & ~dg.AutomationCondition.executed_with_tags(tag_values=PUBLISHING_RUN_TAG))
    | dg.AutomationCondition.will_be_requested()
).with_label("built upstream by a run that does not publish")
NO_BLOCKING_CHECK_FAILED_UPSTREAM = ~dg.AutomationCondition.any_deps_match(
    dg.AutomationCondition.any_checks_match(dg.AutomationCondition.check_failed(), blocking_only=True)
).with_label("no blocking check failed upstream")
# what resets it: its own request, or a publish seen on a tick without an unpublished build upstream
PUBLISHED = dg.AutomationCondition.newly_requested() | (
    dg.AutomationCondition.newly_updated() & ~BUILT_UPSTREAM_WITHOUT_PUBLISHING)
PUBLISH_CONDITION = (
    BUILT_UPSTREAM_WITHOUT_PUBLISHING.since(PUBLISHED)
    & ~dg.AutomationCondition.any_deps_missing()
    & ~dg.AutomationCondition.any_deps_in_progress()
    & ~dg.AutomationCondition.in_progress()
    & NO_BLOCKING_CHECK_FAILED_UPSTREAM
).with_label("after an upstream build that did not publish, unless a blocking check failed")

@dg.asset(
    deps=[dbt_models],
    group_name="publish",
    kinds={"duckdb"},
    automation_condition=PUBLISH_CONDITION,
    description="The warehouse file analysts open (GWR_WAREHOUSE), replaced by copy and atomic rename only after "
    "ingest, parse, load and every dbt model and test have succeeded.",
)
def published_warehouse(context: dg.AssetExecutionContext, paths: WarehousePaths) -> dg.MaterializeResult:
    p = paths.paths()
    publish(p.build_db, p.warehouse)
    progress.info("published %s", p.warehouse)
    return dg.MaterializeResult(metadata={"path": str(p.warehouse), "bytes": p.warehouse.stat().st_size})
