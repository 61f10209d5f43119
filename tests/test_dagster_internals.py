"""The overrides of private dagster and dagster-dbt APIs still meet what they override.

When this fails after a version bump: read each override in orchestration/dagster_internals.py against the new
library, fix what moved, then update CHECKED_WITH.
"""
from __future__ import annotations

import inspect
from importlib.metadata import version

import dagster as dg
import pytest
from dagster._core.events import DagsterEventType
from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage
from dagster_dbt import DbtCliResource

from orchestration import dagster_internals
from orchestration.dagster_internals import FastDbtCli, without_start_up_costs
from orchestration.defs.resources import dbt_executable
from orchestration.settings import DBT_PROJECT_DIR


@pytest.mark.parametrize("package", sorted(dagster_internals.CHECKED_WITH))
def test_the_installed_versions_are_the_ones_the_overrides_were_checked_against(package):
    assert version(package) == dagster_internals.CHECKED_WITH[package], (
        f"{package} changed: re-check orchestration/dagster_internals.py, then update CHECKED_WITH"
    )


def test_the_overridden_dbt_members_still_exist_with_the_same_shape():
    assert "_cli_version" in vars(DbtCliResource)
    assert list(inspect.signature(DbtCliResource._initialize_dbt_core_adapter).parameters) == ["self", "args"]
    # the fields without_start_up_costs copies are still the resource's fields
    fields = set(DbtCliResource.model_fields)
    assert {"project_dir", "global_config_flags", "profiles_dir", "profile", "target", "dbt_executable",
            "state_path"} <= fields


def test_the_fast_dbt_resource_knows_its_version_without_starting_dbt():
    dbt = without_start_up_costs(DbtCliResource(project_dir=str(DBT_PROJECT_DIR), profiles_dir=str(DBT_PROJECT_DIR),
                                                  dbt_executable=dbt_executable()))
    assert isinstance(dbt, FastDbtCli)
    assert str(dbt._cli_version) == version("dbt-core")
    assert dbt._initialize_dbt_core_adapter([]) is None


def test_the_event_log_base_still_has_the_hooks_build_event_log_uses():
    assert callable(SqliteEventLogStorage.store_event) and callable(SqliteEventLogStorage.from_config_value)
    for name in ("ASSET_MATERIALIZATION", "ASSET_MATERIALIZATION_PLANNED", "ASSET_OBSERVATION",
                 "ASSET_CHECK_EVALUATION", "ASSET_CHECK_EVALUATION_PLANNED"):
        assert hasattr(DagsterEventType, name)


def test_the_step_context_still_gathers_asset_metadata_where_add_metadata_per_partition_writes_it():
    from dagster._core.execution.context.metadata_logging import AssetMetadataHandle, OutputMetadataAccumulator
    from dagster._core.execution.context.op_execution_context import OpExecutionContext
    from dagster._core.execution.context.system import StepExecutionContext

    assert "_step_execution_context" in OpExecutionContext.__slots__
    assert "self._metadata_accumulator = OutputMetadataAccumulator.empty()" in inspect.getsource(StepExecutionContext)
    handle = AssetMetadataHandle(asset_key=dg.AssetKey("parsed_reports"), partition_key="a.txt")
    gathered = OutputMetadataAccumulator(per_output_metadata={handle: {"figures": 3}})
    # what the step reads back for each partition's materialization
    assert gathered.get_asset_metadata(dg.AssetKey("parsed_reports"), "a.txt") == {"figures": 3}
