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
    meta = years_from_figures(meta, figures)
    return ParsedReport(
        meta=meta,
        sections=sections,
        figures=figures,
        projects=extract_projects(text, sections, meta),
        topics=count_topics(text, sections),
    )
