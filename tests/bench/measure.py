"""Wall time and peak memory of a command's whole process tree (the build, its Dagster step processes, dbt)."""
from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss_mb: float  # sum of the tree's resident sets at the worst moment (counts shared pages once per process)
    peak_pss_mb: float  # the same with shared pages split between their processes: what the tree really occupies
    returncode: int
    stdout: str
    stderr: str


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            # the parent pid is the 2nd field after the parenthesised name, which may itself hold spaces
            stat = Path(entry.path, "stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _tree(root: int) -> list[int]:
    tree, out, todo = _children(), [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(tree.get(pid, []))
    return out


def _memory_kb(pid: int) -> tuple[int, int]:
    rss = pss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1])
            elif line.startswith("Pss:"):
                pss = int(line.split()[1])
    except (OSError, ValueError):
        pass
    return rss, pss


def run_measured(cmd: list[str], env: dict | None = None, cwd: Path | None = None, interval: float = 0.25) -> Run:
    """/proc polling rather than psutil (not installed) or getrusage (gives the largest single child, not the sum)."""
    peak = [0, 0]
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def poll() -> None:
        while not done.is_set():
            totals = [_memory_kb(pid) for pid in _tree(proc.pid)]
            peak[0] = max(peak[0], sum(t[0] for t in totals))
            peak[1] = max(peak[1], sum(t[1] for t in totals))
            done.wait(interval)

    t0 = time.perf_counter()
    watcher = threading.Thread(target=poll, daemon=True)
    watcher.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - t0
    done.set()
    watcher.join()
    return Run(seconds, peak[0] / 1024, peak[1] / 1024, proc.returncode, out, err)
