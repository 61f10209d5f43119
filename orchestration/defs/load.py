"""Load: every report's parts -> the `raw` schema of the private build database (the single DuckDB writer)."""

import logging

import dagster as dg
from dagster_duckdb import DuckDBResource

from orchestration.defs.checks import RAW_CHECK_SPECS, raw_check_results
from orchestration.defs.parse import parsed_reports
from orchestration.defs.resources import WarehousePaths
from orchestration.storage.inbox import list_inbox
from orchestration.storage.loader import load_parts
from orchestration.storage.publish import recover_build_db
from orchestration.storage.raw_tables import RAW_TABLES

progress = logging.getLogger("gwr.progress")

RAW_DESCRIPTIONS = {
    "report_files": "Every inbox file of the last build: accepted, rejected (with a reason), duplicate or withdrawn.",
    "report_texts": "Normalised text of each accepted report, keyed by its content hash.",
    "reports": "Report metadata: district, city, province, years, delivery date, meeting, abstract flag.",
    "sections": "The section tree of each report with kinds (review, plan ...) and the years they cover.",
    "figures": "Every number with a unit found in a report, bound to an indicator where an alias matched.",
    "projects": "Named projects with status and investment amount.",
    "topic_counts": "Topic word counts per report and section kind (policy attention).",
}


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["raw", table], deps=[parsed_reports], group_name="load", kinds={"duckdb"},
                     description=RAW_DESCRIPTIONS[table])
        for table in RAW_TABLES
    ],
    check_specs=RAW_CHECK_SPECS,
)
def raw_tables(context: dg.AssetExecutionContext, paths: WarehousePaths, duckdb: DuckDBResource):
    p = paths.paths()
    p.work_dir.mkdir(parents=True, exist_ok=True)
    recovered = recover_build_db(p.build_db)
    if recovered:
        context.log.warning(recovered)
    with duckdb.get_connection() as con:
        summary = load_parts(con, p.parts_dir, list_inbox(p.inbox))
    # a connection of its own: DuckDB keeps the load's buffers until its database is closed, and the checks would add
    # theirs on top (the largest step of a 10,000-report build)
    with duckdb.get_connection() as con:
        checks = list(raw_check_results(con))
    progress.info("loaded %d reports (%d rejected, %d duplicate, %d withdrawn)", summary.accepted + summary.withdrawn,
                  summary.rejected, summary.duplicate, summary.withdrawn)
    for table in RAW_TABLES:
        meta = {"dagster/row_count": summary.rows[table]}
        if table == "report_files":
            meta.update(accepted=summary.accepted, rejected=summary.rejected, duplicate=summary.duplicate,
                        withdrawn=summary.withdrawn)
        yield dg.MaterializeResult(asset_key=dg.AssetKey(["raw", table]), metadata=meta)
    yield from checks
