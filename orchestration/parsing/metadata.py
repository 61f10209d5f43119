"""What a report says about itself: whose report it is, when and where it was delivered, the years it reviews and
plans, its title and whether it is an abstract. Each answer has its own module:

| field                                   | module            | function                      |
|-----------------------------------------|-------------------|-------------------------------|
| district, city, province, admin_level   | government.py     | reporting_government          |
| (place names in a text, same-named ones)| places.py         | find_places, resolve          |
| delivered_on                            | delivery.py       | delivered_on (dates.py: DATE) |
| meeting                                 | delivery.py       | find_meeting, meeting_name    |
| report_year, review_year, plan_year     | report_years.py   | report_years                  |
| (years the text's figures give)         | this module       | years_from_figures            |
| title, is_abstract                      | titles.py         | title_of, is_abstract         |

Unknown values are None, never guessed; a place the text does not name with confidence stays None with a note.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from .delivery import delivered_on, find_meeting, meeting_name, session_year
from .government import reporting_government
from .records import ReportMeta, Section
from .report_years import report_years
from .titles import header_lines, is_abstract, title_of


def extract_meta(text: str, sections: list[Section]) -> ReportMeta:
    header = header_lines(text)
    meeting = find_meeting(text)
    gov = reporting_government(text, header, meeting)
    delivered = delivered_on(text, header, meeting)
    years = report_years(text, sections, delivered, session_year(meeting))
    return ReportMeta(
        district=gov.district,
        city=gov.city,
        province=gov.province,
        admin_level=gov.level,
        report_year=years.report_year,
        review_year=years.review_year,
        plan_year=years.plan_year,
        delivered_on=delivered,
        meeting=meeting_name(meeting, gov.district),
        is_abstract=is_abstract(header),
        title=title_of(header),
        district_evidence=gov.evidence,
        location_note=gov.note,
        years_evidence=years.evidence,
    )


def years_from_figures(meta: ReportMeta, figures: list) -> ReportMeta:
    """Fill the years the text's headings and dates did not give from the figures' own years.

    A news summary or excerpt has no 工作回顾 / 工作安排 headings, yet its results and targets are dated
    ("2022年…增长4.3%", "2023年…预期增长6.5%左右"). The most common year of one-year results is the review
    year and of one-year targets the plan year, and a report plans the year after the one it reviews. Its review
    year is filled only when it holds results (a plan-only excerpt reviews nothing). A report without a delivery
    date whose results are all final (no 预计) was delivered after the reviewed year closed: in the year it plans.
    """
    def headline(statuses: tuple[str, ...]) -> list:
        return [f for f in figures
                if f.status in statuses and f.span_years == 1 and f.year and f.indicator and f.is_headline]

    def most_common(found: list) -> int | None:
        years = Counter(f.year for f in found)
        return years.most_common(1)[0][0] if years else None

    results = headline(("actual", "estimate"))
    review, plan, report = meta.review_year, meta.plan_year, meta.report_year
    notes = [meta.years_evidence] if meta.years_evidence else []
    if review is None and plan is None:
        review, plan = most_common(results), most_common(headline(("target",)))
        if review is not None and plan is not None and plan != review + 1:
            review = plan = None  # results and targets of years that do not follow: leave both unknown
        notes += ["review: the results' year"] * (review is not None) + ["plan: the targets' year"] * (plan is not None)
    if review is None and plan is not None and results:
        review = plan - 1
        notes.append("review: plan year - 1")
    if plan is None and review is not None:
        plan = review + 1
        notes.append("plan: review year + 1")
    reviewed = [f for f in results if f.year == review]
    if report is None and review is not None and reviewed and all(f.status == "actual" for f in reviewed):
        report = review + 1
        notes.append("report: review year + 1 (final results, no 预计: delivered after the year closed)")
    if (review, plan, report) == (meta.review_year, meta.plan_year, meta.report_year):
        return meta
    return replace(meta, review_year=review, plan_year=plan, report_year=report, years_evidence="; ".join(notes))
