"""Which years a report is about: when it was delivered (report_year), the year it reviews, the year it plans.

A report reviews one year and plans the next, so review_year + 1 = plan_year always; it is delivered early in the
year it plans (January to March), or, at the first session of a new term, in November or December of the year it
reviews. Each year is taken from the strongest signal the text gives, and the signal is recorded:

1. the delivery date (dateline, meeting line, title date): its year, and by its month the review and plan years;
2. the National People's Congress: term and session fix the year (第十届全国人民代表大会第二次会议: 2004);
3. headings: 2018年工作回顾 (review), 2019年工作安排 / 2019年主要预期目标 (plan);
4. phrases: 刚刚过去的2018年 (review), 即将过去的2018年 / 今年以来 in a review (delivered within the reviewed
   year), 今年是… in a plan (delivered in the plan year);
5. a month without a year in a news lead (1月8日讯, 元月8日开幕) after a reviewed year: delivered the year after;
6. a web page's posting date in the first months of a year: the report of that year;
7. the years the figures carry (metadata.years_from_figures, after the figures are read);
8. failing all these, the report year is taken to be the plan year, as reports are delivered in the first months of
   the year they plan, and `evidence` says it was assumed; a day of November or December in the text (12月17日)
   leaves it unknown.

Web posting dates are never delivery dates. Without any of these a year stays None, and `evidence` says for each
year which signal gave it.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from .dates import DATE, page_date
from .numbers import parse_int
from .records import Section

# "——2021年11月8日在曾都区第四届人民代表大会第一次会议上", "(二〇二三年一月十日在…会议上)",
# or a title "政府工作报告(2021年11月8日)".
_DELIVERED = re.compile(
    rf"(?:^|\n)[ \t\u3000]*[((]?[ \t\u3000]*(?:[—\-]{{1,2}}[ \t\u3000]*)?{DATE.pattern}"
    r"\s*在[^\n]{0,60}?(?:会议|大会)"
)
_DATELINE_REACH = 3000  # a dateline stands in a report's opening lines
_TITLE_DATE = re.compile(rf"政府工作报告\s*[((]\s*{DATE.pattern}\s*[))]")
_THIS_YEAR = re.compile(r"今年(?!度)")
_NEXT_YEAR = re.compile(r"明年")
_YEAR = r"((?:19|20)\d\d)"
# 刚刚过去的2018年: the reviewed year, delivered after it ended; 即将过去的2018年: delivered before it ended.
_JUST_PAST = re.compile(rf"(?:刚刚|刚)过去的\s*{_YEAR}\s*年")
_ENDING = re.compile(rf"即将过去的\s*{_YEAR}\s*年")
# Results of a year not yet over: 今年以来, 截至11月.
_WITHIN_YEAR = re.compile(r"今年以来|截至\s*(?:10|11|12|十|十一|十二)\s*月")
# A heading (or the prose opening a plan) naming the year planned: 2019年工作安排, 2005年工作总体要求,
# 2023年主要预期目标, 2024年政府工作的总体要求.
_PLAN_HEADING = re.compile(
    rf"{_YEAR}\s*年(?:[^\n,。;]{{0,10}}?)(?:工作安排|总体要求|主要任务|工作任务|工作打算|工作建议|目标任务|预期目标|"
    r"重点工作|工作重点|工作部署|主要工作|工作思路|发展目标)"
)
# A news lead's date without a year: 东北网1月8日讯, 在元月8日开幕的…会议上, 1月19日上午,…会议开幕.
_MONTH_DAY = re.compile(r"(?<![\d年])(元|[1-9]|1[0-2])\s*月\s*\d{1,2}\s*日(?=[^。\n]{0,24}?(?:讯|电|开幕|召开|举行|会议))")
_NEWS_LEAD = 1500
_TITLE_YEAR = re.compile(rf"{_YEAR}\s*年(?:度)?[^\d]{{0,16}}?政府工作报告")
_TITLE_COMPACT_DATE = re.compile(r"[((]((?:19|20)\d\d)(\d\d)\d\d[))]")
_EARLY_MONTH = 6
# A day of November or December without a year (12月17日): the review may run into December, delivery with it.
_LATE_DAY = re.compile(r"(?<![\d年])(?:1[12]|十[一二])\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日")
_LATE_MONTH = 10  # delivered in October to December: a new term's first session, reviewing its own year


@dataclass(frozen=True, slots=True)
class ReportYears:
    report_year: int | None = None
    review_year: int | None = None
    plan_year: int | None = None
    evidence: str | None = None  # which signal gave each year: "report: delivery date; review: heading; …"


def _first(sections: list[Section], kinds: tuple[str, ...]) -> Section | None:
    return next((s for s in sections if s.level == 1 and s.kind in kinds and s.period_end), None)


def delivery_line_date(text: str) -> tuple[int, int] | None:
    """(year, month) of the dateline "——2021年11月8日在…会议上" or of a title "政府工作报告(2021年11月8日)"."""
    m = _DELIVERED.search(text, 0, _DATELINE_REACH) or _TITLE_DATE.search(text[:300])
    if not m:
        return None
    year, month = parse_int(m.group(1)), parse_int(m.group(2))
    return (year, month or 0) if year else None


def _plan_heading_year(text: str, sections: list[Section]) -> int | None:
    """The year a heading (2019年工作安排) or, failing one, a news lead (2010年8大工作重点) names as planned."""
    for s in sections:
        if s.level <= 2:
            m = _PLAN_HEADING.search(s.title)
            if m:
                return int(m.group(1))
    m = _PLAN_HEADING.search(text, 0, _NEWS_LEAD)
    return int(m.group(1)) if m else None


class _Years:
    """Years as they are found, each with the first (strongest) signal that gave it."""

    def __init__(self) -> None:
        self.value: dict[str, int] = {}
        self.source: dict[str, str] = {}

    def set(self, field: str, year: int | None, source: str) -> None:
        if year is not None and field not in self.value:
            self.value[field] = year
            self.source[field] = source

    def get(self, field: str) -> int | None:
        return self.value.get(field)


def report_years(text: str, sections: list[Section], delivered: date | None = None,
                 session_year: int | None = None, title: str | None = None,
                 figures: list | None = None) -> ReportYears:
    """`delivered`: the delivery date metadata read (delivery.delivered_on); `session_year`: the year of the
    National People's Congress session the report was delivered to (delivery.session_year), else None; `title`:
    the report's title; `figures`: its figures once read (the years they carry are the last signal)."""
    y = _Years()
    review = _first(sections, ("review",))
    plan = _first(sections, ("plan",))
    results = _headline(figures or [], ("actual", "estimate"))
    line = delivery_line_date(text)
    if line is None and delivered is not None:
        line = (delivered.year, delivered.month)
    if line is None and title:
        line = _title_date(title)
    if line is not None and session_year is not None and line[0] != session_year:
        line = None  # a dateline contradicting its own congress session has a damaged year
    if line is not None:
        year, month = line
        late = month >= _LATE_MONTH
        y.set("report_year", year, "delivery date")
        # a report delivered from January to September plans its own year and reviews the one before; one
        # delivered in October to December (a new term's first session) reviews its own year and plans the next
        y.set("review_year", year if late else year - 1, "delivery date")
        y.set("plan_year", year + 1 if late else year, "delivery date")
    if session_year is not None:
        y.set("report_year", session_year, "congress session")
        y.set("review_year", session_year - 1, "congress session")
        y.set("plan_year", session_year, "congress session")
    if review is not None:
        y.set("review_year", review.period_end, "review heading")
    y.set("plan_year", _plan_heading_year(text, sections), "plan heading")
    if plan is not None:
        y.set("plan_year", plan.period_end, "plan heading")
    m = _JUST_PAST.search(text)
    if m:
        y.set("review_year", int(m.group(1)), "刚刚过去的")
        y.set("report_year", int(m.group(1)) + 1, "刚刚过去的")
    m = _ENDING.search(text)
    if m:
        y.set("review_year", int(m.group(1)), "即将过去的")
        y.set("report_year", int(m.group(1)), "即将过去的")
    _complete(y)
    if review is not None and y.get("review_year") and _WITHIN_YEAR.search(text, review.char_start, review.char_end):
        # A review that speaks of 今年以来 was delivered within its year (before year-end statistics).
        y.set("report_year", y.get("review_year"), "今年以来 in the review")
    if plan is not None and y.get("plan_year"):
        if _NEXT_YEAR.search(text, plan.char_start, plan.char_end):
            y.set("report_year", y.get("plan_year") - 1, "明年 in the plan")
        elif _THIS_YEAR.search(text, plan.char_start, plan.char_end):
            y.set("report_year", y.get("plan_year"), "今年 in the plan")
    title_year = _title_year(title)
    if title_year is not None and y.get("plan_year") in (None, title_year):
        y.set("report_year", title_year, "title")
        y.set("plan_year", title_year, "title")
        _complete(y)
    if figures is not None and y.get("review_year") is None and y.get("plan_year") is None:
        # a news summary or excerpt without headings: the years its results and targets carry
        review_year, plan_year = _most_common(results), _most_common(_headline(figures, ("target",)))
        if review_year is None or plan_year is None or plan_year == review_year + 1:
            y.set("review_year", review_year, "the results' year")
            y.set("plan_year", plan_year, "the targets' year")
            _complete(y)
    if y.get("review_year") is not None:
        m = _MONTH_DAY.search(text, 0, _NEWS_LEAD) if "月" in text[:_NEWS_LEAD] else None
        if m and (m.group(1) == "元" or int(m.group(1)) < _LATE_MONTH):
            y.set("report_year", y.get("review_year") + 1, "news date after the reviewed year")
        reviewed = [f for f in results if f.year == y.get("review_year")]
        if reviewed and all(f.status == "actual" for f in reviewed):
            y.set("report_year", y.get("review_year") + 1, "final results (no 预计): delivered after the year closed")
    posted = page_date(text) if y.get("report_year") is None else None
    if posted is not None and posted.month <= _EARLY_MONTH and y.get("plan_year") in (None, posted.year):
        # a page posted early in a year: the report of that year (unless the text's own years say otherwise)
        y.set("report_year", posted.year, "page date")
        y.set("plan_year", posted.year, "page date")
        _complete(y)
    if y.get("report_year") is None and y.get("plan_year") is not None and not _LATE_DAY.search(text):
        # Nothing dates the delivery: reports are delivered in the first months of the year they plan, unless a day of
        # November or December in the text (12月17日,省委书记…) leaves December of the reviewed year possible.
        y.set("report_year", y.get("plan_year"), "assumed: delivered early in the year it plans (no date in the text)")
    return ReportYears(
        report_year=y.get("report_year"),
        review_year=y.get("review_year"),
        plan_year=y.get("plan_year"),
        evidence="; ".join(f"{k.removesuffix('_year')}: {y.source[k]}" for k in ("report_year", "review_year",
                                                                               "plan_year") if k in y.source) or None,
    )


def _headline(figures: list, statuses: tuple[str, ...]) -> list:
    return [f for f in figures
            if f.status in statuses and f.span_years == 1 and f.year and f.indicator and f.is_headline]


def _most_common(figures: list) -> int | None:
    years = Counter(f.year for f in figures)
    return years.most_common(1)[0][0] if years else None


def _title_year(title: str | None) -> int | None:
    """2024年保定市政府工作报告, 高阳县2023年政府工作报告: the year a title gives a report."""
    m = _TITLE_YEAR.search(title or "")
    return int(m.group(1)) if m else None


def _title_date(title: str) -> tuple[int, int] | None:
    """2023年新疆自治区政府工作报告(20230114): a compact date in brackets."""
    m = _TITLE_COMPACT_DATE.search(title)
    return (int(m.group(1)), int(m.group(2))) if m else None


def _complete(y: _Years) -> None:
    """A report plans the year after the one it reviews (also when a page holds only one of the two parts)."""
    if y.get("review_year") is not None:
        y.set("plan_year", y.get("review_year") + 1, f"review year + 1 ({y.source['review_year']})")
    if y.get("plan_year") is not None:
        y.set("review_year", y.get("plan_year") - 1, f"plan year - 1 ({y.source['plan_year']})")


