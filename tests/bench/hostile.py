"""Hostile inputs: a megabyte of digits and punctuation, a long line of list marks, a run of number characters with
no unit. Every stage must stay linear on them (a regex that backtracks, or a rule that rescans from each character,
turns one such line into minutes); their chars/s is printed beside a report's, as a ratio, instead of being timed
in a unit test. The unit tests (tests/parsing) check that these inputs give the right (empty) rows."""
from __future__ import annotations

import time
from collections.abc import Callable


def _figures(text: str):
    from orchestration.parsing.figures import extract_figures
    from orchestration.parsing.metadata import extract_meta
    from orchestration.parsing.sections import build_sections

    sections = build_sections(text)
    return extract_figures(text, sections, extract_meta(text, sections))


def _projects(text: str):
    from orchestration.parsing.metadata import extract_meta
    from orchestration.parsing.projects import extract_projects
    from orchestration.parsing.sections import build_sections

    sections = build_sections(text)
    return extract_projects(text, sections, extract_meta(text, sections))


def _normalize(text: str):
    from orchestration.parsing.normalize import normalize_text

    return normalize_text(text)


def _places(text: str):
    from orchestration.parsing.places import find_places

    return find_places(text)


def inputs() -> list[tuple[str, str, Callable[[str], object]]]:
    """(name, text, stage) of each hostile input."""
    digits = ("1234567890,.;:%。!" * 60000)[:1_000_000]
    return [
        ("a 1 MB line of digits and punctuation", digits + "\n" + digits, _normalize),
        ("a run of 200,000 digits, then 200,000 三 (no unit)", "1" * 200_000 + "年," + "三" * 200_000 + "是",
         _figures),
        ("300 KB of digits and marks, then 5,000 figures", ("1234567890.,;%、—~" * 20000)[:300_000]
         + "增长5%," * 5000, _figures),
        ("a 1 MB line of numbers and marks (places)", ("1234,5678。%" * 100000)[:1_000_000], _places),
        ("a 1 MB line of list marks (projects)", ("1、2,3.4%5;" * 100_000)[:1_000_000], _projects),
    ]


def measure() -> list[dict]:
    out = []
    for name, text, stage in inputs():
        t0 = time.perf_counter()
        stage(text)
        seconds = time.perf_counter() - t0
        out.append({"input": name, "stage": stage.__name__.lstrip("_"), "chars": len(text), "seconds": seconds,
                    "chars_per_second": len(text) / seconds if seconds else float("inf")})
    return out
