"""Ingest: inbox file -> normalised report text (or a rejection with its reason), one partition per file.

A graph-backed asset: the run's partition keys are cut into chunks read by parallel ops (see partitions.py), and one
last op gives each partition its own outcome as metadata.
"""

import logging

import dagster as dg

from orchestration.defs.partitions import chunk_planner, partition_metadata, report_partitions
from orchestration.defs.resources import WarehousePaths
from orchestration.per_report.ingest import ingest_file
from orchestration.progress_files import report_to
from orchestration.storage.inbox import list_inbox

progress = logging.getLogger("gwr.progress")


@dg.op(description="Reads one chunk of inbox files into per-report parts (ingest.json).")
def ingest_chunk(context: dg.OpExecutionContext, paths: WarehousePaths, keys: list) -> dict:
    p = paths.paths()
    report_to(p.work_dir)  # in a step process of its own, the command line sees progress only this way
    listing = {f.key: f for f in list_inbox(p.inbox)}
    counts = {"files": 0, "accepted": 0, "rejected": 0, "unchanged_since_last_read": 0, "characters": 0}
    per_file: dict[str, dict] = {}  # what the UI shows on each file's partition, also when many share one run
    for i, key in enumerate(keys, 1):
        f = listing.get(key)
        if f is None:
            context.log.warning(f"{key} is no longer in the inbox; its earlier rows are kept and marked withdrawn.")
            continue
        r = ingest_file(p.parts_dir, f)
        counts["files"] += 1
        counts["unchanged_since_last_read"] += r.reused
        if r.status == "accepted":
            counts["accepted"] += 1
            counts["characters"] += r.n_chars
        else:
            counts["rejected"] += 1
            context.log.warning(f"Rejected {key}: {r.reason}")
        per_file[key] = {"source_file": r.key, "status": r.status, "encoding": r.encoding or "",
                         "reason": r.reason or "", "report_id": r.report_id or "",
                         "source_format": r.source_format or "", "characters": r.n_chars,
                         "unchanged_since_last_read": r.reused}
        progress.info("read %d/%d %s", i, len(keys), key)
    return {"counts": counts, "per_partition": per_file}


@dg.op(out=dg.Out(dg.Nothing), description="Gives each file's partition its own outcome; logs the run's totals.")
def ingest_summary(context: dg.AssetExecutionContext, chunks: list) -> None:
    partition_metadata(context, chunks, "Read")


@dg.graph_asset(
    partitions_def=report_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),  # thousands of files, one run (STACK.md item 16)
    group_name="ingest",
    kinds={"python"},
    description="Each inbox file read, its encoding detected, its text normalised (full-width forms, traditional "
    "script, web boilerplate) and given a content-hash report_id; unusable files get a reason instead.",
)
def report_texts():
    return ingest_summary(chunk_planner("plan_ingest_chunks")().map(ingest_chunk).collect())
