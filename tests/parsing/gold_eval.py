"""Score the figure extractor on the sample reports against the gold labels, without the pipeline.

Applies the fct_indicator_values rule (bound, headline, measure in level/growth/share/rate/count, first of each
(indicator, year, span, status, measure, value, unit, bound, value_high)) and the matching of
../shared/eval/score.py (strict and relaxed). `python tests/parsing/gold_eval.py` prints misses and extras.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from orchestration.parsing.figures import extract_figures
from orchestration.parsing.records import ReportMeta
from orchestration.parsing.report_years import report_years
from orchestration.parsing.sections import build_sections

SEEDS = ROOT / "seeds"
GOLD = Path("/work/shared/gold") if Path("/work/shared/gold").exists() else ROOT.parent / "shared" / "gold"
MART_MEASURES = ("level", "growth", "share", "rate", "count")


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def to_float(x) -> float | None:
    try:
        return None if x in (None, "") else float(x)
    except (TypeError, ValueError):
        return None


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(f)]


def parse_file(path: Path):
    text = path.read_text(encoding="utf-8")
    sections = build_sections(text)
    years = report_years(text, sections)
    meta = ReportMeta(report_year=years.report_year, review_year=years.review_year, plan_year=years.plan_year)
    return years, extract_figures(text, sections, meta)


def mart_rows(source_file: str, figures) -> list[dict]:
    """fct_indicator_values as dbt builds it from the figures."""
    rows, seen = [], set()
    for f in figures:
        if not (f.indicator and f.is_headline and f.measure in MART_MEASURES):
            continue
        key = (f.indicator, f.year, f.span_years, f.status, f.measure, f.value, f.unit, f.bound, f.value_high)
        if key in seen:
            continue
        seen.add(key)
        rows.append({"source_file": source_file, "indicator": f.indicator, "year": f.year, "span_years": f.span_years,
                     "status": f.status, "measure": f.measure, "value": f.value, "unit": f.unit, "bound": f.bound,
                     "value_high": f.value_high, "evidence": f.evidence})
    return rows


def result_class(status: str) -> str:
    return "result" if status in ("actual", "estimate") else status


def score(gold: list[dict], got: list[dict]) -> dict:
    """score.py's matching, unchanged in substance."""
    files = {g["report"] for g in gold}
    codes = {g["indicator"] for g in gold}
    ext, seen = [], set()
    for r in got:
        if r.get("source_file") not in files or r.get("indicator") not in codes:
            continue
        key = (r["source_file"], r["indicator"], r.get("year"), r.get("span_years") or 1, r.get("status"),
               r.get("measure"), to_float(r.get("value")), r.get("unit"), r.get("bound"), to_float(r.get("value_high")))
        if key in seen:
            continue
        seen.add(key)
        ext.append(key)

    def match(strict: bool) -> dict:
        used = [False] * len(ext)
        misses = []
        for g in gold:
            gv = to_float(g["value"])
            hit = False
            for i, e in enumerate(ext):
                if used[i]:
                    continue
                f, ind, yr, span, st, meas, val, unit, bound, high = e
                if (f, ind, meas) != (g["report"], g["indicator"], g["measure"]):
                    continue
                if yr is None or int(yr) != int(g["year"]) or int(span or 1) != int(g["span"] or 1):
                    continue
                if strict:
                    gh = to_float(g.get("value_high"))
                    ok = (st == g["status"] and close(val, gv) and unit == g["unit"] and bound == g["bound"]
                          and (gh is None or close(high, gh)))
                else:
                    ok = result_class(st or "") == result_class(g["status"]) and close(val, gv)
                if ok:
                    used[i] = hit = True
                    break
            if not hit:
                misses.append(g)
        extras = [e for i, e in enumerate(ext) if not used[i]]
        tp = len(gold) - len(misses)
        p = tp / len(ext) if ext else 0.0
        r = tp / len(gold) if gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"tp": tp, "gold": len(gold), "extracted": len(ext), "precision": p, "recall": r, "f1": f1,
                "misses": misses, "extras": extras}

    return {"strict": match(True), "relaxed": match(False)}


def evaluate() -> dict:
    gold = read_csv(GOLD / "indicators.csv")
    got: list[dict] = []
    years_right = years_total = 0
    year_errors = []
    gold_reports = {r["report"]: r for r in read_csv(GOLD / "reports.csv")}
    for path in sorted(SEEDS.glob("*.txt")):
        years, figures = parse_file(path)
        got.extend(mart_rows(path.name, figures))
        g = gold_reports.get(path.name)
        if g:
            for field in ("report_year", "review_year", "plan_year"):
                want = int(g[field]) if g[field] else None
                years_total += 1
                if getattr(years, field) == want:
                    years_right += 1
                else:
                    year_errors.append((path.name, field, want, getattr(years, field)))
    out = score(gold, got)
    out["years"] = {"right": years_right, "total": years_total, "errors": year_errors}
    return out


def main() -> int:
    out = evaluate()
    s, r = out["strict"], out["relaxed"]
    print("-- missed (strict) --")
    for g in s["misses"]:
        print(f"  {g['report'][:3]} {g['indicator']} {g['year']}/{g['span']} {g['status']} {g['measure']} "
              f"{g['value']}{g['unit']} {g['bound']}  « {g.get('evidence', '')} »")
    print("-- extra (strict) --")
    for e in s["extras"]:
        print("  " + " ".join("" if x is None else str(x) for x in (e[0][:3],) + e[1:]))
    for e in out["years"]["errors"]:
        print(f"  years: {e}")
    print(f"strict : P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} ({s['tp']}/{s['gold']}, {s['extracted']} extracted)")
    print(f"relaxed: P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f}")
    print(f"years  : {out['years']['right']}/{out['years']['total']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
