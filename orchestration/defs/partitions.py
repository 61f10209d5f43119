"""One dynamic partition per inbox file (key = the file's path relative to the inbox), and how a run over many
partitions fans out: its keys are cut into a few chunks, one op per chunk (Dagster dynamic outputs), so the
multiprocess executor (executors.py) works on as many chunks at once as it has processes while each chunk still
writes only its own per-report parts.
"""
import os

import dagster as dg

from orchestration.dagster_internals import add_metadata_per_partition

report_partitions = dg.DynamicPartitionsDefinition(name="reports")

# Below this many files per chunk, starting one more step process (2-4 s of imports) costs more than it saves.
MIN_KEYS_PER_CHUNK = 25


class ChunkConfig(dg.Config):
    chunks: int = 0  # 0: one chunk per CPU of this machine


def chunk_keys(keys: list[str], chunks: int, min_per_chunk: int = MIN_KEYS_PER_CHUNK) -> list[list[str]]:
    """Contiguous, near-equal slices in key order; never more slices than keys allow at min_per_chunk each."""
    if not keys:
        return []
    n = max(1, min(chunks, len(keys) // min_per_chunk))
    size, extra = divmod(len(keys), n)
    out, start = [], 0
    for i in range(n):
        end = start + size + (1 if i < extra else 0)
        out.append(keys[start:end])
        start = end
    return out


def chunk_planner(name: str) -> dg.OpDefinition:
    """An op that emits the run's partition keys as chunks; one such op per graph-backed asset (op names are unique)."""

    @dg.op(name=name, out=dg.DynamicOut(list), ins={"after": dg.In(dg.Nothing)},
           description="Cuts the run's partition keys into chunks, one per process the executor may run at once.")
    def plan(context: dg.OpExecutionContext, config: ChunkConfig):
        keys = list(context.partition_keys)
        for i, chunk in enumerate(chunk_keys(keys, config.chunks or os.cpu_count() or 1)):
            yield dg.DynamicOutput(chunk, mapping_key=f"chunk_{i:03d}")

    return plan


def partition_metadata(context: dg.AssetExecutionContext, chunks: list[dict], verb: str) -> None:
    """Each partition of the run gets its own metadata (a chunk's "per_partition"); the run's totals (the chunks'
    "counts" summed) go to the run's log. As output metadata they would be copied onto every partition of a
    many-partition run: 702 figures shown for a file that has 185."""
    totals: dict = {}
    per_partition: dict = {}
    for chunk in chunks:
        for name, n in chunk["counts"].items():
            totals[name] = totals.get(name, 0) + n
        per_partition.update(chunk["per_partition"])
    add_metadata_per_partition(context, per_partition)
    context.log.info(f"{verb} in this run: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in totals.items()))
