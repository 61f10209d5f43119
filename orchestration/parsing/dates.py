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


# A web page's stamp: its posting date with a time or a label (发布时间:2022-02-01 17:41, 2009-01-08 11:24:26 来源:…,
# 编辑:胡安坤2018-01-24 16:20). Never a delivery date; a weak sign of the year a report was published in.
_STAMP_DATE = re.compile(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_STAMP_MARK = re.compile(r"\d{1,2}:\d\d|时间|日期|发布|来源|编辑|作者")
MAX_STAMP_LINE = 120


def is_page_stamp(line: str) -> bool:
    """A short line carrying a page's posting date: a date beside a clock time or a label."""
    return len(line) <= MAX_STAMP_LINE and _STAMP_DATE.search(line) is not None and \
        _STAMP_MARK.search(line) is not None and "在" not in line


def page_date(text: str) -> date | None:
    """The first page stamp's date (发布时间:2022-02-01 17:41): when the page was posted, not the report delivered."""
    for line in text.split("\n"):
        if is_page_stamp(line):
            m = _STAMP_DATE.search(line)
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    return None
