"""`python -m tests.bench.add_one INBOX WAREHOUSE KEY...`: the per-report path, timed from inside the process.

Prints one JSON line: total seconds, and the part after imports and dbt's manifest preparation.
"""
from __future__ import annotations

import json
import sys
import time


def main(argv: list[str]) -> int:
    t0 = time.perf_counter()
    inbox, warehouse, keys = argv[0], argv[1], argv[2:]
    from orchestration import runner

    original, timing = runner._refresh, {}

    def timed_refresh(defs, instance):
        t = time.perf_counter()
        original(defs, instance)
        timing["refresh_seconds"] = time.perf_counter() - t

    runner._refresh = timed_refresh  # to split parse and refresh times without changing the runner
    summary = runner.add_reports(inbox, warehouse, keys)
    summary.pop("_rejected", None)
    print(json.dumps({"seconds": time.perf_counter() - t0, **timing, "summary": summary}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
