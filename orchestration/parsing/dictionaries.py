"""Where the parser's dictionaries live, and small cached loaders for them.

The canonical dictionaries are dbt seed CSVs (dbt loads them as tables too); lexicons only the parser
needs live in `orchestration/parsing/data/`. Every file is read as UTF-8 explicitly.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parents[2] / "dbt_project" / "seeds"
DATA_DIR = Path(__file__).resolve().parent / "data"


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]


def _read_lines(path: Path) -> list[str]:
    """Non-empty lines, `#` comments dropped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def project_suffixes() -> tuple[tuple[str, int, str], ...]:
    """(word, freq, tag) rows of the jieba user dictionary of project-name suffixes."""
    rows = []
    for line in _read_lines(DATA_DIR / "project_suffixes.txt"):
        word, freq, tag = (line.split() + ["", ""])[:3]
        rows.append((word, int(freq or 1000), tag or "n"))
    return tuple(rows)


@lru_cache(maxsize=1)
def project_status_cues() -> dict[str, str]:
    """Verb (as written) -> project status it signals."""
    return {r["word"]: r["status"] for r in _read_csv(DATA_DIR / "project_status_cues.csv")}


@lru_cache(maxsize=1)
def project_fillers() -> tuple[frozenset[str], frozenset[str]]:
    """Adverbs, helper verbs and time words that can flank a project name: (front, back) sets."""
    front, back = set(), set()
    for line in _read_lines(DATA_DIR / "project_fillers.txt"):
        word = line.lstrip("^$")
        if not line.startswith("$"):
            front.add(word)
        if not line.startswith("^"):
            back.add(word)
    return frozenset(front), frozenset(back)


@lru_cache(maxsize=1)
def project_generic_words() -> frozenset[str]:
    """Words that never make a project name specific (法治, 商贸, 重点 ...)."""
    return frozenset(w for line in _read_lines(DATA_DIR / "project_generic_words.txt") for w in line.split())


@lru_cache(maxsize=1)
def project_common_words() -> frozenset[str]:
    """Common words ending in a one-character project suffix that name no facility (沿线, 思路, 市场)."""
    return frozenset(w for line in _read_lines(DATA_DIR / "project_common_words.txt") for w in line.split())


@lru_cache(maxsize=1)
def topic_words() -> dict[str, tuple[str, ...]]:
    """topic -> its words, from the dbt seed topic_words.csv."""
    out: dict[str, list[str]] = {}
    for r in _read_csv(SEEDS_DIR / "topic_words.csv"):
        out.setdefault(r["topic"], []).append(r["word"])
    return {k: tuple(v) for k, v in out.items()}


# --- figures: indicator aliases and units (dbt seeds) ---


@lru_cache(maxsize=1)
def indicator_aliases() -> tuple[tuple[str, str, str, bool], ...]:
    """(alias, indicator code, level, fallback) rows of indicator_aliases.csv; an alias `A…B` means A then B in one
    sentence; level is national, local or "" (every level)."""
    return tuple((r["alias"], r["indicator"], r.get("level", ""), r.get("fallback", "") == "true")
                 for r in _read_csv(SEEDS_DIR / "indicator_aliases.csv") if r["alias"])


@lru_cache(maxsize=1)
def indicator_percent_measures() -> dict[str, str]:
    """indicator code -> what a percent of it is when no verb says (share, rate, growth), from indicators.csv."""
    return {r["indicator"]: r["percent_measure"] for r in _read_csv(SEEDS_DIR / "indicators.csv")}


@lru_cache(maxsize=1)
def indicator_codes() -> frozenset[str]:
    return frozenset(r["indicator"] for r in _read_csv(SEEDS_DIR / "indicators.csv"))


@lru_cache(maxsize=1)
def indicator_unit_kinds() -> dict[str, str]:
    """indicator code -> what its levels are measured in (money, persons, mass, percent), from indicators.csv."""
    return {r["indicator"]: r["unit_kind"] for r in _read_csv(SEEDS_DIR / "indicators.csv")}


@lru_cache(maxsize=1)
def units() -> dict[str, tuple[str, float, str]]:
    """unit as written -> (unit_base, factor, kind)."""
    return {r["unit"]: (r["unit_base"], float(r["factor"]), r["kind"]) for r in _read_csv(SEEDS_DIR / "units.csv")}


@lru_cache(maxsize=1)
def gazetteer() -> tuple[dict[str, str], ...]:
    """Every county-level and higher division of China (adcode, name, level, city, province, current).

    Derived from the cpca adcode tables (MIT licence); see data/README.md. A dbt seed too (dim_governments). Old and current names are both kept.
    """
    return tuple(_read_csv(SEEDS_DIR / "gazetteer.csv"))
