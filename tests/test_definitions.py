"""The code location loads, shows one lineage, and the sensor asks for a run when a report is dropped in."""
from __future__ import annotations

import json
import time

import dagster as dg


def test_definitions_load_with_the_whole_lineage(dbt_manifest):
    from orchestration.definitions import defs

    graph = defs.resolve_asset_graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    for expected in ["report_texts", "parsed_reports", "raw/figures", "raw/reports", "stg_reports__figures",
                     "fct_indicator_values", "fct_targets", "fct_target_vs_prior", "fct_projects", "dim_reports",
                     "dim_sections", "dim_indicators", "rejected_files", "published_warehouse", "dim_governments",
                     "fct_target_escalation", "fct_target_outcomes", "target_escalation_chart"]:
        assert expected in keys, expected
    # ingest -> parse -> raw -> dbt staging -> ... -> marts -> publish, as one connected lineage
    upstream = graph.get(dg.AssetKey("fct_indicator_values")).parent_keys
    assert upstream, "fct_indicator_values has no upstream model"
    assert dg.AssetKey("parsed_reports") in graph.get(dg.AssetKey(["raw", "figures"])).parent_keys
    assert dg.AssetKey(["raw", "figures"]) in graph.get(dg.AssetKey("stg_reports__figures")).parent_keys
    assert dg.AssetKey("fct_indicator_values") in graph.get(dg.AssetKey("published_warehouse")).parent_keys
    # dbt tests surface as asset checks
    assert any(c.asset_key == dg.AssetKey("fct_indicator_values") for c in graph.asset_check_keys)
    assert defs.resolve_job_def("process_reports") and defs.resolve_job_def("refresh_warehouse")


def test_sensor_requests_a_run_for_a_newly_dropped_file(tmp_path, dbt_manifest):
    from orchestration.defs.automation import inbox_sensor
    from orchestration.defs.resources import WarehousePaths

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    paths = WarehousePaths(inbox=str(inbox), warehouse=str(tmp_path / "w.duckdb"))
    with dg.instance_for_test() as instance:
        first = inbox_sensor(dg.build_sensor_context(instance=instance, resources={"paths": paths}))
        assert first.run_requests == []
        (inbox / "新报告.txt").write_text("政府工作报告\n", encoding="utf-8")
        # first look: seen but maybe still being written; second look with no change: ready
        seen = inbox_sensor(dg.build_sensor_context(instance=instance, cursor=first.cursor, resources={"paths": paths}))
        assert seen.run_requests == []
        ready = inbox_sensor(dg.build_sensor_context(instance=instance, cursor=seen.cursor, resources={"paths": paths}))
        assert [r.partition_key for r in ready.run_requests] == ["新报告.txt"]
        assert ready.dynamic_partitions_requests[0].partition_keys == ["新报告.txt"]
        again = inbox_sensor(dg.build_sensor_context(instance=instance, cursor=ready.cursor, resources={"paths": paths}))
        assert again.run_requests == []
        assert "新报告.txt" in json.loads(again.cursor)
        time.sleep(0.01)


def test_dbt_assets_show_nothing_the_ui_cannot_render(dbt_manifest):
    from dagster_dbt import DbtProject

    from orchestration.definitions import defs

    graph = defs.resolve_asset_graph()
    seeds = [k for k in graph.get_all_asset_keys() if k.path[0] == "dictionaries"]
    assert seeds
    for key in seeds:  # a seed has no SQL: no empty "Raw SQL" block at the end of its description
        assert "Raw SQL" not in (graph.get(key).description or ""), key
    assert "Raw SQL" in graph.get(dg.AssetKey("fct_targets")).description  # models keep theirs
    for key in graph.get_all_asset_keys():  # shown as "[DbtProject] (unserializable)"
        assert not any(isinstance(v, DbtProject) for v in graph.get(key).metadata.values()), key
