"""The hedge on a figure: 左右/约 approx, 以上/突破 min, 以内/不超过 max, 5%—5.5% range (words: data/figure_words.csv,
groups hedge_before, hedge_after, hedge_before_unit)."""
from __future__ import annotations

from . import patterns as P

_REACH = max(map(len, P.PREFIX_KIND)) + 2  # hedge words stand right before the number, perhaps after 了 or a space
_HEDGE_LAST = frozenset(word[-1] for word in P.PREFIX_KIND) | {"了"}  # 突破了10亿元


def read_bound(work: str, num_start: int, suffix: str | None, more: str | None,
               is_range: bool) -> tuple[str, str | None, int]:
    """(bound, qualifier as written, span start) for the number starting at num_start.

    Only the words touching this number count, so a neighbour's 左右 or the 约 of 签约 never leak in.
    """
    if is_range:
        return "range", None, num_start
    if suffix:
        return P.SUFFIX_BOUND[suffix], suffix, num_start
    # A hedge word (then maybe spaces) must end right at the number: most numbers follow some other character, and
    # the pattern, whose look-behinds keep the engine from skipping ahead, is not tried for them.
    before = work[num_start - 1:num_start]
    m = P.PREFIX_BOUND.search(work, max(0, num_start - _REACH), num_start) \
        if before in _HEDGE_LAST or before.isspace() else None
    if m and m.end() == num_start:
        word = m.group(1)
        return P.PREFIX_KIND[word], word, m.start(1)
    if more:
        return "min", more, num_start
    return "eq", None, num_start


# Hedges written after the unit: a list's last one covers every member (分别增长8.5%、10%以上).
_TRAILING = frozenset(P.SUFFIX_BOUND)
# 控制在X%: a ceiling when a target sets it; a result 控制在3.05% says what the rate was.
_CEILING_OF_TARGETS = "控制在"


def spread_trailing_hedge(run: list) -> None:
    """城乡居民人均可支配收入分别增长8.5%、10%以上, 城乡居民收入增长5%和3%左右: the hedge after the last figure of a
    list is every figure's, unless one carries its own."""
    last = run[-1]
    if len(run) < 2 or last.qualifier not in _TRAILING:
        return
    for q in run[:-1]:
        if q.bound == "eq" and q.qualifier is None:
            q.bound, q.qualifier = last.bound, last.qualifier


def bound_for(bound: str, qualifier: str | None, status: str) -> str:
    """The bound of a figure of this status: 控制在 bounds a target from above, and states a result as it was."""
    return "eq" if qualifier == _CEILING_OF_TARGETS and status != "target" else bound
