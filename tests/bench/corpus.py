"""Derive N distinct, realistic reports from the sample reports in seeds/.

Each derived report is one sample with its home district renamed to another county or district of the gazetteer
(and its city to that one's city), every year shifted by one offset and every other figure rescaled by one factor.
The home district is found by counting gazetteer names in the text rather than by asking the parser, so the
benchmark does not depend on the code it measures.
"""
from __future__ import annotations

import csv
import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
GAZETTEER = REPO / "dbt_project" / "seeds" / "gazetteer.csv"

# Years: a 4-digit 19xx/20xx written as a year (2019年, 2020-08-03, 2020.6). Other numbers: figures, except dates,
# ordinals and durations, which a rescale would make unreadable. Single pass, no nested quantifiers (linear time).
_NUMBER = re.compile(r"(?<![\d.])(\d+)(\.\d+)?(?![\d])")
_YEAR_AFTER = ("年", "-", ".", "/", "—", "–", "~", "至", "、")
_KEEP_AFTER = ("月", "日", "号", "时", ":", "届", "次会", "年")
_KEEP_BEFORE = ("第", "-", ":", "/")
# Hong Kong, Macao and Taiwan deliver no 政府工作报告 of this kind
_OTHER_SYSTEMS = ("香港", "澳门", "台湾")


@dataclass(frozen=True)
class Place:
    name: str
    short: str
    city: str
    province: str


def _places() -> list[Place]:
    with GAZETTEER.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["level"] in ("district", "county") and r["current"] == "1"
                and not r["province"].startswith(_OTHER_SYSTEMS)]
    return [Place(r["name"], r["short"], r["city"], r["province"]) for r in rows]


def _home(text: str, places: list[Place]) -> Place:
    # two-character names (城区, 郊区, 矿区) are also common words; the short form (蔡甸 for 蔡甸区) counts too
    counts = Counter({p: text.count(p.name) + (text.count(p.short) if len(p.short) >= 2 else 0)
                      for p in places if len(p.name) >= 3 and p.name in text})
    if not counts:
        raise ValueError("no gazetteer district named in the sample")
    best = max(counts.values())
    tied = [p for p, n in counts.items() if n == best]
    # the same name in several cities (青山区): the city the text names most
    return max(tied, key=lambda p: text.count(p.city) if p.city else 0)


def _rewrite_numbers(text: str, year_offset: int, factor: float) -> str:
    def sub(m: re.Match) -> str:
        whole, frac = m.group(1), m.group(2) or ""
        after = text[m.end():m.end() + 2]
        before = text[m.start() - 1:m.start()]
        if not frac and len(whole) == 4 and whole[:2] in ("19", "20") and after.startswith(_YEAR_AFTER):
            return str(int(whole) + year_offset)
        if before in _KEEP_BEFORE or after.startswith(_KEEP_AFTER):
            return m.group(0)
        value = float(whole + frac) * factor
        if after.startswith("%") and float(whole + frac) < 100 <= value:
            value = float(whole + frac)  # a share stays a share
        if frac:
            return f"{value:.{len(frac) - 1}f}"
        return str(max(1, round(value))) if int(whole) > 0 else whole

    return _NUMBER.sub(sub, text)


def _rename(text: str, home: Place, new: Place) -> str:
    # longest names first so that 黄石市 is not half-replaced through 黄石
    pairs = [(home.name, new.name), (home.city, new.city), (home.short, new.short)]
    for old, repl in sorted((p for p in pairs if p[0] and len(p[0]) >= 2), key=lambda p: -len(p[0])):
        text = text.replace(old, repl)
    return text


def generate(n: int, out_dir: Path, seeds_dir: Path = SEEDS, start: int = 0) -> list[Path]:
    """Write reports start..start+n-1 under out_dir/<first plan year>/; the same index always gives the same file."""
    samples = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(seeds_dir.glob("*.txt"))]
    places = _places()
    homes = [_home(text, places) for _, text in samples]
    written, seen = [], set()
    for i in range(start, start + n):
        stem, text = samples[i % len(samples)]
        # a stride coprime with the gazetteer size walks every place before repeating one
        new = places[(i * 7919 + 11) % len(places)]
        offset = -((i // len(samples)) % 8)
        factor = 0.6 + ((i * 2654435761) % 100003) / 100003
        body = _rewrite_numbers(_rename(text, homes[i % len(samples)], new), offset, factor)
        sha = hashlib.sha256(body.encode("utf-8")).hexdigest()
        if sha in seen:  # vanishingly rare; a distinct report is the point, so nudge the factor
            body = _rewrite_numbers(_rename(text, homes[i % len(samples)], new), offset, factor * 1.01)
            sha = hashlib.sha256(body.encode("utf-8")).hexdigest()
        seen.add(sha)
        folder = out_dir / f"batch{i // 1000:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{i:06d}_{new.name}_{stem[:3]}.txt"
        path.write_text(body, encoding="utf-8")
        written.append(path)
    return written
