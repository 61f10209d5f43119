"""Which files in the inbox are candidate reports.

Nested folders are read; their files get keys such as `2021/湖北/曾都区.txt`. Dotfiles and files still being
written by a browser or copy tool (.part, .tmp, .crdownload, ~ backups) are skipped. Symbolic links are followed only
when they point inside the inbox, so a link can never pull a file from elsewhere on the machine into the warehouse.
"""
from __future__ import annotations

import os
import re
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


# Dagster's UI reads "a...b" as a range of partitions and cannot show control characters (its
# INVALID_PARTITION_SUBSTRINGS, enforced for static partitions only), so keys never hold them. A dot is escaped only
# when two more follow; the lookahead is fixed-length, so the regex stays linear.
_UNSAFE_IN_KEY = re.compile(r"[\x00-\x1f\x7f]|\.(?=\.\.)")


def inbox_key(relative: str) -> str:
    """The partition key and `source_file` of a file: its '/' path relative to the inbox, made storable.

    A name that is not UTF-8 (a zip made on Chinese Windows names files in GBK) reaches Python with surrogate
    escapes, which neither JSON nor DuckDB can store: read it as GB18030, else keep its bytes as \\x escapes.
    """
    try:
        relative.encode("utf-8")
    except UnicodeEncodeError:
        raw = os.fsencode(relative)
        try:
            relative = raw.decode("gb18030")
        except UnicodeDecodeError:
            relative = raw.decode("utf-8", errors="backslashreplace")
    return _UNSAFE_IN_KEY.sub(lambda m: f"\\x{ord(m.group()):02x}", relative)


def is_candidate_name(name: str) -> bool:
    return not name.startswith(".") and not name.lower().endswith(TEMPORARY_SUFFIXES)


def _inside(link: Path, inbox: Path) -> bool:
    try:
        real = link.resolve(strict=True)
    except OSError:
        return False
    return real == inbox or inbox in real.parents


def list_inbox(inbox: Path) -> list[InboxFile]:
    inbox = inbox.resolve()
    if not inbox.is_dir():
        return []
    found: list[InboxFile] = []
    for dirpath, dirnames, filenames in os.walk(inbox, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for d in dirnames:
            link = Path(dirpath) / d
            if link.is_symlink() and not _inside(link, inbox):
                # os.walk does not descend into links; say so rather than skip a folder of reports in silence
                own = link.lstat()
                found.append(InboxFile(key=inbox_key(link.relative_to(inbox).as_posix()), path=link, size=own.st_size,
                                       mtime_ns=own.st_mtime_ns,
                                       problem="It is a symbolic link to a folder outside the inbox, which is never "
                                       "followed."))
        for name in sorted(filenames):
            if not is_candidate_name(name):
                continue
            path = Path(dirpath) / name
            key = inbox_key(path.relative_to(inbox).as_posix())
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
