"""Python asset checks on what the parser wrote, before dbt builds marts from it."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from orchestration.parsing.records import BOUNDS, MEASURES, STATUSES


def evidence_not_in_text(con, limit: int = 5) -> tuple[list[tuple[str, str]], int]:
    """Figures whose evidence is not in their report's text: (up to `limit` examples, number of figures checked).

    Python, not SQL: the evidence ends where the figure does (char_end), and a Python string finds that spot at
    once, while DuckDB's strpos or substr walk the UTF-8 text from its start for every figure (a 1 MB report with
    30,000 figures took over a minute). Texts and figures are read report by report in report_id order, so memory
    stays at one report's text.
    """
    texts = con.cursor()
    texts.execute("SELECT report_id, text FROM raw.report_texts ORDER BY report_id")
    figures = con.cursor()
    figures.execute("SELECT report_id, list(char_end), list(evidence) FROM raw.figures WHERE evidence <> '' "
                    "GROUP BY report_id ORDER BY report_id")
    bad: list[tuple[str, str]] = []
    total = 0
    text_row = texts.fetchone()
    for report_id, ends, evidences in iter(figures.fetchone, None):
        while text_row is not None and text_row[0] < report_id:
            text_row = texts.fetchone()
        text = text_row[1] if text_row is not None and text_row[0] == report_id else None
        total += len(evidences)
        for end, evidence in zip(ends, evidences):
            in_place = text is not None and end is not None and text[end - len(evidence):end] == evidence
            if not in_place and (text is None or evidence not in text) and len(bad) < limit:
                bad.append((report_id, evidence))
    texts.close()
    figures.close()
    return bad, total


@dg.asset_check(asset=dg.AssetKey(["raw", "figures"]), blocking=True,
                description="Every figure's evidence is a substring of its report's text, so a reader can find it.")
def figure_evidence_in_text(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    with duckdb.get_connection() as con:
        bad, total = evidence_not_in_text(con)
    return dg.AssetCheckResult(passed=not bad, metadata={"figures": total, "examples": str(bad)})


@dg.asset_check(asset=dg.AssetKey(["raw", "figures"]), blocking=True,
                description="Status, measure and bound come from the allowed lists; years fall in 1949-2100.")
def figure_codes_allowed(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    with duckdb.get_connection() as con:
        bad = con.execute(
            "SELECT count(*) FROM raw.figures WHERE status NOT IN (SELECT unnest(?)) "
            "OR measure NOT IN (SELECT unnest(?)) OR bound NOT IN (SELECT unnest(?)) "
            "OR (year IS NOT NULL AND (year < 1949 OR year > 2100))",
            [list(STATUSES), list(MEASURES), list(BOUNDS)]).fetchone()[0]
    return dg.AssetCheckResult(passed=bad == 0, metadata={"bad_rows": bad})
