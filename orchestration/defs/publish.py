"""Publish: the finished build database replaces the file analysts query, atomically."""

import logging

import dagster as dg

from orchestration.defs.dbt import dbt_models
from orchestration.defs.resources import WarehousePaths
from orchestration.storage.publish import publish

progress = logging.getLogger("gwr.progress")


@dg.asset(
    deps=[dbt_models],
    group_name="publish",
    kinds={"duckdb"},
    description="The warehouse file analysts open (GWR_WAREHOUSE), replaced by copy and atomic rename only after "
    "ingest, parse, load and every dbt model and test have succeeded.",
)
def published_warehouse(context: dg.AssetExecutionContext, paths: WarehousePaths) -> dg.MaterializeResult:
    p = paths.paths()
    publish(p.build_db, p.warehouse)
    progress.info("published %s", p.warehouse)
    return dg.MaterializeResult(metadata={"path": str(p.warehouse), "bytes": p.warehouse.stat().st_size})
