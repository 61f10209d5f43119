"""Government work report parsing: plain Python, no Dagster, no DuckDB.

`parse_report(text)` takes a report's normalised text (see `normalize.normalize_text`) and returns its
metadata, section tree, figures, projects and topic counts as records (`records.py`).
"""
from __future__ import annotations

from .records import ParsedReport


def parse_report(text: str) -> ParsedReport:
    # Imported here so that importing the package (e.g. for records) stays cheap.
    from .figures import extract_figures
    from .metadata import extract_meta, years_from_figures
    from .projects import extract_projects
    from .sections import build_sections
    from .topics import count_topics

    sections = build_sections(text)
    meta = extract_meta(text, sections)
    figures = extract_figures(text, sections, meta)
    dated = years_from_figures(meta, text, sections, figures)
    if (dated.review_year, dated.plan_year) != (meta.review_year, meta.plan_year):
        # figures of undated parts take their year from the report's years: read them again with the years found
        figures = extract_figures(text, sections, dated)
    meta = dated
    return ParsedReport(
        meta=meta,
        sections=sections,
        figures=figures,
        projects=extract_projects(text, sections, meta),
        topics=count_topics(text, sections),
    )
