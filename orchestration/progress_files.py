"""Progress of step processes, passed to the command line through small files.

Dagster's multiprocess executor runs the chunk ops in their own processes, so their `gwr.progress` log records never
reach the terminal of `python -m orchestration build`. Each chunk op writes its process's latest "parsed 3/250 key"
message to a file of its own in the build's work folder; the command line adds them up into one bar per verb.
"""
from __future__ import annotations

import logging
import os
import re
import threading
from pathlib import Path

_STEP = re.compile(r"(\w+) (\d+)/(\d+) ")


def folder_of(work_dir: Path) -> Path:
    return work_dir / "progress"


class _LatestToFile(logging.Handler):
    def __init__(self, folder: Path):
        super().__init__(logging.INFO)
        self.folder = folder

    def emit(self, record: logging.LogRecord) -> None:
        if getattr(record, "relayed", False):
            return  # the relay's own sums, logged in the process that reads these files
        try:
            # the pid at write time: step processes are forked from a server that may have set this handler up
            path = self.folder / f"{os.getpid()}.txt"
            tmp = path.with_suffix(".tmp")
            tmp.write_text(record.getMessage(), encoding="utf-8")
            os.replace(tmp, path)
        except OSError:  # progress display must never fail a step
            pass


def report_to(work_dir: Path) -> None:
    """Called by the chunk ops: this process's progress messages also go to the build's progress folder."""
    folder = folder_of(work_dir)
    folder.mkdir(parents=True, exist_ok=True)
    logger = logging.getLogger("gwr.progress")
    logger.setLevel(logging.INFO)
    for h in logger.handlers:
        if isinstance(h, _LatestToFile):
            h.folder = folder
            return
    logger.addHandler(_LatestToFile(folder))


def totals(folder: Path) -> dict[str, int]:
    """Files done so far per verb (read, parsed), added up over the step processes."""
    done: dict[str, int] = {}
    for f in folder.glob("*.txt"):
        try:
            m = _STEP.match(f.read_text(encoding="utf-8"))
        except OSError:
            continue
        if m:
            done[m[1]] = done.get(m[1], 0) + int(m[2])
    return done


class Relay(threading.Thread):
    """Polls the folder and repeats the summed progress on this process's `gwr.progress` logger."""

    def __init__(self, folder: Path, total: int, interval: float = 0.5):
        super().__init__(daemon=True)
        self.folder, self.total, self.interval = folder, total, interval
        self.stop = threading.Event()
        self.shown: dict[str, int] = {}

    def run(self) -> None:
        log = logging.getLogger("gwr.progress")
        while not self.stop.wait(self.interval):
            self.relay(log)
        self.relay(log)

    def relay(self, log: logging.Logger) -> None:
        for verb, done in sorted(totals(self.folder).items()):
            done = min(done, self.total)
            if done != self.shown.get(verb):
                self.shown[verb] = done
                log.info("%s %d/%d %s", verb, done, self.total, "files (all step processes)", extra={"relayed": True})
