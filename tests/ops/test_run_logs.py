"""A healthy run reads as healthy: no warnings in the logs of the sensor's runs, a hand-materialized mart or the
automation that publishes after it (issue 15: every refresh showed 14 warnings about dbt's source tests)."""
from __future__ import annotations

import logging
import shutil

import dagster as dg
import pytest

from orchestration.settings import resolve_paths
from tests.conftest import SAMPLES

pytestmark = pytest.mark.slow  # a build of two reports, then one mart


def warnings_of(instance: dg.DagsterInstance, run_id: str) -> list[str]:
    return [e.user_message for e in instance.all_logs(run_id) if e.level >= logging.WARNING]


def test_the_refresh_and_a_single_mart_log_no_warnings(tmp_path, dbt_manifest):
    from orchestration.definitions import build_definitions

    inbox, warehouse = tmp_path / "inbox", tmp_path / "w.duckdb"
    inbox.mkdir()
    for path in sorted(SAMPLES.glob("*.txt"))[:2]:
        shutil.copy(path, inbox / path.name)
    keys = sorted(p.name for p in inbox.iterdir())
    defs = build_definitions(resolve_paths(inbox, warehouse))
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions("reports", keys)
        tags = {"dagster/asset_partition_range_start": keys[0], "dagster/asset_partition_range_end": keys[-1]}
        process = defs.resolve_job_def("process_reports").execute_in_process(instance=instance, tags=tags)
        refresh = defs.resolve_job_def("refresh_warehouse").execute_in_process(instance=instance)
        # what "Materialize" on one mart's page runs
        one_mart = defs.resolve_implicit_global_asset_job_def().execute_in_process(
            instance=instance, asset_selection=[dg.AssetKey("fct_targets")])
        assert process.success and refresh.success and one_mart.success
        for result in (process, refresh, one_mart):
            assert warnings_of(instance, result.run_id) == [], result.job_def.name
        # dbt's source tests are checks Dagster expects, with results, not observations
        checks = refresh.get_asset_check_evaluations()
        assert any(c.check_name == "source_not_null_raw_figures_report_id" and c.passed for c in checks)
        assert {c.check_name for c in checks if c.asset_key == dg.AssetKey(["raw", "figures"])} >= {
            "figure_evidence_in_text", "figure_codes_allowed"}
        assert not [e for e in refresh.all_events if e.event_type == dg.DagsterEventType.ASSET_OBSERVATION]
