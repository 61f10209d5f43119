"""`python -m tests.bench.add_one INBOX WAREHOUSE KEY...`: the per-report path, timed from inside the process.

Prints one JSON line: total seconds and its phases (imports, preparation with dbt's manifest, the partition's
ingest and parse run, refresh_warehouse).
"""
from __future__ import annotations

import json
import sys
import time


def main(argv: list[str]) -> int:
    t0 = time.perf_counter()
    inbox, warehouse, keys = argv[0], argv[1], argv[2:]
    from orchestration import runner

    timing: dict[str, float] = {"imports_seconds": time.perf_counter() - t0}

    def timed(name: str, fn):
        def wrapper(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                timing[f"{name}_seconds"] = time.perf_counter() - t
        return wrapper

    # phases timed by wrapping the runner's own steps, so the runner needs no timing code
    runner._prepare = timed("prepare", runner._prepare)
    runner._process = timed("process", runner._process)
    runner._refresh = timed("refresh", runner._refresh)
    summary = runner.add_reports(inbox, warehouse, keys)
    summary.pop("_rejected", None)
    print(json.dumps({"seconds": time.perf_counter() - t0, **timing, "summary": summary}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
