"""Helpers of the tests from real sentences (test_real_*.py): corpus reports read once, and short excerpts parsed
under a heading that gives them their years.

A corpus file is read as ingest reads it (decode_report, then normalize_text) and parsed with parse_report; both are
cached, so a module that asks several questions of one report reads and parses it once.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from orchestration.parsing import parse_report
from orchestration.parsing.decode import decode_report
from orchestration.parsing.figures import extract_figures
from orchestration.parsing.normalize import normalize_text
from orchestration.parsing.records import ParsedReport, ReportMeta
from orchestration.parsing.report_years import report_years
from orchestration.parsing.sections import build_sections

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus" / "texts"


@cache
def raw_text(name: str) -> str:
    """The file's text as decoded, before any repair (a missing file fails the test, it never skips)."""
    return decode_report((CORPUS / name).read_bytes()).text


@cache
def corpus_text(name: str) -> str:
    return normalize_text(raw_text(name))


@cache
def parsed(name: str) -> ParsedReport:
    return parse_report(corpus_text(name))


def review(year: int) -> str:
    """A review heading: the excerpt after it reports results of `year`."""
    return f"一、{year}年工作回顾\n\n"


def plan(year: int) -> str:
    """A review heading, a sentence, then the plan heading of the next year: the excerpt after it sets targets."""
    return f"一、{year - 1}年工作回顾\n\n全县经济平稳。\n\n二、{year}年工作安排\n\n"


def figures(text: str, admin_level: str | None = None):
    """The figures of an excerpt, its years from its headings; `admin_level` national reads national aliases."""
    text = normalize_text(text)
    sections = build_sections(text)
    y = report_years(text, sections)
    meta = ReportMeta(admin_level=admin_level, report_year=y.report_year, review_year=y.review_year,
                      plan_year=y.plan_year)
    return extract_figures(text, sections, meta)


def row(f) -> tuple:
    """What a user reads of a figure: indicator, year, span, status, measure, value, unit, bound, value_high."""
    return (f.indicator, f.year, f.span_years, f.status, f.measure, f.value, f.unit, f.bound, f.value_high)


def headline_rows(text: str, admin_level: str | None = None) -> list[tuple]:
    return [row(f) for f in figures(text, admin_level) if f.indicator and f.is_headline]


def report_rows(name: str) -> list[tuple]:
    """The headline rows of a whole corpus report, each fact once (as the warehouse keeps them)."""
    out: list[tuple] = []
    for f in parsed(name).figures:
        r = row(f)
        if f.indicator and f.is_headline and r not in out:
            out.append(r)
    return out


def evidence_of(meta: ReportMeta, field: str) -> str:
    """The signal years_evidence records for one year ("report", "review" or "plan")."""
    for part in (meta.years_evidence or "").split("; "):
        key, _, source = part.partition(": ")
        if key == field:
            return source
    return ""


def passage_rows(name: str, passage: str) -> list[tuple]:
    """The headline rows of a corpus report whose number stands inside `passage` (quoted from the report)."""
    text = corpus_text(name)
    start = text.index(passage)  # a passage not in the report fails the test here
    return [row(f) for f in parsed(name).figures
            if f.indicator and f.is_headline and start <= f.char_start < start + len(passage)]


def wrong_now(reason: str):
    """The mark of a case the parser gets wrong today: strict, so that the case fails once it is fixed until the
    mark is removed."""
    return pytest.mark.xfail(strict=True, reason=reason)
