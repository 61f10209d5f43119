"""Result or target: the section kind sets the default, 预计 makes a result an estimate, 力争/确保 a commitment."""
from __future__ import annotations

from . import patterns as P

_TARGET_KINDS = ("plan", "outlook", "government")


def read_status(section_kind: str, before: str, work: str, para_start: int) -> tuple[str, str | None]:
    """(status, cue word) for a figure; `before` is its sentence up to the number.

    预计 covers the rest of its sentence; a paragraph that opens with 预计 (an abstract's headline block)
    covers the whole paragraph.
    """
    if section_kind in _TARGET_KINDS:
        m = None
        for m in P.COMMITMENT.finditer(before):
            pass
        return "target", m.group() if m else None
    m = P.ESTIMATE.search(before)
    if m or P.PARA_ESTIMATE.match(work, para_start):
        return "estimate", m.group() if m else "预计"
    m = None
    for m in P.ACTUAL_CUE.finditer(before):
        pass
    return "actual", m.group() if m else None


def commitment_of(before: str) -> str | None:
    """The commitment of a target: the nearest 确保/力争/预期… before the number."""
    m = None
    for m in P.COMMITMENT.finditer(before):
        pass
    return P.COMMITMENT_KIND[m.group()] if m else None
