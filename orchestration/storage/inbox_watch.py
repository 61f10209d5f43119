"""Which inbox files are ready to process: new or changed, and no longer being written.

A file is ready once its size and modification time are the same on two consecutive looks (a copy in progress
changes them), and only once per version of the file. The state is a small JSON-able dict (the sensor's cursor).
"""
from __future__ import annotations

from dataclasses import dataclass

from orchestration.storage.inbox import InboxFile


@dataclass(frozen=True)
class InboxChanges:
    state: dict  # key -> {"sig": [size, mtime_ns], "done": [size, mtime_ns] | None}
    ready: list[InboxFile]  # new or changed files that have stopped changing
    removed: list[str]  # files processed before and now gone


def plan_inbox_changes(state: dict, listing: list[InboxFile]) -> InboxChanges:
    new_state: dict = {}
    ready: list[InboxFile] = []
    for f in listing:
        sig = [f.size, f.mtime_ns]
        prev = state.get(f.key)
        if prev is None or prev["sig"] != sig:
            new_state[f.key] = {"sig": sig, "done": prev["done"] if prev else None}
        elif prev["done"] != sig:
            ready.append(f)
            new_state[f.key] = {"sig": sig, "done": sig}
        else:
            new_state[f.key] = prev
    present = {f.key for f in listing}
    removed = sorted(k for k, v in state.items() if k not in present and v.get("done"))
    return InboxChanges(state=new_state, ready=ready, removed=removed)
