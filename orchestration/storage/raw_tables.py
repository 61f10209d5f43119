"""The `raw` schema that Python loads and dbt reads as sources.

Parsed tables take their columns from the dataclasses in `orchestration.parsing.records`, so the parser's
records and the warehouse cannot drift apart. Every parsed table is keyed by `report_id`.
"""
from __future__ import annotations

import dataclasses

from orchestration.parsing import records

RAW_SCHEMA = "raw"

# One row per file seen in the inbox by the last build: what happened to it and why.
FILE_COLUMNS: dict[str, str] = {
    "source_file": "VARCHAR",  # path relative to the inbox, '/' separated
    "content_sha": "VARCHAR",  # sha256 of the raw bytes
    "size_bytes": "BIGINT",
    "modified_at": "TIMESTAMP",
    "report_id": "VARCHAR",  # NULL when rejected
    "status": "VARCHAR",  # accepted, rejected, duplicate, withdrawn
    "reason": "VARCHAR",  # a sentence a person understands, NULL when accepted
    "source_encoding": "VARCHAR",
    "source_format": "VARCHAR",  # the reader: text, html, pdf, docx, doc; NULL when no reader took the file
    "detected_at": "TIMESTAMP",
}

TEXT_COLUMNS: dict[str, str] = {
    "report_id": "VARCHAR",  # sha256 of the normalised text, first 16 hex digits
    "source_file": "VARCHAR",
    "source_encoding": "VARCHAR",
    "source_format": "VARCHAR",
    "text": "VARCHAR",  # normalised text; char offsets elsewhere index this
    "n_chars": "INTEGER",
    "ingested_at": "TIMESTAMP",
}

_PY_TO_SQL = (("bool", "BOOLEAN"), ("int", "INTEGER"), ("float", "DOUBLE"), ("date", "DATE"), ("str", "VARCHAR"))


def _sql_type(annotation: str) -> str:
    base = annotation.replace(" ", "").replace("|None", "")
    for py, sql in _PY_TO_SQL:
        if base == py:
            return sql
    raise TypeError(f"no SQL type for annotation {annotation!r}")


def _columns_of(record_type: type) -> dict[str, str]:
    cols = {"report_id": "VARCHAR"}
    cols.update({f.name: _sql_type(str(f.type)) for f in dataclasses.fields(record_type)})
    return cols


# table name -> column name -> SQL type
RAW_TABLES: dict[str, dict[str, str]] = {
    "report_files": FILE_COLUMNS,
    "report_texts": TEXT_COLUMNS,
    "reports": _columns_of(records.ReportMeta),
    "sections": _columns_of(records.Section),
    "figures": _columns_of(records.Figure),
    "projects": _columns_of(records.Project),
    "topic_counts": _columns_of(records.TopicCount),
}

# Tables filled from a ParsedReport, and the attribute that holds their records.
PARSED_TABLES: dict[str, str] = {
    "reports": "meta",
    "sections": "sections",
    "figures": "figures",
    "projects": "projects",
    "topic_counts": "topics",
}


def create_table_sql(table: str) -> str:
    cols = ", ".join(f'"{name}" {sql}' for name, sql in RAW_TABLES[table].items())
    return f"CREATE TABLE IF NOT EXISTS {RAW_SCHEMA}.{table} ({cols})"


def parsed_rows(report_id: str, parsed: records.ParsedReport) -> dict[str, list[dict]]:
    """The rows a parsed report contributes to each parsed raw table."""
    out: dict[str, list[dict]] = {}
    for table, attr in PARSED_TABLES.items():
        value = getattr(parsed, attr)
        items = value if isinstance(value, list) else [value]
        # records hold scalars only, so a shallow copy does what dataclasses.asdict's deep copy did, 10x faster
        out[table] = [{"report_id": report_id, **{f.name: getattr(item, f.name) for f in dataclasses.fields(item)}}
                      for item in items]
    return out
