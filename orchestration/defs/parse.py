"""Parse: normalised text -> metadata, section tree, figures, projects and topic counts (per-report Parquet parts).

A graph-backed asset like report_texts: chunks of the run's partitions are parsed by parallel ops, each writing only
its own reports' parts, so the DuckDB build file keeps its single writer (the load step).
"""

import logging

import dagster as dg

from orchestration.defs.partitions import chunk_planner, partition_metadata, report_partitions
from orchestration.defs.resources import WarehousePaths
from orchestration.per_report.parse import parse_part
from orchestration.progress_files import report_to

progress = logging.getLogger("gwr.progress")


@dg.op(description="Parses one chunk of ingested reports into Parquet parts.")
def parse_chunk(context: dg.OpExecutionContext, paths: WarehousePaths, keys: list) -> dict:
    p = paths.paths()
    report_to(p.work_dir)  # in a step process of its own, the command line sees progress only this way
    counts = {"reports_parsed": 0, "files_rejected": 0, "figures": 0, "indicator_figures": 0, "projects": 0,
              "reused_unchanged": 0}
    per_report: dict[str, dict] = {}
    for i, key in enumerate(keys, 1):
        r = parse_part(p.parts_dir, key)
        counts["reused_unchanged"] += r.reused
        if r.error:
            context.log.error(f"{key}: {r.error}")
        if r.report_id and not r.error:
            counts["reports_parsed"] += 1
            counts["figures"] += r.n_figures
            counts["indicator_figures"] += r.n_indicator_values
            counts["projects"] += r.n_projects
        else:
            counts["files_rejected"] += 1
        # what the UI shows on this report's partition: its own counts, also when many partitions share one run
        per_report[key] = {
            "source_format": r.source_format or "",
            "district": r.district or "", "review_year": r.review_year or 0, "plan_year": r.plan_year or 0,
            "sections": r.n_sections, "figures": r.n_figures, "indicator_figures": r.n_indicator_values,
            "projects": r.n_projects, "reused_unchanged": r.reused,
            "status": "rejected: " + r.error if r.error else ("parsed" if r.report_id else "rejected")}
        progress.info("parsed %d/%d %s", i, len(keys), key)
    return {"counts": counts, "per_partition": per_report}


@dg.op(out=dg.Out(dg.Nothing), description="Gives each report partition its own counts; logs the run's totals.")
def parse_summary(context: dg.AssetExecutionContext, chunks: list) -> None:
    partition_metadata(context, chunks, "Parsed")


@dg.graph_asset(
    partitions_def=report_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
    ins={"report_texts": dg.AssetIn(dagster_type=dg.Nothing)},
    group_name="parse",
    kinds={"python"},
    description="Every accepted report parsed by orchestration.parsing: metadata, sections, figures bound to "
    "indicators, projects and topic counts, written as Parquet parts that the load step reads in one go.",
)
def parsed_reports(report_texts):
    return parse_summary(chunk_planner("plan_parse_chunks")(report_texts).map(parse_chunk).collect())
