"""A picture of targets against results: each growth target beside the prior-year result (and the later actual).

Drawn from marts.fct_target_vs_prior as a PNG with matplotlib (no browser, no network). The `target_chart` asset
(defs/chart.py) saves it beside the warehouse and embeds it in its metadata; `python -m orchestration chart` draws it
without Dagster.
"""

import base64
from dataclasses import dataclass
from pathlib import Path

import duckdb

MAX_DISTRICTS = 12  # one panel each; beyond a dozen the picture stops being readable, the table has the rest
# A panel is one place and year, normally a dozen targets; when metadata fails for many reports they can share one
# (district, year) and a panel of thousands of rows costs matplotlib gigabytes. The table keeps every row.
MAX_ROWS_PER_PANEL = 24
CHART_SUFFIX = "_targets_vs_prior.png"
# Fonts that carry Chinese glyphs, in order of preference: Debian's fonts-noto-cjk first (dev.py installs it).
CJK_FONTS = [
    "Noto Sans CJK SC",
    "Noto Serif CJK SC",
    "Noto Sans CJK JP",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
    "AR PL UMing CN",
]

# Growth rates (%) are the one measure comparable across indicators on one axis; levels differ by orders of magnitude.
CHART_SQL = """
SELECT t.district, t.city, t.indicator, coalesce(i.name_zh, t.indicator) AS name_zh, t.target_year, t.target_value,
       t.target_value_high, t.target_bound, t.prior_year, t.prior_value, t.prior_status, t.later_actual_value
FROM marts.fct_target_vs_prior t
LEFT JOIN marts.dim_indicators i USING (indicator)
WHERE t.measure = 'growth' AND t.unit = '%' AND t.target_value IS NOT NULL AND t.district IS NOT NULL
ORDER BY t.district, t.city, t.target_year, t.indicator
"""


@dataclass(frozen=True)
class ChartRow:
    district: str
    city: str | None  # two districts share a name (青山区 of 武汉市 and of 包头市): the city keeps them apart
    indicator: str
    name_zh: str
    target_year: int | None
    target_value: float
    target_value_high: float | None
    target_bound: str | None
    prior_year: int | None
    prior_value: float | None
    prior_status: str | None
    later_actual_value: float | None


@dataclass(frozen=True)
class ChartResult:
    path: Path
    n_targets: int
    n_with_prior: int
    districts: list[str]
    font: str | None


def chart_rows(con: duckdb.DuckDBPyConnection) -> list[ChartRow]:
    return [ChartRow(*r) for r in con.execute(CHART_SQL).fetchall()]


def cjk_font() -> str | None:
    """The first installed font family able to draw Chinese, or None (labels then show as boxes)."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def chart_style(font: str | None) -> dict:
    """matplotlib settings both charts draw with: Chinese labels in the CJK font (cjk_font), plain minus signs."""
    return {"font.family": [font, "DejaVu Sans"] if font else ["DejaVu Sans"], "axes.unicode_minus": False}


PanelKey = tuple[str, str, int]  # district, city ("" when unknown), target year (0 when unknown)


def _panels(rows: list[ChartRow]) -> dict[PanelKey, list[ChartRow]]:
    """One panel per place and target year, those with most targets first."""
    panels: dict[PanelKey, list[ChartRow]] = {}
    for r in rows:
        panels.setdefault((r.district, r.city or "", r.target_year or 0), []).append(r)
    ranked = sorted(panels, key=lambda k: (-len(panels[k]), *k))
    return {k: panels[k][:MAX_ROWS_PER_PANEL] for k in ranked[:MAX_DISTRICTS]}


def render_chart(rows: list[ChartRow], out: Path) -> ChartResult:
    """Draw one horizontal panel per district: prior result (circle), target (diamond, a bar for a range), later
    actual (cross). Returns what was drawn, so the caller can report it."""
    import matplotlib

    matplotlib.use("Agg")  # no display on servers and in tests
    import matplotlib.pyplot as plt

    panels = _panels(rows)
    out.parent.mkdir(parents=True, exist_ok=True)
    font = cjk_font()
    with plt.rc_context(chart_style(font)):
        if not panels:
            fig, ax = plt.subplots(figsize=(8, 2))
            ax.axis("off")
            ax.text(0.5, 0.5, "No growth targets in the warehouse yet / 暂无增速目标", ha="center", va="center")
        else:
            heights = [max(1.2, 0.38 * len(p) + 0.9) for p in panels.values()]
            fig, axes = plt.subplots(
                len(panels), 1, figsize=(9, sum(heights)), squeeze=False, gridspec_kw={"height_ratios": heights}
            )
            for ax, (key, items) in zip(axes[:, 0], panels.items(), strict=True):
                _draw_panel(ax, key, items)
            legend: dict = {}  # every marker kind drawn in any panel, once
            for ax in axes[:, 0]:
                for handle, label in zip(*ax.get_legend_handles_labels(), strict=True):
                    legend.setdefault(label, handle)
            fig.legend(
                legend.values(),
                legend.keys(),
                loc="upper center",
                ncol=len(legend),
                frameon=False,
                bbox_to_anchor=(0.5, 1.0),
            )
            fig.suptitle(
                "增速目标与上年实绩 Growth targets against the prior-year result (%)",
                y=1.0 + 0.35 / fig.get_figheight(),
            )
        fig.tight_layout(rect=(0, 0, 1, 1 - 0.35 / fig.get_figheight()))
        fig.savefig(out, dpi=110, bbox_inches="tight")
        plt.close(fig)
    return ChartResult(
        path=out,
        n_targets=sum(len(p) for p in panels.values()),
        n_with_prior=sum(r.prior_value is not None for p in panels.values() for r in p),
        districts=sorted({d for d, _, _ in panels}),
        font=font,
    )


def _draw_panel(ax, key: PanelKey, items: list[ChartRow]) -> None:
    district, city, year = key
    ys = list(range(len(items)))[::-1]
    for y, r in zip(ys, items, strict=True):
        if r.target_value_high is not None:
            ax.plot(
                [r.target_value, r.target_value_high], [y, y], color="#d62728", lw=5, alpha=0.5, solid_capstyle="butt"
            )
        if r.prior_value is not None:
            ax.plot([r.prior_value, r.target_value], [y, y], color="#bbbbbb", lw=1, zorder=1)
    ax.scatter(
        [r.prior_value for r in items if r.prior_value is not None],
        [y for y, r in zip(ys, items, strict=True) if r.prior_value is not None],
        marker="o",
        color="#1f77b4",
        zorder=3,
        label="上年实绩/预计 prior result",
    )
    ax.scatter([r.target_value for r in items], ys, marker="D", color="#d62728", zorder=4, label="目标 target")
    later = [(y, r.later_actual_value) for y, r in zip(ys, items, strict=True) if r.later_actual_value is not None]
    if later:
        ax.scatter(
            [v for _, v in later],
            [y for y, _ in later],
            marker="x",
            color="#2ca02c",
            s=60,
            zorder=5,
            label="后来实绩 later actual",
        )
    ax.set_yticks(ys, [_label(r) for r in items])
    ax.axvline(0, color="#888888", lw=0.6)
    place = f"{district}({city})" if city and city != district else district
    ax.set_title(f"{place}  {year or ''}", loc="left", fontsize=10)
    ax.grid(axis="x", alpha=0.3)


def _label(r: ChartRow) -> str:
    hedge = {"approx": " 左右", "min": " 以上", "max": " 以内", "range": " 区间"}.get(r.target_bound or "", "")
    return f"{r.name_zh}{hedge}"


def png_markdown(png: Path, alt: str) -> str:
    """The picture inline, as the Dagster UI shows markdown metadata."""
    return f"![{alt}](data:image/png;base64,{base64.b64encode(png.read_bytes()).decode('ascii')})"


def beside(warehouse: Path, suffix: str) -> Path:
    """A chart's file: beside the warehouse and named after it, so two warehouses in one folder keep their own."""
    return warehouse.with_name(warehouse.stem + suffix)


def chart_markdown(result: ChartResult) -> str:
    return png_markdown(result.path, "targets against prior-year results")


def chart_path(warehouse: Path) -> Path:
    return beside(warehouse, CHART_SUFFIX)


def render_from_warehouse(warehouse: Path, out: Path) -> ChartResult:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = chart_rows(con)
    finally:
        con.close()
    return render_chart(rows, out)
