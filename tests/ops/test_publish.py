"""Publishing replaces the analysts' file whole, and cleans up after a publish that was killed."""
from __future__ import annotations

import subprocess
import sys

import duckdb

from orchestration.storage.publish import STORAGE_CONFIG, publish, recover_build_db, remove_stale_copies, tmp_prefix


def make_db(path, n):
    con = duckdb.connect(str(path), config=dict(STORAGE_CONFIG))
    con.execute("create schema marts")
    con.execute("create table marts.t as select range as i from range(?)", [n])
    con.close()


def count(path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("select count(*) from marts.t").fetchone()[0]
    finally:
        con.close()


def dead_pid() -> int:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True)
    return int(proc.stdout)


def test_publish_replaces_the_file_and_leaves_no_copy_behind(tmp_path):
    build, target = tmp_path / "build.duckdb", tmp_path / "pub" / "w [1].duckdb"
    make_db(build, 3)
    publish(build, target)
    assert count(target) == 3
    make_db(tmp_path / "b2.duckdb", 5)
    publish(tmp_path / "b2.duckdb", target)
    assert count(target) == 5
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]


def test_copies_left_by_a_killed_publish_are_removed_and_live_ones_kept(tmp_path):
    target = tmp_path / "w.duckdb"
    stale = tmp_path / f"{tmp_prefix(target)}{dead_pid()}"
    live = tmp_path / f"{tmp_prefix(target)}{subprocess.os.getpid()}"
    other = tmp_path / f"{tmp_prefix(tmp_path / 'other.duckdb')}{dead_pid()}"
    for p in (stale, live, other):
        p.write_bytes(b"half a copy")
    assert remove_stale_copies(target) == [stale]
    assert live.exists() and other.exists() and not stale.exists()


def test_a_damaged_build_database_is_moved_aside_and_a_locked_one_left_alone(tmp_path):
    build = tmp_path / "build.duckdb"
    assert recover_build_db(build) is None  # nothing there yet
    make_db(build, 3)
    assert recover_build_db(build) is None and count(build) == 3
    script = f"import duckdb, sys; c = duckdb.connect({str(build)!r}); print('open', flush=True); sys.stdin.read()"
    holder = subprocess.Popen([sys.executable, "-c", script],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        assert recover_build_db(build) is None and build.exists()  # another writer: wait for it, never delete
    finally:
        holder.communicate("", timeout=30)
    build.write_bytes(b"half a page of a database" * 500)
    message = recover_build_db(build)
    assert message and "not a valid DuckDB database" in message
    assert not build.exists() and (tmp_path / "build.duckdb.broken").exists()
    make_db(build, 2)  # a fresh one can be created in its place
    assert count(build) == 2


KILLED_MID_COPY = """
import os, shutil, signal, sys
from pathlib import Path
from orchestration.storage import publish as p

def half_then_die(src, dst):
    data = Path(src).read_bytes()
    Path(dst).write_bytes(data[: len(data) // 2])
    os.kill(os.getpid(), signal.SIGKILL)

p.shutil.copyfile = half_then_die
p.publish(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def test_a_publish_killed_half_way_through_the_copy_leaves_the_old_file(tmp_path):
    build, target = tmp_path / "build.duckdb", tmp_path / "pub" / "w.duckdb"
    make_db(build, 3)
    publish(build, target)
    before = target.read_bytes()
    make_db(tmp_path / "b2.duckdb", 5)
    proc = subprocess.run([sys.executable, "-c", KILLED_MID_COPY, str(tmp_path / "b2.duckdb"), str(target)],
                          check=False, capture_output=True, text=True)
    assert proc.returncode == -9, proc.stderr
    assert target.read_bytes() == before and count(target) == 3
    assert any(".publishing-" in p.name for p in target.parent.iterdir())  # the half copy, until the next publish
    publish(tmp_path / "b2.duckdb", target)
    assert count(target) == 5 and sorted(p.name for p in target.parent.iterdir()) == ["w.duckdb"]
