"""Dev script: score extract_projects on the sample reports against the gold projects.

Matching is exactly that of the scoring script's `score_projects` (normalised name containment
either way, or bigram Jaccard >= 0.6; the first matching row in document order supplies the amount).

usage: .venv/bin/python tests/parsing/project_eval.py [--misses] [--rows] [--sample]
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "examples" / "gold" / "projects.csv"
SEEDS = ROOT / "seeds"

UNIT_SCALE = {"元": 1.0, "万元": 1e4, "亿元": 1e8, "千元": 1e3, "美元": 1.0, "万美元": 1e4, "亿美元": 1e8}


def close(a, b) -> bool:
    if a is None or b is None:
        return False
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def to_float(x):
    try:
        return float(x) if x not in (None, "") else None
    except (TypeError, ValueError):
        return None


def norm_name(s: str) -> str:
    return re.sub(r"[\s“”\"'‘’「」《》()()、,,。.]", "", s or "")


def bigrams(s: str) -> set:
    return {s[i:i + 2] for i in range(len(s) - 1)} or {s}


def matches(gn: str, rn: str) -> bool:
    return gn in rn or rn in gn or len(bigrams(gn) & bigrams(rn)) / len(bigrams(gn) | bigrams(rn)) >= 0.6


def parse_file(path: Path):
    from orchestration.parsing.projects import extract_projects
    from orchestration.parsing.records import ReportMeta

    text = path.read_text(encoding="utf-8")
    try:
        from orchestration.parsing.sections import build_sections
        sections = build_sections(text)
    except ImportError:
        sections = []
    try:
        from orchestration.parsing.metadata import extract_meta
        meta = extract_meta(text, sections)
    except ImportError:
        meta = ReportMeta()
    return extract_projects(text, sections, meta)


def read_gold(path: Path = GOLD) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [{k.strip(): (v or "").strip() for k, v in r.items() if k} for r in csv.DictReader(f)]


def score(gold: list[dict], got: dict[str, list]) -> dict:
    found = amount_total = amount_right = 0
    missed, wrong_amount = [], []
    for g in gold:
        gn = norm_name(g["project"])
        best = None
        for r in got.get(g["report"], []):
            rn = norm_name(r.project_name)
            if rn and matches(gn, rn):
                best = r
                break
        if best is None:
            missed.append(g)
            continue
        found += 1
        gv = to_float(g.get("investment_value"))
        if gv is not None and g.get("investment_unit") in UNIT_SCALE:
            amount_total += 1
            ok = close(best.investment_value_base, gv * UNIT_SCALE[g["investment_unit"]])
            amount_right += ok
            if not ok:
                wrong_amount.append((g, best))
    return {"gold": len(gold), "found": found, "recall": found / len(gold) if gold else 0.0,
            "amounts_checked": amount_total,
            "amount_accuracy": amount_right / amount_total if amount_total else 0.0,
            "missed": missed, "wrong_amount": wrong_amount}


def run() -> tuple[dict, dict[str, list]]:
    gold = read_gold()
    got = {f: parse_file(SEEDS / f) for f in sorted({g["report"] for g in gold})}
    return score(gold, got), got


def main() -> int:
    res, got = run()
    if "--rows" in sys.argv:
        for f, rows in got.items():
            for r in rows:
                print(f"{f[:3]} {r.year} {r.status:11} {r.project_name} | {r.investment_text or ''}")
    if "--sample" in sys.argv:
        # 50 rows drawn with a fixed seed, for judging precision by hand.
        import random

        rows = [(f, r) for f, rs in got.items() for r in rs]
        for f, r in random.Random(20260101).sample(rows, min(50, len(rows))):
            print(f"{f[:3]} {r.year} {r.status:11} {r.project_name} | {r.investment_text or ''} « {r.sentence[:90]} »")
    if "--misses" in sys.argv:
        for g in res["missed"]:
            print(f"MISS {g['report'][:3]} {g['project']}  « {g['evidence']} »")
        for g, r in res["wrong_amount"]:
            print(f"AMOUNT {g['report'][:3]} {g['project']} gold {g['investment_value']}{g['investment_unit']} "
                  f"got {r.project_name} {r.investment_value_base}")
    n = sum(len(v) for v in got.values())
    print(f"extracted {n} rows; recall={res['recall']:.3f} ({res['found']}/{res['gold']}) "
          f"amount accuracy={res['amount_accuracy']:.3f} ({res['amounts_checked']} checked)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
