"""The README's queries stay true: each runs on the sample warehouse and returns the columns its output shows."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
# a ```sql block, then the first markdown table header after it (linear: no nested quantifiers)
EXAMPLE = re.compile(r"```sql\n(.*?)```.*?^(\|[^\n]*\|)$", re.DOTALL | re.MULTILINE)


def examples() -> list[tuple[str, list[str]]]:
    found = [
        (sql, [c.strip() for c in header.strip("|").split("|")])
        for sql, header in EXAMPLE.findall(README.read_text(encoding="utf-8"))
    ]
    # three examples under "Querying the warehouse" and the five questions of the cookbook
    assert len(found) == 8, "the README should hold eight queries, each followed by its output"
    return found


@pytest.mark.parametrize(
    ("sql", "columns"), examples(), ids=lambda v: v.splitlines()[0][:60] if isinstance(v, str) else ""
)
def test_cookbook_query_runs_and_shows_its_columns(sample_warehouse, sql, columns):
    with duckdb.connect(str(sample_warehouse), read_only=True) as con:
        rel = con.sql(sql)
        assert rel.columns == columns
        assert rel.fetchall(), "the sample reports should answer this question"
