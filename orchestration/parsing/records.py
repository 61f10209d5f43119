"""The records the parsing library returns: one dataclass per raw table.

Field names are the column names of the DuckDB `raw` tables (see `orchestration/defs/load.py`), so a
record becomes a row with `dataclasses.asdict`. Every table also gets `report_id` when loaded.
Character offsets (`char_start`, `char_end`) index the normalised report text handed to the parser.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Allowed values, shared by the parser, the Python asset checks and (as accepted_values) the dbt tests.
SECTION_KINDS = ("review", "plan", "outlook", "government", "glossary", "other")
STATUSES = ("actual", "estimate", "target")
MEASURES = ("level", "growth", "share", "rate", "count", "points")  # points: 个百分点, never a headline value
BOUNDS = ("eq", "approx", "min", "max", "range")
COMMITMENTS = ("must", "strive", "expected")
PROJECT_STATUSES = ("signed", "started", "in_progress", "completed", "operating", "planned")
ADMIN_LEVELS = ("national", "province", "city", "district", "county")


@dataclass(frozen=True, slots=True)
class ReportMeta:
    """What the report says about itself. Unknown values are None, never guessed."""

    district: str | None = None  # simplified full name of the reporting government: 西塞山区, 湖北省, 全国
    city: str | None = None
    province: str | None = None
    admin_level: str | None = None  # one of ADMIN_LEVELS
    report_year: int | None = None  # year delivered
    review_year: int | None = None  # year whose results it reviews
    plan_year: int | None = None  # year it sets targets for
    delivered_on: date | None = None
    meeting: str | None = None  # 西塞山区第四届人民代表大会第五次会议
    is_abstract: bool = False
    title: str | None = None
    district_evidence: str | None = None  # header / meeting / body-frequency: how the district was found
    location_note: str | None = None  # e.g. why a same-named district was resolved to one city
    years_evidence: str | None = None  # which signal gave each year: "report: delivery date; review: heading; …"


@dataclass(slots=True)
class Section:
    section_id: str  # unique within a report, e.g. "s001"; stable for the same text
    parent_id: str | None
    level: int  # 1 = 一、 part, 2 = (一) subsection, 3 = lead-sentence paragraph
    ordinal: int  # position in document order, from 1
    title: str
    kind: str  # one of SECTION_KINDS
    period_start: int | None  # first year the section is about (2017 for 五年来 2017-2021)
    period_end: int | None  # last year the section is about
    char_start: int
    char_end: int


@dataclass(slots=True)  # not frozen: a report has thousands, and a frozen dataclass is built four times slower
class Figure:
    """One number with its unit as it stands in the text, bound to an indicator where an alias matches."""

    figure_id: int  # position in document order, from 1
    section_id: str | None
    value: float  # as written, in `unit`; the low end of a range
    unit: str  # as written after normalising: 亿元, %, 个百分点, 万人 ...
    measure: str  # one of MEASURES
    bound: str = "eq"  # one of BOUNDS
    value_high: float | None = None  # high end of a range
    value_base: float | None = None  # value in base units (元, 美元, 人, 亩, 吨, %)
    unit_base: str | None = None
    indicator: str | None = None  # canonical code from dbt_project/seeds/indicators.csv, None when unbound
    subject: str | None = None  # the words naming what is measured, as written (地方生产总值, 社零总额)
    is_headline: bool = False  # False for sub-sector / sub-area / one firm's figures
    year: int | None = None  # the year the figure is about (last year of a span)
    span_years: int = 1  # 5 for 年均 / 五年来 / 到2026年 figures
    status: str = "actual"  # one of STATUSES
    commitment: str | None = None  # for targets: one of COMMITMENTS
    qualifier: str | None = None  # the hedge as written: 左右, 以上, 突破, 以内 ...
    comparator: str | None = None  # 同比, 年均, 累计, 较上年 ...
    status_cue: str | None = None  # the word that set the status: 预计, 完成, 力争, 确保, 目标 ...
    char_start: int = 0  # the number's span (unit and hedge included) in the normalised text
    char_end: int = 0
    evidence: str = ""  # shortest substring naming the subject and carrying the number
    sentence: str = ""


@dataclass(slots=True)
class Project:
    project_name: str
    status: str  # one of PROJECT_STATUSES
    year: int | None = None
    investment_value_base: float | None = None  # 元
    investment_text: str | None = None  # the amount as written: 总投资20亿元
    section_id: str | None = None
    sentence: str = ""
    char_start: int = 0
    char_end: int = 0


@dataclass(frozen=True, slots=True)
class TopicCount:
    topic: str  # environment, innovation, employment, rural, risk, epidemic ...
    section_kind: str | None  # None for the whole report
    tokens: int  # topic words counted
    total_tokens: int  # all word tokens (punctuation and numbers excluded)


@dataclass(frozen=True, slots=True)
class ParsedReport:
    meta: ReportMeta
    sections: list[Section] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    topics: list[TopicCount] = field(default_factory=list)
