"""dbt models as Dagster assets: staging -> intermediate -> marts, with dbt tests as asset checks."""

import logging
from collections.abc import Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from orchestration.defs.dbt_project import dbt_project
from orchestration.defs.resources import WarehousePaths, point_dbt_at

progress = logging.getLogger("gwr.progress")


class Translator(DagsterDbtTranslator):
    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        # models keyed by name alone (fct_targets); sources stay raw/<table> to meet the load step's assets
        if dbt_resource_props["resource_type"] == "model":
            return dg.AssetKey(dbt_resource_props["name"])
        if dbt_resource_props["resource_type"] == "seed":
            return dg.AssetKey(["dictionaries", dbt_resource_props["name"]])
        return super().get_asset_key(dbt_resource_props)

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        # group = the model's folder (staging, intermediate, marts); seeds are the dictionaries
        if dbt_resource_props["resource_type"] == "seed":
            return "dictionaries"
        fqn = dbt_resource_props.get("fqn", [])
        return fqn[1] if len(fqn) > 2 else None


translator = Translator(
    settings=DagsterDbtTranslatorSettings(enable_asset_checks=True, enable_source_tests_as_checks=True)
)


@dbt_assets(manifest=dbt_project.manifest_path, project=dbt_project, dagster_dbt_translator=translator)
def dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, paths: WarehousePaths):
    point_dbt_at(paths.paths())
    progress.info("running dbt build")
    # fetch_row_counts() would keep an in-process dbt adapter connection open on the build file, which then
    # refuses the differently configured connections of the later steps; row counts are added at publish.
    yield from dbt.cli(["build"], context=context).stream()
