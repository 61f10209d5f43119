"""Publish the build database onto the file analysts open, atomically.

DuckDB allows one writer or many readers per file across processes, so the pipeline never writes the published file
in place: it copies the finished build next to it and renames it over the old one (STACK.md item 8). A reader that
has the old file open keeps its snapshot until it reconnects; a crash at any moment leaves the old file whole.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb

# DuckDB 2.0 files are unreadable by the DuckDB 1.x inside many SQL clients; write the older format.
STORAGE_CONFIG = {"storage_compatibility_version": "v1.5.0"}


def connect_build(path: Path) -> duckdb.DuckDBPyConnection:
    path.parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(path), config=dict(STORAGE_CONFIG))


def recover_build_db(path: Path) -> str | None:
    """Move a build database that DuckDB cannot open out of the way; returns what was done, or None.

    The build database holds nothing that is not rebuilt from the parts (the raw tables are reloaded and every dbt
    model rebuilt on each refresh), so a damaged one costs nothing to replace, while keeping it would fail every
    build from now on. A lock held by another writer is not damage: the caller's retries wait for it.
    """
    if not path.exists():
        return None
    try:
        duckdb.connect(str(path), config=dict(STORAGE_CONFIG)).close()
        return None
    except duckdb.Error as e:
        if "lock" in str(e).lower():
            return None
        problem = str(e).splitlines()[0]
    broken = path.with_name(f"{path.name}.broken")  # one copy kept for a post-mortem
    os.replace(path, broken)
    wal = path.with_name(f"{path.name}.wal")
    if wal.exists():
        os.replace(wal, path.with_name(f"{broken.name}.wal"))
    return f"The build database could not be opened ({problem}); it was moved to {broken.name} and rebuilt."


def tmp_prefix(target: Path) -> str:
    return f".{target.name}.publishing-"


def remove_stale_copies(target: Path) -> list[Path]:
    """Half-written copies left by a publish that was killed (their process is gone) only take disk space."""
    removed = []
    prefix = tmp_prefix(target)
    for tmp in (p for p in target.parent.iterdir() if p.name.startswith(prefix)):  # not glob: names may hold [ ]
        pid = tmp.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            tmp.unlink(missing_ok=True)
            removed.append(tmp)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def publish(build_db: Path, target: Path) -> None:
    con = duckdb.connect(str(build_db))
    try:
        con.execute("CHECKPOINT")  # fold the WAL into the file so the copy is complete on its own
    finally:
        con.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_copies(target)
    tmp = target.with_name(f"{tmp_prefix(target)}{os.getpid()}")
    try:
        shutil.copyfile(build_db, tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    dir_fd = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
