"""Parse: normalised text -> metadata, section tree, figures, projects and topic counts (per-report Parquet parts).

A graph-backed asset like report_texts: chunks of the run's partitions are parsed by parallel ops, each writing only
its own reports' parts, so the DuckDB build file keeps its single writer (the load step).
"""

import logging

import dagster as dg

from orchestration.defs.partitions import chunk_planner, report_partitions
from orchestration.defs.resources import WarehousePaths
from orchestration.progress_files import report_to
from orchestration.steps.parse import parse_part

progress = logging.getLogger("gwr.progress")


@dg.op(description="Parses one chunk of ingested reports into Parquet parts.")
def parse_chunk(context: dg.OpExecutionContext, paths: WarehousePaths, keys: list) -> dict:
    p = paths.paths()
    report_to(p.work_dir)  # in a step process of its own, the command line sees progress only this way
    counts = {"reports_parsed": 0, "files_rejected": 0, "figures": 0, "indicator_figures": 0, "projects": 0,
              "reused_unchanged": 0}
    single: dict = {}
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
        single = {"source_file": r.key, "district": r.district or "", "review_year": r.review_year or 0,
                  "plan_year": r.plan_year or 0, "sections": r.n_sections}
        # Each report partition shows what was found in it, also when many partitions share one run.
        context.log_event(dg.AssetObservation(
            asset_key="parsed_reports", partition=key,
            metadata={"source_format": r.source_format or "",
                      "district": r.district or "", "review_year": r.review_year or 0, "plan_year": r.plan_year or 0,
                      "figures": r.n_figures, "indicator_figures": r.n_indicator_values, "projects": r.n_projects,
                      "status": "rejected: " + r.error if r.error else ("parsed" if r.report_id else "rejected")}))
        progress.info("parsed %d/%d %s", i, len(keys), key)
    return {"counts": counts, "single": single, "n": len(keys)}


@dg.op(out=dg.Out(dg.Nothing), description="Adds up the chunks' counts as the asset's metadata.")
def parse_summary(context: dg.OpExecutionContext, chunks: list) -> None:
    metadata: dict = {}
    for c in chunks:
        for k, v in c["counts"].items():
            metadata[k] = metadata.get(k, 0) + v
    if sum(c["n"] for c in chunks) == 1:  # a one-file run (the sensor's) shows that report's outline
        metadata.update(next(c["single"] for c in chunks if c["single"]))
    context.add_output_metadata(metadata or {"reports_parsed": 0})


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
