"""Every number with a unit in a text (220.07亿元, 7%左右, 三千人, 5%—5.5%), with its hedge: the raw material of
figures, before anything says what a number measures."""
from __future__ import annotations

from dataclasses import dataclass

from . import patterns as P
from .bounds import read_bound
from .dictionaries import units
from .numbers import parse_number
from .scanning import figure_runs

# Unit kinds whose units are written after Chinese numerals in prose figures (三千人, 两万亩); a Chinese numeral
# before a counting word (两个维护, 一次) is prose, not a figure.
_CN_UNIT_KINDS = frozenset({"money", "persons", "area", "mass", "length", "volume", "power", "points"})


@dataclass(slots=True)
class Quantity:
    start: int  # hedge word before the number included
    end: int  # unit and trailing hedge included
    num_start: int
    value: float
    value_high: float | None
    unit: str
    bound: str
    qualifier: str | None


def find_quantities(work: str) -> list[Quantity]:
    table = units()
    out: list[Quantity] = []
    figure = P.figure_re()
    resume = 0
    for run in figure_runs().finditer(work):
        # the same matches as figure_re().finditer(work): no match can start inside a run or inside the last match
        start = run.start()
        if start < resume:
            continue
        m = figure.match(work, start)
        if m is None:
            continue
        resume = m.end()
        unit = m.group("unit")
        if m.group("mult"):  # 2万余人: the multiplier stands before 余, the unit after it
            unit = m.group("mult") + unit
            if unit not in table:
                continue
        if work.startswith(P.NOT_UNIT_AFTER.get(unit[-1], ()), m.end("unit")):
            continue
        lo = m.group("lo")
        if not lo[0].isdigit() and table[unit][2] not in _CN_UNIT_KINDS:
            continue  # 两个维护, 一次: counting words in prose, not figures
        value = parse_number(lo)
        if value is None:
            continue
        high = None
        if m.group("hi"):
            lounit = m.group("lounit")
            if lounit and lounit != unit:
                continue
            high = parse_number(m.group("hi"))
        bound, qualifier, start = read_bound(work, m.start(), m.group("suffix"), m.group("more"), high is not None)
        out.append(Quantity(start, m.end(), m.start(), value, high, unit, bound, qualifier))
    return out


def list_runs(quantities: list[Quantity], work: str) -> list[list[Quantity]]:
    """Figures joined only by 、/和 (58万亩、26万吨) form one list."""
    runs: list[list[Quantity]] = []
    for q in quantities:
        if runs and P.RUN_GAP.match(work[runs[-1][-1].end:q.start]):
            runs[-1].append(q)
        else:
            runs.append([q])
    return runs
