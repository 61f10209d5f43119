"""Command line: `python -m orchestration build [--inbox DIR] [--warehouse FILE]` (CONTRACT.md)."""
from __future__ import annotations

import argparse
import logging
import sys
import time

from orchestration.runner import BuildFailed, build
from orchestration.settings import SettingsError, resolve_paths


def _progress_handler() -> logging.Handler:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("  %(message)s"))
    logger = logging.getLogger("gwr.progress")
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    logger.propagate = False
    return handler


def _cmd_build(args: argparse.Namespace) -> int:
    started = time.monotonic()
    _progress_handler()
    summary = build(args.inbox, args.warehouse)
    rejected = summary.pop("_rejected")
    for name, reason in rejected:
        print(f"  rejected {name}: {reason}", file=sys.stderr)
    warehouse = resolve_paths(args.inbox, args.warehouse).warehouse
    print(f"Built {warehouse} in {time.monotonic() - started:.0f} s: " + ", ".join(f"{v} {k}" for k, v in summary.items()))
    return 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m orchestration",
                                     description="Build and use the government work report warehouse.")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="read the inbox and build the DuckDB warehouse",
                       description="Materialize every asset (ingest, parse, load, dbt build, publish) for every report "
                       "file in the inbox. Rejected files are listed in marts.rejected_files; the build still succeeds.")
    b.add_argument("--inbox", help="folder of report files (default: $GWR_INBOX or seeds/)")
    b.add_argument("--warehouse", help="DuckDB file to write (default: $GWR_WAREHOUSE or warehouse/warehouse.duckdb)")
    b.set_defaults(func=_cmd_build)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return args.func(args)
    except (BuildFailed, SettingsError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
