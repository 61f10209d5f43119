"""Result or target, and how firmly a target is set.

The section sets the default (a plan's figures are targets, a review's results); 预计 makes a result an estimate
(and a paragraph opening with 预计 covers the whole paragraph); in an undated text (a news summary) a target cue
(预期目标, 力争 …) makes a target; the time words then settle it: a plan that recalls a dated earlier year, or
去年, states a result; 到2026年 beyond the review year sets a target; the from-value of 从A增加到B is a result.
Words: data/figure_words.csv, groups estimate_cue, actual_cue, target_cue, commitment.
"""
from __future__ import annotations

import bisect
import re

from . import patterns as P
from .records import ReportMeta

TARGET_KINDS = ("plan", "outlook", "government")


class SentenceCues:
    """Where the status and commitment words of one sentence stand, found in one pass each: each figure of the
    sentence looks up the words before it (scanning the sentence again for every figure grows with its square).
    Each kind is found when first asked for: a plan's sentences need only their commitment words, a review's only
    their estimate and result words. `paragraph_start`: where the sentence's paragraph starts (预计 opening it
    covers the whole paragraph)."""

    __slots__ = ("_actual", "_commitment", "_end", "_estimate", "_para", "_para_estimate", "_start", "_target",
                 "_text")

    def __init__(self, text: str, start: int = 0, end: int | None = None, paragraph_start: int = 0):
        self._text, self._start, self._end = text, start, len(text) if end is None else end
        self._para = paragraph_start
        self._estimate = self._actual = self._commitment = self._target = self._para_estimate = None

    @property
    def paragraph_estimate(self) -> bool:
        """The paragraph opens with 预计 (an abstract's headline block)."""
        if self._para_estimate is None:
            self._para_estimate = P.PARA_ESTIMATE.match(self._text, self._para) is not None
        return self._para_estimate

    @property
    def estimate(self) -> list[re.Match]:
        if self._estimate is None:
            self._estimate = list(P.ESTIMATE.finditer(self._text, self._start, self._end))
        return self._estimate

    @property
    def actual(self) -> list[re.Match]:
        if self._actual is None:
            self._actual = list(P.ACTUAL_CUE.finditer(self._text, self._start, self._end))
        return self._actual

    @property
    def commitment(self) -> list[re.Match]:
        if self._commitment is None:
            self._commitment = list(P.COMMITMENT.finditer(self._text, self._start, self._end))
        return self._commitment

    @property
    def target(self) -> list[re.Match]:
        if self._target is None:
            self._target = list(P.TARGET_CUE.finditer(self._text, self._start, self._end))
        return self._target


def _last(matches: list[re.Match], pos: int, since: int = 0) -> re.Match | None:
    """The last of the matches ending by pos and starting at or after since."""
    i = bisect.bisect_right(matches, pos, key=re.Match.end) - 1
    return matches[i] if i >= 0 and matches[i].start() >= since else None


def read_status(section_kind: str, cues: SentenceCues, pos: int) -> tuple[str, str | None]:
    """(status, cue word) from the section and the cue words of the figure's sentence before pos.

    预计 covers the rest of its sentence; a paragraph that opens with 预计 (an abstract's headline block)
    covers the whole paragraph.
    """
    if section_kind in TARGET_KINDS:
        m = _last(cues.commitment, pos)
        return "target", m.group() if m else None
    estimates = cues.estimate
    m = estimates[0] if estimates and estimates[0].end() <= pos else None  # the first 预计 before pos, if any
    if m or cues.paragraph_estimate:
        return "estimate", m.group() if m else "预计"
    m = _last(cues.actual, pos)
    return "actual", m.group() if m else None


def figure_status(section_kind: str, cues: SentenceCues, pos: int, time, meta: ReportMeta,
                  period_end: int | None) -> tuple[str, str | None]:
    """(status, cue word) of the figure at pos; `time` is what its words say about time (years.TimeWords)."""
    status, cue = read_status(section_kind, cues, pos)
    if section_kind == "other":
        # no heading says whether this is a plan (news summaries, excerpts): the sentence's own cue words decide
        t = _last(cues.target, pos)
        if t and status != "estimate":
            status, cue = "target", t.group()
    if time.dated is not None and status == "target" and time.dated < (meta.plan_year or period_end or time.dated):
        status, cue = "actual", None  # a plan that first recalls last year's result: "2022年,全县…"
    if time.by is not None and (status == "target" or time.by > (meta.review_year or 0)):
        status, cue = "target", cue or "到"  # 到2026年 beyond the reviewed years
    if time.relative == "去年" and status == "target":
        status, cue = "actual", time.relative
    return status, cue


def start_value_status(status: str) -> str:
    """The from-value of 从A增加到B is a level already reached, never a target."""
    return "actual" if status == "target" else status


def commitment_of(cues: SentenceCues, pos: int, since: int = 0) -> str | None:
    """The commitment of a target: the nearest 确保/力争/预期… before pos (and not before since)."""
    m = _last(cues.commitment, pos, since)
    return P.COMMITMENT_KIND[m.group()] if m else None


def target_commitment(work: str, cues: SentenceCues, sent_start: int, first: int, pos: int) -> str | None:
    """The commitment word of the figure's own clause chain (since the last ;), else the one leading the sentence
    before its first figure: in 预期目标是:…增长7%左右,力争7.5%;一般公共预算收入增长6%, the 6% is 预期, not 力争."""
    own = commitment_of(cues, pos, max(sent_start, work.rfind(";", sent_start, pos) + 1))
    return own or commitment_of(cues, min(first, pos), sent_start)
