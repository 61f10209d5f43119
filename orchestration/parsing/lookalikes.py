"""Look-alike code points of PDF text layers -> the ordinary characters they stand for (⼯作 -> 工作, ⺠ -> 民, ⸺ -> ——).

A CJK font draws a radical and its ordinary character with one glyph, and a PDF names one code point per glyph; a
PDF printed from a browser with Noto CJK often names the radical, so 人民 arrives as ⼈⺠ and no alias matches. NFKC
folds the Kangxi block but not the CJK Radicals Supplement; the table (`data/lookalikes.csv`, derived from the font by
`data/build_lookalikes.py`) covers both, and runs before NFKC so that ⼾ becomes 户 as drawn, not NFKC's 戶.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).resolve().parent / "data" / "lookalikes.csv"
# Every look-alike lives in these blocks; a text without any (nearly every text) is returned untouched at once.
_ANY = re.compile("[\u2e3a\u2e3b\u2e80-\u2eff\u2f00-\u2fdf]")


@lru_cache(maxsize=1)
def lookalike_table() -> dict[int, str]:
    with TABLE.open(encoding="utf-8", newline="") as f:
        return {ord(row["lookalike"]): row["ordinary"] for row in csv.DictReader(f)}


def replace_lookalikes(text: str) -> str:
    if not _ANY.search(text):
        return text
    return text.translate(lookalike_table())
