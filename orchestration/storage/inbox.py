"""Which files in the inbox are candidate reports.

Nested folders are read; their files get keys such as `2021/湖北/曾都区.txt`. Dotfiles and files still being
written by a browser or copy tool (.part, .tmp, .crdownload, ~ backups) are skipped. Symbolic links are followed only
when they point inside the inbox, so a link can never pull a file from elsewhere on the machine into the warehouse.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

TEMPORARY_SUFFIXES = (".part", ".partial", ".tmp", ".temp", ".crdownload", ".download", ".swp", "~")


@dataclass(frozen=True)
class InboxFile:
    key: str  # path relative to the inbox, '/' separated: the Dagster partition key and `source_file`
    path: Path
    size: int
    mtime_ns: int
    problem: str | None = None  # why the file cannot be read at all (a link out of the inbox ...)


def is_candidate_name(name: str) -> bool:
    return not name.startswith(".") and not name.lower().endswith(TEMPORARY_SUFFIXES)


def list_inbox(inbox: Path) -> list[InboxFile]:
    inbox = inbox.resolve()
    if not inbox.is_dir():
        return []
    found: list[InboxFile] = []
    for dirpath, dirnames, filenames in os.walk(inbox, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not is_candidate_name(name):
                continue
            path = Path(dirpath) / name
            key = path.relative_to(inbox).as_posix()
            try:
                own = path.lstat()
            except OSError:  # vanished between listing and looking
                continue
            problem = None
            try:
                real = path.resolve(strict=True)
                if real != inbox and inbox not in real.parents:
                    problem = "It is a symbolic link to a file outside the inbox, which is never followed."
                elif not real.is_file():
                    problem = "It is not a regular file (a device, socket or pipe)."
            except OSError:
                problem = "It is a symbolic link whose target does not exist."
            if problem is None:
                st = real.stat()
                found.append(InboxFile(key=key, path=real, size=st.st_size, mtime_ns=st.st_mtime_ns))
            else:
                found.append(InboxFile(key=key, path=path, size=own.st_size, mtime_ns=own.st_mtime_ns, problem=problem))
    return found
