"""Every row the parser gives for a set of report files, written as sorted JSON lines, to diff two parser versions.

    .venv/bin/python -m tests.parsing.snapshot OUT.jsonl [--derived N]

Reads the samples (seeds/), the development corpus (examples/corpus/texts/) and, with --derived, N reports derived
from the samples by tests/bench/corpus.py. A refactoring that must not change output is checked with
`diff before.jsonl after.jsonl`.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
from datetime import date
from pathlib import Path

from orchestration.parsing import parse_report
from orchestration.parsing.decode import UnusableFile, decode_report
from orchestration.parsing.normalize import normalize_text

REPO = Path(__file__).resolve().parents[2]
SOURCES = (REPO / "seeds", REPO / "examples" / "corpus" / "texts")


def _plain(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 9)
    return value


def rows_of(name: str, data: bytes):
    try:
        text = normalize_text(decode_report(data).text)
    except UnusableFile as e:
        yield {"file": name, "table": "rejected", "reason": e.reason}
        return
    parsed = parse_report(text)
    yield {"file": name, "table": "meta", **{k: _plain(v) for k, v in dataclasses.asdict(parsed.meta).items()}}
    for table in ("sections", "figures", "projects", "topics"):
        for rec in getattr(parsed, table):
            yield {"file": name, "table": table, **{k: _plain(v) for k, v in dataclasses.asdict(rec).items()}}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--derived", type=int, default=0, help="also N reports derived from the samples")
    a = ap.parse_args(argv)
    files = [p for d in SOURCES for p in sorted(d.iterdir()) if p.is_file()]
    with tempfile.TemporaryDirectory() as tmp:
        if a.derived:
            from tests.bench.corpus import generate

            files += generate(a.derived, Path(tmp))
        lines = [json.dumps(row, ensure_ascii=False, sort_keys=True)
                 for p in files for row in rows_of(p.name, p.read_bytes())]
    Path(a.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} rows from {len(files)} files -> {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
