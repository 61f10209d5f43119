"""Numerals as they occur in reports: Arabic (half- or full-width) and Chinese (三千, 两万, 一千二百, 二〇二一),
and amounts with their unit (20亿元 -> 2e9 元, through the units dictionary)."""
from __future__ import annotations

import re
from functools import lru_cache

import cn2an

from .dictionaries import units

# The numeral characters, kept here once: every pattern that reads Chinese numbers builds on these.
YEAR_DIGITS = "〇一二三四五六七八九"  # years are written digit by digit: 二〇二一
ORDINALS = "一二三四五六七八九十"  # 一、 parts, (三) subsections, 第十三届
CHINESE_NUMERALS = "零〇一二两三四五六七八九十百千万亿"

# Full-width forms map one character to one character, so offsets in the folded text equal offsets in the
# original: evidence and sentences can then be cut from the caller's text unchanged.
_FULL = "０１２３４５６７８９．，；：（）％～－"
_HALF = "0123456789.,;:()%~-"
WIDTH_TABLE = str.maketrans(_FULL, _HALF)
_HAS_FULL = re.compile(f"[{re.escape(_FULL)}]")


def fold_width(text: str) -> str:
    """Full-width digits and the punctuation figures depend on, folded to ASCII, keeping every offset."""
    # translate() walks every character; most texts are already NFKC-normalised and need nothing.
    return text.translate(WIDTH_TABLE) if _HAS_FULL.search(text) else text


def parse_number(token: str) -> float | None:
    """'220.07' -> 220.07, '1,234' -> 1234, '三千' -> 3000, '一千二百' -> 1200; None when not a number.

    cn2an is applied to the numeral token only: run over whole sentences it rewrites words such as 零售.
    """
    t = token.replace(",", "")
    if not t:
        return None
    if t[0].isdigit():
        try:
            return float(t)
        except ValueError:
            return None
    return _chinese_number(t)


@lru_cache(maxsize=4096)
def _chinese_number(t: str) -> float | None:
    """Chinese numerals through cn2an, remembered: the same few (三, 两, 一千) recur and cn2an is slow per call."""
    try:
        return float(cn2an.cn2an(t, "normal"))
    except (ValueError, KeyError, TypeError):
        try:
            return float(cn2an.cn2an(t, "smart"))
        except (ValueError, KeyError, TypeError):
            return None


def parse_int(token: str) -> int | None:
    """A year, month, day or ordinal as written: '2021', '二〇二一' (digit by digit), '十一', '11'; else None."""
    if token.isdigit():
        return int(token)
    if len(token) == 4 and all(c in YEAR_DIGITS or c == "零" for c in token):
        return int("".join(str(YEAR_DIGITS.index("〇" if c == "零" else c)) for c in token))
    value = parse_number(token)
    return int(value) if value is not None and value.is_integer() else None


def amount_in_base(value: float, unit: str) -> tuple[float, str] | None:
    """(value in the unit's base unit, base unit) through units.csv: (20, '亿元') -> (2e9, '元'); None if unknown."""
    row = units().get(unit)
    return (value * row[1], row[0]) if row else None
