"""Python asset checks on what the parser wrote, before dbt builds marts from it."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from orchestration.parsing.records import BOUNDS, MEASURES, STATUSES


@dg.asset_check(asset=dg.AssetKey(["raw", "figures"]), blocking=True,
                description="Every figure's evidence is a substring of its report's text, so a reader can find it.")
def figure_evidence_in_text(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    with duckdb.get_connection() as con:
        bad = con.execute(
            "SELECT f.report_id, f.evidence FROM raw.figures f JOIN raw.report_texts t USING (report_id) "
            "WHERE f.evidence <> '' AND strpos(t.text, f.evidence) = 0 LIMIT 5").fetchall()
        total = con.execute("SELECT count(*) FROM raw.figures").fetchone()[0]
    return dg.AssetCheckResult(passed=not bad, metadata={"figures": total, "examples": str(bad)})


@dg.asset_check(asset=dg.AssetKey(["raw", "figures"]), blocking=True,
                description="Status, measure and bound come from the allowed lists; years fall in 1949-2100.")
def figure_codes_allowed(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    with duckdb.get_connection() as con:
        bad = con.execute(
            "SELECT count(*) FROM raw.figures WHERE status NOT IN (SELECT unnest(?)) OR measure NOT IN (SELECT unnest(?)) "
            "OR bound NOT IN (SELECT unnest(?)) OR (year IS NOT NULL AND (year < 1949 OR year > 2100))",
            [list(STATUSES), list(MEASURES), list(BOUNDS)]).fetchone()[0]
    return dg.AssetCheckResult(passed=bad == 0, metadata={"bad_rows": bad})
