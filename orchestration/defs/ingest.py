"""Ingest: inbox file -> normalised report text (or a rejection with its reason), one partition per file."""

import logging

import dagster as dg

from orchestration.defs.partitions import report_partitions
from orchestration.defs.resources import WarehousePaths
from orchestration.steps.ingest import ingest_file
from orchestration.storage.inbox import list_inbox

progress = logging.getLogger("gwr.progress")


@dg.asset(
    partitions_def=report_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),  # thousands of files, one run (STACK.md item 16)
    group_name="ingest",
    kinds={"python"},
    description="Each inbox file read, its encoding detected, its text normalised (full-width forms, traditional "
    "script, web boilerplate) and given a content-hash report_id; unusable files get a reason instead.",
)
def report_texts(context: dg.AssetExecutionContext, paths: WarehousePaths) -> dg.MaterializeResult:
    p = paths.paths()
    listing = {f.key: f for f in list_inbox(p.inbox)}
    results = []
    for i, key in enumerate(context.partition_keys, 1):
        f = listing.get(key)
        if f is None:
            context.log.warning(f"{key} is no longer in the inbox; its earlier rows are kept and marked withdrawn.")
            continue
        r = ingest_file(p.parts_dir, f)
        results.append(r)
        if r.status != "accepted":
            context.log.warning(f"Rejected {key}: {r.reason}")
        progress.info("read %d/%d %s", i, len(context.partition_keys), key)
    accepted = [r for r in results if r.status == "accepted"]
    metadata = {
        "files": len(results),
        "accepted": len(accepted),
        "rejected": len(results) - len(accepted),
        "unchanged_since_last_read": sum(r.reused for r in results),
        "characters": sum(r.n_chars for r in accepted),
    }
    if len(results) == 1:
        r = results[0]
        metadata.update(source_file=r.key, status=r.status, encoding=r.encoding or "", reason=r.reason or "",
                        report_id=r.report_id or "")
    return dg.MaterializeResult(metadata=metadata)
