"""What the UI shows about a table: its row count and a markdown preview of its first rows.

Plain functions over a DuckDB connection, so dbt.py can call them after dbt has exited and tests need no Dagster run.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import duckdb

from orchestration.storage.publish import STORAGE_CONFIG

PREVIEW_ROWS = 5
# Long sentences would make the preview unreadable in the asset page; the full text stays in the table.
MAX_CELL_CHARS = 40


def open_for_counts(build_db: Path) -> duckdb.DuckDBPyConnection:
    """A short-lived connection with the DuckDBResource's own config: DuckDB refuses a second connection to the same
    file in one process when the configs differ, and the load step's resource may still hold one."""
    return duckdb.connect(str(build_db), config=dict(STORAGE_CONFIG))


def quote_relation(schema: str, name: str) -> str:
    return ".".join('"' + part.replace('"', '""') + '"' for part in (schema, name))


def row_count(con: duckdb.DuckDBPyConnection, schema: str, name: str) -> int | None:
    try:
        return con.execute(f"SELECT count(*) FROM {quote_relation(schema, name)}").fetchone()[0]
    except duckdb.CatalogException:
        return None


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        text = str(int(value))
    else:
        text = str(value)
    text = " ".join(text.split())
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - 1] + "…"
    # a pipe would end the markdown cell early
    return text.replace("|", "\\|")


def markdown_table(columns: list[str], rows: Iterable[tuple]) -> str:
    lines = ["| " + " | ".join(_cell(c) for c in columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def preview_markdown(con: duckdb.DuckDBPyConnection, schema: str, name: str, limit: int = PREVIEW_ROWS) -> str:
    cur = con.execute(f"SELECT * FROM {quote_relation(schema, name)} LIMIT {int(limit)}")
    columns = [d[0] for d in cur.description]
    rows = cur.fetchall()
    if not rows:
        return f"`{schema}.{name}` is empty."
    return markdown_table(columns, rows)


def table_metadata(con: duckdb.DuckDBPyConnection, schema: str, name: str, with_preview: bool) -> dict:
    """Metadata for one materialized table: `dagster/row_count` (the UI shows it on the asset) and a preview."""
    import dagster as dg

    count = row_count(con, schema, name)
    if count is None:
        return {}
    meta: dict = {"dagster/row_count": dg.MetadataValue.int(count)}
    if with_preview:
        meta["preview"] = dg.MetadataValue.md(preview_markdown(con, schema, name))
    return meta


def relation_of(node: Mapping[str, Any]) -> tuple[str, str]:
    """(schema, table) of a dbt manifest node; alias wins over name as dbt itself does."""
    return node["schema"], node.get("alias") or node["name"]
