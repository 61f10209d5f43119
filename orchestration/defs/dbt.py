"""dbt models as Dagster assets: staging -> intermediate -> marts, with dbt tests as asset checks."""

import logging
from collections.abc import Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from orchestration.dagster_internals import without_start_up_costs
from orchestration.defs.dbt_project import dbt_project
from orchestration.defs.resources import WarehousePaths, point_dbt_at
from orchestration.reporting.previews import column_types, open_for_counts, preview_markdown, relation_of, row_count

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

    def get_description(self, dbt_resource_props: Mapping[str, Any]) -> str:
        # a seed has no SQL: dagster-dbt's default would end its description with an empty "Raw SQL" block
        if dbt_resource_props["resource_type"] == "seed":
            return dbt_resource_props.get("description") or f"dbt seed {dbt_resource_props['name']}"
        return super().get_description(dbt_resource_props)


# dbt's source tests (not_null on raw.*) are checks of the raw assets, run by `dbt build`: declared, Dagster expects
# their results (undeclared, each one logged a warning in every refresh). The Python checks of raw.figures run in the
# load step itself (defs/checks.py), so dbt still starts only after they have passed.
translator = Translator(
    settings=DagsterDbtTranslatorSettings(enable_asset_checks=True, enable_source_tests_as_checks=True)
)


def table_metadata(con, node: Mapping[str, Any]) -> dict:
    """What the UI shows for one model or seed: its columns with the warehouse's types and dbt's descriptions, and,
    for a table, `dagster/row_count` (marts also a preview). count(*) on a view runs its whole query (at 10,000
    reports seconds per view) and a view keeps no rows of its own, so views get their columns only."""
    schema, table = relation_of(node)
    types = column_types(con, schema, table)
    if types is None:
        return {}
    docs = node.get("columns") or {}
    meta: dict = {"dagster/column_schema": dg.TableSchema(columns=[
        dg.TableColumn(name, type=kind, description=(docs.get(name) or {}).get("description") or None)
        for name, kind in types])}
    if node.get("config", {}).get("materialized") != "view":
        meta["dagster/row_count"] = dg.MetadataValue.int(row_count(con, schema, table))
        if schema == "marts":
            described = {name: (doc or {}).get("description", "") for name, doc in docs.items()}
            meta["preview"] = dg.MetadataValue.md(preview_markdown(con, schema, table, descriptions=described))
    return meta


def with_table_metadata(events: list, manifest: Mapping[str, Any], build_db) -> list:
    """dbt's events with what table_metadata reads from the warehouse added to every model and seed dbt built.

    Counted only after dbt has exited: while it runs, its process holds the only write lock on the build file.
    dagster-dbt's fetch_row_counts() is not used because it keeps an in-process adapter connection open with a
    config that later connections to the same file then conflict with; this one is closed before returning.
    """
    nodes = manifest.get("nodes", {})
    enriched, con = [], None
    try:
        for event in events:
            unique_id = (getattr(event, "metadata", None) or {}).get("unique_id")
            node = nodes.get(str(getattr(unique_id, "value", unique_id)))
            if isinstance(event, dg.Output) and node and node.get("resource_type") in ("model", "seed"):
                con = con or open_for_counts(build_db)
                event = event.with_metadata({**event.metadata, **table_metadata(con, node)})
            enriched.append(event)
    finally:
        if con is not None:
            con.close()
    return enriched


# No `project=`: dagster-dbt would copy the DbtProject object into every asset's metadata, where the UI can only show
# "[DbtProject] (unserializable)"; the resource's project_dir is the same folder.
@dbt_assets(manifest=dbt_project.manifest_path, dagster_dbt_translator=translator)
def dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, paths: WarehousePaths):
    build_db = paths.paths().build_db
    point_dbt_at(paths.paths())
    progress.info("running dbt build")
    # Unit tests check the models' SQL on fixed inputs, not the data: CI runs them (tests/dbt); a refresh need not.
    # One target folder per warehouse, kept between runs: dbt's partial_parse.msgpack is valid only for the
    # database path it was parsed with, and a fresh folder per run (dagster-dbt's default) got a copy from the
    # project's target/, parsed for whichever warehouse ran `dbt parse` last: a full parse, 2 s, on every refresh.
    # A hand-materialized mart runs the tests dbt can judge from it and what is upstream of it ("buildable"): dbt's
    # default also ran the relationships tests of the marts built from it, whose results Dagster did not expect (a
    # warning per test in the run's log). A whole build selects every test directly, so it runs them all.
    invocation = without_start_up_costs(dbt).cli(
        ["build", "--exclude-resource-type", "unit_test", "--indirect-selection", "buildable"], context=context,
        target_path=paths.paths().work_dir / "dbt_target")
    events: list = []
    try:
        events.extend(invocation.stream())
    except Exception:
        # a failed dbt test raises at the end of the stream: what did succeed is still reported, then the failure
        yield from with_table_metadata(events, invocation.manifest, build_db)
        raise
    yield from with_table_metadata(events, invocation.manifest, build_db)
