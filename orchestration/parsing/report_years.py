"""Which years a report is about: when it was delivered, the year it reviews, the year it plans.

Only what the text says: a dated meeting line, the years in section headings, and 今年/明年 used inside
review/plan sections. Web posting dates (发布时间:2022-02-01) are never delivery dates.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import DATE
from .numbers import parse_int
from .records import Section

# "——2021年11月8日在曾都区第四届人民代表大会第一次会议上", "(二〇二三年一月十日在…会议上)",
# or a title "政府工作报告(2021年11月8日)".
_DELIVERED = re.compile(
    rf"(?:^|\n)[ \t\u3000]*[((]?[ \t\u3000]*(?:[—\-]{{1,2}}[ \t\u3000]*)?{DATE.pattern}"
    r"\s*在[^\n]{0,60}?(?:会议|大会)"
)
_TITLE_DATE = re.compile(rf"政府工作报告\s*[((]\s*{DATE.pattern}\s*[))]")
_THIS_YEAR = re.compile(r"今年(?!度)")
_NEXT_YEAR = re.compile(r"明年")


@dataclass(frozen=True, slots=True)
class ReportYears:
    report_year: int | None = None
    review_year: int | None = None
    plan_year: int | None = None


def _first(sections: list[Section], kinds: tuple[str, ...]) -> Section | None:
    return next((s for s in sections if s.level == 1 and s.kind in kinds and s.period_end), None)


def report_years(text: str, sections: list[Section]) -> ReportYears:
    review = _first(sections, ("review",))
    plan = _first(sections, ("plan",))
    review_year = review.period_end if review else None
    plan_year = plan.period_end if plan else None
    m = _DELIVERED.search(text) or _TITLE_DATE.search(text[:300])
    year, month = (parse_int(m.group(1)), parse_int(m.group(2))) if m else (None, None)
    if year is not None:
        report_year: int | None = year
        # Headings without years (一、过去一年工作回顾, 二、今年工作安排) take them from the delivery date: a report
        # delivered from January to September plans its own year and reviews the one before; one delivered in
        # October to December (a new term's first session) reviews its own year and plans the next.
        late = (month or 0) >= 10
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
