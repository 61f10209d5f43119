"""Ingest: inbox file -> normalised report text (or a rejection with its reason), one partition per file.

A graph-backed asset: the run's partition keys are cut into chunks read by parallel ops (see partitions.py), and one
last op sums their counts into the asset's metadata.
"""

import logging

import dagster as dg

from orchestration.defs.partitions import chunk_planner, report_partitions
from orchestration.defs.resources import WarehousePaths
from orchestration.progress_files import report_to
from orchestration.steps.ingest import ingest_file
from orchestration.storage.inbox import list_inbox

progress = logging.getLogger("gwr.progress")


@dg.op(description="Reads one chunk of inbox files into per-report parts (ingest.json).")
def ingest_chunk(context: dg.OpExecutionContext, paths: WarehousePaths, keys: list) -> dict:
    p = paths.paths()
    report_to(p.work_dir)  # in a step process of its own, the command line sees progress only this way
    listing = {f.key: f for f in list_inbox(p.inbox)}
    counts = {"files": 0, "accepted": 0, "rejected": 0, "unchanged_since_last_read": 0, "characters": 0}
    single: dict = {}
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
        single = {"source_file": r.key, "status": r.status, "encoding": r.encoding or "", "reason": r.reason or "",
                  "report_id": r.report_id or "", "source_format": r.source_format or ""}
        progress.info("read %d/%d %s", i, len(keys), key)
    return {"counts": counts, "single": single}


@dg.op(out=dg.Out(dg.Nothing), description="Adds up the chunks' counts as the asset's metadata.")
def ingest_summary(context: dg.OpExecutionContext, chunks: list) -> None:
    context.add_output_metadata(_sum(chunks))


def _sum(chunks: list[dict]) -> dict:
    metadata: dict = {}
    for c in chunks:
        for k, v in c["counts"].items():
            metadata[k] = metadata.get(k, 0) + v
    if metadata.get("files") == 1:  # a one-file run (the sensor's) shows that file's outcome
        metadata.update(next(c["single"] for c in chunks if c["single"]))
    return metadata or {"files": 0}


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
