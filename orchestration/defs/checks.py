"""Python asset checks on what the parser wrote, evaluated by the load step itself (defs/load.py).

Blocking, and inside the step that writes raw.figures: a failure fails that step, so dbt and the publish never start.
As separate check steps they could not stop dbt, because dbt also checks the raw tables (its source tests) and Dagster
lets a step that checks a table skip waiting for that table's other blocking checks.
"""
from collections.abc import Iterator

import dagster as dg

from orchestration.storage import raw_checks

FIGURES = dg.AssetKey(["raw", "figures"])

RAW_CHECK_SPECS = [
    dg.AssetCheckSpec("figure_evidence_in_text", asset=FIGURES, blocking=True,
                      description="Every figure's evidence is a substring of its report's text, so a reader can "
                      "find it."),
    dg.AssetCheckSpec("figure_codes_allowed", asset=FIGURES, blocking=True,
                      description="Status, measure and bound come from the allowed lists; years fall in 1949-2100."),
]


def raw_check_results(con) -> Iterator[dg.AssetCheckResult]:
    bad, total = raw_checks.evidence_not_in_text(con)
    yield dg.AssetCheckResult(asset_key=FIGURES, check_name="figure_evidence_in_text", passed=not bad,
                              metadata={"figures": total, "examples": str(bad)})
    bad_rows = raw_checks.figures_with_bad_codes(con)
    yield dg.AssetCheckResult(asset_key=FIGURES, check_name="figure_codes_allowed", passed=bad_rows == 0,
                              metadata={"bad_rows": bad_rows})
