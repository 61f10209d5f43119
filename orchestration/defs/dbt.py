"""dbt models as Dagster assets: staging -> intermediate -> marts, with dbt tests as asset checks."""

import logging
from collections.abc import Mapping
from functools import cached_property
from importlib.metadata import version as installed_version
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from orchestration.defs.dbt_project import dbt_project
from orchestration.defs.previews import open_for_counts, relation_of, table_metadata
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


class _DbtCli(DbtCliResource):
    """The dbt CLI resource without two start-up costs the per-report refresh paid on every run (4 s of ~25 s):
    `dbt --version` in a subprocess (1.7 s) to learn the version of the venv's own dbt-core, and a dbt adapter set up
    in this process (2.7 s with dbt's imports) that dagster-dbt uses only for column metadata and row counts, which
    with_row_counts fetches itself. Returning no adapter is dagster-dbt's own path for engines without one."""

    @cached_property
    def _cli_version(self):
        from packaging.version import Version

        return Version(installed_version("dbt-core"))

    def _initialize_dbt_core_adapter(self, args):
        return None


def _fast(dbt: DbtCliResource) -> DbtCliResource:
    if isinstance(dbt, _DbtCli) or type(dbt) is not DbtCliResource:
        return dbt
    return _DbtCli(project_dir=dbt.project_dir, global_config_flags=list(dbt.global_config_flags),
                   profiles_dir=dbt.profiles_dir, profile=dbt.profile, target=dbt.target,
                   dbt_executable=dbt.dbt_executable, state_path=dbt.state_path)


# dbt's source tests (not_null on raw.*) still run inside `dbt build` and fail its step, but are not declared as
# checks of the raw assets: Dagster exempts an asset step that checks a table from waiting for that table's other
# blocking checks, so declaring them let dbt run, and the warehouse be published, past a failed evidence check.
translator = Translator(
    settings=DagsterDbtTranslatorSettings(enable_asset_checks=True, enable_source_tests_as_checks=False)
)


def with_row_counts(events: list, manifest: Mapping[str, Any], build_db) -> list:
    """dbt's events with row counts (and a preview for marts) added to every table dbt wrote (views: none).

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
            # count(*) on a view runs its whole query (every figure of every report, at 10,000 reports seconds
            # per view); views keep no rows of their own, so only tables and seeds get a count
            materialized = (node or {}).get("config", {}).get("materialized")
            if (isinstance(event, dg.Output) and node and node.get("resource_type") in ("model", "seed")
                    and materialized != "view"):
                con = con or open_for_counts(build_db)
                schema, table = relation_of(node)
                extra = table_metadata(con, schema, table, with_preview=schema == "marts")
                event = event.with_metadata({**event.metadata, **extra})
            enriched.append(event)
    finally:
        if con is not None:
            con.close()
    return enriched


@dbt_assets(manifest=dbt_project.manifest_path, project=dbt_project, dagster_dbt_translator=translator)
def dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, paths: WarehousePaths):
    build_db = paths.paths().build_db
    point_dbt_at(paths.paths())
    progress.info("running dbt build")
    # Unit tests check the models' SQL on fixed inputs, not the data: CI runs them (tests/dbt); a refresh need not.
    # One target folder per warehouse, kept between runs: dbt's partial_parse.msgpack is valid only for the
    # database path it was parsed with, and a fresh folder per run (dagster-dbt's default) got a copy from the
    # project's target/, parsed for whichever warehouse ran `dbt parse` last: a full parse, 2 s, on every refresh.
    invocation = _fast(dbt).cli(["build", "--exclude-resource-type", "unit_test"], context=context,
                         target_path=paths.paths().work_dir / "dbt_target")
    events: list = []
    try:
        events.extend(invocation.stream())
    except Exception:
        # a failed dbt test raises at the end of the stream: what did succeed is still reported, then the failure
        yield from with_row_counts(events, invocation.manifest, build_db)
        raise
    yield from with_row_counts(events, invocation.manifest, build_db)
