"""Normalised text of one part -> parsed tables written beside it as Parquet."""
from __future__ import annotations

import hashlib
import os
import shutil
import traceback
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from orchestration.parsing import parse_report
from orchestration.settings import DBT_PROJECT_DIR
from orchestration.storage.parts import INGEST_FILE, PARSE_FILE, part_dir, read_json, write_json_atomic, write_parquet
from orchestration.storage.raw_tables import RAW_TABLES, parsed_rows

PARSING_DIR = Path(__file__).resolve().parents[1] / "parsing"


@lru_cache(maxsize=1)
def parser_version() -> str:
    """Changes whenever the parser's code or dictionaries change, so cached parts are re-parsed then."""
    h = hashlib.sha256()
    files = sorted(PARSING_DIR.rglob("*.py")) + sorted(PARSING_DIR.rglob("data/*")) + sorted(
        (DBT_PROJECT_DIR / "seeds").glob("*.csv"))
    for p in files:
        if p.is_file() and "__pycache__" not in p.parts:
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


@dataclass(frozen=True)
class ParseResult:
    key: str
    report_id: str | None
    n_figures: int
    n_indicator_values: int
    n_sections: int
    n_projects: int
    district: str | None
    review_year: int | None
    plan_year: int | None
    source_format: str | None  # the reader of the file (ingest.py): text, html, pdf, docx, doc
    error: str | None
    reused: bool


def parse_part(parts_dir: Path, key: str) -> ParseResult:
    folder = part_dir(parts_dir, key)
    ingested = read_json(folder / INGEST_FILE) or {}
    report_id = ingested.get("report_id")
    done = read_json(folder / PARSE_FILE)
    if done and done.get("report_id") == report_id and done.get("parser_version") == parser_version():
        return _result(key, done, reused=True, source_format=ingested.get("source_format"))

    summary: dict = {"report_id": report_id, "parser_version": parser_version(), "error": None}
    if report_id is not None:
        try:
            parsed = parse_report(ingested["text"])
            _write_tables(folder, parsed_rows(report_id, parsed))
        except Exception as e:  # noqa: BLE001 - one bad report must not stop the others
            # also a record the raw tables cannot hold (a wrong type from the parser) lands here, for this report only
            summary["error"] = f"The parser failed on this file ({type(e).__name__}: {e})."
            summary["traceback"] = traceback.format_exc(limit=5)
        else:
            figures = parsed.figures
            summary.update(
                n_figures=len(figures),
                n_indicator_values=sum(1 for f in figures if f.indicator and f.is_headline),
                n_sections=len(parsed.sections),
                n_projects=len(parsed.projects),
                district=parsed.meta.district,
                review_year=parsed.meta.review_year,
                plan_year=parsed.meta.plan_year,
            )
    write_json_atomic(folder / PARSE_FILE, summary)
    return _result(key, summary, reused=False, source_format=ingested.get("source_format"))


def _write_tables(folder: Path, tables: dict[str, list[dict]]) -> None:
    """Every table is written aside first, then all are moved in: a kill while writing leaves the last complete set
    (with its parse.json) in place, never one report's tables from two parser versions."""
    staging = folder / ".staging"
    shutil.rmtree(staging, ignore_errors=True)
    for table, rows in tables.items():
        write_parquet(rows, RAW_TABLES[table], staging / f"{table}.parquet")
    for table in tables:
        os.replace(staging / f"{table}.parquet", folder / f"{table}.parquet")
    shutil.rmtree(staging, ignore_errors=True)


def _result(key: str, s: dict, reused: bool, source_format: str | None) -> ParseResult:
    return ParseResult(
        key=key, report_id=s.get("report_id"), n_figures=s.get("n_figures", 0),
        n_indicator_values=s.get("n_indicator_values", 0), n_sections=s.get("n_sections", 0),
        n_projects=s.get("n_projects", 0), district=s.get("district"), review_year=s.get("review_year"),
        plan_year=s.get("plan_year"), source_format=source_format, error=s.get("error"), reused=reused,
    )
