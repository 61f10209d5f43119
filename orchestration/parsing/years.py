"""The year a figure is about and how many years it spans (1, or 5 for 年均/累计 over a term and 到2026年 goals),
and what it is compared with (同比, 较2016年).

Default: the section's last year (a review's, a plan's), else the report's review or plan year. Then the words of
the figure's sentence, strongest last: a year heading its clause chain (2017年,…), 到2026年, 今年/去年/明年,
十三五期间, and for the from-value of 从A增加到B the year the period started.
Words: data/figure_words.csv, groups relative_year, not_dating_before, not_dating_after, plan_period_end,
average_word, cumulative_word, comparator.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import patterns as P
from . import scanning as S
from .document import Document
from .numbers import parse_int
from .quantities import Quantity
from .records import ReportMeta, Section
from .status import TARGET_KINDS

_FROM_WINDOW = 14  # 由2020年底的 and a space or two
_PARA_REACH = 300  # how far back in its paragraph an undated figure looks for a dating year
_PLAN_ONE_END = 1955  # since the fourth five-year plan (1971-1975), the n-th ends in 1955 + 5n: 十五 in 2005


@dataclass(slots=True)
class TimeWords:
    """What the words before a figure say about its time."""

    dated: int | None  # a year heading the clause chain: "2017年,预计…", "…;2023年,全省…"
    by: int | None  # 到2026年
    relative: str | None  # 今年, 去年, 明年
    plan_period: int | None  # the last year of 十三五期间 (2020)
    plan_period_end: bool  # 十三五末: that year's level, not the term's
    para_year: int | None  # in an undated part (news summary): the nearest dating year in the paragraph


_NO_TIME_WORDS = TimeWords(None, None, None, None, False, None)


def _last(pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
    m = None
    for m in pattern.finditer(text, pos, len(text) if endpos is None else endpos):
        pass
    return m


def read_time_words(doc: Document, q: Quantity, section_kind: str, sentence_start: int,
                    since_previous: int | None = None) -> TimeWords:
    """What the words of the sentence before the number say about time; `since_previous`: where the words since the
    previous figure start."""
    work = doc.work
    if (section_kind != "other" and work.find("年", sentence_start, q.start) < 0
            and work.find("五", sentence_start, q.start) < 0):  # a plan's name ends in 五: 八五, 十三五
        return _NO_TIME_WORDS  # most figures: nothing in their words dates them
    before = work[sentence_start:q.start]
    para_year = para_label = None
    if section_kind == "other":
        # the nearest dating year in the paragraph, else in the paragraph before (a news item's "2008年工作取得的成绩:"
        # dates the paragraphs of results under it)
        para = doc.paragraph_start(q.start)
        lo = max(doc.paragraph_start(max(para - 1, 0)), q.start - _PARA_REACH)
        if work.find("年", lo, q.start) >= 0:
            m = _last(S.YEAR_CONTEXT, work, lo, q.start)
            label = _last(P.REL_YEAR_LABEL, work, lo, q.start)  # a news item's 去年:… 今年:… sections
            if label is not None and (m is None or label.start() > m.start()):
                para_label = label.group(1)
            elif m is not None:
                para_year = int(m.group(1))
    dated = by = rel = None
    chain = max(before.rfind(";"), 0)  # a year or 去年 heading a clause chain dates it, not the next one
    if "年" in before:  # every time word but a plan period holds 年: most figures' words hold none
        dated = _last(S.YEAR_CONTEXT, before, chain)
        by = _last(P.BY_YEAR, before)
        rel = _last(S.REL_YEAR, before, chain)
    # 十三五期间 dates the figures after it; 由“十二五”末的29.1亿元增长到50.1亿元 dates only the first
    own = before[len(before) - (q.start - since_previous):] if since_previous is not None else before
    period = _last(P.PLAN_PERIOD, own) if "五" in own else None
    return TimeWords(
        dated=int(dated.group(1)) if dated else None,
        by=int(by.group(1) or by.group(2)) if by else None,
        relative=rel.group() if rel else para_label,
        plan_period=_PLAN_ONE_END + 5 * parse_int(period.group(1)) if period else None,
        plan_period_end=period is not None and period.group(0).endswith("末"),
        para_year=para_year,
    )


def span_words(seg: str) -> tuple[re.Match | None, bool]:
    """(较2016年/比2015年, whether the growth is an average: 年均, 平均每年, 比“八五”时期) in the words since the previous
    figure: the same for every figure of a run."""
    average = P.AVG.search(seg) is not None or ("比" in seg and P.SINCE_PERIOD.search(seg) is not None)
    return P.SINCE_YEAR.search(seg), average


def figure_year(doc: Document, q: Quantity, sec: Section | None, meta: ReportMeta, sent: tuple[int, int],
                time: TimeWords, status: str, since: re.Match | None, average: bool, run_start: int,
                measure: str) -> tuple[int | None, int, bool]:
    """(year, span, whether the figure is the from-value of 从A增加到B) for a figure of this status; `since` and
    `average` come from span_words, `run_start` is where the figure's run starts (its clause is cut out only when
    a cumulative or steady word could matter)."""
    kind = sec.kind if sec else "other"
    ps, pe = (sec.period_start, sec.period_end) if sec else (None, None)
    year = pe
    span = 5 if kind == "outlook" else 1
    if year is None:
        year = meta.plan_year if kind in TARGET_KINDS or status == "target" else reviewed_year(meta)
    if time.para_year is not None:
        year = time.para_year
    if time.dated is not None:
        year = time.dated
    if time.by is not None and (status == "target" or time.by > (meta.review_year or 0)):
        base = meta.plan_year or (meta.review_year + 1 if meta.review_year else None) or time.by
        year = time.by
        span = max(1, time.by - base + 1)  # 到2026年 in a plan for 2022: the five years 2022-2026
    if time.relative:
        # Undated reports are mostly delivered early in the plan year, where 今年 is the plan year.
        ref = meta.report_year or meta.plan_year or (meta.review_year + 1 if meta.review_year else None)
        if ref is not None:
            year = ref + P.REL_YEAR_OFFSET[time.relative]
        elif kind == "other" and year and time.relative == "今年" and status == "target":
            year += 1  # 今年's targets after last year's dated results, in a text with no dates of its own
    if time.plan_period is not None:
        year, span = time.plan_period, 1 if time.plan_period_end else 5
    term = ps is not None and pe is not None and pe > ps
    start = _period_start(doc, q, sec, sent, status, year, ps, term, meta, dated=time.dated is not None)
    if start is not None:
        return start, 1, True
    work = doc.work
    if since and year:
        span = max(1, year - int(since.group(1) or since.group(2)))
    elif average:
        span = 5  # 年均增长, 平均每年增长, 比“八五”时期增长
    elif measure in ("level", "count") or term:
        clause = doc.clause_start(run_start, sent[0])
        if measure in ("level", "count") and P.CUMULATIVE.search(work, clause, run_start) \
                and (term or P.TERM_WORD.search(work, sent[0], run_start)):
            span = 5  # 五年累计完成, a 累计 total in a five-year review
        elif term and P.STEADY.search(work, clause, run_start):
            span = 5  # 粮食产量保持在400万吨以上 through the term
    return year, span, False


def _period_start(doc: Document, q: Quantity, sec: Section | None, sent: tuple[int, int], status: str,
                  year: int | None, ps: int | None, term: bool, meta: ReportMeta, dated: bool) -> int | None:
    """The year of a from-value (从342亿元增加到572亿元), or None for any other figure.

    The value is the level at the end of the year before the period: the year before a one-year review, the year
    before a five-year term (五年来, 过去五年), and in a plan (从572亿元增加到900亿元 by 2026) the last year
    reviewed. A year written with it (由2020年的10.2亿元) wins; a clause dated by its own year (2022年,…) in a part
    headed 过去五年和2022年工作回顾 is about that one year."""
    work = doc.work
    lo = max(sent[0], q.start - _FROM_WINDOW)
    if (work.find("从", lo, q.start) < 0 and work.find("由", lo, q.start) < 0) or not P.FROM_TO_NEXT.match(work, q.end):
        return None
    m = P.FROM_START.search(work[lo:q.start])
    if not m:
        return None
    if m.group(1):
        return int(m.group(1))
    earlier = [int(y) for y in P.FROM_YEAR.findall(work, sent[0], lo)] if lo > sent[0] else []
    if earlier:
        return earlier[-1]
    compared = P.COMPARED_WITH.search(work, sent[0], q.start)
    if compared:
        return int(compared.group(1))
    if status == "target":
        return meta.review_year or (year - 1 if year else None)
    if year is None:
        return None
    if dated and "五年" not in work[sent[0]:q.start]:
        return year - 1
    if term:
        return ps - 1
    if "五年" in work[sent[0]:q.start] or (ps is None and doc.five_year(sec)):
        return year - 5
    return year - 1


def reviewed_year(meta: ReportMeta) -> int | None:
    """The year a report's results are about when nothing nearer says: its review year (the year before the one it
    plans; a report dated only by its delivery is taken to review the year before)."""
    if meta.review_year is not None:
        return meta.review_year
    if meta.plan_year is not None:
        return meta.plan_year - 1
    return meta.report_year


def comparator_of(seg: str, since: re.Match | None) -> str | None:
    """What the figure is compared with, as written (同比, 年均, 较2016年); `since` is P.SINCE_YEAR.search(seg)."""
    for word in P.COMPARATORS:
        if word in seg:
            return word
    return since.group(0) if since else None
