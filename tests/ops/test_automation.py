"""The sensor, the run-status sensor and the schedule decide the right runs (Dagster test contexts, no real runs)."""
from __future__ import annotations

import os
from datetime import UTC, datetime

import dagster as dg
import pytest

from tests.conftest import SAMPLES


@pytest.fixture
def inbox(tmp_path):
    path = tmp_path / "inbox"
    path.mkdir()
    return path


@pytest.fixture
def tick(inbox, tmp_path, dbt_manifest):
    """Evaluate the inbox sensor once, carrying its cursor from one call to the next."""
    from orchestration.defs.automation import inbox_sensor
    from orchestration.defs.resources import WarehousePaths

    paths = WarehousePaths(inbox=str(inbox), warehouse=str(tmp_path / "w" / "warehouse.duckdb"))
    targets = {job.name for job in inbox_sensor.jobs}
    state = {"cursor": None}
    with dg.instance_for_test() as instance:
        def evaluate() -> dg.SensorResult:
            result = inbox_sensor(dg.build_sensor_context(instance=instance, cursor=state["cursor"],
                                                          resources={"paths": paths}))
            # what the daemon checks before launching: a request for a job the sensor does not target fails the
            # whole tick, and every later one (calling the function alone does not check it)
            assert all(r.job_name in targets for r in result.run_requests), result.run_requests
            state["cursor"] = result.cursor
            for request in result.dynamic_partitions_requests:
                instance.add_dynamic_partitions(request.partitions_def_name, list(request.partition_keys))
            return result

        evaluate.instance = instance
        yield evaluate


def report(name: str) -> bytes:
    return min(SAMPLES.glob("*.txt")).read_bytes() + name.encode()


def partitions(result: dg.SensorResult) -> list[str]:
    return sorted(r.partition_key for r in result.run_requests if r.partition_key)


def test_files_being_written_and_temporary_names_wait(inbox, tick):
    tick()
    (inbox / "a.txt").write_bytes(report("a")[:1000])
    (inbox / "b.txt.part").write_bytes(report("b"))
    (inbox / ".~lock.c.txt").write_bytes(report("c"))
    assert partitions(tick()) == []
    (inbox / "a.txt").write_bytes(report("a"))  # still growing on the second look
    os.utime(inbox / "a.txt", ns=(1, 10**18))
    assert partitions(tick()) == []
    assert partitions(tick()) == ["a.txt"]
    assert partitions(tick()) == []
    assert tick.instance.get_dynamic_partitions("reports") == ["a.txt"]


def test_a_replaced_file_runs_again_under_the_same_partition(inbox, tick):
    (inbox / "a.txt").write_bytes(report("a"))
    tick()
    first = tick().run_requests
    assert [r.partition_key for r in first] == ["a.txt"]
    (inbox / "a.txt").write_bytes(report("a, second version"))
    os.utime(inbox / "a.txt", ns=(1, 2 * 10**18))
    assert tick().run_requests == []
    again = tick().run_requests
    assert [r.partition_key for r in again] == ["a.txt"] and again[0].run_key != first[0].run_key
    assert tick.instance.get_dynamic_partitions("reports") == ["a.txt"]


def test_a_removed_file_requests_a_refresh_each_time_it_is_removed(inbox, tick):
    (inbox / "a.txt").write_bytes(report("a"))
    tick(), tick()
    keys = []
    for _ in range(2):
        moved = inbox.parent / "away.txt"
        (inbox / "a.txt").rename(moved)
        gone = tick()
        assert [r.job_name for r in gone.run_requests] == ["refresh_warehouse"]
        keys.append(gone.run_requests[0].run_key)
        moved.rename(inbox / "a.txt")  # put back unchanged (same size and time): nothing to parse again
        tick(), tick()
    assert keys[0] != keys[1]


def test_the_daily_schedule_covers_every_partition(dbt_manifest):
    from orchestration.defs.automation import daily_rebuild
    from orchestration.defs.partitions import report_partitions

    with dg.instance_for_test() as instance:
        empty = daily_rebuild(dg.build_schedule_context(instance=instance))
        assert isinstance(empty, dg.SkipReason)
        keys = ["b.txt", "a.txt", "nested/c 'd'.txt"]  # in the order the sensor met them, not sorted
        instance.add_dynamic_partitions(report_partitions.name, keys)
        request = daily_rebuild(dg.build_schedule_context(
            instance=instance, scheduled_execution_time=datetime(2026, 1, 2, 3, tzinfo=UTC)))
        start = request.tags["dagster/asset_partition_range_start"]
        end = request.tags["dagster/asset_partition_range_end"]
        with dg.partition_loading_context(dynamic_partitions_store=instance):
            covered = report_partitions.get_partition_keys_in_range(dg.PartitionKeyRange(start, end))
        assert sorted(covered) == sorted(keys)
        assert request.run_key.endswith("2026-01-02")


def _finished_parse_run(instance: dg.DagsterInstance):
    run = instance.add_run(dg.DagsterRun(job_name="process_reports", run_id="parse-run",
                                         status=dg.DagsterRunStatus.SUCCESS))
    event = dg.DagsterEvent(event_type_value="PIPELINE_SUCCESS", job_name="process_reports")
    return run, event


def test_a_successful_parse_run_requests_one_refresh_of_the_warehouse(dbt_manifest):
    from orchestration.defs.automation import refresh_after_parse, refresh_warehouse_job

    with dg.instance_for_test() as instance:
        run, event = _finished_parse_run(instance)
        context = dg.build_run_status_sensor_context(sensor_name="refresh_after_parse", dagster_event=event,
                                                     dagster_instance=instance, dagster_run=run)
        request = refresh_after_parse(context)
        assert isinstance(request, dg.RunRequest) and run.run_id in request.run_key
        assert refresh_after_parse.job_name == refresh_warehouse_job.name
        # a refresh already waiting to start will read every part: no second one
        instance.add_run(dg.DagsterRun(job_name=refresh_warehouse_job.name, run_id="waiting-refresh",
                                       status=dg.DagsterRunStatus.NOT_STARTED))
        assert isinstance(refresh_after_parse(context), dg.SkipReason)


def test_the_job_that_writes_duckdb_runs_its_steps_in_one_process(dbt_manifest):
    from orchestration.definitions import build_definitions
    from orchestration.defs.automation import WRITER_TAG

    job = build_definitions().resolve_job_def("refresh_warehouse")
    assert job.executor_def.name == "in_process"
    assert WRITER_TAG.items() <= job.run_tags.items()
    # and the one-run-at-a-time queue that `python3 dev.py ui` writes into DAGSTER_HOME
    from tests.conftest import REPO

    assert "max_concurrent_runs: 1" in (REPO / "dev.py").read_text(encoding="utf-8")


def test_files_arriving_together_are_processed_in_one_run_over_their_partitions(inbox, tick):
    from orchestration.defs.partitions import report_partitions

    (inbox / "old.txt").write_bytes(report("old"))
    tick(), tick()
    names = ["b.txt", "a.txt", "nested/c 'd'.txt"]
    for name in names:
        (inbox / name).parent.mkdir(exist_ok=True)
        (inbox / name).write_bytes(report(name))
    (inbox / "old.txt").write_bytes(report("old, second version"))
    os.utime(inbox / "old.txt", ns=(1, 3 * 10**18))
    tick()
    result = tick()
    assert partitions(result) == ["old.txt"]  # a changed file keeps its own run
    (block,) = [r for r in result.run_requests if not r.partition_key]
    with dg.partition_loading_context(dynamic_partitions_store=tick.instance):
        covered = report_partitions.get_partition_keys_in_range(block.partition_key_range)
    assert sorted(covered) == sorted(names)
    assert tick().run_requests == []
