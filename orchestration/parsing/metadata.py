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

from .delivery import delivered_on, find_meeting, meeting_name
from .government import reporting_government
from .records import ReportMeta, Section
from .report_years import report_years
from .titles import header_lines, is_abstract, title_of


def extract_meta(text: str, sections: list[Section]) -> ReportMeta:
    header = header_lines(text)
    meeting = find_meeting(text)
    gov = reporting_government(text, header, meeting)
    years = report_years(text, sections)
    delivered = delivered_on(text, header, meeting)
    report_year = years.report_year
    if report_year is None and delivered is not None:
        # a news summary dates the meeting by its dateline (2015年1月20日 … 1月19日上午,…会议开幕), not by the
        # "——2015年1月19日在…会议上" line of the report itself
        report_year = delivered.year
    return ReportMeta(
        district=gov.district,
        city=gov.city,
        province=gov.province,
        admin_level=gov.level,
        report_year=report_year,
        review_year=years.review_year,
        plan_year=years.plan_year,
        delivered_on=delivered,
        meeting=meeting_name(meeting, gov.district),
        is_abstract=is_abstract(header),
        title=title_of(header),
        district_evidence=gov.evidence,
        location_note=gov.note,
    )


def years_from_figures(meta: ReportMeta, figures: list) -> ReportMeta:
    """Fill review/plan years the headings did not give from the figures' own years.

    A news summary or excerpt has no 工作回顾 / 工作安排 headings, yet its results and targets are dated
    ("2022年…增长4.3%", "2023年…预期增长6.5%左右"). The most common year of one-year results is the review
    year and of one-year targets the plan year; a year is only filled when the text gives one, never guessed.
    """
    def most_common(statuses: tuple[str, ...]) -> int | None:
        years = Counter(f.year for f in figures
                        if f.status in statuses and f.span_years == 1 and f.year and f.indicator and f.is_headline)
        return years.most_common(1)[0][0] if years else None

    review = meta.review_year if meta.review_year is not None else most_common(("actual", "estimate"))
    plan = meta.plan_year if meta.plan_year is not None else most_common(("target",))
    if review is not None and plan is not None and not 0 <= plan - review <= 1:
        return meta  # inconsistent dates: leave the unknown ones unknown
    return replace(meta, review_year=review, plan_year=plan)
