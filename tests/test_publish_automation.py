"""The published file follows whatever is materialized by hand, unless a blocking check upstream failed (issue 15).

Evaluated with Dagster's own evaluator on the real definitions; materializations and check results are reported to a
test instance instead of being run, so no warehouse is built.
"""
from __future__ import annotations

import dagster as dg
import pytest

PUBLISH = {dg.AssetKey("published_warehouse"), dg.AssetKey("target_chart")}


@pytest.fixture()
def defs(dbt_manifest):
    from orchestration.definitions import defs

    return defs


def report(instance: dg.DagsterInstance, *keys: dg.AssetKey) -> None:
    for key in keys:
        instance.report_runless_asset_event(dg.AssetMaterialization(key))


def requested(defs, instance, cursor=None):
    result = dg.evaluate_automation_conditions(defs=defs, instance=instance, cursor=cursor)
    return {key for key in PUBLISH if result.get_num_requested(key)}, result.cursor


def test_one_mart_materialized_by_hand_is_published_with_its_chart(defs):
    graph = defs.resolve_asset_graph()
    upstream = [k for k in graph.get_all_asset_keys() if k not in PUBLISH and not graph.get(k).is_partitioned]
    with dg.instance_for_test() as instance:
        report(instance, *upstream, *PUBLISH)  # a warehouse built and published
        first, cursor = requested(defs, instance)
        assert first == set()
        report(instance, dg.AssetKey("fct_targets"))  # Materialize on the mart's page
        after_mart, cursor = requested(defs, instance, cursor)
        assert after_mart == PUBLISH
        again, _ = requested(defs, instance, cursor)  # once requested, not again
        assert again == set()


def test_a_failed_blocking_check_upstream_holds_the_publish_back(defs):
    graph = defs.resolve_asset_graph()
    upstream = [k for k in graph.get_all_asset_keys() if k not in PUBLISH and not graph.get(k).is_partitioned]
    check = next(c for c in graph.asset_check_keys if c.asset_key == dg.AssetKey("fct_targets")
                 and graph.get_check_spec(c).blocking)
    with dg.instance_for_test() as instance:
        report(instance, *upstream, *PUBLISH)
        _, cursor = requested(defs, instance)
        report(instance, dg.AssetKey("fct_targets"))
        instance.report_runless_asset_event(dg.AssetCheckEvaluation(
            asset_key=check.asset_key, check_name=check.name, passed=False, severity=dg.AssetCheckSeverity.ERROR))
        held, _ = requested(defs, instance, cursor)
        assert held == set()


def test_a_mart_built_while_a_rebuild_publishes_is_published_too(defs):
    """The rebuild's publish and the hand-built mart land in the same tick of the sensor: the mart is newer than
    what that publish copied, so one more publish is due."""
    graph = defs.resolve_asset_graph()
    upstream = [k for k in graph.get_all_asset_keys() if k not in PUBLISH and not graph.get(k).is_partitioned]
    with dg.instance_for_test() as instance:
        report(instance, *upstream, *PUBLISH)
        _, cursor = requested(defs, instance)
        report(instance, *PUBLISH)
        report(instance, dg.AssetKey("fct_targets"))
        same_tick, _ = requested(defs, instance, cursor)
        assert same_tick == PUBLISH


def test_the_jobs_that_publish_are_tagged_so_their_builds_do_not_publish_twice(defs):
    from orchestration.defs.publish import PUBLISHING_RUN_TAG

    for name in ("refresh_warehouse", "rebuild_warehouse"):
        job = defs.resolve_job_def(name)
        assert PUBLISH <= job.asset_layer.executable_asset_keys
        assert PUBLISHING_RUN_TAG.items() <= job.run_tags.items(), name
    assert not PUBLISH & defs.resolve_job_def("process_reports").asset_layer.executable_asset_keys
