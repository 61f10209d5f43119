"""Every use of a private dagster or dagster-dbt API, in one place.

Each one buys seconds that users wait for (see the docstrings) and leans on names that either library may change in
any release without notice. tests/test_dagster_internals.py pins the versions they were last checked against, so a
version bump fails there first: check each override still does what it says, then move the pins.
"""
from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from importlib.metadata import version as installed_version
from typing import Any

import dagster as dg
from dagster._core.events import DagsterEventType
from dagster._core.execution.context.metadata_logging import AssetMetadataHandle, OutputMetadataAccumulator
from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage
from dagster_dbt import DbtCliResource

# the versions these overrides were read against; tests/test_dagster_internals.py fails when the installed ones differ
CHECKED_WITH = {"dagster": "1.13.27", "dagster-dbt": "0.29.27"}

# Per-partition asset events: two per report and asset (and one observation of each parsed report), i.e. 50,000
# for a 10,000-report build.
_PER_PARTITION_EVENTS = {DagsterEventType.ASSET_MATERIALIZATION, DagsterEventType.ASSET_MATERIALIZATION_PLANNED,
                         DagsterEventType.ASSET_OBSERVATION,
                         # one per dbt test and Python check: 170 per refresh, 2 s of SQLite writes, read by no one
                         # (a failed blocking check fails its step, which the run's own events carry)
                         DagsterEventType.ASSET_CHECK_EVALUATION, DagsterEventType.ASSET_CHECK_EVALUATION_PLANNED}


class BuildEventLog(SqliteEventLogStorage):
    """Event log of the throwaway instance a CLI build runs in: every run and step event, but not the per-partition
    asset events, which no one reads once the build is over (the in-memory instance used before kept them only
    until exit). SQLite storage opens a connection per event, ~10 ms: 40,000 of them took longer than parsing the
    10,000 reports. A multiprocess run needs an instance on disk that its step processes can reopen, hence SQLite
    rather than memory. `dagster dev` and the sensor keep Dagster's normal storage and full asset history.
    """

    @classmethod
    def from_config_value(cls, inst_data, config_value):  # the base class builds its own type, not cls
        return cls(inst_data=inst_data, **config_value)

    def store_event(self, event) -> None:
        if event.is_dagster_event and event.dagster_event_type in _PER_PARTITION_EVENTS:
            return
        super().store_event(event)


class FastDbtCli(DbtCliResource):
    """The dbt CLI resource without two start-up costs the per-report refresh paid on every run (4 s of ~25 s):
    `dbt --version` in a subprocess (1.7 s) to learn the version of the venv's own dbt-core, and a dbt adapter set up
    in this process (2.7 s with dbt's imports) that dagster-dbt uses only for column metadata and row counts, which
    defs/dbt.py reads itself after dbt has exited. Returning no adapter is dagster-dbt's own path for engines without one."""

    @cached_property
    def _cli_version(self):
        from packaging.version import Version

        return Version(installed_version("dbt-core"))

    def _initialize_dbt_core_adapter(self, args):
        return None


def without_start_up_costs(dbt: DbtCliResource) -> DbtCliResource:
    """The same dbt resource as a FastDbtCli (a test's own resource subclass is left alone)."""
    if isinstance(dbt, FastDbtCli) or type(dbt) is not DbtCliResource:
        return dbt
    return FastDbtCli(project_dir=dbt.project_dir, global_config_flags=list(dbt.global_config_flags),
                      profiles_dir=dbt.profiles_dir, profile=dbt.profile, target=dbt.target,
                      dbt_executable=dbt.dbt_executable, state_path=dbt.state_path)


def add_metadata_per_partition(context: dg.AssetExecutionContext, per_partition: Mapping[str, Mapping[str, Any]]) -> None:
    """`context.add_asset_metadata(metadata, partition_key=key)` for every partition of a run at once. The public call
    re-reads the run's partition keys from the instance and copies all the metadata gathered so far on every call:
    quadratic in the run's partitions, over four minutes for each of the two summary steps of a 10,000-report build.
    Here the keys are read once and the step's metadata accumulator rebuilt once (2 s); what the run's
    materializations carry is the same."""
    targeted = set(context.partition_keys)
    stray = sorted(set(per_partition) - targeted)
    if stray:
        raise dg.DagsterInvariantViolationError(
            f"Attempted to add metadata for {len(stray)} partition keys that are not being targeted: {stray[:3]}")
    step = context.op_execution_context._step_execution_context
    gathered = dict(step._metadata_accumulator.per_output_metadata)
    for key, metadata in per_partition.items():
        handle = AssetMetadataHandle(asset_key=context.assets_def.key, partition_key=key)
        gathered[handle] = {**gathered.get(handle, {}), **metadata}
    step._metadata_accumulator = OutputMetadataAccumulator(per_output_metadata=gathered)
