"""`dagster dev` for tests: started on a free 127.0.0.1 port with its own DAGSTER_HOME, inbox and warehouse, waited
for until its code location is loaded, and stopped with its whole process group (STACK.md items 10-11)."""
from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO

WAIT = 600  # generous: the machine may be busy; a hang, not slowness, is what the tests that wait catch


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def graphql(port: int, query: str) -> dict:
    req = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql",
        data=json.dumps({"query": query}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.loads(resp.read())


def wait_until_loaded(port: int, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, "dagster dev exited while starting"
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=2).read()
            body = graphql(
                port,
                "{ workspaceOrError { ... on Workspace { locationEntries { "
                "locationOrLoadError { __typename } loadStatus } } } }",
            )
            entries = body["data"]["workspaceOrError"]["locationEntries"]
            if entries and all(e["loadStatus"] == "LOADED" for e in entries):
                errors = [e for e in entries if e["locationOrLoadError"]["__typename"] != "RepositoryLocation"]
                assert not errors, f"code location failed to load: {errors}"
                return
        except (OSError, KeyError, TypeError):
            pass
        time.sleep(1)
    raise AssertionError("dagster dev did not load the code location in time")


def stop(proc: subprocess.Popen) -> None:
    # dagster dev ignores signals sent to it alone in the background: signal its whole process group (STACK.md 10)
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
        if proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(wait)


@contextlib.contextmanager
def dagster_dev(home: Path, inbox: Path, warehouse: Path, log: Path) -> Iterator[tuple[subprocess.Popen, int]]:
    """The UI and daemon as `python3 dev.py ui` runs them, for this test's folders; yields (process, port)."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GWR_")}
    env.update(
        DAGSTER_HOME=str(home), GWR_INBOX=str(inbox), GWR_WAREHOUSE=str(warehouse),
        # under dagster dev, DbtProject.prepare_if_dev() looks for `dbt` on PATH (STACK.md item 3)
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    )
    command = [str(Path(sys.executable).with_name("dagster")), "dev", "-w", str(REPO / "workspace.yaml"),
               "-h", "127.0.0.1", "-p", str(port)]
    with open(log, "wb") as out:
        proc = subprocess.Popen(command, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    try:
        yield proc, port
    finally:
        stop(proc)


def dev_dagster_yaml() -> str:
    """The dagster.yaml that `python3 dev.py ui` writes (one run at a time)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("dev", REPO / "dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.DAGSTER_YAML


def wait_for(what, proc: subprocess.Popen, log: Path, timeout: float = WAIT):
    """what()'s first true result, polled every 2 s while dagster dev runs; the test fails with the end of its log
    when dagster dev exits or the time is up."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, log.read_text(errors="replace")[-3000:]
        result = what()
        if result:
            return result
        time.sleep(2)
    pytest.fail(f"timed out; dagster dev log ends:\n{log.read_text(errors='replace')[-3000:]}")
