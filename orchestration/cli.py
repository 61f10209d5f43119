"""Command line: `python -m orchestration build|export|chart|docs|evaluate` (CONTRACT.md). Every error is one plain sentence."""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path

from orchestration.evaluate import EvaluationError
from orchestration.export import FORMATS, ExportFailed, export_marts
from orchestration.runner import BuildFailed, build
from orchestration.settings import DBT_PROJECT_DIR, SettingsError, resolve_paths

# "read 3/5 some/file.txt", "parsed 3/5 ..." from the runner's assets; anything else is a plain status line.
STEP_MESSAGE = re.compile(r"(\w+) (\d+)/(\d+) (.*)", re.DOTALL)
BUILD_LOG = "last_build.log"
# The start of a record from Dagster's console logger ("2026-11-22 00:57:33 +0000 - dagster - WARNING - ..."),
# possibly coloured; anchored and without nested repeats, so matching is linear.
DAGSTER_RECORD = re.compile(r"(?:\x1b\[[0-9;]*m)?\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}(?:\x1b\[0m)? - dagster")


class ProgressHandler(logging.Handler):
    """Shows the `gwr.progress` messages as progress bars on a terminal and as plain lines elsewhere (CI, logs)."""

    def __init__(self, stream=None, as_bar: bool | None = None):
        super().__init__(logging.INFO)
        self.stream = stream or sys.stderr
        self.as_bar = self.stream.isatty() if as_bar is None else as_bar
        self.bars: dict = {}

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
            step = STEP_MESSAGE.fullmatch(message)
            if step and self.as_bar:
                self._advance(step[1], int(step[2]), int(step[3]), step[4])
            else:
                self._line(message)
        except Exception:  # noqa: BLE001 - a display problem must never fail the build
            self.handleError(record)

    def _advance(self, verb: str, done: int, total: int, key: str) -> None:
        from tqdm import tqdm

        bar = self.bars.get(verb)
        if bar is None:
            # a fixed width: tqdm's own probe reads 0 columns on a terminal that reports no size and then draws nothing
            width = min(100, shutil.get_terminal_size((80, 24)).columns or 80)
            bar = self.bars[verb] = tqdm(
                total=total, desc=f"  {verb}", unit="file", file=self.stream, leave=True, ncols=width
            )
        bar.set_postfix_str(key[-40:], refresh=False)
        bar.update(done - bar.n)
        if done >= total:
            bar.close()
            del self.bars[verb]

    def _line(self, message: str) -> None:
        if self.bars:
            from tqdm import tqdm

            tqdm.write(f"  {message}", file=self.stream)
        else:
            print(f"  {message}", file=self.stream, flush=True)

    def close(self) -> None:
        for bar in self.bars.values():
            bar.close()
        self.bars.clear()
        super().close()


@contextlib.contextmanager
def progress_output(stream=None, as_bar: bool | None = None):
    logger = logging.getLogger("gwr.progress")
    handler = ProgressHandler(stream=stream, as_bar=as_bar)
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        handler.close()


class DagsterRecordsToLog(io.TextIOBase):
    """sys.stderr during a build: records of Dagster's console logger go to the build log, the rest to the terminal.

    Dagster's console logger (coloredlogs' StandardErrorHandler) looks sys.stderr up for every record and writes each
    record in one call, so routing whole writes is enough; the runner's own status lines still reach the terminal.
    """

    def __init__(self, terminal, log):
        super().__init__()
        self.terminal, self.log = terminal, log

    def write(self, text: str) -> int:
        (self.log if DAGSTER_RECORD.match(text) else self.terminal).write(text)
        return len(text)

    def flush(self) -> None:
        self.terminal.flush()
        self.log.flush()

    def isatty(self) -> bool:
        return False  # so no colour codes end up in the log file


def _pump(read_fd: int, terminal, log, stop: threading.Event) -> None:
    """Copies what step processes write to file descriptor 2, line by line, to the log or the terminal."""
    pending = b""
    try:
        while True:
            ready, _, _ = select.select([read_fd], [], [], 0.05)
            if not ready:
                if stop.is_set():
                    break
                continue
            chunk = os.read(read_fd, 65536)
            if not chunk:
                break
            *lines, pending = (pending + chunk).split(b"\n")
            for line in lines:
                text = line.decode("utf-8", errors="replace") + "\n"
                (log if DAGSTER_RECORD.match(text) else terminal).write(text)
    finally:
        if pending:
            terminal.write(pending.decode("utf-8", errors="replace"))
        terminal.flush()
        os.close(read_fd)


@contextlib.contextmanager
def step_processes_routed(log):
    """Yields a stream to the real terminal while file descriptor 2 feeds a pipe that `_pump` sorts.

    A multiprocess build's step processes inherit descriptor 2 and print Dagster's records there themselves, past any
    sys.stderr replacement in this process. A select loop with a stop flag rather than waiting for end-of-file: the
    forkserver the runner starts may outlive the run and keep the pipe's write end open.
    """
    sys.stderr.flush()
    terminal = open(os.dup(2), "w", encoding="utf-8", errors="replace", buffering=1)  # noqa: SIM115 - closed below
    read_fd, write_fd = os.pipe()
    os.dup2(write_fd, 2)
    os.close(write_fd)
    stop = threading.Event()
    pump = threading.Thread(target=_pump, args=(read_fd, terminal, log, stop), name="gwr-stderr", daemon=True)
    pump.start()
    try:
        yield terminal
    finally:
        os.dup2(terminal.fileno(), 2)
        stop.set()
        pump.join(timeout=5)
        terminal.close()


@contextlib.contextmanager
def quiet_libraries(log_path: Path):
    """Keep dbt's per-node lines, Dagster's event records and its beta/deprecation warnings off the terminal.

    dagster-dbt re-prints every dbt log line on sys.stdout and Dagster logs rejected files and step failures on
    sys.stderr (and step processes on descriptor 2); all go to a log file instead, which a failed build's message
    points to, so nothing is lost. Yields the stream that still reaches the terminal, for the progress display.
    """
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings(), open(log_path, "w", encoding="utf-8") as log, step_processes_routed(log) as tty:
        warnings.filterwarnings("ignore", module=r"dagster.*")
        warnings.filterwarnings("ignore", message=r".*(beta|preview|deprecat|resolve_job_def).*")
        with contextlib.redirect_stdout(log), contextlib.redirect_stderr(DagsterRecordsToLog(tty, log)):
            yield tty


def _cmd_build(args: argparse.Namespace) -> int:
    started = time.monotonic()
    paths = resolve_paths(args.inbox, args.warehouse)
    log_path = paths.work_dir / BUILD_LOG
    with quiet_libraries(log_path) as terminal, progress_output(stream=terminal):
        try:
            summary = build(args.inbox, args.warehouse)
        except BuildFailed as e:
            raise BuildFailed(f"{str(e).rstrip('.')} (full log: {log_path}).") from e
    rejected = summary.pop("_rejected")
    for name, reason in rejected:
        print(f"  rejected {name}: {reason}", file=sys.stderr)
    print(
        f"Built {paths.warehouse} in {time.monotonic() - started:.0f} s: "
        + ", ".join(f"{v} {k}" for k, v in summary.items())
    )
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    warehouse = resolve_paths(None, args.warehouse).warehouse
    out_dir = Path(args.out).expanduser().resolve()
    exported = export_marts(warehouse, out_dir, args.format)
    for t in exported:
        print(f"  {t.table}: {t.rows} rows", file=sys.stderr)
    print(f"Exported {len(exported)} mart tables ({sum(t.rows for t in exported)} rows) as {args.format} to {out_dir}")
    return 0


def _cmd_chart(args: argparse.Namespace) -> int:
    from orchestration.export import open_read_only
    from orchestration.reporting.chart import chart_path, render_from_warehouse

    warehouse = resolve_paths(None, args.warehouse).warehouse
    open_read_only(warehouse).close()  # a missing or locked file fails here with a plain sentence
    out = Path(args.out).expanduser().resolve() if args.out else chart_path(warehouse)
    result = render_from_warehouse(warehouse, out)
    if result.font is None:
        print(
            "  warning: no font with Chinese glyphs is installed (fonts-noto-cjk); labels show as boxes",
            file=sys.stderr,
        )
    print(f"Drew {result.n_targets} growth targets of {len(result.districts)} districts to {out}")
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from orchestration.evaluate import evaluate_warehouse, report_lines

    warehouse = resolve_paths(None, args.warehouse).warehouse
    ev = evaluate_warehouse(warehouse, Path(args.gold).expanduser().resolve())
    print("\n".join(report_lines(ev, show_errors=args.show_errors)))
    return 0


def _dbt(*argv: str, env: dict, log) -> subprocess.CompletedProcess:
    from orchestration.defs.resources import dbt_executable

    return subprocess.run(
        [dbt_executable(), *argv, "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR)],
        cwd=DBT_PROJECT_DIR,
        env=env,
        check=False,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _cmd_docs(args: argparse.Namespace) -> int:
    from orchestration.export import open_read_only

    warehouse = resolve_paths(None, args.warehouse).warehouse
    open_read_only(warehouse).close()
    target = warehouse.parent / "dbt_docs"
    log_path = target / "dbt_docs.log"
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gwr-docs-") as tmp:
        # dbt opens its database for writing; a private copy of the published file never blocks a build or a reader
        copy = Path(tmp) / "warehouse.duckdb"
        shutil.copyfile(warehouse, copy)
        env = {**os.environ, "GWR_DBT_PATH": str(copy)}
        with open(log_path, "w", encoding="utf-8") as log:
            proc = _dbt("docs", "generate", "--static", "--target-path", str(target), env=env, log=log)
    if proc.returncode != 0:
        raise BuildFailed(f"dbt docs generate failed (log: {log_path}).")
    print(f"dbt docs written to {target}; open {target / 'static_index.html'} in a browser")
    if args.serve:
        print(f"Serving them on http://127.0.0.1:{args.port} (Ctrl-C stops)", flush=True)
        from orchestration.defs.resources import dbt_executable

        subprocess.run(
            [
                dbt_executable(),
                "docs",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(args.port),
                "--no-browser",
                "--target-path",
                str(target),
                "--project-dir",
                str(DBT_PROJECT_DIR),
                "--profiles-dir",
                str(DBT_PROJECT_DIR),
            ],
            cwd=DBT_PROJECT_DIR,
            check=False,
        )
    return 0


class Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake in one sentence (its default prints the whole usage block first)."""

    def error(self, message: str):
        self.exit(2, f"error: {message} (see {self.prog} --help).\n")


def make_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="python -m orchestration", description="Build and use the government work report (政府工作报告) warehouse."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="{build,export,chart,docs,evaluate}")
    warehouse_help = "the warehouse DuckDB file (default: $GWR_WAREHOUSE or warehouse/warehouse.duckdb)"

    b = sub.add_parser(
        "build",
        help="read the inbox and build the DuckDB warehouse",
        description="Materialize every asset (ingest, parse, load, dbt build, publish, chart) for every "
        "report file in the inbox. Rejected files are listed in marts.rejected_files; the build still "
        "succeeds. dbt's own output goes to last_build.log in the build folder beside the warehouse.",
    )
    b.add_argument("--inbox", help="folder of report files (default: $GWR_INBOX or seeds/)")
    b.add_argument("--warehouse", help="DuckDB file to write (default: $GWR_WAREHOUSE or warehouse/warehouse.duckdb)")
    b.set_defaults(func=_cmd_build)

    e = sub.add_parser(
        "export",
        help="write every mart table to CSV or Parquet files",
        description="Write one file per table of schema marts, in UTF-8 (CSV with a byte-order mark so "
        "spreadsheets show Chinese correctly). Opens the warehouse read-only.",
    )
    e.add_argument("--format", choices=FORMATS, default="csv", help="file format (default: csv)")
    e.add_argument("--out", required=True, help="folder to write the files into (created if missing)")
    e.add_argument("--warehouse", help=warehouse_help)
    e.set_defaults(func=_cmd_export)

    c = sub.add_parser(
        "chart",
        help="draw growth targets against prior-year results as a PNG",
        description="Draw marts.fct_target_vs_prior (growth targets, prior-year results, later actuals) "
        "per district as a PNG. The build draws the same chart as the target_chart asset.",
    )
    c.add_argument("--warehouse", help=warehouse_help)
    c.add_argument("--out", help="PNG file to write (default: <warehouse name>_targets_vs_prior.png beside it)")
    c.set_defaults(func=_cmd_chart)

    d = sub.add_parser(
        "docs",
        help="generate (and optionally serve) the dbt documentation site",
        description="Run dbt docs generate --static offline against a copy of the warehouse; the site "
        "goes to dbt_docs/ beside the warehouse. --serve then serves it on 127.0.0.1.",
    )
    d.add_argument("--warehouse", help=warehouse_help)
    d.add_argument("--serve", action="store_true", help="serve the site after generating it")
    d.add_argument("--port", type=int, default=8080, help="port for --serve (default: 8080)")
    d.set_defaults(func=_cmd_docs)

    v = sub.add_parser(
        "evaluate",
        help="score the warehouse against hand-made labels (precision, recall, F1 per report)",
        description="Compare marts.fct_indicator_values and marts.dim_reports with labels in the format of "
        "examples/gold/SCHEMA.md (indicators.csv, reports.csv, projects.csv) and print precision, recall and F1 "
        "of the headline figures per report and overall, the share of report metadata right and project recall.",
    )
    v.add_argument("--gold", required=True, help="folder holding the labels (e.g. examples/corpus/gold)")
    v.add_argument("--warehouse", help=warehouse_help)
    v.add_argument("--show-errors", action="store_true", help="also list every miss, extra and wrong metadata field")
    v.set_defaults(func=_cmd_evaluate)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return args.func(args)
    except (BuildFailed, SettingsError, ExportFailed, EvaluationError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted; the published warehouse was left as it was.", file=sys.stderr)
        return 130
    except Exception as e:  # one sentence for the user; GWR_DEBUG=1 shows the traceback
        if os.environ.get("GWR_DEBUG"):
            raise
        detail = str(e).strip().splitlines()[0] if str(e).strip() else "no details"
        print(
            f"error: unexpected {type(e).__name__}: {detail} (set GWR_DEBUG=1 to see the traceback).", file=sys.stderr
        )
        return 1
