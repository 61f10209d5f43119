"""What a report says about itself: whose report it is, when and where it was delivered, the years it reviews and
plans, its title and whether it is an abstract. Each answer has its own module:

| field                                   | module            | function                      |
|-----------------------------------------|-------------------|-------------------------------|
| district, city, province, admin_level   | government.py     | reporting_government          |
| (place names in a text, same-named ones)| places.py         | find_places, resolve          |
| delivered_on                            | delivery.py       | delivered_on (dates.py: DATE) |
| meeting                                 | delivery.py       | find_meeting, meeting_name    |
| report_year, review_year, plan_year     | report_years.py   | report_years                  |
| (again, with the figures' own years)    | this module       | years_from_figures            |
| title, is_abstract                      | titles.py         | title_of, is_abstract         |

Unknown values are None, never guessed; a place the text does not name with confidence stays None with a note.
"""

from __future__ import annotations

from dataclasses import replace

from .delivery import dated_in, delivered_on, find_meeting, meeting_day, meeting_name, session_year
from .government import reporting_government
from .records import ReportMeta, Section
from .report_years import report_years
from .titles import header_lines, is_abstract, title_of


def extract_meta(text: str, sections: list[Section]) -> ReportMeta:
    header = header_lines(text)
    meeting = find_meeting(text)
    gov = reporting_government(text, header, meeting)
    delivered = delivered_on(text, header, meeting)
    title = title_of(header)
    years = report_years(text, sections, delivered, session_year(meeting), title)
    if delivered is None and years.evidence and "report: assumed" not in years.evidence:
        # a news lead's day without its year (1月12日上午,…会议隆重开幕), in the year the report was delivered
        delivered = dated_in(years.report_year, meeting_day(text, meeting))
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
        title=title,
        district_evidence=gov.evidence,
        location_note=gov.note,
        years_evidence=years.evidence,
    )


def years_from_figures(meta: ReportMeta, text: str, sections: list[Section], figures: list) -> ReportMeta:
    """The report's years decided again with the years its figures carry (report_years' last signal): a news
    summary or excerpt without headings or dateline is dated only by its results and targets."""
    if None not in (meta.report_year, meta.review_year, meta.plan_year):
        return meta  # the figures' years are the last signal: they decide nothing already known
    years = report_years(text, sections, meta.delivered_on, session_year(find_meeting(text)), meta.title, figures)
    found = (years.report_year, years.review_year, years.plan_year)
    if found == (meta.report_year, meta.review_year, meta.plan_year):
        return meta
    return replace(meta, report_year=years.report_year, review_year=years.review_year, plan_year=years.plan_year,
                   years_evidence=years.evidence)
