"""Checks on the rows the loader wrote, before dbt builds marts from them: plain queries over a DuckDB connection."""
from __future__ import annotations

from itertools import pairwise

from orchestration.parsing.records import BOUNDS, MEASURES, STATUSES


def evidence_not_in_text(con, limit: int = 5, batch_chars: int = 12_000_000) -> tuple[list[tuple[str, str]], int]:
    """Figures whose evidence is not in their report's text: (up to `limit` examples, number of figures checked).

    Python, not SQL: the evidence ends where the figure does (char_end), and a Python string finds that spot at
    once, while DuckDB's strpos or substr walk the UTF-8 text from its start for every figure (a 1 MB report with
    30,000 figures took over a minute). Reports are read a batch of about `batch_chars` characters of text at a time
    (a range of report_ids, texts and figures together): one query over all of them held every text and every
    figure's evidence at once, 1 GB at 10,000 reports; each batch scans the figures once, so batches stay large.
    """
    cuts: list[str | None] = [None]  # the ranges cover every report_id, also those of figures without a text
    filled = 0
    for report_id, n in con.execute("SELECT report_id, length(text) FROM raw.report_texts ORDER BY report_id").fetchall():
        if filled >= batch_chars:
            cuts.append(report_id)
            filled = 0
        filled += n or 0
    cuts.append(None)
    bad: list[tuple[str, str]] = []
    total = 0
    for low, high in pairwise(cuts):
        bounds = [(f"report_id {op} ?", v) for op, v in ((">=", low), ("<", high)) if v is not None]
        where = " AND ".join(["TRUE", *(b[0] for b in bounds)])
        values = [b[1] for b in bounds]
        texts = dict(con.execute(f"SELECT report_id, text FROM raw.report_texts WHERE {where}", values).fetchall())
        figures = con.execute(f"SELECT report_id, char_end, evidence FROM raw.figures WHERE evidence <> '' AND {where}",
                              values).fetchall()
        total += len(figures)
        for report_id, end, evidence in figures:
            text = texts.get(report_id)
            in_place = text is not None and end is not None and text[end - len(evidence):end] == evidence
            if not in_place and (text is None or evidence not in text) and len(bad) < limit:
                bad.append((report_id, evidence))
    return bad, total


def figures_with_bad_codes(con) -> int:
    """Figures whose status, measure or bound is not on the allowed lists, or whose year is outside 1949-2100."""
    return con.execute(
        "SELECT count(*) FROM raw.figures WHERE status NOT IN (SELECT unnest(?)) "
        "OR measure NOT IN (SELECT unnest(?)) OR bound NOT IN (SELECT unnest(?)) "
        "OR (year IS NOT NULL AND (year < 1949 OR year > 2100))",
        [list(STATUSES), list(MEASURES), list(BOUNDS)]).fetchone()[0]
