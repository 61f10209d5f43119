"""New reports flow in under the real daemon (`dagster dev`, as `python3 dev.py ui` runs it): files dropped into the
inbox are noticed by the sensor, parsed, loaded and published without anyone starting a run; a removed file's
report is then marked withdrawn."""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import REPO, SAMPLES

pytestmark = pytest.mark.slow
DAGSTER_YAML = "run_queue:\n  max_concurrent_runs: 1\ntelemetry:\n  enabled: false\n"  # what dev.py writes
WAIT = 600  # generous: the machine may be busy; a hang, not slowness, is what this catches


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(proc: subprocess.Popen) -> None:
    # dagster dev ignores signals sent to it alone in the background: signal its whole process group (STACK.md 10)
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
        if proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(wait)


def reports(warehouse: Path) -> dict[str, bool] | None:
    """source_file -> withdrawn, as an analyst would read it; None while nothing is published."""
    if not warehouse.exists():
        return None
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return dict(con.execute("select source_file, withdrawn from marts.dim_reports").fetchall())
    finally:
        con.close()


def wait_for(what, proc: subprocess.Popen, log: Path, timeout: float = WAIT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, log.read_text(errors="replace")[-3000:]
        result = what()
        if result:
            return result
        time.sleep(2)
    pytest.fail(f"timed out; dagster dev log ends:\n{log.read_text(errors='replace')[-3000:]}")


def test_dropped_files_are_published_and_a_removed_one_withdrawn_by_the_daemon(tmp_path, dbt_manifest):
    home, inbox, warehouse = tmp_path / "home", tmp_path / "inbox", tmp_path / "wh" / "warehouse.duckdb"
    home.mkdir()
    (home / "dagster.yaml").write_text(DAGSTER_YAML, encoding="utf-8")
    inbox.mkdir()
    names = [p.name for p in sorted(SAMPLES.glob("*.txt"))[:2]]
    for name in names:
        shutil.copyfile(SAMPLES / name, inbox / name)
    env = {k: v for k, v in os.environ.items() if not k.startswith("GWR_")}
    env.update(DAGSTER_HOME=str(home), GWR_INBOX=str(inbox), GWR_WAREHOUSE=str(warehouse),
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    log = tmp_path / "dagster_dev.log"
    with open(log, "wb") as out:
        command = [str(Path(sys.executable).with_name("dagster")), "dev", "-w", str(REPO / "workspace.yaml"),
                   "-h", "127.0.0.1", "-p", str(free_port())]
        proc = subprocess.Popen(command, cwd=REPO, env=env, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)
    try:
        published = wait_for(lambda: (r := reports(warehouse)) and len(r) == 2 and r, proc, log)
        assert published == {name: False for name in names}
        (inbox / names[0]).unlink()
        withdrawn = wait_for(lambda: (r := reports(warehouse)) and r.get(names[0]) and r, proc, log)
        assert withdrawn == {names[0]: True, names[1]: False}
    finally:
        stop(proc)
