"""Dates as reports write them: 2021年11月8日, （二〇〇五年一月十一日）, 2021 年 1 月 8 日. One parser for every date
a report carries (the delivery date under the title, in the meeting line, in brackets)."""

from __future__ import annotations

import re
from datetime import date

from .numbers import YEAR_DIGITS, parse_int

DASHES = re.compile(r"^[—\-\s]+|[—\-\s]+$")  # "——2021年11月8日"
_NUM = rf"[0-9{YEAR_DIGITS}零十]"
DATE = re.compile(rf"({_NUM}{{4}})\s*年\s*({_NUM}{{1,3}})\s*月\s*({_NUM}{{1,3}})\s*日")
PAREN_DATE = re.compile(rf"[(]\s*{_NUM}{{4}}\s*年\s*{_NUM}{{1,3}}\s*月\s*{_NUM}{{1,3}}\s*日\s*[)]")


def to_date(m: re.Match) -> date | None:
    """The date of a DATE match, or None when it is no date (2月30日) or no year a report could carry."""
    y, mo, d = (parse_int(g) for g in m.groups())
    if y is None or mo is None or d is None or not 1949 <= y <= 2100:
        return None
    try:
        return date(y, mo, d)
    except ValueError:
        return None
