"""Numerals as they occur in reports: Arabic (half- or full-width) and Chinese (三千, 两万, 一千二百)."""
from __future__ import annotations

import re
from functools import lru_cache

import cn2an

# Full-width forms map one character to one character, so offsets in the folded text equal offsets in the
# original: evidence and sentences can then be cut from the caller's text unchanged.
_FULL = "０１２３４５６７８９．，；：（）％～－"
_HALF = "0123456789.,;:()%~-"
WIDTH_TABLE = str.maketrans(_FULL, _HALF)
_HAS_FULL = re.compile(f"[{re.escape(_FULL)}]")

CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"


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
