"""Parse throughput in characters per second: the project's figure extractor and full parse_report, beside JioNLP's
`jio.ner.extract_money` (the usual library for Chinese amounts) on the same texts."""
from __future__ import annotations

import contextlib
import importlib
import importlib.util
import io
import os
import subprocess
import sys
import time
from collections.abc import Callable


def _jionlp():
    """Import JioNLP, installing it into this environment first if missing (benchmark only, never a product
    dependency). Its import prints a banner (and jiojio a line on stderr), hence the redirects (STACK.md item 13)."""
    if importlib.util.find_spec("jionlp") is None:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "jionlp"], check=True)
    with _silenced():
        return importlib.import_module("jionlp")


@contextlib.contextmanager
def _silenced():
    """Both streams to /dev/null at the descriptor level: the banner comes from loggers holding their own handles."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 1)
        os.dup2(null, 2)
        with contextlib.redirect_stdout(io.StringIO()):
            yield
    finally:
        sys.stdout.flush()
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        for fd in (*saved, null):
            os.close(fd)


def _rates(fns: dict[str, Callable[[str], object]], texts: list[str], min_seconds: float) -> dict[str, float]:
    """chars/s of each function: passes over every text taken in turn (A, B, C, A, B, C ...) so that load from other
    processes falls on all of them alike, and the best pass of each kept (the least disturbed one)."""
    for fn in fns.values():
        fn(texts[0])  # lazy dictionary loads and regex compilation are start-up, not throughput
    chars = sum(map(len, texts))
    best = dict.fromkeys(fns, float("inf"))
    spent = 0.0
    while spent < min_seconds * len(fns):
        for name, fn in fns.items():
            t0 = time.perf_counter()
            for text in texts:
                fn(text)
            dt = time.perf_counter() - t0
            best[name] = min(best[name], dt)
            spent += dt
    return {name: chars / dt for name, dt in best.items()}


def measure(texts: list[str], min_seconds: float = 3.0) -> dict[str, float]:
    from orchestration.parsing import parse_report
    from orchestration.parsing.figures import extract_figures
    from orchestration.parsing.metadata import extract_meta
    from orchestration.parsing.sections import build_sections

    def figures_from_text(text: str):
        # extract_figures needs the section tree and metadata (which years a figure belongs to); both are part of
        # extracting figures from a raw text, so they are timed with it
        sections = build_sections(text)
        return extract_figures(text, sections, extract_meta(text, sections))

    def figures_only(text: str, _cache: dict = {}):  # noqa: B006 - per-text inputs prepared once, outside the timing
        return extract_figures(text, *_cache[text])

    jio = _jionlp()
    for text in texts:
        sections = build_sections(text)
        figures_only.__defaults__[0][text] = (sections, extract_meta(text, sections))
    return _rates({
        "figures (sections+meta+figures)": figures_from_text,
        "extract_figures alone": figures_only,
        "parse_report (everything)": parse_report,
        "jionlp extract_money": jio.ner.extract_money,
    }, texts, min_seconds)


def stage_profile(texts: list[str]) -> dict[str, float]:
    """chars/s of each stage of parse_report, to name the bottleneck."""
    from orchestration.parsing.figures import extract_figures
    from orchestration.parsing.metadata import extract_meta
    from orchestration.parsing.projects import extract_projects
    from orchestration.parsing.sections import build_sections
    from orchestration.parsing.topics import count_topics

    spent = dict.fromkeys(("build_sections", "extract_meta", "extract_figures", "extract_projects", "count_topics"), 0.0)
    for text in texts:
        t0 = time.perf_counter()
        sections = build_sections(text)
        t1 = time.perf_counter()
        meta = extract_meta(text, sections)
        t2 = time.perf_counter()
        extract_figures(text, sections, meta)
        t3 = time.perf_counter()
        extract_projects(text, sections, meta)
        t4 = time.perf_counter()
        count_topics(text, sections)
        t5 = time.perf_counter()
        for k, dt in zip(spent, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
            spent[k] += dt
    chars = sum(map(len, texts))
    return {k: chars / v for k, v in spent.items() if v > 0}
