"""The README's SQL examples: find them, run them, and print (or write back) their output as the README shows it.

A query whose text names `examples/corpus` runs on the development corpus (every level of government); the others
on the five sample reports in `seeds/`.

    python -m tests.cookbook                      # build both warehouses in a temporary folder, print the outputs
    python -m tests.cookbook --corpus W.duckdb    # use a corpus warehouse already built
    python -m tests.cookbook --write              # also replace the corpus queries' outputs in README.md

Only the development-corpus queries are rewritten: their numbers move with the parser, and this keeps them true.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb

README = Path(__file__).resolve().parents[1] / "README.md"
# a ```sql block, then the first markdown table header after it (linear: no nested quantifiers)
EXAMPLE = re.compile(r"```sql\n(.*?)```.*?^(\|[^\n]*\|)$", re.DOTALL | re.MULTILINE)
# the same, with the whole output: the table and the "(N rows)" line after it
OUTPUT = re.compile(r"(```sql\n([^`]*)```\s*\n(?:Output:\s*\n)?\s*)((?:^\|[^\n]*\|\n)+\n\(\d+ rows?\))",
                    re.MULTILINE)
CORPUS_MARK = "examples/corpus"


@dataclass(frozen=True)
class Example:
    sql: str
    columns: list[str]

    @property
    def on_corpus(self) -> bool:
        return CORPUS_MARK in self.sql


def examples(text: str | None = None) -> list[Example]:
    text = README.read_text(encoding="utf-8") if text is None else text
    return [Example(sql, [c.strip() for c in header.strip("|").split("|")]) for sql, header in EXAMPLE.findall(text)]


def _cell(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, float):
        return f"{value:.6f}".rstrip("0").rstrip(".") if not value.is_integer() else str(int(value))
    return str(value).replace("|", "\\|")


def output_markdown(con: duckdb.DuckDBPyConnection, sql: str) -> str:
    """The query's result as the README prints it: a markdown table, then the row count."""
    rel = con.sql(sql)
    rows = rel.fetchall()
    lines = ["| " + " | ".join(rel.columns) + " |", "|" + "---|" * len(rel.columns)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines) + f"\n\n({len(rows)} row{'' if len(rows) == 1 else 's'})"


def rewrite_corpus_outputs(text: str, con: duckdb.DuckDBPyConnection) -> str:
    """The README with each development-corpus query's output replaced by what `con` returns."""

    def replace(m: re.Match) -> str:
        return m.group(1) + output_markdown(con, m.group(2)) if CORPUS_MARK in m.group(2) else m.group(0)

    return OUTPUT.sub(replace, text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.cookbook", description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", help="a warehouse built from seeds/ (default: build one)")
    parser.add_argument("--corpus", help="a warehouse built from examples/corpus/texts (default: build one)")
    parser.add_argument("--write", action="store_true", help="replace the corpus queries' outputs in README.md")
    args = parser.parse_args(argv)
    from tests.conftest import CORPUS, SAMPLES, build_warehouse

    with tempfile.TemporaryDirectory() as tmp:
        built = {}
        for name, given, source in (("samples", args.samples, SAMPLES), ("corpus", args.corpus, CORPUS)):
            built[name] = Path(given) if given else build_warehouse(source, Path(tmp) / name)
        cons = {name: duckdb.connect(str(path), read_only=True) for name, path in built.items()}
        try:
            for example in examples():
                print(example.sql.strip().splitlines()[0])
                print(output_markdown(cons["corpus" if example.on_corpus else "samples"], example.sql), end="\n\n")
            if args.write:
                README.write_text(rewrite_corpus_outputs(README.read_text(encoding="utf-8"), cons["corpus"]),
                                  encoding="utf-8")
                print(f"wrote the development-corpus outputs into {README}", file=sys.stderr)
        finally:
            for con in cons.values():
                con.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
