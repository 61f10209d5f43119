"""SIGKILL at any moment of a build leaves the published warehouse whole and unchanged, and the next build succeeds
with the same tables as a clean build (the private build database and the parts recover by themselves)."""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import threading
import time

import pytest

from tests.conftest import REPO, SAMPLES
from tests.ops.build import BUILD_TIMEOUT, build_command, child_env, query, run_build, snapshot

pytestmark = pytest.mark.slow

# Moments to kill at: a line the build prints on stderr, then a delay in seconds. Parts written by one killed run are
# reused by the next, so each run gets at least as far as the one before.
KILL_POINTS = [
    ("parsed 1/", 0.0),  # reading and parsing, parts half written
    ("[2/2]", 0.0),  # loading the raw tables
    ("loaded", 0.0),  # checks on the raw tables
    ("running dbt build", 1.0),  # dbt (a child process) writing models
    ("running dbt build", 4.0),
    ("published", 0.0),  # after the rename, while the summary is read
]
PARENT_ONLY = 3  # this one kills the build process alone: its dbt child is orphaned and may still be writing


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def killed_build(inbox, warehouse, marker: str, delay: float, whole_group: bool) -> tuple[bool, str]:
    """Start a build and SIGKILL it `delay` s after it prints `marker`; (did it end before the kill, its stderr)."""
    proc = subprocess.Popen(build_command(inbox, warehouse), cwd=REPO, env=child_env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    watchdog = threading.Timer(BUILD_TIMEOUT, lambda: os.killpg(proc.pid, signal.SIGKILL))
    watchdog.start()
    lines = []
    try:
        for line in proc.stderr:
            lines.append(line)
            if marker in line:
                break
        else:
            proc.wait()
            return True, "".join(lines)
        time.sleep(delay)
        if whole_group:
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        return False, "".join(lines) + proc.stderr.read()
    finally:
        watchdog.cancel()
        proc.stderr.close()


def orphans(root) -> bool:
    """Is a process still working on this test's files? Its environment names the build database (GWR_DBT_PATH)."""
    needle = str(root).encode()
    for entry in os.scandir("/proc"):
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                with open(f"/proc/{entry.name}/environ", "rb") as f:
                    if needle in f.read():
                        return True
            except OSError:
                continue
    return False


def test_killing_the_build_at_any_moment_leaves_the_last_good_warehouse(tmp_path, sample_warehouse):
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES, inbox)
    warehouse = tmp_path / "published" / "warehouse.duckdb"
    warehouse.parent.mkdir()
    shutil.copyfile(sample_warehouse, warehouse)  # the last good build: the same five reports
    good, good_tables = digest(warehouse), snapshot(warehouse)
    outcomes = []
    for i, (marker, delay) in enumerate(KILL_POINTS):
        finished, stderr = killed_build(inbox, warehouse, marker, delay, whole_group=i != PARENT_ONLY)
        outcomes.append((marker, delay, "finished" if finished else "killed"))
        # readable and whole after every kill; byte for byte the same unless the build got to publishing
        assert snapshot(warehouse) == good_tables, outcomes
        if "published" not in stderr:
            assert digest(warehouse) == good, (outcomes, stderr[-2000:])
        good = digest(warehouse)
    assert sum(o[2] == "killed" for o in outcomes) >= len(KILL_POINTS) - 1, outcomes

    deadline = time.monotonic() + 120  # an orphaned dbt finishes on its own; it can never publish
    while time.monotonic() < deadline and orphans(tmp_path):
        time.sleep(0.5)
    run_build(inbox, warehouse)
    assert snapshot(warehouse) == good_tables
    assert query(warehouse, "select count(*) from marts.dim_reports")[0][0] == len(list(SAMPLES.glob("*.txt")))
    assert not [p.name for p in warehouse.parent.iterdir() if ".publishing-" in p.name]  # killed copies cleaned
