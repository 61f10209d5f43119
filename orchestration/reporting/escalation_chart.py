"""A picture of targets down the hierarchy (层层加码): for one indicator and year, each chain of targets from the
national government down to a county, with the results later reported where the warehouse holds them.

Plain functions over a DuckDB connection (no Dagster): the asset in orchestration/defs/escalation_chart.py calls them.
Drawn from marts.fct_target_escalation and marts.fct_target_outcomes as a PNG with matplotlib.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import duckdb

# the other chart's font, style and file helpers: both charts look alike and sit beside the warehouse alike
from orchestration.reporting.chart import beside, chart_style, cjk_font, png_markdown

PERCENT_MEASURES = ("growth", "share", "rate")  # levels of a county and its province differ by orders of magnitude
MAX_YEARS = 3  # panels when no year is chosen: the years whose chains span most levels
MAX_CHAINS = 8  # beyond eight lines on one axis the labels collide; the mart has every chain
CHART_SUFFIX = "_target_escalation.png"
SHARED_COLOUR = "#555555"
LEVEL_X = {"national": 0, "province": 1, "city": 2, "district": 3, "county": 3}
LEVEL_LABELS = ["全国\nnational", "省级\nprovince", "地级\ncity", "县级\ncounty / district"]
# bound -> (matplotlib marker, words after the value in a label)
BOUND_STYLE = {
    "eq": ("o", ""),
    "approx": ("D", "左右"),
    "min": ("^", "以上"),
    "max": ("v", "以内"),
    "range": ("s", ""),
}

# One row per target and government above it that set the same target (pairing = paired), and the result each
# reported later. A government's own target comes with every row; its chain is itself plus the rows' ancestors.
ESCALATION_SQL = """
SELECT e.year, e.government_id, e.district, e.level, e.value, e.value_high, e.bound, o.result_value,
       e.ancestor_id, e.ancestor_name, e.ancestor_level, e.ancestor_value, e.ancestor_value_high, e.ancestor_bound,
       ao.result_value AS ancestor_result_value
FROM marts.fct_target_escalation e
LEFT JOIN marts.fct_target_outcomes o ON o.indicator_value_id = e.indicator_value_id
LEFT JOIN marts.fct_target_outcomes ao ON ao.indicator_value_id = e.ancestor_indicator_value_id
WHERE e.indicator = ? AND e.measure = ? AND e.pairing = 'paired'
ORDER BY e.year, e.government_id, e.generations_up
"""


@dataclass(frozen=True)
class Node:
    """One government's target in a chain."""

    government_id: str
    name: str
    level: str
    value: float
    value_high: float | None
    bound: str | None
    result: float | None

    @property
    def x(self) -> int:
        return LEVEL_X.get(self.level, 3)

    @property
    def middle(self) -> float:
        return (self.value + (self.value_high if self.value_high is not None else self.value)) / 2


@dataclass(frozen=True)
class Chain:
    """Targets of one government and of those above it, top (national) first."""

    year: int
    nodes: tuple[Node, ...]

    @property
    def leaf(self) -> Node:
        return self.nodes[-1]


@dataclass(frozen=True)
class EscalationChartResult:
    path: Path
    years: list[int]
    chains: list[Chain]
    font: str | None


def chains_by_year(con: duckdb.DuckDBPyConnection, indicator: str, measure: str) -> dict[int, list[Chain]]:
    """Every chain of at least two targets for the indicator and measure, per year."""
    rows = con.execute(ESCALATION_SQL, [indicator, measure]).fetchall()
    grouped: dict[tuple[int, str], list[tuple]] = {}
    for r in rows:
        grouped.setdefault((r[0], r[1]), []).append(r)
    out: dict[int, list[Chain]] = {}
    for (year, _), items in grouped.items():
        first = items[0]
        own = Node(first[1], first[2], first[3], first[4], first[5], first[6], first[7])
        above = [Node(r[8], r[9], r[10], r[11], r[12], r[13], r[14]) for r in items]
        nodes = tuple(sorted([own, *above], key=lambda n: n.x))
        out.setdefault(year, []).append(Chain(year, nodes))
    return {year: _longest_first(chains) for year, chains in out.items()}


def _longest_first(chains: list[Chain]) -> list[Chain]:
    """Chains contained in a longer one (保定市 > 河北省 inside 安国市 > 保定市 > 河北省) are dropped; the rest are
    ordered by how many levels they span, then by name."""
    ids = [frozenset(n.government_id for n in c.nodes) for c in chains]
    kept = [c for c, s in zip(chains, ids, strict=True) if not any(s < other for other in ids)]
    return sorted(kept, key=lambda c: (-len(c.nodes), c.leaf.name, c.leaf.government_id))


def pick_years(by_year: dict[int, list[Chain]], n: int = 1) -> list[int]:
    """The n years whose chains span most levels; between equals, the one with most such chains, then the latest."""

    def score(year: int) -> tuple[int, int, int]:
        lengths = Counter(len(c.nodes) for c in by_year[year])
        longest = max(lengths)
        return longest, lengths[longest], year

    return sorted(by_year, key=score, reverse=True)[:n]


def _label(node: Node, unit: str) -> str:
    _, words = BOUND_STYLE.get(node.bound or "eq", ("o", ""))
    if node.bound == "range" and node.value_high is not None:
        figure = f"{node.value:g}–{node.value_high:g}{unit}"
    else:
        figure = f"{node.value:g}{unit}{words}"
    return f"{node.name} {figure}"


def render_escalation_chart(panels: dict[int, list[Chain]], out: Path, title: str) -> EscalationChartResult:
    """One panel per year, one line per chain from the national level (left) to the county level (right); the
    marker shows the bound (● plain, ◆ 左右, ▲ 以上, ▼ 以内, a bar for a range) and a cross the result later
    reported. Returns what was drawn."""
    import matplotlib

    matplotlib.use("Agg")  # no display on servers and in tests
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    drawn = {year: chains[:MAX_CHAINS] for year, chains in panels.items() if chains}
    out.parent.mkdir(parents=True, exist_ok=True)
    font = cjk_font()
    with plt.rc_context(chart_style(font)):
        if not drawn:
            fig, ax = plt.subplots(figsize=(9, 2))
            ax.axis("off")
            ax.text(0.5, 0.5, "No chain of targets across levels yet / 暂无跨层级的目标链", ha="center", va="center")
        else:
            fig, axes = plt.subplots(len(drawn), 1, figsize=(10, 4.2 * len(drawn)), squeeze=False)
            for ax, (year, chains) in zip(axes[:, 0], drawn.items(), strict=True):
                _draw_panel(ax, year, chains)
            markers = [Line2D([], [], ls="", marker=m, color="#555555", label=name)
                       for name, m in [("目标 target", "o"), ("左右 approx", "D"), ("以上 min", "^"),
                                       ("以内 max", "v"), ("区间 range", "s"), ("实绩 result", "x")]]
            fig.legend(handles=markers, loc="upper center", ncol=len(markers), frameon=False, fontsize=9,
                       bbox_to_anchor=(0.5, 1.0))
        fig.suptitle(title, y=1.0 + 0.45 / fig.get_figheight())
        fig.tight_layout(rect=(0, 0, 1, 1 - 0.3 / fig.get_figheight()))
        fig.savefig(out, dpi=110, bbox_inches="tight")
        plt.close(fig)
    return EscalationChartResult(path=out, years=list(drawn), chains=[c for cs in drawn.values() for c in cs],
                                 font=font)


def _draw_panel(ax, year: int, chains: list[Chain]) -> None:
    colours = plt_colours()
    uses = Counter(n.government_id for c in chains for n in c.nodes)
    labelled: set[str] = set()
    for i, chain in enumerate(chains):
        colour = colours(i % 10)
        ax.plot([n.x for n in chain.nodes], [n.middle for n in chain.nodes], color=colour, lw=1.6, alpha=0.8,
                zorder=2)
        for n in chain.nodes:
            if n.government_id in labelled:  # a city above several chains is drawn and labelled once, in grey
                continue
            labelled.add(n.government_id)
            _draw_node(ax, n, SHARED_COLOUR if uses[n.government_id] > 1 else colour)
            ax.annotate(_label(n, "%"), (n.x, n.middle), xytext=(7, 3), textcoords="offset points", fontsize=8)
    ax.set_xticks(range(len(LEVEL_LABELS)), LEVEL_LABELS)
    ax.set_xlim(-0.3, len(LEVEL_LABELS) - 0.3)
    ax.margins(y=0.15)
    ax.set_ylabel("%")
    ax.grid(axis="y", alpha=0.3)
    ax.set_title(f"{year}", loc="left", fontsize=11)


def plt_colours():
    import matplotlib.pyplot as plt

    return plt.get_cmap("tab10")


def _draw_node(ax, node: Node, colour) -> None:
    marker, _ = BOUND_STYLE.get(node.bound or "eq", ("o", ""))
    if node.bound == "range" and node.value_high is not None:
        ax.plot([node.x, node.x], [node.value, node.value_high], color=colour, lw=6, alpha=0.45, zorder=3,
                solid_capstyle="butt")
    ax.scatter([node.x], [node.middle], marker=marker, color=colour, s=46, zorder=4, edgecolors="white")
    if node.result is not None:
        ax.scatter([node.x + 0.06], [node.result], marker="x", color=colour, s=52, zorder=5)
        ax.annotate(f"实绩 {node.result:g}%", (node.x + 0.06, node.result), xytext=(7, -3), textcoords="offset points",
                    fontsize=7, color=colour)


def chart_markdown(result: EscalationChartResult) -> str:
    return png_markdown(result.path, "targets down the hierarchy")


def chart_path(warehouse: Path) -> Path:
    return beside(warehouse, CHART_SUFFIX)


def indicator_name(con: duckdb.DuckDBPyConnection, indicator: str) -> str:
    found = con.execute("SELECT name_zh, name_en FROM marts.dim_indicators WHERE indicator = ?", [indicator]).fetchone()
    return f"{found[0]} {found[1]}" if found else indicator


def render_from_warehouse(
    warehouse: Path, out: Path, indicator: str = "gdp", measure: str = "growth", year: int | None = None
) -> EscalationChartResult:
    """Read the chains from the published warehouse (read-only) and draw the chosen year, or else the MAX_YEARS
    years whose chains span most levels."""
    if measure not in PERCENT_MEASURES:
        raise ValueError(f"The chart draws percentages ({', '.join(PERCENT_MEASURES)}), not {measure!r}: a county's "
                         "level and its province's differ by orders of magnitude.")
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        by_year = chains_by_year(con, indicator, measure)
        name = indicator_name(con, indicator)
    finally:
        con.close()
    years = [year] if year is not None else pick_years(by_year, MAX_YEARS)
    title = f"{name}, {measure}: 各级政府的目标 targets down the hierarchy (层层加码)"
    return render_escalation_chart({y: by_year.get(y, []) for y in years}, out, title)
