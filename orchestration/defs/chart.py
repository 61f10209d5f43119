"""The target chart asset: growth targets against prior-year results, drawn from the published warehouse."""

import logging
from pathlib import Path

import dagster as dg

from orchestration.defs.publish import PUBLISH_CONDITION
from orchestration.defs.resources import WarehousePaths
from orchestration.reporting.chart import chart_markdown, chart_path, render_from_warehouse

progress = logging.getLogger("gwr.progress")


@dg.asset(
    deps=[dg.AssetKey("published_warehouse")],
    group_name="publish",
    kinds={"python"},
    automation_condition=PUBLISH_CONDITION,
    description="Growth targets against the prior-year result (and the later actual where a later report holds "
    "one), per district, drawn from marts.fct_target_vs_prior as a PNG beside the warehouse file.",
)
def target_chart(context: dg.AssetExecutionContext, paths: WarehousePaths) -> dg.MaterializeResult:
    p = paths.paths()
    # read the published file, read-only: the build database may be rebuilt by the next run meanwhile
    result = render_from_warehouse(p.warehouse, chart_path(p.warehouse))
    return drawn(context, result.path, result.font, chart_markdown(result), {
        "targets_drawn": result.n_targets,
        "with_prior_result": result.n_with_prior,
        "districts": ", ".join(result.districts),
    })


def drawn(context: dg.AssetExecutionContext, png: Path, font: str | None, markdown: str,
          metadata: dict) -> dg.MaterializeResult:
    """A chart asset's result: the picture inline, its path and what it shows; a warning when no font has the
    Chinese glyphs."""
    progress.info("drew %s", png)
    if font is None:
        context.log.warning("No font with Chinese glyphs is installed (fonts-noto-cjk); labels show as boxes.")
    return dg.MaterializeResult(metadata={
        "chart": dg.MetadataValue.md(markdown), "path": dg.MetadataValue.path(str(png)), **metadata})
