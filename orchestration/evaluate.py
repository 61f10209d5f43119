"""How right a warehouse is against hand-made labels: precision, recall and F1 of the headline figures per report and
overall, the share of report metadata right, and project recall.

An analyst who labels twenty reports of their own province (in the format of examples/gold/SCHEMA.md) measures the
warehouse on them with `python -m orchestration evaluate --gold DIR [--warehouse FILE] [--show-errors]`. Matching is
that of the project's scoring script: a figure is right (strict) when report, indicator, year, span, status,
measure, value, unit, bound and the high end of a range all agree; relaxed asks only for the value and whether it is
a result or a target. A gold folder holding a file named SCOPE_REVIEW_AND_PLAN_YEARS labels only single-year figures
of each report's review and plan year: other rows of the warehouse are then neither matched nor counted as extras.
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

SCOPE_FILE = "SCOPE_REVIEW_AND_PLAN_YEARS"
METADATA_FIELDS = ("district", "report_year", "review_year", "plan_year")
UNIT_SCALE = {
    "元": 1.0, "万元": 1e4, "亿元": 1e8, "千元": 1e3, "美元": 1.0, "万美元": 1e4, "亿美元": 1e8,
    "人": 1.0, "万人": 1e4, "亩": 1.0, "万亩": 1e4, "吨": 1.0, "万吨": 1e4,
}


class EvaluationError(Exception):
    """The labels or the warehouse cannot be read; the message says which, in one sentence."""


@dataclass(frozen=True)
class Gold:
    indicators: list[dict]
    reports: list[dict]
    projects: list[dict]
    scope: dict[str, set[int]] | None  # report -> years labelled, when the labels cover only those


@dataclass
class Counts:
    tp: int = 0
    gold: int = 0
    extracted: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.extracted if self.extracted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    strict: Counts
    relaxed: Counts
    per_report: dict[str, Counts]  # strict, per report
    misses: list[dict] = field(default_factory=list)  # gold rows without a strict match
    extras: list[tuple] = field(default_factory=list)  # warehouse rows without a strict match
    metadata_right: int = 0
    metadata_fields: int = 0
    metadata_wrong: list[tuple] = field(default_factory=list)  # (report, field, gold, warehouse)
    projects_found: int = 0
    projects_gold: int = 0

    @property
    def metadata_accuracy(self) -> float:
        return self.metadata_right / self.metadata_fields if self.metadata_fields else 0.0

    @property
    def project_recall(self) -> float:
        return self.projects_found / self.projects_gold if self.projects_gold else 0.0


def _read_csv(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(f)]


def read_gold(folder: Path) -> Gold:
    indicators = _read_csv(folder / "indicators.csv")
    if not indicators:
        raise EvaluationError(f"No labels in {folder / 'indicators.csv'}: the gold folder needs that file.")
    reports = _read_csv(folder / "reports.csv")
    scope = None
    if (folder / SCOPE_FILE).exists():
        scope = defaultdict(set)
        for g in reports:
            for f in ("review_year", "plan_year"):
                if g.get(f):
                    scope[g["report"]].add(int(g[f]))
        for g in indicators:  # a report without years in reports.csv: the years its rows use
            scope[g["report"]].add(int(g["year"]))
    return Gold(indicators, reports, _read_csv(folder / "projects.csv"), scope)


def _float(x) -> float | None:
    try:
        return None if x in (None, "") else float(x)
    except (TypeError, ValueError):
        return None


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _result_class(status: str) -> str:
    return "result" if status in ("actual", "estimate") else status


def candidate_rows(gold: Gold, rows: list[dict]) -> list[tuple]:
    """The warehouse's indicator values that can match a label: of a labelled report and indicator (and, under a
    scope file, single-year rows of the labelled years), each distinct fact once."""
    files = {g["report"] for g in gold.indicators}
    codes = {g["indicator"] for g in gold.indicators}
    out, seen = [], set()
    for r in rows:
        if r.get("source_file") not in files or r.get("indicator") not in codes:
            continue
        if gold.scope is not None and ((r.get("span_years") or 1) > 1
                                       or r.get("year") not in gold.scope.get(r["source_file"], set())):
            continue
        key = (r["source_file"], r["indicator"], r.get("year"), r.get("span_years") or 1, r.get("status"),
               r.get("measure"), _float(r.get("value")), r.get("unit"), r.get("bound"), _float(r.get("value_high")))
        if key not in seen:
            seen.add(key)
            out.append(key)
    return out


def _match(gold_rows: list[dict], ext: list[tuple], strict: bool) -> tuple[list[dict], list[int]]:
    """Each label takes the first unused warehouse row that matches it: (labels missed, rows used)."""
    used = [False] * len(ext)
    misses = []
    for g in gold_rows:
        gv, gh = _float(g["value"]), _float(g.get("value_high"))
        for i, (f, ind, yr, span, st, meas, val, unit, bound, high) in enumerate(ext):
            if used[i] or (f, ind, meas) != (g["report"], g["indicator"], g["measure"]):
                continue
            if yr is None or int(yr) != int(g["year"]) or int(span or 1) != int(g["span"] or 1):
                continue
            if strict:
                ok = (st == g["status"] and _close(val, gv) and unit == g["unit"] and bound == g["bound"]
                      and (gh is None or _close(high, gh)))
            else:
                ok = _result_class(st or "") == _result_class(g["status"]) and _close(val, gv)
            if ok:
                used[i] = True
                break
        else:
            misses.append(g)
    return misses, [i for i, u in enumerate(used) if u]


def score_indicators(gold: Gold, rows: list[dict]) -> Evaluation:
    ext = candidate_rows(gold, rows)
    strict_miss, strict_used = _match(gold.indicators, ext, strict=True)
    relaxed_miss, _ = _match(gold.indicators, ext, strict=False)
    n = len(gold.indicators)
    per_report: dict[str, Counts] = defaultdict(Counts)
    for g in gold.indicators:
        per_report[g["report"]].gold += 1
        per_report[g["report"]].tp += 1
    for g in strict_miss:
        per_report[g["report"]].tp -= 1
    for e in ext:
        per_report[e[0]].extracted += 1
    used = set(strict_used)
    return Evaluation(
        strict=Counts(n - len(strict_miss), n, len(ext)),
        relaxed=Counts(n - len(relaxed_miss), n, len(ext)),
        per_report=dict(per_report),
        misses=strict_miss,
        extras=[e for i, e in enumerate(ext) if i not in used],
    )


def score_metadata(ev: Evaluation, gold: Gold, reports: list[dict]) -> None:
    by_file = {r.get("source_file"): r for r in reports}
    for g in gold.reports:
        r = by_file.get(g["report"], {})
        for f in METADATA_FIELDS:
            if g.get(f, "") == "":
                continue
            ev.metadata_fields += 1
            got = r.get(f)
            if got is not None and str(got) == g[f]:
                ev.metadata_right += 1
            else:
                ev.metadata_wrong.append((g["report"], f, g[f], got))


def _name(s: str) -> str:
    return re.sub(r"[\s“”\"'‘’「」《》()()、,,。.]", "", s or "")


def _bigrams(s: str) -> set:
    return {s[i:i + 2] for i in range(len(s) - 1)} or {s}


def score_projects(ev: Evaluation, gold: Gold, projects: list[dict]) -> None:
    """A labelled project is found when a project of its report bears a name containing it, contained in it, or
    sharing at least 60% of its character pairs."""
    by_file = defaultdict(list)
    for r in projects:
        by_file[r.get("source_file")].append(_name(r.get("project_name") or ""))
    for g in gold.projects:
        ev.projects_gold += 1
        gn = _name(g["project"])
        if any(rn and (gn in rn or rn in gn or len(_bigrams(gn) & _bigrams(rn)) / len(_bigrams(gn) | _bigrams(rn))
                       >= 0.6) for rn in by_file.get(g["report"], [])):
            ev.projects_found += 1


def _fetch(con, sql: str) -> list[dict]:
    cur = con.execute(sql)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def evaluate_warehouse(warehouse: Path, gold_dir: Path) -> Evaluation:
    import duckdb

    gold = read_gold(gold_dir)
    if not warehouse.exists():
        raise EvaluationError(f"No warehouse at {warehouse}: build it first.")
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error as e:
        raise EvaluationError(f"Cannot open {warehouse} read-only ({str(e).splitlines()[0]}).") from e
    try:
        ev = score_indicators(gold, _fetch(con, "select * from marts.fct_indicator_values"))
        score_metadata(ev, gold, _fetch(con, "select * from marts.dim_reports"))
        if gold.projects:
            score_projects(ev, gold, _fetch(con, "select p.project_name, r.source_file from marts.fct_projects p "
                                                 "join marts.dim_reports r using (report_id)"))
    except duckdb.Error as e:
        raise EvaluationError(f"{warehouse} lacks the mart tables ({str(e).splitlines()[0]}).") from e
    finally:
        con.close()
    return ev


def report_lines(ev: Evaluation, show_errors: bool = False) -> list[str]:
    """The evaluation as a person reads it: per report, then overall (the last line is the headline figure)."""
    out = []
    if show_errors:
        out.append("-- labelled figures missed (strict) --")
        out += [f"  {g['report']} {g['indicator']} {g['year']}/{g['span']} {g['status']} {g['measure']} "
                f"{g['value']}{g['unit']} {g['bound']}  « {g.get('evidence', '')} »" for g in ev.misses]
        out.append("-- figures in the warehouse but not labelled (strict) --")
        out += ["  " + " ".join("" if x is None else str(x) for x in e) for e in ev.extras]
        if ev.metadata_wrong:
            out.append("-- report metadata wrong --")
            out += [f"  {r} {f}: labelled {g!r}, warehouse {w!r}" for r, f, g, w in ev.metadata_wrong]
    out.append(f"{'report':40} {'gold':>5} {'found':>6} {'right':>6} {'P':>6} {'R':>6} {'F1':>6}")
    for name, c in sorted(ev.per_report.items()):
        out.append(f"{name:40} {c.gold:5d} {c.extracted:6d} {c.tp:6d} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}")
    s, r = ev.strict, ev.relaxed
    out.append(f"indicators strict : P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
               f"({s.tp} of {s.gold} labelled, {s.extracted} in the warehouse)")
    out.append(f"indicators relaxed: P={r.precision:.3f} R={r.recall:.3f} F1={r.f1:.3f}")
    if ev.metadata_fields:
        out.append(f"report metadata   : {ev.metadata_accuracy:.3f} ({ev.metadata_right} of {ev.metadata_fields} fields)")
    if ev.projects_gold:
        out.append(f"projects          : recall={ev.project_recall:.3f} ({ev.projects_found} of {ev.projects_gold})")
    out.append(f"strict F1 {s.f1:.3f}, metadata {ev.metadata_accuracy:.3f}")
    return out
