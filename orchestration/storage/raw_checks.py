"""Checks on the rows the loader wrote, before dbt builds marts from them: plain queries over a DuckDB connection."""
from __future__ import annotations

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


def figures_with_bad_codes(con) -> int:
    """Figures whose status, measure or bound is not on the allowed lists, or whose year is outside 1949-2100."""
    return con.execute(
        "SELECT count(*) FROM raw.figures WHERE status NOT IN (SELECT unnest(?)) "
        "OR measure NOT IN (SELECT unnest(?)) OR bound NOT IN (SELECT unnest(?)) "
        "OR (year IS NOT NULL AND (year < 1949 OR year > 2100))",
        [list(STATUSES), list(MEASURES), list(BOUNDS)]).fetchone()[0]
