"""The escalation chart asset: targets down the hierarchy for one indicator and year, drawn beside the warehouse."""

import dagster as dg
from pydantic import Field

from orchestration.defs.chart import drawn
from orchestration.defs.publish import PUBLISH_CONDITION
from orchestration.defs.resources import WarehousePaths
from orchestration.reporting.escalation_chart import chart_markdown, chart_path, render_from_warehouse


class EscalationChartConfig(dg.Config):
    indicator: str = Field(default="gdp", description="Indicator code from marts.dim_indicators.")
    measure: str = Field(default="growth", description="growth, share or rate: the chart draws percentages.")
    year: int | None = Field(default=None, description="Target year; by default the year whose chains span most "
                                                       "levels.")


@dg.asset(
    deps=[dg.AssetKey("published_warehouse")],
    group_name="publish",
    kinds={"python"},
    automation_condition=PUBLISH_CONDITION,
    description="Targets down the hierarchy (层层加码): for one indicator and year, each chain of targets from the "
    "national government down to a county, with the results later reported, drawn from marts.fct_target_escalation "
    "as a PNG beside the warehouse file. By default GDP growth in the year whose chains span most levels.",
)
def target_escalation_chart(context: dg.AssetExecutionContext, config: EscalationChartConfig,
                            paths: WarehousePaths) -> dg.MaterializeResult:
    warehouse = paths.paths().warehouse
    # the published file, read-only: the build database may be rebuilt by the next run meanwhile
    result = render_from_warehouse(warehouse, chart_path(warehouse), config.indicator, config.measure, config.year)
    return drawn(context, result.path, result.font, chart_markdown(result), {
        "years": ", ".join(str(y) for y in result.years) or "none",
        "chains_drawn": len(result.chains),
        "chains": " | ".join(f"{c.year}: " + " > ".join(n.name for n in c.nodes) for c in result.chains),
    })
