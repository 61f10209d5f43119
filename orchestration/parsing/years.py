"""Which years a report is about: when it was delivered, the year it reviews, the year it plans.

Only what the text says: a dated meeting line, the years in section headings, and 今年/明年 used inside
review/plan sections. Web posting dates (发布时间:2022-02-01) are never delivery dates.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .records import Section

_CN_YEAR_DIGITS = "〇一二三四五六七八九"
_YEAR = r"((?:19|20)\d\d|[一二][〇零九一二三四五六七八九]{3})"
_DAY = r"[\d〇零一二三四五六七八九十]{1,3}"
# "——2021年11月8日在曾都区第四届人民代表大会第一次会议上", "(二〇二三年一月十日在…会议上)",
# or a title "政府工作报告(2021年11月8日)".
_DELIVERED = re.compile(
    rf"(?:^|\n)[ \t\u3000]*[((]?[ \t\u3000]*(?:[—\-]{{1,2}}[ \t\u3000]*)?{_YEAR}\s*年\s*{_DAY}\s*月\s*{_DAY}\s*日"
    r"\s*在[^\n]{0,60}?(?:会议|大会)"
)
# _DELIVERED at the text's start, then after a newline: the same first match, but a pattern opening with \n lets the
# regex engine skip from newline to newline (one opening with (?:^|\n) is tried at every character).
_DELIVERED_AFTER_NEWLINE = re.compile(_DELIVERED.pattern.replace(r"(?:^|\n)", r"\n", 1))
_TITLE_DATE = re.compile(rf"政府工作报告\s*[((]\s*{_YEAR}\s*年\s*{_DAY}\s*月\s*{_DAY}\s*日\s*[))]")
_THIS_YEAR = re.compile(r"今年(?!度)")
_NEXT_YEAR = re.compile(r"明年")


@dataclass(frozen=True, slots=True)
class ReportYears:
    report_year: int | None = None
    review_year: int | None = None
    plan_year: int | None = None


def _year_value(token: str) -> int:
    """'2021' or '二〇二一' (years are written digit by digit) -> 2021."""
    if token.isdigit():
        return int(token)
    return int("".join(str(_CN_YEAR_DIGITS.index("〇" if ch == "零" else ch)) for ch in token))


_MONTH = re.compile(r"年\s*([\d〇零一二三四五六七八九十]{1,3})\s*月")
_CN_MONTH = {"十": 10, "十一": 11, "十二": 12}


def _delivery_month(date_text: str) -> int:
    """The month of a matched delivery date (1 to 12; 0 when unreadable)."""
    m = _MONTH.search(date_text)
    if not m:
        return 0
    token = m.group(1)
    if token.isdigit():
        return int(token)
    return _CN_MONTH.get(token) or ("〇一二三四五六七八九".find(token) if len(token) == 1 else 0)


def _first(sections: list[Section], kinds: tuple[str, ...]) -> Section | None:
    return next((s for s in sections if s.level == 1 and s.kind in kinds and s.period_end), None)


def report_years(text: str, sections: list[Section]) -> ReportYears:
    review = _first(sections, ("review",))
    plan = _first(sections, ("plan",))
    review_year = review.period_end if review else None
    plan_year = plan.period_end if plan else None
    m = _DELIVERED.match(text) or _DELIVERED_AFTER_NEWLINE.search(text) or _TITLE_DATE.search(text[:300])
    if m:
        report_year: int | None = _year_value(m.group(1))
        # Headings without years (一、过去一年工作回顾, 二、今年工作安排) take them from the delivery date: a report
        # delivered from January to September plans its own year and reviews the one before; one delivered in
        # October to December (a new term's first session) reviews its own year and plans the next.
        late = _delivery_month(m.group(0)) >= 10
        if review_year is None and any(x.level == 1 and x.kind == "review" for x in sections):
            review_year = report_year if late else report_year - 1
        if plan_year is None and any(x.level == 1 and x.kind == "plan" for x in sections):
            plan_year = report_year + 1 if late else report_year
    elif review and _THIS_YEAR.search(text, review.char_start, review.char_end):
        # A review that calls its year 今年 was delivered within that year (before year-end statistics).
        report_year = review_year
    elif plan and plan_year and _NEXT_YEAR.search(text, plan.char_start, plan.char_end):
        # A plan that calls its own year 明年 was delivered the year before.
        report_year = plan_year - 1
    elif plan and plan_year and _THIS_YEAR.search(text, plan.char_start, plan.char_end):
        # A plan that calls its own year 今年 ("今年是'十四五'开局之年") was delivered in that year.
        report_year = plan_year
    else:
        report_year = None
    return ReportYears(report_year=report_year, review_year=review_year, plan_year=plan_year)
