"""Parse: normalised text -> metadata, section tree, figures, projects and topic counts (per-report Parquet parts)."""

import logging

import dagster as dg

from orchestration.defs.ingest import report_texts
from orchestration.defs.partitions import report_partitions
from orchestration.defs.resources import WarehousePaths
from orchestration.steps.parse import parse_part

progress = logging.getLogger("gwr.progress")


@dg.asset(
    partitions_def=report_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
    deps=[report_texts],
    group_name="parse",
    kinds={"python"},
    description="Every accepted report parsed by orchestration.parsing: metadata, sections, figures bound to "
    "indicators, projects and topic counts, written as Parquet parts that the load step reads in one go.",
)
def parsed_reports(context: dg.AssetExecutionContext, paths: WarehousePaths) -> dg.MaterializeResult:
    p = paths.paths()
    results = []
    for i, key in enumerate(context.partition_keys, 1):
        r = parse_part(p.parts_dir, key)
        results.append(r)
        if r.error:
            context.log.error(f"{key}: {r.error}")
        progress.info("parsed %d/%d %s", i, len(context.partition_keys), key)
    parsed = [r for r in results if r.report_id and not r.error]
    metadata = {
        "reports_parsed": len(parsed),
        "files_rejected": len(results) - len(parsed),
        "figures": sum(r.n_figures for r in parsed),
        "indicator_figures": sum(r.n_indicator_values for r in parsed),
        "projects": sum(r.n_projects for r in parsed),
        "reused_unchanged": sum(r.reused for r in results),
    }
    if len(results) == 1:
        r = results[0]
        metadata.update(source_file=r.key, district=r.district or "", review_year=r.review_year or 0,
                        plan_year=r.plan_year or 0, sections=r.n_sections)
    return dg.MaterializeResult(metadata=metadata)
