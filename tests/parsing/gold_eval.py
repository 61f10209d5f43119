"""Score the parser against the hand labels in examples/ without building a warehouse (seconds, not a build).

Each report file is decoded, normalised and parsed as ingest does; its figures become the rows dbt's
fct_indicator_values keeps (bound to an indicator, headline, a level/growth/share/rate/count with a year, the first
mention of each fact) and are scored with orchestration.evaluate, the matching of `python -m orchestration evaluate`.

    .venv/bin/python -m tests.parsing.gold_eval [samples|corpus] [--show-errors]
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from orchestration.evaluate import Evaluation, read_gold, report_lines, score_indicators, score_metadata
from orchestration.parsing import parse_report
from orchestration.parsing.decode import UnusableFile, decode_report
from orchestration.parsing.normalize import normalize_text

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class LabelledSet:
    texts: Path
    gold: Path


SETS = {
    "samples": LabelledSet(ROOT / "seeds", ROOT / "examples" / "gold"),
    "corpus": LabelledSet(ROOT / "examples" / "corpus" / "texts", ROOT / "examples" / "corpus" / "gold"),
}
MART_MEASURES = ("level", "growth", "share", "rate", "count")


def mart_rows(source_file: str, figures) -> list[dict]:
    """fct_indicator_values as dbt builds it from the figures (int_figures_filtered_to_headline, int_figures_deduplicated)."""
    rows, seen = [], set()
    for f in figures:
        if not (f.indicator and f.is_headline and f.measure in MART_MEASURES and f.year is not None):
            continue
        key = (f.indicator, f.year, f.span_years, f.status, f.measure, f.value, f.unit, f.bound, f.value_high)
        if key in seen:
            continue
        seen.add(key)
        rows.append({"source_file": source_file, "indicator": f.indicator, "year": f.year, "span_years": f.span_years,
                     "status": f.status, "measure": f.measure, "value": f.value, "unit": f.unit, "bound": f.bound,
                     "value_high": f.value_high, "evidence": f.evidence})
    return rows


@lru_cache(maxsize=4)
def evaluate(name: str) -> Evaluation:
    labelled = SETS[name]
    gold = read_gold(labelled.gold)  # raises when the labels are missing: a test must fail, not skip
    rows, reports = [], []
    for path in sorted(labelled.texts.iterdir()):
        try:
            text = normalize_text(decode_report(path.read_bytes()).text)
        except UnusableFile:
            continue
        parsed = parse_report(text)
        rows += mart_rows(path.name, parsed.figures)
        m = parsed.meta
        reports.append({"source_file": path.name, "district": m.district, "report_year": m.report_year,
                        "review_year": m.review_year, "plan_year": m.plan_year})
    ev = score_indicators(gold, rows)
    score_metadata(ev, gold, reports)
    return ev


def main(argv: list[str]) -> int:
    names = [a for a in argv if not a.startswith("-")] or ["samples", "corpus"]
    for name in names:
        print(f"== {name} ==")
        print("\n".join(report_lines(evaluate(name), show_errors="--show-errors" in argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
