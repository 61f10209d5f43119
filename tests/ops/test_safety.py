"""Safe defaults that hold by construction: no shell ever sees a file name, the UI listens on this machine only."""
from __future__ import annotations

import ast

import pytest

from tests.conftest import REPO

SOURCES = sorted((REPO / "orchestration").rglob("*.py")) + [REPO / "dev.py"]
PROCESS_CALLS = {"run", "Popen", "call", "check_call", "check_output", "getoutput", "getstatusoutput"}
SHELL_CALLS = {("os", "system"), ("os", "popen"), ("subprocess", "getoutput"), ("subprocess", "getstatusoutput")}


def calls(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value.id if isinstance(node.func.value, ast.Name) else None
            yield owner, node.func.attr, node


@pytest.mark.parametrize("path", SOURCES, ids=[str(p.relative_to(REPO)) for p in SOURCES])
def test_processes_get_an_argument_list_and_never_a_shell(path):
    for owner, name, node in calls(path):
        where = f"{path.name}:{node.lineno}"
        assert (owner, name) not in SHELL_CALLS, where
        if owner == "subprocess" and name in PROCESS_CALLS:
            assert not any(k.arg == "shell" for k in node.keywords), where
            command = node.args[0] if node.args else next(k.value for k in node.keywords if k.arg == "args")
            assert not isinstance(command, ast.Constant | ast.JoinedStr | ast.BinOp), f"{where}: a command string"


def test_the_ui_listens_on_the_loopback_address_only():
    tree = ast.parse((REPO / "dev.py").read_text(encoding="utf-8"))
    dagster_dev = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and any(
        isinstance(a, ast.Constant) and a.value == "dev" for a in n.args)]
    assert dagster_dev, "dev.py no longer starts `dagster dev`"
    for call in dagster_dev:
        args = [a.value for a in call.args if isinstance(a, ast.Constant)]
        assert "-h" in args and args[args.index("-h") + 1] == "127.0.0.1"


def test_instance_folders_of_killed_builds_are_removed_and_live_ones_kept(tmp_path):
    import os
    import subprocess

    from orchestration.runner import build_instance

    dead = subprocess.Popen(["true"])
    dead.wait()
    orphan = tmp_path / f".dagster-{dead.pid}-abc"
    orphan.mkdir()
    live = tmp_path / f".dagster-{os.getppid()}-def"
    live.mkdir()
    with build_instance(tmp_path):
        pass
    assert not orphan.exists()
    assert live.exists()
    assert not list(tmp_path.glob(f".dagster-{os.getpid()}-*"))
