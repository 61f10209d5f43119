"""What the UI shows about a table: its row count, its column types and a markdown preview of a few rows.

Plain functions over a DuckDB connection, so defs/dbt.py can call them after dbt has exited and tests need no Dagster
run. Which columns a mart's preview shows, and in which order, is data: preview_layout.toml beside this file.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb

from orchestration.storage.publish import STORAGE_CONFIG

PREVIEW_ROWS = 5
# Long text (evidence, sentences, names) would widen its column until the narrow ones wrap a character per line;
# the table keeps the full text.
MAX_CELL_CHARS = 24
LAYOUT_FILE = Path(__file__).with_name("preview_layout.toml")
# the first columns of a mart without a layout: about what fits a laptop screen
DEFAULT_COLUMNS = 9


@dataclass(frozen=True)
class PreviewLayout:
    columns: tuple[str, ...]
    then_by: tuple[str, ...] = ()  # "-name" sorts that column descending


@lru_cache(maxsize=1)
def preview_layouts() -> dict[str, PreviewLayout]:
    with LAYOUT_FILE.open("rb") as f:
        raw = tomllib.load(f)
    return {name: PreviewLayout(tuple(v["columns"]), tuple(v.get("then_by", ()))) for name, v in raw.items()}


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


def column_types(con: duckdb.DuckDBPyConnection, schema: str, name: str) -> list[tuple[str, str]] | None:
    """(column, DuckDB type) of a table or view as the warehouse holds it, None when there is no such relation.
    A view is only bound, not run."""
    try:
        return [(r[0], r[1]) for r in con.execute(f"DESCRIBE {quote_relation(schema, name)}").fetchall()]
    except duckdb.CatalogException:
        return None


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        text = str(int(value))
    elif isinstance(value, datetime):
        text = value.strftime("%Y-%m-%d %H:%M")  # the minute is enough to tell which report came last
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


def _has_table(con: duckdb.DuckDBPyConnection, schema: str, name: str) -> bool:
    return con.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
                       [schema, name]).fetchone()[0] > 0


def preview_query(con: duckdb.DuckDBPyConnection, schema: str, name: str,
                  limit: int = PREVIEW_ROWS) -> tuple[str, bool]:
    """The analyst's columns first (preview_layout.toml), the rows of the report read last first.

    Recency is dim_reports' ingested_at: the table's own column, or joined on report_id. A listed column the table
    no longer has is left out, so a renamed column costs the preview a column, not the materialization. Returns the
    query and whether its rows come newest report first."""
    available = [c for c, _ in column_types(con, schema, name) or []]
    layout = preview_layouts().get(name) or PreviewLayout(tuple(available[:DEFAULT_COLUMNS]))
    columns = [c for c in layout.columns if c in available] or available[:DEFAULT_COLUMNS]
    source = f"{quote_relation(schema, name)} AS t"
    order: list[str] = []
    if "ingested_at" in available:
        order.append("t.ingested_at DESC NULLS LAST")
    elif "report_id" in available and _has_table(con, schema, "dim_reports"):
        source += (" LEFT JOIN (SELECT report_id, max(ingested_at) AS ingested_at FROM "
                   f"{quote_relation(schema, 'dim_reports')} GROUP BY report_id) AS r USING (report_id)")
        order.append("r.ingested_at DESC NULLS LAST")
    newest_first = bool(order)
    for column in layout.then_by:
        if column.lstrip("-") in available:
            order.append(f't."{column.lstrip("-")}"' + (" DESC" if column.startswith("-") else ""))
    select = ", ".join(f't."{c}"' for c in columns)
    order_by = f" ORDER BY {', '.join(order)}" if order else ""
    return f"SELECT {select} FROM {source}{order_by} LIMIT {int(limit)}", newest_first


# the end of a sentence, not of "e.g." or "i.e."
SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)\.\s")


def _first_sentence(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    end = SENTENCE_END.search(text)
    text = text[: end.start() + 1] if end else text
    return text if len(text) <= limit else text[: limit - 1] + "…"


def preview_markdown(con: duckdb.DuckDBPyConnection, schema: str, name: str, limit: int = PREVIEW_ROWS,
                     descriptions: Mapping[str, str] | None = None) -> str:
    """A caption, the preview table, what its columns mean (dbt's descriptions) and the columns left out.

    The explanation is for the analyst, and it also keeps the text over the 1,000 characters below which the UI
    renders markdown inline, squeezed into the narrow value column of the metadata table, instead of in a dialog."""
    query, newest_first = preview_query(con, schema, name, limit)
    cur = con.execute(query)
    columns = [d[0] for d in cur.description]
    rows = cur.fetchall()
    if not rows:
        return f"`{schema}.{name}` is empty."
    total = row_count(con, schema, name)
    others = [c for c, _ in column_types(con, schema, name) or [] if c not in columns]
    order = ", the report read last first" if newest_first else ""
    parts = [f"**{schema}.{name}**: {len(rows)} of {total} rows{order}.", "",
             markdown_table(columns, rows), ""]
    described = [(c, _first_sentence(descriptions[c])) for c in columns if (descriptions or {}).get(c)]
    parts += [f"- **{c}**: {text}" for c, text in described]
    if others:
        parts += ["", f"Also in the table: {', '.join(others)} (`SELECT * FROM {schema}.{name}`)."]
    return "\n".join(parts).rstrip()


def relation_of(node: Mapping[str, Any]) -> tuple[str, str]:
    """(schema, table) of a dbt manifest node; alias wins over name as dbt itself does."""
    return node["schema"], node.get("alias") or node["name"]
