"""`python -m tests.bench [--sizes 100,1000,10000]`: the scale benchmark, printed as tables (docs/benchmark.md).

1. Parse throughput (chars/s) of the project's figure extractor and full parse_report beside JioNLP's extract_money,
   and reading speed of each inbox form (text, PDF, .docx, .doc) up to the normalised text.
2. For each size N: a corpus of N distinct derived reports, `python -m orchestration build` timed with the peak
   memory of its process tree, then one new report dropped in and taken through the per-report path
   (its partition parsed + refresh_warehouse) until its facts are in the marts.
3. T(10N)/T(N) for sizes ten times apart.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import duckdb

from tests.bench.corpus import REPO, generate
from tests.bench.hostile import measure as measure_hostile
from tests.bench.measure import run_measured
from tests.bench.reading import measure as measure_reading
from tests.bench.throughput import measure, stage_profile


def machine() -> str:
    model = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                  if ln.startswith("model name")), platform.processor())
    mem_kb = next(int(ln.split()[1]) for ln in Path("/proc/meminfo").read_text().splitlines()
                  if ln.startswith("MemTotal"))
    return f"{os.cpu_count()} cores ({model}), {mem_kb / 1024 / 1024:.0f} GB RAM, Python {platform.python_version()}"


def throughput_section(work: Path, n_texts: int) -> dict:
    paths = generate(n_texts, work / "throughput")
    texts = [p.read_text(encoding="utf-8") for p in paths]
    rates = measure(texts)
    stages = stage_profile(texts)
    jio = rates["jionlp extract_money"]
    print(f"\n## Parse throughput ({len(texts)} derived reports, {sum(map(len, texts)):,} chars, one core)\n")
    print("| extractor | chars/s | x JioNLP |")
    print("|---|---:|---:|")
    for name, rate in rates.items():
        print(f"| {name} | {rate:,.0f} | {rate / jio:.2f} |")
    print("\nparse_report by stage (chars/s of each stage alone; the slowest limits the whole):\n")
    print("| stage | chars/s |")
    print("|---|---:|")
    for name, rate in sorted(stages.items(), key=lambda kv: kv[1]):
        print(f"| {name} | {rate:,.0f} |")
    return {"rates": rates, "stages": stages, "chars": sum(map(len, texts)), "texts": len(texts)}


def hostile_section(report_rate: float) -> list[dict]:
    rows = measure_hostile()
    print("\n## Hostile inputs (every stage linear; chars/s beside a report's full parse_report)\n")
    print("| input | stage | chars | seconds | chars/s | x a report's |")
    print("|---|---|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['input']} | {r['stage']} | {r['chars']:,} | {r['seconds']:.2f} | {r['chars_per_second']:,.0f} | "
              f"{r['chars_per_second'] / report_rate:.1f} |")
    return rows


def reading_section() -> dict:
    rates = measure_reading()
    print("\n## Reading speed (file bytes -> normalised text, one core)\n")
    print("| form | size | chars | seconds | chars/s | pages/s |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, r in rates.items():
        pages = f"{r['pages_per_second']:,.0f}" if r["pages_per_second"] else "-"
        print(f"| {name} | {r['bytes'] / 1e3:,.0f} KB | {r['chars']:,} | {r['seconds']:.2f} | "
              f"{r['chars_per_second']:,.0f} | {pages} |")
    return rates


def _warehouse_counts(warehouse: Path, source_file: str | None = None) -> dict:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        out = {"reports": con.execute("select count(*) from marts.dim_reports").fetchone()[0],
               "indicator_values": con.execute("select count(*) from marts.fct_indicator_values").fetchone()[0]}
        if source_file is not None:
            out["new_report_indicator_values"] = con.execute(
                "select count(*) from marts.fct_indicator_values v join raw.report_files f using (report_id) "
                "where f.source_file = ?", [source_file]).fetchone()[0]
        return out
    finally:
        con.close()


def _watch_publish(warehouse: Path):
    """Start timing now; the returned function gives the seconds until the warehouse file was replaced (publish
    renames a new file onto it, so its inode changes): the moment analysts can see the new facts. Later steps of
    the same run (the chart) do not delay that."""
    before = warehouse.stat().st_ino
    t0 = time.perf_counter()
    seen: list[float] = []
    stop = threading.Event()

    def poll() -> None:
        while not stop.is_set() and not seen:
            try:
                if warehouse.stat().st_ino != before:
                    seen.append(time.perf_counter() - t0)
            except OSError:
                pass
            stop.wait(0.05)

    thread = threading.Thread(target=poll, daemon=True)
    thread.start()

    def result() -> float:
        stop.set()
        thread.join()
        return seen[0] if seen else float("nan")

    return result


def size_section(work: Path, n: int, keep: bool) -> dict:
    base = work / f"n{n}"
    inbox, warehouse = base / "inbox", base / "warehouse.duckdb"
    t0 = time.perf_counter()
    paths = generate(n, inbox)
    generated = time.perf_counter() - t0
    chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    print(f"\n[N={n}] corpus: {n} files, {chars:,} chars, generated in {generated:.1f} s; building ...", flush=True)
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    build = run_measured([sys.executable, "-m", "orchestration", "build", "--inbox", str(inbox), "--warehouse",
                          str(warehouse)], env=env, cwd=REPO)
    if build.returncode != 0:
        raise SystemExit(f"build of {n} reports failed:\n{build.stderr[-3000:]}")
    counts = _warehouse_counts(warehouse)
    print(f"[N={n}] built in {build.seconds:.1f} s, peak {build.peak_pss_mb:.0f} MB (PSS) / "
          f"{build.peak_rss_mb:.0f} MB (RSS sum); {counts}", flush=True)

    # one new report, distinct from the N (its index is N), dropped into the built inbox
    new = generate(1, inbox, start=n)[0]
    key = new.relative_to(inbox).as_posix()
    published = _watch_publish(warehouse)
    add = run_measured([sys.executable, "-m", "tests.bench.add_one", str(inbox), str(warehouse), key], env=env,
                       cwd=REPO)
    visible_after = published()
    if add.returncode != 0:
        raise SystemExit(f"adding one report to {n} failed:\n{add.stderr[-3000:]}")
    inner = json.loads(add.stdout.strip().splitlines()[-1])
    after = _warehouse_counts(warehouse, key)
    visible = after["reports"] == counts["reports"] + 1 and after["new_report_indicator_values"] > 0
    phases = ", ".join(f"{k.removesuffix('_seconds')} {v:.1f} s" for k, v in inner.items() if k.endswith("_seconds")
                       and k != "seconds")
    print(f"[N={n}] one new report: warehouse republished {visible_after:.1f} s after the drop, run over after "
          f"{add.seconds:.1f} s ({phases}); facts found: {visible}", flush=True)
    if not keep:
        shutil.rmtree(base, ignore_errors=True)
    return {"n": n, "chars": chars, "build_seconds": build.seconds, "peak_pss_mb": build.peak_pss_mb,
            "peak_rss_mb": build.peak_rss_mb, "add_one_seconds": add.seconds,
            "add_one_phases": {k: v for k, v in inner.items() if k.endswith("_seconds")},
            "add_one_visible_seconds": visible_after, "add_one_peak_pss_mb": add.peak_pss_mb,
            "new_report_visible": visible, "counts": counts, "generate_seconds": generated}


def print_sizes(rows: list[dict]) -> None:
    print(f"\n## End to end ({machine()})\n")
    print("| N reports | chars | build s | chars/s | peak MB (PSS) | peak MB (RSS sum) | T(N)/T(N/10) | "
          "one more report: in marts after s | its run over after s | its facts found |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    by_n = {r["n"]: r for r in rows}
    for r in rows:
        prev = by_n.get(r["n"] // 10) if r["n"] % 10 == 0 else None
        ratio = f"{r['build_seconds'] / prev['build_seconds']:.2f}" if prev else "-"
        print(f"| {r['n']:,} | {r['chars']:,} | {r['build_seconds']:.1f} | {r['chars'] / r['build_seconds']:,.0f} | "
              f"{r['peak_pss_mb']:.0f} | {r['peak_rss_mb']:.0f} | {ratio} | {r['add_one_visible_seconds']:.1f} | "
              f"{r['add_one_seconds']:.1f} | "
              f"{'yes' if r['new_report_visible'] else 'NO'} |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,1000,10000", help="corpus sizes, comma separated")
    ap.add_argument("--throughput-texts", type=int, default=100, help="derived reports for the throughput table")
    ap.add_argument("--skip-throughput", action="store_true")
    ap.add_argument("--workdir", help="where corpora and warehouses go (default: a temporary folder)")
    ap.add_argument("--keep", action="store_true", help="keep each size's corpus and warehouse")
    ap.add_argument("--json", help="also write the results to this file")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="gwr-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    nproc = subprocess.run(["nproc"], check=False, capture_output=True, text=True).stdout.strip()
    print(f"# Benchmark on {machine()}; nproc={nproc}")
    results: dict = {"machine": machine(), "sizes": []}
    if not args.skip_throughput:
        results["throughput"] = throughput_section(work, args.throughput_texts)
        results["hostile"] = hostile_section(results["throughput"]["rates"]["parse_report (everything)"])
        results["reading"] = reading_section()
    for n in sizes:
        results["sizes"].append(size_section(work, n, args.keep))
    if results["sizes"]:
        print_sizes(results["sizes"])
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    if not args.workdir and not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if all(r["new_report_visible"] for r in results["sizes"]) else 1


if __name__ == "__main__":
    sys.exit(main())
