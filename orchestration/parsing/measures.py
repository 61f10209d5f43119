"""What kind of number a figure is: a level (an amount), a growth (a percent change), a share, a rate, a count of
persons, or percentage points (个百分点, never a headline value).

The unit decides most (亿元 is a level, 万人 a count); a percent is a growth when a change verb stands right
before it (增长9.1%), a share when named one (占…比重), a rate for the rate indicators (失业率) or a word ending
in 率. Words: data/figure_words.csv, groups change_verb, change_link, list_adverb, share_word.
"""
from __future__ import annotations

from . import patterns as P
from .dictionaries import indicator_percent_measures, units


def changed(plain: str) -> bool:
    """The words before a number (scanning.strip_hedge: without their hedge) end in a change verb (增长, 下降了) and not
    in 提高到 (a level), or in a comparison with another place (比全省高1.18万元): the number is no value of its
    subject."""
    if P.GROWTH_TAIL.search(plain) and not P.LEVEL_TO.search(plain):
        return True
    return "比" in plain and P.DIFFERENCE.search(plain) is not None


def decreases(plain: str) -> bool:
    """The change (words before the number, without their hedge) is a fall (下降3%): its value is negative."""
    return P.DECREASE.search(plain) is not None


def figure_measure(unit: str, tail: str, is_change: bool, share: bool, code: str | None, subject: str | None) -> str:
    kind = units()[unit][2]
    if kind == "points":
        return "points"
    if kind == "persons" or kind == "count":
        return "count"
    if kind != "percent":
        return "level"
    percent_measure = indicator_percent_measures().get(code or "", "share")
    if is_change or percent_measure == "growth":  # cpi: 居民消费价格控制在3%左右 is a rise in prices
        return "growth"
    if share or P.SHARE_WORD.search(tail):
        return "share"
    if percent_measure == "rate" or (subject or "").endswith("率") or "率" in tail:
        return "rate"
    return "share"


def second_goal(tail: str, previous_measure: str | None) -> bool:
    """增长7%左右,力争7.5%: a percent led only by a commitment word, right after a growth, is a second, higher
    growth goal for the same subject (not a share)."""
    return previous_measure == "growth" and P.STRIVE_FOR_MORE.match(tail) is not None
